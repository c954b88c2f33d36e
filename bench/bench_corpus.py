"""Corpus benchmark (issue 9): how many real letters signon imports with the right counts.

    uv run python bench/bench_corpus.py [ID-SUBSTRING ...]
    uv run python bench/bench_corpus.py --record   # and write tests/corpus/baseline.toml

For every tests/corpus/*/meta.toml, the letter is imported in dry-run into a fresh
workspace, without hints and (when the manifest gives them) with its start/end hints.
A run is ok when organizations and individuals are each within max(1, 2%) of the hand
counts; an exception is a failure, printed with its message.  Totals at the end; the
test suite holds them at or above tests/corpus/baseline.toml.
"""

from __future__ import annotations

import sys
import time

from corpus import (
    BASELINE,
    Run,
    Score,
    claim_score,
    claim_totals,
    letters,
    score,
    tolerance,
    totals,
)

_HEADER = """\
# Letters of tests/corpus/ whose counts the importer gets within tolerance (organizations and
# individuals each within max(1, 2%) of the hand count), as measured by bench/bench_corpus.py.
# tests/test_corpus.py fails when the current importer scores lower, or when a letter named
# here is no longer read within tolerance. Raise these when it improves:
# `uv run python bench/bench_corpus.py --record`.
"""


def record(scores: list[Score]) -> None:
    """Write the baseline: the totals and the letters read within tolerance."""
    def names(ids: list[str]) -> str:
        return "[\n" + "".join(f'    "{i}",\n' for i in ids) + "]\n"

    bare = [s.letter.id for s in scores if s.ok_bare]
    hinted = [s.letter.id for s in scores if s.ok_hinted]
    _, found, extra = claim_totals(scores)
    BASELINE.write_text(
        _HEADER
        + f"within_tolerance_no_hints = {len(bare)}\n"
        + f"within_tolerance_with_hints = {len(hinted)}\n"
        + "# claims of the manifests found (with hints), and claims found that none lists:\n"
        + f"claims_found = {found}\n"
        + f"claims_not_listed = {extra}\n"
        + "passing_no_hints = " + names(bare)
        + "passing_with_hints = " + names(hinted),
        encoding="utf-8",
    )


def _cell(run: Run | None, hand_org: int, hand_ind: int, ok: bool) -> str:
    if run is None:
        return "-"
    if run.error:
        return "FAIL (error)"
    verdict = "ok" if ok else "FAIL"
    marks = []
    if abs(run.organizations - hand_org) > tolerance(hand_org):
        marks.append(f"org {run.organizations - hand_org:+d}")
    if abs(run.individuals - hand_ind) > tolerance(hand_ind):
        marks.append(f"ind {run.individuals - hand_ind:+d}")
    return verdict + (f" ({', '.join(marks)})" if marks else "")


def line(s: Score) -> str:
    letter = s.letter
    found = f"{s.bare.organizations}/{s.bare.individuals}" if not s.bare.error else "-"
    hinted = s.hinted
    found_h = ("-" if hinted is None or hinted.error
               else f"{hinted.organizations}/{hinted.individuals}")
    return (f"{letter.id:<34} {letter.source.suffix[1:]:<4} "
            f"{letter.organizations:>4}/{letter.individuals:<4} "
            f"{found:>9} {_cell(s.bare, letter.organizations, letter.individuals, s.ok_bare):<22} "
            f"{found_h:>9} "
            f"{_cell(hinted, letter.organizations, letter.individuals, s.ok_hinted)}")


def main(argv: list[str]) -> int:
    recording = "--record" in argv
    argv = [a for a in argv if a != "--record"]
    if recording and argv:
        print("--record scores the whole corpus; give no letter ids with it", file=sys.stderr)
        return 2
    chosen = [c for c in letters() if not argv or any(a in c.id for a in argv)]
    print(f"{'letter':<34} {'fmt':<4} {'hand o/i':>9} {'found o/i':>9} {'no hints':<22} "
          f"{'hinted':>9} with hints")
    scores = []
    began = time.perf_counter()
    for letter in chosen:
        s = score(letter)
        scores.append(s)
        print(line(s), flush=True)
        for run in (s.bare, s.hinted):
            if run is not None and run.error:
                print(f"    {'with hints' if run is s.hinted else 'no hints'}: {run.error}")
    elapsed = time.perf_counter() - began
    t = totals(scores)
    print()
    print(f"letters within tolerance without hints: {t.bare}/{t.letters}")
    print(f"letters within tolerance with hints:    {t.hinted}/{t.letters}")
    for s in scores:
        h, f, x = claim_score(s.letter, s.hinted or s.bare)
        if x or f < h:
            print(f"    claims {s.letter.id}: {f} of {h} hand-marked found, {x} not in the "
                  "manifest")
    hand, found, extra = claim_totals(scores)
    print(f"claims (with hints): {found} of {hand} hand-marked found; {extra} found that the "
          "manifests do not list")
    if t.failing:
        print(f"still failing with hints: {', '.join(t.failing)}")
    print(f"({elapsed:.1f} s)")
    if recording:
        record(scores)
        print(f"recorded in {BASELINE.relative_to(BASELINE.parents[2])}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
