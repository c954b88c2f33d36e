"""signon diff: since the last export (exact, with renames) and since a date (the record)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Cli = Callable[..., Any]
SENT = dt.datetime(2024, 3, 10, 9, 30, tzinfo=dt.UTC)


def ok(result: Any) -> Any:
    assert result.exit_code == 0, result.stderr
    return result


def export_now(ws: Path, slug: str = "demo", *, language: str | None = None,
               at: dt.datetime = SENT, formats: tuple[str, ...] = ("docx",)) -> dict[str, Any]:
    """Record an export as `signon export` does (through the library, at a fixed time)."""
    from signon.compose import compose
    from signon.history import record_export
    from signon.workspace import Workspace

    composed = compose(ws, Workspace(ws).roster(), slug, language=language)
    return record_export(ws, composed, list(formats), at=at)


@pytest.fixture
def changed(small_letter: Path, cli: Cli) -> Path:
    """small_letter exported on 2024-03-10, then: one organization signs, one withdraws, one
    is renamed, Kappa House gains a member and loses one, an individual signs."""
    export_now(small_letter)
    ok(cli("add-org", "Zeta Initiative", "--id", "z", "--country", "Ukraine"))
    ok(cli("add-org", "Eta Helsinki", "--id", "h", "--country", "Finland"))
    ok(cli("sign", "demo", "z", "--date", "2024-03-12"))
    ok(cli("withdraw", "demo", "b", "--date", "2024-03-13"))
    ok(cli("edit-org", "c", "--name", "Gamma Center"))
    ok(cli("add-members", "k", "h"))
    ok(cli("remove-members", "k", "d"))
    ok(cli("sign-individual", "demo", "Jane Doe", "--date", "2024-03-14"))
    return small_letter


def test_diff_since_export_whole_output(changed: Path, cli: Cli) -> None:
    result = ok(cli("diff", "demo"))  # the default once the letter has been exported
    assert result.stdout == (
        "demo: changes since the last export, 2024-03-10 09:30:00 UTC (docx)\n"
        "2 more organizations have joined and 2 have withdrawn since 2024-03-10.\n"
        "1 more individual has signed since 2024-03-10.\n"
        "The letter's count (organizations) is 5, unchanged.\n"
        "Counts: organizations 5 → 5; entries 3 → 3; names 6 → 6; individuals 0 → 1 (+1)\n"
        "\n"
        "Added (2)\n"
        "  + Eta Helsinki (Finland), via Kappa House\n"
        "  + Zeta Initiative (Ukraine), signed 2024-03-12\n"
        "\n"
        "Withdrawn (2)\n"
        "  - Beta Watch (Poland), withdrew 2024-03-13\n"
        "  - Delta Forum (Armenia)\n"
        "\n"
        "Renamed (1)\n"
        "  ~ Gamma Centre → Gamma Center\n"
        "\n"
        "Individuals added (1)\n"
        "  + Jane Doe, signed 2024-03-14\n"
    )
    assert result.stderr == ""
    assert cli("diff", "demo", "--since-export").stdout == result.stdout


def test_diff_since_export_json(changed: Path, cli: Cli) -> None:
    data = json.loads(ok(cli("diff", "demo", "--since-export", "--json")).stdout)
    assert data == {
        "letter": "demo",
        "since": {"kind": "export", "date": "2024-03-10", "at": "2024-03-10T09:30:00+00:00",
                  "formats": ["docx"], "language": "en"},
        "renames_known": True,
        "rule": "organizations",
        "counts": {
            "then": {"organizations": 5, "entries": 3, "names": 6, "individuals": 0},
            "now": {"organizations": 5, "entries": 3, "names": 6, "individuals": 1},
            "change": {"organizations": 0, "entries": 0, "names": 0, "individuals": 1},
        },
        "joined": 2,
        "withdrew": 2,
        "sentence": "2 more organizations have joined and 2 have withdrawn since 2024-03-10. "
                    "1 more individual has signed since 2024-03-10. "
                    "The letter's count (organizations) is 5, unchanged.",
        "organizations": {
            "added": [
                {"id": "h", "name": "Eta Helsinki", "kind": "organization", "counted": True,
                 "country": "Finland", "via": "Kappa House", "date": None},
                {"id": "z", "name": "Zeta Initiative", "kind": "organization", "counted": True,
                 "country": "Ukraine", "via": None, "date": "2024-03-12"},
            ],
            "withdrawn": [
                {"id": "b", "name": "Beta Watch", "kind": "organization", "counted": True,
                 "country": "Poland", "via": None, "date": "2024-03-13"},
                {"id": "d", "name": "Delta Forum", "kind": "organization", "counted": True,
                 "country": "Armenia", "via": None, "date": None},
            ],
            "renamed": [{"id": "c", "kind": "organization", "old": "Gamma Centre",
                         "new": "Gamma Center"}],
        },
        "individuals": {"added": [{"name": "Jane Doe", "date": "2024-03-14"}], "withdrawn": []},
        "unnamed": {"then": 0, "now": 0},
    }


def test_diff_since_date_whole_output(changed: Path, cli: Cli) -> None:
    result = ok(cli("diff", "demo", "--since", "2024-03-12"))
    # Only what the record dates: Kappa House's new member and the rename are not known.
    assert result.stdout == (
        "demo: changes since 2024-03-12 (from the dates in the signature record)\n"
        "1 more organization has joined and 1 has withdrawn since 2024-03-12.\n"
        "1 more individual has signed since 2024-03-12.\n"
        "The letter's count (organizations) is 5, unchanged.\n"
        "Counts: organizations 5 → 5; entries 3 → 3; names 6 → 6; individuals 0 → 1 (+1)\n"
        "\n"
        "Added (1)\n"
        "  + Zeta Initiative (Ukraine), signed 2024-03-12\n"
        "\n"
        "Withdrawn (1)\n"
        "  - Beta Watch (Poland), withdrew 2024-03-13\n"
        "\n"
        "Individuals added (1)\n"
        "  + Jane Doe, signed 2024-03-14\n"
    )
    assert result.stderr == (
        "renames are not known when comparing with a date (the roster keeps no history of "
        "names); `signon diff demo --since-export` compares names with the last export\n"
    )
    data = json.loads(ok(cli("diff", "demo", "--since", "2024-03-12", "--json")).stdout)
    assert data["since"] == {"kind": "date", "date": "2024-03-12"}
    assert data["renames_known"] is False
    assert data["organizations"]["renamed"] == []


def test_since_includes_the_day_itself(small_letter: Path, cli: Cli) -> None:
    """small_letter was signed on 2024-03-02: "since 2024-03-02" sees it, "since 03-03" does not."""
    result = ok(cli("diff", "demo", "--since", "2024-03-02"))
    assert result.stdout == (
        "demo: changes since 2024-03-02 (from the dates in the signature record)\n"
        "5 more organizations have joined since 2024-03-02.\n"
        "The letter's count (organizations) is now 5 (0 then).\n"
        "Counts: organizations 0 → 5 (+5); entries 0 → 3 (+3); names 0 → 6 (+6); "
        "individuals 0 → 0\n"
        "\n"
        "Added (6)\n"
        "  + Alpha Rights (Norway), signed 2024-03-02\n"
        "  + Beta Watch (Poland), signed 2024-03-02\n"
        "  + Kappa House, coalition, not counted itself, signed 2024-03-02\n"
        "  + Gamma Centre (Georgia), via Kappa House, signed 2024-03-02\n"
        "  + Delta Forum (Armenia), via Kappa House, signed 2024-03-02\n"
        "  + Östgruppen (Sweden), via Kappa House, signed 2024-03-02\n"
    )
    result = ok(cli("diff", "demo", "--since", "2024-03-03"))
    assert result.stdout == (
        "demo: changes since 2024-03-03 (from the dates in the signature record)\n"
        "No organization has joined or withdrawn since 2024-03-03.\n"
        "The letter's count (organizations) is 5, unchanged.\n"
        "Counts: organizations 5 → 5; entries 3 → 3; names 6 → 6; individuals 0 → 0\n"
    )


def test_withdrawn_coalition_takes_its_members(small_letter: Path, cli: Cli) -> None:
    export_now(small_letter)
    ok(cli("withdraw", "demo", "k", "--date", "2024-03-11"))
    result = ok(cli("diff", "demo"))
    assert result.stdout == (
        "demo: changes since the last export, 2024-03-10 09:30:00 UTC (docx)\n"
        "3 organizations have withdrawn since 2024-03-10.\n"
        "The letter's count (organizations) is now 2 (5 then).\n"
        "Counts: organizations 5 → 2 (-3); entries 3 → 2 (-1); names 6 → 2 (-4); "
        "individuals 0 → 0\n"
        "\n"
        "Withdrawn (4)\n"
        "  - Kappa House, coalition, not counted itself, withdrew 2024-03-11\n"
        "  - Gamma Centre (Georgia), via Kappa House, withdrew 2024-03-11\n"
        "  - Delta Forum (Armenia), via Kappa House, withdrew 2024-03-11\n"
        "  - Östgruppen (Sweden), via Kappa House, withdrew 2024-03-11\n"
    )
    # The same withdrawal seen from the dates: the list on 2024-03-11 had Kappa House.
    since = json.loads(ok(cli("diff", "demo", "--since", "2024-03-11", "--json")).stdout)
    assert [i["id"] for i in since["organizations"]["withdrawn"]] == ["k", "c", "d", "e"]
    assert since["withdrew"] == 3


def test_diff_uses_the_last_export(small_letter: Path, cli: Cli) -> None:
    export_now(small_letter, at=SENT)
    ok(cli("withdraw", "demo", "b", "--date", "2024-03-11"))
    export_now(small_letter, at=SENT + dt.timedelta(days=2), formats=("txt", "html"))
    data = json.loads(ok(cli("diff", "demo", "--json")).stdout)
    assert data["since"]["at"] == "2024-03-12T09:30:00+00:00"
    assert data["since"]["formats"] == ["txt", "html"]
    assert data["organizations"] == {"added": [], "withdrawn": [], "renamed": []}
    assert data["sentence"] == ("No organization has joined or withdrawn since 2024-03-12. "
                                "The letter's count (organizations) is 4, unchanged.")


def test_diff_refusals(small_letter: Path, cli: Cli) -> None:
    result = cli("diff", "demo")
    assert result.exit_code == 3
    assert result.stderr == (
        "error: letter 'demo' has not been exported yet, so there is no list as sent to compare "
        "with; export it first, or compare with the list on a date (`signon export demo` or "
        "`signon diff demo --since YYYY-MM-DD`)\n"
    )
    assert cli("diff", "demo", "--since-export").exit_code == 3
    result = cli("diff", "demo", "--since", "March 1")
    assert result.exit_code == 3
    assert result.stderr == "error: --since 'March 1' is not a date; write it as YYYY-MM-DD\n"
    result = cli("diff", "demo", "--since", "2024-03-01", "--since-export")
    assert result.exit_code == 2
    assert "give either --since DATE or --since-export, not both" in result.stderr
    assert cli("diff", "nope", "--since", "2024-03-01").exit_code == 3


# ------------------------------------------------------------------ the library


def test_snapshot_holds_each_id_once_with_its_kind(small_letter: Path, cli: Cli) -> None:
    ok(cli("sign", "demo", "c", "--force"))  # c directly and through Kappa House
    entry = export_now(small_letter)
    assert entry["organizations"] == ["a Alpha Rights", "b Beta Watch", "k Kappa House",
                                      "c Gamma Centre", "d Delta Forum", "e Östgruppen"]
    assert entry["coalitions"] == ["k"]
    assert entry["counts"] == {"organizations": 5, "entries": 4, "names": 7, "individuals": 0}
    assert entry["at"] == "2024-03-10T09:30:00+00:00"


def test_old_snapshots_keep_counts_only(small_letter: Path) -> None:
    from signon.history import KEEP_SNAPSHOTS
    from signon.letter import read_record

    for n in range(KEEP_SNAPSHOTS + 2):
        export_now(small_letter, at=SENT + dt.timedelta(hours=n))
    exports = read_record(small_letter / "letters" / "demo", "demo").exports
    assert len(exports) == KEEP_SNAPSHOTS + 2
    assert ["organizations" in e for e in exports] == [False] * 2 + [True] * KEEP_SNAPSHOTS
    assert ["coalitions" in e or "individuals" in e for e in exports] == (
        [False] * 2 + [True] * KEEP_SNAPSHOTS)
    assert all(e["counts"]["organizations"] == 5 for e in exports)


def test_first_format_pairs_are_still_read(small_letter: Path, cli: Cli) -> None:
    """The first exports stored [id, name] pairs and no kinds."""
    from signon.letter import edit_record

    with edit_record(small_letter, "demo") as record:
        record.exports.append({
            "at": "2024-03-10T09:30:00+00:00", "formats": ["txt"], "language": "en",
            "counts": {"organizations": 4, "entries": 3, "names": 5, "individuals": 0},
            "organizations": [["a", "Alpha"], ["b", "Beta Watch"], ["k", "Kappa House"],
                              ["c", "Gamma Centre"], ["d", "Delta Forum"]],
            "individuals": [],
        })
    data = json.loads(ok(cli("diff", "demo", "--json")).stdout)
    assert [i["id"] for i in data["organizations"]["added"]] == ["e"]
    assert data["organizations"]["renamed"] == [
        {"id": "a", "kind": "organization", "old": "Alpha", "new": "Alpha Rights"}]
    assert data["joined"] == 1


def test_record_as_of() -> None:
    from signon.diff import record_as_of
    from signon.letter import Individual, Signature, SignatureRecord

    record = SignatureRecord(
        signatures=[Signature("a", "2024-01-01"), Signature("b", "2024-02-01"),
                    Signature("c", "2024-01-01", withdrawn="2024-01-15"),
                    Signature("d", "2024-01-01", withdrawn="2024-02-01"),
                    Signature("e", "")],
        individuals=[Individual("P", date="2024-01-20"), Individual("Q", date="2024-02-02")],
    )
    old = record_as_of(record, "2024-02-01")
    # b signed on the day (after the start of it); d withdrew on the day (still listed before).
    assert [(s.id, s.withdrawn) for s in old.signatures] == [("a", ""), ("d", ""), ("e", "")]
    assert [p.name for p in old.individuals] == ["P"]
    assert record.signatures[3].withdrawn == "2024-02-01"  # the real record is untouched


def test_sentences() -> None:
    from signon.diff import _movement

    since = "since 2024-03-01"
    assert _movement(12, 0, "organization", since) == (
        "12 more organizations have joined since 2024-03-01.")
    assert _movement(1, 0, "organization", since) == (
        "1 more organization has joined since 2024-03-01.")
    assert _movement(1, 1, "organization", since) == (
        "1 more organization has joined and 1 has withdrawn since 2024-03-01.")
    assert _movement(0, 2, "organization", since) == (
        "2 organizations have withdrawn since 2024-03-01.")
    assert _movement(0, 0, "individual", since) == (
        "No individual has signed or withdrawn since 2024-03-01.")


def test_snapshot_names_reads_every_form() -> None:
    from signon.history import snapshot_names

    entry = {"organizations": ["a Alpha Rights", ["odd id", "Odd"], {"id": "c", "name": "Gamma"},
                               ["x"], 7]}
    assert snapshot_names(entry) == {"a": "Alpha Rights", "odd id": "Odd", "c": "Gamma"}
    assert snapshot_names({"counts": {}}) is None


def test_hand_written_id_with_a_space_is_refused_before_any_snapshot(
        small_letter: Path) -> None:
    # Ids are validated when the roster is read, so a snapshot never holds one with a space.
    from signon.errors import WorkspaceFileError

    roster = small_letter / "orgs.toml"
    text = roster.read_text(encoding="utf-8")
    roster.write_text(text.replace("[orgs.a]", '[orgs."a b"]'), encoding="utf-8")
    with pytest.raises(WorkspaceFileError, match="is not a valid id"):
        export_now(small_letter)

