"""The duplicate rules: when two names are one organization's, and why.

Each name of a roster entry is described once by a :class:`NameKey`; :func:`compare`
decides on two of them.  The rules, strongest first:

* **same name** — equal after folding (:mod:`signon.identity.fold`: case, spacing,
  punctuation and quotes, accents, script, "&"/"and"/"et"/"und", a leading "The").
  With the same country or none on either side, adding it is refused; with two
  different countries (national sections, chapters) it is only a warning.
* **acronym** — one name is the other with its acronym in brackets ("… Centre"
  / "… Centre (AIDC)"), or one name is an acronym and the other's initials or
  bracketed acronym spell it ("IPHR" / "International Partnership for Human Rights").
* **country/city suffix** — one name is the other with a place after it
  ("… Institute" / "… Institute (SEATINI)-Uganda", "FIAN" / "FIAN Norway").
* **small words** — the same words but for "of"/"for"/"the"/"de"… .
* **typo** — one or two letters apart (a transposition is one) in one or two
  words of a longer name: 1 letter from 8 letters, 2 from 18; never in a
  number, never between words that tell organizations apart ("Norwegian" /
  "Danish", "Austrian" / "Australian", "North" / "South", "Iran" / "Iraq").

Fuzzy rules apply only when the countries agree (or one is missing): the same
words in two countries are two organizations.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

from signon.identity.data import DISTINCT_WORDS, SMALL_WORDS
from signon.identity.fold import strict, token_key, token_keys

Kind = Literal["same", "similar"]

_BRACKETED = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]")
_ACRONYM_TEXT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.&/\-]{1,14}$")
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Likeness:
    """Why two names look like one organization's."""

    kind: Kind  # "same": equal after folding; "similar": a fuzzy match (a warning)
    reason: str  # "same name", "typo: 1 letter", "acronym AIDC", "country suffix Uganda"…
    score: float  # 1.0 for the same name, lower for weaker evidence


class NameKey(NamedTuple):
    """One name of one entry, with the forms the rules compare (a tuple: a roster makes
    one per name, and a tuple is the cheapest object to make)."""

    name: str  # as stored
    tokens: str  # identity form: ASCII words separated by spaces
    strict: str  # tokens without spaces
    bare: str = ""  # strict form without the bracketed parts, when there are any
    acronym: str = ""  # a bracketed acronym as printed ("AIDC")
    core: str = ""  # strict form without a trailing place, when there is one
    place: str = ""  # that place, as printed
    place_kind: str = ""  # "country" or "city"
    loose: str = ""  # strict form without small words, when there are any
    is_acronym: bool = False  # the name itself is an acronym ("IPHR")
    field: str = "name"  # "name", "alias", "translation" or "acronym"


def looks_like_acronym(text: str) -> bool:
    """"AIDC", "IPHR", "B.a.B.e.", "HRIDC": one word, mostly capitals, no longer than 15."""
    if len(text) > 20 or " " in text.strip():  # the common case, decided at once
        return False
    text = text.strip()
    if not _ACRONYM_TEXT.match(text):
        return False
    letters = [c for c in text if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return upper >= 2 and upper * 2 >= len(letters)


@functools.cache
def _place_tables() -> dict[str, Any]:
    """Token key of every known country and city → (kind, a printed form), and of every
    country name → its region code.  Transliterating some 7,000 names costs more than
    a small command's work, so the tables are kept in the parse cache, keyed by the
    names and the identity code."""
    from signon.identity import rules_version
    from signon.importers.countries import city_names, country_names
    from signon.parsecache import cached_result

    countries = country_names()
    cities = city_names()

    def compute() -> dict[str, Any]:
        places: dict[str, tuple[str, str]] = {}
        codes: dict[str, str] = {}
        names = list(countries)
        # Countries first ("Luxembourg" is one), and the first spelling listed (the
        # English) is the printed form.
        for part, key in zip(names, token_keys(names), strict=True):
            if key:
                places.setdefault(key, ("country", part))
                if countries[part]:
                    codes.setdefault(strict(key), countries[part])
        for part, key in zip(cities, token_keys(cities), strict=True):
            if key:
                places.setdefault(key, ("city", part))
        return {"places": places, "codes": codes}

    source = "\n".join(f"{name}\t{code}" for name, code in countries.items())
    return cached_result(f"places-{rules_version()}", source + "\n\n" + "\n".join(cities),
                         compute)


@functools.cache
def _places() -> dict[str, tuple[str, str]]:
    return {key: (kind, printed) for key, (kind, printed) in _place_tables()["places"].items()}


@functools.cache
def _place_last_words() -> frozenset[str]:
    return frozenset(key.rpartition(" ")[2] for key in _places())


@functools.lru_cache(maxsize=1024)
def country_key(country: str) -> str:
    """The comparison form of a country: its region code when it is a known country, so
    "Russia" / "Russian Federation" / "Россия" and "UK" / "United Kingdom" are one;
    else its folded name."""
    key = strict(token_key(country)) if country.strip() else ""
    code: str = _place_tables()["codes"].get(key, key)
    return code


def countries_clash(a: str, b: str) -> bool:
    return bool(a.strip() and b.strip()) and country_key(a) != country_key(b)


def _split_place(tokens: str, own: tuple[str, ...]) -> tuple[str, str, str]:
    """(core, place as printed, kind) when ``tokens`` ends in a place, else empties.

    A place is a known country or city, or the entry's own country or city; "of"/"in"
    before it goes with it ("Human Rights Centre of Azerbaijan").
    """
    words = tokens.split(" ")
    places = _places()
    for size in (3, 2, 1):
        if len(words) <= size:
            continue
        tail = " ".join(words[-size:])
        found = places.get(tail)
        if found is None and tail in own:
            found = ("country", tail)
        if found is None:
            continue
        rest = words[:-size]
        if len(rest) > 1 and rest[-1] in ("of", "in", "for"):
            rest = rest[:-1]
        core = "".join(rest)
        if len(core) < 4:
            return "", "", ""
        return core, found[1], found[0]
    return "", "", ""


def name_keys(names: list[tuple[str, str]], *, places: tuple[str, ...] = ()) -> list[NameKey]:
    """A :class:`NameKey` for each (name, field) pair (one entry's, or many entries')."""
    return build_keys(names, [places] * len(names))


def build_keys(names: list[tuple[str, str]], places: list[tuple[str, ...]]) -> list[NameKey]:
    """:class:`NameKey` of each (name, field), computed for all of them at once.

    ``places`` gives, per name, the token keys of its entry's country and city, which
    count as a place suffix even when no list knows them.
    """
    texts = [n for n, _ in names]
    tokens = token_keys(texts)
    # Bracketed parts, for the few names that have them.
    bracketed = [i for i, text in enumerate(texts) if "(" in text or "[" in text]
    bare_texts = [_BRACKETED.sub(" ", texts[i]) for i in bracketed]
    bare_tokens = dict(zip(bracketed, token_keys(bare_texts), strict=True))
    # Small words removed on the whole text at once.
    loose = _without_small_words(tokens)
    last_words = _place_last_words()
    out = []
    make = NameKey
    for i, (text, field) in enumerate(names):
        key = tokens[i]
        strict_key = key.replace(" ", "")
        acronym = bare = ""
        base = key
        if i in bare_tokens:
            inside = [m.group(1).strip() for m in _BRACKETED.finditer(text)]
            acronym = next((part for part in inside if looks_like_acronym(part)), "")
            base = bare_tokens[i]
            bare = base.replace(" ", "")
            if bare == strict_key or not bare:
                bare = ""
                base = key
        core = place = place_kind = ""
        own = places[i]
        if base.rpartition(" ")[2] in last_words or (own and base.endswith(own)):
            core, place, place_kind = _split_place(base, own)
        loose_key = loose[i]
        if loose_key == strict_key or len(loose_key) < 6:
            loose_key = ""
        # Positional: a roster makes one per name, and keywords cost twice as much.
        out.append(make(text, key, strict_key, bare, acronym, core, place, place_kind,
                        loose_key, field == "acronym" or (len(text) <= 20 and
                                                          looks_like_acronym(text)), field))
    return out


def block_forms(names: list[tuple[str, str]], places: list[tuple[str, ...]]
                ) -> tuple[list[str], list[tuple[str, str, str, str]]]:
    """The token keys of ``names`` and, per name, the forms a duplicate must share with it
    in some rule (strict, bare, core, loose; "" where there is none), exactly as
    :func:`build_keys` has them, without making a :class:`NameKey` for every name: looking
    one new name up in a large roster needs only these."""
    texts = [n for n, _ in names]
    tokens = token_keys(texts)
    stricts = [t.replace(" ", "") for t in tokens]
    bare: dict[int, str] = {}
    bracketed = [i for i, text in enumerate(texts) if "(" in text or "[" in text]
    for i, key in zip(bracketed, token_keys([_BRACKETED.sub(" ", texts[i])
                                             for i in bracketed]), strict=True):
        if key and key.replace(" ", "") != stricts[i]:
            bare[i] = key
    loose = [form if form != strict_key and len(form) >= 6 else ""
             for form, strict_key in zip(_without_small_words(tokens), stricts, strict=True)]
    last_words = _place_last_words()
    out = []
    for i, strict_key in enumerate(stricts):
        base = bare.get(i, tokens[i])
        own = places[i]
        core = ""
        if base.rpartition(" ")[2] in last_words or (own and base.endswith(own)):
            core = _split_place(base, own)[0]
        out.append((strict_key, bare[i].replace(" ", "") if i in bare else "", core, loose[i]))
    return tokens, out


def _without_small_words(tokens: list[str]) -> list[str]:
    # One split of every name's words and a set test each: a regular expression over the
    # joined text costs several times more.
    if not tokens:
        return []
    small = SMALL_WORDS
    words = " \n ".join(tokens).split(" ")
    kept = "".join([w for w in words if w not in small])
    return kept.split("\n")


@functools.lru_cache(maxsize=4096)
def own_places(country: str, city: str) -> tuple[str, ...]:
    """Token keys of an entry's country and city that no place list knows (usually none):
    they count as a place suffix of its names too."""
    known = _places()
    keys = (token_key(p) for p in (country, city) if p.strip())
    return tuple(k for k in keys if k and k not in known)


def initials(key: NameKey) -> str:
    """First letters of the significant words ("International Partnership for Human
    Rights" → "iphr"); empty for names of fewer than three such words."""
    base = key.tokens
    if key.bare:
        base = token_key(_BRACKETED.sub(" ", key.name))
    words = [w for w in base.split(" ") if w and w not in SMALL_WORDS]
    return "".join(w[0] for w in words) if len(words) >= 3 else ""


def compare(a: NameKey, b: NameKey, country_a: str = "", country_b: str = "") -> Likeness | None:
    """How ``a`` and ``b`` (names of two entries, with their countries) look alike, if
    they do."""
    if a.strict == b.strict:
        if a.field == "acronym" and b.field == "acronym":
            return None  # two organizations may share an acronym; a name is another matter
        if countries_clash(country_a, country_b):
            return Likeness("similar", f"same name, other country ({country_a} / {country_b})",
                            0.7)
        return Likeness("same", "same name", 1.0)
    if countries_clash(country_a, country_b):
        return None
    acronym = _acronym(a, b) or _acronym(b, a)
    if acronym:
        return acronym
    suffix = _suffix(a, b) or _suffix(b, a)
    if suffix:
        return suffix
    if (a.loose and a.loose == (b.loose or b.strict)) or (b.loose and b.loose == a.strict):
        return Likeness("similar", "same words but for small ones (of, for, the…)", 0.85)
    return typo(a, b)


def typo(a: NameKey, b: NameKey) -> Likeness | None:
    """The typo rule of :func:`compare` alone, for names no other rule can match (it reads
    only ``tokens`` and ``strict``; the countries are the caller's to check)."""
    letters = typo_letters(a, b)
    if letters:
        return Likeness("similar", f"typo: {letters} letter{'s' if letters > 1 else ''}",
                        0.9 if letters == 1 else 0.8)
    return None


def _acronym(a: NameKey, b: NameKey) -> Likeness | None:
    """``a`` carries an acronym that ``b`` lacks or is."""
    if a.bare and a.acronym and a.bare == b.strict:
        return Likeness("similar", f"acronym {a.acronym}", 0.95)
    if a.is_acronym and not b.is_acronym:
        spelled = a.strict
        if b.acronym and strict(token_key(b.acronym)) == spelled:
            return Likeness("similar", f"acronym {a.name.strip()}", 0.9)
        if len(spelled) >= 3 and initials(b) == spelled:
            return Likeness("similar", f"acronym {a.name.strip()}", 0.85)
    return None


def _suffix(a: NameKey, b: NameKey) -> Likeness | None:
    """``a`` is ``b`` with a place after it (and perhaps an acronym in brackets)."""
    if not a.core or b.core:  # two places ("… Norway" / "… Sweden"): two sections
        return None
    if a.acronym and b.acronym and strict(token_key(a.acronym)) != strict(token_key(b.acronym)):
        return None  # "… of Azerbaijan (AHRC)" / "… (HRIDC)": each says which it is
    if a.core in (b.strict, b.bare):
        why = f"{a.place_kind} suffix {a.place}"
        if a.acronym and a.acronym not in b.name:
            why = f"acronym {a.acronym}, {why}"
        return Likeness("similar", why, 0.85)
    return None


def typo_letters(a: NameKey, b: NameKey) -> int:
    """Letters apart (1 or 2) when ``a`` and ``b`` differ only by a typo, else 0."""
    shortest = min(len(a.strict), len(b.strict))
    if shortest < 8 or abs(len(a.strict) - len(b.strict)) > 2:
        return 0
    wa, wb = a.tokens.split(" "), b.tokens.split(" ")
    if len(wa) != len(wb):
        return 0
    diffs = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
    if not diffs or len(diffs) > 2:
        return 0
    from rapidfuzz.distance import OSA

    total = 0
    for x, y in diffs:
        if x in DISTINCT_WORDS and y in DISTINCT_WORDS:
            return 0
        if _DIGITS.findall(x) != _DIGITS.findall(y):
            return 0
        d = OSA.distance(x, y, score_cutoff=2)
        if d > 2 or min(len(x), len(y)) < (4 if d == 1 else 7):
            return 0
        total += d
    if total > 2 or (total == 2 and shortest < 18):
        return 0
    return total
