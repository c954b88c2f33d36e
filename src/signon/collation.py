"""Ordering names as a reader of the letter's language expects.

Code-point order puts "Östgruppen" after "Zeta" in every language and "Łódź"
after "Zagreb"; Swedish readers expect the first, Polish readers neither.  ICU's
collator (PyICU, shipped as a wheel by pyicu-wheels) knows each language's
tailoring; without it we fall back to accent-insensitive root-like ordering.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import lru_cache


@lru_cache(maxsize=16)
def sort_key(language: str) -> Callable[[str], object]:
    """A key function that orders strings for ``language`` (e.g. "sv", "pl", "be", "en")."""
    try:
        import icu
    except ImportError:  # pragma: no cover - pyicu-wheels is a dependency
        return _fallback_key
    locale = icu.Locale(language.replace("-", "_") or "root")
    collator = icu.Collator.createInstance(locale)
    get_key = collator.getSortKey
    return lambda text: (get_key(text), text)


def _fallback_key(text: str) -> tuple[str, str]:
    base = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
    return base.casefold(), text
