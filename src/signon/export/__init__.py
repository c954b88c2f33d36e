"""Exporting letters: Word, PDF, HTML, Markdown, plain text and CSV.

One module per format, each a ``render(composed, …) -> bytes`` over the same
composed letter, so every format holds the list ``compose`` prints.  This
module decides where files go, refuses to replace files that are not
signon's own earlier output (see :mod:`signon.export._owned`), writes
atomically and records the export in the letter's history.

Nothing is written until every letter has composed and every target has
been checked, so a refused export changes nothing; each letter's files are
all rendered before the first of them is written.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from signon.compose import Composed
from signon.errors import RefusedInput, Remedy
from signon.roster import Roster

if TYPE_CHECKING:
    from signon.check import CheckResult

# In the order they are produced: the PDF is converted from the DOCX bytes.
FORMATS = ("docx", "pdf", "html", "md", "txt", "csv")


@dataclass(frozen=True)
class Options:
    reference_docx: Path | None = None
    paper: str | None = None  # "a4" or "letter": overrides the letter's front matter
    bom: bool = False


@dataclass
class LetterExport:
    """One letter's planned (then written) files."""

    composed: Composed
    targets: dict[str, Path]  # format -> file
    written: list[Path] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return self.composed.letter.slug


def render(
    composed: Composed,
    fmt: str,
    options: Options = Options(),
    cache: dict[str, bytes] | None = None,
) -> bytes:
    """The bytes of ``composed`` in ``fmt`` (``cache`` lets the PDF reuse the DOCX)."""
    cache = {} if cache is None else cache
    if fmt in cache:
        return cache[fmt]
    data: bytes
    if fmt == "docx":
        from signon.export import docx

        data = docx.render(composed, reference=options.reference_docx, paper_name=options.paper)
    elif fmt == "pdf":
        from signon.export import pdf

        data = pdf.convert(render(composed, "docx", options, cache), name=composed.letter.slug)
    elif fmt == "html":
        from signon.export import html

        data = html.render(composed, paper_name=options.paper)
    elif fmt == "md":
        from signon.export import markdown

        data = markdown.render(composed)
    elif fmt == "txt":
        from signon.export import text

        data = text.render(composed)
    elif fmt == "csv":
        from signon.export import csv

        data = csv.render(composed, bom=options.bom)
    else:
        raise RefusedInput(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    cache[fmt] = data
    return data


def shown(path: Path) -> str:
    """A path as the user would type it: relative to the current folder when inside it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def file_name(slug: str, fmt: str, language: str | None) -> str:
    return f"{slug}.{language}.{fmt}" if language else f"{slug}.{fmt}"


def targets(
    slug: str,
    formats: Sequence[str],
    output: str | os.PathLike[str] | None,
    *,
    language: str | None,
    several_letters: bool,
    cwd: Path,
) -> dict[str, Path]:
    """Where each format goes: ``-o`` is a file for one format of one letter, else a folder.

    ``output`` is the -o value as typed: a trailing slash ("-o out/") makes it a folder,
    which a :class:`~pathlib.Path` would no longer show.
    """
    names = {fmt: file_name(slug, fmt, language) for fmt in formats}
    if output is None:
        return {fmt: cwd / name for fmt, name in names.items()}
    typed = os.fspath(output)
    if typed == "-":
        raise RefusedInput(
            "export writes files, not standard output; give a file or folder name, or "
            "compose the letter to print it as text",
            remedies=[Remedy("compose", (slug,))],
        )
    if not typed.strip():
        raise RefusedInput("the output path is empty; give a file or folder name")
    path = Path(typed)
    path = path if path.is_absolute() else cwd / path
    as_folder = (
        several_letters
        or len(formats) > 1
        or path.is_dir()
        or typed.endswith(("/", os.sep))
        or (os.altsep is not None and typed.endswith(os.altsep))
    )
    if not as_folder:
        _refuse_file_in_path(path.parent, path)
        return {formats[0]: path}
    if path.exists() and not path.is_dir():
        what = "several files" if several_letters or len(formats) > 1 else "into a folder"
        raise RefusedInput(
            f"{shown(path)} is a file, but this export writes {what}; give a folder "
            "(it is created if needed)", hint=[("output", "FOLDER/")]
        )
    _refuse_file_in_path(path, path)
    return {fmt: path / name for fmt, name in names.items()}


def _refuse_file_in_path(folder: Path, target: Path) -> None:
    """A folder on the way to ``target`` that is a file ("-o notes.csv/x.txt") is refused."""
    for parent in (folder, *folder.parents):
        if parent.exists():
            if not parent.is_dir():
                raise RefusedInput(
                    f"cannot write {shown(target)}: {shown(parent)} is a file, not a folder; "
                    "give another output path", hint=[("output", "PATH")]
                )
            return


def _refuse_sources(root: Path, path: Path) -> None:
    """Never write over the workspace's own files or an export manifest, even with --force."""
    from signon.export._owned import MANIFEST
    from signon.workspace import is_workspace_file

    if path.name == MANIFEST:
        raise RefusedInput(
            f"{shown(path)} is signon's record of the files it exported to that folder; "
            "export to another name", hint=[("output", "PATH")]
        )
    if is_workspace_file(root, path):
        raise RefusedInput(
            f"{shown(path)} is one of the workspace's own files; export to another name",
            hint=[("output", "PATH")]
        )


def check_targets(root: Path, plans: Sequence[LetterExport], *, force: bool) -> None:
    """Refuse before anything is written: one sentence naming every file in the way."""
    check_paths(root, [item for plan in plans for item in plan.targets.items()], force=force)


def check_paths(root: Path, paths: Sequence[tuple[str, Path]], *, force: bool) -> None:
    """The one policy for every file signon writes as output (export, compose -o):
    never a workspace file or a manifest, never twice, never a folder, and never over
    a file signon did not write there (or that changed since) unless ``force``."""
    from signon.export import _owned
    from signon.fileio import refuse_special

    blocked: list[str] = []
    manifests: dict[Path, dict[str, object]] = {}
    seen: dict[Path, str] = {}
    for fmt, path in paths:
        _refuse_sources(root, path)
        if not path.is_dir():  # a FIFO or a device is never replaced, even with --force
            refuse_special(path)
        key = path.resolve()
        if key in seen:
            raise RefusedInput(
                f"{shown(path)} would be written twice ({seen[key]} and {fmt}); "
                "write them into a folder", hint=[("output", "FOLDER/")]
            )
        seen[key] = fmt
        if path.is_dir():
            raise RefusedInput(f"{shown(path)} is a folder; give a file name",
                               hint=[("output", "FILE")])
        if force or not path.exists():
            continue
        folder = path.parent
        if folder not in manifests:
            manifests[folder] = _owned.load(folder)
        own, why = _owned.is_own(path, manifests[folder])
        if not own:
            blocked.append(f"{shown(path)} ({why})")
    if blocked:
        what = (
            blocked[0]
            if len(blocked) == 1
            else f"{len(blocked)} files: "
            + "; ".join(blocked[:3])
            + ("; …" if len(blocked) > 3 else "")
        )
        raise RefusedInput(f"not replacing {what}; choose another file name", override="force")


def write_output(root: Path, path: Path, data: bytes, *, letter: str, fmt: str,
                 force: bool = False) -> None:
    """Write one output file as an export writes its files: the same refusals, under the
    folder's lock, atomically, recorded in the folder's manifest so that the next run
    may replace it.  (Not an export: the letter's export history is left alone.)"""
    from signon.export import _owned
    from signon.fileio import atomic_write

    _refuse_file_in_path(path.parent, path)
    check_paths(root, [(fmt, path)], force=force)
    path.parent.mkdir(parents=True, exist_ok=True)
    with _owned.folder_lock(path.parent):
        check_paths(root, [(fmt, path)], force=force)
        files = _owned.load(path.parent)
        atomic_write(path, data)
        _owned.record(files, path, data, letter=letter, fmt=fmt)
        _owned.save(path.parent, files)


@dataclass
class ExportPlan:
    """What an export will write, and the letters it leaves out."""

    plans: list[LetterExport] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # no version in the language asked
    refused: list[CheckResult] = field(default_factory=list)  # check finds errors in them


def plan_exports(
    root: Path,
    roster: Roster,
    slugs: Sequence[str],
    formats: Sequence[str],
    *,
    output: str | os.PathLike[str] | None = None,
    language: str | None = None,
    cwd: Path | None = None,
    skip_missing_language: bool = False,
    output_is_folder: bool = False,
    options: Options | None = None,
    force: bool = False,
    keep_going: bool = False,
) -> ExportPlan:
    """Compose every letter through the gate and decide its files.

    A letter with errors refuses the whole export (LetterHasErrors) unless ``force``;
    with ``keep_going`` (every letter of a workspace) it is left out and reported in
    ``refused`` while the clean letters are exported.
    """
    from signon.compose import compose_checked
    from signon.errors import LetterHasErrors
    from signon.letter import load_letter

    chosen = [f for f in FORMATS if f in formats]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise RefusedInput(
            f"unknown export format {unknown[0]!r}; use one of " + ", ".join(FORMATS)
        )
    if not chosen:
        raise RefusedInput(
            "choose at least one format: " + ", ".join(FORMATS)
        )
    if "pdf" in chosen:
        from signon.export import pdf

        pdf.soffice()  # refuse now, before any file is written
    if options is not None and options.reference_docx is not None:
        from signon.export.docx import check_reference

        check_reference(options.reference_docx)
    here = cwd or Path.cwd()
    out = ExportPlan()
    for slug in slugs:
        letter = load_letter(root, slug)
        if language and skip_missing_language and language not in letter.languages():
            out.skipped.append(slug)
            continue
        try:
            composed = compose_checked(letter, roster, language=language, force=force)
        except LetterHasErrors as err:
            if not keep_going:
                raise
            out.refused.extend(err.results)
            continue
        out.plans.append(
            LetterExport(
                composed,
                targets(
                    slug,
                    chosen,
                    output,
                    language=language,
                    several_letters=output_is_folder or len(slugs) > 1,
                    cwd=here,
                ),
            )
        )
    return out


def write_exports(
    root: Path,
    plans: Sequence[LetterExport],
    *,
    force: bool = False,
    options: Options = Options(),
    progress: Callable[[LetterExport], None] | None = None,
) -> None:
    """Check, render, write atomically and record every planned export."""
    from signon.export import _owned
    from signon.fileio import atomic_write
    from signon.history import record_export

    check_targets(root, plans, force=force)
    for plan in plans:
        cache: dict[str, bytes] = {}
        payloads = {fmt: render(plan.composed, fmt, options, cache) for fmt in plan.targets}
        folders = sorted({path.parent for path in plan.targets.values()})
        for folder in folders:
            folder.mkdir(parents=True, exist_ok=True)
            with _owned.folder_lock(folder):
                # Checked again under the lock: another export may have written meanwhile.
                mine = {f: p for f, p in plan.targets.items() if p.parent == folder}
                check_targets(root, [LetterExport(plan.composed, mine)], force=force)
                files = _owned.load(folder)
                for fmt, path in mine.items():
                    atomic_write(path, payloads[fmt])
                    _owned.record(files, path, payloads[fmt], letter=plan.slug, fmt=fmt)
                    plan.written.append(path)
                _owned.save(folder, files)
        record_export(root, plan.composed, list(plan.targets))
        if progress is not None:
            progress(plan)


def export(
    root: Path,
    roster: Roster,
    slug: str,
    formats: Sequence[str],
    *,
    output: str | os.PathLike[str] | None = None,
    force: bool = False,
    language: str | None = None,
    options: Options = Options(),
    cwd: Path | None = None,
) -> list[Path]:
    """Export one letter; returns the files written."""
    plan = plan_exports(
        root, roster, [slug], formats, output=output, language=language, cwd=cwd, force=force
    )
    write_exports(root, plan.plans, force=force, options=options)
    return plan.plans[0].written
