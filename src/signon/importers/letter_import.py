"""``signon import-letter``: an existing letter into the roster and a new letter folder.

The list found in the file is matched against the roster by the one
match-or-create policy of :func:`signon.identity.match_or_create` (so importing
the same letter twice creates nothing new), the rest is created, and the letter
is written as ``letters/SLUG/letter.md`` (the body as it was, the list replaced
by ``{{ signatories }}``) with its signature record.  The original claim ("78
human rights organizations") stays in the text, so that ``check`` reports it
against the count of the list as imported.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from signon.check import CheckResult, check_loaded
from signon.errors import RefusedInput
from signon.identity import IdentityIndex, Match
from signon.identity.people import with_earlier
from signon.importers.blocks import Document
from signon.importers.body import body_markdown
from signon.importers.dates import find_date, parse_date
from signon.importers.listparse import Explained, Note, ParsedEntry, ParsedList, parse_list
from signon.importers.shapes.unnamed import UnnamedReader, with_unnamed, workspace_templates
from signon.importers.sources import read_document
from signon.letter import (
    LETTER_FILE,
    RECORD_FILE,
    Individual,
    Letter,
    LetterText,
    Signature,
    SignatureRecord,
    check_date,
    check_slug,
    letter_folder,
    parse_front_matter,
    split_front_matter,
    today,
)
from signon.roster import Entry, Roster
from signon.text import fold, validate
from signon.workspace import Workspace


@dataclass
class PlanRow:
    """One imported name, for the dry-run table."""

    name: str
    kind: str
    country: str
    city: str
    id: str
    status: str  # "new", "matched"
    parent: str = ""  # the coalition it is printed under
    line: int = 0
    section: str = ""  # the group label of the list it is printed in
    depth: int = 0  # 0 for a top-level entry, 1 for a coalition's member, …


@dataclass
class LetterImport:
    slug: str
    source: str
    title: str
    date: str
    check: CheckResult
    new_ids: list[str]
    matched_ids: list[str]
    notes: list[Note]
    rows: list[PlanRow]
    individuals: list[Individual]
    coalitions: int
    dry_run: bool
    explained: list[Explained] = field(default_factory=list)  # what each block became
    sections: list[str] = field(default_factory=list)  # the list's group labels, in order
    list_span: tuple[int, int] = (0, 0)  # the list's first and one-past-last block

    def left_out(self) -> list[Explained]:
        """Every line inside the list that was not read as a name or a heading."""
        lo, hi = self.list_span
        return [e for e in self.explained if e.role == "left out" and lo <= e.index < hi]

    def findings(self) -> list[dict[str, Any]]:
        out = [f.to_json() for f in self.check.findings]
        out += [
            {
                "code": n.code,
                "severity": n.severity,
                "message": n.message,
                "line": n.line,
                "file": self.source,
            }
            for n in self.notes
        ]
        return out

    def to_json(self) -> dict[str, Any]:
        data = self.check.to_json()
        return {
            "letter": self.slug,
            "counts": data["counts"],
            "claims": data["claims"],
            "findings": self.findings(),
            "new_orgs": self.new_ids,
            "matched_orgs": self.matched_ids,
            "ok": data["ok"],
            "title": self.title,
            "date": self.date,
            "source": self.source,
            "individuals": [i.to_toml() for i in self.individuals],
            "dry_run": self.dry_run,
            "sections": self.sections,
            "left_out": [
                {"line": e.line or None, "text": e.text, "why": e.why}
                for e in self.left_out()
            ],
        }


# ------------------------------------------------------------------ matching and creating


@dataclass
class _Plan:
    """The list's names matched against the roster, or created, one by one (in the order
    printed, a coalition's members before it: its members decide its match)."""

    roster: Roster
    index: IdentityIndex
    source: str
    # Entries in the roster before the import: the only look-alikes the import reports
    # itself (see _resemblance).
    original: frozenset[str]
    new_ids: list[str] = field(default_factory=list)
    matched_ids: list[str] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    rows: list[PlanRow] = field(default_factory=list)
    # The same ids as sets: every entry asks whether an id is known (lists made it O(N²)).
    _new: set[str] = field(default_factory=set)
    _matched_set: set[str] = field(default_factory=set)
    _section: str = ""
    language: str = "en"
    # Signatory id → the name the letter printed, where that is another of the entry's
    # names (an alias, a translation) rather than the one the roster prints.
    printed: dict[str, str] = field(default_factory=dict)

    def resolve(self, entry: ParsedEntry, parent: ParsedEntry | None, depth: int = 0) -> str:
        from signon.identity import match_or_create

        members: list[str] = []
        if parent is None:
            self._section = entry.section
        at = len(self.rows)
        if entry.kind == "coalition":
            members = list(dict.fromkeys(self.resolve(m, entry, depth + 1)
                                         for m in entry.members))
        try:
            # The printed form too: a place the reader split off may be part of the name
            # the roster holds ("FIAN Norway").
            outcome = match_or_create(
                self.roster, self.index, entry.name, country=entry.country,
                country_is_guess=entry.inherited, coalition=entry.kind == "coalition",
                members=members, fields={"city": entry.city, "heading": entry.heading},
                also=[entry.printed], look_alikes=self.original,
            )
        except RefusedInput as err:
            where = f"{self.source}:{entry.line}" if entry.line else self.source
            raise RefusedInput(f"{where}: {entry.printed!r}: {err}") from None
        result = outcome.entry
        if parent is None and not outcome.created and fold(entry.name) not in {
                fold(result.name), fold(result.display_name(self.language))}:
            self.printed.setdefault(result.id, entry.name)
        if outcome.created:
            self.new_ids.append(result.id)
            self._new.add(result.id)
            for message in outcome.notes:
                self._note(entry, message)
            if not outcome.notes:
                self._resemblance(entry, result, outcome.resembles)
        elif result.id not in self._matched_set and result.id not in self._new:
            self.matched_ids.append(result.id)
            self._matched_set.add(result.id)
        self.rows.append(
            PlanRow(
                name=result.name,
                kind=result.kind,
                country=result.country,
                city=result.city,
                id=result.id,
                status="new" if result.id in self._new else "matched",
                parent=parent.printed if parent else "",
                line=entry.line,
                section=self._section,
                depth=depth,
            )
        )
        # A coalition's row goes before its members' (resolved first, for their ids).
        self.rows.insert(at, self.rows.pop())
        return result.id

    def _resemblance(self, entry: ParsedEntry, created: Entry, resembles: list[Match]) -> None:
        # resembles holds only entries that were in the roster before the import (look_alikes):
        # two look-alike names of this list are both on the letter, and check (run on the
        # import) reports such a pair once, roster-wide; a note per line would say it twice.
        if resembles:
            other = resembles[0]
            self._note(
                entry,
                f"{entry.printed!r} (new id {created.id!r}) looks like "
                f"{other.entry.name!r} ({other.entry.id}) already in the roster "
                f"({other.likeness.reason}); if they are one, merge {created.id!r} into "
                f"{other.entry.id!r}",
            )

    def _note(self, entry: ParsedEntry, message: str) -> None:
        self.notes.append(Note("possible-duplicate", message, entry.line or None))



def _signatures(parsed: ParsedList, plan: _Plan, date: str) -> list[Signature]:
    # Every name the plan will look up, keyed in one pass (as resolve asks: a country
    # taken from the coalition above is not asked about).
    every = parsed.walk()
    plan.index.prepare([e.name for e in every],
                       ["" if e.inherited else e.country for e in every],
                       also=[e.printed for e in every])
    sections: dict[str, str] = {}
    signers: dict[str, str] = {}
    for entry in parsed.entries:
        eid = plan.resolve(entry, None)
        sections.setdefault(eid, validate("section", entry.section))
        if entry.signer:
            signers.setdefault(eid, validate("signer", entry.signer))
    plan.index.share_keys()  # for the check of the import, which looks for duplicates
    return [Signature(id=eid, date=date, section=section, printed=plan.printed.get(eid, ""),
                      signer=signers.get(eid, ""))
            for eid, section in sections.items()]


def _individuals(parsed: ParsedList, date: str, source: str) -> list[Individual]:
    out: list[Individual] = []
    for person in parsed.individuals:
        try:
            individual = Individual(
                name=validate("name", person.name),
                title=validate("title", person.title),
                affiliation=validate("affiliation", person.affiliation),
                date=date,
                section=validate("section", person.section),
            )
        except RefusedInput as err:
            raise RefusedInput(f"{source}:{person.line}: {err}") from None
        out.append(individual)
    return [person for person, first in with_earlier(out) if first is None]


# ------------------------------------------------------------------ the letter file


def _letter_language(doc: Document) -> str:
    """The language the letter's prose is in (English when it cannot be told): the
    names of the list are left out where there is prose enough, as a German letter's
    signatories may well have English names."""
    from signon.importers.language import detect_language

    prose = "\n".join(b.text for b in doc.blocks if b.kind in ("para", "heading"))
    if len(prose) < 200:
        prose = "\n".join(b.text for b in doc.blocks)
    return detect_language(prose) or "en"


def _claim_for_front(title: str, body: str, language: str) -> int | str | None:
    """A claim stated only in the title (it is not in the body, where check reads claims)."""
    from signon.claims import find_claims

    in_body = {c.value for c in find_claims(body, language=language)}
    for claim in find_claims(title, language=language):
        if claim.value not in in_body:
            return claim.value if claim.qualifier == "exact" else claim.text
    return None


def letter_text(
    *,
    title: str,
    date: str,
    language: str,
    recipients: list[str],
    body: str,
    source: str,
    claim: int | str | None,
) -> str:
    import tomli_w

    front: dict[str, Any] = {
        "title": title,
        "date": date,
        "language": language,
        "recipients": recipients,
        "count": "organizations",
        "order": "signed",
        "show_countries": True,
    }
    if claim is not None:
        front["claim"] = claim
    front["imported_from"] = source
    return "+++\n" + tomli_w.dumps(front) + "+++\n\n" + body


def _letter(root: Path, slug: str, text: str, record: SignatureRecord) -> Letter:
    display = f"letters/{slug}/{LETTER_FILE}"
    source, body, body_line = split_front_matter(text, display=display)
    front = parse_front_matter(source, display=display)
    folder = letter_folder(root, slug)
    main = LetterText(
        path=folder / LETTER_FILE,
        display=display,
        front=front,
        body=body,
        body_line=body_line,
        front_line=2,
    )
    return Letter(slug=slug, folder=folder, main=main, record=record)


_SLUG = (("slug", "SLUG"),)


@contextlib.contextmanager
def _letter_lock(folder: Path, slug: str, dry_run: bool) -> Iterator[None]:
    """Hold letters/SLUG/letter.md's lock (a real run) and refuse an existing letter."""
    from signon.fileio import locked

    path = folder / LETTER_FILE
    exists = f"letters/{slug}/letter.md already exists; choose another name for the letter"
    if path.exists():
        raise RefusedInput(exists, hint=_SLUG)
    if dry_run:
        yield
        return
    created = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    try:
        with locked(path):
            if path.exists():
                raise RefusedInput(exists, hint=_SLUG)
            yield
    except BaseException:
        if created and not path.exists():
            for leftover in folder.glob(".*.lock"):
                with contextlib.suppress(OSError):
                    leftover.unlink()
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise


def import_letter(
    workspace: Workspace,
    path: Path,
    slug: str,
    *,
    start: str | None = None,
    end: str | None = None,
    title: str | None = None,
    date: str | None = None,
    language: str | None = None,
    holds: str | None = None,
    dry_run: bool = False,
    drop_comments: bool = False,
) -> LetterImport:
    from signon.counting import build_list
    from signon.fileio import atomic_write

    check_slug(slug)
    folder = letter_folder(workspace.root, slug)
    if (folder / LETTER_FILE).exists():
        raise RefusedInput(
            f"letters/{slug}/letter.md already exists; choose another name for the letter",
            hint=_SLUG,
        )
    doc = read_document(path)
    language = language or _letter_language(doc)
    # The workspace's own unnamed_line settings: its exports print those lines.
    unnamed = UnnamedReader(workspace_templates(workspace.root), language)
    if holds not in (None, "organizations", "individuals"):
        raise RefusedInput(f"a list holds organizations or individuals, not {holds!r}")
    parsed = parse_list(doc, start=start, end=end, unnamed=unnamed, holds=holds)
    if not parsed.entries and not parsed.individuals:
        raise RefusedInput(
            f"found no names in the list of {path.name}; give the lines it begins after "
            "and ends before",
            hint=(("start", "TEXT"), ("end", "TEXT")),
        )
    body = body_markdown(doc, parsed.start, parsed.end, parsed.furniture)
    the_title = validate("title", title or doc.title or path.stem.replace("-", " ").capitalize())
    if date:
        the_date = check_date(date)
    else:
        the_date = (
            (parse_date(doc.date) if doc.date else None)
            or find_date("\n".join(b.text for b in doc.blocks[: parsed.start]))
            or today()
        )
    recipients = [validate("recipient", r) for r in doc.recipients]
    text = letter_text(
        title=the_title,
        date=the_date,
        language=language,
        recipients=recipients,
        body=body,
        source=path.name,
        claim=_claim_for_front(the_title, body, language),
    )
    individuals = _individuals(parsed, the_date, path.name)
    with _letter_lock(folder, slug, dry_run):
        # The roster first: a letter whose ids are not in the roster yet would not check.
        with workspace.edit_roster(drop_comments=drop_comments, dry_run=dry_run) as roster:
            # Keyed whole: the check after the import asks for every pair, with the keys the
            # import leaves it (share_keys).
            plan = _Plan(roster=roster, index=IdentityIndex(roster, keyed=True), source=path.name,
                         original=frozenset(roster.entries), language=language)
            record = SignatureRecord(
                signatures=_signatures(parsed, plan, the_date), individuals=individuals
            )
        if not dry_run:
            atomic_write(folder / RECORD_FILE, record.dumps())
            atomic_write(folder / LETTER_FILE, text)
    letter = _letter(workspace.root, slug, text, record)
    # "and 5 organizations that asked not to be named" counts toward the letter's claims.
    listing = with_unnamed(build_list(letter, roster), parsed.unnamed_count)
    result = check_loaded(letter, roster, listing)
    coalitions = sum(1 for e in parsed.walk() if e.kind == "coalition")
    return LetterImport(
        slug=slug,
        source=path.name,
        title=the_title,
        date=the_date,
        check=result,
        new_ids=plan.new_ids,
        matched_ids=plan.matched_ids,
        notes=[*parsed.notes, *plan.notes],
        rows=plan.rows,
        individuals=individuals,
        coalitions=coalitions,
        dry_run=dry_run,
        explained=parsed.explained,
        sections=parsed.sections,
        list_span=(parsed.start, parsed.end),
    )
