"""Corpus letters saved as Word and as PDF (tests/corpus_formats/): the same counts."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORMATS = ROOT / "tests" / "corpus_formats"
sys.path.insert(0, str(ROOT / "bench"))
import corpus  # noqa: E402  (bench/corpus.py: the manifests and the tolerance)

FILES = sorted(p for p in FORMATS.iterdir() if p.suffix in (".pdf", ".docx"))


def test_every_file_is_a_corpus_letter() -> None:
    ids = {letter.id for letter in corpus.letters()}
    assert FILES and {p.stem for p in FILES} <= ids


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_a_saved_letter_reads_like_the_published_one(path: Path) -> None:
    # Imported as `signon import-letter --dry-run` would, counted as `signon check` counts.
    letter = next(c for c in corpus.letters() if c.id == path.stem)
    run = corpus.run_import(letter, source=path)
    assert run.ok_for(letter), run
