"""Workflow benchmark (issue 6): ``stats`` and ``diff --since-export`` on a big letter.

    uv run python bench/bench_workflow.py

A 10,000-organization roster and a letter signed by 5,000 of them, a quarter
through coalitions of ~10 members; one export recorded (by ``signon export``
when it records exports, else through :func:`signon.history.record_export`),
then 50 more signatures, 10 withdrawals and 5 renames so that ``diff`` has
work to do.  Budget: each command ≤ 0.4 s whole process (best of 5).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from common import SIGNON, cleanup, env, make_workspace, report, timed

BUDGET = 0.4


def record_one_export(ws: Path) -> str:
    """Record an export of letter "big"; returns how it was recorded."""
    out = ws / "big.txt"
    proc = subprocess.run([SIGNON, "export", "big", "--txt", "-o", str(out)], cwd=ws, env=env(),
                          capture_output=True)
    if proc.returncode == 0 and "[[exports]]" in (ws / "letters/big/signatures.toml").read_text(
            encoding="utf-8"):
        return "signon export big --txt"
    from signon.compose import compose
    from signon.history import record_export
    from signon.workspace import Workspace

    workspace = Workspace(ws)
    record_export(ws, compose(ws, workspace.roster(), "big"), ["txt"])
    return "signon.history.record_export (the exporter does not record exports yet)"


def change_after_export(ws: Path) -> None:
    from signon.letter import edit_record, read_record
    from signon.signing import sign_letter
    from signon.workspace import Workspace

    workspace = Workspace(ws)
    roster = workspace.roster()
    signed = {s.id for s in read_record(ws / "letters" / "big", "big").signatures}
    covered = set(signed)
    for sid in signed:
        covered |= roster.descendants(sid)
    fresh = [eid for eid in sorted(roster.entries) if eid not in covered][:50]
    sign_letter(ws, roster, "big", fresh, date="2024-04-01")
    with edit_record(ws, "big") as record:
        for sig in [s for s in record.signatures if not roster.entries[s.id].is_coalition][:10]:
            sig.withdrawn = "2024-04-02"
    with workspace.edit_roster() as editable:
        for eid in sorted(signed)[20:25]:
            editable.entries[eid].name += " (renamed)"


def main() -> int:
    ws = make_workspace(10_000, signatures=5_000)
    try:
        how = record_one_export(ws)
        change_after_export(ws)
        stats, stats_rss = timed([SIGNON, "stats", "big"], cwd=ws)
        stats_json, _ = timed([SIGNON, "stats", "big", "--json"], cwd=ws)
        diff, diff_rss = timed([SIGNON, "diff", "big", "--since-export"], cwd=ws)
        diff_json, _ = timed([SIGNON, "diff", "big", "--since-export", "--json"], cwd=ws)
        diff_date, _ = timed([SIGNON, "diff", "big", "--since", "2024-03-15"], cwd=ws)
        help_run, _ = timed([SIGNON, "stats", "--help"], cwd=ws)
        summary = subprocess.run([SIGNON, "diff", "big", "--since-export"], cwd=ws, env=env(),
                                 capture_output=True, text=True).stdout.splitlines()[:2]
    finally:
        cleanup(ws)
    print(f"export recorded through {how}")
    print("diff says: " + " / ".join(summary))
    report([
        ("stats, 10k roster / 5k signatures", stats, f"≤ {BUDGET:.3f} s  (peak "
         f"{stats_rss // 1024} MiB)"),
        ("stats --json", stats_json, f"≤ {BUDGET:.3f} s"),
        ("diff --since-export", diff, f"≤ {BUDGET:.3f} s  (peak {diff_rss // 1024} MiB)"),
        ("diff --since-export --json", diff_json, f"≤ {BUDGET:.3f} s"),
        ("diff --since DATE", diff_date, "(no budget)"),
        ("stats --help (CLI start-up)", help_run, "reference"),
    ])
    ok = max(stats, stats_json, diff, diff_json) <= BUDGET
    print("within budget" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
