"""What each export held, kept in the letter's signature record for ``signon diff``.

Every export appends an entry to ``[[exports]]`` in ``signatures.toml``::

    [[exports]]
    at = "2024-03-05T10:00:00+00:00"      # UTC, to the second
    formats = ["docx", "pdf"]
    language = "en"                        # the language version exported
    counts = {organizations = 80, entries = 46, names = 87, individuals = 0}
    organizations = [{ id = "hrh-baku", name = "Human Rights House Baku" }, …]
    coalitions = ["hrh-baku", …]
    individuals = ["Jane Doe", …]

``organizations`` holds every id printed (at any depth, once, in list order)
with the name it was printed under, which is what lets ``diff`` see renames;
``coalitions`` says which of those ids were coalitions, so the kind of an
entry later removed from the roster is still known.  The lists of the most
recent :data:`KEEP_SNAPSHOTS` entries are kept; older entries keep their time,
formats and counts — enough for a history, while ``signatures.toml`` (read by
every command that touches the letter) stays small on a 5,000-signature letter.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from signon.letter import edit_record

KEEP_SNAPSHOTS = 3  # diff needs only the last; two more guard against an export made by mistake
_LIST_KEYS = ("organizations", "coalitions", "individuals")


def snapshot(composed: Any) -> dict[str, Any]:
    """The list a composed letter holds, as stored in an export entry."""
    signatories = composed.signatories
    printed: dict[str, str] = {}
    coalitions: dict[str, None] = {}
    for node, _ in signatories.walk():
        # An id listed twice (a duplicate ``check`` reports) is still one signatory.
        printed.setdefault(node.id, node.name)
        if node.is_coalition:
            coalitions.setdefault(node.id, None)
    return {
        # Inline tables: tomli-w writes one per line, so a git diff of the record
        # shows one line per organization.
        "organizations": [{"id": eid, "name": name} for eid, name in printed.items()],
        "coalitions": list(coalitions),
        "individuals": [p.name for p in signatories.individuals],
    }


def export_entry(composed: Any, formats: list[str], *,
                 at: dt.datetime | None = None) -> dict[str, Any]:
    """The ``[[exports]]`` entry for an export of ``composed`` in ``formats``."""
    when = (at or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    return {
        "at": when.replace(microsecond=0).isoformat(),
        "formats": list(formats),
        "language": composed.language,
        "counts": composed.signatories.counts.as_dict(),
        **snapshot(composed),
    }


def record_export(root: Path, composed: Any, formats: list[str], *,
                  at: dt.datetime | None = None) -> dict[str, Any]:
    """Append an export entry to the letter's record (under its lock, atomically).

    ``at`` is for tests and imports of past sendings; exports leave it out (now).
    """
    entry = export_entry(composed, formats, at=at)
    with edit_record(root, composed.letter.slug) as record:
        record.exports.append(entry)
        for old in record.exports[:-KEEP_SNAPSHOTS]:
            for key in _LIST_KEYS:
                old.pop(key, None)
    return entry

