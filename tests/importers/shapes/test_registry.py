"""The registry of list shapes (importers/shapes/__init__.py)."""

from __future__ import annotations

import re
from types import ModuleType

import pytest

from signon.importers import shapes
from signon.importers.shapes import company_heads, lines, sentence, tables

from ..helpers import CORPUS


def test_the_catch_all_line_reader_comes_last() -> None:
    assert [r.name for r in shapes.READERS] == ["tables", "lines"]
    assert [r.name for r in shapes.REWRITES] == ["sentence"]


@pytest.mark.parametrize("module", [tables, lines, sentence, company_heads])
def test_each_shape_names_the_corpus_letters_that_show_it(module: ModuleType) -> None:
    letters = re.findall(r"tests/corpus/([\w-]+)", module.__doc__ or "")
    assert letters
    assert all((CORPUS / letter).is_dir() for letter in letters), letters
