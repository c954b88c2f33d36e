"""Text rules shared by every module: storage form, comparison form, validation, slugs.

Names arrive from web forms, spreadsheets and Word files.  They are stored as
typed (NFC, outer whitespace trimmed) and compared through :func:`fold`, which
forgives what people cannot see: case, compatibility forms, no-break and
zero-width spaces, curly versus straight quotes and punctuation.
"""

from __future__ import annotations

import re
import unicodedata

from signon.errors import RefusedInput

# Invisible characters that make two equal-looking names differ.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# Explicit bidi embeddings, overrides and isolates: they can make a name display
# as something other than what it is (the "Trojan Source" trick).
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")
_SPACE_RUN = re.compile(r"\s+")

MAX_LENGTHS = {
    "name": 300,
    "alias": 300,
    "country": 100,
    "city": 100,
    "acronym": 50,
    "email": 254,
    "website": 2048,
    "heading": 200,
    "notes": 5000,
    "tag": 60,
    "signer": 300,
    "title": 300,
    "affiliation": 300,
}


def nfc(text: str) -> str:
    """The storage form: NFC, outer whitespace trimmed, otherwise as typed."""
    return unicodedata.normalize("NFC", text).strip()


def fold(text: str) -> str:
    """The comparison form of a name: two names that fold equal are likely the same."""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE).casefold()
    # Punctuation and symbols (quotes of every style, dashes, dots, brackets) become
    # spaces so that "B.a.B.e." matches "BaBe " only by its letters and digits.
    out = [
        ch if (ch.isalnum() or ch.isspace()) else " "
        for ch in unicodedata.normalize("NFC", text)
    ]
    return _SPACE_RUN.sub(" ", "".join(out)).strip()


def validate(field: str, value: str, *, multiline: bool = False) -> str:
    """Return the storage form of ``value`` or raise :class:`RefusedInput` naming the problem.

    Refuses control characters (tab and newline are allowed only in multi-line
    fields such as notes), lone surrogates (undecodable bytes from the shell),
    bidi override characters, and lengths no real name has.
    """
    for pos, ch in enumerate(value, start=1):
        code = ord(ch)
        if 0xD800 <= code <= 0xDFFF:
            raise RefusedInput(
                f"{field}: position {pos} holds bytes that are not valid UTF-8; "
                "retype the value or save its source as UTF-8"
            )
        if ch in _BIDI_CONTROLS:
            raise RefusedInput(
                f"{field}: position {pos} holds the invisible bidi control U+{code:04X}, "
                "which can make text display as something it is not; retype the value without it"
            )
        if unicodedata.category(ch) == "Cc" and not (multiline and ch in "\n\t"):
            raise RefusedInput(
                f"{field}: position {pos} holds the control character U+{code:04X}; "
                "retype the value without it"
            )
    stored = nfc(value)
    limit = MAX_LENGTHS.get(field.split("[")[0], 300)
    if len(stored) > limit:
        raise RefusedInput(
            f"{field}: {len(stored)} characters is longer than the {limit} allowed; "
            "shorten it (put longer remarks in notes)"
        )
    if not stored and field in ("name", "alias"):
        raise RefusedInput(f"{field}: must not be empty; give the organization's name")
    return stored


def slugify(text: str, *, max_length: int = 48) -> str:
    """An ASCII id for ``text``: transliterated (Cyrillic, Polish, Arabic…), lower case, dashed."""
    from anyascii import anyascii  # ~1 ms, but only id-deriving commands need it

    ascii_text = anyascii(unicodedata.normalize("NFC", text)).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > max_length:
        cut = slug[:max_length]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
    return slug or "org"


ID_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9._-]{0,78}[a-z0-9])?$")


def check_id(value: str) -> str:
    """Ids are slugs: they appear in file names, URLs and shell commands."""
    if not ID_PATTERN.match(value):
        raise RefusedInput(
            f"id {value!r} is not a valid id; use lower-case letters, digits, '-', '.' or '_' "
            "(at most 80 characters, starting and ending with a letter or digit)"
        )
    return value


def scripts(text: str) -> set[str]:
    """The scripts (Latin, Cyrillic, Greek, Arabic…) of the letters in ``text``."""
    found: set[str] = set()
    for ch in text:
        if ch.isalpha():
            try:
                name = unicodedata.name(ch)
            except ValueError:
                continue
            found.add(name.split(" ", 1)[0])
    return found


def mixed_script_words(text: str) -> list[str]:
    """Words that mix scripts, e.g. a Cyrillic "о" inside a Latin word.

    Checked per word, because a name may legitimately hold a Latin and a
    Cyrillic part ("Центр … "СІМ"" is Cyrillic throughout, but "Centre СІМ"
    is two honest words); a single word in two scripts is almost always a
    look-alike substitution or a typing accident.
    """
    bad = []
    for word in re.findall(r"\w+", text):
        found = scripts(word)
        if len(found) > 1 and not found <= {"LATIN", "DIGIT"}:
            bad.append(word)
    return bad
