"""Letters benchmark (issue 3): check and compose on a 10,000-organization roster with a
5,000-signature letter, a quarter of the signatures through coalitions.

    uv run python bench/bench_letters.py

Budgets (2-core machine): `signon check` ≤ 0.35 s, `signon compose` ≤ 0.4 s, whole process.
"""

from __future__ import annotations

import sys

from common import SIGNON, cleanup, load_note, make_workspace, report, timed


def main() -> int:
    ws = make_workspace(10_000, signatures=5_000)
    try:
        check = timed([SIGNON, "check", "big"], cwd=ws)
        check_json = timed([SIGNON, "check", "big", "--json"], cwd=ws)
        compose = timed([SIGNON, "compose", "big"], cwd=ws)
        letters = timed([SIGNON, "letters", "--json"], cwd=ws)
    finally:
        cleanup(ws)
    report([
        ("check big (10k roster, 5k signatures)", check, "≤ 0.350 s"),
        ("check big --json", check_json, "≤ 0.350 s"),
        ("compose big", compose, "≤ 0.400 s"),
        ("letters --json", letters, "none"),
    ])
    ok = max(check.wall, check_json.wall) <= 0.35 and compose.wall <= 0.4
    print("within budget" if ok else "OVER BUDGET", load_note())
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
