"""How a letter presents itself in its language: its date, the label above its list, its paper.

One place that compose and every exporter ask, so the text, Markdown, HTML and
Word versions of a letter say the same date and the same label.  Dates are
written by ICU (CLDR's patterns: "24 November 2011", "24 listopada 2011",
"24 ноября 2011 г."); ICU is imported only when a letter has a date to write.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from signon.errors import RefusedInput, WorkspaceFileError
from signon.letterlocale_data import (
    DATE_STYLES,
    DEFAULT_PAPER,
    ENGLISH_LONG,
    ENGLISH_MONTHS,
    ICU_PAPER,
    LIST_LABELS,
    NEUTRAL_LOCALES,
    PAPER_SIZES,
    PLURAL_CATEGORIES,
    UNNAMED_LINES,
)

if TYPE_CHECKING:
    from signon.compose import Composed

PAPERS = tuple(PAPER_SIZES)


def _subtags(language: str) -> list[str]:
    return [part for part in language.replace("_", "-").split("-") if part]


def _region(language: str) -> str:
    """The region subtag of a language tag ("en-US" → "US", "sr-Latn-RS" → "RS"), or ""."""
    for part in _subtags(language)[1:]:
        if (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            return part.upper()
    return ""


def icu_locale_id(language: str) -> str:
    """ICU's id for the letter's language; a bare language takes its neutral conventions."""
    parts = _subtags(language) or ["en"]
    if len(parts) == 1:
        return NEUTRAL_LOCALES.get(parts[0].lower(), parts[0].lower())
    return "_".join(parts)


def _front_value(composed: Composed, key: str) -> Any:
    """A front-matter setting of this language version, else of the main letter."""
    if key in composed.text.front.extra:
        return composed.text.front.extra[key]
    return composed.letter.front.extra.get(key)


def _front_string(composed: Composed, key: str) -> str | None:
    value = _front_value(composed, key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise WorkspaceFileError(f"{composed.text.display}: front matter {key} must be a string")
    return value


# ------------------------------------------------------------------ the date


def written_date(composed: Composed) -> str:
    """The letter's date as its language writes it (``date_format`` in the front matter wins).

    A date that is not YYYY-MM-DD ("Autumn 2026") is printed as the letter gives it.
    """
    value = composed.date.strip()
    if not value:
        return ""
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return value
    pattern = _front_string(composed, "date_format")
    try:
        return format_date(day, composed.language, pattern)
    except RefusedInput as err:
        raise WorkspaceFileError(f"{composed.text.display}: {err}") from None


def format_date(day: dt.date, language: str, pattern: str | None = None) -> str:
    """``day`` in ``language``: ICU's long style, another ICU style by name, or an ICU pattern.

    ``pattern`` is ``"full"``, ``"long"``, ``"medium"``, ``"short"``, ``"iso"`` or an ICU
    date pattern such as ``"d MMMM y"``.
    """
    pattern = (pattern or "long").strip()
    if pattern.lower() == "iso":
        return day.isoformat()
    locale_id = icu_locale_id(language)
    # Only the default spelling: "LONG" (any other case) still goes through ICU, which
    # is how the property test compares the two.
    shape = ENGLISH_LONG.get(locale_id) if pattern == "long" else None
    if shape is not None and day.year >= 1000:
        return shape.format(d=day.day, month=ENGLISH_MONTHS[day.month - 1], y=day.year)
    formatter = _formatter(locale_id, pattern)
    import icu

    calendar = icu.GregorianCalendar(icu.TimeZone.getGMT())
    calendar.clear()
    calendar.set(day.year, day.month - 1, day.day)
    return str(formatter.format(calendar.getTime()))


def _check_pattern(pattern: str) -> None:
    """Refuse a pattern that is not a date's: ICU formats any text, letters as fields.

    "hello" would print an hour, a weekday and "AM"; a letter's date has a day,
    a month or a year, and no time of day.
    """
    fields = set(_QUOTED.sub("", pattern)) & _LETTERS
    if not fields & _DATE_FIELDS or fields - _DAY_FIELDS:
        raise RefusedInput(
            f"date_format {pattern!r} is not a date pattern; write one of "
            f"{', '.join(DATE_STYLES)}, iso, or an ICU pattern such as \"d MMMM y\" "
            "(put other words in 'single quotes')"
        )


_QUOTED = re.compile(r"'[^']*'?")
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_DATE_FIELDS = frozenset("dMLy")
# ICU's date fields: era, years, quarters, months, weeks, days, weekdays.
_DAY_FIELDS = frozenset("GyYuUrQqMLlwWdDFgEec")


@lru_cache(maxsize=64)
def _formatter(locale_id: str, pattern: str) -> Any:
    import icu

    locale = icu.Locale(locale_id)
    if pattern.lower() in DATE_STYLES:
        style = getattr(icu.DateFormat, pattern.upper())
        formatter = icu.DateFormat.createDateInstance(style, locale)
    else:
        _check_pattern(pattern)
        formatter = icu.SimpleDateFormat(pattern, locale)
    # The date is a calendar day: formatted in UTC it cannot slip to the day before.
    formatter.setTimeZone(icu.TimeZone.getGMT())
    return formatter


# ------------------------------------------------------------------ the label


def default_list_label(language: str) -> str:
    parts = _subtags(language) or ["en"]
    return LIST_LABELS.get(parts[0].lower(), LIST_LABELS["en"])


def list_label(composed: Composed, before: str) -> str:
    """The line printed before a list, or "" when the letter introduces the list itself.

    ``before`` is the body's text up to the list: a letter whose last line before it
    ends with a colon ("Signed:", "The undersigned organizations:") already has its
    label. ``signatories_label`` in the front matter sets the label ("" for none).
    """
    given = _front_string(composed, "signatories_label")
    if given is not None:
        return given.strip()
    tail = before.rstrip()
    if tail.endswith((":", "\uff1a")):
        return ""
    return default_list_label(composed.language)


def list_labels(composed: Composed) -> list[str]:
    """The label of each list position of ``composed.body_parts()`` (one fewer than parts)."""
    parts = composed.body_parts()
    return [list_label(composed, part) for part in parts[:-1]]


# ------------------------------------------------------------------ the unnamed line


def plural_category(n: int, language: str) -> str:
    """CLDR's plural category of ``n`` in ``language`` ("one", "few", "many", "other"…)."""
    if (_subtags(language) or ["en"])[0].lower() == "en":
        return "one" if n == 1 else "other"  # English needs no ICU import
    return str(_plural_rules(icu_locale_id(language)).select(n))


@lru_cache(maxsize=32)
def _plural_rules(locale_id: str) -> Any:
    import icu

    return icu.PluralRules.forLocale(icu.Locale(locale_id))


def unnamed_line(composed: Composed) -> str:
    """The line that ends ``composed``'s list when signatories asked not to be named, or "".

    ``unnamed_line`` in the front matter (of this language version) overrides the
    default; see :func:`summary_line`.
    """
    return summary_line(composed.signatories.unnamed_organizations, composed.language,
                        _own_front_value(composed, "unnamed_line"),
                        where=composed.text.display)


def summary_line(n: int, language: str, given: Any = None, *, where: str = "letter.md") -> str:
    """"and 5 organizations that asked not to be named", in ``language`` with its plural
    forms; "" when ``n`` is 0.

    ``given`` (the front matter's ``unnamed_line``) overrides it: a string, or a table by
    plural category (``{one = "…", other = "…"}``), with ``{n}`` for the number and
    ``{words}`` for it in words; "" prints no line (the letter says it in its text).
    """
    if n <= 0:
        return ""
    if given is None:
        base = (_subtags(language) or ["en"])[0].lower()
        if base not in UNNAMED_LINES:
            base = "en"
        forms = UNNAMED_LINES[base]
        category = plural_category(n, base)
    else:
        forms = _unnamed_forms(given, where)
        category = plural_category(n, language) if len(forms) > 1 else "other"
    template = forms.get(category, forms["other"])
    # Plain replacement, not str.format: the text is the letter writer's, and braces
    # other than these two are printed as written.
    text = template.replace("{n}", str(n))
    if "{words}" in text:
        from signon.numwords import to_words

        try:
            text = text.replace("{words}", to_words(n, language))
        except RefusedInput as err:
            raise WorkspaceFileError(f"{where}: unnamed_line: {err}") from None
    return text.strip()


def _own_front_value(composed: Composed, key: str) -> Any:
    """A setting of this language version; the main letter's only for its own language
    (an English override must not turn up in the French letter)."""
    if key in composed.text.front.extra:
        return composed.text.front.extra[key]
    if composed.text is composed.letter.main:
        return composed.letter.front.extra.get(key)
    return None


def _unnamed_forms(value: Any, where: str) -> dict[str, str]:
    where = f"{where}: front matter unnamed_line"
    if isinstance(value, str):
        return {"other": value}
    if not isinstance(value, dict):
        raise WorkspaceFileError(f"{where} must be a string or a table of plural forms "
                                 "(one = \"…\", other = \"…\")")
    unknown = [key for key in value if key not in PLURAL_CATEGORIES]
    if unknown:
        raise WorkspaceFileError(f"{where} has {unknown[0]!r}, which is not a plural form; "
                                 f"use {', '.join(PLURAL_CATEGORIES)}")
    if "other" not in value:
        raise WorkspaceFileError(f"{where} needs an \"other\" form (used for every number "
                                 "the other forms do not cover)")
    bad = next((key for key, text in value.items() if not isinstance(text, str)), None)
    if bad is not None:
        raise WorkspaceFileError(f"{where}.{bad} must be a string")
    return {str(key): str(text) for key, text in value.items()}


# ------------------------------------------------------------------ paper


@dataclass(frozen=True)
class Paper:
    name: str  # "a4" or "letter"
    width: int  # twentieths of a point
    height: int
    margin: int

    @property
    def css(self) -> str:
        return "A4" if self.name == "a4" else "letter"


def check_paper(value: str) -> str:
    name = value.strip().lower()
    if name not in PAPER_SIZES:
        raise RefusedInput(f"paper {value!r} is not a paper size; use one of {', '.join(PAPERS)}")
    return name


def default_paper(language: str) -> str:
    """A4, except where the letter's region uses Letter (en-US, en-CA, es-MX…), by CLDR."""
    region = _region(language)
    if not region:
        return DEFAULT_PAPER
    import icu

    try:
        size = tuple(icu.LocaleData(f"und_{region}").getPaperSize())
    except icu.ICUError:
        return DEFAULT_PAPER
    return ICU_PAPER.get(size, DEFAULT_PAPER)


def explicit_paper(composed: Composed, override: str | None = None) -> str | None:
    """The paper the user asked for (``override``, else the front matter), or None."""
    if override:
        return check_paper(override)
    for front in (composed.text.front, composed.letter.front):
        if front.paper:
            return front.paper
    return None


def paper(composed: Composed, override: str | None = None) -> Paper:
    name = explicit_paper(composed, override) or default_paper(composed.language)
    width, height, margin = PAPER_SIZES[name]
    return Paper(name, width, height, margin)
