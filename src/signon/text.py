"""Text rules shared by every module: storage form, comparison form, validation, slugs.

Names arrive from web forms, spreadsheets and Word files.  They are stored as
typed (NFC, outer whitespace trimmed) and compared through :func:`fold`, which
forgives what people cannot see: case, compatibility forms, no-break and
zero-width spaces, curly versus straight quotes and punctuation.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from signon.errors import RefusedInput

# Invisible characters that make two equal-looking names differ.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# Explicit bidi embeddings, overrides and isolates: they can make a name display
# as something other than what it is (the "Trojan Source" trick).
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")
# Apostrophes join the parts of a word ("Women's", "Обʼєднання"); fold drops them.
_APOSTROPHES = dict.fromkeys(map(ord, "'\u2019\u2018\u02bc\u02b9\u0060\u00b4\u2032\uff07"), None)
# Invisible characters trimmed from the ends of a stored value, like whitespace.
_EDGE_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"

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
    """The storage form: NFC, outer whitespace and zero-width spaces trimmed, else as typed."""
    text = unicodedata.normalize("NFC", text)
    while True:
        trimmed = text.strip().strip(_EDGE_INVISIBLE)
        if trimmed == text:
            return text
        text = trimmed


_DROP_RE = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in {**_APOSTROPHES, **_INVISIBLE}) + "]"
)
# What fold turns into a space: anything but letters, digits and whitespace (and
# the underscore, which \w counts as a letter); combining marks are put back.
_NON_WORD = re.compile(r"[^\w\s]|_")


def _space_unless_mark(m: re.Match[str]) -> str:
    ch = m.group()
    return ch if unicodedata.category(ch).startswith("M") else " "


def fold(text: str) -> str:
    """The comparison form of a name: two names that fold equal are likely the same.

    NFKC (so full-width letters, ligatures and the no-break space become their
    plain forms), invisible characters removed, case folded; apostrophes of every
    style are dropped ("Women's" = "Womens", "O’Brien" = "OBrien") and every other
    punctuation mark or symbol (quotes, dashes, dots, brackets) separates words, so
    "Alpha-Rights" = "Alpha Rights" = "«Alpha Rights»".  Letters, digits and
    combining marks (the vowel signs of Devanagari, Arabic harakat) are kept, and
    with them accents ("Łódź" is not "Lodz"); the Turkic dotless and dotted i fold
    to "i" as their capitals do.
    """
    if text.isascii():  # the common case: no normalization can change ASCII
        return " ".join(_NON_WORD.sub(" ", _DROP_RE.sub("", text).lower()).split())
    # Apostrophes go before NFKC, which would turn the acute accent ´ into a space
    # and a combining mark; invisible characters go before NFC can compose across them.
    text = unicodedata.normalize("NFKC", _DROP_RE.sub("", text))
    text = _DROP_RE.sub("", text).casefold()
    if "\u0131" in text or "\u0307" in text:
        # Turkic case pairs (I/ı, İ/i) fold like I/i: "BAKI" is how "Bakı" is capitalized.
        text = text.replace("i\u0307", "i").replace("\u0131", "i")
    text = unicodedata.normalize("NFC", text)
    return " ".join(_NON_WORD.sub(_space_unless_mark, text).split())


def validate(field: str, value: str, *, multiline: bool = False) -> str:
    """Return the storage form of ``value`` or raise :class:`RefusedInput` naming the problem.

    Refuses control characters and line or paragraph separators (newline and tab
    are allowed only in multi-line fields such as notes, where Windows line ends
    become plain ones), lone surrogates (undecodable bytes from the shell), bidi
    override characters, and lengths no real name has.  A name or alias must hold
    at least one letter or digit.  Positions in messages count characters from 1.
    """
    if multiline:
        value = value.replace("\r\n", "\n")
    # isprintable() is False for every character refused below (Cc, Cs, Cf, Zl, Zp): the
    # per-character walk, which names the culprit, runs only when there is one to name.
    for pos, ch in enumerate("" if value.isprintable() else value, start=1):
        code = ord(ch)
        if 0xD800 <= code <= 0xDFFF:
            raise RefusedInput(
                f"{field}: position {pos} holds bytes that are not valid UTF-8; "
                "retype the value or save its source as UTF-8"
            )
        if is_noncharacter(code):
            raise RefusedInput(
                f"{field}: position {pos} holds U+{code:04X}, which Unicode reserves as a "
                "non-character (Word and web pages drop it); retype the value without it"
            )
        if ch in _BIDI_CONTROLS:
            raise RefusedInput(
                f"{field}: position {pos} holds the invisible bidi control U+{code:04X}, "
                "which can make text display as something it is not; retype the value without it"
            )
        category = unicodedata.category(ch)
        if (category == "Cc" or category in ("Zl", "Zp")) and not (multiline and ch in "\n\t"):
            kind = "control character" if category == "Cc" else "line separator"
            raise RefusedInput(
                f"{field}: position {pos} holds the {kind} U+{code:04X}; "
                "retype the value without it"
                + (" (only notes may span several lines)" if ch in "\n\r\x85\u2028\u2029" else "")
            )
    stored = nfc(value)
    limit = MAX_LENGTHS.get(field.split("[")[0], 300)
    if len(stored) > limit:
        raise RefusedInput(
            f"{field}: {len(stored)} characters is longer than the {limit} allowed; "
            "shorten it (put longer remarks in notes)"
        )
    if field.split("[")[0] in ("name", "alias"):
        if not stored:
            raise RefusedInput(f"{field}: must not be empty; give the organization's name")
        if not fold(stored):
            raise RefusedInput(
                f"{field}: {stored!r} holds no letter or digit; give the organization's name"
            )
    if field == "tag" and not stored:
        raise RefusedInput("tag: must not be empty; give a word such as 'europe' or 'unions'")
    return stored


def is_noncharacter(code: int) -> bool:
    """U+FDD0..U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF…)."""
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


# Device names Windows reserves in every folder, with any extension ("aux.txt" too):
# a letter folder so named cannot be checked out or copied there.
_WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", "conin$", "conout$"}
    | {f"{dev}{n}" for dev in ("com", "lpt") for n in (*"123456789", "\u00b9", "\u00b2", "\u00b3")}
)


def windows_reserved(name: str) -> bool:
    """Whether Windows refuses ``name`` as a file or folder name (CON, NUL, LPT1, aux.txt…)."""
    return name.split(".", 1)[0].rstrip(" ").lower() in _WINDOWS_RESERVED


# What printable() escapes: C0/C1 controls (category Cc), line and paragraph
# separators (Zl, Zp), the bidi controls and the noncharacters (U+FFFE, U+FFFF…).
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17))
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029" + _NONCHARACTERS
                     + "".join(sorted(_BIDI_CONTROLS)) + "]")


# The same without tab and newline, which multi-line fields may hold: has_controls runs
# on every name of a letter, so it is one search, not two copies and a search.
_UNSAFE_IN_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029" + _NONCHARACTERS
                             + "".join(sorted(_BIDI_CONTROLS)) + "]")


def has_controls(text: str) -> bool:
    """Whether ``text`` holds anything :func:`printable` would escape (bar newline/tab)."""
    # Everything the pattern finds is a control, format, separator or unassigned
    # character, none of which str.isprintable passes: that test runs ~20x faster.
    return not text.isprintable() and _UNSAFE_IN_TEXT.search(text) is not None


def printable(text: str, *, multiline: bool = False) -> str:
    """``text`` safe to print on a terminal: control and bidi characters made visible.

    Input is validated, but a roster edited by hand or a file imported from
    elsewhere can still hold an escape sequence (which a terminal would obey) or a
    right-to-left override (which would make the line lie); they are shown as
    ``\x1b`` / ``\u202e`` instead.  Newline and tab stay in multi-line fields.
    """
    if _UNSAFE.search(text) is None:  # the common case, at C speed
        return text
    out = []
    for ch in text:
        if ch in _BIDI_CONTROLS or is_noncharacter(ord(ch)) or (
                unicodedata.category(ch) in ("Cc", "Zl", "Zp")
                and not (multiline and ch in "\n\t")):
            out.append(ch.encode("unicode_escape").decode("ascii"))
        else:
            out.append(ch)
    return "".join(out)


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str, *, max_length: int = 48) -> str:
    """An ASCII id for ``text``: transliterated (Cyrillic, Polish, Arabic…), lower case, dashed."""
    if text.isascii():  # most names: nothing to transliterate
        ascii_text = text.lower()
    else:
        from anyascii import anyascii  # ~1 ms, but only id-deriving commands need it

        ascii_text = anyascii(unicodedata.normalize("NFC", text)).lower()
    slug = _NOT_SLUG.sub("-", ascii_text).strip("-")
    if len(slug) > max_length:
        cut = slug[:max_length]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
    return slug or "org"


ID_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9._-]{0,78}[a-z0-9])?\Z")


def check_id(value: str) -> str:
    """Ids are slugs: they appear in file names, URLs and shell commands."""
    if not ID_PATTERN.match(value):
        raise RefusedInput(
            f"id {value!r} is not a valid id; use lower-case letters, digits, '-', '.' or '_' "
            "(at most 80 characters, starting and ending with a letter or digit)"
        )
    return value


# Scripts that one word may legitimately combine: Japanese writes kanji and kana
# together, Korean mixes hangul and hanja, Chinese may annotate with bopomofo.
_SCRIPT_FAMILIES = (
    frozenset({"Han", "Hiragana", "Katakana"}),
    frozenset({"Han", "Hangul"}),
    frozenset({"Han", "Bopomofo"}),
)
# Characters with a script of their own in the Unicode name but none in use
# (modifier letters such as the Ukrainian apostrophe U+02BC, the kana length mark).
_NEUTRAL = frozenset({"Common", "Inherited", "Unknown"})


@lru_cache(maxsize=4096)
def _script_of(ch: str) -> str:
    """The Unicode script of a letter ("Latin", "Cyrillic", "Han"…), via ICU when present.

    Cached: a roster uses a few hundred distinct letters across thousands of names.
    """
    try:
        import icu  # pyicu-wheels: the real Script property
    except ImportError:  # pragma: no cover - a dependency; the fallback reads character names
        return _script_from_name(ch)
    return str(icu.Script.getScript(ord(ch)).getName()).replace("_", " ")


_NAME_SCRIPTS = {"CJK": "Han", "HIRAGANA": "Hiragana", "KATAKANA": "Katakana",
                 "HANGUL": "Hangul", "BOPOMOFO": "Bopomofo", "MODIFIER": "Common",
                 "KATAKANA-HIRAGANA": "Common"}


def _script_from_name(ch: str) -> str:
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return "Unknown"
    words = name.split(" ")
    first = words[1] if words[0] in ("FULLWIDTH", "HALFWIDTH") and len(words) > 1 else words[0]
    return _NAME_SCRIPTS.get(first, first.title())


# Blocks whose letters all belong to one script: a word whose letters all fall in one of
# them is in one script without asking ICU (which costs ~20 ms to load), so checking
# ordinary Polish, Russian or Arabic names never loads it.
_ONE_SCRIPT_BLOCKS = (
    (0x0041, 0x024F, "Latin"),  # Basic Latin letters to Latin Extended-B
    (0x1E00, 0x1EFF, "Latin"),  # Latin Extended Additional (Vietnamese)
    (0x0370, 0x03E1, "Greek"),  # (U+03E2-03EF are Coptic)
    (0x03F0, 0x03FF, "Greek"),
    (0x0400, 0x052F, "Cyrillic"),
    (0x0590, 0x05FF, "Hebrew"),
    (0x0600, 0x06FF, "Arabic"),
)


# Text whose every letter lies in the blocks of one script, matched at C speed: most
# names are, and need no word-by-word look.  (Digits and "_" are \w but no letters.)
_ONE_SCRIPT_TEXT = re.compile("|".join(
    "(?:[\\W\\d_]|[" + "".join(f"{chr(low)}-{chr(high)}" for low, high, s in _ONE_SCRIPT_BLOCKS
                           if s == script) + "])*"
    for script in dict.fromkeys(s for _, _, s in _ONE_SCRIPT_BLOCKS)))


def scripts(text: str) -> set[str]:
    """The scripts ("Latin", "Cyrillic", "Greek", "Arabic"…) of the letters in ``text``."""
    found: set[str] = set()
    for ch in text:
        if ch.isalpha():
            script = _script_of(ch)
            if script not in _NEUTRAL:
                found.add(script)
    return found


_WORD = re.compile(r"[\w\u02bc\u2019']+")


def mixed_script_words(text: str) -> list[str]:
    """Words that mix scripts, e.g. a Cyrillic "о" inside a Latin word.

    Checked per word, because a name may legitimately hold a Latin and a
    Cyrillic part ("Центр … "СІМ"" is Cyrillic throughout, but "Centre СІМ"
    is two honest words); a single word in two scripts is almost always a
    look-alike substitution or a typing accident.  Scripts that are written
    together (Japanese kanji and kana, Korean hangul and hanja) are not mixed.
    """
    if text.isascii() or _ONE_SCRIPT_TEXT.fullmatch(text):  # the common cases
        return []
    bad = []
    for word in _WORD.findall(text):
        if word.isascii() or _ONE_SCRIPT_TEXT.fullmatch(word):
            continue
        found = scripts(word)
        if len(found) > 1 and not any(found <= family for family in _SCRIPT_FAMILIES):
            bad.append(word)
    return bad
