"""signon stats: whole outputs through the CLI, and the tallies underneath."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Cli = Callable[..., Any]


def ok(result: Any) -> Any:
    assert result.exit_code == 0, result.stderr
    return result


def test_stats_small_letter_whole_output(small_letter: Path, cli: Cli) -> None:
    result = ok(cli("stats", "demo"))
    # Whole lines, with no trailing spaces (rich pads table lines; the CLI strips them).
    assert result.stdout == (
        "Demo letter (demo)\n"
        "5 organizations, 3 entries, 6 names, 0 individuals; the letter counts organizations\n"
        "\n"
        "By kind\n"
        "kind            count\n"
        "──────────────────────────────────────────────────────\n"
        "organizations       5   ██████████████████████████████\n"
        "coalitions          1   ██████\n"
        "individuals         0\n"
        "\n"
        "By country (organizations)\n"
        "country   count   share\n"
        "────────────────────────────────────────────────────────\n"
        "Armenia       1     20%   ██████████████████████████████\n"
        "Georgia       1     20%   ██████████████████████████████\n"
        "Norway        1     20%   ██████████████████████████████\n"
        "Poland        1     20%   ██████████████████████████████\n"
        "Sweden        1     20%   ██████████████████████████████\n"
        "\n"
        "By coalition (organizations)\n"
        "coalition           count   share\n"
        "──────────────────────────────────────────────────────────────────\n"
        "Kappa House             3     60%   ██████████████████████████████\n"
        "(signed directly)       2     40%   ████████████████████\n"
    )
    assert result.stderr == ""


@pytest.fixture
def mixed_letter(small_letter: Path, cli: Cli) -> Path:
    """small_letter plus: a nested coalition, an org without a country, a counting coalition,
    an individual, a withdrawal and a name that looks like rich markup."""
    ok(cli("add-org", "[bold]Zeta[/bold] Union", "--id", "z"))
    ok(cli("add-org", "Eta Helsinki", "--id", "h", "--country", "Poland"))
    ok(cli("add-org", "Theta Ukraine", "--id", "t", "--country", "Ukraine"))
    ok(cli("add-coalition", "Omega Network", "--id", "o", "--member", "k", "--member", "z",
           "--country", "Norway"))
    ok(cli("add-coalition", "Sigma Platform", "--id", "s", "--member", "h", "--member", "t",
           "--counts", "--country", "Poland"))
    ok(cli("withdraw", "demo", "k", "--date", "2024-03-03"))
    ok(cli("withdraw", "demo", "b", "--date", "2024-03-03"))
    ok(cli("sign", "demo", "o", "s", "--date", "2024-03-04"))
    ok(cli("sign-individual", "demo", "Jane Doe", "--date", "2024-03-05"))
    return small_letter


def test_stats_nested_counting_and_markup_whole_output(mixed_letter: Path, cli: Cli) -> None:
    result = ok(cli("stats", "demo"))
    assert result.stdout == (
        "Demo letter (demo)\n"
        "8 organizations, 3 entries, 10 names, 1 individual; the letter counts organizations\n"
        "\n"
        "By kind\n"
        "kind            count\n"
        "──────────────────────────────────────────────────────\n"
        "organizations       7   ██████████████████████████████\n"
        "coalitions          3   ████████████▉\n"
        "individuals         1   ████▎\n"
        "\n"
        "By country (organizations)\n"
        "country        count   share\n"
        "─────────────────────────────────────────────────────────────\n"
        "Poland             2     25%   ██████████████████████████████\n"
        "Armenia            1     13%   ███████████████\n"
        "Georgia            1     13%   ███████████████\n"
        "Norway             1     13%   ███████████████\n"
        "Sweden             1     13%   ███████████████\n"
        "Ukraine            1     13%   ███████████████\n"
        "(no country)       1     13%   ███████████████\n"
        "\n"
        "By coalition (organizations)\n"
        "coalition                        count   share\n"
        "───────────────────────────────────────────────────────────────────────────────\n"
        "Omega Network                        4     50%   ██████████████████████████████\n"
        "Kappa House (in Omega Network)       3     38%   ██████████████████████▌\n"
        "Sigma Platform                       2     25%   ███████████████\n"
        "(signed directly)                    2     25%   ███████████████\n"
    )


def test_stats_json(mixed_letter: Path, cli: Cli) -> None:
    data = json.loads(ok(cli("stats", "demo", "--json")).stdout)
    assert data == {
        "letter": "demo", "title": "Demo letter", "language": "en", "rule": "organizations",
        "counts": {"organizations": 8, "entries": 3, "names": 10, "individuals": 1},
        "by_kind": {"organizations": 7, "coalitions": 3, "individuals": 1},
        "by_country": [
            {"country": "Poland", "organizations": 2},
            {"country": "Armenia", "organizations": 1},
            {"country": "Georgia", "organizations": 1},
            {"country": "Norway", "organizations": 1},
            {"country": "Sweden", "organizations": 1},
            {"country": "Ukraine", "organizations": 1},
            {"country": None, "organizations": 1},
        ],
        "by_coalition": [
            {"id": "o", "name": "Omega Network", "parent": None, "organizations": 4},
            {"id": "k", "name": "Kappa House", "parent": "o", "organizations": 3},
            {"id": "s", "name": "Sigma Platform", "parent": None, "organizations": 2},
        ],
        "direct": 2,
        "unnamed": 0,
        "include_unnamed": False,
    }
    # The country rows add up to the count: every counted organization has one row.
    assert sum(r["organizations"] for r in data["by_country"]) == data["counts"]["organizations"]


def test_stats_markup_in_names_is_printed_as_written(mixed_letter: Path, cli: Cli) -> None:
    ok(cli("edit-org", "o", "--name", "[red]Omega[/red] :smile: Network"))
    out = ok(cli("stats", "demo")).stdout
    assert "[red]Omega[/red] :smile: Network" in out
    assert "Kappa House (in [red]Omega[/red] :smile: Network)" in out


def test_stats_empty_letter(workspace: Path, cli: Cli) -> None:
    ok(cli("new-letter", "empty", "--title", "Nothing yet", "--date", "2024-01-01"))
    result = ok(cli("stats", "empty"))
    assert result.stdout == (
        "Nothing yet (empty)\n"
        "0 organizations, 0 entries, 0 names, 0 individuals; the letter counts organizations\n"
        "\n"
        "No signatures yet; record them with `signon sign empty ID…`.\n"
    )
    data = json.loads(ok(cli("stats", "empty", "--json")).stdout)
    assert data["by_country"] == [] and data["by_coalition"] == [] and data["direct"] == 0


def test_stats_unknown_letter_and_language(small_letter: Path, cli: Cli) -> None:
    result = cli("stats", "nope")
    assert result.exit_code == 3
    assert result.stderr.startswith("error: no letter 'nope' in this workspace")
    result = cli("stats", "demo", "--lang", "fr")
    assert result.exit_code == 3
    assert "has no 'fr' version; write letters/demo/letter.fr.md" in result.stderr


# ------------------------------------------------------------------ the library


def test_share_rounds_half_up() -> None:
    from signon.stats import share

    assert [share(v, t) for v, t in [(1, 8), (3, 8), (1, 3), (2, 3), (0, 5), (5, 5), (1, 200),
                                     (1, 201), (3, 0)]] == [
        "13%", "38%", "33%", "67%", "0%", "100%", "1%", "<1%", ""]


def test_bar_widths() -> None:
    from signon.stats import bar

    assert bar(10, 10) == "█" * 30
    assert bar(5, 10) == "█" * 15
    assert bar(1, 3) == "█" * 10
    assert bar(1, 7) == "████▎"  # 30/7 = 4.29 cells: four full cells and a quarter
    assert bar(1, 10_000) == "▏"  # never invisible for a non-zero value
    assert bar(0, 10) == "" and bar(3, 0) == ""


def test_duplicate_signatory_is_one_organization(small_letter: Path, cli: Cli) -> None:
    from signon.letter import load_letter
    from signon.stats import compute_stats
    from signon.workspace import Workspace

    ok(cli("sign", "demo", "c", "--force"))  # c signs directly *and* through Kappa House
    stats = compute_stats(load_letter(small_letter, "demo"), Workspace(small_letter).roster())
    assert stats.counts.organizations == 5
    assert [(r.label, r.count) for r in stats.by_country] == [
        ("Armenia", 1), ("Georgia", 1), ("Norway", 1), ("Poland", 1), ("Sweden", 1)]
    assert stats.direct == 3
    assert [(r.id, r.count) for r in stats.by_coalition] == [("k", 3)]


def test_ties_follow_the_letters_collation(workspace: Path, cli: Cli) -> None:
    """Equal counts are listed alphabetically for the reader: Swedish puts Ö after Z."""
    from signon.letter import load_letter
    from signon.stats import compute_stats
    from signon.workspace import Workspace

    for oid, country in [("a", "Österrike"), ("b", "Zambia"), ("c", "Albanien")]:
        ok(cli("add-org", f"Org {oid}", "--id", oid, "--country", country))
    ok(cli("new-letter", "sv", "--language", "sv", "--date", "2024-01-01"))
    ok(cli("sign", "sv", "a", "b", "c"))
    letter = load_letter(workspace, "sv")
    roster = Workspace(workspace).roster()
    assert [r.label for r in compute_stats(letter, roster).by_country] == [
        "Albanien", "Zambia", "Österrike"]
    assert [r.label for r in compute_stats(letter, roster, language="de").by_country] == [
        "Albanien", "Österrike", "Zambia"]


def test_stats_top_limits_long_tables(small_letter: Path, cli: Cli) -> None:
    out = ok(cli("stats", "demo", "--top", "2")).stdout
    country = out[out.index("By country"):out.index("By coalition")]
    assert country == (
        "By country (organizations)\n"
        "country   count   share\n"
        "────────────────────────────────────────────────────────\n"
        "Armenia       1     20%   ██████████████████████████████\n"
        "Georgia       1     20%   ██████████████████████████████\n"
        "… 3 more countries (--top 0 shows all)\n"
        "\n"
    )
    assert "more coalitions" not in out  # two coalition rows: nothing hidden
    assert ok(cli("stats", "demo", "--top", "0")).stdout == ok(cli("stats", "demo")).stdout
    assert cli("stats", "demo", "--top", "-1").exit_code == 2

