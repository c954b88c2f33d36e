"""import-letter through the CLI: the seed, matching the roster, dry runs, refusals."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .helpers import FIXTURES, SEED, needs_seed

Cli = Callable[..., Any]


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.name.endswith(".lock")
    }


def _orgs(cli: Cli) -> list[dict[str, Any]]:
    result = cli("orgs", "--json")
    assert result.exit_code == 0
    return list(json.loads(result.stdout))


@needs_seed
def test_seed_import_json_counts_claim_and_coalitions(workspace: Path, cli: Cli) -> None:
    result = cli("import-letter", str(SEED), "--slug", "b2011", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"letter", "counts", "claims", "findings", "new_orgs", "matched_orgs"} <= set(data)
    assert data["letter"] == "b2011"
    assert data["counts"] == {"organizations": 80, "entries": 46, "names": 87, "individuals": 0}
    assert [(c["value"], c["qualifier"], c["counted"], c["ok"]) for c in data["claims"]] == [
        (78, "exact", 80, False)
    ]
    assert data["claims"][0]["text"] == "78 human rights organizations"
    codes = sorted(f["code"] for f in data["findings"])
    assert codes == ["claim-mismatch", "import-repair"]
    assert len(data["new_orgs"]) == 87 and data["matched_orgs"] == []

    orgs = _orgs(cli)
    coalitions = {o["name"]: o for o in orgs if o["kind"] == "coalition"}
    assert len(coalitions) == 7
    assert len(coalitions["Human Rights House Tbilisi"]["members"]) == 3
    assert len(coalitions["Human Rights House Sarajevo"]["members"]) == 6
    by_name = {o["name"]: o for o in orgs}
    assert by_name["The Rafto Foundation"]["country"] == "Norway"
    assert by_name["Helsinki Foundation for Human Rights"]["country"] == "Poland"
    assert not any("Related" in o["name"] or "August" in o["name"] for o in orgs)

    check = cli("check", "b2011", "--json")
    assert check.exit_code == 1
    checked = json.loads(check.stdout)
    assert checked["counts"] == data["counts"]
    assert [c["value"] for c in checked["claims"]] == [78]  # one claim, not two

    text = (workspace / "letters" / "b2011" / "letter.md").read_text(encoding="utf-8")
    front = tomllib.loads(text.split("+++")[1])
    assert front["title"] == "Call for immediate release and rehabilitation of Ales Bialiatski"
    assert front["date"] == "2011-11-24"
    assert "claim" not in front  # the claim is in the body, as written
    assert "{{ signatories }}" in text and "Related articles" not in text

    # The imported letter keeps its wrong claim, so compose refuses it as check does …
    refused = cli("compose", "b2011")
    assert refused.exit_code == 1 and refused.stdout == ""
    assert "claim-mismatch" in refused.stderr
    # … and --force shows it as it stands.
    composed = cli("compose", "b2011", "--force")
    assert composed.exit_code == 0
    assert "Human Rights House Tbilisi (on behalf of the following NGOs):" in composed.stdout


@needs_seed
def test_reimport_matches_everything(workspace: Path, cli: Cli) -> None:
    assert cli("import-letter", str(SEED), "--slug", "b2011").exit_code == 0
    roster = (workspace / "orgs.toml").read_bytes()
    result = cli("import-letter", str(SEED), "--slug", "b2011-again", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["new_orgs"] == []
    assert len(data["matched_orgs"]) == 87
    assert (workspace / "orgs.toml").read_bytes() == roster
    first = (workspace / "letters" / "b2011" / "signatures.toml").read_text(encoding="utf-8")
    again = (workspace / "letters" / "b2011-again" / "signatures.toml").read_text(encoding="utf-8")
    assert first == again


@needs_seed
def test_human_output(workspace: Path, cli: Cli) -> None:
    result = cli("import-letter", str(SEED), "--slug", "b2011")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith(
        "imported bialiatski-2011.txt as letters/b2011:\n"
        "  80 organizations, 46 entries, 87 names, 0 individuals, 7 coalitions\n"
        "  roster: 87 new, 0 matched; date 2011-11-24\n"
    )
    assert "'78 human rights organizations' → 80 organizations does NOT hold" in out
    assert "import-repair: bialiatski-2011.txt:64: 'Human Rights House Tbilisi'" in out
    assert out.endswith("next: read letters/b2011/letter.md, then `signon check b2011`\n")


@needs_seed
def test_dry_run_changes_nothing_and_shows_a_table(workspace: Path, cli: Cli) -> None:
    before = _snapshot(workspace)
    result = cli("import-letter", str(SEED), "--slug", "b2011", "--dry-run")
    assert result.exit_code == 0
    assert _snapshot(workspace) == before
    assert not (workspace / "letters" / "b2011").exists()
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80  # the dry run fits an 80-column terminal
    assert lines[0] == "Organizations: 87 names"
    assert lines[1] == (
        "   19  Belarusian Human Rights House in exile in Vilnius (Lithuania)    new"
    )
    assert lines[6] == "       … and 82 more (--all shows every name)"
    every = cli("import-letter", str(SEED), "--slug", "b2011", "--dry-run", "--all").stdout
    assert "Human Rights House Tbilisi" in every
    preview = every.split("would import")[0].splitlines()
    assert len(preview) == 88 and all(len(line) <= 80 for line in preview)
    assert result.stdout.rstrip().endswith("dry run: nothing was changed")
    data = json.loads(
        cli("import-letter", str(SEED), "--slug", "b2011", "--dry-run", "--json").stdout
    )
    assert data["dry_run"] is True and data["counts"]["names"] == 87
    assert _snapshot(workspace) == before


@needs_seed
def test_explain_says_what_each_line_became(workspace: Path, cli: Cli) -> None:
    out = cli("import-letter", str(SEED), "--slug", "b2011", "--dry-run", "--explain").stdout
    lines = out.splitlines()
    assert all(len(line) <= 80 for line in lines[: lines.index("Organizations: 87 names")])
    at = lines.index(
        "   64 coalition    Human Rights House Tbilisi (on behalf of the following NGOs):"
    )
    assert lines[at + 1] == "                   ↳ a coalition heading; 3 members follow"
    assert "                   ↳ the letter's title (into the front matter)" in lines
    assert lines[2].startswith("    3 body         78 human rights organizations")
    assert lines[3] == "                   ↳ before the list"


@needs_seed
def test_existing_slug_is_refused_before_anything_changes(workspace: Path, cli: Cli) -> None:
    assert cli("new-letter", "b2011").exit_code == 0
    before = _snapshot(workspace)
    result = cli("import-letter", str(SEED), "--slug", "b2011")
    assert result.exit_code == 3
    assert "letters/b2011/letter.md already exists" in result.stderr
    assert _snapshot(workspace) == before
    assert cli("import-letter", str(SEED), "--slug", "Bad Slug").exit_code == 3


def test_unreadable_files_are_refused(workspace: Path, cli: Cli, tmp_path: Path) -> None:
    before = _snapshot(workspace)
    latin = tmp_path / "latin1.txt"
    latin.write_bytes(
        "Lettre\n\nSoutien\n\nLigue des droits de l'Homme (France)\n"
        "Fédération internationale\n".encode("latin-1")
    )
    result = cli("import-letter", str(latin), "--slug", "x")
    assert result.exit_code == 3
    assert "not UTF-8" in result.stderr and "Traceback" not in result.stderr
    odt = tmp_path / "letter.odt"
    odt.write_bytes(b"PK")
    assert cli("import-letter", str(odt), "--slug", "x").exit_code == 3
    assert cli("import-letter", str(tmp_path / "missing.txt"), "--slug", "x").exit_code == 3
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    result = cli("import-letter", str(broken), "--slug", "x")
    assert result.exit_code == 3 and "not a Word .docx file" in result.stderr
    assert _snapshot(workspace) == before


def test_bom_is_accepted(workspace: Path, cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + (FIXTURES / "numbered.txt").read_bytes())
    result = cli("import-letter", str(path), "--slug", "bom", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["counts"]["organizations"] == 6


def test_matches_roster_names_and_aliases_and_reports_near_duplicates(
    workspace: Path, cli: Cli
) -> None:
    assert (
        cli(
            "add-org",
            "Moskovskaya Helsinkskaya Gruppa",
            "--id",
            "mhg",
            "--alias",
            "Moscow Helsinki Group",
        ).exit_code
        == 0
    )
    assert cli("add-org", "Legal Transformation Centre", "--id", "ltc").exit_code == 0
    assert (
        cli("add-org", "Human Rights Club", "--id", "hrc-norway", "--country", "Norway").exit_code
        == 0
    )
    result = cli("import-letter", str(FIXTURES / "sections.txt"), "--slug", "open", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["matched_orgs"] == ["mhg"]  # matched through its alias
    # "Human Rights Club (Azerbaijan)" is not the Norwegian one: a new entry, reported.
    assert "human-rights-club" in data["new_orgs"]
    messages = [f["message"] for f in data["findings"] if f["code"] == "possible-duplicate"]
    assert any("'hrc-norway'" in m and "another country" in m for m in messages)
    assert data["counts"]["individuals"] == 3
    record = tomllib.loads(
        (workspace / "letters" / "open" / "signatures.toml").read_text(encoding="utf-8")
    )
    assert record["individuals"][0] == {
        "name": "Jane Roe",
        "title": "Professor of Law",
        "affiliation": "University of Oslo",
        "date": record["individuals"][0]["date"],
        "section": "Individuals",  # the heading it was printed under, kept for compose
    }


def test_coalition_with_other_members_is_a_new_coalition(
    workspace: Path, cli: Cli, tmp_path: Path
) -> None:
    assert cli("add-org", "FIAN Norway", "--id", "fian").exit_code == 0
    assert (
        cli(
            "add-coalition", "Human Rights House Oslo", "--id", "hrh-oslo", "--member", "fian"
        ).exit_code
        == 0
    )
    result = cli("import-letter", str(FIXTURES / "bullets.txt"), "--slug", "s", "--json")
    data = json.loads(result.stdout)
    assert "fian" in data["matched_orgs"] and "hrh-oslo" not in data["matched_orgs"]
    created = [o for o in _orgs(cli) if o["name"] == "Human Rights House Oslo"]
    assert sorted(len(o["members"]) for o in created) == [1, 3]
    assert any("other members" in f["message"] for f in data["findings"])
    # Importing the same letter again finds the coalition with these members.
    again = json.loads(
        cli("import-letter", str(FIXTURES / "bullets.txt"), "--slug", "s2", "--json").stdout
    )
    assert again["new_orgs"] == []


def test_title_claim_goes_to_the_front_matter(workspace: Path, cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "claim.txt"
    path.write_text(
        "Seventy organizations call for the release of Ales Bialiatski\n\n"
        "We call on the authorities of Belarus to release him.\n\n"
        "Moscow Helsinki Group\nPeople in Need (Czech Republic)\n"
        "Civil Rights Defenders (Sweden)\n",
        encoding="utf-8",
    )
    data = json.loads(cli("import-letter", str(path), "--slug", "c", "--json").stdout)
    assert [(c["value"], c["ok"]) for c in data["claims"]] == [(70, False)]
    text = (workspace / "letters" / "c" / "letter.md").read_text(encoding="utf-8")
    assert "\nclaim = 70\n" in text


def test_body_text_stays_text(workspace: Path, cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "braces.txt"
    path.write_text(
        "Letter\n\nWe write {{ 7*7 }} and {% raw %} as *typed* in 2011.\n\n"
        "# not a heading\n\nMoscow Helsinki Group\nPeople in Need (Czech Republic)\n"
        "Civil Rights Defenders (Sweden)\n",
        encoding="utf-8",
    )
    assert (
        cli(
            "import-letter",
            str(path),
            "--slug",
            "t",
            "--date",
            "2020-01-02",
            "--title",
            "Own title",
        ).exit_code
        == 0
    )
    composed = cli("compose", "t")
    assert composed.exit_code == 0
    assert "We write {{ 7*7 }} and {% raw %} as *typed* in 2011." in composed.stdout
    assert "# not a heading" in composed.stdout
    assert composed.stdout.startswith("Own title\n\n2 January 2020\n")


@needs_seed
def test_start_and_end_options(workspace: Path, cli: Cli) -> None:
    result = cli(
        "import-letter",
        str(SEED),
        "--slug",
        "part",
        "--start",
        "Armenian Helsinki Association",
        "--end",
        "Related articles",
        "--json",
    )
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["counts"] == {"organizations": 35, "entries": 35, "names": 35, "individuals": 0}
    result = cli("import-letter", str(SEED), "--slug", "part2", "--start", "no such line")
    assert result.exit_code == 3
    assert result.stderr == (
        "error: the start line 'no such line' does not occur in bialiatski-2011.txt; copy a "
        "few words of that line exactly (with --start TEXT)\n"
    )


@needs_seed
def test_hand_written_roster_comment_is_kept_safe(workspace: Path, cli: Cli) -> None:
    roster = workspace / "orgs.toml"
    roster.write_text("# reviewed by hand\n" + roster.read_text(encoding="utf-8"), encoding="utf-8")
    before = _snapshot(workspace)
    result = cli("import-letter", str(SEED), "--slug", "b2011")
    assert result.exit_code == 4
    assert _snapshot(workspace) == before
    assert not (workspace / "letters" / "b2011").exists()
    assert cli("--drop-comments", "import-letter", str(SEED), "--slug", "b2011").exit_code == 0


def test_near_duplicates_of_roster_entries_are_reported(
    workspace: Path, cli: Cli, tmp_path: Path
) -> None:
    assert cli("add-org", "Human Rights Centre", "--id", "hrc").exit_code == 0
    path = tmp_path / "near.txt"
    path.write_text(
        "Letter\n\nWe, 3 organizations, call for his release.\n\n"
        "The Human Rights Centre (HRIDC)\nPeople in Need (Czech Republic)\n"
        "Civil Rights Defenders (Sweden)\n",
        encoding="utf-8",
    )
    data = json.loads(cli("import-letter", str(path), "--slug", "near", "--json").stdout)
    assert "hrc" not in data["matched_orgs"] and len(data["new_orgs"]) == 3
    # The import's own note (on the line it read), beside check's roster-wide finding.
    [finding] = [f for f in data["findings"] if f["code"] == "possible-duplicate" and f["line"]]
    assert "'The Human Rights Centre (HRIDC)'" in finding["message"]
    assert "(hrc)" in finding["message"] and finding["line"] == 5


def test_html_in_its_declared_charset(workspace: Path, cli: Cli, tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="windows-1251"><title>Заява</title></head><body>'
        "<h1>Заява</h1><p>Мы, 3 арганізацыі, патрабуем вызвалення палітвязняў.</p><ul>"
        "<li>Беларускі Хельсінкскі камітэт</li><li>Праваабарончы цэнтр «Вясна»</li>"
        "<li>Беларуская асацыяцыя журналістаў</li></ul></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp1251"))
    data = json.loads(
        cli("import-letter", str(path), "--slug", "by", "--language", "be", "--json").stdout
    )
    assert data["counts"]["organizations"] == 3
    names = {o["name"] for o in _orgs(cli)}
    assert "Праваабарончы цэнтр «Вясна»" in names


def _letter(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "letter.txt"
    path.write_text(
        "Letter\n\nWe call for the release of Ales Bialiatski.\n\nSigned,\n\n"
        + "\n".join(lines) + "\n",
        encoding="utf-8",
    )
    return path


def test_look_alikes_are_reported_in_the_same_country_only_with_the_reason(
    workspace: Path, cli: Cli, tmp_path: Path
) -> None:
    assert cli("add-org", "Helsinki Foundation for Human Rights", "--id", "hfhr",
               "--country", "Poland").exit_code == 0
    path = _letter(tmp_path, "Helsinki Fundation for Human Rights (Poland)",
                   "People in Need (Czech Republic)", "Civil Rights Defenders (Sweden)")
    data = json.loads(cli("import-letter", str(path), "--slug", "same", "--json").stdout)
    [note] = [f for f in data["findings"] if f["code"] == "possible-duplicate" and f["line"]]
    assert "(hfhr)" in note["message"] and "(typo: 1 letter)" in note["message"]
    # The same words in another country are another organization: no look-alike.
    path = _letter(tmp_path, "Helsinki Foundation for Human Rigths (Ukraine)",
                   "People in Need (Czech Republic)", "Civil Rights Defenders (Sweden)")
    data = json.loads(cli("import-letter", str(path), "--slug", "other", "--json").stdout)
    assert not [f for f in data["findings"] if f["code"] == "possible-duplicate"]


def test_a_match_takes_the_entry_in_the_country_printed_and_fills_its_city(
    workspace: Path, cli: Cli, tmp_path: Path
) -> None:
    # Two entries of one name, one without a country (added by hand with --force).
    assert cli("add-org", "Memorial", "--id", "memorial").exit_code == 0
    assert cli("add-org", "Memorial", "--id", "memorial-ru", "--country", "Russia",
               "--force").exit_code == 0
    assert cli("add-org", "Information Center for Human Rights", "--id", "ichr",
               "--country", "Ukraine").exit_code == 0
    path = _letter(tmp_path, "Memorial (Russian Federation)",
                   "Information Center for Human Rights (Kyiv, Ukraine)",
                   "Civil Rights Defenders (Sweden)")
    data = json.loads(cli("import-letter", str(path), "--slug", "m", "--json").stdout)
    assert data["matched_orgs"] == ["memorial-ru", "ichr"]
    by_id = {o["id"]: o for o in _orgs(cli)}
    assert by_id["ichr"]["city"] == "Kyiv"  # the roster lacked it; its name stays
    assert by_id["memorial"]["country"] is None
