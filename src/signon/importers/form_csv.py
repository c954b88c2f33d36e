"""``signon import-csv``: sign-ups from a form export (Google Forms, Microsoft Forms, a sheet).

Columns are found by their headers (English and a few other languages), or
named with ``--column FIELD=HEADER``.  Responses from the same organization
(equal after normalization: case, spacing, accents composed or not) are merged
and the latest by timestamp wins.  Each organization is matched against the
roster or created, then signed on the letter with its signer ("Name, Title")
and the date of its response.  The roster and the record are each read and
written once, through one index, so a large export stays linear.

Cells are data: a name that starts with "=" or "+" is a name, never a formula.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from signon.errors import RefusedInput, Remedy
from signon.identity import IdentityIndex
from signon.importers.blocks import clean
from signon.importers.countries import canonical_country
from signon.importers.dates import parse_timestamps
from signon.importers.sources import read_bytes
from signon.importers.txt import decode
from signon.letter import (
    LETTER_FILE,
    SignatureRecord,
    check_date,
    edit_record,
    letter_folder,
    today,
)
from signon.roster import Entry, Roster
from signon.text import fold, validate
from signon.workspace import Workspace

FIELDS = (
    "organization",
    "consent",
    "country",
    "city",
    "name",
    "first_name",
    "last_name",
    "title",
    "email",
    "website",
    "timestamp",
)

# Folded headers (signon.text.fold: lower case, punctuation as spaces), most specific
# field first: "Organization email" is an e-mail, "Name of your organization" an
# organization, "Contact name" a name.
_HEADER_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        # "May we list your organization publicly?": before organization and name.
        (
            "consent",
            r"publicly|\bpublic\b|consent|anonym|may we (?:list|name|publish|include)|"
            r"\blist (?:your|you|us)\b|publiquement|publicamente|públicamente|öffentlich|"
            r"публично|публічно|publicznie|upubliczn",
        ),
        ("email", r"\be ?mail\b|courriel|correo|почта|пошта|\bпочтa\b"),
        ("website", r"website|web site|\burl\b|site web|sitio web|homepage|webseite|сайт"),
        (
            "timestamp",
            r"timestamp|time stamp|submitted|submission|horodat|marca temporal|"
            r"zeitstempel|отметка времени|позначка часу|sygnatura czasowa|"
            r"^date$|^time$|created at|start time|completion time",
        ),
        (
            "country",
            r"countr|\bpays\b|\bpa[ií]s\b|\bland\b|страна|країна|краіна|\bkraj\b|"
            r"\bnation\b|\bpaese\b",
        ),
        (
            "city",
            r"\bcity\b|\btown\b|\bville\b|ciudad|\bstadt\b|город|місто|горад|miasto|"
            r"\bcitt",
        ),
        (
            "first_name",
            r"first name|given name|\bprénom\b|\bprenom\b|vorname|^имя$|^ім я$|"
            r"^imię$|^imie$",
        ),
        (
            "last_name",
            r"last name|surname|family name|nom de famille|apellido|nachname|"
            r"фамилия|прізвище|nazwisko",
        ),
        (
            "title",
            r"\btitle\b|position|\brole\b|\bjob\b|function|fonction|\btitre\b|\bcargo\b|"
            r"\bposte\b|funktion|должность|посада|stanowisko|designation",
        ),
        (
            "organization",
            r"organi[sz]|organisation|\borg\b|\bngo\b|\bngos\b|institution|"
            r"\bgroup\b|entity|company|organiza[cç]|organizzazione|organisatie|"
            r"организац|організац|арганізац|organizacj|\bstructure\b|"
            r"association|\bcso\b|signing as|on behalf of",
        ),
        (
            "name",
            r"\bname\b|contact|signatory|signer|representative|\bnom\b|\bnombre\b|"
            r"\bимя\b|\bфио\b|\bім я\b|\bimię\b|\bimie\b|\bnome\b|\bnaam\b",
        ),
    )
)


_FIELD_ALIASES = {
    "org": "organization",
    "organisation": "organization",
    "ngo": "organization",
    "e_mail": "email",
    "mail": "email",
    "position": "title",
    "role": "title",
    "date": "timestamp",
    "time": "timestamp",
    "url": "website",
    "web": "website",
    "first": "first_name",
    "last": "last_name",
    "surname": "last_name",
    "contact": "name",
    "signer": "name",
}


def detect_columns(headers: list[str], overrides: list[str]) -> dict[str, int]:
    """Field → column index, from ``--column FIELD=HEADER`` first, then the header patterns."""
    columns: dict[str, int] = {}
    for spec in overrides:
        field_name, sep, header = spec.partition("=")
        field_name = field_name.strip().lower().replace("-", "_").replace(" ", "_")
        field_name = _FIELD_ALIASES.get(field_name, field_name)
        if not sep or field_name not in FIELDS:
            raise RefusedInput(
                f"column {spec!r}: write it as FIELD=HEADER with FIELD one of "
                + ", ".join(FIELDS),
                hint=[("column", "FIELD=HEADER")],
            )
        columns[field_name] = _header_index(headers, header)
    taken = set(columns.values())
    folded = [fold(h) for h in headers]
    for field_name, pattern in _HEADER_PATTERNS:
        if field_name in columns:
            continue
        for n, header in enumerate(folded):
            if n not in taken and header and pattern.search(header):
                columns[field_name] = n
                taken.add(n)
                break
    if "organization" not in columns:
        raise RefusedInput(
            "found no organization column among the headers ("
            + ", ".join(repr(h) for h in headers)
            + "); name it",
            hint=[("column", "organization=HEADER")],
        )
    return columns


def _header_index(headers: list[str], header: str) -> int:
    wanted = header.strip()
    for n, h in enumerate(headers):
        if h.strip() == wanted:
            return n
    for n, h in enumerate(headers):
        if fold(h) == fold(wanted) and fold(wanted):
            return n
    if wanted.isdigit() and 1 <= int(wanted) <= len(headers):
        return int(wanted) - 1
    raise RefusedInput(
        f"column: no header {header!r} in the file; its headers are "
        + ", ".join(repr(h) for h in headers),
        hint=[("column", "FIELD=HEADER")],
    )


@dataclass
class Response:
    row: int  # 1-based line of the CSV record (the header is row 1)
    organization: str
    country: str = ""
    city: str = ""
    name: str = ""
    title: str = ""
    email: str = ""
    website: str = ""
    stamp: dt.datetime | None = None
    unnamed: bool = False  # answered no to "may we list you publicly?"

    @property
    def signer(self) -> str:
        return ", ".join(p for p in (self.name, self.title) if p)


@dataclass
class CsvImport:
    letter: str
    source: str
    responses: int
    columns: dict[str, str]
    merged: int = 0
    signed: list[str] = field(default_factory=list)
    renewed: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    new_ids: list[str] = field(default_factory=list)
    matched_ids: list[str] = field(default_factory=list)
    skipped: list[dict[str, Any]] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)
    # Rows not signed until a person decides: {"row", "organization", "reason", "candidates"}
    held: list[dict[str, Any]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    rows: list[tuple[str, str, str, str, str]] = field(default_factory=list)  # for the table
    dry_run: bool = False
    seen_ids: set[str] = field(default_factory=set, repr=False)  # matched or new, for lookups

    def to_json(self) -> dict[str, Any]:
        return {
            "letter": self.letter,
            "source": self.source,
            "responses": self.responses,
            "merged": self.merged,
            "columns": self.columns,
            "signed": self.signed,
            "renewed": self.renewed,
            "already": self.already,
            "new_orgs": self.new_ids,
            "matched_orgs": self.matched_ids,
            "skipped": self.skipped,
            "held": self.held,
            "notes": self.notes,
            "counts": self.counts,
            "dry_run": self.dry_run,
        }


_QUOTED = re.compile(r'"(?:[^"]|"")*"')


def read_rows(path: Path, notes: list[dict[str, Any]] | None = None) -> list[list[str]]:
    """The records of a CSV file; a quote that is never closed is refused with its row.

    ``notes`` receives a warning for a quoted cell that spans lines which read like rows of
    their own (a quote closed much later than meant: rows merged into one cell).
    """
    text = decode(read_bytes(path), path.name)
    # The header row decides the delimiter: Google Forms writes ",", a spreadsheet saved in
    # a comma-decimal locale ";", a copy from a sheet tabs.  (csv.Sniffer guesses from the
    # data too, where names hold commas and semicolons of their own.)  Delimiters inside a
    # quoted header ("Name, as printed") do not count.
    header = _QUOTED.sub("", text.split("\n", 1)[0])
    delimiter = max(",;\t", key=lambda d: (header.count(d), d == ","))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[list[str]] = []
    starts: list[int] = []  # the line each record starts on
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            if "end of data" in str(err) or "EOF" in str(err):
                raise RefusedInput(
                    f'{path.name}: row {len(rows) + 1} (line {start}) opens a quote (") that is '
                    "never closed, so every line after it would be read as one cell; close the "
                    "quote or remove it, and run the command again"
                ) from None
            raise RefusedInput(
                f"{path.name}: row {len(rows) + 1} (line {start}) is not valid CSV ({err}); "
                "fix that line or export the file again as CSV"
            ) from None
        rows.append(row)
        starts.append(start)
    if notes is not None and rows:
        width = len(rows[0])
        for number, (row, start) in enumerate(zip(rows, starts, strict=True), 1):
            for cell in row:
                inner = cell.split("\n")[1:]
                if width > 1 and any(line.count(delimiter) >= width - 1 for line in inner):
                    notes.append(
                        {
                            "row": number,
                            "message": (
                                f"line {start}: a quoted cell spans lines that look like "
                                "rows of their own; check for a quote that is not closed "
                                "where it should be"
                            ),
                        }
                    )
                    break
    return rows


def _cell(row: list[str], columns: dict[str, int], name: str) -> str:
    # Form answers hold line breaks, tabs and pasted invisible characters; one clean line
    # is what a roster field can take (the characters are whitespace, not data).
    n = columns.get(name)
    return clean(row[n]) if n is not None and n < len(row) else ""


# A timestamp header in English ("Timestamp", "Submitted at"): a form whose dates may be
# US month/day.  "Horodateur", "Marca temporal", "Fecha", "Zeitstempel" are not.
_ENGLISH_STAMP = re.compile(
    r"\b(?:timestamp|time|submitted|submission|created|completed|completion|started|start|"
    r"date)\b"
)
_NOT_ENGLISH = re.compile(r"\b(?:de|du|des|la|le|der|die|das|del|fecha|datum)\b")


def responses_of(
    rows: list[list[str]],
    columns: dict[str, int],
    date_format: str | None,
    notes: list[dict[str, Any]] | None = None,
) -> tuple[list[Response], list[dict[str, Any]]]:
    body = rows[1:]
    stamps: list[dt.datetime | None] = [None] * len(body)
    if "timestamp" in columns:
        header = fold(_cell(rows[0], columns, "timestamp"))
        english = bool(_ENGLISH_STAMP.search(header)) and not _NOT_ENGLISH.search(header)
        said: list[dict[str, Any]] = []
        stamps = parse_timestamps(
            [_cell(r, columns, "timestamp") for r in body],
            date_format,
            notes=said,
            day_first=not english,
        )
        if notes is not None:
            notes += [{"row": None, **note} for note in said]
    out: list[Response] = []
    skipped: list[dict[str, Any]] = []
    for number, (row, stamp) in enumerate(zip(body, stamps, strict=True), 2):
        if not any(c.strip() for c in row):
            continue
        org = _cell(row, columns, "organization")
        if not org:
            skipped.append({"row": number, "reason": "no organization"})
            continue
        name = _cell(row, columns, "name") or " ".join(
            p for p in (_cell(row, columns, "first_name"), _cell(row, columns, "last_name")) if p
        )
        out.append(
            Response(
                row=number,
                organization=org,
                country=canonical_country(_cell(row, columns, "country")),
                city=_cell(row, columns, "city"),
                name=name,
                title=_cell(row, columns, "title"),
                email=_cell(row, columns, "email"),
                website=_cell(row, columns, "website"),
                stamp=stamp,
                unnamed=_says_no(_cell(row, columns, "consent")),
            )
        )
    return out, skipped


def _says_no(answer: str) -> bool:
    from signon.identity.data import CONSENT_NO
    from signon.identity.fold import token_key

    return bool(answer.strip()) and token_key(answer) in CONSENT_NO


def merge(responses: list[Response]) -> list[Response]:
    """One response per organization (one name once folded: case, accents, punctuation…):
    its latest (by timestamp, then by position), under the best spelling any of them gave
    (a later "alpha  RIGHTS" never replaces "Alpha Rights")."""
    import dataclasses

    from signon.identity.fold import strict, token_keys

    latest: dict[str, Response] = {}
    spelling: dict[str, str] = {}
    floor = dt.datetime.min
    keys = token_keys([r.organization for r in responses])
    for response, key in zip(responses, map(strict, keys), strict=True):
        current = latest.get(key)
        if current is None or (response.stamp or floor, response.row) >= (
            current.stamp or floor,
            current.row,
        ):
            latest[key] = response
        best = spelling.get(key)
        if best is None or spelling_score(response.organization) > spelling_score(best):
            spelling[key] = response.organization
    return sorted((dataclasses.replace(r, organization=spelling[k]) for k, r in latest.items()),
                  key=lambda r: r.row)


def spelling_score(name: str) -> tuple[int, int, int, int]:
    """How well a name is written, to choose among spellings of one name: not all in
    capitals or lower case, words capitalized, accents kept, spacing clean."""
    letters = [c for c in name if c.isalpha()]
    cased = int(not (name.isupper() or name.islower()))
    capitalized = sum(1 for w in name.split() if w[:1].isupper())
    accents = sum(1 for c in letters if not c.isascii())
    clean = -(name.count("  ") + name.count(" ,") + (name != name.strip()))
    return cased, capitalized, accents, clean


def _valid(source: str, row: int, what: str, value: str) -> str:
    try:
        return validate(what, value)
    except RefusedInput as err:
        raise RefusedInput(f"{source}: row {row}: {err}") from None


def import_csv(
    workspace: Workspace,
    path: Path,
    slug: str,
    *,
    overrides: Sequence[str] = (),
    date_format: str | None = None,
    date: str | None = None,
    dry_run: bool = False,
    drop_comments: bool = False,
    progress: Callable[[int, int], None] | None = None,
    sign_all: bool = False,
    review: Callable[[Held], Decision] | None = None,
) -> CsvImport:
    """Sign a form's responses on letter ``slug``.

    Rows that look like junk (a formula, a web or e-mail address, "test", a name in
    capitals or lower case where the roster has it properly) and new organizations that
    look like an existing entry are *held*: not signed, nothing created, listed in
    ``held`` — unless ``sign_all`` (everything is signed as read), or ``review`` decides
    each one (a :class:`Decision`: accept it as read, match it to an entry, or skip it).
    """
    from signon.counting import build_list
    from signon.letter import load_letter

    if not (letter_folder(workspace.root, slug) / LETTER_FILE).is_file():
        raise RefusedInput(
            f"no letter {slug!r} in this workspace; create it first",
            remedies=[Remedy("new-letter", (slug,))],
        )
    default_date = check_date(date) if date else today()
    notes: list[dict[str, Any]] = []
    rows = read_rows(path, notes)
    if not rows:
        raise RefusedInput(f"{path.name} is empty; export the responses with their header row")
    headers = [h.strip() for h in rows[0]]
    columns = detect_columns(headers, list(overrides))
    responses, skipped = responses_of(rows, columns, date_format, notes)
    merged = merge(responses)
    result = CsvImport(
        letter=slug,
        source=path.name,
        responses=len(responses),
        columns={f: headers[n] if n < len(headers) else str(n + 1) for f, n in columns.items()},
        merged=len(responses) - len(merged),
        skipped=skipped,
        notes=notes,
        dry_run=dry_run,
    )
    total = len(merged)
    with workspace.edit_roster(drop_comments=drop_comments, dry_run=dry_run) as roster:
        index = IdentityIndex(roster)
        chosen: list[tuple[Response, Entry]] = []
        for done, response in enumerate(merged, 1):
            entry = _decided(response, roster, index, result, path.name, sign_all, review)
            if entry is not None:
                chosen.append((response, entry))
            if progress is not None and (done % 250 == 0 or done == total):
                progress(done, total)
        with edit_record(workspace.root, slug, dry_run=dry_run) as record:
            _sign(record, roster, chosen, default_date, result, path.name)
    letter = load_letter(workspace.root, slug)
    if dry_run:
        letter.record = record
    result.counts = build_list(letter, roster).counts.as_dict()
    return result


@dataclass(frozen=True)
class Held:
    """A row held for a person's decision."""

    row: int
    organization: str
    country: str
    signer: str
    reason: str
    candidates: tuple[Entry, ...]  # entries it may be, best first

    def to_json(self) -> dict[str, Any]:
        return {"row": self.row, "organization": self.organization, "reason": self.reason,
                "candidates": [e.id for e in self.candidates]}


@dataclass(frozen=True)
class Decision:
    """What a person decided for a held row: "accept" (sign it as read), "match" (it is
    entry ``id``) or "skip"."""

    action: str
    id: str = ""


_FORMULA_START = "=+-@"
_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)\S*$", re.I)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def junk_reason(name: str) -> str:
    """Why ``name`` looks like no organization's name ("" when it looks like one)."""
    from signon.identity.data import PLACEHOLDER_NAMES
    from signon.identity.fold import token_key

    text = name.strip()
    if text[:1] in _FORMULA_START:
        return "starts like a spreadsheet formula"
    if _URL.match(text):
        return "is a web address"
    if _EMAIL.match(text):
        return "is an e-mail address"
    if token_key(text) in PLACEHOLDER_NAMES:
        return "reads like a test or an empty answer"
    return ""


def _case_reason(typed: str, entry: Entry) -> str:
    letters = [c for c in typed if c.isalpha()]
    if len(letters) < 4 or typed == entry.name:
        return ""
    for word, test in (("capitals", str.isupper), ("lower case", str.islower)):
        if test(typed) and not test(entry.name):
            return f"written in {word}, where the roster has {entry.name!r}"
    return ""


def _decided(response: Response, roster: Roster, index: IdentityIndex, result: CsvImport,
             source: str, sign_all: bool, review: Callable[[Held], Decision] | None
             ) -> Entry | None:
    """The entry a response signs as, or None when it is held or skipped."""
    from signon.identity import find_match, resemblances

    if sign_all:
        return _resolve(response, roster, index, result, source)
    reason = junk_reason(response.organization)
    candidates: list[Entry] = []
    if not reason:
        matched = find_match(roster, index, response.organization, country=response.country)
        if matched is not None:
            reason = _case_reason(response.organization, matched.entry)
            candidates = [matched.entry]
        else:
            found = [m for m in resemblances(index, response.organization,
                                             country=response.country)
                     if m.entry.id in index.roster.entries]
            if found:
                best = found[0]
                reason = f"looks like {best.entry.id!r} ({best.entry.name!r}): " \
                    f"{best.likeness.reason}"
                candidates = [m.entry for m in found]
    if not reason:
        return _resolve(response, roster, index, result, source)
    held = Held(response.row, response.organization, response.country, response.signer,
                reason, tuple(candidates))
    decision = review(held) if review is not None else None
    if decision is None:
        result.held.append(held.to_json())
        return None
    if decision.action == "accept":
        return _resolve(response, roster, index, result, source)
    if decision.action == "match":
        from signon.identity import resolve

        entry = resolve(roster, decision.id)
        _matched(result, response, entry)
        return entry
    result.skipped.append({"row": response.row, "reason": f"skipped at review ({reason})"})
    return None


def _resolve(
    response: Response, roster: Roster, index: IdentityIndex, result: CsvImport, source: str
) -> Entry:
    """The roster entry a response is, by the one match-or-create policy of signon.identity."""
    from signon.identity import match_or_create

    email = response.email
    if email and ("@" not in email or " " in email):
        result.skipped.append(
            {"row": response.row, "reason": f"e-mail {email!r} not kept: not an address"}
        )
        email = ""
    try:
        outcome = match_or_create(
            roster, index, response.organization, country=response.country,
            fields={"city": response.city, "email": email, "website": response.website},
        )
    except RefusedInput as err:
        raise RefusedInput(f"{source}: row {response.row}: {err}") from None
    entry = outcome.entry
    for message in outcome.notes:
        result.notes.append({"row": response.row, "message": message})
    for match in outcome.resembles:
        other = match.entry
        result.notes.append({"row": response.row, "message": (
            f"{response.organization!r} (new: {entry.id!r}) looks like {other.id!r} "
            f"({other.name!r}): {match.likeness.reason}; if they are one organization, "
            f"merge {entry.id!r} into {other.id!r}")})
    if outcome.created:
        result.new_ids.append(entry.id)
        result.seen_ids.add(entry.id)
        result.rows.append((entry.name, entry.country, entry.id, "new", response.signer))
        return entry
    _matched(result, response, entry)
    return entry


def _matched(result: CsvImport, response: Response, entry: Entry) -> None:
    """Record that ``response`` is the roster's ``entry`` (each entry listed once)."""
    if entry.id not in result.seen_ids:
        result.seen_ids.add(entry.id)
        result.matched_ids.append(entry.id)
    result.rows.append((response.organization, entry.country, entry.id, "matched",
                        response.signer))


def _sign(
    record: SignatureRecord,
    roster: Roster,
    chosen: list[tuple[Response, Entry]],
    default_date: str,
    result: CsvImport,
    source: str,
) -> None:
    """Sign by the one signing policy (signon.signing), conflicts reported row by row."""
    from signon.signing import SignRequest, apply_signatures

    rows: dict[SignRequest, int] = {}
    requests = []
    for response, entry in chosen:
        when = response.stamp.date().isoformat() if response.stamp else default_date
        signer = _valid(source, response.row, "signer", response.signer)
        request = SignRequest(entry.id, when, signer, response.unnamed)
        rows.setdefault(request, response.row)
        requests.append(request)
    signed = apply_signatures(record, roster, requests, skip_conflicts=True)
    result.signed += signed.added
    result.renewed += signed.renewed
    result.already += signed.already
    for request, reason in signed.skipped:
        result.skipped.append({"row": rows[request], "reason": reason})
