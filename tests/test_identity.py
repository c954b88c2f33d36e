"""signon.identity: folding, the duplicate rules, blocking, screening, resolving names."""

from __future__ import annotations

import unicodedata
from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from signon.errors import RefusedInput
from signon.identity import IdentityIndex, duplicates, match_or_create, resolve, screen
from signon.identity.fold import strict, token_key, token_keys
from signon.identity.index import SCANS_BEFORE_MASKS, entry_names, typo_masks
from signon.identity.rules import build_keys, compare, name_keys
from signon.roster import Entry, Roster, make_entry, read_roster

ROOT = Path(__file__).resolve().parent.parent


def likeness(a: str, b: str, country_a: str = "", country_b: str = "") -> tuple[str, str] | None:
    ka, kb = name_keys([(a, "name"), (b, "name")])
    found = compare(ka, kb, country_a, country_b)
    return (found.kind, found.reason) if found else None


# ---------------------------------------------------------------- folding


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Helsińska Fundacja Praw Człowieka", "helsinska fundacja praw czlowieka"),
        ("Reporters sans frontières", "reporters sans frontieres"),
        ("The Alternative Information & Development Centre (AIDC)",
         "alternative information development centre aidc"),
        ("Alternative Information and Development Centre",
         "alternative information development centre"),
        ("Centre d'information et de développement", "centre dinformation de developpement"),
        ("Women’s Rights", "womens rights"),
        ("Вясна", "vyasna"),
        ("«Alpha\u00a0Rights»", "alpha rights"),
        ("ＡＬＰＨＡ", "alpha"),  # full-width letters (NFKC)
        ("Сentre for Rights", "centre for rights"),  # a Cyrillic С inside a Latin word
        ("Straße der Menschenrechte", "strasse der menschenrechte"),
        ("The", "the"),  # nothing but a dropped word: kept
        ("And", "and"),
    ],
)
def test_token_key(name: str, key: str) -> None:
    assert token_key(name) == key
    assert token_keys([name, name]) == [key, key]


def test_token_keys_of_many_names_equal_one_at_a_time() -> None:
    names = ["Alpha & Omega", "The Beta", "Гамма-центр", "B.a.B.e.", "Line\nbreak", "x", "The"]
    assert token_keys(names) == [token_key(n) for n in names]


# ---------------------------------------------------------------- the rules


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # Equal after folding: refused when added.
        ("Helsińska Fundacja Praw Człowieka", "Helsinska Fundacja Praw Czlowieka",
         ("same", "same name")),
        ("Reporters sans frontières", "Reporters Sans Frontieres", ("same", "same name")),
        ("Alternative Information & Development Centre (AIDC)",
         "Alternative Information and Development Centre (AIDC)", ("same", "same name")),
        ("The Rafto Foundation", "Rafto Foundation", ("same", "same name")),
        ("Human Rights House", "HumanRights House", ("same", "same name")),
        ("Вясна", "Vyasna", ("same", "same name")),
        ("Сentre for Civil Rights", "Centre for Civil Rights", ("same", "same name")),
        ("Centre Information et Développement", "Centre Information and Developpement",
         ("same", "same name")),
        # Fuzzy: warnings with their reason.
        ("Alternative Information and Development Centre (AIDC)",
         "Alternative Information and Development Centre", ("similar", "acronym AIDC")),
        ("Southern and Eastern Africa Trade Information and Negotiations Institute",
         "Southern and Eastern Africa Trade Information and Negotiations Institute "
         "(SEATINI)-Uganda", ("similar", "acronym SEATINI, country suffix Uganda")),
        ("Alejandra Ancheia", "Alejandra Ancheita", ("similar", "typo: 1 letter")),
        ("Helsinki Committee for Human Rigths", "Helsinki Committee for Human Rights",
         ("similar", "typo: 1 letter")),
        ("Helsinki Comittee for Human Rigths", "Helsinki Committee for Human Rights",
         ("similar", "typo: 2 letters")),
        ("IPHR", "International Partnership for Human Rights", ("similar", "acronym IPHR")),
        ("FIAN", "FIAN Norway", ("similar", "country suffix Norway")),
        ("Human Rights Club", "Human Rights Club Baku", ("similar", "city suffix Baku")),
        ("Centre for Human Rights", "Centre of Human Rights",
         ("similar", "same words but for small ones (of, for, the…)")),
    ],
)
def test_must_match(a: str, b: str, expected: tuple[str, str]) -> None:
    assert likeness(a, b) == expected
    assert likeness(b, a) == expected  # the rules are symmetric


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Norwegian Helsinki Committee", "Danish Helsinki Committee"),
        ("Austrian Helsinki Committee", "Australian Helsinki Committee"),
        ("North Caucasus Women's Network", "South Caucasus Women's Network"),
        ("Iran Human Rights Monitor", "Iraq Human Rights Monitor"),
        ("Human Rights Centre 12", "Human Rights Centre 13"),
        ("Amnesty International Norway", "Amnesty International Sweden"),
        ("Human Rights Centre of Azerbaijan (AHRC)", "The Human Rights Centre (HRIDC)"),
        ("Belarusian Helsinki Committee", "Helsinki Committee"),
        ("Moscow Helsinki Group", "Human Rights Network Group"),
        ("Article 19", "Article 42 of the Constitution"),
        ("Viasna", "Vesna"),  # short names: one letter is too little to tell
        ("Legal Education Society", "Legal Transformation Center"),
        ("Danish Institute for Human Rights", "Danish Helsinki Committee for Human Rights"),
    ],
)
def test_must_not_match(a: str, b: str) -> None:
    assert likeness(a, b) is None
    assert likeness(b, a) is None


def test_same_name_in_two_countries_is_a_warning_at_most() -> None:
    assert likeness("Amnesty International", "Amnesty International", "Norway", "Sweden") == (
        "similar", "same name, other country (Norway / Sweden)")
    # Spellings of one country are one country.
    assert likeness("Memorial", "Memorial", "Russia", "Russian Federation") == ("same",
                                                                              "same name")
    # Fuzzy rules need the countries to agree.
    assert likeness("Alejandra Ancheia", "Alejandra Ancheita", "Mexico", "Chile") is None


def test_two_acronym_fields_alone_are_no_duplicate() -> None:
    a, b = build_keys([("CRC", "acronym"), ("CRC", "acronym")], [(), ()])
    assert compare(a, b) is None


# ---------------------------------------------------------------- property: always caught

NAMES = [
    "Helsińska Fundacja Praw Człowieka",
    "Reporters sans frontières",
    "Östgruppen för demokrati",
    "Asociación Pro Derechos Humanos de España",
    "Związek Białoruskich Dziennikarzy",
    "Human Rights Centre Viasna",
    "Comité de Défense des Libertés",
]


@st.composite
def respelled(draw: st.DrawFn) -> tuple[str, str]:
    """A name and the same name typed carelessly: diacritics dropped at random, case and
    spacing changed, punctuation added or removed."""
    name = draw(st.sampled_from(NAMES))
    out = []
    for ch in unicodedata.normalize("NFD", name):
        if unicodedata.combining(ch) and draw(st.booleans()):
            continue  # the accent dropped
        if ch == "ł" and draw(st.booleans()):
            ch = "l"
        if ch.isalpha():
            ch = draw(st.sampled_from([ch, ch.upper(), ch.lower()]))
        elif ch == " ":
            ch = draw(st.sampled_from([" ", "  ", "\u00a0", " - ", ", ", " "]))
        out.append(ch)
        if draw(st.integers(0, 30)) == 0:
            out.append(draw(st.sampled_from([".", "'", '"', "«", "»", "(", ")"])))
    typed = unicodedata.normalize(draw(st.sampled_from(["NFC", "NFD"])), "".join(out))
    if draw(st.booleans()):
        typed = draw(st.sampled_from(["The ", "the ", "“", "  "])) + typed
    return name, typed


@settings(max_examples=150, deadline=None)
@given(respelled())
# Found by hypothesis: dots inside "Fundacja" made "und" a word, then dropped as a connector.
@example(("Helsińska Fundacja Praw Człowieka", "Helsińska F.und.acja Praw Człowieka"))
@example(("Alpha and Standard Centre", "Alpha and St.and.ard Centre"))
def test_a_careless_spelling_is_always_refused(pair: tuple[str, str]) -> None:
    name, typed = pair
    roster = Roster()
    roster.add(make_entry(roster, name, eid="known", country="Poland"))
    with pytest.raises(RefusedInput) as refused:
        roster.add(make_entry(roster, typed))
    assert "'known'" in str(refused.value)


# ---------------------------------------------------------------- blocking


def roster_of(*names: str, countries: tuple[str, ...] = ()) -> Roster:
    roster = Roster()
    for n, name in enumerate(names):
        country = countries[n] if n < len(countries) else ""
        roster.entries[f"e{n}"] = Entry(id=f"e{n}", name=name, country=country)
    return roster


def brute_force(roster: Roster) -> set[tuple[str, str, str]]:
    """Every pair by comparing all names with all names: what blocking must not miss."""
    entries = list(roster)
    keys = {e.id: build_keys(entry_names(e), [()] * len(entry_names(e))) for e in entries}
    out = set()
    for a, b in combinations(entries, 2):
        reasons = [compare(x, y, a.country, b.country) for x in keys[a.id] for y in keys[b.id]]
        found = [r for r in reasons if r]
        if found:
            best = max(found, key=lambda r: r.score)
            out.add((min(a.id, b.id), max(a.id, b.id), best.reason))
    return out


VARIANTS = st.sampled_from([
    "Alejandra Ancheita", "Alejandra Ancheia", "Alejandra Anchieta", "Helsinki Committee",
    "Helsinki Comittee", "Norwegian Helsinki Committee", "Danish Helsinki Committee",
    "Memorial Human Rights Centre", "Memorial Human Rigths Centre", "Memorail Human Rigths Centre",
    "IPHR", "International Partnership for Human Rights",
    "International Partnership for Human Rights (IPHR)", "FIAN", "FIAN Norway", "FIAN Sweden",
    "Reporters sans frontières", "Reporters Sans Frontieres", "Centre of Legal Studies",
    "Centre for Legal Studies", "Legal Studies Centre", "Vyasna", "Вясна", "Viasna",
])


@settings(max_examples=80, deadline=None)
@given(st.lists(VARIANTS, min_size=2, max_size=9),
       st.lists(st.sampled_from(["", "", "Norway", "Poland"]), max_size=9))
def test_blocking_finds_what_comparing_every_pair_finds(names: list[str],
                                                        countries: list[str]) -> None:
    roster = roster_of(*names, countries=tuple(countries))
    found = {(p.first.id, p.second.id, p.likeness.reason) for p in duplicates(roster)}
    assert found == brute_force(roster)


def test_find_one_name_equals_comparing_it_with_every_entry() -> None:
    roster = roster_of("Alejandra Ancheita", "Helsinki Committee for Human Rights", "FIAN Norway",
                       "International Partnership for Human Rights", "Danish Helsinki Committee")
    index = IdentityIndex(roster)
    for query in ["Alejandra Ancheia", "Helsinki Comittee for Human Rigths", "FIAN", "IPHR",
                  "Norwegian Helsinki Committee"]:
        found = {m.entry.id: m.likeness.reason for m in index.find([(query, "name")])}
        [qkey] = name_keys([(query, "name")])
        expected = {}
        for entry in roster:
            [key] = name_keys([(entry.name, "name")])
            hit = compare(qkey, key)
            if hit:
                expected[entry.id] = hit.reason
        assert found == expected, query


def test_the_example_roster_holds_one_likely_duplicate_and_no_false_refusal() -> None:
    roster = read_roster(ROOT / "orgs.toml")[0]
    pairs = duplicates(roster)
    assert [(p.first.id, p.second.id, p.likeness.reason) for p in pairs] == [
        ("helsinska-fundacja-praw-czlowieka", "hfhr", "same name")]
    # Every entry could be added again under its own name with no false refusal from
    # another entry: only the seed's known pair refuses.
    index = IdentityIndex(roster)
    refused = set()
    for entry in roster:
        for match in index.find(entry_names(entry), country=entry.country, exclude=entry.id):
            if match.refused:
                refused.add(frozenset((entry.id, match.entry.id)))
    assert refused == {frozenset(("helsinska-fundacja-praw-czlowieka", "hfhr"))}


def test_marked_distinct_pairs_are_not_reported() -> None:
    roster = roster_of("Alejandra Ancheita", "Alejandra Ancheia")
    assert len(duplicates(roster)) == 1
    roster.entries["e1"].distinct = ["e0"]
    assert duplicates(roster) == []


# ---------------------------------------------------------------- screening


def test_screen_refuses_the_same_name_and_warns_of_the_rest() -> None:
    roster = Roster()
    roster.add(make_entry(roster, "Helsińska Fundacja Praw Człowieka", eid="hfhr",
                          country="Poland"))
    with pytest.raises(RefusedInput) as refused:
        screen(roster, make_entry(roster, "Helsinska Fundacja Praw Czlowieka"))
    assert refused.value.override == "force"
    assert str(refused.value) == (
        "'Helsinska Fundacja Praw Czlowieka' is the name of 'hfhr' ('Helsińska Fundacja Praw "
        "Człowieka', Poland) once case, accents, script and punctuation are set aside; use that "
        "id, unless they are different organizations")
    forced = screen(roster, make_entry(roster, "Helsinska Fundacja Praw Czlowieka"), force=True)
    assert [(m.entry.id, m.likeness.reason) for m in forced] == [("hfhr", "same name")]
    typo = screen(roster, make_entry(roster, "Helsinska Fundacja Praw Czlowieka Polska"))
    assert [(m.entry.id, m.likeness.reason) for m in typo] == [
        ("hfhr", "country suffix Polska")]
    # Another country: a national section, never refused.
    other = screen(roster, make_entry(roster, "Helsinska Fundacja Praw Czlowieka",
                                      country="Lithuania"))
    assert [m.likeness.reason for m in other] == [
        "same name, other country (Lithuania / Poland)"]


# ---------------------------------------------------------------- resolving


def test_resolve_by_id_redirect_acronym_alias_and_name() -> None:
    roster = Roster(redirects={"old": "rsf"})
    roster.add(make_entry(roster, "Reporters sans frontières", eid="rsf", aliases=["RSF"]))
    roster.add(make_entry(roster, "Index on Censorship", eid="ioc", acronym="IoC",
                          country="United Kingdom"))
    for ref in ["rsf", "old", "RSF", "reporters sans frontieres", "Reporters Sans Frontières"]:
        assert resolve(roster, ref).id == "rsf"
    assert resolve(roster, "ioc").id == "ioc"
    assert resolve(roster, "IOC").id == "ioc"
    with pytest.raises(RefusedInput) as unknown:
        resolve(roster, "nobody")
    assert str(unknown.value) == "unknown id 'nobody'; look it up in the roster's list"


def test_an_ambiguous_name_is_refused_listing_the_candidates() -> None:
    roster = Roster()
    roster.add(make_entry(roster, "Amnesty International", eid="ai-no", country="Norway"))
    roster.add(make_entry(roster, "Amnesty International", eid="ai-se", country="Sweden"))
    with pytest.raises(RefusedInput) as refused:
        resolve(roster, "amnesty international")
    assert str(refused.value) == (
        "'amnesty international' could be 2 entries: ai-no (Amnesty International, Norway); "
        "ai-se (Amnesty International, Sweden); give one of these ids")


def test_strict_form_of_an_empty_name_is_empty() -> None:
    assert strict(token_key("...")) == ""


def test_roster_pairs_are_cached_by_the_roster_text(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import signon.identity as identity
    from signon.workspace import init_workspace

    monkeypatch.delenv("SIGNON_NO_CACHE", raising=False)
    monkeypatch.setenv("SIGNON_CACHE_DIR", str(tmp_path / "cache"))
    ws = init_workspace(tmp_path / "ws")
    with ws.edit_roster() as roster:
        for i in range(700):  # past the cache's size threshold (32 KB of TOML)
            roster.add(make_entry(roster, f"Civic Rights Association of District {i:04d}",
                                  eid=f"o{i}", country="Norway",
                                  notes="x" * 40), force=True)
        roster.add(make_entry(roster, "Civic Rights Asociation of District 0001", eid="typo",
                              country="Norway"), force=True)
    expected = identity.duplicates(ws.roster())
    first = identity.roster_pairs(ws.roster())
    assert [(p.first.id, p.second.id, p.likeness) for p in first] == \
        [(p.first.id, p.second.id, p.likeness) for p in expected]
    assert any({p.first.id, p.second.id} == {"o1", "typo"} for p in first)

    def no_recompute(roster: object) -> list[object]:
        raise AssertionError("the pairs were computed again for the same text")

    monkeypatch.setattr(identity, "duplicates", no_recompute)
    again = identity.roster_pairs(ws.roster())
    assert [(p.first.id, p.second.id, p.likeness) for p in again] == \
        [(p.first.id, p.second.id, p.likeness) for p in first]
    with ws.edit_roster() as roster:  # another text: computed afresh
        roster.add(make_entry(roster, "Unrelated Group", eid="u"), force=True)
    with pytest.raises(AssertionError, match="computed again"):
        identity.roster_pairs(ws.roster())


# ---------------------------------------------------------------- match or create


@settings(max_examples=100, deadline=None)
@given(st.lists(respelled(), min_size=1, max_size=6), st.sampled_from(["", "Poland"]))
def test_careless_spellings_of_one_name_make_one_entry(typed: list[tuple[str, str]],
                                                       country: str) -> None:
    """The one match-or-create policy: a name typed with diacritics dropped, case, spacing
    and punctuation changed matches the entry that holds it, and never makes a second."""
    roster = Roster()
    index = IdentityIndex(roster)
    entry_of: dict[str, str] = {}  # the name each spelling was drawn from → its entry
    for name, spelling in typed:
        outcome = match_or_create(roster, index, spelling, country=country)
        assert outcome.created == (name not in entry_of)
        assert outcome.entry.id == entry_of.setdefault(name, outcome.entry.id)
    assert len(roster.entries) == len(entry_of)
    # The roster's own name and country win; the spelling printed is not stored.
    known = Roster()
    known.add(make_entry(known, typed[0][0], eid="known", country="Poland"))
    outcome = match_or_create(known, IdentityIndex(known), typed[0][1], country=country)
    assert not outcome.created and outcome.entry.id == "known"
    assert list(known.entries) == ["known"] and known.entries["known"].name == typed[0][0]


def test_a_match_prefers_the_country_printed_in_any_spelling_and_fills_the_place() -> None:
    roster = Roster()
    for eid, country in (("ai-de", "Germany"), ("ai-gb", "United Kingdom"), ("ai-no", "")):
        roster.add(make_entry(roster, "Amnesty International", eid=eid, country=country),
                   force=True)
    index = IdentityIndex(roster)
    assert match_or_create(roster, index, "Amnesty International", country="UK").entry.id \
        == "ai-gb"
    # No country printed: the first by id, whatever the roster's order.
    assert match_or_create(roster, index, "amnesty international").entry.id == "ai-de"
    # A country only guessed (from the coalition above) still chooses, but is not stored.
    guessed = match_or_create(roster, index, "Amnesty International", country="Sweden",
                              country_is_guess=True)
    assert guessed.entry.id == "ai-de" and not guessed.created
    filled = match_or_create(roster, index, "Amnesty International", country="Norway",
                             fields={"city": "Oslo", "email": "x@example.org"})
    assert filled.entry.id == "ai-no" and not filled.created
    assert (filled.entry.country, filled.entry.city, filled.entry.email) == ("Norway", "Oslo",
                                                                              "")


def test_look_alikes_are_searched_only_among_the_ids_given() -> None:
    roster = roster_of("Alejandra Ancheita")
    index = IdentityIndex(roster)
    typo = match_or_create(roster, index, "Alejandra Ancheia", look_alikes={"e0"})
    assert typo.created and [(m.entry.id, m.likeness.reason) for m in typo.resembles] == [
        ("e0", "typo: 1 letter")]
    again = match_or_create(roster, index, "Alejandra Anchieta", look_alikes={"e0"})
    assert [m.entry.id for m in again.resembles] == ["e0"]  # not the entry made just now
    none = match_or_create(roster, index, "Alejandra Anchetia", look_alikes=set())
    assert none.created and none.resembles == []
    # Without look_alikes, every entry: one made earlier in the same import too.
    every = match_or_create(roster, index, "Alejandra Anchietta")
    assert [m.entry.id for m in every.resembles] == [again.entry.id]


# ---------------------------------------------------------------- many names looked up

WORDS = ["Human", "Rights", "Centre", "Helsinki", "Committee", "Foundation", "Women's",
         "Association", "Institute", "for", "of", "the", "Legal", "Aid", "Memorial", "Viasna",
         "Menschenrechtsorganisation", "Internationale", "Östra", "12", "2011", "a1b2"]


@st.composite
def mistyped(draw: st.DrawFn) -> str:
    """A name made of real words with one or two letters typed wrong (or not)."""
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=5))
    for _ in range(draw(st.integers(0, 2))):
        i = draw(st.integers(0, len(words) - 1))
        word = words[i]
        at = draw(st.integers(0, len(word)))
        edit = draw(st.sampled_from(["swap", "drop", "add", "change"]))
        letter = draw(st.sampled_from("aeiorstn1"))
        if edit == "swap" and at < len(word) - 1:
            word = word[:at] + word[at + 1] + word[at] + word[at + 2:]
        elif edit == "drop" and len(word) > 1:
            word = word[:at] + word[at + 1:]
        elif edit == "add":
            word = word[:at] + letter + word[at:]
        else:
            word = word[:at] + letter + word[at + 1:]
        words[i] = word
    return " ".join(w for w in words if w) or "x"


@settings(max_examples=80, deadline=None)
@given(st.lists(mistyped(), min_size=1, max_size=12), st.lists(mistyped(), min_size=1,
                                                               max_size=6))
def test_typo_blocks_find_what_scanning_every_name_finds(roster_names: list[str],
                                                         queries: list[str]) -> None:
    """An importer's thousands of look-ups use typo blocks instead of a scan per name
    (after SCANS_BEFORE_MASKS): the matches are the same, only faster."""
    roster = roster_of(*roster_names)
    scanning, masked = IdentityIndex(roster), IdentityIndex(roster)
    scanning._scans = -10**9  # never stops scanning
    masked.typos()  # blocks from the first look-up on
    for query in queries:
        one = [(m.entry.id, m.likeness.reason) for m in scanning.find([(query, "name")])]
        other = [(m.entry.id, m.likeness.reason) for m in masked.find([(query, "name")])]
        assert one == other, query
        [qkey] = name_keys([(query, "name")])
        every = {e.id for e in roster
                 if compare(qkey, name_keys([(e.name, "name")])[0]) is not None}
        assert {eid for eid, _ in one} == every, query


def test_an_index_switches_to_typo_blocks_after_some_scans_and_keeps_them_current() -> None:
    roster = roster_of("Helsinki Committee for Human Rights")
    index = IdentityIndex(roster)
    for _ in range(SCANS_BEFORE_MASKS):
        index.find([("Helsinki Comittee for Human Rights", "name")])
    assert index._typos is None
    index.find([("Helsinki Comittee for Human Rights", "name")])
    assert index._typos is not None
    roster.add(make_entry(roster, "Alejandra Ancheita", eid="aa"))
    index.add(roster.entries["aa"])
    assert [m.entry.id for m in index.find([("Alejandra Ancheia", "name")])] == ["aa"]
    # A number is never mistyped: the blocks keep the digits.
    assert "centre rights \x002011" in typo_masks("centre rights 2011")
    assert typo_masks("short") == []


def test_keys_an_import_made_serve_the_check_after_it_with_the_same_pairs() -> None:
    names = ["Alejandra Ancheita", "Alejandra Ancheia", "FIAN", "FIAN Norway",
             "International Partnership for Human Rights", "IPHR", "Viasna"]
    roster = Roster()
    index = IdentityIndex(roster)
    index.prepare(names, ["Mexico", "Mexico", "", "Norway", "", "", "Belarus"])
    for name, country in zip(names, ["Mexico", "Mexico", "", "Norway", "", "", "Belarus"],
                             strict=True):
        match_or_create(roster, index, name, country=country)
    index.share_keys()
    fresh = Roster(list(roster))
    assert [(p.first.id, p.second.id, p.likeness) for p in duplicates(roster)] == \
        [(p.first.id, p.second.id, p.likeness) for p in duplicates(fresh)] != []
    # The check's index took the import's keys instead of making them again.
    again = IdentityIndex(roster)
    assert again.keys.made[0] is index.keys.made[0]


def test_names_keyed_ahead_find_what_names_keyed_on_demand_find() -> None:
    roster = Roster()
    for eid, name, country, aliases in (
            ("hfhr", "Helsińska Fundacja Praw Człowieka", "Poland", ["HFHR"]),
            ("fian", "FIAN Norway", "Norway", []), ("ai-no", "Amnesty International", "Norway",
                                                    []),
            ("crc", "Child Rights Coalition", "", ["CRC"])):
        roster.add(make_entry(roster, name, eid=eid, country=country, aliases=aliases),
                   force=True)
    queries = [("Helsinska Fundacja Praw Czlowieka", "Poland", "Helsinska Fundacja (Poland)"),
               ("FIAN", "Norway", "FIAN Norway"), ("Amnesty International", "Sweden",
                                                   "Amnesty International (Sweden)"),
               ("crc", "", "CRC"), ("hfhr", "Lithuania", "HFHR")]
    ahead, plain = IdentityIndex(roster), IdentityIndex(roster)
    ahead.prepare([q[0] for q in queries], [q[1] for q in queries], also=[q[2] for q in queries])
    for name, country, printed in queries:
        for same_name in (True, False):
            found = [[(m.entry.id, m.likeness.reason, m.name, m.matched)
                      for m in index.find([(name, "name"), (printed, "name")],
                                          country=country, same_name=same_name)]
                     for index in (ahead, plain)]
            assert found[0] == found[1], (name, same_name)
    assert [m.entry.id for m in ahead.find([("FIAN", "name"), ("FIAN Norway", "name")],
                                           country="Norway", same_name=True)] == ["fian"]


def test_a_large_rosters_forms_come_from_the_cache_and_follow_its_names(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from signon.identity import index, screen
    from signon.roster import make_entry
    from signon.workspace import init_workspace

    monkeypatch.setattr(index, "_CACHED_FORMS", 100)
    monkeypatch.delenv("SIGNON_NO_CACHE", raising=False)
    monkeypatch.setenv("SIGNON_CACHE_DIR", str(tmp_path / "cache"))
    ws = init_workspace(tmp_path / "ws")
    orgs = "".join(f'[orgs.o{i}]\nname = "Organization Number {i}"\ncountry = "Norway"\n\n'
                   for i in range(2000))  # their names past the parse cache's 32 KB
    ws.roster_path.write_text(orgs, encoding="utf-8")

    def refused(name: str) -> bool:
        roster = ws.roster()
        try:
            screen(roster, make_entry(roster, name, country="Norway"))
        except RefusedInput:
            return True
        return False

    assert refused("Organization Number 7!") and refused("organization number 7")
    ws.roster_path.write_text(orgs.replace('"Organization Number 7"', '"Other Name"'),
                              encoding="utf-8")
    assert not refused("Organization Number 7") and refused("Other  Name")
