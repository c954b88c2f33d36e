"""Every command-speed budget of issue 12 in one run: budget, measured and floor side by side.

    uv run python bench/bench_budgets.py          # 10k and 100k rosters (a few minutes)
    uv run python bench/bench_budgets.py --quick  # 10k only

The floor of a measure is the same process doing only what cannot be avoided: for
start-up, `python -c "import typer"`; for check/compose, start-up plus reading the
roster and the letter (`Workspace.roster()` and `Workspace.letter()`); for add-org,
start-up plus reading and writing the roster once.  Whole processes, best of N, with
bytecode compiled as an installer would.
"""

from __future__ import annotations

import subprocess
import sys

from common import SIGNON, Timing, cleanup, env, load_note, make_workspace, timed

FLOOR_READ = (
    "import typer, sys; from signon.workspace import find_workspace; "
    "ws = find_workspace(); ws.roster(); ws.letter('big')"
)
FLOOR_WRITE = (
    "import typer; from signon.workspace import find_workspace; "
    "ws = find_workspace()\n"
    "with ws.edit_roster() as r:\n"
    "    from signon.roster import make_entry\n"
    "    r.add(make_entry(r, 'Floor Org Zzyzx', eid='floor-zzyzx'), force=True)"
)
MODULES = (
    "import sys, runpy; sys.argv = ['signon', 'check', 'big', '--json']\n"
    "try:\n    runpy.run_module('signon', run_name='__main__')\nexcept SystemExit:\n    pass\n"
    "print(' '.join(m for m in ('rich', 'jinja2', 'icu') if m in sys.modules), file=sys.stderr)"
)

Row = tuple[str, Timing, float, Timing | None]  # measure, timing, budget (s), floor


def _line(name: str, t: Timing, budget: float, floor: Timing | None) -> str:
    verdict = "ok" if t.wall <= budget else "OVER"
    floor_txt = f"{floor.wall:7.3f} {floor.cpu:7.3f}" if floor else f"{'':7} {'':7}"
    return f"{name:44} {t.wall:7.3f} {t.cpu:7.3f}  {floor_txt}  ≤ {budget:5.2f} s  {verdict}"


def letters(n: int, signatures: int, budget: float) -> list[Row]:
    ws = make_workspace(n, signatures=signatures)
    try:
        floor = timed([sys.executable, "-c", FLOOR_READ], cwd=ws, repeat=5)
        rows: list[Row] = []
        for args in (["check", "big"], ["check", "big", "--json"], ["compose", "big"]):
            t = timed([SIGNON, *args], cwd=ws, repeat=5, ok_codes=(0, 1))
            rows.append((f"{' '.join(args)} ({n // 1000}k roster, {signatures // 1000}k sig.)",
                         t, budget, floor))
        return rows
    finally:
        cleanup(ws)


def add_org(n: int, budget: float) -> list[Row]:
    ws = make_workspace(n)
    roster = ws / "orgs.toml"
    try:
        floor = timed([sys.executable, "-c", FLOOR_WRITE], cwd=ws, repeat=5, reset=roster)
        t = timed([SIGNON, "add-org", "Bench Org Zzyzx", "--id", "bench-zzyzx", "--force"],
                  cwd=ws, repeat=5, reset=roster)
        return [(f"add-org ({n // 1000}k roster)", t, budget, floor)]
    finally:
        cleanup(ws)


def start_up() -> list[Row]:
    ws = make_workspace(10)
    try:
        typer_import = timed([sys.executable, "-c", "import typer"], cwd=ws, repeat=10)
        budget = 1.2 * typer_import.wall
        return [(f"signon {' '.join(a)}", timed([SIGNON, *a], cwd=ws, repeat=10), budget,
                 typer_import) for a in (["--help"], ["orgs", "--help"])]
    finally:
        cleanup(ws)


def modules_loaded() -> str:
    ws = make_workspace(10_000, signatures=5_000)
    try:
        proc = subprocess.run([sys.executable, "-c", MODULES], cwd=ws, env=env(),
                              capture_output=True, text=True)
        return proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ""
    finally:
        cleanup(ws)


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    rows = start_up() + letters(10_000, 5_000, 0.15) + add_org(10_000, 0.2)
    if not quick:
        rows += letters(100_000, 50_000, 1.0) + add_org(100_000, 1.5)
    print(f"{'measure':44} {'wall s':>7} {'cpu s':>7}  {'floor':>7} {'cpu':>7}  budget")
    for row in rows:
        print(_line(*row))
    loaded = modules_loaded()
    # The bench letter's placeholders are plain ({{ count }}, {{ count | words }}…),
    # which signon renders without Jinja2.
    print(f"check --json loads: {loaded or 'neither rich, Jinja2 nor ICU'}")
    over = [r[0] for r in rows if r[1].wall > r[2]]
    print("within budget" if not over else f"OVER BUDGET: {', '.join(over)}", load_note())
    return 0 if not over else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
