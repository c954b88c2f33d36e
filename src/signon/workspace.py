"""The workspace: a folder holding ``orgs.toml`` and ``letters/``.

Found as git finds its repository: ``--workspace DIR``, else ``SIGNON_WORKSPACE``,
else the nearest folder at or above the current one that holds ``orgs.toml``.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from signon.errors import NotAWorkspace, RefusedInput, WorkspaceFileError
from signon.fileio import atomic_write, find_comment, load_toml, locked
from signon.parsecache import prime
from signon.roster import Roster, read_roster, same_as_read
from signon.tomlwrite import dumps_roster

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
        return read_roster(self.roster_path, display=ROSTER_FILE)[0]

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
            data, text = load_toml(self.roster_path, display=ROSTER_FILE)
            roster = Roster.from_toml(data, display=ROSTER_FILE, text=text)
            yield roster
            if dry_run:
                return
            table = roster.to_toml()
            # Nothing changed?  Decided on parsed data, far cheaper than serializing a
            # large roster, and true of a hand-written file too (other key order, empty
            # values or tables left out): ``data`` is untouched, the roster holds copies.
            if same_as_read(table, data):
                return
            after = dumps_roster(table)
            if after == text:
                return
            comment = find_comment(text)
            if comment and not drop_comments:
                line, col = comment
                raise WorkspaceFileError(
                    f"{ROSTER_FILE}:{line}:{col}: holds a hand-written comment that rewriting the "
                    "file would drop; move the remark into the entry's notes (or delete it) and "
                    "run again, or run the command as `signon --drop-comments …` to drop it"
                )
            atomic_write(self.roster_path, after)
            prime(after, table)

    def letter_dir(self, slug: str) -> Path:
        return self.letters_dir / slug

    def letter_slugs(self) -> list[str]:
        if not self.letters_dir.is_dir():
            return []
        return sorted(
            p.name for p in self.letters_dir.iterdir() if (p / "letter.md").is_file()
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
        if not (root / ROSTER_FILE).is_file():
            raise NotAWorkspace(
                f"{root} is not a signon workspace (no {ROSTER_FILE}); "
                f"create one with `signon init {explicit}`"
            )
        return Workspace(root)
    start = (cwd or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        if (folder / ROSTER_FILE).is_file():
            return Workspace(folder)
    raise NotAWorkspace(
        f"no {ROSTER_FILE} in {start} or any folder above it; run `signon init` to create a "
        "workspace here, or pass --workspace DIR"
    )


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
