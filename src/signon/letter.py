"""Letters: ``letters/<slug>/letter.md`` (written by people) and ``signatures.toml`` (by signon).

``letter.md`` holds TOML front matter between ``+++`` lines and a Markdown body
with Jinja2 placeholders.  signon never rewrites it.  Who signed, when, with
which signer, and who withdrew live in ``signatures.toml`` beside it.
Translations are ``letter.<lang>.md`` with their own front matter.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from signon.errors import RefusedInput, Remedy, WorkspaceFileError
from signon.fileio import atomic_write, locked, parse_toml, read_text
from signon.parsecache import prime
from signon.text import ID_PATTERN, validate, windows_reserved

LETTER_FILE = "letter.md"
RECORD_FILE = "signatures.toml"
COUNT_RULES = ("organizations", "entries", "names")
ORDERS = ("signed", "name", "country")
# Letter slugs and roster ids are one kind of name: folder names, URLs, shell words.
SLUG_PATTERN = ID_PATTERN
_TRANSLATION = re.compile(r"^letter\.([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)\.md\Z")


def check_slug(slug: str) -> str:
    if not SLUG_PATTERN.match(slug):
        raise RefusedInput(
            f"letter name {slug!r} is not a valid slug; use lower-case letters, digits, '-', '.' "
            "or '_' (e.g. bialiatski-2011)"
        )
    if windows_reserved(slug):
        raise RefusedInput(
            f"letter name {slug!r} is a device name Windows reserves (CON, NUL, AUX, PRN, "
            "COM1…, LPT1…), so its folder could not be copied there; choose another name"
        )
    return slug


def today() -> str:
    return dt.date.today().isoformat()


def check_date(value: str, *, what: str = "date", argument: str = "") -> str:
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise RefusedInput(f"{what} {value!r} is not a date; write it as YYYY-MM-DD",
                           argument=argument) from None


@dataclass
class FrontMatter:
    title: str = ""
    date: str = ""
    language: str = "en"
    recipients: list[str] = field(default_factory=list)
    count: str = "organizations"
    order: str = "signed"
    show_countries: bool = True
    claim: int | str | None = None
    paper: str = ""  # "a4" or "letter"; empty: the language's default
    extra: dict[str, Any] = field(default_factory=dict)
    # Keys the file sets: a translation that leaves one out follows the main letter.
    given: set[str] = field(default_factory=set)


@dataclass
class LetterText:
    """One language version of a letter: its front matter and body."""

    path: Path
    display: str  # e.g. "letters/demo/letter.md", used in messages
    front: FrontMatter
    body: str
    body_line: int  # line of the file on which the body starts (1-based)
    front_line: int  # line of the front matter's `claim` key, else of its first line (1-based)


def split_front_matter(text: str, *, display: str) -> tuple[str, str, int]:
    """Split ``+++``-fenced front matter from the body; returns (front, body, body_line)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "+++":
        raise WorkspaceFileError(
            f"{display}:1:1: the letter must start with a '+++' line, then its TOML front "
            "matter (title, date, language…), then another '+++' line"
        )
    for i in range(1, len(lines)):
        if lines[i].strip() == "+++":
            return "".join(lines[1:i]), "".join(lines[i + 1 :]), i + 2
    raise WorkspaceFileError(
        f"{display}:1:1: the front matter opened by '+++' is never closed; "
        "add a '+++' line after it"
    )


def parse_front_matter(source: str, *, display: str) -> FrontMatter:
    try:
        data = parse_toml(source, display=display)
    except WorkspaceFileError as err:
        # Positions from the parser are relative to the front matter: shift past the '+++' line.
        message = re.sub(
            r":(\d+):(\d+):",
            lambda m: f":{int(m.group(1)) + 1}:{m.group(2)}:",
            str(err),
            count=1,
        )
        raise WorkspaceFileError(message) from None
    front = FrontMatter(given=set(data))
    for key, value in data.items():
        if key in ("title", "language", "count", "order"):
            if not isinstance(value, str):
                raise WorkspaceFileError(f"{display}: front matter {key} must be a string")
            setattr(front, key, value.strip())
        elif key == "date":
            front.date = value.isoformat() if isinstance(value, dt.date) else str(value)
        elif key == "recipients":
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise WorkspaceFileError(f"{display}: recipients must be a list of strings")
            front.recipients = list(value)
        elif key == "show_countries":
            if not isinstance(value, bool):
                raise WorkspaceFileError(f"{display}: show_countries must be true or false")
            front.show_countries = value
        elif key == "claim":
            if not isinstance(value, (int, str)) or isinstance(value, bool):
                raise WorkspaceFileError(
                    f"{display}: claim must be a number or a phrase such as \"more than 70\""
                )
            front.claim = value
        elif key == "paper":
            from signon.letterlocale import PAPERS

            if not isinstance(value, str) or value.strip().lower() not in PAPERS:
                raise WorkspaceFileError(
                    f"{display}: paper must be one of " + ", ".join(repr(p) for p in PAPERS)
                )
            front.paper = value.strip().lower()
        else:
            front.extra[key] = value
    if front.count not in COUNT_RULES:
        raise WorkspaceFileError(
            f"{display}: count = {front.count!r} is not a count rule; use one of "
            + ", ".join(COUNT_RULES)
        )
    if front.order not in ORDERS:
        raise WorkspaceFileError(
            f"{display}: order = {front.order!r} is not an order; use one of " + ", ".join(ORDERS)
        )
    front.language = front.language or "en"
    return front


def read_letter_text(path: Path, *, display: str) -> LetterText:
    text = read_text(path, display=display)
    source, body, body_line = split_front_matter(text, display=display)
    front = parse_front_matter(source, display=display)
    # Findings about a front-matter claim point at its own line (the file's line 1 is '+++').
    claim_line = next((n for n, line in enumerate(source.splitlines(), start=2)
                       if re.match(r"\s*claim\s*=", line)), 2)
    return LetterText(path=path, display=display, front=front, body=body, body_line=body_line,
                      front_line=claim_line)


# --------------------------------------------------------------- signature record


@dataclass
class Signature:
    id: str
    date: str = ""
    signer: str = ""
    withdrawn: str = ""
    # A member that signed through coalition ``via`` and withdrew from this letter alone:
    # a withdrawn row, left out of that letter's list and counts.
    via: str = ""
    section: str = ""  # the group of the list it is printed in ("Regional"), as imported
    # Asked not to be named (a form's "may we list you publicly?" answered no): counted,
    # never printed.
    unnamed: bool = False
    # The name this letter prints, when it is not the roster's: an imported letter that
    # named the entry by an alias or a translation keeps printing that name.
    printed: str = ""

    def to_toml(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "date": self.date}
        if self.signer:
            out["signer"] = self.signer
        if self.withdrawn:
            out["withdrawn"] = self.withdrawn
        if self.via:
            out["via"] = self.via
        if self.section:
            out["section"] = self.section
        if self.unnamed:
            out["unnamed"] = True
        if self.printed:
            out["printed"] = self.printed
        return out


@dataclass
class Individual:
    name: str
    title: str = ""
    affiliation: str = ""
    date: str = ""
    withdrawn: str = ""
    section: str = ""  # the heading it is printed under ("Individuals", "Personnalités")

    def to_toml(self) -> dict[str, str]:
        out = {"name": self.name}
        for key in ("title", "affiliation", "date", "withdrawn", "section"):
            value = getattr(self, key)
            if value:
                out[key] = value
        return out


@dataclass
class SignatureRecord:
    signatures: list[Signature] = field(default_factory=list)
    individuals: list[Individual] = field(default_factory=list)
    exports: list[dict[str, Any]] = field(default_factory=list)

    def active(self) -> list[Signature]:
        return [s for s in self.signatures if not s.withdrawn]

    def left_coalition(self) -> set[str]:
        """Members that withdrew from this letter while their coalition still signs."""
        return {s.id for s in self.signatures if s.via and s.withdrawn}

    def active_individuals(self) -> list[Individual]:
        return [i for i in self.individuals if not i.withdrawn]

    def find(self, eid: str) -> Signature | None:
        for sig in self.signatures:
            if sig.id == eid:
                return sig
        return None

    def to_toml(self) -> dict[str, Any]:
        data: dict[str, Any] = {"signatures": [s.to_toml() for s in self.signatures]}
        if self.individuals:
            data["individuals"] = [i.to_toml() for i in self.individuals]
        if self.exports:
            # Copied (entries are changed by replacing or popping keys, never nested
            # values in place), so that a snapshot taken before a change keeps its state.
            data["exports"] = [dict(entry) for entry in self.exports]
        return data

    def dumps(self) -> str:
        from signon.tomlwrite import dumps_document

        header = (
            "# Written by signon: who signed this letter, and when. Change it with\n"
            "# `signon sign`, `signon withdraw` and `signon sign-individual`.\n"
        )
        return header + dumps_document(self.to_toml())

    @classmethod
    def from_toml(cls, data: dict[str, Any], *, display: str) -> SignatureRecord:
        record = cls()
        for key, what in (("signatures", "{ id = \"…\", date = \"…\" } rows"),
                          ("individuals", "{ name = \"…\" } rows"), ("exports", "tables")):
            value = data.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
                raise WorkspaceFileError(
                    f"{display}: {key} must be a list of {what}; fix it (or restore the file "
                    "from git) and run the command again"
                )
        for i, row in enumerate(data.get("signatures", []), 1):
            if not isinstance(row, dict) or not isinstance(row.get("id"), str):
                raise WorkspaceFileError(f"{display}: signature #{i} has no id")
            if _PLAIN_SIGNATURE.issuperset(row) and all(type(v) is str for v in row.values()):
                record.signatures.append(Signature(**row))  # the usual row: no conversions
                continue
            record.signatures.append(Signature(
                id=row["id"], date=_text(row.get("date")), signer=_text(row.get("signer")),
                withdrawn=_text(row.get("withdrawn")), via=_text(row.get("via")),
                section=_text(row.get("section")),
                unnamed=row.get("unnamed") is True, printed=_text(row.get("printed")),
            ))
        for i, row in enumerate(data.get("individuals", []), 1):
            if not isinstance(row, dict) or not isinstance(row.get("name"), str):
                raise WorkspaceFileError(f"{display}: individual #{i} has no name")
            record.individuals.append(Individual(
                name=row["name"], title=_text(row.get("title")),
                affiliation=_text(row.get("affiliation")), date=_text(row.get("date")),
                withdrawn=_text(row.get("withdrawn")), section=_text(row.get("section")),
            ))
        exports = data.get("exports", [])
        record.exports = [dict(e) for e in exports if isinstance(e, dict)]
        return record


_PLAIN_SIGNATURE = frozenset({"id", "date", "signer", "withdrawn", "via", "section",
                              "printed"})


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


# --------------------------------------------------------------- the letter


@dataclass
class Letter:
    slug: str
    folder: Path
    main: LetterText
    record: SignatureRecord

    @property
    def front(self) -> FrontMatter:
        return self.main.front

    def languages(self) -> dict[str, Path]:
        """Every language version: the main letter's language plus letter.LANG.md files."""
        found = {self.front.language: self.main.path}
        for path in sorted(self.folder.glob("letter.*.md")):
            m = _TRANSLATION.match(path.name)
            if m:
                found.setdefault(m.group(1), path)
        return found

    def text_for(self, language: str | None) -> LetterText:
        if not language or language == self.front.language:
            return self.main
        versions = self.languages()
        path = versions.get(language)
        if path is None:
            raise RefusedInput(
                f"letter {self.slug!r} has no {language!r} version; write "
                f"letters/{self.slug}/letter.{language}.md (it has: {', '.join(versions)})"
            )
        return read_letter_text(path, display=f"letters/{self.slug}/{path.name}")


def letter_folder(root: Path, slug: str) -> Path:
    # Every command reaches a letter through here: a slug such as "../x" or "/tmp/x"
    # must never lead outside the workspace's letters/ folder.
    return root / "letters" / check_slug(slug)


def load_letter(root: Path, slug: str) -> Letter:
    folder = letter_folder(root, slug)
    path = folder / LETTER_FILE
    if not path.exists():  # a letter.md that is a folder is reported by read_text
        raise RefusedInput(
            f"no letter {slug!r} in this workspace (letters/{slug}/letter.md); "
            "list the letters, or create it",
            remedies=[Remedy("letters"), Remedy("new-letter", (slug,))],
        )
    main = read_letter_text(path, display=f"letters/{slug}/{LETTER_FILE}")
    return Letter(slug=slug, folder=folder, main=main, record=read_record(folder, slug))


def read_record(folder: Path, slug: str) -> SignatureRecord:
    path = folder / RECORD_FILE
    if not path.exists():
        return SignatureRecord()
    display = f"letters/{slug}/{RECORD_FILE}"
    data = parse_toml(read_text(path, display=display), display=display)
    return SignatureRecord.from_toml(data, display=display)


@contextlib.contextmanager
def edit_record(root: Path, slug: str, *, dry_run: bool = False) -> Iterator[SignatureRecord]:
    """Lock, read, change and atomically rewrite a letter's signature record."""
    folder = letter_folder(root, slug)
    if not (folder / LETTER_FILE).is_file():
        raise RefusedInput(
            f"no letter {slug!r} in this workspace; create it first",
            remedies=[Remedy("new-letter", (slug,))],
        )
    path = folder / RECORD_FILE
    with locked(path):
        record = read_record(folder, slug)
        before = record.to_toml()  # fresh dicts: comparing them is far cheaper than text
        yield record
        after = record.to_toml()
        if not dry_run and after != before:
            text = record.dumps()
            atomic_write(path, text)
            prime(text, after)  # the next command reads it without parsing


LETTER_TEMPLATE = '''\
+++
title = {title}
date = {date}
language = {language}
recipients = []
# count: organizations (distinct, coalitions expanded), entries or names
count = "organizations"
# order of the list: signed, name or country
order = "signed"
show_countries = true
# claim = 78   # the count a letter already sent stated, checked like a claim in the text
+++

{{{{ count }}}} organizations call on …

{{# Write the letter here, in Markdown, in place of this note (a template comment:
it never appears in the letter). {{{{ count }}}} is the number of signatory
organizations, {{{{ count | words }}}} the same in words, and the list of signatories
goes where {{{{ signatories }}}} stands. #}}

{{{{ signatories }}}}
'''


def new_letter(root: Path, slug: str, *, title: str = "", date: str = "",
               language: str = "en") -> Path:
    import tomli_w

    check_slug(slug)
    folder = letter_folder(root, slug)
    path = folder / LETTER_FILE
    if path.exists():
        raise RefusedInput(f"letters/{slug}/letter.md already exists; choose another name")
    title = validate("title", title) if title else slug.replace("-", " ").capitalize()
    date = check_date(date) if date else today()
    language = language.strip() or "en"
    if not re.match(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*\Z", language):
        raise RefusedInput(f"language {language!r} is not a language code; use e.g. en, fr, be")

    def lit(value: str) -> str:
        return tomli_w.dumps({"v": value})[4:].strip()

    text = LETTER_TEMPLATE.format(title=lit(title), date=lit(date), language=lit(language))
    created = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    try:
        with locked(path):
            if path.exists():
                raise RefusedInput(f"letters/{slug}/letter.md already exists; choose another name")
            atomic_write(path, text)
            written.append(path)
            record = folder / RECORD_FILE
            if not record.exists():
                atomic_write(record, SignatureRecord().dumps())
    except BaseException:
        # A full disk must leave neither half a scaffold nor an empty letters/SLUG/.
        for done in written:
            done.unlink(missing_ok=True)
        if created:
            _remove_empty_folder(folder)
        raise
    return path


def _remove_empty_folder(folder: Path) -> None:
    """Remove ``folder`` if nothing but signon's lock and temp files is left in it."""
    import shutil

    with contextlib.suppress(OSError):
        if all(p.name.startswith(".") and p.name.endswith((".lock", ".tmp"))
               for p in folder.iterdir()):
            shutil.rmtree(folder, ignore_errors=True)


def letter_references(root: Path, slugs: list[str]) -> dict[str, SignatureRecord]:
    """The signature records of ``slugs`` (letters whose letter.md may not even parse)."""
    return {slug: read_record(letter_folder(root, slug), slug) for slug in slugs}


def letters_referring(root: Path, slugs: list[str], eid: str) -> list[str]:
    """Letters whose record names ``eid`` directly, withdrawn or not (remove-org refuses then)."""
    return [slug for slug, record in letter_references(root, slugs).items()
            if record.find(eid) is not None]
