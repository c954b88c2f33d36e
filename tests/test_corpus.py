"""The corpus of real letters: every manifest well-formed, and the importer's score never lower
than the recorded baseline (tests/corpus/baseline.toml)."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import corpus

FOLDERS = sorted(p for p in corpus.CORPUS.iterdir() if p.is_dir())


def test_the_corpus_is_not_empty() -> None:
    assert len(FOLDERS) >= 40


@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
def test_manifest_is_well_formed(folder: Path) -> None:
    assert corpus.problems(folder) == []


def test_ids_are_unique_and_prefixed_by_their_language() -> None:
    metas = [tomllib.loads((f / "meta.toml").read_text(encoding="utf-8")) for f in FOLDERS]
    ids = [m["id"] for m in metas]
    assert len(ids) == len(set(ids))
    assert all(m["id"].startswith(m["language"] + "-") for m in metas)


def test_problems_names_what_is_wrong(tmp_path: Path) -> None:
    folder = tmp_path / "en-broken"
    folder.mkdir()
    assert corpus.problems(folder) == ["no meta.toml"]
    (folder / "meta.toml").write_text(
        'id = "en-other"\ntitle = "T"\nlanguage = "en"\n'
        'source = "github:owner/repo@main:letter.md"\nretrieved = "2026-12-02"\n'
        'shapes = ["bullets", "wavy"]\nstart = ""\nend = ""\nsections = []\n'
        "[counts]\norganizations = -1\nindividuals = 0\nentries = 2\n"
        '[[claims]]\ntext = "5 groups"\nvalue = 5\nrule = "groups"\ncorrect = true\n',
        encoding="utf-8",
    )
    assert corpus.problems(folder) == [
        "id 'en-other' is not the folder's name 'en-broken'",
        "source is neither github:owner/repo@<40-hex commit>:path nor page:<URL>",
        "shapes should be a non-empty list from the schema; unknown: ['wavy']",
        "counts.organizations should be an integer >= 0",
        "claim {'text': '5 groups', 'value': 5, 'rule': 'groups', 'correct': True} needs text, "
        "value (int), rule ['individuals', 'organizations'], correct",
        "en-broken: expected exactly one source.<md|html|txt|docx|pdf> file, found 0",
    ]


@pytest.mark.parametrize(
    ("hand", "found", "ok"),
    [(0, 0, True), (0, 1, True), (0, 2, False), (10, 11, True), (10, 12, False),
     (100, 102, True), (100, 103, False), (400, 408, True), (400, 409, False)],
)
def test_tolerance_is_one_or_two_percent(hand: int, found: int, ok: bool) -> None:
    assert corpus.within(hand, found) is ok


@pytest.mark.heavy
def test_scores_never_fall_below_the_baseline() -> None:
    scores = [corpus.score(letter) for letter in corpus.letters()]
    totals = corpus.totals(scores)
    floor = corpus.baseline()
    assert totals.letters == len(FOLDERS)
    assert totals.bare >= floor["within_tolerance_no_hints"], totals.failing
    assert totals.hinted >= floor["within_tolerance_with_hints"], totals.failing
    # A letter that passed stays passing: a fix for some letters may not cost another.
    recorded = tomllib.loads(corpus.BASELINE.read_text(encoding="utf-8"))
    lost_bare = sorted(
        set(recorded["passing_no_hints"]) - {s.letter.id for s in scores if s.ok_bare}
    )
    lost_hinted = sorted(
        set(recorded["passing_with_hints"]) - {s.letter.id for s in scores if s.ok_hinted}
    )
    assert lost_bare == [], "no longer within tolerance without hints"
    assert lost_hinted == [], "no longer within tolerance with hints"
    # The claims of the manifests the import's check finds, and the numbers it takes for
    # claims that no manifest lists: neither gets worse.
    _, found, extra = corpus.claim_totals(scores)
    assert found >= floor["claims_found"]
    assert extra <= floor["claims_not_listed"]


def test_the_baseline_names_as_many_letters_as_it_counts() -> None:
    recorded = tomllib.loads(corpus.BASELINE.read_text(encoding="utf-8"))
    ids = {f.name for f in FOLDERS}
    for key, total in (
        ("passing_no_hints", "within_tolerance_no_hints"),
        ("passing_with_hints", "within_tolerance_with_hints"),
    ):
        assert len(set(recorded[key])) == len(recorded[key]) == recorded[total]
        assert set(recorded[key]) <= ids
