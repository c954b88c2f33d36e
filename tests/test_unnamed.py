"""Signatories that asked not to be named: the summary line, and show/stats/diff keeping them
private unless asked (issue 10, item 7)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from signon.errors import WorkspaceFileError
from signon.letterlocale import plural_category, summary_line
from signon.letterlocale_data import PLURAL_CATEGORIES, UNNAMED_LINES

Cli = Callable[..., Any]


@pytest.mark.parametrize(
    ("language", "n", "line"),
    [
        ("en", 1, "and 1 organization that asked not to be named"),
        ("en-GB", 3, "and 3 organizations that asked not to be named"),
        ("fr", 1, "et 1 organisation ayant demandé à ne pas être nommée"),
        ("fr", 2, "et 2 organisations ayant demandé à ne pas être nommées"),
        ("de", 2, "sowie 2 Organisationen, die nicht genannt werden möchten"),
        ("es", 1, "y 1 organización que pidió no ser nombrada"),
        ("ru", 21, "а также 21 организация, попросившая не называть её"),
        ("ru", 22, "а также 22 организации, попросившие не называть их"),
        ("ru", 25, "а также 25 организаций, попросивших не называть их"),
        ("ru", 11, "а также 11 организаций, попросивших не называть их"),
        ("pl", 1, "oraz 1 organizacja, która poprosiła o nieujawnianie jej nazwy"),
        ("pl", 22, "oraz 22 organizacje, które poprosiły o nieujawnianie ich nazw"),
        ("pl", 21, "oraz 21 organizacji, które poprosiły o nieujawnianie ich nazw"),
        ("pl_PL", 5, "oraz 5 organizacji, które poprosiły o nieujawnianie ich nazw"),
        ("uk", 3, "а також 3 організації, які попросили не називати їх"),
        # A language without its own line is written in English, with English plurals.
        ("ar", 1, "and 1 organization that asked not to be named"),
        ("ar", 3, "and 3 organizations that asked not to be named"),
    ],
)
def test_default_line_in_the_letters_language(language: str, n: int, line: str) -> None:
    assert summary_line(n, language) == line


def test_no_line_without_unnamed_signatories() -> None:
    assert summary_line(0, "ru") == ""


def test_every_line_has_its_other_form_and_the_number() -> None:
    for language, forms in UNNAMED_LINES.items():
        assert "other" in forms, language
        assert set(forms) <= set(PLURAL_CATEGORIES), language
        assert all("{n}" in text for text in forms.values()), language


@pytest.mark.parametrize("n", [1, 2, 5, 21, 101, 1000000])
def test_english_plural_without_icu_agrees_with_icu(n: int) -> None:
    import icu

    assert plural_category(n, "en") == icu.PluralRules.forLocale(icu.Locale("en")).select(n)


def test_front_matter_overrides() -> None:
    assert summary_line(5, "en", "and {n} groups that cannot be named for their safety") \
        == "and 5 groups that cannot be named for their safety"
    table = {"one": "et {words} autre organisation", "other": "et {words} autres organisations"}
    assert summary_line(1, "fr", table) == "et un autre organisation"
    assert summary_line(3, "fr", table) == "et trois autres organisations"
    assert summary_line(4, "en", "") == ""
    # Other braces are the writer's text, never a format field.
    assert summary_line(2, "en", "{n} more {0.__class__}") == "2 more {0.__class__}"


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (5, "must be a string or a table of plural forms"),
        ({"one": "x"}, 'needs an "other" form'),
        ({"single": "x", "other": "y"}, "'single', which is not a plural form"),
        ({"other": 3}, "unnamed_line.other must be a string"),
    ],
)
def test_a_bad_override_names_the_file(given: object, message: str) -> None:
    with pytest.raises(WorkspaceFileError, match=r"letters/demo/letter\.md: front matter") as err:
        summary_line(2, "en", given, where="letters/demo/letter.md")
    assert message in str(err.value)


# ------------------------------------------------------------------ through the CLI


def _front(ws: Path, slug: str, line: str, name: str = "letter.md") -> None:
    path = ws / "letters" / slug / name
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("+++\n", f"+++\n{line}\n", 1), encoding="utf-8")


@pytest.fixture
def private(workspace: Path, cli: Cli) -> Path:
    """Letter "demo": a and b named, s unnamed; letter "other": s named."""
    for args in (("add-org", "Alpha Rights", "--id", "a", "--country", "Norway"),
                 ("add-org", "Beta Watch", "--id", "b", "--country", "Poland"),
                 ("add-org", "Sigma Shelter", "--id", "s", "--country", "Belarus"),
                 ("new-letter", "demo", "--title", "Demo", "--date", "2024-03-01"),
                 ("new-letter", "other", "--title", "Other", "--date", "2024-03-01"),
                 ("sign", "demo", "a", "b", "--date", "2024-03-02"),
                 ("sign", "demo", "s", "--unnamed", "--date", "2024-03-02"),
                 ("sign", "other", "s", "--date", "2024-03-02")):
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stderr)
    return workspace


def test_compose_ends_the_list_with_the_line(private: Path, cli: Cli) -> None:
    result = cli("compose", "demo")
    assert result.exit_code == 0
    assert result.stdout.endswith(
        "Signed by:\n\nAlpha Rights (Norway)\nBeta Watch (Poland)\n"
        "and 1 organization that asked not to be named\n")
    assert "Sigma" not in result.stdout


def test_override_in_the_front_matter_and_per_language(private: Path, cli: Cli) -> None:
    _front(private, "demo", 'unnamed_line = "and {n} more, unnamed for their safety"')
    french = (private / "letters" / "demo" / "letter.fr.md")
    french.write_text('+++\ntitle = "Démo"\nlanguage = "fr"\n+++\n\n{{ signatories }}\n',
                      encoding="utf-8")
    assert cli("compose", "demo").stdout.endswith(
        "Beta Watch (Poland)\nand 1 more, unnamed for their safety\n")
    # The English override is not the French letter's: it has its own default.
    assert cli("compose", "demo", "--lang", "fr").stdout.endswith(
        "Beta Watch (Poland)\net 1 organisation ayant demandé à ne pas être nommée\n")
    _front(private, "demo", 'unnamed_line = ""', "letter.fr.md")
    assert cli("compose", "demo", "--lang", "fr").stdout.endswith("Beta Watch (Poland)\n")


def test_a_bad_override_is_exit_4(private: Path, cli: Cli) -> None:
    _front(private, "demo", 'unnamed_line = { one = "x" }')
    result = cli("compose", "demo")
    assert result.exit_code == 4
    assert result.stderr.startswith("error: letters/demo/letter.md: front matter unnamed_line "
                                    'needs an "other" form')


def test_show_keeps_unnamed_signatures_private_unless_asked(private: Path, cli: Cli) -> None:
    plain = cli("show", "s")
    assert plain.exit_code == 0
    assert plain.stdout.splitlines()[-1] == (
        "letters     other, and 1 letter signed unnamed (--include-unnamed lists them)")
    asked = cli("show", "s", "--include-unnamed")
    assert asked.stdout.splitlines()[-1] == "letters     demo (unnamed), other"
    data = json.loads(cli("show", "s", "--json").stdout)
    assert (data["letters"], data["unnamed_signatures"]) == (["other"], 1)
    assert [row["letter"] for row in data["signatures"]] == ["other"]
    data = json.loads(cli("show", "s", "--json", "--include-unnamed").stdout)
    assert data["letters"] == ["demo", "other"]
    assert [(row["letter"], row["unnamed"]) for row in data["signatures"]] == [
        ("demo", True), ("other", False)]


def test_stats_count_them_in_no_row_unless_asked(private: Path, cli: Cli) -> None:
    plain = cli("stats", "demo")
    assert plain.exit_code == 0
    assert plain.stdout == (
        "Demo (demo)\n"
        "3 organizations, 3 entries, 3 names, 0 individuals; the letter counts organizations\n"
        "1 organization asked not to be named (counted, not itemized; --include-unnamed to "
        "tally them)\n"
        "\n"
        "By kind\n"
        "kind            count\n"
        "──────────────────────────────────────────────────────\n"
        "organizations       2   ██████████████████████████████\n"
        "not named           1   ███████████████\n"
        "coalitions          0\n"
        "individuals         0\n"
        "\n"
        "By country (organizations)\n"
        "country       count   share\n"
        "────────────────────────────────────────────────────────────\n"
        "Norway            1     33%   ██████████████████████████████\n"
        "Poland            1     33%   ██████████████████████████████\n"
        "(not named)       1     33%   ██████████████████████████████\n"
    )
    asked = cli("stats", "demo", "--include-unnamed")
    assert "Belarus       1     33%" in asked.stdout
    assert "(not named)" not in asked.stdout
    data = json.loads(cli("stats", "demo", "--json").stdout)
    assert (data["unnamed"], data["include_unnamed"]) == (1, False)
    assert [row["country"] for row in data["by_country"]] == ["Norway", "Poland"]
    assert data["by_kind"] == {"organizations": 2, "coalitions": 0, "individuals": 0}
    data = json.loads(cli("stats", "demo", "--json", "--include-unnamed").stdout)
    assert [row["country"] for row in data["by_country"]] == ["Belarus", "Norway", "Poland"]
    assert data["by_kind"]["organizations"] == 3


def test_diff_a_listed_organization_that_asks_not_to_be_named(private: Path,
                                                               cli: Cli) -> None:
    # b was on the exported list; asking not to be named is no withdrawal, and says
    # nothing about who it is.
    assert cli("export", "demo", "--txt", "-o", "out/").exit_code == 0
    assert cli("sign", "demo", "b", "--unnamed").exit_code == 0
    result = cli("diff", "demo")
    assert result.exit_code == 0
    assert "Beta" not in result.stdout and "Withdrawn" not in result.stdout
    assert "Organizations that asked not to be named: 2 (1 then)." in result.stdout
    assert "The letter's count (organizations) is 3, unchanged." in result.stdout
    data = json.loads(cli("diff", "demo", "--json").stdout)
    assert data["unnamed"] == {"then": 1, "now": 2}
    assert data["organizations"]["withdrawn"] == []


def test_a_member_of_a_signing_coalition_may_ask_not_to_be_named(private: Path,
                                                                 cli: Cli) -> None:
    assert cli("add-coalition", "Kappa House", "--id", "k", "--member", "Beta Watch",
               "--member", "Sigma Shelter").exit_code == 0
    assert cli("new-letter", "third", "--title", "Third").exit_code == 0
    assert cli("sign", "third", "k").exit_code == 0
    assert cli("sign", "third", "b", "--unnamed").exit_code == 0
    text = cli("compose", "third").stdout
    assert "Beta" not in text
    assert text.endswith("Kappa House (on behalf of the following organizations):\n"
                         "  • Sigma Shelter (Belarus)\n\n"
                         "and 1 organization that asked not to be named\n")
    data = json.loads(cli("check", "third", "--json").stdout)
    assert data["ok"] and data["counts"]["organizations"] == 2


def test_add_coalition_members_by_name_acronym_alias(workspace: Path, cli: Cli) -> None:
    for args in (("add-org", "Reporters sans frontières", "--id", "rsf", "--alias", "RSF"),
                 ("add-org", "Viasna", "--acronym", "VHRC", "--country", "Belarus"),
                 ("add-org", "Human Rights Centre Oslo", "--id", "hrc-oslo", "--alias", "HRC",
                  "--country", "Norway"),
                 ("add-org", "Human Rights Centre Kyiv", "--id", "hrc-kyiv", "--alias", "HRC",
                  "--country", "Ukraine")):
        assert cli(*args).exit_code == 0
    result = cli("add-coalition", "Kappa House", "--id", "k", "--member", "RSF",
                 "--member", "vhrc", "--member", "Reporters Sans Frontieres")
    assert (result.exit_code, result.stdout) == (0, "added coalition k: Kappa House "
                                                     "(2 members)\n")
    ambiguous = cli("add-coalition", "Lambda", "--member", "HRC")
    assert ambiguous.exit_code == 3
    assert ambiguous.stderr == (
        "error: 'HRC' could be 2 entries: hrc-kyiv (Human Rights Centre Kyiv, Ukraine); "
        "hrc-oslo (Human Rights Centre Oslo, Norway); give one of these ids\n")
    unknown = cli("add-coalition", "Lambda", "--member", "nobody")
    assert unknown.exit_code == 3 and "unknown id 'nobody'" in unknown.stderr
    assert cli("remove-members", "k", "Viasna").stdout == "k: removed 1 member: viasna\n"
    assert cli("add-members", "k", "VHRC").stdout == "k: added 1 member: viasna\n"
