"""Numbers written in words: English words to int, and int to words in any language.

Reading is hand-written and English-only because claims in letters are found by
scanning text, and a tiny deterministic grammar is faster and stricter than any
general parser.  Writing uses ``num2words``, which knows dozens of languages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from signon.errors import RefusedInput

__all__ = [
    "NUMBER_WORDS",
    "parse_number_prefix",
    "parse_number_words",
    "supported_languages",
    "to_words",
    "tokenize_number_words",
]

_UNITS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES: dict[str, int] = {"thousand": 10**3, "million": 10**6, "billion": 10**9}

#: Every word that can be part of an English number (besides "a" and "and").
NUMBER_WORDS: frozenset[str] = frozenset(
    [*_UNITS, *_TENS, *_SCALES, "hundred", "dozen"],
)

# Hyphen, non-breaking hyphen, en dash and em dash all join "seventy-eight" in
# real letters (word processors substitute them).
_TOKEN_RE = re.compile(r"[^\W\d_]+|,")
_ALLOWED_RE = re.compile(r"[^\W\d_]+|[\s,\-\u2010\u2011\u2012\u2013\u2014]+")


def tokenize_number_words(text: str) -> list[str]:
    """Split ``text`` into lower-case word tokens and ``","`` tokens.

    Raises ``ValueError`` when the text holds anything else (digits, other
    punctuation), so that ``"5 hundred"`` is not silently read as 500.
    """
    pos = 0
    for m in _ALLOWED_RE.finditer(text):
        if m.start() != pos:
            break
        pos = m.end()
    if pos != len(text):
        raise ValueError(f"not a number in words: {text!r}")
    return [t.casefold() for t in _TOKEN_RE.findall(text)]


def _below_hundred(toks: Sequence[str], i: int) -> tuple[int, int] | None:
    if i >= len(toks):
        return None
    t = toks[i]
    if t in _TENS:
        value = _TENS[t]
        if i + 1 < len(toks) and 1 <= _UNITS.get(toks[i + 1], 0) <= 9:
            return value + _UNITS[toks[i + 1]], i + 2
        return value, i + 1
    if t in _UNITS:
        return _UNITS[t], i + 1
    return None


def _group(toks: Sequence[str], i: int) -> tuple[int, int] | None:
    """A group below a scale word: "seven", "a hundred", "twelve hundred and five"."""
    if i >= len(toks):
        return None
    if toks[i] == "a" and i + 1 < len(toks) and toks[i + 1] in ("hundred", "dozen", *_SCALES):
        value, j = 1, i + 1
    else:
        found = _below_hundred(toks, i)
        if found is None:
            return None
        value, j = found
    if j < len(toks) and toks[j] == "hundred" and value > 0:
        value *= 100
        j += 1
        k = j + 1 if j < len(toks) and toks[j] == "and" else j
        rest = _below_hundred(toks, k)
        if rest is not None and rest[0] > 0:
            value += rest[0]
            j = rest[1]
    return value, j


def parse_number_prefix(tokens: Sequence[str]) -> tuple[int, int] | None:
    """Read the longest English number at the start of ``tokens``.

    ``tokens`` are lower-case words and ``","`` (see :func:`tokenize_number_words`).
    Returns ``(value, tokens_used)``, or ``None`` when the first token does not
    start a number.  A trailing "and" or "," that no number follows is not used,
    so "five organizations and" reads as 5 using one token.
    """
    toks = [t.casefold() for t in tokens]
    first = _group(toks, 0)
    if first is None:
        return None
    value, j = first
    total = 0
    last_scale = 0
    while True:
        scale = _SCALES.get(toks[j], 0) if j < len(toks) else 0
        if scale and 0 < value < 1000 and (not last_scale or scale < last_scale):
            total += value * scale
            last_scale = scale
            j += 1
            end = j
            k = j + 1 if j < len(toks) and toks[j] == "," else j
            k = k + 1 if k < len(toks) and toks[k] == "and" else k
            more = _group(toks, k)
            if more is None or more[0] == 0:
                return total, end
            value, j = more
            continue
        if j < len(toks) and toks[j] == "dozen" and value > 0 and not last_scale:
            return value * 12, j + 1
        return total + value, j


def parse_number_words(words: str | Sequence[str]) -> int:
    """Read an English number in words: "seventy-eight", "One hundred and twelve".

    Case, hyphens, en dashes and spaces are interchangeable; "a hundred",
    "a dozen", "two thousand, three hundred" and everything ``num2words``
    writes for English are understood.  Raises ``ValueError`` unless the whole
    input is one number.
    """
    toks = tokenize_number_words(words) if isinstance(words, str) else list(words)
    found = parse_number_prefix(toks)
    if found is None or found[1] != len(toks):
        raise ValueError(f"not a number in words: {words!r}")
    return found[0]


def supported_languages() -> list[str]:
    """The language codes ``num2words`` can write numbers in, sorted."""
    from num2words import CONVERTER_CLASSES

    return sorted(CONVERTER_CLASSES)


def _converter_code(language: str, known: dict[str, object]) -> str | None:
    parts = [p for p in re.split(r"[-_]", language.strip()) if p]
    if not parts:
        return None
    base = parts[0].lower()
    candidates = []
    if len(parts) > 1:
        region = parts[1].upper() if len(parts[1]) == 2 else parts[1].title()
        candidates.append(f"{base}_{region}")
    candidates.append(base)
    for code in candidates:
        if code in known:
            return code
    return None


_ONE_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)
_TEN_WORDS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
              "ninety")
_SCALE_WORDS = ("", "thousand", "million", "billion", "trillion")


def _under_thousand(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    if rest < 20:
        tail = _ONE_WORDS[rest] if rest else ""
    else:
        tens, ones = divmod(rest, 10)
        tail = _TEN_WORDS[tens] + (f"-{_ONE_WORDS[ones]}" if ones else "")
    if not hundreds:
        return tail
    return f"{_ONE_WORDS[hundreds]} hundred" + (f" and {tail}" if tail else "")


def english_words(n: int) -> str:
    """``n`` (0 ≤ n < 10**15) in English words exactly as num2words writes them
    ("one thousand, two hundred and thirty-four"), without loading num2words."""
    if n == 0:
        return "zero"
    groups = []
    scale = 0
    while n:
        n, group = divmod(n, 1000)
        groups.append((group, scale))
        scale += 1
    parts = [(g, s, f"{_under_thousand(g)} {_SCALE_WORDS[s]}".strip())
             for g, s in reversed(groups) if g]
    text = parts[0][2]
    for group, scale, words in parts[1:]:
        # num2words joins a final group under a hundred with "and": "one thousand and one".
        text += f" and {words}" if scale == 0 and group < 100 else f", {words}"
    return text


def to_words(n: int, language: str = "en") -> str:
    """``n`` in words in ``language``: ``to_words(78, "fr") == "soixante-dix-huit"``.

    ``language`` is a code such as "en", "uk", "pt-BR" or "en_GB"; a regional
    code falls back to its base language.  Raises :class:`RefusedInput` for a
    language ``num2words`` does not know.
    """
    if language in ("en", "en-GB", "en_GB", "en-US", "en_US") and 0 <= n < 10**15:
        return english_words(n)
    # Imported here: num2words loads every language module (~30 ms), which commands
    # that never write a number in words, and English letters, need not pay.
    from num2words import CONVERTER_CLASSES, num2words

    code = _converter_code(language, CONVERTER_CLASSES)
    if code is None:
        bases = sorted({c.split("_")[0] for c in CONVERTER_CLASSES})
        raise RefusedInput(
            f"num2words has no number words for language {language!r}; write the number "
            f"in digits or use a supported language ({', '.join(bases)})."
        )
    return str(num2words(n, lang=code))
