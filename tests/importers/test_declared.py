"""--people / --organizations: the coordinator declares what the list holds, over every guess."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from signon.audit import audit_file

Cli = Callable[..., Any]
CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.mark.parametrize(("letter", "holds", "expected"), [
    # A table of people ("Фамилия и имя | Должность"), declared organizations: 86 of them.
    ("ru-it-case-212/source.md", None, (0, 86)),
    ("ru-it-case-212/source.md", "organizations", (86, 0)),
    # 203 organizations, declared people.
    ("pt-owinfs-unctad13/source.html", None, (203, 0)),
    ("pt-owinfs-unctad13/source.html", "individuals", (0, 203)),
])
def test_a_declaration_decides_what_every_name_is(letter: str, holds: str | None,
                                                  expected: tuple[int, int]) -> None:
    counts = audit_file(CORPUS / letter, holds=holds).check.counts
    assert (counts.organizations, counts.individuals) == expected


def test_the_flags_on_check_file_and_import(workspace: Path, cli: Cli) -> None:
    source = str(CORPUS / "ru-it-case-212" / "source.md")
    result = cli("check", source, "--organizations", "--json")
    assert '"organizations": 86' in result.stdout
    both = cli("check", source, "--people", "--organizations")
    assert both.exit_code == 2 and "give --people or --organizations, not both" in both.stderr
    imported = cli("import-letter", source, "--slug", "r", "--organizations", "--dry-run",
                   "--json")
    assert imported.exit_code == 0 and '"organizations": 86' in imported.stdout
    refused = cli("check", "r", "--people")
    assert refused.exit_code == 2 and "apply to a FILE only" in refused.stderr
