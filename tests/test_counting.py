"""Counting: the four counts, coalitions expanded, withdrawals, order, duplicates."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from signon.counting import Counts, build_list, occurrence_counter
from signon.letter import FrontMatter, Letter, LetterText, Signature, SignatureRecord
from signon.roster import Entry, Roster


def org(eid: str, name: str | None = None, country: str = "") -> Entry:
    return Entry(id=eid, name=name or eid.upper(), country=country)


def coalition(eid: str, *members: str, counts: bool = False) -> Entry:
    return Entry(id=eid, name=eid.upper(), kind="coalition", members=list(members), counts=counts)


def letter(*ids: str, order: str = "signed", language: str = "en",
           withdrawn: tuple[str, ...] = (), unnamed: tuple[str, ...] = (),
           extra: tuple[Signature, ...] = ()) -> Letter:
    front = FrontMatter(title="T", language=language, order=order)
    text = LetterText(path=Path("letter.md"), display="letters/t/letter.md", front=front,
                      body="", body_line=8, front_line=2)
    record = SignatureRecord(signatures=[
        *(Signature(id=i, date="2024-01-01", withdrawn="2024-02-01" if i in withdrawn else "",
                    unnamed=i in unnamed)
          for i in ids),
        *extra])
    return Letter(slug="t", folder=Path("letters/t"), main=text, record=record)


def test_four_counts_with_a_coalition() -> None:
    roster = Roster([org("a"), org("b"), org("c"), org("d"), coalition("k", "c", "d")])
    result = build_list(letter("a", "b", "k"), roster)
    assert result.counts.as_dict() == {"organizations": 4, "entries": 3, "names": 5,
                                       "individuals": 0}


def test_nested_coalitions_expand_recursively_and_counting_coalition_adds_itself() -> None:
    roster = Roster([org("a"), org("b"), org("c"), coalition("inner", "b", "c", counts=True),
                     coalition("outer", "a", "inner")])
    result = build_list(letter("outer"), roster)
    assert result.counts.organizations == 4  # a, b, c and the counting "inner"
    assert result.counts.entries == 1
    assert result.counts.names == 5  # outer, a, inner, b, c
    depths = [(node.id, depth) for node, depth in result.walk()]
    assert depths == [("outer", 0), ("a", 1), ("inner", 1), ("b", 2), ("c", 2)]


def test_withdrawn_signatures_drop_out_of_list_and_counts() -> None:
    roster = Roster([org("a"), org("b")])
    result = build_list(letter("a", "b", withdrawn=("b",)), roster)
    assert [n.id for n in result.entries] == ["a"]
    assert result.counts.organizations == 1


def test_same_org_directly_and_through_coalition_is_a_duplicate_counted_once() -> None:
    roster = Roster([org("a"), org("b"), coalition("k", "a", "b")])
    result = build_list(letter("a", "k"), roster)
    assert result.counts.organizations == 2
    assert result.counts.names == 4
    assert result.duplicates == {"a": ["(top level)", "k"]}


def test_unknown_ids_are_reported_not_counted() -> None:
    result = build_list(letter("a", "ghost"), Roster([org("a")]))
    assert result.unknown_ids == ["ghost"]
    assert result.counts.entries == 1


def test_cycle_is_cut_and_reported() -> None:
    roster = Roster([org("a"), coalition("x", "a", "y"), coalition("y", "x")])
    result = build_list(letter("x"), roster)
    assert result.cycles == [["x", "y", "x"]]
    assert result.counts.organizations == 1


def test_order_by_name_uses_the_letters_language() -> None:
    names = ["Zeta", "Östgruppen", "Alfa", "Ostra"]
    roster = Roster([org(f"o{i}", n) for i, n in enumerate(names)])
    ids = [f"o{i}" for i in range(len(names))]
    swedish = [n.name for n in build_list(letter(*ids, order="name", language="sv"),
                                          roster).entries]
    english = [n.name for n in build_list(letter(*ids, order="name", language="en"),
                                          roster).entries]
    assert swedish == ["Alfa", "Ostra", "Zeta", "Östgruppen"]  # Ö after Z in Swedish
    assert english == ["Alfa", "Östgruppen", "Ostra", "Zeta"]


def test_order_by_name_polish() -> None:
    names = ["Łódzkie Centrum", "Lubelska Fundacja", "Mazowiecka Grupa"]
    roster = Roster([org(f"o{i}", n) for i, n in enumerate(names)])
    result = build_list(letter("o2", "o0", "o1", order="name", language="pl"), roster)
    assert [n.name for n in result.entries] == ["Lubelska Fundacja", "Łódzkie Centrum",
                                                "Mazowiecka Grupa"]


def test_order_by_country_puts_entries_without_country_last() -> None:
    roster = Roster([org("a", "Alpha", "Poland"), org("b", "Beta"), org("c", "Gamma", "Norway"),
                     org("d", "Delta", "Norway")])
    result = build_list(letter("a", "b", "c", "d", order="country"), roster)
    assert [n.name for n in result.entries] == ["Delta", "Gamma", "Alpha", "Beta"]


def test_members_sorted_inside_coalitions_when_ordering_by_name() -> None:
    roster = Roster([org("z", "Zulu"), org("a", "Alpha"), coalition("k", "z", "a")])
    result = build_list(letter("k", order="name"), roster)
    assert [c.name for c in result.entries[0].children] == ["Alpha", "Zulu"]


@st.composite
def rosters_and_letters(draw: st.DrawFn) -> tuple[Roster, Letter]:
    n = draw(st.integers(min_value=1, max_value=25))
    orgs = [org(f"o{i}") for i in range(n)]
    coalitions = []
    free = list(range(n))
    for c in range(draw(st.integers(min_value=0, max_value=4))):
        members = draw(st.lists(st.sampled_from(free), max_size=5, unique=True)) if free else []
        free = [i for i in free if i not in members]
        coalitions.append(coalition(f"c{c}", *[f"o{i}" for i in members]))
    direct = draw(st.lists(st.sampled_from(free), unique=True)) if free else []
    signed = [f"o{i}" for i in direct] + [c.id for c in coalitions]
    signed = draw(st.permutations(signed))
    withdrawn = tuple(draw(st.lists(st.sampled_from(signed), unique=True))) if signed else ()
    return Roster([*orgs, *coalitions]), letter(*signed, withdrawn=withdrawn)


@given(rosters_and_letters(), st.sampled_from(["signed", "name", "country"]))
@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
def test_every_signed_not_withdrawn_org_appears_exactly_once(
    case: tuple[Roster, Letter], order: str
) -> None:
    roster, the_letter = case
    the_letter.main.front.order = order
    result = build_list(the_letter, roster)
    listed = [node.id for node, _ in result.walk() if not node.is_coalition]
    expected: list[str] = []
    for sig in the_letter.record.active():
        expected += roster.expand(sig.id)
    assert sorted(listed) == sorted(expected)
    assert len(listed) == len(set(listed))
    assert result.counts.organizations == len(set(expected))


def test_shared_sub_coalitions_do_not_explode() -> None:
    # 14 levels where each coalition reaches the next one over two paths (a diamond
    # chain): 2**14 paths if each were expanded; each coalition is expanded once.
    entries = [org("leaf")]
    for level in range(14):
        below = f"c{level + 1}" if level < 13 else "leaf"
        entries += [coalition(f"c{level}", f"l{level}", f"r{level}"),
                    coalition(f"l{level}", below), coalition(f"r{level}", below)]
    result = build_list(letter("c0"), Roster(entries))
    assert result.counts.organizations == 1
    assert result.counts.names < 200
    assert "c1" in result.duplicates or "leaf" in result.duplicates


def test_nesting_past_the_limit_is_cut_and_reported() -> None:
    from signon.counting import MAX_DEPTH

    entries = [org("leaf")] + [coalition(f"c{i}", f"c{i + 1}") for i in range(MAX_DEPTH + 5)]
    entries.append(coalition(f"c{MAX_DEPTH + 5}", "leaf"))
    result = build_list(letter("c0"), Roster(entries))
    assert result.cycles and result.cycles[0][0] == "c0"
    assert result.cycles[0][-1] == f"c{MAX_DEPTH}"


def test_unknown_id_does_not_hide_the_signatures_after_it() -> None:
    result = build_list(letter("ghost", "a"), Roster([org("a")]))
    assert result.unknown_ids == ["ghost"]
    assert [n.id for n in result.entries] == ["a"]


def test_top_level_nodes_carry_their_signature() -> None:
    result = build_list(letter("a"), Roster([org("a")]))
    assert result.entries[0].signature == Signature(id="a", date="2024-01-01")


def test_order_by_name_ignores_the_country() -> None:
    roster = Roster([org("a", "Alpha", "Sweden"), org("b", "Beta", "Austria")])
    result = build_list(letter("b", "a", order="name"), roster)
    assert [n.name for n in result.entries] == ["Alpha", "Beta"]


def test_names_in_the_letters_language() -> None:
    roster = Roster([Entry(id="a", name="Viasna", names={"ru": "Весна"})])
    assert build_list(letter("a", language="ru-RU"), roster).entries[0].name == "Весна"
    assert build_list(letter("a", language="ru"), roster, language="en").entries[0].name == (
        "Viasna")


def test_unnamed_coalition_counts_its_members_and_is_never_listed() -> None:
    roster = Roster([org("a"), org("b"), org("c"), coalition("k", "a", "b")])
    result = build_list(letter("c", "k", unnamed=("k",)), roster)
    assert [n.id for n, _ in result.walk()] == ["c"]
    assert (result.unnamed, result.unnamed_organizations) == (1, 2)
    assert result.counts.as_dict() == {"organizations": 3, "entries": 2, "names": 2,
                                       "individuals": 0}


def test_unnamed_organization_already_listed_through_a_coalition_is_counted_once() -> None:
    roster = Roster([org("a"), org("b"), coalition("k", "a", "b")])
    result = build_list(letter("k", "a", unnamed=("a",)), roster)
    # "a" asked not to be named: not printed under its coalition either.
    assert [n.id for n, _ in result.walk()] == ["k", "b"]
    assert (result.unnamed, result.unnamed_organizations, result.counts.organizations) == (
        1, 1, 2)


def test_member_that_left_stays_out_when_another_signatory_is_unnamed() -> None:
    roster = Roster([org("a"), org("b"), org("c"), coalition("k", "a", "b")])
    left = Signature(id="a", date="2024-01-01", withdrawn="2024-03-01", via="k")
    result = build_list(letter("k", "c", unnamed=("c",), extra=(left,)), roster)
    assert [n.id for n, _ in result.walk()] == ["k", "b"]


def test_default_coalition_heading_follows_the_letters_language() -> None:
    roster = Roster([org("a"), coalition("k", "a")])
    headings = {lang: build_list(letter("k", language=lang), roster).entries[0].heading
                for lang in ("fr", "de_AT", "RU-ru", "pl-PL", "en", "sv")}
    assert headings == {
        "fr": "au nom des organisations suivantes",
        "de_AT": "im Namen der folgenden Organisationen",
        "RU-ru": "от имени следующих организаций",
        "pl-PL": "w imieniu następujących organizacji",
        "en": "on behalf of the following organizations",
        "sv": "on behalf of the following organizations",
    }


def test_members_know_their_coalition_and_its_country() -> None:
    roster = Roster([org("a", country="Belarus"), Entry(id="k", name="K", kind="coalition",
                                                         country="Belarus", members=["a"])])
    [top] = build_list(letter("k"), roster).entries
    assert (top.parent, top.parent_country) == ("", "")
    assert (top.children[0].parent, top.children[0].parent_country) == ("k", "Belarus")


def test_organization_ids_and_occurrences() -> None:
    roster = Roster([org("a"), org("b"), coalition("k", "a", "b"),
                     coalition("n", "b", counts=True)])
    result = build_list(letter("a", "k", "n"), roster)
    assert result.organization_ids() == ["a", "b", "n"]
    assert occurrence_counter(result) == {"a": 2, "b": 2, "k": 1, "n": 1}


def test_node_json() -> None:
    roster = Roster([org("a", "Alpha", "Norway"), org("b", "Beta"),
                     Entry(id="k", name="K", kind="coalition", members=["a", "b"],
                           heading="for its members")])
    assert build_list(letter("k"), roster).entries[0].to_json() == {
        "id": "k", "name": "K", "kind": "coalition", "country": None,
        "heading": "for its members",
        "members": [
            {"id": "a", "name": "Alpha", "kind": "organization", "country": "Norway"},
            {"id": "b", "name": "Beta", "kind": "organization", "country": None},
        ],
    }


def test_counts_summary_in_singular_and_plural() -> None:
    assert Counts(organizations=80, entries=46, names=87, individuals=1).summary() == (
        "80 organizations, 46 entries, 87 names, 1 individual")
    assert Counts(organizations=1, entries=1, names=1, individuals=2).summary() == (
        "1 organization, 1 entry, 1 name, 2 individuals")
    assert Counts(organizations=0, entries=0, names=0, individuals=0).summary() == (
        "0 organizations, 0 entries, 0 names, 0 individuals")


def test_cycles_and_unknown_members_do_not_hide_the_members_after_them() -> None:
    roster = Roster([org("a"), org("b"), coalition("x", "y", "ghost", "a"),
                     coalition("y", "x", "b")])
    result = build_list(letter("x"), roster)
    assert [n.id for n, _ in result.walk()] == ["x", "y", "b", "a"]
    assert result.cycles == [["x", "y", "x"]]


def test_member_that_left_a_nested_coalition_stays_out() -> None:
    roster = Roster([org("a"), org("b"), coalition("inner", "a", "b"),
                     coalition("outer", "inner")])
    left = Signature(id="a", date="2024-01-01", withdrawn="2024-03-01", via="outer")
    result = build_list(letter("outer", extra=(left,)), roster)
    assert [n.id for n, _ in result.walk()] == ["outer", "inner", "b"]
    assert result.counts.organizations == 1


def _state(result: object) -> object:
    from signon.counting import SignatoryList

    assert isinstance(result, SignatoryList)
    return ([(n.to_json(), n.parent, n.parent_country, n.counts, depth,
              n.signature if depth == 0 else None) for n, depth in result.walk()],
            result.counts, result.unknown_ids, result.duplicates, result.cycles,
            result.unnamed, result.unnamed_organizations, result.listed,
            result.listed_coalitions)


@given(rosters_and_letters(), st.sampled_from(["signed", "name", "country"]),
       st.sampled_from(["en", "be"]), st.data())
@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
def test_a_roster_read_from_a_file_gives_the_same_list(
    case: tuple[Roster, Letter], order: str, language: str, data: st.DataObject
) -> None:
    # build_list prints most organizations of a roster read from a file straight from
    # their tables, without making their entries: the list must not tell the difference.
    roster, the_letter = case
    for entry in roster.entries.values():
        entry.country = data.draw(st.sampled_from(["", "Norway"]))
        if data.draw(st.booleans()):
            entry.names = {"be": f"{entry.name} (be)"}
    for sig in the_letter.record.signatures:
        sig.printed = data.draw(st.sampled_from(["", "Printed"]))
        sig.unnamed = data.draw(st.booleans()) and not sig.withdrawn
    the_letter.record.signatures.append(Signature(id="not-in-roster"))
    the_letter.main.front.order = order
    lazy = Roster.from_toml(roster.to_toml())
    assert "LazyEntries" in repr(lazy.entries)
    assert _state(build_list(the_letter, lazy, language=language)) == _state(
        build_list(the_letter, roster, language=language))


def test_a_roster_known_to_pass_its_checks_prints_names_in_the_letters_language() -> None:
    # Read from the parse cache, a roster holds every table unmade (checked=True): one
    # with names in other languages must still print the letter's one.
    data = {"orgs": {"a": {"name": "Organization A", "country": "France",
                           "names": {"fr": "Organisation A"}},
                     "b": {"name": "Organization B", "aliases": ["OB"]}}}
    for checked in (False, True):
        roster = Roster.from_toml(data, checked=checked)
        names = [n.name for n in build_list(letter("a", "b", language="fr"), roster).entries]
        assert names == ["Organisation A", "Organization B"], checked
