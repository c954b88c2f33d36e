"""``signon diff``: who joined, withdrew or was renamed since a date or since the last export.

Two baselines, and what each can know:

``--since-export`` (the default once a letter has been exported)
    The last ``[[exports]]`` entry of ``signatures.toml`` holds the list as it
    was sent: every id printed, with the name it was printed under (see
    :mod:`signon.history`).  Comparing it with the list as it is now is exact:
    additions and removals whatever their cause (signatures, withdrawals,
    coalition membership changes, entries removed from the roster) and renames
    (the same id printed under another name, compared in the language that
    export used).

``--since DATE``
    There is no snapshot of the list on an arbitrary day, so the list *as it
    stood* is rebuilt from the signature record: a signature or individual
    dated before DATE (or undated) and not withdrawn before DATE was on it.
    "Since" includes DATE itself, as in "since Monday".  What it cannot know:

    * renames — the roster keeps no history of names (use ``--since-export``);
    * coalition membership changes — the old list is expanded through the
      coalitions' *current* members, so a member added to a coalition that
      signed earlier is not reported as added;
    * a signature withdrawn and signed again after DATE — ``signon sign``
      renews it with the new date, so it shows as added, not as unchanged.

The same :func:`signon.counting.build_list` produces both lists, so "then"
and "now" are counted by the same rules as the letter itself.
"""

from __future__ import annotations

import copy
import dataclasses
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from signon.counting import Counts, Node, SignatoryList, build_list
from signon.errors import RefusedInput, Remedy
from signon.history import snapshot_names
from signon.letter import Individual, Letter, SignatureRecord, check_date
from signon.roster import Roster


@dataclass(frozen=True)
class Listed:
    """One id printed on the list (at any depth), as the diff reports it."""

    id: str
    name: str
    kind: str  # "organization" or "coalition"
    counted: bool  # counted by the organizations rule
    country: str = ""
    via: str = ""  # name of the coalition it is printed under ("" when it signed itself)
    date: str = ""  # signed (added) or withdrew (withdrawn), when the record knows
    top: str = ""  # id of the top-level signature that brings it (not reported)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "counted": self.counted,
                "country": self.country or None, "via": self.via or None,
                "date": self.date or None}


@dataclass(frozen=True)
class Renamed:
    id: str
    kind: str
    old: str
    new: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "old": self.old, "new": self.new}


@dataclass(frozen=True)
class Person:
    name: str
    date: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "date": self.date or None}


@dataclass
class Baseline:
    """What the letter's list is compared with."""

    kind: str  # "export" or "date"
    date: str  # YYYY-MM-DD: the day the sentence says "since"
    counts: Counts
    listed: dict[str, str]  # id -> printed name
    coalitions: set[str] | None  # ids that were coalitions (None: not recorded, ask the roster)
    individuals: list[str]
    at: str = ""  # exports: the timestamp recorded
    formats: list[str] = field(default_factory=list)
    language: str = ""
    unnamed: int = 0  # organizations that asked not to be named (counted, never listed)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "date": self.date}
        if self.kind == "export":
            data.update(at=self.at, formats=self.formats, language=self.language)
        return data


@dataclass
class Diff:
    letter: str
    rule: str
    baseline: Baseline
    now: Counts
    added: list[Listed] = field(default_factory=list)
    withdrawn: list[Listed] = field(default_factory=list)
    renamed: list[Renamed] = field(default_factory=list)
    individuals_added: list[Person] = field(default_factory=list)
    individuals_withdrawn: list[Person] = field(default_factory=list)
    unnamed: int = 0  # organizations now on the letter that asked not to be named

    @property
    def renames_known(self) -> bool:
        return self.baseline.kind == "export"

    @property
    def joined(self) -> int:
        """Counted organizations now on the list that were not on it then."""
        return sum(1 for item in self.added if item.counted)

    @property
    def left(self) -> int:
        return sum(1 for item in self.withdrawn if item.counted)

    @property
    def unchanged(self) -> bool:
        return not (self.added or self.withdrawn or self.renamed or self.individuals_added
                    or self.individuals_withdrawn or self.unnamed != self.baseline.unnamed)

    def sentences(self) -> list[str]:
        """What a coordinator writes in the follow-up e-mail, e.g.
        "12 more organizations have joined since 2024-03-01."."""
        since = f"since {self.baseline.date}"
        out = [_movement(self.joined, self.left, "organization", since)]
        people_in, people_out = len(self.individuals_added), len(self.individuals_withdrawn)
        if people_in or people_out or self.now.individuals:
            out.append(_movement(people_in, people_out, "individual", since))
        if self.unnamed or self.baseline.unnamed:
            # Only a number: who they are, and whether a listed name became one of them,
            # is theirs to keep.
            then_hidden = self.baseline.unnamed
            out.append(f"Organizations that asked not to be named: {self.unnamed}"
                       + (f" ({then_hidden} then)." if then_hidden != self.unnamed
                          else ", unchanged."))
        then, now = self.baseline.counts.get(self.rule), self.now.get(self.rule)
        out.append(f"The letter's count ({self.rule}) is now {now} ({then} then)."
                   if then != now else f"The letter's count ({self.rule}) is {now}, unchanged.")
        return out

    def to_json(self) -> dict[str, Any]:
        """The JSON ``diff --json`` prints::

            {"letter": "demo",
             "since": {"kind": "export", "date": "2024-03-05",
                       "at": "2024-03-05T10:00:00+00:00", "formats": ["docx"],
                       "language": "en"}            # kind "date": only kind and date
             "renames_known": true,                 # false for --since DATE
             "rule": "organizations",               # the letter's count rule
             "counts": {"then": {organizations, entries, names, individuals},
                        "now": {...}, "change": {...}},  # change = now - then
             "joined": 12, "withdrew": 2,           # counted organizations
             "sentence": "12 more organizations have joined and 2 have withdrawn since …",
             "organizations": {
                "added":     [{"id", "name", "kind", "counted", "country", "via", "date"}],
                "withdrawn": [{... the same; date = withdrawal date when recorded}],
                "renamed":   [{"id", "kind", "old", "new"}]},
             "individuals": {"added": [{"name", "date"}], "withdrawn": [{"name", "date"}]},
             "unnamed": {"then": 1, "now": 3}}

        ``unnamed`` counts the organizations that asked not to be named: they are in
        the counts and never in the lists (neither as added nor as withdrawn).

        ``organizations`` lists every name printed on the list, coalitions
        included (``kind``); ``counted`` says whether it counts under the
        organizations rule, which is what ``joined``/``withdrew`` add up.
        ``via`` is the coalition an entry is printed under (null when it
        signed itself).  Missing values are null, never absent.
        """
        then, now = self.baseline.counts.as_dict(), self.now.as_dict()
        return {
            "letter": self.letter,
            "since": self.baseline.to_json(),
            "renames_known": self.renames_known,
            "rule": self.rule,
            "counts": {"then": then, "now": now,
                       "change": {key: now[key] - then[key] for key in now}},
            "joined": self.joined,
            "withdrew": self.left,
            "sentence": " ".join(self.sentences()),
            "organizations": {
                "added": [item.to_json() for item in self.added],
                "withdrawn": [item.to_json() for item in self.withdrawn],
                "renamed": [item.to_json() for item in self.renamed],
            },
            "individuals": {
                "added": [p.to_json() for p in self.individuals_added],
                "withdrawn": [p.to_json() for p in self.individuals_withdrawn],
            },
            "unnamed": {"then": self.baseline.unnamed, "now": self.unnamed},
        }


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _movement(joined: int, left: int, word: str, since: str) -> str:
    verb = "joined" if word == "organization" else "signed"
    has = "has" if joined == 1 else "have"
    if joined and left:
        return (f"{joined} more {word}{'' if joined == 1 else 's'} {has} {verb} and {left} "
                f"{'has' if left == 1 else 'have'} withdrawn {since}.")
    if joined:
        return f"{joined} more {word}{'' if joined == 1 else 's'} {has} {verb} {since}."
    if left:
        return f"{_plural(left, word)} {'has' if left == 1 else 'have'} withdrawn {since}."
    return f"No {word} has {verb} or withdrawn {since}."


# ------------------------------------------------------------------ baselines


def last_export(letter: Letter) -> dict[str, Any] | None:
    """The most recent export entry that holds the list (older ones keep only counts)."""
    for entry in reversed(letter.record.exports):
        if snapshot_names(entry) is not None:
            return dict(entry)
    return None


def export_baseline(letter: Letter, roster: Roster | None = None) -> Baseline:
    entry = last_export(letter)
    if entry is None:
        raise RefusedInput(
            f"letter {letter.slug!r} has not been exported yet, so there is no list as sent to "
            "compare with; export it first, or compare with the list on a date",
            remedies=[Remedy("export", (letter.slug,)),
                      Remedy("diff", (letter.slug,), (("since", "YYYY-MM-DD"),))],
        )
    listed = snapshot_names(entry) or {}
    raw_coalitions = entry.get("coalitions")
    coalitions = ({str(c) for c in raw_coalitions} if isinstance(raw_coalitions, list)
                  else None)
    raw_counts = entry.get("counts", {})
    counts = Counts(**{key: int(raw_counts.get(key, 0)) if isinstance(raw_counts, dict) else 0
                       for key in ("organizations", "entries", "names", "individuals")})
    at = str(entry.get("at", ""))
    return Baseline(
        kind="export", date=at[:10], counts=counts, listed=listed, coalitions=coalitions,
        individuals=[str(n) for n in entry.get("individuals", [])], at=at,
        formats=[str(f) for f in entry.get("formats", [])],
        language=str(entry.get("language", "")),
        unnamed=_unnamed_then(counts, listed, coalitions, roster),
    )


def _unnamed_then(counts: Counts, listed: dict[str, str], coalitions: set[str] | None,
                  roster: Roster | None) -> int:
    """How many organizations the exported letter counted without listing them.

    The export keeps the list and the counts; what the count holds beyond the listed
    organizations asked not to be named.  (A coalition's own "counts" mark is taken
    from the roster as it is now.)
    """
    def counted(eid: str) -> bool:
        is_coalition = (eid in coalitions if coalitions is not None
                        else roster is not None and eid in roster.entries
                        and roster.entries[eid].is_coalition)
        if not is_coalition:
            return True
        entry = roster.entries.get(eid) if roster is not None else None
        return entry is not None and entry.counts

    return max(0, counts.organizations - sum(1 for eid in listed if counted(eid)))


def _on_list_at(date: str, since: str, withdrawn: str) -> bool:
    # An undated signature predates anything we can compare with.
    return (not date or date < since) and (not withdrawn or withdrawn >= since)


def record_as_of(record: SignatureRecord, since: str) -> SignatureRecord:
    """The signature record as it stood at the start of day ``since`` (best effort, see above)."""
    old = SignatureRecord()
    for sig in record.signatures:
        if _on_list_at(sig.date, since, sig.withdrawn):
            old.signatures.append(dataclasses.replace(sig, withdrawn=""))
    for person in record.individuals:
        if _on_list_at(person.date, since, person.withdrawn):
            old.individuals.append(Individual(name=person.name, title=person.title,
                                              affiliation=person.affiliation, date=person.date))
    return old


def date_baseline(letter: Letter, roster: Roster, since: str,
                  language: str) -> tuple[Baseline, SignatoryList]:
    old_letter = copy.copy(letter)
    old_letter.record = record_as_of(letter.record, since)
    old_list = build_list(old_letter, roster, language=language)
    listed, coalitions = _listed_names(old_list)
    baseline = Baseline(kind="date", date=since, counts=old_list.counts, listed=listed,
                        coalitions=coalitions,
                        individuals=[p.name for p in old_list.individuals],
                        unnamed=old_list.unnamed_organizations)
    return baseline, old_list


def _listed_names(signatories: SignatoryList) -> tuple[dict[str, str], set[str]]:
    listed: dict[str, str] = {}
    coalitions: set[str] = set()
    for node, _ in signatories.walk():
        listed.setdefault(node.id, node.name)
        if node.is_coalition:
            coalitions.add(node.id)
    return listed, coalitions


# ------------------------------------------------------------------ the diff


def _current(signatories: SignatoryList) -> dict[str, Listed]:
    """Every id on the current list with how it got there (first place it is printed)."""
    out: dict[str, Listed] = {}
    for top in signatories.entries:
        date = top.signature.date if top.signature else ""
        # (node, name of the coalition it is printed under), depth first in list order.
        stack: list[tuple[Node, str]] = [(top, "")]
        while stack:
            node, via = stack.pop()
            if node.id not in out:
                out[node.id] = Listed(
                    id=node.id, name=node.name, kind=node.kind,
                    counted=not node.is_coalition or node.counts, country=node.country,
                    via=via, date=date, top=top.id,
                )
            stack.extend((child, node.name) for child in reversed(node.children))
    return out


def compute_diff(letter: Letter, roster: Roster, *, since: str | None = None,
                 language: str | None = None) -> Diff:
    """Compare ``letter``'s current list with the last export, or with the list on day ``since``."""
    if since is not None:
        day = check_date(since, what="since", argument="since")
        lang = language or letter.front.language
        baseline, _ = date_baseline(letter, roster, day, lang)
    else:
        baseline = export_baseline(letter, roster)
        # Names are compared in the language the letter was exported in, so a
        # French export is not "renamed" by the English list.
        lang = language or baseline.language or letter.front.language
    now_list = build_list(letter, roster, language=lang)
    now = _current(now_list)
    result = Diff(letter=letter.slug, rule=letter.front.count, baseline=baseline,
                  now=now_list.counts, unnamed=now_list.unnamed_organizations)

    for eid, item in now.items():
        if eid not in baseline.listed:
            if item.top != eid and item.top in baseline.listed:
                # A new member of a coalition that had already signed: the coalition's
                # signature date is not when this member joined, and nothing records that.
                item = dataclasses.replace(item, date="")
            result.added.append(item)
        elif baseline.kind == "export" and baseline.listed[eid] != item.name:
            result.renamed.append(Renamed(eid, item.kind, baseline.listed[eid], item.name))

    # A listed organization that has since asked not to be named has not withdrawn, and
    # naming it here would tell who it is: it is in the unnamed count only.
    hidden: set[str] = set()
    for sig in letter.record.active():
        if sig.unnamed:
            hidden.add(sig.id)
            if sig.id in roster.entries and roster.entries[sig.id].is_coalition:
                hidden |= roster.descendants(sig.id)
    gone = [eid for eid in baseline.listed if eid not in now and eid not in hidden]
    if gone:
        reasons = _withdrawal_reasons(letter, roster, set(gone))
        for eid in gone:
            entry = roster.entries.get(eid)
            if baseline.coalitions is not None:
                is_coalition = eid in baseline.coalitions
            else:
                is_coalition = entry is not None and entry.is_coalition
            via, date = reasons.get(eid, ("", ""))
            result.withdrawn.append(Listed(
                id=eid, name=baseline.listed[eid],
                kind="coalition" if is_coalition else "organization",
                counted=not is_coalition or (entry is not None and entry.counts),
                country=entry.country if entry is not None else "", via=via, date=date,
            ))

    # Individuals are known by name only: compare as multisets, so two people
    # of the same name are two signatures.
    then_people = Counter(baseline.individuals)
    now_people = Counter(p.name for p in now_list.individuals)
    dates = {p.name: p.date for p in letter.record.individuals if not p.withdrawn}
    withdrawn_dates = {p.name: p.withdrawn for p in letter.record.individuals if p.withdrawn}
    for name, n in (now_people - then_people).items():
        result.individuals_added += [Person(name, dates.get(name, ""))] * n
    for name, n in (then_people - now_people).items():
        result.individuals_withdrawn += [Person(name, withdrawn_dates.get(name, ""))] * n
    return result


def _withdrawal_reasons(letter: Letter, roster: Roster,
                        gone: set[str]) -> dict[str, tuple[str, str]]:
    """For ids no longer listed: (coalition it left with, withdrawal date) when the record says.

    A direct withdrawal wins; otherwise the withdrawn coalition that brought it.
    An id neither explains left a coalition or the roster (no date is recorded).
    """
    out: dict[str, tuple[str, str]] = {}
    for sig in letter.record.signatures:
        if sig.withdrawn and sig.id in gone:
            out[sig.id] = ("", sig.withdrawn)
    for sig in letter.record.signatures:
        if not sig.withdrawn or sig.id not in roster.entries:
            continue
        entry = roster.entries[sig.id]
        if not entry.is_coalition:
            continue
        for member in roster.descendants(sig.id) & gone:
            out.setdefault(member, (entry.name, sig.withdrawn))
    return out


# ------------------------------------------------------------------ rendering


def _describe(item: Listed, *, withdrawn: bool) -> str:
    parts = [item.name + (f" ({item.country})" if item.country
                          and item.country.casefold() not in item.name.casefold() else "")]
    if item.kind == "coalition":
        parts.append("coalition" + ("" if item.counted else ", not counted itself"))
    if item.via:
        parts.append(f"via {item.via}")
    if item.date:
        parts.append(("withdrew " if withdrawn else "signed ") + item.date)
    return ", ".join(parts)


def describe_baseline(baseline: Baseline) -> str:
    if baseline.kind == "export":
        when = baseline.at.replace("T", " ").replace("+00:00", " UTC")
        formats = f" ({', '.join(baseline.formats)})" if baseline.formats else ""
        return f"changes since the last export, {when}{formats}"
    return f"changes since {baseline.date} (from the dates in the signature record)"
