"""When two individual signatures are one person (signon/identity/people.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from signon.identity.people import same_person

Cli = Callable[..., Any]


@pytest.mark.parametrize(("a", "b", "same"), [
    # pt-mst-solidariedade-internacional prints these two people twice each.
    (("Miguel Tinker Salas", "Pomona College (USA)"),
     ("Miguel Tinker Salas", "Pomona College"), True),
    (("Gary Prevost", "St. John’s University (USA)"),
     ("Gary Prevost", "College of St. Benedict/St. John's University"), True),
    (("Nora Hamilton", "USC"), ("nora  hamilton", "usc"), True),
    (("Łukasz Nowak", ""), ("Lukasz Nowak", ""), True),
    # Places that share only words every university has: two people.
    (("Maria Silva", "Universidade Federal do Rio de Janeiro"),
     ("Maria Silva", "Universidade de São Paulo"), False),
    (("John Smith", "Professor, University of Leeds"),
     ("John Smith", "Professor of History, University of Toronto"), False),
    # No affiliation says nothing: two signatures stay two.
    (("Jane Doe", ""), ("Jane Doe", "Amnesty International"), False),
    (("Jane Doe", "Pomona College"), ("Jane Roe", "Pomona College"), False),
])
def test_same_person(a: tuple[str, str], b: tuple[str, str], same: bool) -> None:
    assert same_person(*a, *b) is same
    assert same_person(*b, *a) is same


def test_signing_one_person_again_at_the_same_place_is_refused(small_letter: Path,
                                                               cli: Cli) -> None:
    assert cli("sign-individual", "demo", "Miguel Tinker Salas", "--affiliation",
               "Pomona College (USA)").exit_code == 0
    again = cli("sign-individual", "demo", "Miguel Tinker Salas", "--affiliation",
                "Pomona College")
    assert (again.exit_code, again.stderr) == (
        3, "error: 'Miguel Tinker Salas' has already signed 'demo'\n")
    other = cli("sign-individual", "demo", "Miguel Tinker Salas", "--affiliation",
                "University of Leeds")
    assert other.exit_code == 0
