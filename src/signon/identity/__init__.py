"""One organization, one entry: likely duplicates, the names an entry is asked by.

* :func:`screen` — before an entry is added or renamed: a name equal after folding
  (see :mod:`signon.identity.rules`) with the same country or none is refused
  (``override="force"``); fuzzy matches come back as warnings.
* :func:`duplicates` — every likely duplicate pair of a roster, best first.
* :func:`resolve` — the entry a person means by an id, a retired (merged) id, an
  acronym, an alias or a name.
* :func:`match_or_create` — the one policy importers follow for a name they read.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from signon.errors import RefusedInput
from signon.identity.index import IdentityIndex, Match, Pair, entry_names
from signon.identity.rules import Likeness
from signon.roster import Entry, Roster

__all__ = [
    "IdentityIndex",
    "Likeness",
    "Match",
    "Outcome",
    "Pair",
    "duplicates",
    "letters_by_entry",
    "match_or_create",
    "resolve",
    "roster_pairs",
    "screen",
]


def _where(entry: Entry) -> str:
    return f", {entry.country}" if entry.country else ""


def refusal_text(name: str, match: Match) -> str:
    other = match.entry
    also = "" if match.matched == other.name else f", also known as {match.matched!r}"
    return (
        f"{name!r} is the name of {other.id!r} ({other.name!r}{_where(other)}{also}) once "
        "case, accents, script and punctuation are set aside; use that id, unless they are "
        "different organizations"
    )


def screen(roster: Roster, entry: Entry, names: Iterable[str] | None = None, *,
           force: bool = False, index: IdentityIndex | None = None) -> list[Match]:
    """Entries that ``entry`` (or only its ``names``) looks like, best first.

    A name equal after folding to another entry's, with the same country or none, is
    refused (:class:`RefusedInput`, ``override="force"``) unless ``force``.  Everything
    found (with ``force``, the same names too) is returned: warnings for the caller to show.
    ``duplicates`` and ``check`` keep reporting the pair until it is merged or marked as
    distinct (``distinct_from`` on either entry).
    """
    if names is None:
        items = [item for item in entry_names(entry) if item[1] != "acronym"]
    else:
        items = [(n, "name") for n in names]
    if not items:
        return []
    index = index or IdentityIndex(roster)
    found = [m for m in index.find(items, country=entry.country, city=entry.city,
                                   exclude=entry.id)
             if m.entry.id not in entry.distinct and entry.id not in m.entry.distinct]
    same = [m for m in found if m.refused]
    if same and not force:
        raise RefusedInput(refusal_text(same[0].name, same[0]), override="force")
    return found


def duplicates(roster: Roster) -> list[Pair]:
    """Every likely duplicate pair in ``roster``, best first."""
    return IdentityIndex(roster, keyed=True).pairs()


def roster_pairs(roster: Roster) -> list[Pair]:
    """:func:`duplicates`, computed once per roster object (``check`` asks for every letter)
    and, for a roster read from a file, once per version of that file: the pairs are kept
    in the parse cache under the file's text, so ``check`` and ``compose`` on a large
    roster do not redo the comparison on every run."""
    cached = roster.identity_cache.get("pairs")
    if cached is None:
        source = roster.identity_cache.get("source")
        cached = (_pairs_by_content(roster, source) if isinstance(source, str)
                  else duplicates(roster))
        roster.identity_cache["pairs"] = cached
    return cached


@cache
def rules_version() -> str:
    """A digest of the identity code: a cached result of other rules is never used."""
    from signon.parsecache import blake2b

    digest = blake2b(digest_size=12)
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _pairs_by_content(roster: Roster, source: str) -> list[Pair]:
    from signon.parsecache import cached_result

    def compute() -> dict[str, Any]:
        return {"pairs": [[p.first.id, p.second.id, p.first_name, p.second_name,
                           p.likeness.kind, p.likeness.reason, p.likeness.score]
                          for p in duplicates(roster)]}

    data = cached_result(f"identity-pairs-{rules_version()}", source, compute)
    entries = roster.entries
    out: list[Pair] = []
    for first, second, first_name, second_name, kind, reason, score in data["pairs"]:
        if first in entries and second in entries:
            out.append(Pair(entries[first], entries[second], Likeness(kind, reason, score),
                            first_name, second_name))
    return out


def letters_by_entry(root: Path, roster: Roster, slugs: list[str]) -> dict[str, list[str]]:
    """Entry id → the letters it signs (directly or through a coalition), withdrawn ones
    left out."""
    from signon.letter import letter_references

    out: dict[str, list[str]] = {}
    for slug, record in letter_references(root, slugs).items():
        for sig in record.active():
            for eid in (sig.id, *(roster.descendants(sig.id) if sig.id in roster.entries
                                  else ())):
                signed = out.setdefault(eid, [])
                if not signed or signed[-1] != slug:
                    signed.append(slug)
    return out


def _ambiguous(ref: str, hits: list[Entry]) -> RefusedInput:
    listed = "; ".join(f"{e.id} ({e.name}{_where(e)})" for e in hits[:10])
    more = f" and {len(hits) - 10} more" if len(hits) > 10 else ""
    return RefusedInput(f"{ref!r} could be {len(hits)} entries: {listed}{more}; give one of "
                        "these ids")


def resolve(roster: Roster, ref: str, *, index: IdentityIndex | None = None) -> Entry:
    """The entry ``ref`` names: its id, an id it was merged or renamed from, or one of its
    names, aliases or acronym (equal after folding).  Several entries known by ``ref`` are
    refused, listing them with their ids and countries."""
    return roster.entries[resolve_id(roster, ref, index=index)]


def resolve_id(roster: Roster, ref: str, *, index: IdentityIndex | None = None) -> str:
    ref = ref.strip()
    if ref in roster.entries:
        return ref
    redirected = roster.follow(ref)
    if redirected in roster.entries:
        return redirected
    hits = _by_name(roster, ref, index)
    if len(hits) > 1:
        # Spelled exactly as one of them is (accents and all): that one.
        from signon.text import fold

        exact = [e for e in hits if fold(ref) in {fold(n) for n in e.all_names()}]
        hits = exact if len(exact) == 1 else hits
    if len(hits) == 1:
        return hits[0].id
    if len(hits) > 1:
        raise _ambiguous(ref, hits)
    raise roster.unknown_id(ref)


def resolve_ids(roster: Roster, refs: Iterable[str], *, keep_unknown: bool = False) -> list[str]:
    """:func:`resolve_id` of each ref, with one index built for all that need one.

    ``keep_unknown``: a ref that names nothing is returned as given (for a caller whose own
    refusal says more), instead of refused; an ambiguous one is refused all the same.
    """
    index: IdentityIndex | None = None
    out = []
    for ref in refs:
        stripped = ref.strip()
        if stripped in roster.entries or roster.follow(stripped) in roster.entries:
            out.append(resolve_id(roster, stripped))
            continue
        index = index or IdentityIndex(roster)
        try:
            out.append(resolve_id(roster, stripped, index=index))
        except RefusedInput:
            if not keep_unknown or _by_name(roster, stripped, index):
                raise
            out.append(stripped)
    return out


def _by_name(roster: Roster, ref: str, index: IdentityIndex | None) -> list[Entry]:
    from signon.identity.fold import strict, token_key

    form = strict(token_key(ref))
    if not form:
        return []
    index = index or IdentityIndex(roster)
    seen: dict[str, Entry] = {}
    for n in index.by_form.get(form, ()):
        key = index.keys[n]
        eid = index.owners[n]
        if key.strict == form and eid in roster.entries:
            seen.setdefault(eid, roster.entries[eid])
    return sorted(seen.values(), key=lambda e: e.id)


@dataclass
class Outcome:
    """What :func:`match_or_create` decided for one name."""

    entry: Entry
    created: bool
    notes: list[str] = field(default_factory=list)  # for the person who reads the report
    resembles: list[Match] = field(default_factory=list)  # entries a new one looks like


def _queries(name: str, also: Iterable[str]) -> list[tuple[str, str]]:
    return [(name, "name"), *((a, "name") for a in dict.fromkeys(also) if a and a != name)]


def _decide(found: list[Match], *, country: str, coalition: bool,
            members: list[str]) -> Entry | None:
    """The entry that ``found`` (:meth:`IdentityIndex.find` of a name) says the name is."""
    from signon.identity.rules import countries_clash

    if not found:
        return None
    named = [m for m in found if m.likeness.reason.startswith("same name")]
    if coalition:
        wanted = set(members)
        return next((m.entry for m in named
                     if m.entry.is_coalition and set(m.entry.members) == wanted), None)
    fitting = [m.entry for m in named if m.refused and not m.entry.is_coalition]
    if not fitting:
        return None
    # Several entries of one name, none in another country: the one in the country printed
    # (any spelling of it), else the first by id. A country that is only a guess still
    # chooses among them; it just never rules one out (find was asked without it).
    placed = [e for e in fitting if e.country and country and
              not countries_clash(e.country, country)]
    return (placed or fitting)[0]


def find_match(roster: Roster, index: IdentityIndex, name: str, *, country: str = "",
               country_is_guess: bool = False, coalition: bool = False,
               members: Iterable[str] = (), also: Iterable[str] = ()) -> Outcome | None:
    """What :func:`match_or_create` would decide, without creating anything: the matched
    entry (``created`` False), or None when a new entry would be made."""
    found = index.find(_queries(name, also), country="" if country_is_guess else country,
                       same_name=True)
    entry = _decide(found, country=country, coalition=coalition,
                    members=list(dict.fromkeys(members)))
    return None if entry is None else Outcome(entry, created=False)


def resemblances(index: IdentityIndex, name: str, *, country: str = "",
                 also: Iterable[str] = ()) -> list[Match]:
    """Entries a new entry called ``name`` would look like (the same name in another
    country included), best first."""
    return index.find(_queries(name, also), country=country)


def match_or_create(roster: Roster, index: IdentityIndex, name: str, *, country: str = "",
                    country_is_guess: bool = False, coalition: bool = False,
                    members: Iterable[str] = (), fields: dict[str, str] | None = None,
                    also: Iterable[str] = (),
                    look_alikes: Collection[str] | None = None) -> Outcome:
    """The entry an imported ``name`` is: an existing one, or a new one added to ``roster``
    (and to ``index``).

    One policy for every importer:

    * an organization whose name (or ``also``, other printed forms of it) equals a roster
      organization's name, alias, translation or acronym after folding, in the same
      country or where either country is missing, *is* that organization; among several,
      the one in the same country first, else the first by id.  Where it is (country,
      city) is filled in when the roster lacks it, nothing else (not a form's e-mail,
      often the signer's own); the roster keeps its name;
    * a country that differs makes a new entry (a national section), with a note; a
      country that is only a guess (taken from the coalition above) never rules a match out
      and is never stored on a match;
    * a coalition matches a roster coalition of that name with the same members; otherwise
      it is created, with a note when the name is taken;
    * a new entry that looks like an existing one (typo, acronym, suffix) is created, and
      the resemblances are returned for the importer to report or to hold back.

    ``fields`` holds the other fields of a new entry (city, email, website, heading…).
    ``look_alikes``: the ids among which resemblances are looked for (an importer that
    reports only against the roster as it was before; none: no search), every entry when
    None.  It decides what is reported, never what is matched.
    """
    from signon.roster import make_entry

    members = list(dict.fromkeys(members))
    fields = fields or {}
    queries = _queries(name, also)
    asked = "" if country_is_guess else country
    # The same names decide the match: a hash look-up; the fuzzy rules only for a new entry.
    named = index.find(queries, country=asked, same_name=True)
    matched = _decide(named, country=country, coalition=coalition, members=members)
    if matched is not None:
        from signon.text import validate

        if country and not country_is_guess and not matched.country:
            matched.country = validate("country", country)
        city = fields.get("city", "")
        if city and not matched.city:
            matched.city = validate("city", city)
        return Outcome(matched, created=False)
    entry = make_entry(roster, name, kind="coalition" if coalition else "organization",
                       country=country, members=members, **fields)  # type: ignore[arg-type]
    roster.add(entry, force=True)
    index.add(entry)
    notes = []
    for m in named:
        other = m.entry
        if coalition and other.is_coalition:
            notes.append(f"{name!r} is coalition {other.id!r} in the roster, with other "
                         f"members; created {entry.id!r} with the members listed here (if they "
                         "are one, merge them)")
        elif other.is_coalition != coalition:
            notes.append(f"{name!r} is the name of {other.kind} {other.id!r}; created "
                         f"{entry.id!r} as a new {entry.kind}")
        else:
            notes.append(f"{name!r} has the name of {other.id!r} "
                         f"({other.country or 'no country'}) but another country; created "
                         f"{entry.id!r} (if they are one, merge them)")
    resembles: list[Match] = []
    if look_alikes is None or look_alikes:
        resembles = [m for m in index.find(queries, country=asked, exclude=entry.id,
                                           among=look_alikes)
                     if not m.likeness.reason.startswith("same name")]
    return Outcome(entry, created=True, notes=notes, resembles=resembles)
