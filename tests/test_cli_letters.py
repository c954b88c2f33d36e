"""Letter commands through the CLI: whole outputs and exit codes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from letter_helpers import set_body

Cli = Callable[..., Any]


def test_new_letter_scaffold_composes_and_checks(workspace: Path, cli: Cli) -> None:
    result = cli("new-letter", "appeal", "--title", "An appeal", "--date", "2024-05-01")
    assert result.exit_code == 0
    assert result.stdout == (
        "created letters/appeal/letter.md: edit the body, then `signon sign appeal ID…`\n")
    text = (workspace / "letters" / "appeal" / "letter.md").read_text(encoding="utf-8")
    assert text.startswith('+++\ntitle = "An appeal"\ndate = "2024-05-01"\nlanguage = "en"\n')
    assert (workspace / "letters" / "appeal" / "signatures.toml").exists()
    assert cli("check", "appeal").exit_code == 0
    assert cli("new-letter", "appeal").exit_code == 3
    assert cli("new-letter", "Bad Slug").exit_code == 3


def test_sign_records_and_refuses_unknown_ids(small_letter: Path, cli: Cli) -> None:
    record = small_letter / "letters" / "demo" / "signatures.toml"
    before = record.read_bytes()
    result = cli("sign", "demo", "a", "nope")
    assert result.exit_code == 3
    assert result.stderr == (
        "error: unknown id 'nope'; look it up in the roster's list; nothing was recorded "
        "(`signon orgs`)\n")
    assert record.read_bytes() == before
    result = cli("sign", "demo", "a")
    assert result.exit_code == 0
    assert result.stdout == "demo: nothing new recorded\n"
    assert result.stderr == "a had already signed demo\n"


def test_sign_refuses_double_listing_through_a_coalition(small_letter: Path, cli: Cli) -> None:
    assert cli("withdraw", "demo", "k").exit_code == 0
    assert cli("sign", "demo", "c").exit_code == 0
    result = cli("sign", "demo", "k")
    assert result.exit_code == 3
    assert "'c', which already signed (directly)" in result.stderr
    assert cli("sign", "demo", "k", "--force").exit_code == 0
    check = cli("check", "demo", "--json")
    assert check.exit_code == 1
    codes = [f["code"] for f in json.loads(check.stdout)["findings"]]
    assert codes == ["duplicate-signatory"]


def test_withdraw_keeps_the_record(small_letter: Path, cli: Cli) -> None:
    result = cli("withdraw", "demo", "b", "--date", "2024-04-01")
    assert (result.exit_code, result.stdout) == (
        0, "demo: withdrew Beta Watch (b) (kept on record, dropped from the list)\n")
    record = (small_letter / "letters" / "demo" / "signatures.toml").read_text(encoding="utf-8")
    assert '{ id = "b", date = "2024-03-02", withdrawn = "2024-04-01" }' in record
    assert cli("withdraw", "demo", "b").exit_code == 3
    assert cli("withdraw", "demo", "zz").exit_code == 3
    counts = json.loads(cli("check", "demo", "--json").stdout)["counts"]
    assert counts == {"organizations": 4, "entries": 2, "names": 5, "individuals": 0}
    # signing again renews the signature
    assert cli("sign", "demo", "b").stdout == (
        "demo: Beta Watch (b) signed again after withdrawing\n")


def test_individuals_counted_apart(small_letter: Path, cli: Cli) -> None:
    assert cli("sign-individual", "demo", "Jane Roe", "--title", "Professor").exit_code == 0
    assert cli("sign-individual", "demo", "jane  roe").exit_code == 3
    assert cli("withdraw", "demo", "--individual", "Jane Roe").exit_code == 0
    assert cli("sign-individual", "demo", "Ivan Petrov").exit_code == 0
    counts = json.loads(cli("check", "demo", "--json").stdout)["counts"]
    assert counts["individuals"] == 1
    assert counts["organizations"] == 5


def test_letters_json_and_table(small_letter: Path, cli: Cli) -> None:
    set_body(small_letter, "demo", "Six organizations sign.\n\n{{ signatories }}\n")
    result = cli("letters", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == [{"letter": "demo", "title": "Demo letter", "ok": False,
                                          "counts": {"organizations": 5, "entries": 3, "names": 6,
                                                     "individuals": 0}}]
    table = cli("letters").stdout
    assert "demo" in table and "1 error" in table and "(s)" not in table


def test_check_text_output_whole(small_letter: Path, cli: Cli) -> None:
    set_body(small_letter, "demo", "More than 4 organizations sign.\n\n{{ signatories }}\n")
    result = cli("check", "demo")
    assert result.exit_code == 0
    assert result.stdout == (
        "✓ demo: 5 organizations, 3 entries, 6 names, 0 individuals\n"
        "  claim letters/demo/letter.md:14 'More than 4 organizations' → 5 organizations holds\n"
    )


def test_check_json_shape_and_exit_code_on_mismatch(small_letter: Path, cli: Cli) -> None:
    set_body(small_letter, "demo", "Seventy-eight NGOs sign.\n\n{{ signatories }}\n")
    result = cli("check", "demo", "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["letter"] == "demo" and data["ok"] is False
    claim = data["claims"][0]
    assert {k: claim[k] for k in ("text", "value", "qualifier", "rule", "counted", "ok", "line")} \
        == {"text": "Seventy-eight NGOs", "value": 78, "qualifier": "exact",
            "rule": "organizations", "counted": 5, "ok": False, "line": 14}
    finding = data["findings"][0]
    assert finding["code"] == "claim-mismatch" and finding["severity"] == "error"
    assert finding["line"] == 14
    assert "letters/demo/letter.md:14" in finding["message"]


def test_check_front_matter_claim(small_letter: Path, cli: Cli) -> None:
    path = small_letter / "letters" / "demo" / "letter.md"
    path.write_text(path.read_text(encoding="utf-8").replace("# claim = 78", "claim = 78"),
                    encoding="utf-8")
    data = json.loads(cli("check", "demo", "--json").stdout)
    assert [(c["value"], c["ok"], c["line"]) for c in data["claims"]] == [(78, False, 11)]


def test_check_warnings_fail_only_with_strict(small_letter: Path, cli: Cli) -> None:
    assert cli("add-coalition", "Empty House", "--id", "empty").exit_code == 0
    assert cli("sign", "demo", "empty").exit_code == 0
    assert cli("check", "demo").exit_code == 0
    result = cli("check", "demo", "--strict", "--json")
    assert result.exit_code == 1
    assert [f["code"] for f in json.loads(result.stdout)["findings"]] == ["empty-coalition"]


def test_check_possible_duplicate_and_mixed_script(small_letter: Path, cli: Cli) -> None:
    # "Аlpha" below starts with a Cyrillic А.
    assert cli("add-org", "Аlpha Group", "--id", "mixed").exit_code == 0
    # "Alpha Rights Norway" beside a, "Alpha Rights" in Norway: a country suffix.
    added = cli("add-org", "Alpha Rights Norway", "--id", "a2")
    assert added.exit_code == 0 and "country suffix Norway" in added.stderr
    assert cli("sign", "demo", "mixed", "a2").exit_code == 0
    data = json.loads(cli("check", "demo", "--json").stdout)
    codes = sorted(f["code"] for f in data["findings"])
    assert codes == ["mixed-script", "possible-duplicate"]
    [duplicate] = [f for f in data["findings"] if f["code"] == "possible-duplicate"]
    assert duplicate["message"] == (
        "demo: 'Alpha Rights' (a) and 'Alpha Rights Norway' (a2) both signed and look like one "
        "organization (country suffix Norway); if they are, merging them counts it once")
    assert duplicate["remedies"] == [{"operation": "merge", "args": ["a", "a2"], "options": {}}]
    assert data["ok"] is True


def test_check_unknown_id_in_record(small_letter: Path, cli: Cli) -> None:
    record = small_letter / "letters" / "demo" / "signatures.toml"
    record.write_text('[[signatures]]\nid = "a"\n\n[[signatures]]\nid = "ghost"\n',
                      encoding="utf-8")
    data = json.loads(cli("check", "demo", "--json").stdout)
    assert [f["code"] for f in data["findings"]] == ["unknown-id"]


def test_check_template_error_is_a_finding(small_letter: Path, cli: Cli) -> None:
    set_body(small_letter, "demo", "{{ cuont }} organizations\n")
    result = cli("check", "demo")
    assert result.exit_code == 1
    assert "template-error" in result.stdout and "cuont" in result.stdout


def test_compose_output_file_and_errors(small_letter: Path, cli: Cli, tmp_path: Path) -> None:
    set_body(small_letter, "demo", "{{ count }} organizations.\n\n{{ signatories }}\n")
    out = tmp_path / "letter.txt"
    result = cli("compose", "demo", "-o", str(out))
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8") == cli("compose", "demo").stdout
    assert cli("compose", "nope").exit_code == 3
    set_body(small_letter, "demo", "{{ nope }}\n")
    result = cli("compose", "demo")
    assert result.exit_code == 4
    assert result.stderr.startswith("error: letters/demo/letter.md:")


def test_broken_front_matter_exits_4_with_position(small_letter: Path, cli: Cli) -> None:
    path = small_letter / "letters" / "demo" / "letter.md"
    path.write_text('+++\ntitle = "x"\ndate = = 1\n+++\nbody\n', encoding="utf-8")
    result = cli("compose", "demo")
    assert result.exit_code == 4
    assert result.stderr.startswith("error: letters/demo/letter.md:3:")
    path.write_text("no front matter\n", encoding="utf-8")
    assert cli("check", "demo").exit_code == 4


def test_show_lists_letters_signed_via_coalition(small_letter: Path, cli: Cli) -> None:
    data = json.loads(cli("show", "c", "--json").stdout)
    assert data["letters"] == ["demo"]
    assert data["coalitions"] == ["k"]
    assert data["signatures"] == [{"letter": "demo", "via": "k", "date": "2024-03-02",
                                   "withdrawn": None, "unnamed": False}]


def test_ids_slugs_and_languages_with_a_trailing_newline_are_refused(workspace: Path,
                                                                     cli: Cli) -> None:
    # `$` in a Python regex also matches before a final newline: the patterns use \Z.
    assert cli("add-org", "X", "--id", "abc\n").exit_code == 3
    assert cli("new-letter", "ab\n").exit_code == 3
    assert cli("new-letter", "ab", "--language", "en\nx").exit_code == 3
    assert not (workspace / "letters" / "ab\n").exists()


def test_compose_never_writes_over_workspace_files(small_letter: Path, cli: Cli) -> None:
    roster = (small_letter / "orgs.toml").read_bytes()
    letter = (small_letter / "letters" / "demo" / "letter.md").read_bytes()
    for target in ("orgs.toml", "letters/demo/letter.md", "letters/demo/signatures.toml"):
        result = cli("compose", "demo", "-o", target, "--force")
        assert result.exit_code == 3, target
        assert "workspace's own files" in result.stderr
    assert (small_letter / "orgs.toml").read_bytes() == roster
    assert (small_letter / "letters" / "demo" / "letter.md").read_bytes() == letter
    assert cli("compose", "demo", "-o", "out.txt").exit_code == 0
    # compose -o follows export's rule: its own earlier output is replaced …
    again = cli("compose", "demo", "-o", "out.txt")
    assert (again.exit_code, again.stderr) == (0, "wrote out.txt\n")
    # … a file edited since (or written by someone else) only with --force.
    (small_letter / "out.txt").write_text("my notes\n", encoding="utf-8")
    refused = cli("compose", "demo", "-o", "out.txt")
    assert refused.exit_code == 3
    assert refused.stderr.startswith("error: not replacing out.txt (")
    assert (small_letter / "out.txt").read_text("utf-8") == "my notes\n"
    (small_letter / "mine.txt").write_text("mine\n", encoding="utf-8")
    assert cli("compose", "demo", "-o", "mine.txt").exit_code == 3
    assert cli("compose", "demo", "-o", "out.txt", "--force").exit_code == 0


def test_letter_names_cannot_leave_the_workspace(small_letter: Path, cli: Cli,
                                                 tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "letter.md").write_text('+++\ntitle = "x"\n+++\nhi\n', encoding="utf-8")
    for slug in ("../../outside", str(outside), "../demo"):
        for args in (("sign", slug, "a"), ("sign-individual", slug, "Bob"), ("compose", slug),
                     ("check", slug), ("withdraw", slug, "a")):
            assert cli(*args).exit_code == 3, args
    assert not (outside / "signatures.toml").exists()


def test_malformed_signature_record_is_exit_4_not_a_traceback(small_letter: Path,
                                                              cli: Cli) -> None:
    record = small_letter / "letters" / "demo" / "signatures.toml"
    for bad in ("signatures = 5\n", "individuals = 5\n", "exports = 5\n",
                "signatures = [1, 2]\n"):
        record.write_text(bad, encoding="utf-8")
        for args in (("compose", "demo"), ("sign", "demo", "a")):
            result = cli(*args)
            assert result.exit_code == 4, (bad, args)
            assert result.stderr.startswith("error: letters/demo/signatures.toml: ")


def test_one_unreadable_letter_does_not_hide_the_others(small_letter: Path, cli: Cli) -> None:
    assert cli("new-letter", "broken").exit_code == 0
    (small_letter / "letters" / "broken" / "letter.md").write_text(
        '+++\ntitle = "unclosed\n+++\n', encoding="utf-8")
    result = cli("check", "--json")
    assert result.exit_code == 4
    data = {r["letter"]: r for r in json.loads(result.stdout)}
    assert data["demo"]["ok"] is True
    assert [f["code"] for f in data["broken"]["findings"]] == ["letter-file"]
    listing = cli("letters", "--json")
    assert listing.exit_code == 0
    assert [(r["letter"], r["ok"]) for r in json.loads(listing.stdout)] == [
        ("broken", False), ("demo", True)]


def test_invalid_front_matter_claim_is_a_located_finding(small_letter: Path, cli: Cli) -> None:
    path = small_letter / "letters" / "demo" / "letter.md"
    path.write_text(path.read_text(encoding="utf-8").replace("# claim = 78", 'claim = "lots"'),
                    encoding="utf-8")
    result = cli("check", "demo", "--json")
    assert result.exit_code == 1
    (finding,) = json.loads(result.stdout)["findings"]
    assert finding["code"] == "claim-invalid"
    assert finding["message"].startswith("letters/demo/letter.md:11: ")


def test_sign_waits_for_the_roster_lock(small_letter: Path, cli: Cli,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    # sign holds the roster's lock, so a concurrent remove-org cannot slip in between.
    from signon.fileio import locked

    monkeypatch.setenv("SIGNON_LOCK_TIMEOUT", "0.3")
    import subprocess
    import sys

    exe = str(Path(sys.executable).with_name("signon"))
    with locked(small_letter / "orgs.toml"):
        proc = subprocess.run([exe, "sign", "demo", "d"], cwd=small_letter,
                              capture_output=True, text=True)
    assert proc.returncode == 5, proc.stderr


def test_hand_edited_control_characters_are_an_error(small_letter: Path, cli: Cli) -> None:
    roster = small_letter / "orgs.toml"
    roster.write_text(roster.read_text(encoding="utf-8").replace(
        'name = "Beta Watch"', 'name = "Beta\\u001b[31m Watch\\u202e"'), encoding="utf-8")
    result = cli("check", "demo", "--json")
    assert result.exit_code == 1
    (finding,) = json.loads(result.stdout)["findings"]
    assert finding["code"] == "control-character"
    assert "\x1b" not in result.stdout


def test_check_findings_from_the_cache_follow_hand_edits(
        workspace: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # A roster large enough to be cached: which names check must look at closely is kept
    # under the roster's text, so a hand edit (a new text) is searched again.
    from signon.workspace import find_workspace

    monkeypatch.delenv("SIGNON_NO_CACHE", raising=False)
    monkeypatch.setenv("SIGNON_CACHE_DIR", str(tmp_path / "cache"))
    orgs = "".join(f'[orgs.o{i}]\nname = "Organization {i}"\n\n' for i in range(1500))
    roster = (orgs + '[orgs.mixed]\nname = "\u0410lpha Group"\n\n'
              '[orgs.ctl]\nname = "Control"\ncountry = "Nor\\u202eway"\n')
    (workspace / "orgs.toml").write_text(roster, encoding="utf-8")
    ws = find_workspace(workspace)
    ws.new_letter("demo")
    ws.sign("demo", ["mixed", "ctl", "o1"])

    def codes() -> list[str]:
        [result] = ws.check(["demo"])
        return sorted(f.code for f in result.findings)

    assert codes() == codes() == ["control-character", "mixed-script"]
    (workspace / "orgs.toml").write_text(roster.replace("\u0410lpha", "Alpha"),
                                         encoding="utf-8")
    assert codes() == ["control-character"]
    (workspace / "orgs.toml").write_text(roster.replace("\\u202e", ""), encoding="utf-8")
    assert codes() == ["mixed-script"]
