"""Recording signatures (signon.signing): individuals and withdrawals, as written to the
record and as the CLI reports them.  Signing organizations is covered in test_cli_letters."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from signon.errors import RefusedInput
from signon.letter import Individual
from signon.workspace import Workspace

Cli = Callable[..., Any]

HEADER = (
    "# Written by signon: who signed this letter, and when. Change it with\n"
    "# `signon sign`, `signon withdraw` and `signon sign-individual`.\n"
)
SIGNED = (
    "signatures = [\n"
    '    { id = "a", date = "2024-03-02" },\n'
    '    { id = "b", date = "2024-03-02" },\n'
    '    { id = "k", date = "2024-03-02" },\n'
)


def record(root: Path) -> str:
    return (root / "letters" / "demo" / "signatures.toml").read_text(encoding="utf-8")


def test_individual_is_recorded_with_title_affiliation_and_date(small_letter: Path,
                                                                cli: Cli) -> None:
    result = cli("sign-individual", "demo", "Jane Roe", "--title", "Professor",
                 "--affiliation", "Uni X", "--date", "2024-03-03")
    assert (result.exit_code, result.stdout) == (0, "demo: Jane Roe signed as an individual\n")
    assert record(small_letter) == HEADER + SIGNED + (
        "]\n"
        "individuals = [\n"
        '    { name = "Jane Roe", title = "Professor", affiliation = "Uni X", '
        'date = "2024-03-03" },\n'
        "]\n")


def test_individual_without_a_date_signs_today(small_letter: Path) -> None:
    from signon.letter import today

    person = Workspace(small_letter).sign_individual("demo", "Ivan Petrov")
    assert person == Individual(name="Ivan Petrov", date=today())


def test_same_name_elsewhere_is_another_person(small_letter: Path) -> None:
    ws = Workspace(small_letter)
    ws.sign_individual("demo", "Jane Roe", affiliation="Uni X", date="2024-03-03")
    ws.sign_individual("demo", "Jane Roe", affiliation="Uni Y", date="2024-03-03")
    with pytest.raises(RefusedInput) as info:
        ws.sign_individual("demo", "jane  roe", affiliation="UNI X")
    assert str(info.value) == "'jane  roe' has already signed 'demo'"
    assert [p.affiliation for p in ws.letter("demo").record.individuals] == ["Uni X", "Uni Y"]


def test_individual_signing_again_after_withdrawing(small_letter: Path, cli: Cli) -> None:
    ws = Workspace(small_letter)
    ws.sign_individual("demo", "Jane Roe", title="Professor", affiliation="Uni X",
                       date="2024-03-03")
    assert ws.withdraw("demo", individuals="Jane Roe", date="2024-03-04") == 1
    again = ws.sign_individual("demo", "jane roe", affiliation="uni x", date="2024-03-05")
    # The record keeps what was written first (name, title) with the new date.
    assert again == Individual(name="Jane Roe", title="Professor", affiliation="Uni X",
                               date="2024-03-05")
    assert record(small_letter).endswith(
        'individuals = [\n    { name = "Jane Roe", title = "Professor", affiliation = "Uni X", '
        'date = "2024-03-05" },\n]\n')
    ws.withdraw("demo", individuals="Jane Roe", date="2024-03-06")
    assert ws.sign_individual("demo", "Jane Roe", title="Dr", date="2024-03-07").title == "Dr"


@pytest.mark.parametrize("field", ["name", "title", "affiliation"])
def test_individual_fields_are_validated_by_name(small_letter: Path, cli: Cli,
                                                 field: str) -> None:
    before = record(small_letter)
    values = {"name": "Ann Lee", "title": "Dr", "affiliation": "Uni"}
    values[field] = "A\x07" + values[field]
    result = cli("sign-individual", "demo", values["name"], "--title", values["title"],
                 "--affiliation", values["affiliation"])
    assert (result.exit_code, result.stderr) == (
        3, f"error: {field}: position 2 holds the control character U+0007; retype the value "
           "without it\n")
    assert record(small_letter) == before


def test_individual_date_is_checked(small_letter: Path, cli: Cli) -> None:
    result = cli("sign-individual", "demo", "Ann Lee", "--date", "2024-13-01")
    assert (result.exit_code, result.stderr) == (
        3, "error: date '2024-13-01' is not a date; write it as YYYY-MM-DD\n")


def test_withdraw_counts_what_it_withdrew(small_letter: Path) -> None:
    ws = Workspace(small_letter)
    ws.sign_individual("demo", "Jane Roe", date="2024-03-03")
    # "c" signs through coalition k: it withdraws from this letter alone.
    assert ws.withdraw("demo", ["c", "a"], individuals="Jane Roe", date="2024-03-06") == 3
    assert record(small_letter) == HEADER + (
        "signatures = [\n"
        '    { id = "a", date = "2024-03-02", withdrawn = "2024-03-06" },\n'
        '    { id = "b", date = "2024-03-02" },\n'
        '    { id = "k", date = "2024-03-02" },\n'
        '    { id = "c", date = "2024-03-06", withdrawn = "2024-03-06", via = "k" },\n'
        "]\n"
        "individuals = [\n"
        '    { name = "Jane Roe", date = "2024-03-03", withdrawn = "2024-03-06" },\n'
        "]\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "error: name the ids to withdraw (or an individual by name)\n"),
        (("--individual", "Nobody"), "error: no individual named 'Nobody' signed 'demo'\n"),
        (("zz",), "error: unknown id 'zz'; look it up in the roster's list (`signon orgs`)\n"),
    ],
)
def test_withdraw_refusals(small_letter: Path, cli: Cli, args: tuple[str, ...],
                           message: str) -> None:
    before = record(small_letter)
    result = cli("withdraw", "demo", *args)
    assert (result.exit_code, result.stderr) == (3, message)
    assert record(small_letter) == before


def test_withdraw_twice_keeps_the_first_date(small_letter: Path, cli: Cli) -> None:
    assert cli("withdraw", "demo", "c", "--date", "2024-03-06").exit_code == 0
    result = cli("withdraw", "demo", "c", "--date", "2024-03-07")
    assert (result.exit_code, result.stderr) == (
        3, "error: 'c' already withdrew from 'demo' on 2024-03-06\n")
    assert '{ id = "c", date = "2024-03-06", withdrawn = "2024-03-06", via = "k" }' in record(
        small_letter)


def test_withdraw_names_the_roster_file_it_cannot_read(small_letter: Path, cli: Cli) -> None:
    roster = small_letter / "orgs.toml"
    lines = roster.read_text(encoding="utf-8").count("\n")
    with roster.open("a", encoding="utf-8") as fh:
        fh.write("x = [\n")
    result = cli("withdraw", "demo", "a")
    # The unclosed array is found at the end of the file, the line after it.
    assert (result.exit_code, result.stderr) == (
        4, f"error: orgs.toml:{lines + 2}:1: a value is not valid TOML; put text in quotes, "
           'e.g. name = "…", then run the command again\n')


def test_withdraw_refuses_an_organization_that_has_not_signed(small_letter: Path,
                                                              cli: Cli) -> None:
    assert cli("add-org", "Zeta Group", "--id", "z").exit_code == 0
    before = record(small_letter)
    result = cli("withdraw", "demo", "z")
    assert (result.exit_code, result.stderr) == (
        3, "error: 'z' has not signed 'demo'; nothing was withdrawn; see who signed in the list "
           "(`signon compose demo`)\n")
    assert record(small_letter) == before


def test_withdraw_an_id_the_roster_no_longer_holds(small_letter: Path) -> None:
    # A record edited by hand (or an id removed from the roster) can still be withdrawn by id.
    path = small_letter / "letters" / "demo" / "signatures.toml"
    path.write_text(record(small_letter).replace(
        '    { id = "k", date = "2024-03-02" },\n',
        '    { id = "k", date = "2024-03-02" },\n    { id = "gone", date = "2024-03-02" },\n'),
        encoding="utf-8")
    assert Workspace(small_letter).withdraw("demo", "gone", date="2024-03-06") == 1
    assert '{ id = "gone", date = "2024-03-02", withdrawn = "2024-03-06" }' in record(
        small_letter)


# ------------------------------------------------------------------ organizations


def test_signer_is_recorded_and_validated(small_letter: Path, cli: Cli) -> None:
    result = cli("sign", "demo", "c", "--signer", "Ann\x07Lee")
    assert (result.exit_code, result.stderr) == (
        3, "error: signer: position 4 holds the control character U+0007; retype the value "
           "without it\n")
    assert cli("withdraw", "demo", "k", "--date", "2024-03-03").exit_code == 0
    assert cli("sign", "demo", "c", "--date", "2024-03-04", "--signer",
               "Ann Lee, Director").exit_code == 0
    assert '    { id = "c", date = "2024-03-04", signer = "Ann Lee, Director" },\n' in record(
        small_letter)
    # Signing again after withdrawing keeps the signer on record unless a new one is given.
    assert cli("withdraw", "demo", "c", "--date", "2024-03-05").exit_code == 0
    assert cli("sign", "demo", "c", "--date", "2024-03-06").exit_code == 0
    assert '    { id = "c", date = "2024-03-06", signer = "Ann Lee, Director" },\n' in record(
        small_letter)


def test_sign_names_the_roster_file_it_cannot_read(small_letter: Path, cli: Cli) -> None:
    roster = small_letter / "orgs.toml"
    lines = roster.read_text(encoding="utf-8").count("\n")
    with roster.open("a", encoding="utf-8") as fh:
        fh.write("x = [\n")
    result = cli("sign", "demo", "c")
    assert (result.exit_code, result.stderr) == (
        4, f"error: orgs.toml:{lines + 2}:1: a value is not valid TOML; put text in quotes, "
           'e.g. name = "…", then run the command again\n')


def test_dry_run_reports_and_records_nothing(small_letter: Path) -> None:
    before = record(small_letter)
    ws = Workspace(small_letter)
    ws.withdraw("demo", "b", date="2024-03-03")
    withdrawn = record(small_letter)
    assert before != withdrawn
    result = ws.sign("demo", ["b", "a"], date="2024-03-04", dry_run=True)
    assert (result.added, result.renewed, result.already) == ([], ["b"], ["a"])
    assert record(small_letter) == withdrawn


def test_member_of_a_signing_coalition_is_refused_unless_unnamed(small_letter: Path,
                                                                 cli: Cli) -> None:
    before = record(small_letter)
    result = cli("sign", "demo", "c")
    assert (result.exit_code, result.stderr) == (
        3, "error: 'c' already signs through coalition 'k'; signing again would list it twice; "
           "run again with --force to go ahead anyway\n")
    assert record(small_letter) == before
    # Not named, it is not printed under its coalition either: nothing is listed twice.
    assert cli("sign", "demo", "c", "--unnamed", "--date", "2024-03-03").exit_code == 0
    assert record(small_letter) == before.replace(
        "]\n", '    { id = "c", date = "2024-03-03", unnamed = true },\n]\n')


def test_member_comes_back_under_its_coalition_on_or_after_leaving(small_letter: Path,
                                                                   cli: Cli) -> None:
    assert cli("withdraw", "demo", "c", "--date", "2024-04-01").exit_code == 0
    left = record(small_letter)
    result = cli("sign", "demo", "c", "--date", "2024-03-31")
    assert (result.exit_code, result.stderr) == (
        3, "error: 'c' withdrew on 2024-04-01, after this signature of 2024-03-31\n")
    assert record(small_letter) == left
    result = cli("sign", "demo", "c", "--date", "2024-04-01")
    assert (result.exit_code, result.stdout) == (
        0, "demo: Gamma Centre (c) signed again after withdrawing\n")
    assert record(small_letter) == HEADER + SIGNED + "]\n"


def test_member_that_left_signs_on_its_own_once_its_coalition_withdrew(small_letter: Path,
                                                                       cli: Cli) -> None:
    assert cli("withdraw", "demo", "c", "--date", "2024-04-01").exit_code == 0
    assert cli("withdraw", "demo", "k", "--date", "2024-04-02").exit_code == 0
    assert cli("sign", "demo", "c", "--date", "2024-04-03").exit_code == 0
    assert record(small_letter).endswith(
        '    { id = "k", date = "2024-03-02", withdrawn = "2024-04-02" },\n'
        '    { id = "c", date = "2024-04-03" },\n]\n')


def test_form_rows_dated_before_a_withdrawal_are_skipped_with_the_reason(
        small_letter: Path) -> None:
    from signon.signing import SignRequest, apply_signatures

    ws = Workspace(small_letter)
    ws.withdraw("demo", ["b", "c"], date="2024-04-01")
    letter = ws.letter("demo")
    early_b = SignRequest("b", "2024-03-15")
    early_c = SignRequest("c", "2024-03-15")
    result = apply_signatures(letter.record, ws.roster(),
                              [early_b, early_c, SignRequest("e", "2024-04-02")],
                              skip_conflicts=True)
    assert result.skipped == [
        (early_b, "'b' withdrew on 2024-04-01, after this signature of 2024-03-15"),
        (early_c, "'c' withdrew on 2024-04-01, after this signature of 2024-03-15"),
        (SignRequest("e", "2024-04-02"),
         "'e' already signs through coalition 'k'; signing again would list it twice"),
    ]
    assert (result.added, result.renewed) == ([], [])


def test_withdraw_an_individual_by_name_leaves_the_others(small_letter: Path) -> None:
    ws = Workspace(small_letter)
    ws.sign_individual("demo", "Jane Roe", date="2024-03-03")
    ws.sign_individual("demo", "Ivan Petrov", date="2024-03-03")
    assert ws.withdraw("demo", individuals="ivan  petrov", date="2024-03-06") == 1
    assert record(small_letter).endswith(
        "individuals = [\n"
        '    { name = "Jane Roe", date = "2024-03-03" },\n'
        '    { name = "Ivan Petrov", date = "2024-03-03", withdrawn = "2024-03-06" },\n'
        "]\n")
