"""Folding duplicates into one entry, and renaming ids, across the whole workspace.

``merge KEEP DUPLICATE…``: every letter's signatures (withdrawals and export history
included) and every coalition membership of a duplicate move to KEEP; the
duplicate's names become KEEP's aliases, its empty fields fill KEEP's; its id
becomes a redirect (``[redirects]`` in ``orgs.toml``), never reused, so that old
references still resolve.  ``rename`` does the same for one id.

All files change together or none do.  Every new text is computed first, under
the roster's lock and every affected record's lock; then each is written to a
temporary file beside it (fsynced); then they are renamed into place, the
letters' records first and the roster last.  A failure before the renames leaves
every file as it was; a failure during them restores the files already renamed.
A process killed during the renames leaves each file whole, before or after, and
the workspace consistent: until the roster is renamed, the old ids still exist,
and a record already renamed names only KEEP, which exists before and after.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from signon.errors import IOFailure, RefusedInput, Remedy
from signon.fileio import fsync_folder
from signon.letter import RECORD_FILE, Signature, SignatureRecord, letter_folder, read_record
from signon.roster import Entry, Roster
from signon.text import fold


@dataclass
class LetterChange:
    """What a merge does to one letter."""

    letter: str
    moved: list[str] = field(default_factory=list)  # duplicates whose signature became KEEP's
    folded: list[str] = field(default_factory=list)  # duplicates signed beside KEEP: one row
    exports: int = 0  # export history entries rewritten
    before: dict[str, int] = field(default_factory=dict)  # counts
    after: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"letter": self.letter, "moved": self.moved, "folded": self.folded,
                "exports": self.exports, "counts_before": self.before,
                "counts_after": self.after, "notes": self.notes}


@dataclass
class MergeResult:
    keep: str
    merged: list[str]
    aliases_added: list[str] = field(default_factory=list)
    fields_filled: list[str] = field(default_factory=list)
    coalitions: list[str] = field(default_factory=list)  # whose members changed
    letters: list[LetterChange] = field(default_factory=list)
    dry_run: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"keep": self.keep, "merged": self.merged, "aliases_added": self.aliases_added,
                "fields_filled": self.fields_filled, "coalitions": self.coalitions,
                "letters": [c.to_json() for c in self.letters], "dry_run": self.dry_run}


# ---------------------------------------------------------------- the roster


def _fold_into(keep: Entry, dup: Entry, result: MergeResult) -> None:
    """KEEP takes the duplicate's names as aliases and its fields where KEEP has none."""
    known = {fold(n) for n in keep.all_names()}
    for name in [dup.name, *dup.aliases]:
        if fold(name) not in known:
            keep.aliases.append(name)
            known.add(fold(name))
            result.aliases_added.append(name)
    for lang, name in dup.names.items():
        if lang not in keep.names:
            keep.names[lang] = name
        elif fold(name) not in known:
            keep.aliases.append(name)
            result.aliases_added.append(name)
        known.add(fold(name))
    for attr in ("acronym", "country", "city", "email", "website"):
        if not getattr(keep, attr) and getattr(dup, attr):
            setattr(keep, attr, getattr(dup, attr))
            result.fields_filled.append(attr)
    if dup.acronym and keep.acronym and fold(dup.acronym) not in known:
        keep.aliases.append(dup.acronym)
        result.aliases_added.append(dup.acronym)
    if dup.notes and dup.notes not in keep.notes:
        keep.notes = f"{keep.notes}\n{dup.notes}".strip() if keep.notes else dup.notes
        result.fields_filled.append("notes")
    keep.tags.extend(t for t in dup.tags if t not in keep.tags)
    keep.distinct.extend(d for d in dup.distinct if d not in keep.distinct)
    if keep.is_coalition:
        keep.members.extend(m for m in dup.members if m not in keep.members)


def _redirect(roster: Roster, mapping: dict[str, str], result: MergeResult) -> None:
    """Every reference in the roster to an old id now names its new one."""
    for entry in roster.entries.values():
        if entry.is_coalition and any(m in mapping for m in entry.members):
            members = list(dict.fromkeys(mapping.get(m, m) for m in entry.members))
            entry.members = [m for m in members if m != entry.id]
            result.coalitions.append(entry.id)
        if any(d in mapping for d in entry.distinct):
            entry.distinct = [d for d in dict.fromkeys(mapping.get(d, d) for d in entry.distinct)
                              if d != entry.id]
    for old, new in list(roster.redirects.items()):
        if new in mapping:
            roster.redirects[old] = mapping[new]
    roster.redirects.update(mapping)
    roster.invalidate()


# ---------------------------------------------------------------- the letters


def _merge_signatures(record: SignatureRecord, mapping: dict[str, str],
                      change: LetterChange) -> None:
    """One row per id after ``mapping``: the row that still stands wins, then the earlier."""
    rows: dict[str, Signature] = {}
    out: list[Signature] = []
    for sig in record.signatures:
        new = mapping.get(sig.id, sig.id)
        if new != sig.id:
            old = sig.id
            sig = dataclasses.replace(sig, id=new)
        else:
            old = ""
        current = rows.get(new)
        if current is None:
            rows[new] = sig
            out.append(sig)
            if old:
                change.moved.append(old)
            continue
        if old:
            change.folded.append(old)
        # Both signed: the standing signature wins; between two alike, the earlier date.
        better = (not sig.withdrawn, -_day(sig.date)) > (not current.withdrawn,
                                                          -_day(current.date))
        if better:
            current.date, current.withdrawn = sig.date, sig.withdrawn
        current.signer = current.signer or sig.signer
        current.unnamed = current.unnamed or sig.unnamed  # "do not name us" holds for both
    record.signatures = out


def _day(date: str) -> int:
    digits = date.replace("-", "")[:8]
    return int(digits) if digits.isdigit() else 0


def _rewrite_exports(record: SignatureRecord, mapping: dict[str, str],
                     change: LetterChange) -> None:
    for entry in record.exports:
        touched = False
        rows = entry.get("organizations")
        if isinstance(rows, list):
            new_rows: list[Any] = []
            for row in rows:
                if isinstance(row, str):
                    eid, sep, name = row.partition(" ")
                    if eid in mapping:
                        row, touched = f"{mapping[eid]}{sep}{name}", True
                elif isinstance(row, list) and row and row[0] in mapping:
                    row, touched = [mapping[row[0]], *row[1:]], True
                elif isinstance(row, dict) and row.get("id") in mapping:
                    row, touched = {**row, "id": mapping[row["id"]]}, True
                new_rows.append(row)
            entry["organizations"] = new_rows
        coalitions = entry.get("coalitions")
        if isinstance(coalitions, list) and any(c in mapping for c in coalitions):
            entry["coalitions"] = list(dict.fromkeys(mapping.get(c, c) for c in coalitions))
            touched = True
        change.exports += touched


# ---------------------------------------------------------------- the transaction


@dataclass
class _Write:
    path: Path
    before: str | None
    after: str


def _temp_copy(write: _Write) -> Path:
    """``write.after`` in a fsynced temporary file beside its target, with its mode."""
    import stat
    import tempfile

    fd, name = tempfile.mkstemp(prefix=f".{write.path.name}.", suffix=".tmp",
                                dir=write.path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(write.after.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(name, stat.S_IMODE(write.path.stat().st_mode))
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise
    return Path(name)




def _commit(writes: list[_Write]) -> None:
    """Write every file or none (see the module's docstring)."""
    temps: list[Path] = []
    try:
        for write in writes:
            temps.append(_temp_copy(write))
    except OSError as err:
        for tmp in temps:
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise IOFailure(f"could not write {err.filename or 'a temporary file'}: "
                        f"{err.strerror or err}; nothing was changed — check free disk space "
                        "and permissions") from None
    pause = float(os.environ.get("SIGNON_TEST_MERGE_PAUSE") or 0)  # lets a test kill us
    done: list[_Write] = []
    try:
        for write, tmp in zip(writes, temps, strict=True):
            os.replace(tmp, write.path)
            done.append(write)
            if pause:
                import time

                time.sleep(pause)
    except OSError as err:
        for write in done:  # put back what was already renamed
            if write.before is not None:
                with contextlib.suppress(OSError):
                    write.path.write_text(write.before, encoding="utf-8")
        for tmp in temps[len(done):]:
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise IOFailure(f"could not replace {err.filename}: {err.strerror or err}; nothing "
                        "was changed") from None
    for folder in dict.fromkeys(w.path.parent for w in writes):
        fsync_folder(folder)


@contextlib.contextmanager
def _locked_all(paths: list[Path]) -> Iterator[None]:
    from signon.fileio import locked

    with contextlib.ExitStack() as stack:
        for path in paths:
            stack.enter_context(locked(path))
        yield


def _counts(root: Path, slug: str, record: SignatureRecord, roster: Roster) -> dict[str, int]:
    from signon.counting import build_list
    from signon.letter import load_letter

    letter = load_letter(root, slug)
    letter.record = record
    return build_list(letter, roster).counts.as_dict()


def _apply(root: Path, before_roster: Roster, roster: Roster, roster_text: str,
           mapping: dict[str, str], result: MergeResult, *, dry_run: bool) -> None:
    """Rewrite every record naming an old id, then write everything (unless ``dry_run``)."""
    import copy

    from signon.fileio import read_text
    from signon.workspace import ROSTER_FILE

    slugs = [slug for slug in _slugs(root)
             if (letter_folder(root, slug) / RECORD_FILE).exists()]
    with _locked_all([letter_folder(root, s) / RECORD_FILE for s in slugs]):
        writes = []
        for slug in slugs:
            path = letter_folder(root, slug) / RECORD_FILE
            text = read_text(path, display=f"letters/{slug}/{RECORD_FILE}")
            if not any(old in text for old in mapping):  # a cheap test before parsing
                continue
            record = read_record(letter_folder(root, slug), slug)
            change = LetterChange(slug)
            change.before = _counts(root, slug, record, before_roster)
            updated = copy.deepcopy(record)
            _merge_signatures(updated, mapping, change)
            _rewrite_exports(updated, mapping, change)
            if not (change.moved or change.folded or change.exports):
                continue
            change.after = _counts(root, slug, updated, roster)
            _twice(updated, roster, set(mapping.values()), change)
            result.letters.append(change)
            after = updated.dumps()
            if after != text:
                writes.append(_Write(path, text, after))
        if dry_run:
            return
        after_roster = roster.dumps()
        writes.append(_Write(root / ROSTER_FILE, roster_text, after_roster))  # last
        _commit(writes)
        from signon.parsecache import prime

        prime(after_roster, roster.to_toml())


def _twice(record: SignatureRecord, roster: Roster, kept: set[str],
           change: LetterChange) -> None:
    """Note a kept entry that now signs both directly and through a coalition."""
    active = {s.id for s in record.active()}
    for sig in record.active():
        if sig.id in roster.entries and roster.entries[sig.id].is_coalition:
            for member in sorted(roster.descendants(sig.id) & active & kept):
                change.notes.append(
                    f"{member!r} now signs {change.letter!r} directly and through coalition "
                    f"{sig.id!r}; withdraw its direct signature from {change.letter!r}")


def merge(root: Path, keep_ref: str, duplicate_refs: list[str], *, dry_run: bool = False,
          drop_comments: bool = False) -> MergeResult:
    """Fold ``duplicate_refs`` into ``keep_ref`` everywhere (ids, acronyms, aliases or names)."""
    from signon.identity import resolve_ids

    if not duplicate_refs:
        raise RefusedInput("name the duplicates to merge into the entry to keep")
    with _roster_locked(root, drop_comments=drop_comments) as (roster, text):
        keep_id, *dups = resolve_ids(roster, [keep_ref, *duplicate_refs])
        dups = list(dict.fromkeys(dups))
        if keep_id in dups:
            raise RefusedInput(f"{keep_ref!r} is {keep_id!r}, the entry to keep; name the "
                               "duplicates after it")
        keep = roster.entries[keep_id]
        for dup_id in dups:
            dup = roster.entries[dup_id]
            if dup.is_coalition != keep.is_coalition:
                raise RefusedInput(
                    f"{dup_id!r} is {'a coalition' if dup.is_coalition else 'an organization'} "
                    f"and {keep_id!r} {'is' if keep.is_coalition else 'is not'} one; merge "
                    "entries of one kind (remove the coalition's member first, or change it "
                    "by hand)")
            if dup_id in roster.descendants(keep_id) or keep_id in roster.descendants(dup_id):
                raise RefusedInput(
                    f"{dup_id!r} and {keep_id!r} are members one of the other; take the member "
                    "out of the coalition first",
                    remedies=[Remedy("remove-members", (keep_id, dup_id)
                                     if dup_id in roster.descendants(keep_id)
                                     else (dup_id, keep_id))])
        import copy

        before = copy.deepcopy(roster)
        result = MergeResult(keep=keep_id, merged=dups, dry_run=dry_run)
        for dup_id in dups:
            _fold_into(keep, roster.entries[dup_id], result)
            del roster.entries[dup_id]
        keep.distinct = [d for d in keep.distinct if d not in dups and d != keep_id]
        _redirect(roster, {d: keep_id for d in dups}, result)
        _apply(root, before, roster, text, {d: keep_id for d in dups}, result,
               dry_run=dry_run)
    return result


def rename(root: Path, ref: str, new_id: str, *, dry_run: bool = False,
           drop_comments: bool = False) -> MergeResult:
    """Give an entry a new id everywhere; the old id becomes a redirect."""
    from signon.identity import resolve_id

    with _roster_locked(root, drop_comments=drop_comments) as (roster, text):
        old = resolve_id(roster, ref)
        new_id = roster.claim_id(new_id, roster.entries[old].name)
        import copy

        before = copy.deepcopy(roster)
        result = MergeResult(keep=new_id, merged=[old], dry_run=dry_run)
        entry = roster.entries.pop(old)
        entry.id = new_id
        roster.entries[new_id] = entry
        _redirect(roster, {old: new_id}, result)
        _apply(root, before, roster, text, {old: new_id}, result, dry_run=dry_run)
    return result


def _slugs(root: Path) -> list[str]:
    from signon.workspace import Workspace

    return Workspace(root).letter_slugs()


@contextlib.contextmanager
def _roster_locked(root: Path, *, drop_comments: bool) -> Iterator[tuple[Roster, str]]:
    from signon.fileio import locked
    from signon.roster import load_roster_toml
    from signon.workspace import ROSTER_FILE, refuse_dropping_comments

    path = root / ROSTER_FILE
    with locked(path):
        data, text = load_roster_toml(path, display=ROSTER_FILE)
        if not drop_comments:
            refuse_dropping_comments(text)
        yield Roster.from_toml(data, display=ROSTER_FILE, text=text), text
