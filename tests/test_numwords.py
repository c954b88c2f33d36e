from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from signon.errors import RefusedInput
from signon.numwords import (
    parse_number_prefix,
    parse_number_words,
    supported_languages,
    to_words,
    tokenize_number_words,
)


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("zero", 0),
        ("five", 5),
        ("Five", 5),
        ("FIVE", 5),
        ("twelve", 12),
        ("seventy", 70),
        ("seventy-eight", 78),
        ("seventy eight", 78),
        ("Seventy Eight", 78),
        ("seventy\u2013eight", 78),  # en dash
        ("seventy\u2011eight", 78),  # non-breaking hyphen
        ("one hundred", 100),
        ("a hundred", 100),
        ("one hundred and twelve", 112),
        ("One hundred twelve", 112),
        ("one-hundred and five", 105),
        ("twelve hundred", 1200),
        ("a thousand", 1000),
        ("one thousand and one", 1001),
        ("two thousand three hundred", 2300),
        ("two thousand, three hundred", 2300),
        ("one thousand, two hundred and thirty-four", 1234),
        ("one hundred thousand and five", 100005),
        ("nine hundred and ninety-nine thousand, nine hundred and ninety-nine", 999999),
        ("one million two thousand and five", 1002005),
        ("a dozen", 12),
        ("two dozen", 24),
    ],
)
def test_parse_number_words(words: str, value: int) -> None:
    assert parse_number_words(words) == value


@pytest.mark.parametrize(
    "words",
    [
        "",
        "and",
        "hundred",
        "thousand",
        "five six",
        "and five",
        "one thousand and",
        "5 hundred",
        "seventy-eight organizations",
        "first",
        "hundreds",
        "a",
        "thousand thousand",
        "one million one million",
    ],
)
def test_parse_number_words_refuses(words: str) -> None:
    with pytest.raises(ValueError):
        parse_number_words(words)


def test_parse_number_words_takes_tokens() -> None:
    assert parse_number_words(["seventy", "eight"]) == 78


def test_parse_number_prefix_stops_before_trailing_words() -> None:
    assert parse_number_prefix(tokenize_number_words("five and")) == (5, 1)
    assert parse_number_prefix(["one", "thousand", ",", "organizations"]) == (1000, 2)
    assert parse_number_prefix(["five", "six"]) == (5, 1)
    assert parse_number_prefix(["organizations"]) is None
    assert parse_number_prefix([]) is None


def test_scales_must_descend() -> None:
    # "one thousand one million" is two numbers, not 1,001,000,000.
    assert parse_number_prefix(["one", "thousand", "one", "million"]) == (1001, 3)


@given(st.integers(min_value=0, max_value=999_999))
@settings(max_examples=300, deadline=None)
def test_to_words_round_trip_english(n: int) -> None:
    assert parse_number_words(to_words(n, "en")) == n


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "seventy-eight"),
        ("EN", "seventy-eight"),
        ("en-GB", "seventy-eight"),
        ("en_US", "seventy-eight"),
        ("fr", "soixante-dix-huit"),
        ("fr-CA", "soixante-dix-huit"),
        ("es", "setenta y ocho"),
        ("de", "achtundsiebzig"),
        ("ru", "семьдесят восемь"),
        ("uk", "сімдесят вісім"),
        ("pl", "siedemdziesiąt osiem"),
        ("be", "семдзесят восем"),  # num2words knows Belarusian
        ("pt-BR", "setenta e oito"),
        ("pt_BR", "setenta e oito"),
        ("pt", "setenta e oito"),
    ],
)
def test_to_words(language: str, words: str) -> None:
    assert to_words(78, language) == words


def test_to_words_prefers_the_regional_variant() -> None:
    # en_IN writes lakhs; the base language would write "two hundred thousand".
    assert to_words(200_000, "en-IN") != to_words(200_000, "en")
    assert to_words(200_000, "en-IN") == to_words(200_000, "en_IN")


@pytest.mark.parametrize("language", ["xx", "", "klingon", "zz-ZZ"])
def test_to_words_unknown_language_is_refused(language: str) -> None:
    with pytest.raises(RefusedInput) as info:
        to_words(5, language)
    message = str(info.value)
    assert repr(language) in message
    assert "digits" in message
    assert "en" in message
    assert "\n" not in message
    assert info.value.exit_code == 3


def test_supported_languages() -> None:
    languages = supported_languages()
    assert {"en", "fr", "es", "de", "ru", "uk", "pl", "be"} <= set(languages)
    assert languages == sorted(languages)


def test_importing_numwords_does_not_load_num2words() -> None:
    import subprocess
    import sys

    code = "import sys, signon.numwords; print('num2words' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@given(st.one_of(st.integers(min_value=0, max_value=100_000),
                 st.integers(min_value=0, max_value=10**15 - 1)))
@settings(max_examples=3000)
def test_english_words_match_num2words(n: int) -> None:
    # English is written without loading num2words (which imports every language);
    # the output must be the library's, word for word.
    from num2words import num2words

    from signon.numwords import english_words

    assert english_words(n) == num2words(n, lang="en")


@pytest.mark.parametrize("n", [0, 1, 100, 101, 1000, 1001, 1100, 1234, 101000, 1000100,
                               2000050, 1005000, 5005005, 10**12 + 5, 10**15 - 1])
def test_english_words_on_the_edges(n: int) -> None:
    from num2words import num2words

    from signon.numwords import english_words

    assert english_words(n) == num2words(n, lang="en")
