"""Export benchmark (issue 4): `signon export --docx` on 5,000 and 20,000 signatories.

    uv run python bench/bench_export.py

A quarter of each list signs through coalitions (of ten members each).  Each
measure is a whole process, best of 3, beside pandoc converting the same list
(signon's own Markdown export of the letter) from Markdown to DOCX in the same
run.  Peak memory is the process's maximum resident set, read with wait4.

Budgets: 5k DOCX ≤ 0.5 × pandoc's time on the same list; 20k ≤ 4.5 × the 5k
time (linear, not quadratic); peak RSS ≤ 120 MiB.

Each export appends an entry to the letter's history (signatures.toml), with a
snapshot of the list for the latest few; the budget runs restore the record
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


class Best:
    """Best time and highest peak RSS over the runs of one measure."""

    def __init__(self) -> None:
        self.seconds = float("inf")
        self.rss_mib = 0.0

    def add(self, measured: tuple[float, int]) -> None:
        self.seconds = min(self.seconds, measured[0])
        self.rss_mib = max(self.rss_mib, measured[1] / MIB)


def measure(signatories: int, pandoc: str | None, repeat: int = 3) -> dict[str, Best]:
    """signon and pandoc runs interleaved, so that a busy machine slows both alike."""
    ws = make_workspace(signatories, signatures=signatories)
    try:
        record = ws / "letters" / "big" / "signatures.toml"
        original = record.read_bytes()
        out = ws / "out"
        out.mkdir()
        export = [SIGNON, "export", "big", "--docx", "-o", str(out / "big.docx")]
        source = out / "big.md"
        run([SIGNON, "export", "big", "--md", "-o", str(source)], cwd=ws)
        to_docx = [
            pandoc or "pandoc",
            "-f",
            "markdown",
            "-t",
            "docx",
            "-o",
            str(out / "pandoc.docx"),
            str(source),
        ]
        result = {"docx": Best(), "compose": Best(), "pandoc": Best()}
        for _ in range(repeat):
            record.write_bytes(original)  # every run records its export: same work each time
            result["docx"].add(run(export, cwd=ws))
            # What every command on this letter pays (start-up, roster, compose), for scale.
            result["compose"].add(run([SIGNON, "compose", "big"], cwd=ws))
            if pandoc:
                result["pandoc"].add(run(to_docx, cwd=ws))
        if signatories >= 20_000:
            record.write_bytes(original)
            for _ in range(5):  # the record as it is after five real exports
                run(export, cwd=ws)
            steady = result["steady"] = Best()
            kept = record.read_bytes()
            for _ in range(repeat):
                record.write_bytes(kept)
                steady.add(run(export, cwd=ws))
        return result
    finally:
        cleanup(ws)


def main() -> int:
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        print("pandoc is not installed (Debian package pandoc): the 5k budget cannot be checked")
    small = measure(5_000, pandoc)
    large = measure(20_000, pandoc)
    five, twenty = small["docx"].seconds, large["docx"].seconds
    rows = [
        (
            "signon export --docx, 5k",
            small["docx"],
            f"≤ {0.5 * small['pandoc'].seconds:.3f} s (0.5 × pandoc)" if pandoc else "(no pandoc)",
        ),
        ("  signon compose, 5k (start-up, roster, list)", small["compose"], "reference"),
        ("pandoc md → docx, 5k", small["pandoc"], "reference"),
        ("signon export --docx, 20k", large["docx"], f"≤ {4.5 * five:.3f} s (4.5 × 5k)"),
        ("  signon compose, 20k", large["compose"], "reference"),
        ("pandoc md → docx, 20k", large["pandoc"], "reference"),
        ("signon export --docx, 20k, after 5 exports", large["steady"], "(no budget)"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'measure'.ljust(width)}  {'seconds':>8}  {'peak MiB':>8}  budget")
    for name, best, budget in rows:
        print(f"{name.ljust(width)}  {best.seconds:8.3f}  {best.rss_mib:8.1f}  {budget}")
    peak = max(small["docx"].rss_mib, large["docx"].rss_mib)
    checks = {
        "5k ≤ 0.5 × pandoc": pandoc is None or five <= 0.5 * small["pandoc"].seconds,
        "20k ≤ 4.5 × 5k": twenty <= 4.5 * five,
        f"peak RSS ≤ {BUDGET_RSS_MIB} MiB": peak <= BUDGET_RSS_MIB,
    }
    for name, ok in checks.items():
        print(f"{'ok  ' if ok else 'OVER'} {name}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
