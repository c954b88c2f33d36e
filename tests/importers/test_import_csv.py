"""import-csv: header detection, --column, re-submissions, encodings, dry runs, formulas."""

from __future__ import annotations

import csv
import io
import json
import tomllib
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from signon.importers.form_csv import detect_columns, merge, responses_of

Cli = Callable[..., Any]

GOOGLE = [
    ["Timestamp", "Organization name", "Country", "Your name", "Title", "Email"],
    ["2024/03/01 10:00:00", "Alpha Rights", "Norway", "Ann", "Director", "ann@alpha.invalid"],
    ["2024/03/01 11:00:00", "Beta Watch", "Poland", "Bo", "Chair", "bo@beta.invalid"],
    ["2024/03/02 09:00:00", "alpha  RIGHTS ", "Norway", "Ann Li", "Director", "ann@alpha.invalid"],
    ["2024/03/02 10:00:00", unicodedata.normalize("NFD", "Fundación Ñandú"), "chile", "Cy", "", ""],
    ["2024/03/02 12:00:00", "Fundación Ñandú", "Chile", "Cy", "", ""],
    ["2024/03/03 08:00:00", "Gamma Centre", "Georgia", "Di", "", "di@gamma.invalid"],
]


def write_csv(
    path: Path, rows: list[list[str]], *, encoding: str = "utf-8", delimiter: str = ","
) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.name.endswith(".lock")
    }


@pytest.fixture
def petition(workspace: Path, cli: Cli) -> Path:
    assert cli("new-letter", "petition", "--title", "Petition").exit_code == 0
    return workspace


def _record(ws: Path) -> dict[str, Any]:
    return tomllib.loads(
        (ws / "letters" / "petition" / "signatures.toml").read_text(encoding="utf-8")
    )


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (
            ["Timestamp", "Organization name", "Country", "Your name", "Title", "Email Address"],
            {"timestamp": 0, "organization": 1, "country": 2, "name": 3, "title": 4, "email": 5},
        ),
        (
            [
                "Name of your organisation",
                "Contact person",
                "Position",
                "Where is your organisation based? (country)",
                "Contact email",
            ],
            {"organization": 0, "name": 1, "title": 2, "country": 3, "email": 4},
        ),
        (
            ["Horodateur", "Nom de l'organisation", "Pays", "Prénom", "Nom de famille", "Fonction"],
            {
                "timestamp": 0,
                "organization": 1,
                "country": 2,
                "first_name": 3,
                "last_name": 4,
                "title": 5,
            },
        ),
        (
            ["Marca temporal", "Organización", "País", "Nombre", "Cargo", "Correo electrónico"],
            {"timestamp": 0, "organization": 1, "country": 2, "name": 3, "title": 4, "email": 5},
        ),
        (
            ["Отметка времени", "Название организации", "Страна", "Имя", "Должность"],
            {"timestamp": 0, "organization": 1, "country": 2, "first_name": 3, "title": 4},
        ),
    ],
)
def test_header_detection(headers: list[str], expected: dict[str, int]) -> None:
    assert detect_columns(headers, []) == expected


def test_column_option_maps_other_headers() -> None:
    headers = ["When", "Group signing", "Nation", "Signed by"]
    columns = detect_columns(
        headers, ["timestamp=When", "country=nation", "organization=Group signing", "name=4"]
    )
    assert columns == {"timestamp": 0, "country": 2, "organization": 1, "name": 3}


def test_missing_organization_column_is_refused(petition: Path, cli: Cli, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", [["When", "Who"], ["2024-01-01", "Alpha"]])
    result = cli("import-csv", str(path), "--letter", "petition")
    assert result.exit_code == 3
    assert "--column organization=HEADER" in result.stderr and "'Who'" in result.stderr
    result = cli("import-csv", str(path), "--letter", "petition", "--column", "group=Who")
    assert result.exit_code == 3 and "FIELD one of organization" in result.stderr
    result = cli("import-csv", str(path), "--letter", "petition", "--column", "organization=Whom")
    assert result.exit_code == 3 and "no header 'Whom'" in result.stderr
    result = cli(
        "import-csv", str(path), "--letter", "petition", "--column", "organization=Who", "--json"
    )
    assert result.exit_code == 0 and json.loads(result.stdout)["signed"] == ["alpha"]


def test_resubmissions_merge_to_the_latest() -> None:
    columns = detect_columns(GOOGLE[0], [])
    responses, skipped = responses_of(GOOGLE, columns, None)
    merged = merge(responses)
    assert skipped == []
    assert [(r.organization, r.name, r.row) for r in merged] == [
        ("Beta Watch", "Bo", 3),
        ("Alpha Rights", "Ann Li", 4),
        ("Fundación Ñandú", "Cy", 6),
        ("Gamma Centre", "Di", 7),
    ]
    # A later row with an earlier timestamp does not win.
    rows = [
        GOOGLE[0],
        ["2024/03/05 10:00:00", "Alpha Rights", "", "New", "", ""],
        ["2024/03/01 10:00:00", "ALPHA RIGHTS", "", "Old", "", ""],
    ]
    assert [r.name for r in merge(responses_of(rows, columns, None)[0])] == ["New"]


def test_import_signs_with_signer_and_response_date(
    petition: Path, cli: Cli, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "responses.csv", GOOGLE)
    result = cli("import-csv", str(path), "--letter", "petition", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["responses"] == 6 and data["merged"] == 2
    assert data["counts"]["organizations"] == 4
    assert len(data["new_orgs"]) == 4 and data["matched_orgs"] == []
    orgs = {o["name"]: o for o in json.loads(cli("orgs", "--json").stdout)}
    assert set(orgs) == {"Beta Watch", "Alpha Rights", "Fundación Ñandú", "Gamma Centre"}
    assert orgs["Fundación Ñandú"]["country"] == "Chile"
    assert orgs["Gamma Centre"]["email"] == "di@gamma.invalid"
    signatures = {s["id"]: s for s in _record(petition)["signatures"]}
    alpha = signatures[orgs["Alpha Rights"]["id"]]
    assert (alpha["signer"], alpha["date"]) == ("Ann Li, Director", "2024-03-02")
    assert signatures[orgs["Gamma Centre"]["id"]]["signer"] == "Di"
    # The same file again changes nothing.
    before = _files(petition)
    again = json.loads(cli("import-csv", str(path), "--letter", "petition", "--json").stdout)
    assert again["signed"] == [] and len(again["already"]) == 4 and again["new_orgs"] == []
    assert _files(petition) == before


def test_existing_roster_entries_are_matched(petition: Path, cli: Cli, tmp_path: Path) -> None:
    assert cli("add-org", "Alpha Rights", "--id", "alpha", "--country", "Norway").exit_code == 0
    assert cli("add-org", "Gamma Center", "--id", "gamma", "--alias", "Gamma Centre").exit_code == 0
    path = write_csv(tmp_path / "responses.csv", GOOGLE)
    data = json.loads(cli("import-csv", str(path), "--letter", "petition", "--json").stdout)
    assert data["matched_orgs"] == ["alpha", "gamma"]
    assert len(data["new_orgs"]) == 2
    orgs = {o["id"]: o for o in json.loads(cli("orgs", "--json").stdout)}
    assert orgs["gamma"]["country"] == "Georgia"  # an empty field is filled, nothing else


def test_dry_run_is_byte_identical(petition: Path, cli: Cli, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "responses.csv", GOOGLE)
    before = _files(petition)
    result = cli("import-csv", str(path), "--letter", "petition", "--dry-run")
    assert result.exit_code == 0
    assert _files(petition) == before
    assert "Fundación Ñandú" in result.stdout and "dry run: nothing was changed" in result.stdout
    data = json.loads(
        cli("import-csv", str(path), "--letter", "petition", "--dry-run", "--json").stdout
    )
    assert data["dry_run"] is True and data["counts"]["organizations"] == 4
    assert _files(petition) == before


def test_bom_and_semicolons_are_read(petition: Path, cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    write_csv(path, GOOGLE, delimiter=";")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    data = json.loads(cli("import-csv", str(path), "--letter", "petition", "--json").stdout)
    assert data["columns"]["timestamp"] == "Timestamp"  # not "\ufeffTimestamp"
    assert data["counts"]["organizations"] == 4


def test_other_encodings_are_refused(petition: Path, cli: Cli, tmp_path: Path) -> None:
    before = _files(petition)
    latin = write_csv(tmp_path / "latin.csv", [GOOGLE[0], GOOGLE[5]], encoding="latin-1")
    result = cli("import-csv", str(latin), "--letter", "petition")
    assert result.exit_code == 3
    assert "latin.csv:2: the file is not UTF-8" in result.stderr
    assert "Windows-1252" in result.stderr
    utf16 = write_csv(tmp_path / "utf16.csv", GOOGLE, encoding="utf-16")
    result = cli("import-csv", str(utf16), "--letter", "petition")
    assert result.exit_code == 3 and "UTF-16" in result.stderr
    assert _files(petition) == before


def test_formula_like_names_are_data(petition: Path, cli: Cli, tmp_path: Path) -> None:
    rows = [
        ["Organization", "Name"],
        ['=HYPERLINK("http://x.invalid","y")', "Eve"],
        ["+Plus Association", "@mention"],
        ["-Minus Group", ""],
    ]
    path = write_csv(tmp_path / "evil.csv", rows)
    # Held for review by default (they look like formulas); --yes signs them, as data.
    held = json.loads(cli("import-csv", str(path), "--letter", "petition", "--json").stdout)
    assert [h["reason"] for h in held["held"]] == ["starts like a spreadsheet formula"] * 3
    assert held["signed"] == [] and json.loads(cli("orgs", "--json").stdout) == []
    assert cli("import-csv", str(path), "--letter", "petition", "--yes").exit_code == 0
    names = sorted(o["name"] for o in json.loads(cli("orgs", "--json").stdout))
    assert names == ["+Plus Association", "-Minus Group", '=HYPERLINK("http://x.invalid","y")']
    signers = sorted(s.get("signer", "") for s in _record(petition)["signatures"])
    assert signers == ["", "@mention", "Eve"]


def test_rows_without_organization_and_bad_timestamps(
    petition: Path, cli: Cli, tmp_path: Path
) -> None:
    rows = [
        ["Timestamp", "Organization"],
        ["01/03/2024 10:00:00", "Alpha"],
        ["", ""],
        ["13/03/2024 10:00:00", ""],
        ["14/03/2024 09:00:00", "Beta"],
    ]
    path = write_csv(tmp_path / "dm.csv", rows)
    data = json.loads(cli("import-csv", str(path), "--letter", "petition", "--json").stdout)
    assert data["skipped"] == [{"row": 4, "reason": "no organization"}]
    dates = {s["id"]: s["date"] for s in _record(petition)["signatures"]}
    assert dates == {"alpha": "2024-03-01", "beta": "2024-03-14"}  # day/month, from "13/…"
    bad = write_csv(tmp_path / "bad.csv", [["Timestamp", "Organization"], ["yesterday", "Z"]])
    result = cli("import-csv", str(bad), "--letter", "petition")
    assert result.exit_code == 3 and "--date-format" in result.stderr
    result = cli(
        "import-csv",
        str(bad),
        "--letter",
        "petition",
        "--column",
        "timestamp=1",
        "--date-format",
        "%Y",
    )
    assert result.exit_code == 3


def test_withdrawn_signature_is_not_renewed_by_an_older_response(
    petition: Path, cli: Cli, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "r.csv", [["Timestamp", "Organization"], ["2024-03-01 10:00", "Alpha"]]
    )
    assert cli("import-csv", str(path), "--letter", "petition").exit_code == 0
    assert cli("withdraw", "petition", "alpha", "--date", "2024-03-05").exit_code == 0
    data = json.loads(cli("import-csv", str(path), "--letter", "petition", "--json").stdout)
    assert data["signed"] == [] and "withdrew on 2024-03-05" in data["skipped"][0]["reason"]
    newer = write_csv(
        tmp_path / "n.csv", [["Timestamp", "Organization"], ["2024-03-09 10:00", "Alpha"]]
    )
    data = json.loads(cli("import-csv", str(newer), "--letter", "petition", "--json").stdout)
    assert data["renewed"] == ["alpha"]


def test_unknown_letter_is_refused(workspace: Path, cli: Cli, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", GOOGLE)
    before = _files(workspace)
    result = cli("import-csv", str(path), "--letter", "nope")
    assert result.exit_code == 3 and "signon new-letter nope" in result.stderr
    assert _files(workspace) == before


def test_field_synonyms_and_names_with_separators(petition: Path, cli: Cli, tmp_path: Path) -> None:
    rows = [
        ["Submitted", "Group signing"],
        ["2024-03-01", "Women; Peace, and Security Union"],
        ["2024-03-02", "Kappa\tHouse"],
    ]
    path = write_csv(tmp_path / "r.csv", rows)
    result = cli(
        "import-csv", str(path), "--letter", "petition", "--column", "org=Group signing", "--json"
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["columns"] == {"organization": "Group signing", "timestamp": "Submitted"}
    names = sorted(o["name"] for o in json.loads(cli("orgs", "--json").stdout))
    assert names == ["Kappa House", "Women; Peace, and Security Union"]


FIXTURES = Path(__file__).resolve().parent / "fixtures"


def test_an_unclosed_quote_is_refused_with_its_row(
    petition: Path, cli: Cli, tmp_path: Path
) -> None:
    before = _files(petition)
    result = cli("import-csv", str(FIXTURES / "unclosed-quote.csv"), "--letter", "petition")
    assert result.exit_code == 3, result.stderr
    assert "row 2 (line 2)" in result.stderr and "never closed" in result.stderr
    assert _files(petition) == before


def test_a_quote_closed_rows_later_is_reported(petition: Path, cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "late.csv"
    path.write_text(
        'Organization;Country\n"Alpha Rights;Norway\nBeta Watch;Poland\nGamma";Georgia\n'
        "Delta Centre;France\n",
        encoding="utf-8",
    )
    data = json.loads(
        cli("import-csv", str(path), "--letter", "petition", "--json", "--dry-run").stdout
    )
    assert any("quote" in n["message"] and n["row"] == 2 for n in data["notes"])


def test_delimiters_inside_a_quoted_header_do_not_count(
    petition: Path, cli: Cli, tmp_path: Path
) -> None:
    path = tmp_path / "quoted.csv"
    path.write_text(
        '"Organization; as printed",Country\nAlpha Rights,Norway\nBeta Watch,Poland\n',
        encoding="utf-8",
    )
    data = json.loads(cli("import-csv", str(path), "--letter", "petition", "--json").stdout)
    assert data["counts"]["organizations"] == 2
    assert data["columns"]["country"] == "Country"


def test_ambiguous_dates_are_reported(petition: Path, cli: Cli) -> None:
    data = json.loads(
        cli(
            "import-csv", str(FIXTURES / "ambiguous-dates.csv"), "--letter", "petition", "--json"
        ).stdout
    )
    notes = [n for n in data["notes"] if "month/day" in n["message"]]
    assert [n["hint"] for n in notes] == [[["date_format", "'%d/%m/%Y %H:%M'"]]]
    assert all("--" not in n["message"] for n in data["notes"])
    dates = {s["id"]: s["date"] for s in _record(petition)["signatures"]}
    assert dates == {"org-a": "2024-03-04", "org-b": "2024-05-04"}  # English header: US order


def test_ambiguous_dates_under_a_french_header_are_day_first(
    petition: Path, cli: Cli, tmp_path: Path
) -> None:
    rows = [
        ["Horodateur", "Nom de l'organisation", "Pays"],
        ["12/03/2024 10:15:02", "Ligue des droits de l'Homme", "France"],
        ["03/04/2024 11:00:00", "Amnesty International, section française", "France"],
    ]
    path = write_csv(tmp_path / "fr.csv", rows, delimiter=";")
    result = cli("import-csv", str(path), "--letter", "petition")
    assert result.exit_code == 0, result.stderr
    assert "day/month" in result.stdout and "--date-format '%m/%d/%Y %H:%M:%S'" in result.stdout
    assert "row None" not in result.stdout
    assert sorted(s["date"] for s in _record(petition)["signatures"]) == [
        "2024-03-12",
        "2024-04-03",
    ]


def test_one_unreadable_timestamp_names_its_row(petition: Path, cli: Cli, tmp_path: Path) -> None:
    rows = [
        ["Timestamp", "Organization"],
        ["2024/03/01 10:00:00", "Alpha"],
        ["2024/03/01 11:00:00", "Beta"],
        ["soon", "Gamma"],
    ]
    path = write_csv(tmp_path / "one-bad.csv", rows)
    result = cli("import-csv", str(path), "--letter", "petition")
    assert result.exit_code == 3
    assert "row 4" in result.stderr and "'soon'" in result.stderr


def test_an_entry_matched_twice_is_listed_once(petition: Path, cli: Cli, tmp_path: Path) -> None:
    assert cli("add-org", "Alpha Rights", "--id", "alpha", "--alias", "AR Norway").exit_code == 0
    rows = [["Organization"], ["Alpha Rights"], ["AR Norway"], ["Beta Watch"], ["beta watch"]]
    path = write_csv(tmp_path / "twice.csv", rows)
    data = json.loads(cli("import-csv", str(path), "--letter", "petition", "--json").stdout)
    assert data["matched_orgs"] == ["alpha"]
    assert data["new_orgs"] == ["beta-watch"]


# ---------------------------------------------------------------- review


REVIEW = [
    ["Organization", "Country", "Name"],
    ["Alpha Rights", "Norway", "Ann"],          # the roster's entry, matched
    ["test", "", "Tess"],                       # junk
    ["https://beta.invalid", "", "Bo"],         # junk: a web address
    ["info@gamma.invalid", "", "Gi"],           # junk: an e-mail address
    ["ALPHA WATCH", "Norway", "Al"],            # the roster has "Alpha Watch"
    ["Alpha Rigths Centre", "Norway", "Ri"],    # looks like "Alpha Rights Centre": a typo
    ["Delta Forum", "Armenia", "Di"],           # new, like nothing
]


@pytest.fixture
def reviewed(petition: Path, cli: Cli, tmp_path: Path) -> Path:
    for args in (["Alpha Rights", "--id", "alpha", "--country", "Norway"],
                 ["Alpha Watch", "--id", "watch", "--country", "Norway"],
                 ["Alpha Rights Centre", "--id", "arc", "--country", "Norway"]):
        assert cli("add-org", *args).exit_code == 0
    return write_csv(tmp_path / "review.csv", REVIEW)


def test_junk_and_look_alikes_are_held_without_a_terminal(reviewed: Path, petition: Path,
                                                          cli: Cli) -> None:
    result = cli("import-csv", str(reviewed), "--letter", "petition", "--review")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "petition: signed 2 organizations\n"
        "  7 responses, 0 re-submissions merged; roster: 1 new, 1 matched\n"
        "  columns: country='Country', organization='Organization', name='Name'\n"
        "  held, not signed: 5 rows for a person to decide (`--review` in a terminal, or "
        "`--yes` to sign them as read):\n"
        "    row 3: 'test' reads like a test or an empty answer\n"
        "    row 4: 'https://beta.invalid' is a web address\n"
        "    row 5: 'info@gamma.invalid' is an e-mail address\n"
        "    row 6: 'ALPHA WATCH' written in capitals, where the roster has 'Alpha Watch'\n"
        "    row 7: 'Alpha Rigths Centre' looks like 'arc' ('Alpha Rights Centre'): typo: 1 "
        "letter\n"
        "  now 2 organizations, 2 entries, 2 names, 0 individuals\n"
    )
    signed = {s["id"] for s in _record(petition)["signatures"]}
    assert signed == {"alpha", "delta-forum"}
    assert {o["id"] for o in json.loads(cli("orgs", "--json").stdout)} == {
        "alpha", "watch", "arc", "delta-forum"}  # nothing held was created


def test_yes_signs_everything(reviewed: Path, petition: Path, cli: Cli) -> None:
    data = json.loads(cli("import-csv", str(reviewed), "--letter", "petition", "--yes",
                          "--json").stdout)
    assert data["held"] == [] and data["counts"]["organizations"] == 7
    # A worse spelling never replaces the roster's name.
    names = {o["id"]: o["name"] for o in json.loads(cli("orgs", "--json").stdout)}
    assert names["watch"] == "Alpha Watch"


def test_review_decides_row_by_row(reviewed: Path, petition: Path) -> None:
    from signon.importers.form_csv import Decision, Held, import_csv
    from signon.workspace import Workspace

    asked: list[int] = []

    def decide(held: Held) -> Decision:
        asked.append(held.row)
        if held.row == 6:
            return Decision("match", held.candidates[0].id)
        if held.row == 7:
            return Decision("match", "Alpha Rights Centre")  # a name will do
        if held.row == 3:
            return Decision("accept")
        return Decision("skip")

    result = import_csv(Workspace(petition), reviewed, "petition", review=decide)
    assert asked == [3, 4, 5, 6, 7]
    assert set(result.signed) == {"alpha", "test", "watch", "arc", "delta-forum"}
    assert [s["row"] for s in result.skipped] == [4, 5] and result.held == []
