"""Country names: one source (ICU's CLDR), the same country whatever language names it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from signon.identity.rules import countries_clash, country_key
from signon.importers.countries import canonical_country, country_names, is_city, is_country

ROOT = Path(__file__).resolve().parents[2]


def test_generated_names_are_what_the_script_makes_from_the_pinned_icu() -> None:
    spec = importlib.util.spec_from_file_location("build_countries",
                                                  ROOT / "scripts/build_countries.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    on_disk = (ROOT / "src/signon/importers/countries_data.py").read_text(encoding="utf-8")
    assert on_disk == script.render(), "rerun scripts/build_countries.py"


@pytest.mark.parametrize("name", [
    "Poland", "Polska", "Польша", "Pologne", "Polen", "Norway", "Norge", "Sweden", "Sverige",
    "Belarus", "Беларусь", "Білорусь", "Côte d’Ivoire", "Ivory Coast", "Bosnia and Herzegovina",
    "Bosnia & Herzegovina", "United Kingdom", "UK", "USA", "Türkiye", "Turkey", "Georgia",
    "საქართველო", "Europe", "Latin America", "Crimea", "المغرب",
])
def test_country_names_in_many_languages_are_countries(name: str) -> None:
    assert is_country(name)


@pytest.mark.parametrize("text", ["Man", "Tai", "IPHR", "Human Rights", "Norra", "Minsk", ""])
def test_words_and_cities_are_not_countries(text: str) -> None:
    # Short words that CLDR uses as a country's name in some language ("Man": the Isle of
    # Man) would make "… (Man)" a place; they are countries only in capitals (USA, UAE).
    assert not is_country(text)


def test_cities_stay_a_separate_list() -> None:
    assert is_city("Minsk") and is_city("Гродно") and not is_city("Poland")


@pytest.mark.parametrize(("a", "b"), [
    ("Poland", "Polska"), ("Russia", "Russian Federation"), ("Россия", "Russia"),
    ("UK", "United Kingdom"), ("Great Britain", "UK"), ("Czechia", "Czech Republic"),
    ("Türkiye", "Turkey"), ("Holland", "Netherlands"), ("DRC", "Congo - Kinshasa"),
    ("Sakartvelo", "Georgia"), ("Беларусь", "Belarus"), ("norway", "NORWAY"), ("", "Norway"),
])
def test_one_country_under_two_names_is_no_clash(a: str, b: str) -> None:
    assert not countries_clash(a, b)
    if a and b:
        assert country_key(a) == country_key(b)


@pytest.mark.parametrize(("a", "b"), [
    ("Norway", "Sweden"), ("Austria", "Australia"), ("Republic of the Congo", "DRC"),
    ("Crimea", "Ukraine"), ("Scotland", "England"), ("Niger", "Nigeria"),
])
def test_different_countries_clash(a: str, b: str) -> None:
    assert countries_clash(a, b)


def test_english_name_comes_first_for_each_code() -> None:
    first: dict[str, str] = {}
    for name, code in country_names().items():
        first.setdefault(code, name)
    assert first["PL"] == "Poland" and first["NO"] == "Norway" and first["150"] == "Europe"


def test_canonical_country_capitalizes_a_known_country_typed_in_lower_case() -> None:
    assert canonical_country("norway") == "Norway"
    assert canonical_country("bosnia and herzegovina") == "Bosnia and Herzegovina"
    assert canonical_country("atlantis") == "atlantis"
