"""The identity form of a name: what is left once everything a person does not mean is gone.

Two spellings of one organization differ in ways nobody intends: case, spacing,
punctuation and quotes, accents dropped on a keyboard without them ("Helsinska"
for "Helsińska"), another script ("Вясна" / "Viasna"), "&" for "and" (or "et",
"und"), a leading "The", a Cyrillic letter that looks Latin.  :func:`token_keys`
removes all of that and returns the words that remain, lower-case ASCII,
separated by single spaces; :func:`strict` then also drops the spaces, so that
"Human Rights" and "HumanRights" are one name.

Keys are computed for a whole roster at once: the text of every name is joined
and normalized in a few C-speed passes (NFKC, a cached per-character
translation, one regular expression), which costs a fraction of a per-name loop
on a 10,000-entry roster.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from signon.identity.data import CONNECTORS, HOMOGLYPHS

# Apostrophes join the parts of a word ("Women's"); invisible characters join nothing.
_DROP = "'\u2019\u2018\u02bc\u02b9\u0060\u00b4\u2032\uff07\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ASCII_DROP = str.maketrans("", "", "'`")
# Spaces are left to str.split: replacing each one would cost a match per word.
_NON_ALNUM = re.compile(r"[^a-z0-9\n ]+")
# A Latin letter beside a Cyrillic or Greek one inside a word: a look-alike substitution.
_MIXED = re.compile(r"[A-Za-z][\u0370-\u052f]|[\u0370-\u052f][A-Za-z]")

_HOMOGLYPHS = str.maketrans(HOMOGLYPHS)
# Per-character transliteration, filled as characters are met (a roster holds a few
# hundred distinct ones); anyascii maps each code point on its own, so a table is exact.
# ASCII maps to itself, so that str.translate never misses (a miss costs an exception).
_TABLE: dict[int, str] = {c: chr(c) for c in range(128)}
_TABLE.update({ord(c): "" for c in _DROP})


def _ascii_of(ch: str) -> str:
    if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return ""  # accents left over after NFKC, and format characters
    from anyascii import anyascii

    return str(anyascii(ch))


def _to_ascii(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    # Decided per distinct word (a roster repeats its words thousands of times), not by
    # a scan of every character.
    foreign = [w for w in set(text.split()) if not w.isascii()]
    for word in foreign:
        if _MIXED.search(word):  # rare: a look-alike letter inside a Latin word
            text = text.replace(word, word.translate(_HOMOGLYPHS))
    table = _TABLE
    for ch in set("".join(foreign)):
        if ord(ch) not in table:
            table[ord(ch)] = _ascii_of(ch)
    return text.translate(table)


_SPACES = re.compile(r"  +")
_CONNECTOR_WORDS = tuple(f" {word} " for word in sorted(CONNECTORS))
_WORDS = "|".join(sorted(CONNECTORS))
# A connector's letters touching punctuation: maybe a connector, maybe part of a word.
_GLUED = re.compile(rf"[^a-z0-9\s](?:{_WORDS})|(?:{_WORDS})[^a-z0-9\s]")
# Punctuation inside a word ("F.und.acja", "Rights-and-Development"): it separates the
# word's parts, but none of them is a connector on its own.
_INSIDE_WORD = re.compile(r"(?<=[a-z0-9])[^a-z0-9\s]+(?=[a-z0-9])")
_NON_ALNUM_OR_MARK = re.compile(r"[^a-z0-9\n \x01]+")


def token_keys(names: Sequence[str]) -> list[str]:
    """The identity form of each name: lower-case ASCII words separated by one space.

    "The Alternative Information & Development Centre" → "alternative information
    development centre"; "Helsińska Fundacja Praw Człowieka" → "helsinska fundacja praw
    czlowieka"; "Вясна" → "vyasna".  A name that is nothing but such words ("The",
    "And") keeps them.
    """
    if not names:
        return []
    if any("\n" in name for name in names):  # only a hand-edited roster has these
        names = [name.replace("\n", " ") for name in names]
    text = "\n".join(names)
    text = text.translate(_ASCII_DROP) if text.isascii() else _to_ascii(text)
    # Whole-text passes at C speed (a per-name loop costs several times more on a large
    # roster): punctuation to spaces; every word then stands between single spaces,
    # so connectors and a leading "The" go by plain replacement.
    text = text.lower()
    glued = _GLUED.search(text) is not None
    if glued:
        text = _NON_ALNUM_OR_MARK.sub(" ", _INSIDE_WORD.sub("\x01", text))
    else:
        text = _NON_ALNUM.sub(" ", text)
    text = _SPACES.sub(" ", " \n " + text.replace("\n", " \n ") + " \n ")
    for word in _CONNECTOR_WORDS:
        text = text.replace(word, " ")
    if glued:
        text = text.replace("\x01", " ")
    text = text.replace("\n the ", "\n ")
    keys = [line.strip() for line in text.split("\n")[1:-1]] if "  " in text else [
        line[1:-1] for line in text.split("\n")[1:-1]]
    if "" in keys:  # a name made only of dropped words: keep them rather than nothing
        for n, key in enumerate(keys):
            if not key:
                keys[n] = " ".join(_NON_ALNUM.sub(" ", _to_ascii(names[n]).lower()).split())
    return keys


def token_key(name: str) -> str:
    """:func:`token_keys` of one name."""
    return token_keys([name])[0]


def strict(tokens: str) -> str:
    """The token key without its spaces: the form two names must share to be one name."""
    return tokens.replace(" ", "")
