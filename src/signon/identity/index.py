"""Finding likely duplicates in a roster without comparing every pair.

Every name of every entry gets its :class:`~signon.identity.rules.NameKey` once.
Candidates come from *blocks*, keys that two names of one organization share:

* their strict, bracket-free, suffix-free and small-word-free forms (hash lookups);
* an acronym and the initials or bracketed acronym it spells;
* for typos, the name with one word (or, in longer names, two words) masked: two
  names a typo apart share the mask over the mistyped word; one-word names share a
  one-letter deletion.

Only names in one block are compared (by :func:`~signon.identity.rules.compare`),
so the work grows with the roster, not with its square.  Blocks that hold more
than :data:`MAX_BLOCK` names (a word so common it tells nothing) are skipped.

Looking up one new name (``add-org``) needs no masks: the hash lookups, then one
scan of every name by length and number of words (a typo keeps both), which stays
in milliseconds on a 10,000-entry roster; the few names left are compared.  An
importer looks up thousands of names, one scan each: after :data:`SCANS_BEFORE_MASKS`
scans the index builds :func:`typo_masks` blocks for every name once (and for each
name added later) and looks typos up there.  Those blocks hold every name a typo
apart that the scan would find (see :func:`typo_masks`), so both ways give the same
matches; only the time differs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass
from itertools import combinations

from signon.identity.fold import strict, token_key, token_keys
from signon.identity.rules import (
    Likeness,
    NameKey,
    block_forms,
    build_keys,
    compare,
    countries_clash,
    initials,
    looks_like_acronym,
    own_places,
    typo,
)
from signon.roster import Entry, Roster

MAX_BLOCK = 200
_DIGITS = re.compile(r"\d+")
# A scan of every name costs about what building the typo masks of a twentieth of them
# does: after this many scans, building the masks for all is the cheaper way on.
SCANS_BEFORE_MASKS = 16


def typo_masks(tokens: str) -> list[str]:
    """Keys that two names share whenever :func:`~signon.identity.rules.typo_letters` can
    find them one or two letters apart (``tokens`` is a name's identity form).

    A typo keeps the number of words and changes one or two words of four letters or
    more, never their digits: the name with that word replaced by a mask holding its
    digits (or, for two words, both) is the same for both names (so that "Centre 1021"
    and "Centre 1022" share none).  A one-word name is one or two edits from the other: they share a
    deletion neighbour (an edit, a transposition included, is undone by one deletion on
    each side), two deletions only where a two-letter typo is allowed (18 letters on).
    Names under 8 letters are never typos of one another and get none.
    """
    size = len(tokens) - tokens.count(" ")
    if size < 8:
        return []
    words = tokens.split(" ")
    if len(words) == 1:
        near = {tokens, *(tokens[:i] + tokens[i + 1:] for i in range(len(tokens)))}
        if size >= 18:
            near.update([w[:i] + w[i + 1:] for w in list(near) for i in range(len(w))])
        return list(near)
    masks = {i: "\0" + ("" if word.isalpha() else "-".join(_DIGITS.findall(word)))
             for i, word in enumerate(words) if len(word) >= 4}
    out = []
    for i, mask in masks.items():
        masked = list(words)
        masked[i] = mask
        out.append(" ".join(masked))
    if size >= 18:
        for i, j in combinations(masks, 2):
            masked = list(words)
            masked[i], masked[j] = masks[i], masks[j]
            out.append(" ".join(masked))
    return out


@dataclass(frozen=True)
class Match:
    """An entry that looks like the one asked about, with the names that matched."""

    entry: Entry
    likeness: Likeness
    name: str  # the name asked about
    matched: str  # the entry's name that matched

    @property
    def refused(self) -> bool:
        return self.likeness.kind == "same"


@dataclass(frozen=True)
class Pair:
    """Two roster entries that look like one organization."""

    first: Entry
    second: Entry
    likeness: Likeness
    first_name: str
    second_name: str


def entry_names(entry: Entry) -> list[tuple[str, str]]:
    if not (entry.aliases or entry.names or entry.acronym):
        return [(entry.name, "name")]
    out = [(entry.name, "name")]
    out += [(a, "alias") for a in entry.aliases]
    out += [(n, "translation") for n in entry.names.values()]
    if entry.acronym:
        out.append((entry.acronym, "acronym"))
    return out


class IdentityIndex:
    """The identity keys of a roster's names, with the hash blocks over them."""

    def __init__(self, roster: Roster, *, keyed: bool = False) -> None:
        """``keyed``: make every name's NameKey at once (:meth:`pairs` needs them all; made
        so, the hash forms come from them instead of a second pass over the names)."""
        self.roster = roster
        self.owners: list[str] = []  # entry id of each name
        self.names: list[tuple[str, str]] = []  # (name, field)
        self.places: list[tuple[str, ...]] = []
        self.tokens: list[str] = []
        self.keys = _Keys(self)
        self.by_form: dict[str, list[int]] = {}
        self._acronyms: dict[str, list[int]] | None = None
        self._initials: dict[str, list[int]] | None = None
        self._typos: dict[str, list[int]] | None = None  # typo_masks → names, once built
        self._scans = 0
        # Keys made ahead (prepare), by (name, own places): a key depends on nothing else,
        # so those an earlier index of this roster made (an import's) serve as well; and the
        # typo masks of names looked up, which a name created next needs again.
        self._prepared: dict[tuple[str, tuple[str, ...]], NameKey] = dict(
            roster.identity_cache.get("keys", {}))
        self._masks: dict[str, list[str]] = {}
        self._stricts: dict[str, str] = {}  # name → strict form, for prepare's ``also``
        self._add_entries(list(roster.entries.values()), keyed=keyed)

    # -- building ------------------------------------------------------------
    def prepare(self, names: Iterable[str], countries: Iterable[str],
                also: Iterable[str] = ()) -> None:
        """Make the keys of ``names`` (each to be looked up by :meth:`find` in the country
        beside it, or added as an entry's name) in one pass, as an importer that reads a
        list does: one pass over all the text costs a fraction of one per name.  ``also``:
        names only looked up by the same name (other printed forms), which need only their
        strict form."""
        items = [(name, own_places(country, "") if country else ())
                 for name, country in zip(names, countries, strict=True)]
        items = [item for item in dict.fromkeys(items) if item not in self._prepared]
        keys = build_keys([(name, "name") for name, _ in items], [own for _, own in items])
        self._prepared.update(zip(items, keys, strict=True))
        others = [name for name in dict.fromkeys(also) if name not in self._stricts]
        self._stricts.update(zip(others, map(strict, token_keys(others)), strict=True))

    def share_keys(self) -> None:
        """Leave the keys made so far with the roster, for the next index of it (check after
        an import: the import keyed every name of the list already)."""
        keys = self._prepared
        for n, key in enumerate(self.keys.made):
            if key is not None and key.field == "name":
                keys.setdefault((key.name, self.places[n]), key)
        self.roster.identity_cache["keys"] = keys

    def _add_entries(self, entries: list[Entry], *, keyed: bool = False) -> None:
        names: list[tuple[str, str]] = []
        places: list[tuple[str, ...]] = []
        owners: list[str] = []
        for entry in entries:
            own = own_places(entry.country, entry.city) if entry.country or entry.city else ()
            for item in entry_names(entry):
                names.append(item)
                places.append(own)
                owners.append(entry.id)
        start = len(self.names)
        prepared = self._prepared
        made: list[NameKey | None] = [
            prepared.get((name, own)) if field == "name" else None
            for (name, field), own in zip(names, places, strict=True)
        ] if prepared else [None] * len(names)
        rest = [i for i, key in enumerate(made) if key is None]
        if keyed and rest:
            built = iter(build_keys([names[i] for i in rest], [places[i] for i in rest]))
            made = [next(built) if key is None else key for key in made]
            rest = []
        if len(rest) == len(names):
            tokens, forms = _cached_block_forms(names, places)
        else:
            # A key made ahead holds the four forms; block_forms makes them for the rest
            # without a NameKey each (reading a large roster needs no more).
            tokens = [key.tokens if key else "" for key in made]
            forms = [(key.strict, key.bare, key.core, key.loose) if key else ("", "", "", "")
                     for key in made]
            if rest:
                some_tokens, some_forms = block_forms([names[i] for i in rest],
                                                      [places[i] for i in rest])
                for i, token, four in zip(rest, some_tokens, some_forms, strict=True):
                    tokens[i], forms[i] = token, four
        self.names.extend(names)
        self.places.extend(places)
        self.owners.extend(owners)
        self.tokens.extend(tokens)
        self.keys.grow(len(names))
        for i, key in enumerate(made):
            if key is not None:
                self.keys.made[start + i] = key
        by_form = self.by_form
        for n, four in enumerate(forms, start):
            for form in four:
                if form:
                    by_form.setdefault(form, []).append(n)
        for n in range(start, len(self.names)):
            if self._acronyms is not None:
                self._block_acronym(n)
            if self._initials is not None:
                self._block_initials(n)
            if self._typos is not None:
                self._block_typos(n)

    def add(self, entry: Entry) -> None:
        """Take an entry added to the roster into the index."""
        self._add_entries([entry])

    def _block_acronym(self, n: int) -> None:
        assert self._acronyms is not None
        text, field = self.names[n]
        if field == "acronym" or (len(text) <= 20 and looks_like_acronym(text)):
            self._acronyms.setdefault(self.tokens[n].replace(" ", ""), []).append(n)

    def _block_initials(self, n: int) -> None:
        assert self._initials is not None
        key = self.keys[n]
        if not key.is_acronym:
            spelled = initials(key)
            if len(spelled) >= 3:
                self._initials.setdefault(spelled, []).append(n)
            if key.acronym:
                self._initials.setdefault(strict(token_key(key.acronym)), []).append(n)

    def _block_typos(self, n: int) -> None:
        assert self._typos is not None
        typos = self._typos
        tokens = self.tokens[n]
        masks = self._masks.pop(tokens, None)
        for mask in typo_masks(tokens) if masks is None else masks:
            typos.setdefault(mask, []).append(n)

    def typos(self) -> dict[str, list[int]]:
        if self._typos is None:
            self._typos = {}
            for n in range(len(self.names)):
                self._block_typos(n)
        return self._typos

    def acronyms(self) -> dict[str, list[int]]:
        if self._acronyms is None:
            self._acronyms = {}
            for n in range(len(self.names)):
                self._block_acronym(n)
        return self._acronyms

    def initials(self) -> dict[str, list[int]]:
        if self._initials is None:
            self._initials = {}
            self.keys.build_all()
            for n in range(len(self.names)):
                self._block_initials(n)
        return self._initials

    # -- one entry against the roster ---------------------------------------
    def find(self, names: Iterable[tuple[str, str]], *, country: str = "",
             city: str = "", exclude: str = "", same_name: bool = False,
             among: Container[str] | None = None) -> list[Match]:
        """Roster entries that look like an entry known by ``names`` (name, field) in
        ``country``, best first (one match per entry).

        ``same_name``: only entries with one of these names after folding (in any country),
        which is all that deciding a match needs and costs a hash look-up; ``among``: only
        entries with these ids.
        """
        names = list(names)
        if same_name:
            return self._same_name(names, country, exclude, among)
        own = own_places(country, city)
        prepared = self._prepared
        made = [prepared.get((name, own)) if field == "name" else None
                for name, field in names]
        if None in made:
            rest = iter(build_keys([n for n, key in zip(names, made, strict=True)
                                    if key is None], [own] * made.count(None)))
            made = [next(rest) if key is None else key for key in made]
        queries = [key for key in made if key is not None]
        found = [(query, *self._candidates(query)) for query in queries]
        # Every other rule has a hash block (acronyms, suffixes, small words: see
        # _candidates), so a name found only by the typo search is compared by that rule
        # alone, on its tokens: no NameKey made for each of a scan's hundreds of names.
        self.keys.build([n for _, hashed, _ in found for n in hashed])
        matches = self._matches([(query, hashed) for query, hashed, _ in found], country,
                                exclude, among)
        entries, names, tokens = self.roster.entries, self.names, self.tokens
        best = {m.entry.id: m for m in matches}
        for query, _, typo_only in found:
            for n in typo_only:
                eid = self.owners[n]
                if eid == exclude or eid not in entries or (among is not None and
                                                            eid not in among):
                    continue
                entry = entries[eid]
                if countries_clash(country, entry.country):
                    continue
                other = NameKey(names[n][0], tokens[n], tokens[n].replace(" ", ""))
                likeness = typo(query, other)
                current = best.get(eid)
                if likeness and (current is None or likeness.score > current.likeness.score):
                    best[eid] = Match(entry, likeness, query.name, other.name)
        return sorted(best.values(), key=lambda m: (-m.likeness.score, m.entry.id))

    def _same_name(self, names: list[tuple[str, str]], country: str, exclude: str,
                   among: Container[str] | None) -> list[Match]:
        # Only the strict form counts (compare's first rule), so no NameKey is made: a key
        # with the strict form and the field is all compare reads for the same name.
        own = own_places(country, "")
        queries: list[tuple[NameKey, Iterable[int]]] = []
        tokens = self.tokens
        for name, field in names:
            key = self._prepared.get((name, own)) if field == "name" else None
            form = key.strict if key else self._stricts.get(name)
            if form is None:
                form = strict(token_key(name))
            block = self.by_form.get(form)
            if block:  # most names of a new list are nobody's yet
                candidates = [n for n in block
                              if len(tokens[n]) - tokens[n].count(" ") == len(form)
                              and tokens[n].replace(" ", "") == form]
                queries.append((NameKey(name, "", form, field=field), candidates))
        return self._matches(queries, country, exclude, among, same_name=True) if queries else []

    def _matches(self, queries: list[tuple[NameKey, Iterable[int]]], country: str,
                 exclude: str, among: Container[str] | None, *,
                 same_name: bool = False) -> list[Match]:
        best: dict[str, Match] = {}
        entries = self.roster.entries
        for query, candidates in queries:
            for n in candidates:
                eid = self.owners[n]
                if eid == exclude or eid not in entries or (among is not None and
                                                            eid not in among):
                    continue
                entry = entries[eid]
                if same_name:
                    text, field = self.names[n]
                    key = NameKey(text, "", query.strict, field=field)
                else:
                    key = self.keys[n]
                likeness = compare(query, key, country, entry.country)
                if likeness is None:
                    continue
                current = best.get(eid)
                if current is None or likeness.score > current.likeness.score:
                    best[eid] = Match(entry, likeness, query.name, key.name)
        return sorted(best.values(), key=lambda m: (-m.likeness.score, m.entry.id))

    def _candidates(self, query: NameKey) -> tuple[set[int], set[int]]:
        """Names that may look like ``query``: those sharing a hash block with it (any
        rule), and those only a typo apart can be (same words but one or two, lengths
        within two letters), which need only the typo rule."""
        found: set[int] = set()
        for form in (query.strict, query.bare, query.core, query.loose):
            if form:
                found.update(self.by_form.get(form, ()))
        if query.is_acronym:
            found.update(self.initials().get(query.strict, ()))
        else:
            spelled = initials(query)
            for form in (spelled, strict(token_key(query.acronym)) if query.acronym else ""):
                if len(form) >= 2:
                    found.update(self.acronyms().get(form, ()))
        typos: set[int] = set()
        if len(query.strict) >= 8 and not query.is_acronym:
            names = self.tokens
            size, spaces = len(query.tokens), query.tokens.count(" ")
            if self._typos is None and self._scans < SCANS_BEFORE_MASKS:
                # A typo keeps the number of words and the length within two letters: a
                # scan of every name on those two numbers costs a few milliseconds, and
                # only the few names left are compared letter by letter (rapidfuzz, in
                # typo_letters).
                self._scans += 1
                typos = {n for n, tokens in enumerate(names)
                         if abs(len(tokens) - size) <= 2 and tokens.count(" ") == spaces}
            else:
                # The scan's own test too: a name in a mask block may differ by more.
                blocks = self.typos()
                masks = self._masks.get(query.tokens)
                if masks is None:
                    masks = self._masks[query.tokens] = typo_masks(query.tokens)
                for mask in masks:
                    typos.update(n for n in blocks.get(mask, ())
                                 if abs(len(names[n]) - size) <= 2
                                 and names[n].count(" ") == spaces)
            typos -= found
        return found, typos

    # -- every pair ------------------------------------------------------------
    def pairs(self) -> list[Pair]:
        """Every likely duplicate pair of the roster, best first."""
        self.keys.build_all()
        best: dict[tuple[str, str], Pair] = {}
        entries = self.roster.entries
        for a, b in self._candidate_pairs():
            ea, eb = self.owners[a], self.owners[b]
            if ea == eb or ea not in entries or eb not in entries:
                continue
            first, second = entries[ea], entries[eb]
            if eb in first.distinct or ea in second.distinct:
                continue
            likeness = compare(self.keys[a], self.keys[b], first.country, second.country)
            if likeness is None:
                continue
            pair_id = (ea, eb) if ea < eb else (eb, ea)
            current = best.get(pair_id)
            if current is None or likeness.score > current.likeness.score:
                if ea > eb:
                    a, b, first, second = b, a, second, first
                best[pair_id] = Pair(first, second, likeness, self.keys[a].name,
                                     self.keys[b].name)
        return sorted(best.values(),
                      key=lambda p: (-p.likeness.score, p.first.id, p.second.id))

    def _candidate_pairs(self) -> Iterator[tuple[int, int]]:
        seen: set[tuple[int, int]] = set()

        def emit(block: list[int]) -> Iterator[tuple[int, int]]:
            if len(block) < 2 or len(block) > MAX_BLOCK:
                return
            for a, b in combinations(block, 2):
                pair = (a, b) if a < b else (b, a)
                if pair not in seen and self.owners[a] != self.owners[b]:
                    seen.add(pair)
                    yield pair

        for block in self.by_form.values():
            if len(block) > 1:  # most forms are one name's: no generator for those
                yield from emit(block)
        acronyms, spelled = self.acronyms(), self.initials()
        for form, named in acronyms.items():
            for a in named:
                for b in spelled.get(form, ()):
                    pair = (a, b) if a < b else (b, a)
                    if pair not in seen and self.owners[a] != self.owners[b]:
                        seen.add(pair)
                        yield pair
        for block in self._typo_blocks().values():
            if len(block) > 1:
                yield from emit(block)

    def _typo_blocks(self) -> dict[str, list[int]]:
        """Blocks of two names or more that a typo apart may share (for :meth:`pairs`)."""
        self.keys.build_all()
        # A typo is one word of three letters or more gone wrong, never in a number
        # (see rules.typo_letters): only such words are masked.  Masks are cut out of the
        # token string (a roster makes tens of thousands; joining word lists cost twice).
        masks: list[str] = []
        owners: list[int] = []
        for n, key in enumerate(self.keys):
            if len(key.strict) < 8 or key.is_acronym:
                continue
            tokens = key.tokens
            if " " not in tokens:
                near = [tokens]
                for i in range(len(tokens)):
                    near.append(tokens[:i] + "\0" + tokens[i + 1:])
                    near.append(tokens[:i] + tokens[i + 1:])
                masks += near
                owners += [n] * len(near)
                continue
            spans = []
            start = 0
            for word in tokens.split(" "):
                if len(word) >= 4 and word.isalpha():
                    spans.append((start, start + len(word)))
                start += len(word) + 1
            for a, b in spans:
                masks.append(tokens[:a] + "\0" + tokens[b:])
                owners.append(n)
            if len(spans) >= 2 and tokens.count(" ") >= 3 and len(key.strict) >= 18:
                # Two words, a letter wrong in each: both masked.
                for (a, b), (c, d) in combinations(spans, 2):
                    masks.append(tokens[:a] + "\0" + tokens[b:c] + "\0" + tokens[d:])
                    owners.append(n)
        # Only masks two names share make a block: counted at C speed first, so that the
        # tens of thousands of masks of one name each make no list.
        shared = {mask for mask, count in Counter(masks).items() if count > 1}
        blocks: dict[str, list[int]] = {}
        for mask, n in zip(masks, owners, strict=True):
            if mask in shared:
                blocks.setdefault(mask, []).append(n)
        return blocks


class _Keys:
    """The :class:`NameKey` of every name of an index, made when first asked for (one new
    name looked up needs only a few), or all at once for every pair."""

    def __init__(self, index: IdentityIndex) -> None:
        self.index = index
        self.made: list[NameKey | None] = []

    def grow(self, count: int) -> None:
        self.made.extend([None] * count)

    def __len__(self) -> int:
        return len(self.made)

    def __getitem__(self, n: int) -> NameKey:
        key = self.made[n]
        if key is None:
            key = self.made[n] = build_keys([self.index.names[n]], [self.index.places[n]])[0]
        return key

    def __iter__(self) -> Iterator[NameKey]:
        self.build_all()
        return iter(self.made)  # type: ignore[arg-type]

    def build_all(self) -> None:
        self.build(range(len(self.made)))

    def build(self, wanted: Iterable[int]) -> None:
        """Make the keys of the names ``wanted`` that have none yet, in one pass."""
        missing = [n for n in wanted if self.made[n] is None]
        if missing:
            index = self.index
            built = build_keys([index.names[n] for n in missing],
                               [index.places[n] for n in missing])
            for n, key in zip(missing, built, strict=True):
                self.made[n] = key


# Past this many names, the forms of a roster's names are kept in the parse cache.
_CACHED_FORMS = 2000


def _cached_block_forms(names: list[tuple[str, str]], places: list[tuple[str, ...]]
                        ) -> tuple[list[str], list[tuple[str, str, str, str]]]:
    """:func:`block_forms`, kept in the parse cache under the names and places themselves
    (they alone decide the forms, with the identity code and the place lists, which the
    kind names): screening one new name against a 10,000-entry roster made every other
    name's forms again, ~0.1 s of each ``add-org``."""
    if len(names) < _CACHED_FORMS:
        return block_forms(names, places)
    from signon.identity import rules_version
    from signon.importers import countries, countries_data
    from signon.parsecache import cached_result, code_version

    # NUL never appears in a name signon accepts; if a hand edit put one there, the
    # key would not be one-to-one, so the forms are made instead.
    key = "\0".join([f"{text}\1{own[0]}" if len(own) == 1 else f"{text}\1{chr(2).join(own)}"
                      for (text, _), own in zip(names, places, strict=True)])
    if key.count("\0") != len(names) - 1 or key.count("\1") != len(names):
        return block_forms(names, places)

    def compute() -> dict[str, object]:
        tokens, forms = block_forms(names, places)
        return {"tokens": tokens, "forms": forms}

    kind = (f"block-forms-{rules_version()}-"
            f"{code_version(countries.__file__, countries_data.__file__)}")
    data = cached_result(kind, key, compute)
    tokens, forms = data["tokens"], data["forms"]
    if not (isinstance(tokens, list) and isinstance(forms, list) and len(tokens) == len(names)
            and len(forms) == len(names)):
        return block_forms(names, places)
    # Lists from JSON, read as the tuples they were: only iterated.
    return tokens, forms
