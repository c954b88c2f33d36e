"""Text rules: the comparison form (fold), input validation, slugs, mixed scripts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from signon import text
from signon.errors import RefusedInput
from signon.text import (
    check_id,
    fold,
    mixed_script_words,
    nfc,
    printable,
    scripts,
    slugify,
    validate,
)

# ---------------------------------------------------------------- fold


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Alpha Rights", "ALPHA  rights"),                   # case, repeated spaces
        ("Alpha Rights", "Alpha\u00a0Rights"),               # no-break space
        ("Alpha Rights", "Alpha\u202fRights"),               # narrow no-break space
        ("Alpha Rights", "Al\u200bpha Rights"),              # zero-width space
        ("Alpha Rights", "Alpha\u2060 Rights\ufeff "),       # word joiner, BOM, trailing space
        ("Alpha Rights", "Al\u00adpha Rights"),              # soft hyphen
        ("Alpha Rights", "\uff21\uff4c\uff50\uff48\uff41 Rights"),  # full-width (NFKC)
        ("Alpha Rights", "  Alpha Rights  "),
        ("Alpha Rights", "Alpha-Rights"),                    # punctuation separates words
        ("Alpha Rights", "«Alpha Rights»"),
        ("Alpha Rights", "\u201cAlpha Rights\u201d"),        # curly double quotes
        ("Alpha Rights", '"Alpha Rights"'),                  # straight double quotes
        ("Alpha Rights", "Alpha — Rights."),
        ("Women's Rights", "Women\u2019s Rights"),           # straight vs curly apostrophe
        ("Women's Rights", "Womens Rights"),                 # apostrophes join the word
        ("Обʼєднання", "Об'єднання"),                        # Ukrainian apostrophe U+02BC
        ("Fundación Ñandú", "Fundacio\u0301n N\u0303andu\u0301"),  # NFD vs NFC
        ("Straße", "STRASSE"),                               # casefold, not lower
        ("ﬁnance", "finance"),                               # ligature (NFKC)
        ("Helsińska Fundacja", "HELSIŃSKA FUNDACJA"),
        ("Bakı İnsan Hüquqları Evi", "BAKI İNSAN HÜQUQLARI EVİ"),  # Turkic i/ı capitals
        ("İstanbul", "Istanbul"),
    ],
)
def test_fold_equal(a: str, b: str) -> None:
    assert fold(a) == fold(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Alpha Rights", "Alpha Right"),
        ("Helsińska", "Helsinska"),          # accents are kept: a different spelling
        ("Łódź", "Lodz"),
        ("B.a.B.e.", "BaBe"),                # dots separate letters
        ("नमस्ते", "नमस त"),                   # Devanagari vowel signs are not punctuation
        ("Centre 1", "Centre 2"),
    ],
)
def test_fold_different(a: str, b: str) -> None:
    assert fold(a) != fold(b)


def test_fold_forms() -> None:
    assert fold("  «Alpha—Rights»  ") == "alpha rights"
    assert fold("Women\u2019s  Rights") == "womens rights"
    assert fold("x_y") == "x y"
    assert fold("!!!") == ""
    assert fold("") == ""
    assert fold("\u200b") == ""
    assert fold("مُحَمَّد") == "مُحَمَّد"                 # harakat (combining marks) kept
    assert fold("Östgruppen") == "östgruppen"


# ---------------------------------------------------------------- nfc / validate


def test_nfc_stores_as_typed_in_nfc() -> None:
    assert nfc("  Fundacio\u0301n  ") == "Fundación"
    assert nfc("\u200bAlpha\u200b \u00a0") == "Alpha"
    assert nfc("ALPHA  rights") == "ALPHA  rights"  # inner spacing and case are the user's


def test_validate_returns_storage_form() -> None:
    assert validate("name", " Ny\u0301 Org ") == "Ný Org"
    assert validate("notes", "line 1\r\nline 2\n\tindented", multiline=True) == (
        "line 1\nline 2\n\tindented"
    )
    assert validate("country", "") == ""


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "Bad\x0bName",
         "name: position 4 holds the control character U+000B; retype the value without it"),
        ("name", "Bad\nName",
         "name: position 4 holds the control character U+000A; retype the value without it "
         "(only notes may span several lines)"),
        ("name", "Tab\there",
         "name: position 4 holds the control character U+0009; retype the value without it"),
        ("name", "A\x7f",
         "name: position 2 holds the control character U+007F; retype the value without it"),
        ("name", "A\x85B",
         "name: position 2 holds the control character U+0085; retype the value without it "
         "(only notes may span several lines)"),
        ("name", "Line\u2028Sep",
         "name: position 5 holds the line separator U+2028; retype the value without it "
         "(only notes may span several lines)"),
        ("notes", "ok\x00", "notes: position 3 holds the control character U+0000; "
         "retype the value without it"),
        ("name", "Evil \u202eOrg",
         "name: position 6 holds the invisible bidi control U+202E, which can make text display "
         "as something it is not; retype the value without it"),
        ("alias[2]", "x\u2066y",
         "alias[2]: position 2 holds the invisible bidi control U+2066, which can make text "
         "display as something it is not; retype the value without it"),
        ("name", "\u200fRTL mark",
         "name: position 1 holds the invisible bidi control U+200F, which can make text display "
         "as something it is not; retype the value without it"),
        ("name", "Bad\udcffBytes",
         "name: position 4 holds bytes that are not valid UTF-8; retype the value or save its "
         "source as UTF-8"),
        ("name", "x" * 301,
         "name: 301 characters is longer than the 300 allowed; shorten it (put longer remarks "
         "in notes)"),
        ("country", "y" * 101,
         "country: 101 characters is longer than the 100 allowed; shorten it (put longer "
         "remarks in notes)"),
        ("name", "   ", "name: must not be empty; give the organization's name"),
        ("alias[1]", "", "alias[1]: must not be empty; give the organization's name"),
        ("name", "!!! ???",
         "name: '!!! ???' holds no letter or digit; give the organization's name"),
    ],
)
def test_validate_refuses(field: str, value: str, message: str) -> None:
    multiline = field == "notes"
    with pytest.raises(RefusedInput) as err:
        validate(field, value, multiline=multiline)
    assert str(err.value) == message
    assert err.value.exit_code == 3


def test_validate_lengths_at_the_limit() -> None:
    assert validate("name", "x" * 300) == "x" * 300
    assert validate("notes", "n" * 5000, multiline=True) == "n" * 5000
    with pytest.raises(RefusedInput):
        validate("notes", "n" * 5001, multiline=True)


def test_validate_allows_real_names() -> None:
    for name in ["Правозащитный центр «Мемориал»", "مركز البحرين لحقوق الإنسان",
                 "Helsińska Fundacja Praw Człowieka", "Östgruppen för demokrati",
                 "東京人権センター", "Zentrum für Menschenrechte 😀", "O'Brien & Partners",
                 'Ассоциация "Права"', "Women\u2019s Centre\u00a0(Tbilisi)", "עמותת זכויות"]:
        assert validate("name", name) == name


# ---------------------------------------------------------------- slugify / ids


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Alpha Rights", "alpha-rights"),
        ("Правозащитный центр «Мемориал»", "pravozashchitnyy-tsentr-memorial"),
        ("Беларускі ПЕН-цэнтр", "belaruski-pen-tsentr"),
        ("Helsińska Fundacja Praw Człowieka", "helsinska-fundacja-praw-czlowieka"),
        ("Łódź ŻÓŁĆ", "lodz-zolc"),
        ("Östgruppen för demokrati", "ostgruppen-for-demokrati"),
        ("Föreningen Åland", "foreningen-aland"),
        ("مركز البحرين لحقوق الإنسان", "mrkz-lbhryn-lhqwq-l-nsn"),
        ("Ελληνική Ένωση", "elliniki-enosi"),
        ("Straße", "strasse"),
        ("  --Alpha--  ", "alpha"),
        ("!!!", "org"),
        ("", "org"),
    ],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug
    assert check_id(slug) == slug


def test_slugify_cuts_long_names_at_a_word() -> None:
    slug = slugify("International Federation for the Protection of Human Rights Defenders")
    assert slug == "international-federation-for-the-protection-of"
    assert len(slug) <= 48
    assert slugify("x" * 100) == "x" * 48


@pytest.mark.parametrize("bad", ["", "Alpha", "a b", "-a", "a-", "ä", "a/b", "a" * 81, ".."])
def test_check_id_refuses(bad: str) -> None:
    with pytest.raises(RefusedInput) as err:
        check_id(bad)
    assert str(err.value) == (
        f"id {bad!r} is not a valid id; use lower-case letters, digits, '-', '.' or '_' "
        "(at most 80 characters, starting and ending with a letter or digit)"
    )


@pytest.mark.parametrize("good", ["a", "a1", "alpha-rights", "org.2", "x_y", "a" * 80])
def test_check_id_accepts(good: str) -> None:
    assert check_id(good) == good


# ---------------------------------------------------------------- scripts


def test_scripts() -> None:
    assert scripts("Alpha Rights 2") == {"Latin"}
    assert scripts("Centre СІМ") == {"Latin", "Cyrillic"}
    assert scripts("ひらがなカタカナ漢字") == {"Hiragana", "Katakana", "Han"}
    assert scripts("Обʼєднання") == {"Cyrillic"}   # the modifier apostrophe has no script
    assert scripts("123 !") == set()


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        ("Alpha Rights", []),
        ("\u0410lpha Rights", ["\u0410lpha"]),           # Cyrillic А in a Latin word
        ("Human Rights C\u0435ntre", ["C\u0435ntre"]),    # Cyrillic е
        ("Mixed\u03c9ord", ["Mixed\u03c9ord"]),          # Greek ω
        ("Centre СІМ", []),                              # two honest words
        ("Правозащитный центр «Мемориал»", []),
        ("Обʼєднання", []),                              # Ukrainian apostrophe
        ("東京ひらがなカタカナ", []),                       # Japanese mixes scripts by design
        ("한국漢字", []),                                  # Korean hangul and hanja
        ("مركز البحرين", []),
        ("Org 2024", []),
        ("ＡＢＣ Centre", []),                            # full-width Latin is Latin
    ],
)
def test_mixed_script_words(text: str, bad: list[str]) -> None:
    assert mixed_script_words(text) == bad


# ---------------------------------------------------------------- printable


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Alpha Rights", "Alpha Rights"),
        ("Östgruppen 😀 عربي", "Östgruppen 😀 عربي"),
        ("\x1b[31mRed\x07", "\\x1b[31mRed\\x07"),          # an escape sequence is not obeyed
        ("evil \u202egro", "evil \\u202egro"),               # nor a right-to-left override
        ("a\nb\tc", "a\\nb\\tc"),
        ("line\u2028sep", "line\\u2028sep"),
        ("[bold]x[/]", "[bold]x[/]"),                        # markup is plain text anyway
    ],
)
def test_printable(text: str, shown: str) -> None:
    assert printable(text) == shown


def test_printable_multiline_keeps_newlines_and_tabs() -> None:
    assert printable("a\nb\tc\x1b", multiline=True) == "a\nb\tc\\x1b"


def test_the_fast_unsafe_pattern_matches_the_character_categories() -> None:
    # printable()'s regular expression must escape exactly what its definition says.
    import unicodedata

    from signon.text import _BIDI_CONTROLS, _UNSAFE, is_noncharacter

    for code in range(0x110000):
        ch = chr(code)
        expected = (ch in _BIDI_CONTROLS or is_noncharacter(code)
                    or unicodedata.category(ch) in ("Cc", "Zl", "Zp"))
        assert bool(_UNSAFE.search(ch)) == expected, hex(code)


_BLOCK_LETTERS = st.characters(
    categories=("Lu", "Ll", "Lt", "Lm", "Lo"),
).filter(lambda ch: any(low <= ord(ch) <= high for low, high, _ in text._ONE_SCRIPT_BLOCKS)
         or ord(ch) < 0x3000)


@given(st.text(_BLOCK_LETTERS, min_size=1, max_size=6))
@settings(max_examples=500)
def test_the_block_shortcut_agrees_with_icu(word: str) -> None:
    # The shortcut may only skip words that ICU also finds in one script.
    if text._ONE_SCRIPT_TEXT.fullmatch(word):
        assert len(text.scripts(word)) <= 1, word


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
       | st.text(alphabet="AbΩωЖж½µ_1 'ąЀ\u0301ءאx-", max_size=20))
def test_the_one_script_fast_path_agrees_with_the_word_by_word_look(value: str) -> None:
    from signon.text import _ONE_SCRIPT_TEXT, _WORD, scripts

    if _ONE_SCRIPT_TEXT.fullmatch(value):  # then no word mixes scripts, as ICU sees them
        assert all(len(scripts(word)) <= 1 for word in _WORD.findall(value))
        assert text.mixed_script_words(value) == []


@given(st.text(max_size=30))
def test_has_controls_ignores_only_tab_and_newline(value: str) -> None:
    flat = value.replace("\n", "").replace("\t", "")
    assert text.has_controls(value) == (text.printable(flat) != flat)


def test_has_controls_fast_path_is_exact() -> None:
    # has_controls trusts str.isprintable first: every character it finds must be one
    # that isprintable refuses, or the fast path would miss it.
    from signon.text import _UNSAFE_IN_TEXT

    missed = [hex(c) for c in range(0x110000)
              if not 0xD800 <= c <= 0xDFFF and chr(c).isprintable()
              and _UNSAFE_IN_TEXT.match(chr(c))]
    assert missed == []
