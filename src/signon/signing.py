"""Recording signatures: sign, withdraw, individual signatories."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from signon.errors import RefusedInput
from signon.fileio import locked
from signon.letter import Individual, Signature, SignatureRecord, check_date, edit_record, today
from signon.roster import Roster, read_roster
from signon.text import fold, validate
from signon.workspace import ROSTER_FILE


@dataclass
class SignResult:
    added: list[str] = field(default_factory=list)
    renewed: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)


def sign_letter(root: Path, slug: str, ids: list[str], *,
                date: str | None = None, signer: str = "", force: bool = False,
                dry_run: bool = False) -> SignResult:
    """Record signatures; unknown ids and signatures that would list someone twice are refused.

    The roster's lock is held throughout (then the record's, always in that order), so
    that a concurrent `remove-org` cannot remove an organization while it is being signed.
    """
    when = check_date(date) if date else today()
    signer = validate("signer", signer)
    result = SignResult()
    with locked(root / ROSTER_FILE):
        roster = read_roster(root / ROSTER_FILE, display=ROSTER_FILE)[0]
        for eid in ids:
            if eid not in roster.entries:  # refuse before changing anything
                raise RefusedInput(f"{roster.unknown_id_message(eid)}; nothing was recorded")
        with edit_record(root, slug, dry_run=dry_run) as record:
            _sign(record, roster, ids, when=when, signer=signer, force=force, result=result)
    return result


def _sign(record: SignatureRecord, roster: Roster, ids: list[str], *, when: str, signer: str,
          force: bool, result: SignResult) -> None:
    covered = _covered(roster, [s.id for s in record.active()])
    by_id = {s.id: s for s in record.signatures}  # one lookup per id, not a scan
    for eid in dict.fromkeys(ids):
        existing = by_id.get(eid)
        if existing and not existing.withdrawn:
            result.already.append(eid)
            continue
        if not force:
            _refuse_double(roster, eid, covered)
        if existing:
            existing.withdrawn = ""
            existing.date = when
            existing.signer = signer or existing.signer
            result.renewed.append(eid)
        else:
            signature = Signature(id=eid, date=when, signer=signer)
            record.signatures.append(signature)
            by_id[eid] = signature
            result.added.append(eid)
        for covered_id in [eid, *roster.descendants(eid)]:
            covered.setdefault(covered_id, eid)


def _covered(roster: Roster, signed: list[str]) -> dict[str, str]:
    """Every id already on the list, mapped to the signature that brings it."""
    out: dict[str, str] = {}
    for sid in signed:
        out.setdefault(sid, sid)
        if sid in roster.entries:
            for member in roster.descendants(sid):
                out.setdefault(member, sid)
    return out


def _refuse_double(roster: Roster, eid: str, covered: dict[str, str]) -> None:
    if eid in covered:
        raise RefusedInput(
            f"{eid!r} already signs through coalition {covered[eid]!r}; signing again would list "
            "it twice (use --force to record it anyway)"
        )
    inside = [m for m in roster.descendants(eid) if m in covered]
    if inside:
        raise RefusedInput(
            f"coalition {eid!r} includes {inside[0]!r}, which already signed "
            f"({'directly' if covered[inside[0]] == inside[0] else 'via ' + covered[inside[0]]}); "
            f"withdraw that signature first, or use --force"
        )


def withdraw_signatures(root: Path, slug: str, ids: list[str], *,
                        individuals: Sequence[str] = (), date: str | None = None) -> int:
    if not ids and not individuals:
        raise RefusedInput("name the ids to withdraw (or --individual NAME)")
    when = check_date(date) if date else today()
    count = 0
    with edit_record(root, slug) as record:
        by_id = {s.id: s for s in record.signatures}
        for eid in dict.fromkeys(ids):
            sig = by_id.get(eid)
            if sig is None:
                raise RefusedInput(f"{eid!r} has not signed {slug!r}; nothing was withdrawn "
                                   f"(see `signon compose {slug}` for who signed)")
            if sig.withdrawn:
                raise RefusedInput(f"{eid!r} already withdrew from {slug!r} on {sig.withdrawn}")
            sig.withdrawn = when
            count += 1
        for name in individuals:
            matches = [p for p in record.individuals if fold(p.name) == fold(name)
                       and not p.withdrawn]
            if not matches:
                raise RefusedInput(f"no individual named {name!r} signed {slug!r}")
            matches[0].withdrawn = when
            count += 1
    return count


def add_individual(root: Path, slug: str, name: str, *, title: str = "",
                   affiliation: str = "", date: str | None = None) -> Individual:
    person = Individual(name=validate("name", name), title=validate("title", title),
                        affiliation=validate("affiliation", affiliation),
                        date=check_date(date) if date else today())
    with edit_record(root, slug) as record:
        for other in record.individuals:
            if fold(other.name) == fold(person.name) and fold(other.affiliation) == fold(
                    person.affiliation):
                if other.withdrawn:
                    other.withdrawn = ""
                    other.date = person.date
                    other.title = person.title or other.title
                    return other
                raise RefusedInput(f"{person.name!r} has already signed {slug!r}")
        record.individuals.append(person)
    return person
