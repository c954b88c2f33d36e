"""Letters benchmark (issue 3): check and compose on a 10,000-organization roster with a
5,000-signature letter, a quarter of the signatures through coalitions.

    uv run python bench/bench_letters.py

Budgets (2-core machine): `signon check` ≤ 0.35 s, `signon compose` ≤ 0.4 s, whole process.
"""

from __future__ import annotations

import sys

from common import SIGNON, cleanup, make_workspace, report, timed


def main() -> int:
    ws = make_workspace(10_000, signatures=5_000)
    try:
        check, check_rss = timed([SIGNON, "check", "big"], cwd=ws)
        check_json, _ = timed([SIGNON, "check", "big", "--json"], cwd=ws)
        compose, compose_rss = timed([SIGNON, "compose", "big"], cwd=ws)
    finally:
        cleanup(ws)
    report([
        ("check big (10k roster, 5k signatures)", check,
         f"≤ 0.350 s  (peak {check_rss // 1024} MiB)"),
        ("check big --json", check_json, "≤ 0.350 s"),
        ("compose big", compose, f"≤ 0.400 s  (peak {compose_rss // 1024} MiB)"),
    ])
    ok = check <= 0.35 and check_json <= 0.35 and compose <= 0.4
    print("within budget" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
