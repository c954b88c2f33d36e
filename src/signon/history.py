"""What each export held, kept in the letter's signature record for ``signon diff``.

Every export appends an entry to ``[[exports]]`` in ``signatures.toml``: when,
which formats, the counts and (for the most recent few) the list as it was
sent, so "12 more organizations have joined since we sent the letter" can be
answered exactly, renames included.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from signon.letter import edit_record

KEEP_SNAPSHOTS = 5  # older export entries keep their counts but drop the full list


def snapshot(composed: Any) -> dict[str, Any]:
    """The list a composed letter holds, as stored in an export entry."""
    signatories = composed.signatories
    return {
        "organizations": [[node.id, node.name] for node, _ in signatories.walk()],
        "individuals": [p.name for p in signatories.individuals],
    }


def record_export(root: Path, composed: Any, formats: list[str]) -> dict[str, Any]:
    """Append an export entry to the letter's record (under its lock, atomically)."""
    entry: dict[str, Any] = {
        "at": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
        "formats": list(formats),
        "language": composed.language,
        "counts": composed.signatories.counts.as_dict(),
        **snapshot(composed),
    }
    with edit_record(root, composed.letter.slug) as record:
        record.exports.append(entry)
        for old in record.exports[:-KEEP_SNAPSHOTS]:
            old.pop("organizations", None)
            old.pop("individuals", None)
    return entry
