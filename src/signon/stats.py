"""``signon stats``: who signed a letter, by country, by coalition and by kind.

Every number is taken from the same :class:`~signon.counting.SignatoryList`
that ``compose`` prints and ``check`` counts, so stats can never disagree with
the letter.  Two choices a reader of the tables should know:

* Country and coalition rows count *organizations* as the ``organizations``
  rule does: distinct roster ids, coalitions expanded to their members, a
  coalition itself only when it is marked as counting.  An organization listed
  twice (directly and through a coalition) is one organization.
* Coalition rows overlap when coalitions nest: a member of a nested coalition
  is counted in its own coalition's row *and* in every enclosing coalition's
  row, because a coordinator asking "how many came through Human Rights House
  Network?" means all of them.  The "(signed directly)" row holds the
  organizations (and counting coalitions) that signed at the top level.
* Organizations that asked not to be named are counted and never itemized: one
  "(not named)" row in the country and coalition tables, so that the shares add up,
  and ``unnamed`` in the JSON.  Their country or coalition could tell who they are.
  ``include_unnamed`` (for the coordinator's own eyes) counts them where they belong.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from signon.collation import sort_key
from signon.counting import Counts, Node, SignatoryList, build_list
from signon.letter import Letter
from signon.roster import Roster

NO_COUNTRY = "(no country)"
DIRECT = "(signed directly)"
NOT_NAMED = "(not named)"


@dataclass(frozen=True)
class Row:
    """One row of a stats table: a label (a country or a coalition) and its count."""

    label: str
    count: int
    id: str = ""  # coalitions: the roster id
    parent: str = ""  # coalitions: the id of the coalition it is printed under, if nested
    parent_name: str = ""

    def to_json(self, key: str) -> dict[str, Any]:
        if key == "country":
            return {"country": self.label if self.label != NO_COUNTRY else None,
                    "organizations": self.count}
        return {"id": self.id, "name": self.label, "parent": self.parent or None,
                "organizations": self.count}


@dataclass
class Stats:
    letter: str
    title: str
    language: str
    rule: str
    counts: Counts
    organizations: int  # distinct listed ids of kind organization
    coalitions: int  # distinct listed coalitions, counting or not
    individuals: int
    by_country: list[Row] = field(default_factory=list)
    by_coalition: list[Row] = field(default_factory=list)
    direct: int = 0
    unnamed: int = 0  # organizations that asked not to be named
    include_unnamed: bool = False  # they are in the tables, as the coordinator asked

    @property
    def by_kind(self) -> list[Row]:
        rows = [Row("organizations", self.organizations), Row("coalitions", self.coalitions),
                Row("individuals", self.individuals)]
        if self.unnamed and not self.include_unnamed:
            rows.append(Row("not named", self.unnamed))
        return rows

    def to_json(self) -> dict[str, Any]:
        """The JSON ``stats --json`` prints.

        ``{"letter", "title", "language", "rule", "counts": {organizations,
        entries, names, individuals}, "by_kind": {"organizations",
        "coalitions", "individuals"}, "by_country": [{"country" (null when
        unknown), "organizations"}], "by_coalition": [{"id", "name", "parent"
        (null at the top level), "organizations"}], "direct", "unnamed",
        "include_unnamed"}`` — rows sorted by size, largest first.  ``unnamed``
        counts the organizations that asked not to be named; unless
        ``include_unnamed``, they are in ``counts`` only, in no row.
        ``by_kind.organizations`` counts distinct organizations of kind
        organization; ``counts.organizations`` is the count rule, which also
        counts coalitions marked as counting.
        """
        return {
            "letter": self.letter, "title": self.title, "language": self.language,
            "rule": self.rule, "counts": self.counts.as_dict(),
            "by_kind": {row.label: row.count for row in self.by_kind[:3]},
            "by_country": [row.to_json("country") for row in self.by_country],
            "by_coalition": [row.to_json("coalition") for row in self.by_coalition],
            "direct": self.direct,
            "unnamed": self.unnamed,
            "include_unnamed": self.include_unnamed,
        }


def _counted(node: Node) -> bool:
    return not node.is_coalition or node.counts


def compute_stats(letter: Letter, roster: Roster, *, language: str | None = None,
                  signatories: SignatoryList | None = None,
                  include_unnamed: bool = False) -> Stats:
    """Tally ``letter``'s current list (built in ``language``, or the letter's own).

    ``include_unnamed``: the organizations that asked not to be named are tallied by
    country and coalition like the others (for the coordinator, never for a letter).
    """
    lang = language or letter.front.language
    listed = signatories if signatories is not None else build_list(letter, roster, language=lang)
    unnamed = listed.unnamed_organizations
    if include_unnamed and unnamed:
        listed = build_list(_all_named(letter), roster, language=lang)

    countries: dict[str, str] = {}  # counted id -> country label
    kinds: dict[str, bool] = {}  # listed id -> is a coalition
    direct: set[str] = set()
    # Coalition id -> (name, parent, counted ids below it).  A coalition printed in
    # two places (nested under two parents) is one row: the first place names it.
    below: dict[str, tuple[str, str, set[str]]] = {}

    def visit(node: Node, ancestors: list[str]) -> None:
        kinds.setdefault(node.id, node.is_coalition)
        if _counted(node):
            countries.setdefault(node.id, node.country or NO_COUNTRY)
            for cid in ancestors:
                below[cid][2].add(node.id)
        if node.is_coalition:
            below.setdefault(node.id, (node.name, node.parent, set()))
            ancestors.append(node.id)
            for child in node.children:
                visit(child, ancestors)
            ancestors.pop()

    for entry in listed.entries:
        if _counted(entry):
            direct.add(entry.id)
        visit(entry, [])

    by_country: dict[str, int] = {}
    for country in countries.values():
        by_country[country] = by_country.get(country, 0) + 1

    collate = sort_key(lang)
    country_rows = _sorted(
        [Row(label, n) for label, n in by_country.items()], collate,
        last=lambda row: row.label == NO_COUNTRY,
    )
    coalition_rows = [Row(name, len(ids), id=cid, parent=parent,
                          parent_name=below[parent][0] if parent in below else parent)
                      for cid, (name, parent, ids) in below.items()]
    coalition_rows = _sorted(coalition_rows, collate, last=lambda row: False)
    return Stats(
        letter=letter.slug, title=_title(letter, language),
        language=lang, rule=letter.front.count, counts=listed.counts,
        organizations=sum(1 for is_coalition in kinds.values() if not is_coalition),
        coalitions=sum(1 for is_coalition in kinds.values() if is_coalition),
        individuals=listed.counts.individuals,
        by_country=country_rows, by_coalition=coalition_rows, direct=len(direct),
        unnamed=unnamed, include_unnamed=include_unnamed,
    )


def _all_named(letter: Letter) -> Letter:
    """``letter`` as if every signatory had agreed to be named (a copy; nothing is written)."""
    import copy
    import dataclasses

    shown = copy.copy(letter)
    shown.record = copy.copy(letter.record)
    shown.record.signatures = [dataclasses.replace(sig, unnamed=False) if sig.unnamed else sig
                               for sig in letter.record.signatures]
    return shown


def _title(letter: Letter, language: str | None) -> str:
    # Stats may be asked in any language (for names and order); only a language
    # the letter is written in has a title of its own.
    if language and language != letter.front.language and language in letter.languages():
        return letter.text_for(language).front.title or letter.front.title
    return letter.front.title


def _sorted(rows: list[Row], collate: Callable[[str], object],
            last: Callable[[Row], bool]) -> list[Row]:
    # Largest first; equal sizes in the reader's alphabetical order, so the
    # output is stable from run to run; "(no country)" after real countries.
    return sorted(rows, key=lambda row: (-row.count, last(row), collate(row.label), row.id))


# ------------------------------------------------------------------ rendering

_EIGHTHS = " ▏▎▍▌▋▊▉"
BAR_WIDTH = 30


def bar(value: int, largest: int, width: int = BAR_WIDTH) -> str:
    """A horizontal bar, ``width`` cells for ``largest``, in eighths of a cell.

    Plain block characters rather than colour so the bar reads the same under
    ``NO_COLOR``, in a pipe and in a test's expected output.  A non-zero value
    always shows at least a sliver.
    """
    if largest <= 0 or value <= 0:
        return ""
    eighths = max(1, round(value * width * 8 / largest))
    full, rest = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[rest] if rest else "")


def share(value: int, total: int) -> str:
    if total <= 0:
        return ""
    # Half up, as people round: 12.5% is "13%" (format() would round half to even);
    # a row that exists is never "0%".
    percent = (200 * value + total) // (2 * total)
    return "<1%" if value and not percent else f"{percent}%"
