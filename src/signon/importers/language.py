"""The language a letter is written in, when the user does not say.

It decides which words count as a claim ("mehr als 75 NGOs" is German: "more than
75"), which phrase an unnamed-signatories line is, and the ``language`` of the letter
an import creates (its dates, its "Signed by" label).  CLD2 (Chromium's compact
language detector, through pycld2) reads the whole text in a few milliseconds; its
answer is taken only when it calls it reliable and gives that language most of the text.
"""

from __future__ import annotations

# CLD2 gives the share of the text in each of its three best languages: below this, a
# letter in two languages is not taken as one of them.
_MIN_PERCENT = 50
# CLD2's codes where they differ from the ones letters use (BCP 47, as in front matter).
_CODES = {"iw": "he", "in": "id", "zh-Hant": "zh", "zhT": "zh"}


def detect_language(text: str) -> str | None:
    """The language code of ``text`` ("de"), or None when it cannot be told reliably."""
    import pycld2

    sample = text[:200_000]  # plenty for a language; CLD2 reads it in milliseconds
    try:
        reliable, _, details = pycld2.detect(sample, isPlainText=True)
    except (pycld2.error, ValueError):
        # CLD2 refuses text that is not valid UTF-8 once encoded (lone surrogates) or
        # holds characters it cannot take; they say nothing about the language.
        cleaned = sample.encode("utf-8", "ignore").decode("utf-8")
        try:
            reliable, _, details = pycld2.detect(cleaned, isPlainText=True)
        except (pycld2.error, ValueError):
            return None
    _, code, percent, _ = details[0]
    if not reliable or code in ("un", "xxx") or percent < _MIN_PERCENT:
        return None
    return str(_CODES.get(code, code))
