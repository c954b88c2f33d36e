"""The workspace: a folder holding ``orgs.toml`` and ``letters/`` — and the library's front door.

Found as git finds its repository: ``--workspace DIR``, else ``SIGNON_WORKSPACE``,
else the nearest folder at or above the current one that holds ``orgs.toml``.

Everything a coordinator does is a method of :class:`Workspace`, with one calling
convention (the workspace, then the letter's slug, then keyword options)::

    ws = find_workspace("path/to/workspace")
    ws.sign("appeal", ["viasna", "hrh-baku"])
    [result] = ws.check(["appeal"])
    composed = ws.compose("appeal")          # LetterHasErrors if check finds errors

The modules behind the methods (signing, check, compose, export, importers…) are
imported by the method that needs them, so opening a workspace stays cheap.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from signon.errors import NotAWorkspace, RefusedInput, WorkspaceFileError
from signon.fileio import atomic_write, find_comment, locked
from signon.parsecache import MIN_SIZE, cached_result, code_version, prime, prime_result
from signon.roster import (
    Entry,
    Roster,
    load_roster_toml,
    read_roster,
    roster_from,
    same_as_read,
)
from signon.tomlwrite import dumps_roster

if TYPE_CHECKING:
    from signon.check import CheckResult
    from signon.compose import Composed
    from signon.diff import Diff
    from signon.export import ExportPlan, Options
    from signon.identity import Pair
    from signon.identity.merge import MergeResult
    from signon.importers.form_csv import CsvImport
    from signon.importers.letter_import import LetterImport
    from signon.letter import Individual, Letter
    from signon.roster_edits import OrgChange
    from signon.signing import SignResult
    from signon.stats import Stats

ROSTER_FILE = "orgs.toml"
LETTERS_DIR = "letters"

# Lock and temp files live beside the files they protect; a coalition that keeps
# its workspace in git should never commit them.
_GITIGNORE = ".*.lock\n.*.tmp\n.signon-exports.json\n"


@dataclass(frozen=True)
class Workspace:
    root: Path

    @property
    def roster_path(self) -> Path:
        return self.root / ROSTER_FILE

    @property
    def letters_dir(self) -> Path:
        return self.root / LETTERS_DIR

    def roster(self) -> Roster:
        roster, text = read_roster(self.roster_path, display=ROSTER_FILE)
        # What the roster was read from: results derived from it alone (its likely
        # duplicate pairs) can be cached by content.  Any change to the roster drops it.
        roster.identity_cache["source"] = text
        return roster

    @contextlib.contextmanager
    def edit_roster(
        self, *, drop_comments: bool = False, dry_run: bool = False
    ) -> Iterator[Roster]:
        """Lock, read the current roster, let the caller change it, write it back atomically.

        The roster is read under the lock so that concurrent commands each see
        the others' updates.  Nothing is written when the caller raises, when
        nothing changed, or on a dry run.
        """
        with locked(self.roster_path):
            data, text = load_roster_toml(self.roster_path, display=ROSTER_FILE)
            roster = roster_from(data, text, display=ROSTER_FILE)
            yield roster
            if dry_run:
                return
            table = roster.to_toml()
            # Nothing changed?  Decided on parsed data, far cheaper than serializing a
            # large roster, and true of a hand-written file too (other key order, empty
            # values or tables left out): ``data`` is untouched, the roster holds copies.
            if same_as_read(table, data):
                return
            after = _spliced(text, data, table)
            if after is None:
                after = dumps_roster(table)
            if after == text:
                return
            if not drop_comments:
                refuse_dropping_comments(text)
            atomic_write(self.roster_path, after)
            prime(after, table)
            # Written in the canonical layout: the next change may be spliced in too.
            prime_result(_canonical_kind(), after, {"canonical": True})

    def add_org(self, name: str, *, force: bool = False, drop_comments: bool = False,
                **fields: Any) -> OrgChange:
        """Add an organization; ``fields`` are those of :func:`signon.roster.make_entry`
        (``eid``, ``country``, ``aliases``…).  A name that is another entry's is refused
        unless ``force``; the entries it looks like are in ``resemblances``."""
        from signon import roster_edits

        return roster_edits.add_org(self, name, force=force, drop_comments=drop_comments,
                                    **fields)

    def add_coalition(self, name: str, *, members: Sequence[str] = (), force: bool = False,
                      drop_comments: bool = False, **fields: Any) -> OrgChange:
        """Add a coalition of ``members`` (ids, acronyms, aliases or names)."""
        from signon import roster_edits

        return roster_edits.add_coalition(self, name, members=members, force=force,
                                          drop_comments=drop_comments, **fields)

    def add_members(self, coalition: str, members: str | Sequence[str], *,
                    drop_comments: bool = False) -> tuple[str, list[str]]:
        """Add members to a coalition: its id and the members added (not already there)."""
        from signon import roster_edits

        return roster_edits.change_members(self, coalition, _many(members), add=True,
                                           drop_comments=drop_comments)

    def remove_members(self, coalition: str, members: str | Sequence[str], *,
                       drop_comments: bool = False) -> tuple[str, list[str]]:
        from signon import roster_edits

        return roster_edits.change_members(self, coalition, _many(members), add=False,
                                           drop_comments=drop_comments)

    def edit_org(self, ref: str, **changes: Any) -> OrgChange:
        """Change an entry's fields, aliases, tags, names in languages or id: the keywords
        of :func:`signon.roster_edits.edit_org`."""
        from signon import roster_edits

        return roster_edits.edit_org(self, ref, **changes)

    def remove_org(self, ref: str, *, drop_comments: bool = False) -> Entry:
        """Remove an entry; refused while a letter or a coalition refers to it."""
        from signon import roster_edits

        return roster_edits.remove_org(self, ref, drop_comments=drop_comments)

    def letters_signed(self, ref: str) -> list[dict[str, Any]]:
        """The letters an entry signed, directly or through a coalition, one row each
        (``letter``, ``via``, ``date``, ``withdrawn``, ``unnamed``)."""
        from signon.identity import resolve_id
        from signon.signing import letters_signed

        roster = self.roster()
        return letters_signed(self.root, roster, resolve_id(roster, ref), self.letter_slugs())

    def letter_dir(self, slug: str) -> Path:
        return self.letters_dir / slug

    def letter_slugs(self) -> list[str]:
        if not self.letters_dir.is_dir():
            return []
        return sorted(
            p.name for p in self.letters_dir.iterdir() if (p / "letter.md").exists()
        )

    # ------------------------------------------------------------- letters

    def letter(self, slug: str) -> Letter:
        """The letter as written (front matter, body, its signature record)."""
        from signon.letter import load_letter

        return load_letter(self.root, slug)

    def new_letter(self, slug: str, *, title: str = "", date: str = "",
                   language: str = "en") -> Path:
        """Scaffold letters/SLUG/letter.md; returns its path."""
        from signon.letter import new_letter

        return new_letter(self.root, slug, title=title, date=date, language=language)

    def check(self, slugs: str | Sequence[str] | None = None, *,
              strict: bool = False) -> list[CheckResult]:
        """Check the letters named (every letter when None); a named letter must exist."""
        from signon.check import check_letters

        slugs = _many(slugs or ())
        if slugs:
            for slug in slugs:  # refused (exit 3/4) before any letter is judged
                if not (self.letter_dir(slug) / "letter.md").is_file():
                    self.letter(slug)
        roster = self.roster()
        return check_letters(self.root, roster, list(slugs or self.letter_slugs()),
                             strict=strict)

    def compose(self, slug: str, *, language: str | None = None,
                force: bool = False) -> Composed:
        """The letter ready for output.  Refused (``LetterHasErrors``, with the check
        results) when check finds errors in it, unless ``force``; ``.check`` holds the
        findings either way."""
        from signon.compose import compose_checked

        return compose_checked(self.letter(slug), self.roster(), language=language,
                               force=force)

    def sign(self, slug: str, ids: str | Sequence[str], *, date: str | None = None,
             signer: str = "", force: bool = False, dry_run: bool = False,
             unnamed: bool = False) -> SignResult:
        """Record that organizations or coalitions signed (a coalition signs for its
        members); ``force`` records one that already signs through a coalition;
        ``unnamed``: counted, never printed.  Ids may be acronyms, aliases or names."""
        from signon.signing import sign_letter

        return sign_letter(self.root, slug, _many(ids), date=date, signer=signer,
                           force=force, dry_run=dry_run, unnamed=unnamed)

    def withdraw(self, slug: str, ids: str | Sequence[str] = (), *,
                 individuals: str | Sequence[str] = (), date: str | None = None) -> int:
        """Withdraw signatures (kept on record with the date); returns how many."""
        from signon.signing import withdraw_signatures

        return withdraw_signatures(self.root, slug, _many(ids), individuals=_many(individuals),
                                   date=date)

    def merge(self, keep: str, duplicates: str | Sequence[str], *, dry_run: bool = False,
              drop_comments: bool = False) -> MergeResult:
        """Fold ``duplicates`` into ``keep`` in every letter, coalition and export record
        (see :mod:`signon.identity.merge`)."""
        from signon.identity.merge import merge

        return merge(self.root, keep, _many(duplicates), dry_run=dry_run,
                     drop_comments=drop_comments)

    def duplicates(self) -> list[Pair]:
        """Every likely duplicate pair of the roster, best first."""
        from signon.identity import duplicates

        return duplicates(self.roster())

    def sign_individual(self, slug: str, name: str, *, title: str = "",
                        affiliation: str = "", date: str | None = None) -> Individual:
        from signon.signing import add_individual

        return add_individual(self.root, slug, name, title=title, affiliation=affiliation,
                              date=date)

    # -------------------------------------------------------------- output

    def plan_export(self, slugs: str | Sequence[str], formats: str | Sequence[str], *,
                    output: str | os.PathLike[str] | None = None,
                    language: str | None = None, force: bool = False,
                    keep_going: bool = False, skip_missing_language: bool = False,
                    output_is_folder: bool = False, options: Options | None = None,
                    cwd: Path | None = None) -> ExportPlan:
        """Compose each letter through the gate and decide its files (nothing written)."""
        from signon.export import plan_exports

        return plan_exports(self.root, self.roster(), _many(slugs), _many(formats),
                            output=output, language=language, cwd=cwd, force=force,
                            keep_going=keep_going,
                            skip_missing_language=skip_missing_language,
                            output_is_folder=output_is_folder, options=options)

    def write_export(self, plan: ExportPlan, *, force: bool = False,
                     options: Options | None = None,
                     progress: Any = None) -> list[Path]:
        """Write what :meth:`plan_export` planned; returns the files written."""
        from signon.export import Options as _Options
        from signon.export import write_exports

        write_exports(self.root, plan.plans, force=force, options=options or _Options(),
                      progress=progress)
        return [path for p in plan.plans for path in p.written]

    def export(self, slug: str, formats: str | Sequence[str], *,
               output: str | os.PathLike[str] | None = None, language: str | None = None,
               force: bool = False, options: Options | None = None) -> list[Path]:
        """Export one letter in ``formats``; returns the files written.  ``force``
        writes a letter check finds errors in, and replaces files signon did not write."""
        plan = self.plan_export([slug], formats, output=output, language=language,
                                force=force, options=options)
        return self.write_export(plan, force=force, options=options)

    def stats(self, slug: str, *, language: str | None = None) -> Stats:
        from signon.stats import compute_stats

        return compute_stats(self.letter(slug), self.roster(), language=language)

    def diff(self, slug: str, *, since: str | None = None,
             language: str | None = None) -> Diff:
        """Changes since a date (YYYY-MM-DD) or, when None, since the last export."""
        from signon.diff import compute_diff

        return compute_diff(self.letter(slug), self.roster(), since=since, language=language)

    # -------------------------------------------------------------- import

    def import_letter(self, path: Path, slug: str, **options: Any) -> LetterImport:
        """Read an existing letter into the roster and letters/SLUG/ (options: those of
        :func:`signon.importers.letter_import.import_letter`, e.g. ``dry_run=True``)."""
        from signon.importers.letter_import import import_letter

        return import_letter(self, path, slug, **options)

    def import_csv(self, path: Path, slug: str, **options: Any) -> CsvImport:
        """Sign-ups from a form export (options: those of
        :func:`signon.importers.form_csv.import_csv`)."""
        from signon.importers.form_csv import import_csv

        return import_csv(self, path, slug, **options)


def _canonical_kind() -> str:
    import signon.tomlwrite

    return f"roster-canonical-{code_version(signon.tomlwrite.__file__)}"


def _spliced(text: str, data: dict[str, Any], table: dict[str, Any]) -> str | None:
    """The roster's new text made by rewriting only the entries that changed
    (:func:`signon.tomlwrite.splice_roster`), when ``text`` is in the canonical layout
    of ``data``: known by content from the parse cache (signon wrote it, or a full
    rewrite was compared with it once).  None: write it in full.  A large roster only;
    a small one is written in full in less time than it takes to ask."""
    if len(text) < MIN_SIZE:
        return None
    from signon.tomlwrite import splice_roster

    def compare() -> dict[str, Any]:
        # The canonical layout of what the file says (keys in signon's order, entries
        # sorted): equal text means every entry the splice leaves alone is as a full
        # rewrite would write it.
        canonical = Roster.from_toml(data, display=ROSTER_FILE, text=text).to_toml()
        return {"canonical": dumps_roster(canonical) == text}

    canonical = cached_result(_canonical_kind(), text, compare)
    return splice_roster(text, data, table) if canonical.get("canonical") is True else None


def refuse_dropping_comments(text: str) -> None:
    """Refuse to rewrite a roster whose text holds a hand-written comment (tomli-w cannot
    keep comments); the caller's ``drop_comments`` overrides it."""
    comment = find_comment(text)
    if comment:
        line, col = comment
        raise WorkspaceFileError(
            f"{ROSTER_FILE}:{line}:{col}: holds a hand-written comment that rewriting the "
            "file would drop; move the remark into the entry's notes (or delete it) and "
            "run again",
            override="drop_comments",
        )


_SOURCE = re.compile(r"^letter(?:\.[A-Za-z0-9_-]+)?\.md\Z")


def is_workspace_file(root: Path, path: Path) -> bool:
    """Whether ``path`` is one of the files signon reads as the workspace itself
    (orgs.toml, a letter's letter*.md or signatures.toml, their locks): output such as
    ``compose -o`` or ``export -o`` must never be written over them."""
    resolved = path.resolve()
    base = root.resolve()
    if resolved.parent == base:
        return resolved.name in (ROSTER_FILE, f".{ROSTER_FILE}.lock")
    if resolved.parent.parent == base / LETTERS_DIR:
        name = resolved.name
        return bool(_SOURCE.match(name)) or name in ("signatures.toml", ".signatures.toml.lock")
    return False


def find_workspace(
    explicit: str | os.PathLike[str] | None = None, *, cwd: Path | None = None
) -> Workspace:
    if explicit is None:
        explicit = os.environ.get("SIGNON_WORKSPACE") or None
    if explicit is not None:
        root = Path(explicit).expanduser().resolve()
        if not (root / ROSTER_FILE).exists():
            raise NotAWorkspace(f"{root} is not a signon workspace (no {ROSTER_FILE})",
                                folder=os.fspath(explicit), named=True)
        return Workspace(root)
    start = (cwd or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        if (folder / ROSTER_FILE).exists():
            return Workspace(folder)
    raise NotAWorkspace(f"no {ROSTER_FILE} in {start} or any folder above it", folder=str(start))


def init_workspace(path: Path) -> Workspace:
    """Create ``path/orgs.toml`` and ``path/letters/``; refuse to touch an existing roster."""
    root = path.expanduser().resolve()
    roster = root / ROSTER_FILE
    if roster.exists():
        raise RefusedInput(
            f"{roster} already exists; signon init never overwrites a roster — "
            "use that workspace, or choose another folder"
        )
    try:
        (root / LETTERS_DIR).mkdir(parents=True, exist_ok=True)
        with locked(roster):
            if roster.exists():  # lost a race with another init
                raise RefusedInput(
                    f"{roster} already exists; signon init never overwrites a roster — "
                    "use that workspace, or choose another folder"
                )
            atomic_write(roster, Roster().dumps())
        gitignore = root / ".gitignore"
        if not gitignore.exists():
            atomic_write(gitignore, _GITIGNORE)
    except OSError as err:
        from signon.errors import IOFailure

        raise IOFailure(
            f"cannot create a workspace in {root}: {err.strerror}; check that the path is a "
            "folder you can write to"
        ) from None
    return Workspace(root)


def _many(value: str | Sequence[str]) -> list[str]:
    """One name or several: ``ws.check("big")`` must not check letters "b", "i" and "g"."""
    return [value] if isinstance(value, str) else list(value)
