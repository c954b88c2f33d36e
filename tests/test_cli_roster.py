"""Roster commands through the CLI: whole outputs, exit codes, and bad input files."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Cli = Callable[..., Any]


def ok(result: Any, stdout: str, stderr: str = "") -> None:
    assert (result.exit_code, result.stdout, result.stderr) == (0, stdout, stderr)


def fails(result: Any, code: int, message: str) -> None:
    """Exit ``code`` with one sentence on stderr, nothing on stdout, no traceback."""
    assert (result.exit_code, result.stdout, result.stderr) == (code, "", f"error: {message}\n")


def same_name(said: str, eid: str = "a", name: str = "Alpha Rights",
              where: str = ", Norway") -> str:
    """The refusal of a name equal after folding to an entry's (``said`` as repr shows it)."""
    return (f"{said} is the name of {eid!r} ({name!r}{where}) once case, accents, script and "
            "punctuation are set aside; use that id, unless they are different organizations; "
            "run again with --force to go ahead anyway")


def roster_text(ws: Path) -> str:
    return (ws / "orgs.toml").read_text(encoding="utf-8")


@pytest.fixture
def roster(workspace: Path, cli: Cli) -> Path:
    """a, b, c, d; coalition k = (c, d); outer coalition o = (k)."""
    for eid, name, country in [("a", "Alpha Rights", "Norway"), ("b", "Beta Watch", "Poland"),
                               ("c", "Gamma Centre", "Georgia"), ("d", "Delta Forum", "Armenia")]:
        assert cli("add-org", name, "--id", eid, "--country", country).exit_code == 0
    assert cli("add-coalition", "Kappa House", "--id", "k", "--member", "c",
               "--member", "d").exit_code == 0
    assert cli("add-coalition", "Outer", "--id", "o", "--member", "k").exit_code == 0
    return workspace


# ---------------------------------------------------------------- init


def test_init(tmp_path: Path, cli: Cli) -> None:
    target = tmp_path / "new"
    ok(cli("init", str(target)), f"created workspace {target} (orgs.toml, letters/)\n")
    assert roster_text(target) == "[orgs]\n\n[coalitions]\n"
    fails(cli("init", str(target)), 3,
          f"{target / 'orgs.toml'} already exists; signon init never overwrites a roster — use "
          "that workspace, or choose another folder")


def test_init_in_the_current_folder(tmp_path: Path, cli: Cli) -> None:
    ok(cli("init", cwd=tmp_path), f"created workspace {tmp_path} (orgs.toml, letters/)\n")


# ---------------------------------------------------------------- add-org


def test_add_org(workspace: Path, cli: Cli) -> None:
    ok(cli("add-org", "Helsińska Fundacja Praw Człowieka", "--country", "Poland", "--city",
           "Warsaw", "--acronym", "HFHR", "--alias", "Helsinki Foundation for Human Rights",
           "--email", "hfhr@example.org", "--website", "https://hfhr.example.org",
           "--note", "Signed in 2011.", "--tag", "helsinki"),
       "added helsinska-fundacja-praw-czlowieka: Helsińska Fundacja Praw Człowieka\n")
    assert roster_text(workspace) == (
        "[orgs.helsinska-fundacja-praw-czlowieka]\n"
        'name = "Helsińska Fundacja Praw Człowieka"\n'
        'acronym = "HFHR"\n'
        'country = "Poland"\n'
        'city = "Warsaw"\n'
        "aliases = [\n"
        '    "Helsinki Foundation for Human Rights",\n'
        "]\n"
        'email = "hfhr@example.org"\n'
        'website = "https://hfhr.example.org"\n'
        "tags = [\n"
        '    "helsinki",\n'
        "]\n"
        'notes = "Signed in 2011."\n'
        "\n"
        "[coalitions]\n"
    )


def test_add_org_derives_unique_ids(workspace: Path, cli: Cli) -> None:
    ok(cli("add-org", "Правозащитный центр «Мемориал»"),
       "added pravozashchitnyy-tsentr-memorial: Правозащитный центр «Мемориал»\n")
    ok(cli("add-org", "Östgruppen"), "added ostgruppen: Östgruppen\n")
    ok(cli("add-org", "Ostgruppen", "--force"), "added ostgruppen-2: Ostgruppen\n",
       "warning: ostgruppen-2 has the name of ostgruppen (Östgruppen); added anyway, as asked\n")
    ok(cli("remove-org", "ostgruppen-2"), "removed ostgruppen-2: Ostgruppen\n")
    ok(cli("add-org", "Ostgruppen", "--force"), "added ostgruppen-3: Ostgruppen\n",  # -2 retired
       "warning: ostgruppen-3 has the name of ostgruppen (Östgruppen); added anyway, as "
       "asked\n")
    fails(cli("add-org", "Other", "--id", "ostgruppen-2"), 3,
          "id 'ostgruppen-2' belonged to a removed entry and is retired so that old letters and "
          "exports stay unambiguous; choose another id")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ALPHA  rights"], same_name("'ALPHA  rights'")),
        (["Alpha\u00a0Rights"], same_name("'Alpha\\xa0Rights'")),  # repr shows the no-break space
        (["\u201cAlpha\u200b Rights\u201d"], same_name("'\u201cAlpha\\u200b Rights\u201d'")),
        (["Fresh Name", "--alias", "alpha-rights"], same_name("'alpha-rights'")),
        (["Ny\u0301 Org", "--id", "a"],
         "id 'a' is already used by 'Alpha Rights'; choose another id"),
        (["Bad\x0bName"],
         "name: position 4 holds the control character U+000B; retype the value without it"),
        (["Bad\u202eName"],
         "name: position 4 holds the invisible bidi control U+202E, which can make text display "
         "as something it is not; retype the value without it"),
        (["Two\nLines"],
         "name: position 4 holds the control character U+000A; retype the value without it "
         "(only notes may span several lines)"),
        (["x" * 301],
         "name: 301 characters is longer than the 300 allowed; shorten it (put longer remarks in "
         "notes)"),
        (["Fine", "--alias", ""], "alias[1]: must not be empty; give the organization's name"),
        (["Fine", "--email", "nope"],
         "email 'nope' is not an e-mail address; give it as name@example.org"),
        (["Fine", "--id", "Not An Id"],
         "id 'Not An Id' is not a valid id; use lower-case letters, digits, '-', '.' or '_' (at "
         "most 80 characters, starting and ending with a letter or digit)"),
    ],
)
def test_add_org_refusals_change_nothing(roster: Path, cli: Cli, args: list[str],
                                         message: str) -> None:
    before = (roster / "orgs.toml").read_bytes()
    fails(cli("add-org", *args), 3, message)
    assert (roster / "orgs.toml").read_bytes() == before


def test_add_org_force_adds_a_likely_duplicate(roster: Path, cli: Cli) -> None:
    ok(cli("add-org", "ALPHA  rights", "--force", "--id", "a2"), "added a2: ALPHA  rights\n",
       "warning: a2 has the name of a (Alpha Rights, Norway); added anyway, as asked\n")
    # Still reported, until merged or marked as distinct.
    [pair] = json.loads(cli("duplicates", "--json").stdout)
    assert (pair["first"]["id"], pair["second"]["id"], pair["reason"]) == ("a", "a2", "same name")
    text = roster_text(roster).replace('[orgs.a2]\nname = "ALPHA  rights"\n',
                                       '[orgs.a2]\nname = "ALPHA  rights"\ndistinct_from = ["a"]\n')
    (roster / "orgs.toml").write_text(text, encoding="utf-8")
    ok(cli("duplicates"), "no likely duplicates among the 7 roster entries\n")


def test_add_org_undecodable_argument(roster: Path, cli: Cli) -> None:
    # What Python makes of bytes that are not UTF-8 on the command line: lone surrogates.
    fails(cli("add-org", "Caf\udce9"), 3,
          "name: position 4 holds bytes that are not valid UTF-8; retype the value or save its "
          "source as UTF-8")


# ---------------------------------------------------------------- coalitions


def test_add_coalition(roster: Path, cli: Cli) -> None:
    ok(cli("add-coalition", "Human Rights House Baku", "--member", "a", "--member", "b",
           "--member", "a", "--heading", "(on behalf of the following NGOs):", "--counts",
           "--country", "Azerbaijan"),
       "added coalition human-rights-house-baku: Human Rights House Baku (2 members)\n")
    assert (
        "[coalitions.human-rights-house-baku]\n"
        'name = "Human Rights House Baku"\n'
        'country = "Azerbaijan"\n'
        "members = [\n"
        '    "a",\n'
        '    "b",\n'
        "]\n"
        'heading = "on behalf of the following NGOs"\n'
        "counts = true\n"
    ) in roster_text(roster)


def test_members_and_cycles(roster: Path, cli: Cli) -> None:
    before = (roster / "orgs.toml").read_bytes()
    fails(cli("add-members", "k", "zz"), 3,
          "member: unknown id 'zz'; look it up in the roster's list (`signon orgs`)")
    fails(cli("add-members", "k", "o"), 3,
          "that would make a coalition a member of itself (k → o → k); remove one of those "
          "memberships instead")
    fails(cli("add-members", "k", "k"), 3,
          "coalition 'k' cannot be a member of itself; leave 'k' out of the members")
    fails(cli("add-members", "a", "b"), 3,
          "'a' is an organization, not a coalition; create a coalition for "
          "them (`signon add-coalition NAME --member …`)")
    fails(cli("add-members", "nope", "b"), 3,
          "unknown id 'nope'; look it up in the roster's list (`signon orgs`)")
    fails(cli("remove-members", "k", "a"), 3, "'a' is not a member of 'k'; its members are: c, d")
    fails(cli("add-coalition", "Ring", "--member", "ghost"), 3,
          "member: unknown id 'ghost'; look it up in the roster's list (`signon orgs`)")
    assert (roster / "orgs.toml").read_bytes() == before
    ok(cli("add-members", "k", "a", "b", "a"), "k: added 2 members: a, b\n")
    ok(cli("add-members", "k", "a"), "k: added 0 members\n")
    ok(cli("remove-members", "k", "a", "b"), "k: removed 2 members: a, b\n")
    assert (roster / "orgs.toml").read_bytes() == before


def test_remove_org_refused_while_referenced(roster: Path, cli: Cli) -> None:
    before = (roster / "orgs.toml").read_bytes()
    fails(cli("remove-org", "c"), 3,
          "'c' is a member of coalition k; remove it from there "
          "first (`signon remove-members k c`)")
    assert cli("new-letter", "demo", "--title", "Demo").exit_code == 0
    assert cli("sign", "demo", "a").exit_code == 0
    assert cli("withdraw", "demo", "a").exit_code == 0
    fails(cli("remove-org", "a"), 3,
          "'a' is named in the signatures of letter demo; a letter keeps every signature on "
          "record (withdrawals too), so the entry must stay — change it, or "
          "merge it into the entry it duplicates (`signon edit-org a` or "
          "`signon merge KEEP a`)")
    fails(cli("remove-org", "zz"), 3,
          "unknown id 'zz'; look it up in the roster's list (`signon orgs`)")
    assert (roster / "orgs.toml").read_bytes() == before
    ok(cli("remove-org", "o"), "removed o: Outer\n")
    ok(cli("remove-org", "k"), "removed k: Kappa House\n")
    ok(cli("remove-org", "c"), "removed c: Gamma Centre\n")
    assert roster_text(roster).startswith('retired_ids = [\n    "c",\n    "k",\n    "o",\n]\n')


# ---------------------------------------------------------------- edit-org


def test_edit_org(roster: Path, cli: Cli) -> None:
    ok(cli("edit-org", "a", "--name", "Alpha Rights Norway", "--city", "Oslo", "--alias", "AR",
           "--name-in", "nb=Alfa Rettigheter", "--tag", "nordic"),
       "a: changed name, city, aliases, tags, names\n")
    ok(cli("edit-org", "a", "--remove-alias", "ar", "--name-in", "nb=", "--country", ""),
       "a: changed country, aliases, names\n")
    ok(cli("edit-org", "a", "--name", "Alpha Rights Norway"), "a: nothing to change\n")
    ok(cli("edit-org", "k", "--heading", "on behalf of:", "--counts"),
       "k: changed heading, counts\n")
    data = json.loads(cli("show", "a", "--json").stdout)
    assert (data["name"], data["country"], data["city"], data["aliases"], data["names"],
            data["tags"]) == ("Alpha Rights Norway", None, "Oslo", [], {}, ["nordic"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["a", "--name", "Beta  WATCH", "--country", "Poland"],
         same_name("'Beta  WATCH'", "b", "Beta Watch", ", Poland")),
        (["a", "--alias", "beta watch", "--country", ""],
         same_name("'beta watch'", "b", "Beta Watch", ", Poland")),
        (["a", "--remove-alias", "nothing"],
         "'a' has no alias 'nothing' to drop; its aliases are: none"),
        (["a", "--remove-tag", "x"], "'a' has no tag 'x' to drop; its tags are: none"),
        (["a", "--name-in", "Беларускі"],
         "--name-in 'Беларускі' is not LANG=NAME; write it as e.g. be=Назва"),
        (["a", "--name-in", "english=Alpha"],
         "'english' is not a language code; use a code such as be, pl or pt-BR"),
        (["a", "--name-in", "be="], "'a' has no name in 'be' to drop; its languages are: none"),
        (["a", "--heading", "x"],
         "--heading applies to coalitions only and 'a' is an organization; leave it out"),
        (["a", "--no-counts"],
         "--counts applies to coalitions only and 'a' is an organization; leave it out"),
        (["a", "--name", ""], "name: must not be empty; give the organization's name"),
        (["a", "--note", "tab\tand\x1b escape"],
         "notes: position 8 holds the control character U+001B; retype the value without it"),
        (["zz", "--name", "x"], "unknown id 'zz'; look it up in the roster's list (`signon orgs`)"),
    ],
)
def test_edit_org_refusals_change_nothing(roster: Path, cli: Cli, args: list[str],
                                          message: str) -> None:
    before = (roster / "orgs.toml").read_bytes()
    fails(cli("edit-org", *args), 3, message)
    assert (roster / "orgs.toml").read_bytes() == before


def test_edit_org_keeps_a_forced_duplicate_editable(roster: Path, cli: Cli) -> None:
    assert cli("add-org", "Beta Watch", "--id", "b2", "--force").exit_code == 0
    # b2's name still matches b, but an edit that adds no new name is not refused
    ok(cli("edit-org", "b2", "--country", "Sweden"), "b2: changed country\n")
    ok(cli("edit-org", "b2", "--alias", "Beta W", "--force"), "b2: changed aliases\n")


# ---------------------------------------------------------------- orgs and show

HOSTILE = "[bold]Marked[/] :smile: Org"


def test_orgs_table_prints_names_literally(roster: Path, cli: Cli) -> None:
    assert cli("add-org", HOSTILE, "--id", "m", "--country", "[red]X[/]").exit_code == 0
    ok(cli("orgs"),
       "7 of 7 roster entries\n"
       "id  name                         country    kind\n"
       "─────────────────────────────────────────────────────────\n"
       "a   Alpha Rights                 Norway     organization\n"
       "b   Beta Watch                   Poland     organization\n"
       "c   Gamma Centre                 Georgia    organization\n"
       "d   Delta Forum                  Armenia    organization\n"
       "m   [bold]Marked[/] :smile: Org  [red]X[/]  organization\n"
       "k   Kappa House                             coalition (2)\n"
       "o   Outer                                   coalition (1)\n")


def test_hand_edited_control_characters_are_shown_not_obeyed(workspace: Path, cli: Cli) -> None:
    (workspace / "orgs.toml").write_text(
        '[orgs.x]\nname = "\\u001b[31mRed\\u0007 \\u202eevil"\nnotes = "a\\nb\\u001b"\n',
        encoding="utf-8")
    ok(cli("orgs"),
       "1 of 1 roster entry\n"
       "id  name                        kind\n"
       "────────────────────────────────────────────\n"
       "x   \\x1b[31mRed\\x07 \\u202eevil  organization\n")
    ok(cli("show", "x"),
       "id          x\n"
       "name        \\x1b[31mRed\\x07 \\u202eevil\n"
       "kind        organization\n"
       "notes       a\n"
       "            b\\x1b\n"
       "coalitions  none\n"
       "letters     none\n")
    ok(cli("remove-org", "x"), "removed x: \\x1b[31mRed\\x07 \\u202eevil\n")


def test_orgs_filters(roster: Path, cli: Cli) -> None:
    ok(cli("orgs", "--country", "NORWAY"),
       "1 of 6 roster entries\n"
       "id  name          country  kind\n"
       "───────────────────────────────────────\n"
       "a   Alpha Rights  Norway   organization\n")
    data = json.loads(cli("orgs", "--search", "HOUSE", "--json").stdout)
    assert [o["id"] for o in data] == ["k"]
    ok(cli("orgs", "--search", "nothing like it"), "none of the 6 roster entries matches\n")


def test_orgs_empty(workspace: Path, cli: Cli) -> None:
    ok(cli("orgs"), "the roster is empty; add an organization with `signon add-org NAME`\n")
    ok(cli("orgs", "--json"), "[]\n")


def test_orgs_json(roster: Path, cli: Cli) -> None:
    result = cli("orgs", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data[0] == {
        "id": "a", "name": "Alpha Rights", "kind": "organization", "country": "Norway",
        "city": None, "acronym": None, "aliases": [], "names": {}, "email": None,
        "website": None, "tags": [], "notes": None,
    }
    assert data[-2] == {
        "id": "k", "name": "Kappa House", "kind": "coalition", "country": None, "city": None,
        "acronym": None, "aliases": [], "names": {}, "email": None, "website": None,
        "tags": [], "notes": None, "members": ["c", "d"],
        "heading": "on behalf of the following organizations", "counts": False,
    }


def test_show(roster: Path, cli: Cli) -> None:
    assert cli("edit-org", "c", "--alias", HOSTILE, "--note", "two\nlines").exit_code == 0
    assert cli("new-letter", "demo", "--title", "Demo").exit_code == 0
    assert cli("new-letter", "later", "--title", "Later").exit_code == 0
    assert cli("sign", "demo", "o", "--date", "2024-03-01").exit_code == 0
    assert cli("sign", "later", "c", "--date", "2024-04-01").exit_code == 0
    assert cli("withdraw", "later", "c", "--date", "2024-04-02").exit_code == 0
    ok(cli("show", "c"),
       "id          c\n"
       "name        Gamma Centre\n"
       "kind        organization\n"
       "country     Georgia\n"
       "aliases     [bold]Marked[/] :smile: Org\n"
       "notes       two\n"
       "            lines\n"
       "coalitions  k\n"
       "letters     demo (via o), later (withdrawn 2024-04-02)\n")
    ok(cli("show", "k"),
       "id          k\n"
       "name        Kappa House\n"
       "kind        coalition\n"
       "members     c (Gamma Centre), d (Delta Forum)\n"
       "heading     on behalf of the following organizations\n"
       "counts      no\n"
       "coalitions  o\n"
       "letters     demo (via o)\n")
    data = json.loads(cli("show", "c", "--json").stdout)
    assert (data["coalitions"], data["letters"]) == (["k"], ["demo"])
    assert data["signatures"] == [
        {"letter": "demo", "via": "o", "date": "2024-03-01", "withdrawn": None,
         "unnamed": False},
        {"letter": "later", "via": None, "date": "2024-04-01", "withdrawn": "2024-04-02",
         "unnamed": False},
    ]
    fails(cli("show", "cc"), 3, "unknown id 'cc'; look it up in the roster's list (`signon orgs`)")


# ---------------------------------------------------------------- usage


def test_usage_lines_name_the_arguments(workspace: Path, cli: Cli) -> None:
    result = cli("add-org")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "",
        "Usage: signon add-org [OPTIONS] NAME\nTry 'signon add-org -h' for help.\n\n"
        "Error: Missing argument 'NAME'.\n")
    result = cli("add-members", "k")
    assert result.exit_code == 2
    assert result.stderr.startswith("Usage: signon add-members [OPTIONS] ID MEMBER...\n")
    assert result.stderr.endswith("Error: Missing argument 'MEMBER...'.\n")
    result = cli("add-org", "x", "--bogus")
    assert result.exit_code == 2
    assert result.stderr.endswith("Error: No such option: --bogus\n")
    for command, usage in [("init", "init [OPTIONS] [DIR]"), ("show", "show [OPTIONS] ID"),
                           ("edit-org", "edit-org [OPTIONS] ID"),
                           ("remove-members", "remove-members [OPTIONS] ID MEMBER..."),
                           ("add-coalition", "add-coalition [OPTIONS] NAME")]:
        assert cli(command, "--help").stdout.startswith(f"Usage: signon {usage}\n")
    assert "  --country COUNTRY  " in cli("add-org", "--help").stdout


# ---------------------------------------------------------------- bad roster files

GOOD = b'[orgs.first]\nname = "First Org"\n\n[coalitions]\n'


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xef\xbb\xbf" + GOOD,
         "orgs.toml:1:1: the file starts with a UTF-8 byte-order mark (as Notepad saves it); "
         "save it as UTF-8 without BOM and run the command again"),
        (b'[orgs.first]\n<<<<<<< HEAD\nname = "First Org"\n=======\nname = "First"\n'
         b">>>>>>> theirs\n",
         "orgs.toml:2:1: unresolved git merge conflict (a '<<<<<<<' marker line); resolve the "
         "conflict, remove the marker lines and run the command again"),
        ('[orgs.first]\nname = "Först Org"\n'.encode("latin-1"),
         "orgs.toml:2:10: the file is not UTF-8 (byte 0xF6); save it as UTF-8 and run the "
         "command again"),
        (b'[orgs.first]\nname = "First Org"\nname = "Again"\n',
         "orgs.toml:3:15: a key is set twice in the same table; delete one of the two lines, "
         "then run the command again"),
        (GOOD + b'\n[orgs.first]\nname = "Again"\n',
         "orgs.toml:6:12: the table [orgs.first] appears twice (a duplicate id); merge the two "
         "tables or rename one, then run the command again"),
        (GOOD + b"\n[orgs.broken\nname = 'x'\n",
         "orgs.toml:6:13: a table header is not closed; end it with ']' as in [orgs.ID], then "
         "run the command again"),
        (b'[orgs.first]\ncountry = "Norway"\n',
         'orgs.toml:1: [orgs.first] has no name; add name = "…" to it and run the command again'),
    ],
    ids=["bom", "conflict", "latin-1", "duplicate-key", "duplicate-table", "broken-header",
         "no-name"],
)
def test_bad_roster_is_never_rewritten(workspace: Path, cli: Cli, data: bytes,
                                       message: str) -> None:
    path = workspace / "orgs.toml"
    path.write_bytes(data)
    fails(cli("add-org", "Second Org", "--id", "second"), 4, message)
    fails(cli("orgs"), 4, message)
    fails(cli("remove-org", "first"), 4, message)
    assert path.read_bytes() == data
    assert sorted(p.name for p in workspace.iterdir()) == [
        ".gitignore", ".orgs.toml.lock", "letters", "orgs.toml"]


def test_hand_written_comment(workspace: Path, cli: Cli) -> None:
    path = workspace / "orgs.toml"
    data = b"# contact list reviewed 2024\n" + GOOD
    path.write_bytes(data)
    fails(cli("add-org", "Third Org", "--id", "third"), 4,
          "orgs.toml:1:1: holds a hand-written comment that rewriting the file would drop; move "
          "the remark into the entry's notes (or delete it) and run again; run again with "
          "--drop-comments to go ahead anyway")
    assert path.read_bytes() == data
    # a refusal for another reason is still exit 3, and still changes nothing
    fails(cli("add-members", "first", "x"), 3,
          "'first' is an organization, not a coalition; create a coalition for "
          "them (`signon add-coalition NAME --member …`)")
    assert path.read_bytes() == data
    ok(cli("orgs", "--json"), json.dumps([{
        "id": "first", "name": "First Org", "kind": "organization", "country": None,
        "city": None, "acronym": None, "aliases": [], "names": {}, "email": None,
        "website": None, "tags": [], "notes": None}], indent=2) + "\n")
    ok(cli("--drop-comments", "add-org", "Third Org", "--id", "third"),
       "added third: Third Org\n")
    assert roster_text(workspace) == (
        '[orgs.first]\nname = "First Org"\n\n[orgs.third]\nname = "Third Org"\n\n[coalitions]\n'
    )


@pytest.mark.parametrize(
    "args",
    [["add-org", "Third Org", "--drop-comments"],
     ["add-coalition", "Ring", "--member", "first", "--drop-comments"],
     ["edit-org", "first", "--city", "Oslo", "--drop-comments"],
     ["remove-org", "first", "--drop-comments"]],
)
def test_drop_comments_after_the_command(workspace: Path, cli: Cli, args: list[str]) -> None:
    path = workspace / "orgs.toml"
    path.write_bytes(b"# a remark\n" + GOOD)
    result = cli(*args)
    assert (result.exit_code, result.stderr) == (0, "")
    assert b"a remark" not in path.read_bytes()


def test_hash_inside_strings_is_not_a_comment(workspace: Path, cli: Cli) -> None:
    path = workspace / "orgs.toml"
    path.write_text('[orgs.first]\nname = "Org #1"\nnotes = """\nsee #2\n"""\n',
                    encoding="utf-8")
    ok(cli("add-org", "Org 2", "--id", "second"), "added second: Org 2\n")
    assert roster_text(workspace) == (
        '[orgs.first]\nname = "Org #1"\nnotes = "see #2\\n"\n\n'
        '[orgs.second]\nname = "Org 2"\n\n[coalitions]\n'
    )


# ---------------------------------------------------------------- workspace and exit codes


def test_not_a_workspace(tmp_path: Path, cli: Cli) -> None:
    fails(cli("orgs", cwd=tmp_path), 4,
          f"no orgs.toml in {tmp_path} or any folder above it; run `signon init` to create a "
          "workspace here, or pass --workspace DIR")
    fails(cli("--workspace", str(tmp_path), "orgs"), 4,
          f"{tmp_path} is not a signon workspace (no orgs.toml); create one with "
          f"`signon init {tmp_path}`")


def test_workspace_option_and_environment(tmp_path: Path, cli: Cli,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli("init", str(tmp_path / "w1")).exit_code == 0
    assert cli("init", str(tmp_path / "w2")).exit_code == 0
    ok(cli("--workspace", str(tmp_path / "w1"), "add-org", "One", cwd=tmp_path),
       "added one: One\n")
    monkeypatch.setenv("SIGNON_WORKSPACE", str(tmp_path / "w2"))
    ok(cli("add-org", "Two"), "added two: Two\n")
    assert "two" in roster_text(tmp_path / "w2")
    assert "two" not in roster_text(tmp_path / "w1")
    ok(cli("-W", str(tmp_path / "w1"), "orgs", "--search", "one"),
       "1 of 1 roster entry\n"
       "id   name  kind\n"
       "───────────────────────\n"
       "one  One   organization\n")


def test_write_failure_is_exit_5_and_changes_nothing(roster: Path, cli: Cli,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    before = (roster / "orgs.toml").read_bytes()

    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    fails(cli("add-org", "New Org"), 5,
          f"could not write {roster / 'orgs.toml'}: No space left on device; nothing was "
          "changed — check free disk space and permissions")
    monkeypatch.undo()
    assert (roster / "orgs.toml").read_bytes() == before
    assert not [p for p in roster.iterdir() if p.name.endswith(".tmp")]


def test_check_exit_1_on_errors(roster: Path, cli: Cli) -> None:
    """Exit 1 belongs to `check`: a letter whose claim is wrong."""
    assert cli("new-letter", "demo", "--title", "Demo").exit_code == 0
    assert cli("sign", "demo", "a", "b").exit_code == 0
    path = roster / "letters" / "demo" / "letter.md"
    text = path.read_text(encoding="utf-8")
    front = text[: text.index("+++", 3) + 4]
    path.write_text(front + "\nSeven organizations sign.\n\n{{ signatories }}\n",
                    encoding="utf-8")
    assert cli("check", "demo").exit_code == 1
    path.write_text(front + "\nTwo organizations sign.\n\n{{ signatories }}\n",
                    encoding="utf-8")
    assert cli("check", "demo").exit_code == 0
