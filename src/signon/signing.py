"""Recording signatures: sign, withdraw, individual signatories."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from signon.errors import RefusedInput, Remedy
from signon.fileio import locked
from signon.identity.people import same_person
from signon.letter import Individual, Signature, SignatureRecord, check_date, edit_record, today
from signon.roster import Roster, read_roster
from signon.text import fold, validate
from signon.workspace import ROSTER_FILE


@dataclass
class SignResult:
    added: list[str] = field(default_factory=list)
    renewed: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    # (request, reason): signatures left out, when the caller asked to skip conflicts
    skipped: list[tuple[SignRequest, str]] = field(default_factory=list)


@dataclass(frozen=True)
class SignRequest:
    """One signature to record: who, on which date, with which signer."""

    id: str
    date: str
    signer: str = ""
    unnamed: bool = False  # asked not to be named: counted, never printed


def sign_letter(root: Path, slug: str, ids: list[str], *,
                date: str | None = None, signer: str = "", force: bool = False,
                dry_run: bool = False, unnamed: bool = False) -> SignResult:
    """Record signatures; ``ids`` may be ids, acronyms, aliases or names (see
    :func:`signon.identity.resolve`).  Unknown ones and signatures that would list someone
    twice are refused before anything is recorded.

    The roster's lock is held throughout (then the record's, always in that order), so
    that a concurrent `remove-org` cannot remove an organization while it is being signed.
    """
    from signon.identity import resolve_ids

    when = check_date(date) if date else today()
    signer = validate("signer", signer)
    with locked(root / ROSTER_FILE):
        roster = read_roster(root / ROSTER_FILE, display=ROSTER_FILE)[0]
        try:
            resolved = resolve_ids(roster, ids)  # refuse before changing anything
        except RefusedInput as err:
            raise err.reworded(f"{err}; nothing was recorded") from None
        with edit_record(root, slug, dry_run=dry_run) as record:
            result = apply_signatures(
                record, roster, [SignRequest(eid, when, signer, unnamed) for eid in resolved],
                force=force)
    return result


def apply_signatures(record: SignatureRecord, roster: Roster, requests: Sequence[SignRequest],
                     *, force: bool = False, skip_conflicts: bool = False) -> SignResult:
    """The one signing policy (``sign``, ``import-csv``): record ``requests`` in ``record``.

    * an id that already signs (not withdrawn) is left as it is (``already``);
    * an id that would be listed twice — it signs through a coalition on the letter, or it
      is a coalition holding one that signed — is refused (``override="force"``), or with
      ``skip_conflicts`` left out with the reason (``skipped``);
    * a withdrawn signature is renewed by a request dated on or after the withdrawal;
      an older request (a form response sent before the organization withdrew) is refused
      or skipped likewise: it cannot undo a later decision.
    """
    result = SignResult()
    covered = _covered(roster, [s.id for s in record.active()])
    by_id: dict[str, Signature] = {}
    for sig in record.signatures:  # one lookup per id, not a scan
        by_id.setdefault(sig.id, sig)
    for request in _first(requests):
        eid = request.id
        existing = by_id.get(eid)
        if existing and not existing.withdrawn:
            if request.unnamed and not existing.unnamed:
                existing.unnamed = True  # a later "do not name us" is honoured at once
            result.already.append(eid)
            continue
        if existing and existing.via and covered.get(eid) == existing.via:
            # A member that had left its coalition's signature comes back under it.
            if existing.withdrawn > request.date and not skip_conflicts:
                raise RefusedInput(f"{eid!r} withdrew on {existing.withdrawn}, after this "
                                   f"signature of {request.date}")
            if existing.withdrawn <= request.date:
                record.signatures.remove(existing)
                del by_id[eid]
                result.renewed.append(eid)
            else:
                result.skipped.append((request, f"{eid!r} withdrew on {existing.withdrawn}, "
                                       f"after this signature of {request.date}"))
            continue
        if existing and existing.via:
            existing.via = ""  # its coalition no longer signs: a signature of its own
        # An organization that asks not to be named is no longer printed under its
        # coalition either (counting.build_list), so it cannot be listed twice.
        hidden_member = request.unnamed and eid in covered and not roster.get(eid).is_coalition
        problem = "" if force or hidden_member else _double(roster, eid, covered)
        if not problem and existing and existing.withdrawn > request.date:
            problem = (f"{eid!r} withdrew on {existing.withdrawn}, after this signature of "
                       f"{request.date}")
        if problem:
            if skip_conflicts:
                result.skipped.append((request, problem))
                continue
            raise RefusedInput(problem, override=None if "withdrew" in problem else "force")
        if existing:
            existing.withdrawn = ""
            existing.date = request.date
            existing.signer = request.signer or existing.signer
            existing.unnamed = request.unnamed
            result.renewed.append(eid)
        else:
            signature = Signature(id=eid, date=request.date, signer=request.signer,
                                  unnamed=request.unnamed)
            record.signatures.append(signature)
            by_id[eid] = signature
            result.added.append(eid)
        for covered_id in [eid, *roster.descendants(eid)]:
            covered.setdefault(covered_id, eid)
    return result


def _first(requests: Sequence[SignRequest]) -> list[SignRequest]:
    """Each id's first request only (an id named twice signs once)."""
    seen: set[str] = set()
    out = []
    for request in requests:
        if request.id not in seen:
            seen.add(request.id)
            out.append(request)
    return out


def _covered(roster: Roster, signed: list[str]) -> dict[str, str]:
    """Every id already on the list, mapped to the signature that brings it."""
    out: dict[str, str] = {}
    for sid in signed:
        out.setdefault(sid, sid)
        if sid in roster.entries:
            for member in roster.descendants(sid):
                out.setdefault(member, sid)
    return out


def _double(roster: Roster, eid: str, covered: dict[str, str]) -> str:
    """Why signing ``eid`` would list someone twice ("" when it would not)."""
    if eid in covered:
        return (f"{eid!r} already signs through coalition {covered[eid]!r}; signing again "
                "would list it twice")
    inside = [m for m in roster.descendants(eid) if m in covered]
    if inside:
        how = "directly" if covered[inside[0]] == inside[0] else "via " + covered[inside[0]]
        return (f"coalition {eid!r} includes {inside[0]!r}, which already signed ({how}); "
                "withdraw that signature first")
    return ""


def withdraw_signatures(root: Path, slug: str, ids: list[str], *,
                        individuals: Sequence[str] = (), date: str | None = None) -> int:
    """Withdraw signatures (kept on record with the date); ``ids`` may be ids, acronyms,
    aliases or names.  An organization that signs through a coalition withdraws from this
    letter alone: it is left out of the coalition's members here, the coalition still signs.
    """
    if not ids and not individuals:
        raise RefusedInput("name the ids to withdraw (or an individual by name)")
    when = check_date(date) if date else today()
    count = 0
    roster = read_roster(root / ROSTER_FILE, display=ROSTER_FILE)[0]
    with edit_record(root, slug) as record:
        by_id = {s.id: s for s in record.signatures}
        wanted = [ref if ref in by_id else _resolve(roster, ref) for ref in ids]
        covered = _covered(roster, [s.id for s in record.active()])
        for eid in dict.fromkeys(wanted):
            sig = by_id.get(eid)
            if sig is not None and sig.withdrawn:
                raise RefusedInput(f"{eid!r} already withdrew from {slug!r} on {sig.withdrawn}")
            if sig is None:
                via = covered.get(eid)
                if via is None or via == eid:
                    raise RefusedInput(f"{eid!r} has not signed {slug!r}; nothing was withdrawn; "
                                       "see who signed in the list",
                                       remedies=[Remedy("compose", (slug,))])
                member = Signature(id=eid, date=when, withdrawn=when, via=via)
                record.signatures.append(member)
                by_id[eid] = member
                count += 1
                continue
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


def _resolve(roster: Roster, ref: str) -> str:
    from signon.identity import resolve_id

    return resolve_id(roster, ref)


def add_individual(root: Path, slug: str, name: str, *, title: str = "",
                   affiliation: str = "", date: str | None = None) -> Individual:
    person = Individual(name=validate("name", name), title=validate("title", title),
                        affiliation=validate("affiliation", affiliation),
                        date=check_date(date) if date else today())
    with edit_record(root, slug) as record:
        for other in record.individuals:
            if same_person(other.name, other.affiliation, person.name, person.affiliation):
                if other.withdrawn:
                    other.withdrawn = ""
                    other.date = person.date
                    other.title = person.title or other.title
                    return other
                raise RefusedInput(f"{person.name!r} has already signed {slug!r}")
        record.individuals.append(person)
    return person


def letters_signed(root: Path, roster: Roster, eid: str,
                   slugs: Sequence[str]) -> list[dict[str, Any]]:
    """Letters ``eid`` signed, directly or through a coalition, with how (one row per letter).

    When a letter names it more than once, the row that still stands wins over a
    withdrawn one, and a named one over an unnamed one, and a direct signature over
    one through a coalition.  ``unnamed``: it signed that letter asking not to be named
    (itself, or the coalition it signed through did).
    """
    from signon.letter import letter_references

    out = []
    for slug, record in letter_references(root, list(slugs)).items():
        best: tuple[int, dict[str, Any]] | None = None
        for sig in record.signatures:
            if sig.id == eid:
                via = sig.via or None
            elif sig.id in roster.entries and eid in roster.descendants(sig.id):
                via = sig.id
            else:
                continue
            # A member's withdrawal from its coalition's signature overrides that signature.
            rank = -1 if sig.via and sig.id == eid else (
                (4 if sig.withdrawn else 0) + (2 if sig.unnamed else 0) + (1 if via else 0))
            if best is None or rank < best[0]:
                best = (rank, {"letter": slug, "via": via, "date": sig.date or None,
                               "withdrawn": sig.withdrawn or None,
                               "unnamed": sig.unnamed})
        if best is not None:
            out.append(best[1])
    return out
