"""Dates as letters print them and as form exports write them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from signon.errors import RefusedInput

_MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_MONTH_YEAR = re.compile(
    r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.IGNORECASE
)
_MONTH_DAY_YEAR = re.compile(
    r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+"
    r"(?P<year>\d{4})\b",
    re.IGNORECASE,
)
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")


def _make(year: str, month: str, day: str) -> str | None:
    try:
        number = int(month) if month.isdigit() else _MONTHS[month.lower().rstrip(".")]
        return dt.date(int(year), number, int(day)).isoformat()
    except (ValueError, KeyError):
        return None


def find_date(text: str) -> str | None:
    """The first full date written in ``text`` ("24 November 2011", "2011-11-24"), as ISO."""
    found: list[tuple[int, str]] = []
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _ISO):
        for m in pattern.finditer(text):
            iso = _make(m.group("year"), m.group("month"), m.group("day"))
            if iso:
                found.append((m.start(), iso))
                break
    return min(found)[1] if found else None


def parse_date(text: str) -> str | None:
    """``text`` when it is one date, as ISO."""
    text = text.strip().rstrip(".")
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10]).isoformat() if len(text) >= 10 else None
    except ValueError:
        pass
    return find_date(text)


# Form exports: Google Forms writes "2024/03/01 10:00:00" or, by the sheet's locale,
# "3/1/2024 10:00:00" or "01/03/2024 10:00:00"; Microsoft Forms and others write ISO.
TIMESTAMP_FORMATS = (
    "%Y-%m-%dT%H:%M:%S.%f%z",
    "%Y-%m-%dT%H:%M:%S%z",
    "%Y-%m-%dT%H:%M:%S.%f",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d %I:%M:%S %p",
    "%Y/%m/%d %I:%M %p",
    "%Y/%m/%d",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y",
    "%d-%m-%Y %H:%M:%S",
    "%d-%m-%Y",
)


# Google Forms' own download adds the sheet's zone: "2023/05/17 2:45:09 PM GMT+2".
_ZONE_SUFFIX = re.compile(r"\s+(?:GMT|UTC)(?:[+-]\d{1,2}(?::?\d{2})?)?$", re.IGNORECASE)


def _parse(value: str, fmt: str) -> dt.datetime | None:
    try:
        parsed = dt.datetime.strptime(_ZONE_SUFFIX.sub("", value.strip()), fmt)
    except ValueError:
        return None
    # Zone-aware and naive stamps must compare: keep the wall time the form recorded.
    return parsed.replace(tzinfo=None)


def parse_timestamps(
    values: Sequence[str],
    date_format: str | None = None,
    *,
    notes: list[dict[str, Any]] | None = None,
    day_first: bool = False,
    first_row: int = 2,
) -> list[dt.datetime | None]:
    """Every timestamp of a column read with the one format that reads them all.

    Formats are tried in order, so that "3/1/2024" is read as the US month/day
    Google Forms writes unless some stamp ("13/1/2024") shows the column is
    day/month.  When both readings fit every stamp, ``day_first`` (a form in
    another language than English) picks day/month, and a sentence naming the
    choice goes to ``notes`` (``{"message", "hint"}``: the hint names the
    ``date_format`` that reads the other way).  Empty cells give None; an
    unreadable stamp is refused with its row (``first_row`` is the first value's).
    """
    present = [v for v in values if v.strip()]
    formats = (date_format,) if date_format else TIMESTAMP_FORMATS
    for fmt in formats:
        parsed = _parse_all(present, fmt)
        if parsed is None:
            continue
        if not date_format and "%m/%d" in fmt:
            other = fmt.replace("%m/%d", "%d/%m")
            day_month = _parse_all(present, other)
            if day_month is not None and day_month != parsed:
                example = next(v for v in present if day_month[v] != parsed[v])
                chosen, rejected = (other, fmt) if day_first else (fmt, other)
                if day_first:
                    parsed = day_month
                if notes is not None:
                    order = "day/month" if day_first else "month/day"
                    notes.append({
                        "message": f"every timestamp reads as month/day and as day/month "
                        f"(e.g. {example.strip()!r}); read as {order} ({chosen}); if that is "
                        "wrong, give the other date format",
                        "hint": [("date_format", repr(rejected))],
                    })
        return [parsed.get(v) for v in values]
    bad = present[0].strip() if present else ""
    if not date_format:
        for value in present:
            if not any(_parse(value, f) for f in TIMESTAMP_FORMATS):
                bad = value.strip()
                break
    row = next((first_row + n for n, v in enumerate(values) if v.strip() == bad), None)
    where = f"row {row}: " if row is not None else ""
    why = (
        f"it does not match the date format {date_format!r}"
        if date_format
        else "signon does not know that date format"
    )
    raise RefusedInput(
        f"{where}timestamp {bad!r}: {why}; give its format, or correct that cell",
        hint=[("date_format", "'%d/%m/%Y %H:%M:%S'")],
    )


def _parse_all(values: Sequence[str], fmt: str) -> dict[str, dt.datetime] | None:
    parsed: dict[str, dt.datetime] = {}
    for value in values:
        if value in parsed:
            continue
        stamp = _parse(value, fmt)
        if stamp is None:
            return None
        parsed[value] = stamp
    return parsed
