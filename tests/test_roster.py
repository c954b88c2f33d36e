"""The roster model: entries, ids, duplicates, coalitions, the canonical file layout."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from signon.errors import RefusedInput, WorkspaceFileError
from signon.roster import (
    DEFAULT_HEADING,
    Entry,
    Roster,
    check_language,
    edit_entry,
    make_entry,
    read_roster,
    same_as_read,
)
from signon.text import fold


def roster_of(*names: str) -> Roster:
    roster = Roster()
    for name in names:
        roster.add(make_entry(roster, name))
    return roster


def refusal(call: Any, *args: Any, **kwargs: Any) -> str:
    with pytest.raises(RefusedInput) as err:
        call(*args, **kwargs)
    assert err.value.exit_code == 3
    return str(err.value)


@pytest.fixture
def nested() -> Roster:
    """a, b, c, d, e; coalition k = (c, d); coalition o = (k, e)."""
    roster = Roster()
    for eid, name in [("a", "Alpha Rights"), ("b", "Beta Watch"), ("c", "Gamma Centre"),
                      ("d", "Delta Forum"), ("e", "Östgruppen")]:
        roster.add(make_entry(roster, name, eid=eid))
    roster.add(make_entry(roster, "Kappa House", eid="k", kind="coalition", members=["c", "d"]))
    roster.add(make_entry(roster, "Omega Network", eid="o", kind="coalition", members=["k", "e"]))
    return roster


# ---------------------------------------------------------------- adding and ids


def test_make_entry_validates_and_normalizes() -> None:
    roster = Roster()
    entry = make_entry(roster, " Fundacio\u0301n Ñandú ", country="Chile ",
                       aliases=["FÑ", "fñ", "Fundación"], tags=["latam", "LATAM"],
                       notes="first\r\nsecond", email="info@nandu.invalid")
    assert entry == Entry(id="fundacion-nandu", name="Fundación Ñandú", country="Chile",
                          aliases=["FÑ", "Fundación"], tags=["latam"], notes="first\nsecond",
                          email="info@nandu.invalid")


def test_make_entry_refuses_bad_fields() -> None:
    roster = Roster()
    assert refusal(make_entry, roster, "Ok", email="not an address") == (
        "email 'not an address' is not an e-mail address; give it as name@example.org"
    )
    assert refusal(make_entry, roster, "Ok", aliases=["fine", "bad\x07"]) == (
        "alias[2]: position 4 holds the control character U+0007; retype the value without it"
    )
    assert refusal(make_entry, roster, "Ok", eid="Not Valid").startswith("id 'Not Valid' is not")
    assert refusal(make_entry, roster, "") == (
        "name: must not be empty; give the organization's name"
    )


def test_ids_are_derived_and_unique() -> None:
    roster = roster_of("Alpha Rights", "Правозащитный центр")
    assert sorted(roster.entries) == ["alpha-rights", "pravozashchitnyy-tsentr"]
    entry = make_entry(roster, "Alpha  Rights!")
    assert entry.id == "alpha-rights-2"
    roster.add(entry, force=True)
    assert make_entry(roster, "Alpha Rights?").id == "alpha-rights-3"


def test_removed_ids_are_retired_and_never_reused() -> None:
    roster = roster_of("Alpha Rights")
    roster.remove("alpha-rights")
    assert roster.retired == {"alpha-rights"}
    assert make_entry(roster, "Alpha Rights").id == "alpha-rights-2"
    assert refusal(make_entry, roster, "Alpha", eid="alpha-rights") == (
        "id 'alpha-rights' belonged to a removed entry and is retired so that old letters and "
        "exports stay unambiguous; choose another id"
    )
    assert "retired_ids = [\n    \"alpha-rights\",\n]\n" in roster.dumps()


def test_explicit_id_in_use_is_refused() -> None:
    roster = roster_of("Alpha Rights")
    assert refusal(make_entry, roster, "Other", eid="alpha-rights") == (
        "id 'alpha-rights' is already used by 'Alpha Rights'; choose another id"
    )
    entry = Entry(id="alpha-rights", name="Other")
    assert refusal(roster.add, entry) == (
        "id 'alpha-rights' is already in the roster; choose another id"
    )


@pytest.mark.parametrize(
    ("name", "aliases", "matched"),
    [
        ("ALPHA  rights", [], ""),
        ("Alpha\u00a0Rights", [], ""),
        ("«Alpha Rights»", [], ""),
        ("Totally New", ["alpha-rights"], ""),
        ("AR Norway", [], ", also known as 'AR Norway'"),      # an alias of the existing entry
        ("Alfa Rettigheter", [], ", also known as 'Alfa Rettigheter'"),
        ("The Alpha & Rights", [], ""),
    ],
)
def test_likely_duplicates_are_refused(name: str, aliases: list[str], matched: str) -> None:
    roster = Roster()
    roster.add(make_entry(roster, "Alpha Rights", eid="a", aliases=["AR Norway"]))
    edit_entry(roster.entries["a"], names={"no": "Alfa Rettigheter"})
    roster.invalidate()
    entry = make_entry(roster, name, aliases=aliases)
    said = name if not aliases else aliases[0]
    with pytest.raises(RefusedInput) as refused:
        roster.add(entry)
    assert refused.value.override == "force"
    assert str(refused.value) == (
        f"{said!r} is the name of 'a' ('Alpha Rights'{matched}) once case, accents, script and "
        "punctuation are set aside; use that id, unless they are different organizations"
    )
    assert roster.add(entry, force=True) is entry
    assert len(roster) == 2


def test_matches_by_name_alias_translation_and_acronym() -> None:
    roster = Roster()
    roster.add(make_entry(roster, "Human Rights House Baku", eid="hrhb", acronym="HRHB",
                          aliases=["HRH Baku"]))
    edit_entry(roster.entries["hrhb"], names={"az": "Bakı İnsan Hüquqları Evi"})
    roster.invalidate()
    for query in ["human rights house  baku", "hrh baku", "HRHB", "BAKI İNSAN HÜQUQLARI EVİ"]:
        assert [e.id for e, _ in roster.matches(query)] == ["hrhb"]
    assert roster.matches("Baku") == []


# ---------------------------------------------------------------- coalitions


def test_coalition_expand_and_descendants(nested: Roster) -> None:
    assert nested.expand("o") == ["c", "d", "e"]
    assert nested.expand("k") == ["c", "d"]
    assert nested.expand("a") == ["a"]
    assert nested.descendants("o") == {"k", "c", "d", "e"}
    assert [c.id for c in nested.coalitions_of("c")] == ["k"]
    nested.entries["k"].counts = True
    assert nested.expand("o") == ["k", "c", "d", "e"]   # a counting coalition adds itself
    assert nested.expand("k") == ["c", "d"]             # ... when it is nested, not on its own
    assert nested.entries["k"].heading_phrase == DEFAULT_HEADING


def test_coalition_members_must_exist(nested: Roster) -> None:
    assert refusal(nested.add_members, "k", ["zz"]) == (
        "member: unknown id 'zz'; look it up in the roster's list"
    )
    assert refusal(nested.add_members, "k", ["alpha"]) == (
        "member: unknown id 'alpha'; look it up in the roster's list"
    )
    assert refusal(nested.add_members, "k", ["omega"]) == (
        "member: unknown id 'omega'; look it up in the roster's list"
    )
    near = roster_of("Alpha Rights")
    assert refusal(near.get, "alpha-right") == (
        "unknown id 'alpha-right' (did you mean 'alpha-rights'?)"
    )
    entry = make_entry(nested, "New Coalition", kind="coalition", members=["a", "nope"])
    assert refusal(nested.add, entry) == (
        "member: unknown id 'nope'; look it up in the roster's list")
    assert "new-coalition" not in nested


def test_cycles_are_refused(nested: Roster) -> None:
    before = nested.dumps()
    assert refusal(nested.add_members, "k", ["o"]) == (
        "that would make a coalition a member of itself (k → o → k); remove one of those "
        "memberships instead"
    )
    assert refusal(nested.add_members, "k", ["k"]) == (
        "coalition 'k' cannot be a member of itself; leave 'k' out of the members"
    )
    assert refusal(nested.add_members, "a", ["b"]) == (
        "'a' is an organization, not a coalition; create a coalition for them"
    )
    # the Roster object may hold the refused change; commands discard it (edit_roster).
    fresh = Roster.from_toml(tomllib.loads(before))
    assert fresh.cycles() == []


def test_cycles_found_in_a_hand_edited_roster() -> None:
    roster = Roster.from_toml(tomllib.loads(
        "[coalitions.x]\nname = 'X'\nmembers = ['y']\n"
        "[coalitions.y]\nname = 'Y'\nmembers = ['x']\n"))
    assert roster.cycles() == [["x", "y", "x"]]
    assert roster.expand("x") == []           # cycle-safe
    assert roster.descendants("x") == {"x", "y"}


def test_add_and_remove_members(nested: Roster) -> None:
    assert nested.add_members("k", ["a", "a", "c"]) == ["a"]
    assert nested.entries["k"].members == ["c", "d", "a"]
    assert nested.remove_members("k", ["a", "a"]) == ["a"]
    assert refusal(nested.remove_members, "k", ["e"]) == (
        "'e' is not a member of 'k'; its members are: c, d"
    )
    assert refusal(nested.remove_members, "a", ["b"]) == (
        "'a' is an organization, not a coalition, so it has no members; check the id"
    )


def test_remove_refused_while_referenced(nested: Roster) -> None:
    assert refusal(nested.remove, "c") == (
        "'c' is a member of coalition k; remove it from there first"
    )
    assert refusal(nested.remove, "a", letters=["demo", "appeal"]) == (
        "'a' is named in the signatures of letter demo, appeal; a letter keeps every signature "
        "on record (withdrawals too), so the entry must stay — change it, or merge it into "
        "the entry it duplicates"
    )
    assert refusal(nested.remove, "k", letters=["demo"]) == (
        "'k' is named in the signatures of letter demo and is a member of coalition o; a letter "
        "keeps every signature on record (withdrawals too), so the entry must stay — change it, "
        "or merge it into the entry it duplicates"
    )
    assert refusal(nested.remove, "zz") == "unknown id 'zz'; look it up in the roster's list"
    removed = nested.remove("o")
    assert removed.name == "Omega Network"
    assert nested.remove("k").id == "k"
    assert nested.remove("c").id == "c"
    assert nested.retired == {"o", "k", "c"}


# ---------------------------------------------------------------- editing


def test_edit_entry_changes_and_reports() -> None:
    roster = roster_of("Alpha Rights")
    entry = roster.entries["alpha-rights"]
    changed = edit_entry(entry, name=" Alpha Rights Norway ", country="Norway", city=None,
                         aliases=["AR", "ar"], names={"nb": "Alfa Rettigheter"})
    assert changed == ["name", "country", "aliases", "names"]
    assert (entry.name, entry.country, entry.aliases, entry.names) == (
        "Alpha Rights Norway", "Norway", ["AR"], {"nb": "Alfa Rettigheter"})
    assert edit_entry(entry, name="Alpha Rights Norway", country="Norway") == []
    assert edit_entry(entry, country="") == ["country"]
    assert entry.country == ""


def test_edit_entry_refuses() -> None:
    roster = roster_of("Alpha Rights")
    entry = roster.entries["alpha-rights"]
    assert refusal(edit_entry, entry, heading="x") == (
        "heading applies to coalitions only and 'alpha-rights' is an organization; "
        "leave it out"
    )
    assert refusal(edit_entry, entry, counts=True).startswith("counts applies to coalitions")
    assert refusal(edit_entry, entry, name="A\u202eB").startswith(
        "name: position 2 holds the invisible bidi control U+202E")
    assert refusal(edit_entry, entry, names={"be": "x\x00"}).startswith(
        "name[be]: position 2 holds the control character U+0000")
    assert refusal(edit_entry, entry, names={"not a code": "x"}) == (
        "'not a code' is not a language code; use a code such as be, pl or pt-BR"
    )


def test_coalition_heading_is_cleaned() -> None:
    roster = roster_of("Gamma Centre")
    entry = make_entry(roster, "Kappa", kind="coalition", members=["gamma-centre"],
                       heading="(on behalf of the following NGOs):")
    assert entry.heading == "on behalf of the following NGOs"


@pytest.mark.parametrize("code", ["be", "pl", "pt-BR", "sr-Latn", "zh_Hant", "ast"])
def test_language_codes(code: str) -> None:
    assert check_language(code) == code


# ---------------------------------------------------------------- the file


CANONICAL = """\
retired_ids = [
    "old",
]

[orgs.a]
name = "Alpha \\"Rights\\""
acronym = "AR"
country = "Norway"
aliases = [
    "Alfa",
]
email = "a@example.org"
notes = "line 1\\nline 2"

[orgs.b]
name = "Beta Watch"

[orgs.b.names]
be = "Бэта"
pl = "Beta Straż"

[coalitions.k]
name = "Kappa House"
members = [
    "b",
    "a",
]
heading = "on behalf of the following NGOs"
counts = true
"""


def test_canonical_layout() -> None:
    roster = Roster(retired=["old"])
    roster.entries["b"] = Entry(id="b", name="Beta Watch", names={"pl": "Beta Straż", "be": "Бэта"})
    roster.entries["k"] = Entry(id="k", name="Kappa House", kind="coalition", members=["b", "a"],
                                heading="on behalf of the following NGOs", counts=True)
    roster.entries["a"] = Entry(id="a", name='Alpha "Rights"', acronym="AR", country="Norway",
                                aliases=["Alfa"], email="a@example.org", notes="line 1\nline 2")
    assert roster.dumps() == CANONICAL
    assert tomli_w.dumps(roster.to_toml()) == CANONICAL
    again = Roster.from_toml(tomllib.loads(CANONICAL))
    assert again.dumps() == CANONICAL


def test_unknown_keys_survive_a_rewrite() -> None:
    text = (
        "schema = 2\n\n[meta]\nowner = \"coordinator\"\n\n"
        "[orgs.a]\nname = \"A\"\nheading = \"kept\"\ncounts = true\nrank = 3\n"
        "founded = 1999-05-01\n"
    )
    roster = Roster.from_toml(tomllib.loads(text))
    assert roster.extra == {"schema": 2, "meta": {"owner": "coordinator"}}
    assert roster.entries["a"].extra["heading"] == "kept"
    data = tomllib.loads(roster.dumps())
    assert data["schema"] == 2
    assert data["meta"] == {"owner": "coordinator"}
    assert data["orgs"]["a"] == {"name": "A", "heading": "kept", "counts": True, "rank": 3,
                                 "founded": tomllib.loads("d = 1999-05-01")["d"]}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[orgs]\na = 1\n",
         "orgs.toml: [orgs.a] is not a table; write it as [orgs.a] followed by name = \"…\""),
        ("[orgs.a]\nname = 'A'\n\n[orgs.b]\ncountry = 'B'\n",
         "orgs.toml:4: [orgs.b] has no name; add name = \"…\" to it and run the command again"),
        ("\n[orgs.a]\ncountry = 'Norway'\n",
         "orgs.toml:2: [orgs.a] has no name; add name = \"…\" to it and run the command again"),
        ("[orgs.a]\nname = '   '\n",
         "orgs.toml:1: [orgs.a] has no name; add name = \"…\" to it and run the command again"),
        ("[orgs.a]\nname = 'A'\nmembers = ['b']\n",
         "orgs.toml:1: [orgs.a] has members but is not a coalition; move it under "
         "[coalitions.a] and run the command again"),
        ("[orgs.a]\nname = 'A'\ncountry = 3\n",
         "orgs.toml:1: [orgs.a] country must be a string; fix it in orgs.toml and run the "
         "command again"),
        ("[orgs.\"x.y\"]\nname = 'A'\naliases = 'B'\n",
         "orgs.toml:1: [orgs.x.y] aliases must be a list of strings; fix it in orgs.toml and "
         "run the command again"),
        ("[coalitions.k]\nname = 'K'\ncounts = 'yes'\n",
         "orgs.toml:1: [coalitions.k] counts must be true or false; fix it in orgs.toml and "
         "run the command again"),
        ("[orgs.a]\nname = 'A'\nnames = ['x']\n",
         "orgs.toml:1: [orgs.a] names must map language codes to names (be = \"…\"); fix it in "
         "orgs.toml and run the command again"),
        ("[orgs.a]\nname = 'A'\n[coalitions.a]\nname = 'A'\n",
         "orgs.toml: id 'a' is both an organization and a coalition; rename one of them and run "
         "the command again"),
        ("orgs = 1\n",
         "orgs.toml: orgs must be a table of entries ([orgs.ID] headers); fix it and run the "
         "command again"),
        ("retired_ids = 'a'\n",
         "orgs.toml: retired_ids must be a list of ids in quotes; fix it and run again"),
        ("retired_ids = [1]\n",
         "orgs.toml: retired_ids must be a list of ids in quotes; fix it and run again"),
    ],
)
def test_roster_file_errors(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "orgs.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(WorkspaceFileError) as err:
        read_roster(path)
    assert str(err.value) == message
    assert err.value.exit_code == 4


# ---------------------------------------------------------------- round trip (hypothesis)

IDS = st.from_regex(r"[a-z0-9](?:[a-z0-9._-]{0,10}[a-z0-9])?", fullmatch=True)
# Every character TOML can carry: no surrogates (they cannot be encoded at all).
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=25)
NASTY = st.sampled_from([
    '"', "'", "\\", '\\"', "\n", "\r\n", "\t", "#", "[x]", "😀", "👩‍👩‍👧", "عربي", "עברית",
    "\u202e", "\u200b", "\x00", "\x7f", "'''", '"""', "=", "\ufeff", "Östgruppen", "[bold]x[/]",
])
TEXT = st.lists(st.one_of(ANY_TEXT, NASTY), max_size=4).map("".join)
NAME = TEXT.filter(lambda s: s.strip() != "")
LANG = st.sampled_from(["be", "pl", "ru", "pt-BR", "uk"])
EXTRA = st.dictionaries(st.sampled_from(["rank", "odd key", "source", "since"]),
                        st.one_of(st.integers(), TEXT, st.booleans()), max_size=2)


@st.composite
def rosters(draw: st.DrawFn) -> Roster:
    ids = draw(st.lists(IDS, unique=True, max_size=8))
    entries = []
    for i, eid in enumerate(ids):
        coalition = draw(st.booleans())
        entry = Entry(
            id=eid, name=draw(NAME), kind="coalition" if coalition else "organization",
            acronym=draw(TEXT), country=draw(TEXT), city=draw(TEXT),
            aliases=draw(st.lists(TEXT, max_size=3)),
            names=draw(st.dictionaries(LANG, NAME, max_size=2)),
            email=draw(TEXT), website=draw(TEXT), tags=draw(st.lists(TEXT, max_size=2)),
            notes=draw(TEXT), extra=draw(EXTRA),
        )
        if coalition:
            others = ids[:i] + ids[i + 1:]
            entry.members = draw(st.lists(st.sampled_from(others), unique=True, max_size=4)
                                 if others else st.just([]))
            entry.heading = draw(TEXT)
            entry.counts = draw(st.booleans())
        entries.append(entry)
    retired = draw(st.lists(IDS.filter(lambda r: r not in ids), max_size=3))
    return Roster(entries, retired)


@pytest.mark.heavy
@given(rosters())
@settings(max_examples=100, deadline=None)
def test_round_trip(roster: Roster) -> None:
    text = roster.dumps()
    assert text == tomli_w.dumps(roster.to_toml())       # tomli-w's layout, exactly
    again = Roster.from_toml(tomllib.loads(text))
    assert again.entries == roster.entries
    assert again.retired == roster.retired
    assert again.dumps() == text                         # canonical: idempotent


@given(rosters())
@settings(max_examples=50, deadline=None)
def test_round_trip_through_the_file(tmp_path_factory: pytest.TempPathFactory,
                                     roster: Roster) -> None:
    from signon.fileio import atomic_write

    path = tmp_path_factory.mktemp("rt") / "orgs.toml"
    atomic_write(path, roster.dumps())
    again, text = read_roster(path)
    assert again.entries == roster.entries
    assert text == roster.dumps()


@given(TEXT)
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


def _hand_written(data: dict[str, Any], noise: list[int]) -> dict[str, Any]:
    """``data`` as a person might have written it: empty values spelled out, keys in
    another order, an empty [coalitions] table left out."""
    out: dict[str, Any] = {}
    for section in reversed(list(data)):
        value = data[section]
        if isinstance(value, dict) and section in ("orgs", "coalitions"):
            entries = {}
            for i, (eid, body) in enumerate(reversed(list(value.items()))):
                body = dict(reversed(list(body.items())))
                if noise and noise[i % len(noise)] % 3 == 0:
                    body = {"aliases": [], "country": "", "tags": [], **body}
                if section == "coalitions" and noise and noise[i % len(noise)] % 2 == 0:
                    body.setdefault("counts", False)
                entries[eid] = body
            if entries or section == "orgs":
                out[section] = entries
        else:
            out[section] = value
    return out


@pytest.mark.heavy
@given(rosters(), st.lists(st.integers(0, 5), max_size=5), st.integers(0, 3))
@settings(max_examples=60, deadline=None)
def test_same_as_read(roster: Roster, noise: list[int], change: int) -> None:
    data = _hand_written(tomllib.loads(roster.dumps()), noise)
    reread = Roster.from_toml(data)
    assert same_as_read(reread.to_toml(), data)               # a no-op, however it was written
    entries = sorted(reread.entries)
    if change == 1 and entries:
        reread.entries[entries[0]].name += " (changed)"
    elif change == 2:
        reread.add(Entry(id="brand-new-entry-id", name="New"), force=True)  # longer than IDS
    elif change == 3 and entries:
        del reread.entries[entries[-1]]
    else:
        reread.retired.add("another-retired-id")
    assert not same_as_read(reread.to_toml(), data)
    assert same_as_read(reread.to_toml(), data) == (
        reread.to_toml() == Roster.from_toml(data).to_toml())


def test_hand_edited_invalid_id_is_refused_with_its_line(tmp_path: Path) -> None:
    from signon.errors import WorkspaceFileError
    from signon.roster import read_roster

    path = tmp_path / "orgs.toml"
    path.write_text('[orgs.fine]\nname = "Fine"\n\n[orgs."Bad Id"]\nname = "Bad"\n',
                    encoding="utf-8")
    with pytest.raises(WorkspaceFileError,
                       match=r"^orgs\.toml:4: \[orgs\.Bad Id\] is not a valid id"):
        read_roster(path)


def test_empty_tag_is_refused(tmp_path: Path) -> None:
    from signon.errors import RefusedInput
    from signon.roster import Roster, make_entry

    with pytest.raises(RefusedInput, match="tag: must not be empty"):
        make_entry(Roster(), "Org", tags=[""])


@pytest.mark.parametrize(
    ("name", "acronym", "aliases", "eid"),
    [
        ("مركز حقوق الإنسان", "HRC", [], "hrc"),
        ("Правозащитный центр «Мемориал»", "", ["Memorial Human Rights Centre"],
         "memorial-human-rights-centre"),
        ("Праваабарончы цэнтр «Вясна»", "", [], "pravaabaronchy-tsentr-vyasna"),
        ("Helsińska Fundacja Praw Człowieka", "HFPC", [], "helsinska-fundacja-praw-czlowieka"),
    ],
)
def test_ids_for_other_scripts_come_from_the_acronym_or_a_latin_alias(
        name: str, acronym: str, aliases: list[str], eid: str) -> None:
    roster = Roster()
    assert make_entry(roster, name, acronym=acronym, aliases=aliases).id == eid


# ------------------------------------------------------- found by mutation testing


@pytest.mark.parametrize("language", ["ru", "ru-RU", "ru_RU", "ru-Cyrl-RU"])
def test_display_name_falls_back_to_the_base_language(language: str) -> None:
    entry = Entry(id="v", name="Viasna", names={"ru": "Весна", "pt-BR": "Primavera"})
    assert entry.display_name(language) == "Весна"
    assert entry.display_name("pt-BR") == "Primavera"
    assert entry.display_name("pt") == "Viasna"
    assert entry.display_name(None) == "Viasna"


def test_follow_goes_through_every_redirect_and_stops_on_a_loop() -> None:
    roster = Roster([Entry(id="c", name="C")], redirects={"a": "b", "b": "c", "x": "y", "y": "x"})
    assert [roster.follow(eid) for eid in ("a", "b", "c", "x")] == ["c", "c", "c", "x"]


def test_matches_returns_every_entry_of_that_name() -> None:
    roster = Roster([Entry(id="a", name="Viasna"), Entry(id="b", name="VIASNA", country="X"),
                     Entry(id="c", name="Other", aliases=["viasna"])])
    assert [(e.id, name) for e, name in roster.matches("viasna")] == [
        ("a", "Viasna"), ("b", "VIASNA"), ("c", "viasna")]


def test_expand_and_descendants_skip_unknown_and_shared_members() -> None:
    roster = Roster([Entry(id=i, name=i.upper()) for i in "abc"] + [
        Entry(id="inner", name="Inner", kind="coalition", members=["a", "b"]),
        Entry(id="outer", name="Outer", kind="coalition", members=["ghost", "inner", "a", "c"]),
    ])
    assert roster.expand("outer") == ["a", "b", "c"]
    assert roster.descendants("outer") >= {"inner", "a", "b", "c"}
    assert roster.descendants("ghost") == set()


def test_remove_members_of_an_empty_coalition_says_none() -> None:
    roster = Roster([Entry(id="k", name="K", kind="coalition")])
    assert refusal(roster.remove_members, "k", ["a"]) == (
        "'a' is not a member of 'k'; its members are: none")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("tags", ["t\x07"], "tag: position 2 holds the control character U+0007; "
                            "retype the value without it"),
        ("email", "a\x07@example.org", "email: position 2 holds the control character U+0007; "
                                       "retype the value without it"),
        ("email", "nope", "email 'nope' is not an e-mail address; give it as name@example.org"),
        ("email", "a b@example.org", "email 'a b@example.org' is not an e-mail address; give it "
                                     "as name@example.org"),
    ],
)
def test_edit_entry_refusals_name_the_field(field: str, value: Any, message: str) -> None:
    entry = Entry(id="a", name="Alpha")
    assert refusal(edit_entry, entry, **{field: value}) == message
    assert entry == Entry(id="a", name="Alpha")


def test_edit_entry_refuses_an_alias_naming_the_alias_field() -> None:
    message = refusal(edit_entry, Entry(id="a", name="Alpha"), aliases=["A\x07"])
    assert message.startswith("alias")
    assert message.endswith(": position 2 holds the control character U+0007; "
                            "retype the value without it")


def test_edit_entry_names_the_alias_as_add_org_does() -> None:
    message = refusal(edit_entry, Entry(id="a", name="Alpha"), aliases=["Beta", "A\x07"])
    assert message.startswith("alias[2]: ")


@pytest.mark.parametrize(
    ("heading", "kept"),
    [
        ("(for its members):", "for its members"),
        ("(listed below", "(listed below"),
        ("listed below)", "listed below)"),
        ("on behalf of its members (listed below)", "on behalf of its members (listed below)"),
        ("(members (listed below))", "(members (listed below))"),
    ],
)
def test_heading_loses_only_brackets_around_all_of_it(heading: str, kept: str) -> None:
    entry = Entry(id="k", name="K", kind="coalition")
    assert edit_entry(entry, heading=heading) == ["heading"]
    assert entry.heading == kept


def test_read_roster_names_the_file_as_displayed(tmp_path: Path) -> None:
    path = tmp_path / "orgs.toml"
    path.write_text('[organizations.a]\nname = "A"\nx = [\n', encoding="utf-8")
    with pytest.raises(WorkspaceFileError) as info:
        read_roster(path, display="ws/orgs.toml")
    assert str(info.value) == ('ws/orgs.toml:4:1: a value is not valid TOML; put text in '
                               'quotes, e.g. name = "…", then run the command again')


def test_claim_id_refuses_merged_and_retired_ids() -> None:
    roster = Roster([Entry(id="a", name="A")], retired=["old"], redirects={"was": "a"})
    assert refusal(roster.claim_id, "old", "Old Org") == (
        "id 'old' belonged to a removed entry and is retired so that old letters and exports "
        "stay unambiguous; choose another id")
    assert refusal(roster.claim_id, "was", "Was Org") == (
        "id 'was' now stands for 'a' (merged or renamed) and is never reused, so that old "
        "letters and exports stay unambiguous; choose another id")


@pytest.mark.parametrize("field", ["acronym", "heading"])
def test_make_entry_refusals_name_the_field(field: str) -> None:
    message = refusal(make_entry, Roster(), "Kappa", kind="coalition", **{field: "A\x07"})
    assert message == (f"{field}: position 2 holds the control character U+0007; "
                       "retype the value without it")


def test_cycle_through_a_coalition_with_an_unknown_member() -> None:
    roster = Roster([Entry(id="k", name="K", kind="coalition", members=["ghost", "k2"]),
                     Entry(id="k2", name="K2", kind="coalition", members=["k"])])
    assert roster.cycle_through("k") == ["k", "k2", "k"]
    assert roster.cycles() == [["k", "k2", "k"]]


# -- reading a large roster: entries made when used, checks kept by content ---------------

def _big_roster_text(n: int = 1500) -> str:
    orgs = "".join(f'[orgs.o{i}]\nname = "Organization {i}"\ncountry = "Norway"\n\n'
                   for i in range(n))
    return (orgs + '[orgs.rich]\nname = "Rich"\naliases = ["R"]\n\n'
            '[coalitions.c1]\nname = "Coalition"\nmembers = ["o1", "o2"]\n')


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.delenv("SIGNON_NO_CACHE", raising=False)
    monkeypatch.setenv("SIGNON_CACHE_DIR", str(folder))
    return folder


def test_entries_are_made_when_used_and_behave_as_a_dict(tmp_path: Path) -> None:
    path = tmp_path / "orgs.toml"
    path.write_text(_big_roster_text(), encoding="utf-8")
    roster, _ = read_roster(path)
    entries = roster.entries
    assert "LazyEntries" in repr(entries) and len(roster) == 1502
    assert list(entries)[:2] == ["o0", "o1"] and list(entries)[-1] == "c1"  # the file's order
    assert entries["o5"] == Entry(id="o5", name="Organization 5", country="Norway")
    assert entries["o5"] is entries["o5"]  # made once
    assert entries.get("c1").members == ["o1", "o2"] and entries["c1"].is_coalition
    assert entries.get("nope") is None and "nope" not in entries and "o7" in entries
    entries["new"] = Entry(id="new", name="New")
    del entries["o9"]
    assert entries.pop("o8").name == "Organization 8"
    values = list(entries.values())
    assert len(values) == len(entries) == 1501 and all(isinstance(v, Entry) for v in values)
    assert "0 not yet made" in repr(entries)
    assert [e.id for e in roster][-1] == "new"
    again, _ = read_roster(path)
    again.entries.pop("o8")
    del again.entries["o9"]
    again.entries["new"] = Entry(id="new", name="New")
    assert again.to_toml() == roster.to_toml()


def test_a_checked_roster_edited_by_hand_is_checked_again(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / "orgs.toml"
    text = _big_roster_text()
    path.write_text(text, encoding="utf-8")
    for _ in range(2):  # the second read trusts the first one's checks: same text
        roster, _ = read_roster(path)
        assert roster.entries["o3"].name == "Organization 3"
    assert len(list(cache.glob("*.cache"))) >= 2  # the parse and the checks
    for bad, message in (('name = "Organization 3"', "name = 3"),
                         ("[orgs.o4]", "[orgs.O-4]"),
                         ('name = "Coalition"', 'name = "Coalition"\ncounts = "yes"')):
        path.write_text(text.replace(bad, message, 1), encoding="utf-8")
        with pytest.raises(WorkspaceFileError, match=r"orgs\.toml:\d+"):
            read_roster(path)


def test_an_id_both_organization_and_coalition_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "orgs.toml"
    path.write_text('[orgs.a]\nname = "A"\n[coalitions.a]\nname = "A"\n', encoding="utf-8")
    with pytest.raises(WorkspaceFileError, match="both an organization and a coalition"):
        read_roster(path)
