"""Export benchmark (issue 4): `signon export --docx` on 5,000 and 20,000 signatories.

    uv run python bench/bench_export.py

A quarter of each list signs through coalitions (of ten members each).  Each
measure is a whole process, best of 3, beside pandoc converting the same list
(signon's own Markdown export of the letter) from Markdown to DOCX in the same
run.  Peak memory is the process's maximum resident set, read with wait4.

Budgets: 5k DOCX ≤ 0.5 × pandoc's time on the same list; 20k ≤ 4.5 × the 5k
time (linear, not quadratic); peak RSS ≤ 120 MiB.

Each export appends an entry to the letter's history (signatures.toml), with a
snapshot of the list for the latest five; the budget runs restore the record
first, so that every run does the same work.  A last line shows the steady
state, after five exports of 20,000 names.  ``signon compose`` on the same
letter shows what every command pays before export's own work begins.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from common import SIGNON, cleanup, env, make_workspace

MIB = 1024  # ru_maxrss is in KiB on Linux
BUDGET_RSS_MIB = 120


def run(args: Sequence[str], *, cwd: Path) -> tuple[float, int]:
    """Wall time and peak RSS (KiB) of one process (wait4 gives that child's own rusage)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(args), cwd=cwd, env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"{' '.join(args)} failed ({proc.returncode}): {err.decode()[-400:]}")
    return elapsed, usage.ru_maxrss


def best_of(
    args: Sequence[str], *, cwd: Path, repeat: int = 3, reset: Path | None = None
) -> tuple[float, int]:
    original = reset.read_bytes() if reset else b""
    best, peak = float("inf"), 0
    for _ in range(repeat):
        if reset:
            reset.write_bytes(original)
        elapsed, rss = run(args, cwd=cwd)
        best, peak = min(best, elapsed), max(peak, rss)
    return best, peak


def measure(signatories: int, pandoc: str | None) -> dict[str, float]:
    ws = make_workspace(signatories, signatures=signatories)
    try:
        record = ws / "letters" / "big" / "signatures.toml"
        out = ws / "out"
        out.mkdir()
        docx, docx_rss = best_of(
            [SIGNON, "export", "big", "--docx", "-o", str(out / "big.docx")], cwd=ws, reset=record
        )
        result = {"docx": docx, "docx_rss": docx_rss / MIB}
        # What every command on this letter pays (start-up, roster, compose), for scale.
        compose, compose_rss = best_of([SIGNON, "compose", "big"], cwd=ws)
        result |= {"compose": compose, "compose_rss": compose_rss / MIB}
        if pandoc:
            source = out / "big.md"
            run([SIGNON, "export", "big", "--md", "-o", str(source)], cwd=ws)
            pandoc_time, pandoc_rss = best_of(
                [
                    pandoc,
                    "-f",
                    "markdown",
                    "-t",
                    "docx",
                    "-o",
                    str(out / "pandoc.docx"),
                    str(source),
                ],
                cwd=ws,
            )
            result |= {"pandoc": pandoc_time, "pandoc_rss": pandoc_rss / MIB}
        if signatories >= 20_000:
            for _ in range(5):  # the record as it is after five real exports
                run([SIGNON, "export", "big", "--docx", "-o", str(out / "big.docx")], cwd=ws)
            steady, steady_rss = best_of(
                [SIGNON, "export", "big", "--docx", "-o", str(out / "big.docx")],
                cwd=ws,
                reset=record,
            )
            result |= {"steady": steady, "steady_rss": steady_rss / MIB}
        return result
    finally:
        cleanup(ws)


def main() -> int:
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        print("pandoc is not installed (Debian package pandoc): the 5k budget cannot be checked")
    small = measure(5_000, pandoc)
    large = measure(20_000, pandoc)
    rows = [
        (
            "signon export --docx, 5k",
            small["docx"],
            small["docx_rss"],
            f"≤ {0.5 * small['pandoc']:.3f} s (0.5 × pandoc)" if pandoc else "(pandoc missing)",
        ),
        (
            "  of which signon compose (start-up, roster, list)",
            small["compose"],
            small["compose_rss"],
            "reference",
        ),
        (
            "pandoc md → docx, 5k",
            small.get("pandoc", float("nan")),
            small.get("pandoc_rss", float("nan")),
            "reference",
        ),
        (
            "signon export --docx, 20k",
            large["docx"],
            large["docx_rss"],
            f"≤ {4.5 * small['docx']:.3f} s (4.5 × 5k)",
        ),
        (
            "pandoc md → docx, 20k",
            large.get("pandoc", float("nan")),
            large.get("pandoc_rss", float("nan")),
            "reference",
        ),
        (
            "signon export --docx, 20k, after 5 exports",
            large["steady"],
            large["steady_rss"],
            "(no budget)",
        ),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'measure'.ljust(width)}  {'seconds':>8}  {'peak MiB':>8}  budget")
    for name, seconds, rss, budget in rows:
        print(f"{name.ljust(width)}  {seconds:8.3f}  {rss:8.1f}  {budget}")
    ok = (
        (pandoc is None or small["docx"] <= 0.5 * small["pandoc"])
        and large["docx"] <= 4.5 * small["docx"]
        and max(small["docx_rss"], large["docx_rss"]) <= BUDGET_RSS_MIB
    )
    print(f"peak RSS budget ≤ {BUDGET_RSS_MIB} MiB; " + ("within budget" if ok else "OVER BUDGET"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
