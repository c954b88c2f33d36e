from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from signon.claims import QUALIFIERS, Claim, claim_from_value, claim_holds, find_claims
from signon.errors import WorkspaceFileError
from signon.numwords import to_words

# The seed letter beside the checkout (as conftest finds it), or wherever SIGNON_SEED says:
# never one machine's absolute path.
SEED = Path(os.environ.get("SIGNON_SEED") or Path(__file__).resolve().parents[2] / "shared"
            / "examples" / "bialiatski-2011.txt")

ORG = "organizations"
IND = "individuals"

Row = tuple[int, str, str]


def found(text: str, language: str = "en") -> list[Row]:
    return [(c.value, c.qualifier, c.rule) for c in find_claims(text, language=language)]


# sentence -> every claim in it as (value, qualifier, rule); [] means no claim.
ENGLISH: list[tuple[str, list[Row]]] = [
    # --- the examples of the brief and the SPEC
    ("78 human rights organizations, members and partners", [(78, "exact", ORG)]),
    ("Five organizations and two individuals call on", [(5, "exact", ORG), (2, "exact", IND)]),
    ("We, 5 organizations, call on the authorities", [(5, "exact", ORG)]),
    ("More than 4 organizations", [(4, "more-than", ORG)]),
    ("Over 4 groups signed", [(4, "more-than", ORG)]),
    ("At least 5 NGOs", [(5, "at-least", ORG)]),
    ("We, the undersigned 120 organisations, urge", [(120, "exact", ORG)]),
    ("seventy-eight organizations", [(78, "exact", ORG)]),
    ("Seventy eight organizations", [(78, "exact", ORG)]),
    ("Seventy\u2013eight organizations", [(78, "exact", ORG)]),
    ("One hundred and twelve organizations", [(112, "exact", ORG)]),
    ("five groups", [(5, "exact", ORG)]),
    ("1 organization", [(1, "exact", ORG)]),
    ("1,200 organizations", [(1200, "exact", ORG)]),
    ("1 200 organizations", [(1200, "exact", ORG)]),
    ("1\u00a0200 organizations", [(1200, "exact", ORG)]),
    ("2011 organizations signed the appeal", [(2011, "exact", ORG)]),
    # --- nouns
    ("12 civil society groups", [(12, "exact", ORG)]),
    ("40 signatories", [(40, "exact", ORG)]),
    ("80 members and partners", [(80, "exact", ORG)]),
    ("3 coalitions", [(3, "exact", ORG)]),
    ("9 trade unions", [(9, "exact", ORG)]),
    ("6 associations", [(6, "exact", ORG)]),
    ("4 networks", [(4, "exact", ORG)]),
    ("7 academic institutions", [(7, "exact", ORG)]),
    ("78 member organizations", [(78, "exact", ORG)]),
    ("25 NGO members", [(25, "exact", ORG)]),
    ("45 national and international organizations", [(45, "exact", ORG)]),
    ("20 women's rights organisations", [(20, "exact", ORG)]),
    ("**78** human rights organizations", [(78, "exact", ORG)]),
    ("78 *Belarusian* organizations", [(78, "exact", ORG)]),
    ("30 human rights\norganizations", [(30, "exact", ORG)]),
    ("_78_ organizations", [(78, "exact", ORG)]),
    ("__78__ NGOs", [(78, "exact", ORG)]),
    ("id_78 organizations", []),
    ("The 78 signatory organizations call", [(78, "exact", ORG)]),
    ("a coalition of 78 organizations", [(78, "exact", ORG)]),
    ("This letter is signed by 45 organisations from 12 countries.", [(45, "exact", ORG)]),
    ("twenty one organizations", [(21, "exact", ORG)]),
    ("a hundred and twenty human rights groups", [(120, "exact", ORG)]),
    (
        "10 organizations, 5 networks and 3 individuals",
        [(10, "exact", ORG), (5, "exact", ORG), (3, "exact", IND)],
    ),
    # --- qualifiers
    ("nearly 80 organizations", [(80, "about", ORG)]),
    ("almost 80 organizations", [(80, "about", ORG)]),
    ("close to 80 groups", [(80, "about", ORG)]),
    ("about 80 NGOs", [(80, "about", ORG)]),
    ("around 80 NGOs", [(80, "about", ORG)]),
    ("some 80 organizations", [(80, "about", ORG)]),
    ("approximately 80 organizations", [(80, "about", ORG)]),
    ("roughly eighty organizations", [(80, "about", ORG)]),
    ("~80 organizations", [(80, "about", ORG)]),
    ("in excess of 70 organizations", [(70, "more-than", ORG)]),
    ("more than\n70 organizations", [(70, "more-than", ORG)]),
    ("no fewer than 70 organizations", [(70, "at-least", ORG)]),
    ("70 or more organizations", [(70, "at-least", ORG)]),
    ("70+ organizations", [(70, "at-least", ORG)]),
    ("fewer than 90 groups", [(90, "fewer-than", ORG)]),
    ("less than 90 groups", [(90, "fewer-than", ORG)]),
    ("under 90 groups", [(90, "fewer-than", ORG)]),
    ("up to 90 organizations", [(90, "at-most", ORG)]),
    ("at most 90 organizations", [(90, "at-most", ORG)]),
    ("no more than 90 organizations", [(90, "at-most", ORG)]),
    ("a dozen organizations", [(12, "about", ORG)]),
    ("at least a dozen organizations", [(12, "at-least", ORG)]),
    ("a hundred organizations", [(100, "exact", ORG)]),
    ("more than one organization", [(1, "more-than", ORG)]),
    # --- people: only in a signing context
    ("signed by 100 people", [(100, "exact", IND)]),
    ("100 individuals have signed this letter", [(100, "exact", IND)]),
    ("We, 40 individuals, call for", [(40, "exact", IND)]),
    (
        "The undersigned 45 organizations and 12 individuals",
        [(45, "exact", ORG), (12, "exact", IND)],
    ),
    ("45 organisations, 12 persons", [(45, "exact", ORG), (12, "exact", IND)]),
    ("30 people urge the government", [(30, "exact", IND)]),
    ("100 people were arrested", []),
    ("one organization and three individuals", [(3, "exact", IND)]),
    ("The letter was signed by 2,000 people.", [(2000, "exact", IND)]),
    ("at least 12 people were killed", []),
    ("The protest was supported by 100 people", []),
    ("100 people joined the protest", []),
    ("100 people stand trial", []),
    ("During the protests 100 people were detained.", []),
    ("Some 100 people attended the trial.", []),
    # --- not claims: years, dates, references
    ("in 2011 organizations", []),
    ("since 2010 organizations", []),
    ("4 August 2011 organizations", []),
    # a year after "Month day," is a date too (American order), not 2011 organizations
    ("On August 4, 2011 organizations wrote to the Council.", []),
    ("August 4, 2011 organizations wrote to the Council.", []),
    ("August the 2011 organizations wrote.", [(2011, "exact", ORG)]),  # no day between
    ("Together, more than 1200 organizations signed.", [(1200, "more-than", ORG)]),
    ("On 24 November 2011, the court", []),
    ("24 November", []),
    ("the 2019 NGO law", []),
    ("100 villages", []),
    ("12 towns", []),
    ("100 villages and organizations", []),
    ("Article 19", []),
    ("Article 19 organizations", []),
    ("article 42 of the Constitution", []),
    ("Resolution 1325 groups", []),
    ("No. 5 organizations", []),
    ("\u00a7 12 organizations", []),
    ("4,5 years imprisonment", []),
    ("1.5 organizations", []),
    ("three United Nations special rapporteurs", []),
    ("one of the founders", []),
    ("one organization in particular", []),
    ("One more action by the government against human rights defenders", []),
    ("19th organizations", []),
    ("the first organization", []),
    ("40% of organizations", []),
    ("40 % of organizations", []),
    ("$5 million for organizations", []),
    ("\u20ac5 organizations", []),
    ("+375 17 222 11 22 groups", []),
    ("the G7 groups", []),
    ("COVID-19 groups", []),
    ("see https://example.org/78/organizations now", []),
    ("[the letter](https://example.org/letters/78 organizations)", []),
    ("write to info78@example.org organizations", []),
    ("two of the organizations", []),
    ("5 of our member organizations", []),
    ("5 members of parliament", []),
    ("5 Members of the European Parliament", []),
    ("27 member states", []),
    ("1 member state", []),
    ("5 more organizations joined", []),
    ("12 new groups", []),
    ("78 other organizations", []),
    ("a 12-member coalition", []),
    ("five-year plan for organizations", []),
    ("70-80 organizations", []),
    ("between 70 and 80 organizations", []),
    ("12:30 groups", []),
    ("hundreds of organizations", []),
    ("dozens of groups", []),
    ("15 human rights defenders remain in detention", []),
    ("more than 270 NGOs have been forcibly liquidated", []),
    ("Over 270 organizations were closed down", []),
    ("the liquidation of over 270 organizations", []),
    ("Since 2021, more than 1,000 NGOs have been forcibly liquidated in Belarus.", []),
    ("On 4 August 2011, 5 organizations were raided.", []),
    ("the more than 270 organizations that have been liquidated", []),
    ("There are currently 1,500 political prisoners in Belarus.", []),
    ("In total, 35 human rights defenders have been detained.", []),
    ("The 47 member States of the Council of Europe", []),
    ("In 2000 organisations signed.", []),
    ("criminal cases against 5 NGOs", []),
    ("The authorities liquidated 270 NGOs", []),
    ("78 organizations. The court", [(78, "exact", ORG)]),
    ("78, organizations", []),
    ("78 (seventy-eight) organizations", []),
    ("78\n\norganizations", []),
    # --- placeholders are opaque
    ("{{ count }} organizations", []),
    ("{{ count | words }} organizations", []),
    ("More than {{ count }} organizations", []),
    ("78 {{ kind }} organizations", []),
    ("{% if x %}78{% endif %} organizations", []),
    ("{{ 78 }} organizations and {# 5 groups #}", []),
    # someone's own members, not the letter's signers
    ("ILGA, with its 1,700 member organisations, supports this letter", []),
    ("The network and its more than 300 member groups", []),
    ("Our 78 organizations call on you", [(78, "exact", ORG)]),
    # tests/corpus/en-owinfs-turnaround: the size of a network, not the letter's signers
    ("OWINFS is a global network of over 200 civil society organizations", []),
    ("This letter has 1821 signatures", [(1821, "exact", ORG)]),
    ("25 companies signed this letter", [(25, "exact", ORG)]),
    ("5 companies collect this data", []),
    ("A coalition of 78 organizations calls on you", [(78, "exact", ORG)]),
    # HTML character references in a Markdown body read as they render
    ("more than 70 organizations &amp; 5 groups", [(70, "more-than", ORG), (5, "exact", ORG)]),
]


@pytest.mark.parametrize(("sentence", "expected"), ENGLISH, ids=[s for s, _ in ENGLISH])
def test_find_claims_english(sentence: str, expected: list[Row]) -> None:
    assert found(sentence) == expected


OTHER: list[tuple[str, str, list[Row]]] = [
    ("fr", "80 organisations", [(80, "exact", ORG)]),
    ("fr", "Plus de 80 organisations", [(80, "more-than", ORG)]),
    ("fr", "Au moins 80 ONG", [(80, "at-least", ORG)]),
    ("fr", "près de 80 organisations non gouvernementales", [(80, "about", ORG)]),
    ("fr", "moins de 80 associations", [(80, "fewer-than", ORG)]),
    (
        "fr",
        "80 organisations et 12 personnes signataires",
        [(80, "exact", ORG), (12, "exact", IND)],
    ),
    ("fr", "le 24 novembre 2011", []),
    ("fr", "en 2011 organisations", []),
    ("es", "80 organizaciones", [(80, "exact", ORG)]),
    ("es", "Más de 80 organizaciones", [(80, "more-than", ORG)]),
    ("es", "al menos 80 ONG", [(80, "at-least", ORG)]),
    ("es", "casi 80 organizaciones", [(80, "about", ORG)]),
    ("de", "80 Organisationen", [(80, "exact", ORG)]),
    ("de", "Mehr als 80 Organisationen", [(80, "more-than", ORG)]),
    ("de", "mindestens 80 Menschenrechtsorganisationen", [(80, "at-least", ORG)]),
    ("de", "rund 1.200 zivilgesellschaftliche Gruppen", [(1200, "about", ORG)]),
    ("de", "seit 2011 Organisationen", []),
    (
        "de",
        "über 80 Organisationen und 5 Einzelpersonen",
        [(80, "more-than", ORG), (5, "exact", IND)],
    ),
    ("es", "80 organizaciones y 12 personas", [(80, "exact", ORG), (12, "exact", IND)]),
    ("pl", "80 organizacji i 12 osób", [(80, "exact", ORG), (12, "exact", IND)]),
    ("be", "80 арганізацый і 12 асоб", [(80, "exact", ORG), (12, "exact", IND)]),
    ("uk", "80 організацій та 12 осіб", [(80, "exact", ORG), (12, "exact", IND)]),
    ("ru", "80 членов парламента", []),
    ("ru", "24 ноября 2011 года", []),
    ("ru", "80 организаций", [(80, "exact", ORG)]),
    ("ru", "Более 80 правозащитных организаций", [(80, "more-than", ORG)]),
    ("ru", "не менее 80 организаций", [(80, "at-least", ORG)]),
    ("ru", "около 80 организаций", [(80, "about", ORG)]),
    ("ru", "не более 80 организаций", [(80, "at-most", ORG)]),
    ("ru", "Мы, 80 организаций и 5 человек", [(80, "exact", ORG), (5, "exact", IND)]),
    ("ru", "80 человек были задержаны", []),
    ("ru", "статья 80 организаций", []),
    ("uk", "80 організацій", [(80, "exact", ORG)]),
    ("uk", "Понад 80 організацій", [(80, "more-than", ORG)]),
    ("uk", "щонайменше 80 громадських організацій", [(80, "at-least", ORG)]),
    ("uk", "1 200 організацій", [(1200, "exact", ORG)]),
    ("pl", "80 organizacji", [(80, "exact", ORG)]),
    ("pl", "Ponad 80 organizacji pozarządowych", [(80, "more-than", ORG)]),
    ("pl", "co najmniej 80 organizacji", [(80, "at-least", ORG)]),
    ("pl", "w 2011 organizacji", []),
    ("be", "80 арганізацый", [(80, "exact", ORG)]),
    ("be", "больш за 80 праваабарончых арганізацый", [(80, "more-than", ORG)]),
    ("be", "каля 80 арганізацый", [(80, "about", ORG)]),
    ("be-tarask", "80 арганізацый", [(80, "exact", ORG)]),
    ("fr-CA", "plus de 80 organisations", [(80, "more-than", ORG)]),
    # An unknown language reads the nouns of every language it knows.
    ("nl", "80 organizaciones", [(80, "exact", ORG)]),
    ("nl", "plus de 70 organisations", [(70, "more-than", ORG)]),
    ("nl", "mindestens 80 Menschenrechtsorganisationen", [(80, "at-least", ORG)]),
    ("nl", "80 organizacji i 12 osób", [(80, "exact", ORG), (12, "exact", IND)]),
    ("nl", "Мы, 80 организаций и 5 человек", [(80, "exact", ORG), (5, "exact", IND)]),
    ("nl", "80 человек были задержаны", []),
    ("nl", "80 членов парламента", []),
    ("nl", "24 ноября 2011 года", []),
    ("nl", "seit 2011 Organisationen", []),
    ("nl", "w 2011 organizacji", []),
    ("nl", "80 of the organizations", []),  # blockers of every language
    # ... except a conjunction of one language ("i" in Polish) that blocks in another
    ("nl", "80 polskich i ukraińskich organizacji", [(80, "exact", ORG)]),
    ("nl", "80 der Organisationen", []),
    ("nl", "80 old civil society organizations", [(80, "exact", ORG)]),
    ("nl", "80 large old civil society organizations", []),  # at most three words between
    ("en", "80 организаций", []),
    # tests/corpus/pt-mst-*: Portuguese
    ("pt", "Mais de 480 personalidades assinam manifesto contra golpe",
     [(480, "more-than", IND)]),
    ("pt", "firmados pelas 50 organizações presentes no evento", [(50, "exact", ORG)]),
    ("pt", "a carta assinada por mais de 60 entidades", [(60, "more-than", ORG)]),
    ("pt", "aprovado por 320 votos", []),
    ("pt", "firmados pelas 50 organiza&ccedil;&otilde;es presentes", [(50, "exact", ORG)]),
    ("es", "OWINFS es una red de más de 200 organizaciones", []),
    ("es", "OWINFS es una red mundial de más de 200 organizaciones", []),
    ("pt", "em 12 de maio de 2015", []),
    # Italian
    ("it", "Oltre 30 associazioni hanno firmato", [(30, "more-than", ORG)]),
    ("it", "80 persone sono state arrestate", []),
    ("fr", "Plus de 300 signatures", [(300, "more-than", ORG)]),
    # numbers in words, read by text2num (tests/corpus/de-ffii-nl-firmen's first sentence)
    ("de", "Fünfundzwanzig niederländische Firmen sprechen sich in einer Erklärung aus",
     [(25, "exact", ORG)]),
    ("fr", "Nous, soixante-dix-huit organisations, demandons", [(78, "exact", ORG)]),
    ("fr", "plus de soixante organisations", [(60, "more-than", ORG)]),
    ("pt", "vinte e cinco entidades assinam", [(25, "exact", ORG)]),
    ("es", "setenta y ocho organizaciones", [(78, "exact", ORG)]),
    ("it", "settantotto associazioni", [(78, "exact", ORG)]),
    ("fr", "une organisation a signé", []),  # "une" is an article far more often
    # companies, like people, only beside signing
    ("fr", "Plus de 10.000 entreprises utilisent déjà les services de Bobex", []),
    ("fr", "Les 10 entreprises signataires", [(10, "exact", ORG)]),
    ("de", "über 300 Unterschriften", [(300, "more-than", ORG)]),
    # tests/corpus/fr-ffii-betic-entreprises: a signer's profile after the list
    ("fr", "Avec ses 120.000 membres et une moyenne de 300.000 visiteurs", []),
    ("de", "mit ihren 40 Mitgliedsorganisationen", []),
]


@pytest.mark.parametrize(
    ("language", "sentence", "expected"), OTHER, ids=[f"{lg}:{s}" for lg, s, _ in OTHER]
)
def test_find_claims_other_languages(language: str, sentence: str, expected: list[Row]) -> None:
    assert found(sentence, language) == expected


def test_text_is_the_phrase_as_written() -> None:
    claims = find_claims("We, the undersigned More than  4 human rights organizations, call")
    assert [c.text for c in claims] == ["More than  4 human rights organizations"]
    claims = find_claims("Five organizations and two individuals")
    assert [c.text for c in claims] == ["Five organizations", "two individuals"]
    assert [c.text for c in find_claims("70+ groups")] == ["70+ groups"]


def test_default_rule_is_passed_through_but_not_to_people() -> None:
    claims = find_claims("5 organizations and 2 individuals", default_rule="entries")
    assert [c.rule for c in claims] == ["entries", "individuals"]


def test_claims_are_frozen() -> None:
    claim = find_claims("5 organizations")[0]
    with pytest.raises(AttributeError):
        claim.value = 6  # type: ignore[misc]


# --------------------------------------------------------------- positions

BODY = (
    "Dear Minister,\n"
    "\n"
    "We, {{ count }} organizations and more than 70 groups,\n"
    "write — {{ title }} — as {{ count | words }} NGOs; 12 individuals signed.\n"
    "\tOver  4 groups\n"
    "é and ñ then 33 NGOs\n"
)


def test_line_and_column_in_the_original_text() -> None:
    claims = find_claims(BODY)
    assert [(c.text, c.line, c.column) for c in claims] == [
        ("more than 70 groups", 3, 35),
        ("12 individuals", 4, 52),
        ("Over  4 groups", 5, 2),
        ("33 NGOs", 6, 14),
    ]
    lines = BODY.split("\n")
    for c in claims:
        assert lines[c.line - 1][c.column - 1 :].startswith(c.text)


def test_first_line_offsets_line_numbers() -> None:
    claims = find_claims(BODY, first_line=10)
    assert [c.line for c in claims] == [12, 13, 14, 15]
    assert [c.column for c in claims] == [35, 52, 2, 14]


def test_positions_survive_nfc_normalization() -> None:
    # Decomposed text (as some editors save it) is matched after NFC, but the
    # line, column and text are those of the file.
    body = unicodedata.normalize("NFD", "Café été\nnaïve 12 organisations réunies")
    assert body != unicodedata.normalize("NFC", body)
    claims = find_claims(body, language="fr")
    assert len(claims) == 1
    c = claims[0]
    assert (c.value, c.line) == (12, 2)
    assert body.split("\n")[1][c.column - 1 :].startswith(c.text)
    decomposed = unicodedata.normalize("NFD", "80 організацій")
    claims = find_claims("Ой,\n" + decomposed, language="uk")
    assert [(c.value, c.line, c.column, c.text) for c in claims] == [(80, 2, 1, decomposed)]


def test_windows_line_endings() -> None:
    claims = find_claims("Hello\r\n\r\nWe, 5 organizations\r\n")
    assert [(c.line, c.column) for c in claims] == [(3, 5)]


# --------------------------------------------------------------- claim_holds


@pytest.mark.parametrize(
    ("qualifier", "value", "counted", "holds"),
    [
        ("exact", 78, 78, True),
        ("exact", 78, 80, False),
        ("exact", 78, 77, False),
        ("more-than", 70, 80, True),
        ("more-than", 70, 71, True),
        ("more-than", 70, 70, False),
        ("more-than", 70, 60, False),
        ("at-least", 70, 70, True),
        ("at-least", 70, 71, True),
        ("at-least", 70, 69, False),
        ("about", 80, 80, True),
        ("about", 80, 73, True),
        ("about", 80, 72, True),
        ("about", 80, 88, True),
        ("about", 80, 71, False),
        ("about", 80, 89, False),
        ("about", 0, 0, True),
        ("about", 0, 1, False),
        ("about", 5, 5, True),
        ("about", 5, 6, False),
        ("fewer-than", 90, 89, True),
        ("fewer-than", 90, 90, False),
        ("at-most", 90, 90, True),
        ("at-most", 90, 91, False),
    ],
)
def test_claim_holds(qualifier: str, value: int, counted: int, holds: bool) -> None:
    assert claim_holds(qualifier, value, counted) is holds


def test_claim_holds_unknown_qualifier() -> None:
    with pytest.raises(ValueError) as info:
        claim_holds("roughly", 5, 5)
    assert str(info.value) == (
        "unknown claim qualifier 'roughly'; expected one of "
        "('exact', 'more-than', 'at-least', 'about', 'fewer-than', 'at-most')")


def test_every_qualifier_found_is_known() -> None:
    text = " ".join(s for s, _ in ENGLISH)
    assert {c.qualifier for c in find_claims(text)} <= set(QUALIFIERS)
    assert set(QUALIFIERS) == {"exact", "more-than", "at-least", "about", "fewer-than", "at-most"}


# --------------------------------------------------------------- front matter


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (78, (78, "exact", ORG, "78")),
        (0, (0, "exact", ORG, "0")),
        ("78", (78, "exact", ORG, "78")),
        (" 78 ", (78, "exact", ORG, "78")),
        ("1,200", (1200, "exact", ORG, "1,200")),
        ("more than 70", (70, "more-than", ORG, "more than 70")),
        ("More than 70 organizations", (70, "more-than", ORG, "More than 70 organizations")),
        ("nearly 80", (80, "about", ORG, "nearly 80")),
        ("~80", (80, "about", ORG, "~80")),
        ("at least seventy groups", (70, "at-least", ORG, "at least seventy groups")),
        ("seventy-eight", (78, "exact", ORG, "seventy-eight")),
        ("one", (1, "exact", ORG, "one")),
        ("70+", (70, "at-least", ORG, "70+")),
        ("70 or more", (70, "at-least", ORG, "70 or more")),
        ("up to 90", (90, "at-most", ORG, "up to 90")),
        ("12 individuals", (12, "exact", IND, "12 individuals")),
        ("a dozen", (12, "about", ORG, "a dozen")),
        ("over 70 organisations.", (70, "more-than", ORG, "over 70 organisations.")),
    ],
)
def test_claim_from_value(value: int | str, expected: tuple[int, str, str, str]) -> None:
    claim = claim_from_value(value, line=4, column=9)
    assert (claim.value, claim.qualifier, claim.rule, claim.text) == expected
    assert (claim.line, claim.column) == (4, 9)


def test_claim_from_value_in_the_letter_language() -> None:
    claim = claim_from_value("plus de 70", language="fr", default_rule="entries")
    assert claim == Claim("plus de 70", 70, "more-than", "entries", 1, 1)
    claim = claim_from_value("более 70 человек", language="ru")
    assert (claim.value, claim.qualifier, claim.rule) == (70, "more-than", IND)


@pytest.mark.parametrize(
    "value",
    ["lots", "", "more than", "78 villages", "4,5", "-3", "78 organizations and 5 individuals"],
)
def test_claim_from_value_refuses_strings(value: str) -> None:
    with pytest.raises(WorkspaceFileError) as info:
        claim_from_value(value)
    assert repr(value) in str(info.value)
    assert "more than 70" in str(info.value)


@pytest.mark.parametrize("value", [True, -3, 3.5, None, [78]])
def test_claim_from_value_refuses_other_types(value: object) -> None:
    with pytest.raises(WorkspaceFileError) as info:
        claim_from_value(value)  # type: ignore[arg-type]
    assert str(info.value) == bad_claim_message(value)


def bad_claim_message(value: object) -> str:
    return (f"the front-matter claim {value!r} is not a count of signatories; write a number "
            'such as 78 or a phrase such as "more than 70" or "nearly 80 organizations".')


@pytest.mark.parametrize("value", ["lots", "more than", "78 villages"])
def test_claim_from_value_refusal_in_full(value: str) -> None:
    with pytest.raises(WorkspaceFileError) as info:
        claim_from_value(value)
    assert str(info.value) == bad_claim_message(value)


def test_claim_from_value_reads_digits_as_english_does() -> None:
    # "1.200" is a decimal in English and 1200 in French; "2 million" scales only in English.
    with pytest.raises(WorkspaceFileError):
        claim_from_value("1.200")
    assert claim_from_value("1.200", language="fr").value == 1200
    assert claim_from_value("2 million").value == 2_000_000
    assert claim_from_value("1 organization").value == 1


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("70 ou plus", (70, "at-least", ORG)),  # the letter's language
        ("70 or more", (70, "at-least", ORG)),  # English as the fallback
        ("70 organizations", (70, "exact", ORG)),
        ("1 organization", (1, "exact", ORG)),
        ("12 individuals", (12, "exact", IND)),
    ],
)
def test_claim_from_value_in_french_falls_back_to_english(
        value: str, expected: tuple[int, str, str]) -> None:
    claim = claim_from_value(value, language="fr")
    assert (claim.value, claim.qualifier, claim.rule) == expected


# --------------------------------------------------------------- round trips


@given(st.integers(min_value=2, max_value=999_999))
@settings(max_examples=200, deadline=None)
def test_number_words_in_a_sentence_are_read_back(n: int) -> None:
    words = to_words(n, "en")
    for sentence in (f"{words} organizations", f"We, {words.capitalize()} groups, call"):
        claims = find_claims(sentence)
        assert [(c.value, c.qualifier) for c in claims] == [(n, "exact")], sentence


@given(st.integers(min_value=2, max_value=10**7))
@settings(max_examples=200, deadline=None)
def test_digits_in_a_sentence_are_read_back(n: int) -> None:
    for digits in (str(n), f"{n:,}"):
        claims = find_claims(f"Today more than {digits} human rights organizations call on")
        assert [(c.value, c.qualifier) for c in claims] == [(n, "more-than")]


# --------------------------------------------------------------- the seed letter


def _seed() -> str:
    if not SEED.exists():
        pytest.skip("the seed letter is not available (set SIGNON_SEED to its path)")
    return SEED.read_text(encoding="utf-8")


def test_seed_letter_has_exactly_one_claim() -> None:
    text = _seed()
    body = text[: text.index("Belarusian Human Rights House in exile")]
    first, rest = body.split("\n\n", 1)[1].split("\n\n", 1)
    claims = find_claims(first)
    assert [(c.text, c.value, c.qualifier, c.rule) for c in claims] == [
        ("78 human rights organizations", 78, "exact", ORG)
    ]
    assert find_claims(rest) == []
    whole = find_claims(body)
    assert [(c.value, c.line, c.column) for c in whole] == [(78, 3, 1)]


def test_seed_letter_in_full_only_claims_78() -> None:
    claims = find_claims(_seed())
    assert [(c.value, c.line) for c in claims] == [(78, 3)]


# Speed and linear scaling are measured by bench/bench_claims.py, not by timed tests.


# --------------------------------------------------------------- robustness

_PIECES = st.sampled_from(
    [
        " ",
        "\n",
        "\n\n",
        ", ",
        ". ",
        "78",
        "1,200",
        "2011",
        "seventy-eight",
        "One hundred and",
        "more than",
        "nearly",
        "organizations",
        "NGOs",
        "individuals",
        "people",
        "human rights",
        "of",
        "and",
        "{{ count }}",
        "{%",
        "%}",
        "https://x.org/5",
        "Article",
        "e\u0301",
        "\u0438\u0306",
        "**",
        "~",
        "+",
        "-",
    ]
)


@given(st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=40))
@settings(max_examples=300, deadline=None)
def test_positions_always_point_at_the_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    lines = text.split("\n")
    for language in ("en", "uk"):
        for claim in find_claims(text, language=language, first_line=3):
            assert claim.qualifier in QUALIFIERS
            line = lines[claim.line - 3]
            assert line[claim.column - 1 :].startswith(claim.text.split("\n")[0])
            assert claim.text in text


_LOADED = (
    "import sys\n"
    "from signon.claims import find_claims\n"
    "found = find_claims(sys.argv[1], language=sys.argv[2])\n"
    "print([(c.value, c.qualifier, c.rule, c.line, c.column) for c in found])\n"
    "print(sorted(m for m in sys.modules if m.startswith(('signon.claim_scan',"
    " 'signon.claim_words'))))\n"
)


def _claims_in_process(text: str, language: str, cache: Path | None) -> tuple[str, str]:
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "SIGNON_NO_CACHE"}
    if cache is None:
        env["SIGNON_NO_CACHE"] = "1"
    else:
        env["SIGNON_CACHE_DIR"] = str(cache)
    proc = subprocess.run([sys.executable, "-c", _LOADED, text, language], env=env,
                          capture_output=True, text=True, check=True)
    claims, modules = proc.stdout.splitlines()
    return claims, modules


def test_a_language_is_loaded_when_a_text_in_it_is_scanned() -> None:
    claims, modules = _claims_in_process("Plus de 50 ONG ont signé.", "fr", None)
    assert claims == "[(50, 'more-than', 'organizations', 1, 1)]"
    assert modules == ("['signon.claim_scan', 'signon.claim_words', 'signon.claim_words.en', "
                       "'signon.claim_words.fr']")
    # A language without its own vocabulary still reads every language's.
    claims, modules = _claims_in_process("Plus de 50 ONG ont signé.", "xx", None)
    assert claims == "[(50, 'more-than', 'organizations', 1, 1)]"
    assert modules.count("signon.claim_words.") == 10


def test_cached_claims_need_no_scanner(tmp_path: Path) -> None:
    text = "More than 70 organizations and 12 individuals have signed."
    first = _claims_in_process(text, "en", tmp_path)
    again = _claims_in_process(text, "en", tmp_path)
    assert first[0] == again[0] == str([(70, "more-than", ORG, 1, 1), (12, "exact", IND, 1, 32)])
    assert "signon.claim_scan" in first[1]
    assert again[1] == "[]"
