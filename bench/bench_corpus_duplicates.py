#!/usr/bin/env python3
"""Duplicate detection on the corpus of real letters: how many pairs it raises, and how many
of them the hand count calls duplicates.

Each letter is imported (for real, hints as in its manifest) into a fresh workspace; then
``Workspace.duplicates()`` lists the likely duplicate pairs of that roster.  A pair is
**true** when the manifest's ``[[duplicates]]`` names it (by printed name, folded), else it
is a **false alarm**; a manifest pair the roster holds as two entries and no pair names is
**missed** (a pair read as one entry at import is neither: it was caught).

Run: ``uv run python bench/bench_corpus_duplicates.py [ID-SUBSTRING] [--pairs]``
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import Letter, letters


def _key(name: str) -> str:
    from signon.text import fold

    return fold(name)


def measure(letter: Letter) -> tuple[int, list[tuple[str, str, str, bool]], int, str]:
    """(entries, [(a, b, reason, true)], missed, error) for one letter."""
    from signon.importers.letter_import import import_letter
    from signon.workspace import init_workspace

    hand = {frozenset((_key(p["a"]), _key(p["b"]))) for p in letter.meta.get("duplicates", [])}
    with tempfile.TemporaryDirectory(prefix="signon-dups-") as tmp:
        ws = init_workspace(Path(tmp))
        try:
            import_letter(ws, letter.source, "corpus-letter",
                          start=letter.meta.get("start") or None,
                          end=letter.meta.get("end") or None,
                          language=str(letter.meta.get("language", "en")))
        except Exception as err:  # a letter that does not import is reported, not fatal
            return 0, [], 0, f"{type(err).__name__}: {' '.join(str(err).split())[:60]}"
        roster = ws.roster()
        pairs = []
        for pair in ws.duplicates():
            names_a = {_key(n) for n in pair.first.all_names()}
            names_b = {_key(n) for n in pair.second.all_names()}
            true = any(frozenset((a, b)) in hand for a in names_a for b in names_b)
            pairs.append((pair.first_name, pair.second_name, pair.likeness.reason, true))
        held = {_key(n): e.id for e in roster.entries.values() for n in e.all_names()}
        found = {frozenset((_key(a), _key(b))) for a, b, _, _ in pairs}
        missed = sum(1 for p in hand if len(p) == 2
                     and len({held.get(k) for k in p} - {None}) == 2 and p not in found)
        return len(roster.entries), pairs, missed, ""


def main(argv: list[str]) -> int:
    show_pairs = "--pairs" in argv
    wanted = [a for a in argv if not a.startswith("--")]
    chosen = [lt for lt in letters() if not wanted or any(w in lt.id for w in wanted)]
    total_entries = total_pairs = total_true = total_missed = 0
    print(f"{'letter':40} {'entries':>7} {'pairs':>5} {'true':>4} {'false':>5} {'missed':>6}")
    for letter in chosen:
        entries, pairs, missed, error = measure(letter)
        true = sum(1 for *_, t in pairs if t)
        total_entries += entries
        total_pairs += len(pairs)
        total_true += true
        total_missed += missed
        print(f"{letter.id:40} {entries:7} {len(pairs):5} {true:4} {len(pairs) - true:5} "
              f"{missed:6} {error}")
        if show_pairs:
            for a, b, reason, t in pairs:
                print(f"    {'TRUE ' if t else 'FALSE'} {a!r} ~ {b!r} ({reason})")
    false = total_pairs - total_true
    rate = false / total_pairs if total_pairs else 0.0
    print(f"\n{len(chosen)} letters, {total_entries} entries: {total_pairs} pairs, "
          f"{total_true} true, {false} false alarms ({rate:.0%} of pairs; "
          f"{false / max(total_entries, 1):.2%} of entries), {total_missed} missed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
