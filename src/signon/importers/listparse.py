"""Finding the signatory list among a document's blocks, and reading its structure.

Finding: every block is judged on its own (a name? a section heading? a line
that announces the list, or a list of something else?), runs of name-like
blocks are scored, and the best run wins.  The score favours runs announced as
signatories, runs with coalition headings and organization words, and the
list at the end of the letter; it penalizes lists announced as the detained or
the victims, lists of person-like names outside an "Individuals" section, and
anything after page furniture ("Related articles").  ``--start``/``--end``
replace all of this with the user's own bounds.

Reading: entries at the top, coalitions with the entries nested under them
(deeper, or in the heading's own group when nothing is deeper), sections
that switch between organizations and individuals, tables by their columns.
A coalition heading printed among the members of another coalition and
followed by entries at the same depth (the seed's Tbilisi) is repaired into a
coalition of its own at the top level, and reported.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from signon.errors import RefusedInput
from signon.importers import shapes
from signon.importers.blocks import Block, Document
from signon.importers.company_heads import company_and_signer, signed_by_heads
from signon.importers.model import (
    Explained,
    Kind,
    Line,
    Note,
    ParsedEntry,
    ParsedList,
    ParsedPerson,
)
from signon.importers.names import (
    coalition_heading,
    ends_sentence,
    is_closing,
    is_cue,
    is_decoy_intro,
    is_furniture,
    is_labelled,
    name_score,
    org_words,
    parse_person,
    person_like,
    section_kind,
    signs_for,
    words_pattern,
)
from signon.importers.people import (
    HEAD_SPLIT as _HEAD_SPLIT,
)
from signon.importers.people import (
    THRESHOLDS,
    given_with_role,
    label_country,
    name_part,
    organization_evidence,
    person_score,
    person_shape,
)
from signon.importers.shapes import coalitions
from signon.importers.shapes.lines import is_label
from signon.importers.shapes.tables import is_header_row, name_columns, row_name
from signon.importers.unnamed import Unnamed, UnnamedReader
from signon.importers.wordlists import (
    IMPERATIVES,
    ORG_SECTION_NOUNS,
    PERSON_SECTION_HINTS,
    PERSON_SECTION_NOUNS,
)
from signon.text import fold

__all__ = [
    "Explained",
    "Kind",
    "Note",
    "ParsedEntry",
    "ParsedList",
    "ParsedPerson",
    "find_region",
    "parse_list",
]


# ------------------------------------------------------------------ judging blocks

_IMPERATIVE = frozenset(IMPERATIVES)
_ORG_NOUN = re.compile(rf"\b(?:{words_pattern(ORG_SECTION_NOUNS)})\b", re.IGNORECASE)
_INDIVIDUALS_TOO = re.compile(
    rf"\b(?:{words_pattern(PERSON_SECTION_NOUNS)}|{words_pattern(PERSON_SECTION_HINTS)})",
    re.IGNORECASE,
)


@dataclass
class _Judged:
    # "gap": a block between two runs joined into one list (endnotes), left out;
    # "unnamed": the line counting the signatories who asked not to be named
    role: Literal["name", "section", "cue", "decoy", "furniture", "break", "gap", "unnamed"]
    score: float = 0.0
    person: bool = False
    subject: str = ""  # rows: the cell judged as the name


def _is_demand(text: str) -> bool:
    """A list item that asks for something ("Renew the mandate…;"), not a name."""
    words = fold(text).split()
    return bool(words) and (words[0] in _IMPERATIVE or text.rstrip().endswith(";"))


def _introduces_demands(blocks: list[Block], i: int) -> bool:
    """Whether the list right after block ``i`` is a list of demands or other items.

    "We, the undersigned organisations, urge your delegation to:" holds a signatory cue
    ("undersigned") but introduces what the signatories ask for.
    """
    j = i + 1
    if j >= len(blocks) or blocks[j].kind != "item":
        return False
    group = blocks[j].group
    items: list[Block] = []
    while j < len(blocks) and blocks[j].kind == "item" and blocks[j].group == group:
        items.append(blocks[j])
        j += 1
    top = min(b.depth for b in items)
    tops = [b for b in items if b.depth == top and b.text]
    return bool(tops) and sum(_is_demand(b.text) for b in tops) >= 0.5 * len(tops)


# "[1] Data from …", "\\[2] https://…": an endnote, never a signatory.
_FOOTNOTE = re.compile(r"^\\?\[\d{1,3}\\?\]")


def _closing_formula(blocks: list[Block], i: int) -> bool:
    """ "With urgency,", "In solidarity,": a few words and a comma after the letter's last
    paragraph, the way any closing is written (the word list knows only the common ones)."""
    block = blocks[i]
    text = block.text
    if block.kind != "para" or not text.endswith(",") or len(text.split()) > 3 or i == 0:
        return False
    before = blocks[i - 1]
    if before.kind != "para" or not (len(before.text.split()) >= 12 or ends_sentence(before.text)):
        return False
    return not org_words(text) and not person_like(text.rstrip(","))


def _judge(
    blocks: list[Block],
    i: int,
    columns: dict[int, int] | None = None,
    unnamed: UnnamedReader | None = None,
) -> _Judged:
    block = blocks[i]
    text = block.text
    if not text:
        # A blank table row is spacing inside the table, a blank line nothing at all.
        return _Judged("section" if block.kind == "row" else "break")
    if unnamed is not None and unnamed.read(text):
        return _Judged("unnamed")
    if is_furniture(text):
        return _Judged("furniture")
    in_list = block.kind in ("item", "row")
    if block.kind in ("para", "heading") and is_closing(text):
        # "Sincerely," / "Signatories:": the strongest sign that the list follows.
        return _Judged("cue", 2.0)
    if _closing_formula(blocks, i):
        return _Judged("cue", 2.0)
    section = section_kind(text)
    if section and block.kind != "row":
        if is_cue(text) and section == "organizations":
            return _Judged("cue", 1.0)
        return _Judged("section")
    if block.kind != "row" and is_label(block):
        return _Judged("section")
    if block.kind != "row" and is_cue(text) and not coalition_heading(text):
        if block.kind == "para" and text.endswith(":") and _introduces_demands(blocks, i):
            return _Judged("decoy")
        return _Judged("cue", 1.0)
    if block.kind != "row" and coalition_heading(text):
        # Before the decoy test: "Centre for … Torture Victims (on behalf of …):" is a name.
        return _Judged("name", 2.0)
    if block.kind in ("para", "heading") and text.endswith(":") and is_decoy_intro(text):
        return _Judged("decoy")
    if block.kind == "heading" or _FOOTNOTE.match(text):
        return _Judged("break")
    subject = row_name(block, (columns or {}).get(i)) if block.kind == "row" else text
    if block.kind == "row" and is_header_row(block):
        return _Judged("section")
    score = name_score(subject, in_list=in_list)
    if score and (first := fold(subject).split(maxsplit=1)) and first[0] in _IMPERATIVE:
        score = min(score, 0.2)
    if score and subject.rstrip().endswith(";"):
        score = max(score - 0.3, 0.1)
    if not score and text.endswith(":") and i + 1 < len(blocks):
        # "Human Rights House Network:" over deeper entries: a coalition by its layout.
        nxt = blocks[i + 1]
        bare = text[:-1].strip()
        if (
            nxt.depth > block.depth
            and name_score(bare) >= 0.9
            and org_words(bare)
            and name_score(nxt.text, in_list=True)
        ):
            return _Judged("name", 1.0)
    if not score:
        return _Judged("break", subject=subject)
    return _Judged("name", score, person=person_like(subject), subject=subject)


@dataclass
class _Run:
    start: int
    end: int  # exclusive
    cue: float = 0.0  # 1 after a line announcing signatories, 2 after a letter's closing
    decoy: bool = False
    score: float = 0.0


def _furniture_start(blocks: list[Block], judged: list[_Judged]) -> int:
    seen_names = 0
    for i, j in enumerate(judged):
        if j.role == "name":
            seen_names += 1
        elif j.role == "furniture" and seen_names >= 2:
            return i
    return len(blocks)


def _body_indexes(doc: Document) -> set[int]:
    skip = set(doc.meta_indexes)
    if doc.title_index is not None:
        skip.add(doc.title_index)
    return skip


def _is_prose(block: Block, judged: _Judged) -> bool:
    return (
        judged.role == "break"
        and block.kind == "para"
        and (len(block.text.split()) >= 12 or ends_sentence(block.text))
    )


def _runs(doc: Document, judged: list[_Judged]) -> list[_Run]:
    blocks = doc.blocks
    skip = _body_indexes(doc)
    # In a group that is mostly names (one list, one table), the odd item that does not
    # read as a name (a final full stop, a long name) is still part of the list.
    by_group: dict[int, list[int]] = {}
    for i, block in enumerate(blocks):
        if block.kind in ("item", "row"):
            by_group.setdefault(block.group, []).append(i)
    for i, block in enumerate(blocks):
        if (
            block.kind == "para"
            and block.prose_lines == 1
            and (block.continues or (i + 1 < len(blocks) and blocks[i + 1].continues))
        ):
            # Lines of one run without blank lines between them (a pasted list).
            by_group.setdefault(-1 - block.group, []).append(i)
    for members in by_group.values():
        names = sum(judged[i].role == "name" for i in members)
        if len(members) >= 3 and names >= 0.6 * len(members):
            for i in members:
                if (
                    judged[i].role == "break"
                    and len(blocks[i].text.split()) <= 30
                    and not is_labelled(blocks[i].text)
                ):
                    judged[i] = _Judged("name", 0.1)
    _bridge(blocks, judged, skip)
    runs: list[_Run] = []
    current: _Run | None = None
    cue = 0.0
    decoy = False
    for i, block in enumerate(blocks):
        role = "break" if i in skip else judged[i].role
        if block.rule_before and current is not None:
            # A horizontal rule after the list ends it (a footer follows).
            runs.append(current)
            current = None
            cue, decoy = 0.0, False
        if role in ("name", "section", "unnamed"):
            if current is None:
                current = _Run(i, i + 1, cue=cue, decoy=decoy)
                cue, decoy = 0.0, False
            current.end = i + 1
            continue
        if current is not None:
            runs.append(current)
            current = None
        cue = judged[i].score if role == "cue" else 0.0
        decoy = role == "decoy"
    if current is not None:
        runs.append(current)
    return runs


def _layout(text: str) -> str:
    """How a line separates a name from what follows it: ",", "/", "-", "(", "|" or ""."""
    m = _HEAD_SPLIT.search(text)
    if m is None:
        return ""
    mark = m.group().strip()
    return "-" if mark in ("-", "–", "—") else mark


def _bridge(blocks: list[Block], judged: list[_Judged], skip: set[int]) -> None:
    """A line between two names and written like both ("theresa aiello, Lecturer, NYU",
    "Name / Founder. Writer."): part of the same list, though it does not read as a name."""
    for i in range(1, len(blocks) - 1):
        if judged[i].role != "break" or i in skip or blocks[i].kind == "heading":
            continue
        if judged[i - 1].role != "name" or judged[i + 1].role != "name":
            continue
        text = blocks[i].text
        if len(text.split()) > 30 or text.endswith(":") or is_labelled(text):
            continue
        layout = _layout(text)
        if layout and layout == _layout(blocks[i - 1].text) == _layout(blocks[i + 1].text):
            judged[i] = _Judged("name", 0.1)
        elif (
            blocks[i].kind == blocks[i - 1].kind == blocks[i + 1].kind
            and len(text.split()) <= 8
            and not ends_sentence(text)
            and name_score(text, in_list=True) > 0
        ):
            # "eco – Verband der Internetwirtschaft e. V.": a name that begins in lower
            # case, printed like the names around it.
            judged[i] = _Judged("name", 0.1)


def _score(run: _Run, doc: Document, judged: list[_Judged], furniture: int) -> float:
    names = [judged[i] for i in range(run.start, run.end) if judged[i].role == "name"]
    if not names:
        return 0.0
    score = sum(j.score for j in names)
    if len(names) < 2:
        score *= 0.3
    if run.cue:
        score *= 3 if run.cue < 2 else 4
    if run.decoy:
        score *= 0.2
    has_people_section = any(
        judged[i].role == "section" and section_kind(doc.blocks[i].text) == "individuals"
        for i in range(run.start, run.end)
    )
    if not has_people_section and sum(j.person for j in names) > 0.6 * len(names):
        score *= 0.4
    if run.start >= furniture:
        score *= 0.1
    elif not any(_is_prose(doc.blocks[i], judged[i]) for i in range(run.end, furniture)):
        score *= 1.5  # nothing but the list after it: where signatures go
    return score


def find_region(
    doc: Document, *, start: str | None = None, end: str | None = None
) -> tuple[int, int, int]:
    """(first block, one past the last block, first furniture block) of the list."""
    first, stop, furniture, _ = _region(doc, start, end, UnnamedReader())
    return first, stop, furniture


def _scored_runs(
    doc: Document, judged: list[_Judged], furniture: int, lo: int, hi: int
) -> list[_Run]:
    runs: list[_Run] = []
    for run in _runs(doc, judged):
        if run.end <= lo or run.start >= hi:
            continue
        run.start, run.end = max(run.start, lo), min(run.end, hi)
        run.score = _score(run, doc, judged, furniture)
        runs.append(run)
    return runs


def _auto(doc: Document, judged: list[_Judged], furniture: int) -> tuple[int, int] | None:
    runs = _scored_runs(doc, judged, furniture, 0, len(doc.blocks))
    best = max(runs, key=lambda r: r.score, default=None)
    if best is not None:
        # Signatures come last: of two runs that score about the same, take the later one.
        best = [r for r in runs if r.score >= 0.85 * best.score][-1]
    if best is None or best.score < THRESHOLDS["list"]:
        return None
    best = _joined(runs, runs.index(best), doc, judged)
    # A run includes its own section headings ("Individuals:"); it never reaches into
    # the page furniture.
    if best.end > furniture > best.start:
        best.end = furniture
    return best.start, best.end


def _dominant_layout(run: _Run, doc: Document, judged: list[_Judged]) -> str:
    names = [i for i in range(run.start, run.end) if judged[i].role == "name"]
    counts: dict[str, int] = {}
    for i in names:
        layout = _layout(doc.blocks[i].text)
        counts[layout] = counts.get(layout, 0) + 1
    layout = max(counts, key=counts.__getitem__, default="")
    return layout if layout and counts[layout] >= THRESHOLDS["layout_share"] * len(names) else ""


def _joins(a: _Run, b: _Run, doc: Document, judged: list[_Judged], best: float) -> bool:
    """Whether run ``b`` continues the list of run ``a`` (the one just before it)."""
    if a.decoy or b.decoy or min(a.score, b.score) < THRESHOLDS["list"]:
        return False
    gap = range(a.end, b.start)
    if len(gap) <= 3 and any(
        judged[i].role == "section" and doc.blocks[i].kind != "row" for i in [*gap, b.start]
    ):
        return True  # "Organizations … a sentence … ### Individuals"
    if min(a.score, b.score) < THRESHOLDS["joined_run"] * best:
        return False
    layout = _dominant_layout(a, doc, judged)
    return bool(layout) and layout == _dominant_layout(b, doc, judged)


def _joined(runs: list[_Run], n: int, doc: Document, judged: list[_Judged]) -> _Run:
    """The best run, with the runs before and after it that continue the same list (the
    initial signers, endnotes, then the later signers; organizations, then individuals)."""
    best = runs[n].score
    runs = [r for r in runs if r.score > 0 or r is runs[n]]  # a lone heading is in a gap
    n = runs.index(next(r for r in runs if r.score == best))
    lo = hi = n
    while lo > 0 and _joins(runs[lo - 1], runs[lo], doc, judged, best):
        lo -= 1
    while hi + 1 < len(runs) and _joins(runs[hi], runs[hi + 1], doc, judged, best):
        hi += 1
    for a, b in zip(runs[lo:hi], runs[lo + 1 : hi + 1], strict=True):
        # A line or two between parts of one list are read like the list, unless prose.
        small = b.start - a.end <= 2
        for i in range(a.end, b.start):
            if judged[i].role not in ("section", "unnamed") and (
                not small or _is_prose(doc.blocks[i], judged[i])
            ):
                judged[i] = _Judged("gap")
    if lo == hi:
        return runs[n]
    return _Run(runs[lo].start, runs[hi].end, runs[lo].cue, score=best)


def _region(
    doc: Document, start: str | None, end: str | None, unnamed: UnnamedReader
) -> tuple[int, int, int, list[_Judged]]:
    blocks = doc.blocks
    columns = name_columns(blocks)
    judged = [_judge(blocks, i, columns, unnamed) for i in range(len(blocks))]
    announced = False
    for i in range(len(blocks) - 1):
        if judged[i].role != "cue":
            continue
        if (
            announced
            and blocks[i].text.endswith(":")
            and judged[i - 1].role == "name"
            and judged[i + 1].role == "name"
        ):
            # "Nachträglich unterzeichnet von:" between names of a list already announced:
            # the later signers' section, not the start of another list.
            judged[i] = _Judged("section")
        announced = True
    furniture = _furniture_start(blocks, judged)
    auto = _auto(doc, judged, furniture)
    if start or end:
        first, stop = _hinted(doc, judged, furniture, start, end, auto)
        return first, stop, max(furniture, stop), judged
    if auto is None:
        raise RefusedInput(
            f"could not find a list of signatories in {doc.name or 'the file'}; give the "
            "lines it begins after and ends before",
            hint=_BOUNDS,
        )
    return auto[0], auto[1], max(furniture, auto[1]), judged


def _hinted(
    doc: Document,
    judged: list[_Judged],
    furniture: int,
    start: str | None,
    end: str | None,
    auto: tuple[int, int] | None,
) -> tuple[int, int]:
    """The list inside the user's bounds: the same readers, run between them.

    Every run of names between the bounds that scores a fair share of the best is
    taken, and so is the list found without hints when it lies inside the bounds: a
    hint never yields fewer names than no hint.
    """
    blocks = doc.blocks
    lo = 0
    if start:
        lo = _bound(doc, judged, start, 0, "start")
    hi = len(blocks)
    if end:
        hi = _bound(doc, judged, end, lo, "end")
    elif lo < furniture:
        hi = furniture
    if hi <= lo:
        raise RefusedInput(_BEFORE, hint=_BOUNDS)
    runs = _scored_runs(doc, judged, furniture, lo, hi)
    best = max((r.score for r in runs), default=0.0)
    chosen = [r for r in runs if best and r.score >= THRESHOLDS["hinted_run"] * best]
    if not chosen:
        return _explicit(doc, judged, start, end)
    first, stop = chosen[0].start, chosen[-1].end
    if auto is not None and lo <= auto[0] and auto[1] <= hi:
        first, stop = min(first, auto[0]), max(stop, auto[1])
    if not start:
        first = min(first, chosen[0].start)
    return first, stop


_BOUNDS = (("start", "TEXT"), ("end", "TEXT"))
_BEFORE = "the end line comes before the start line; give an end line after the start line"


def _bound(doc: Document, judged: list[_Judged], text: str, after: int, bound: str) -> int:
    """The first block of the list (``bound`` "start") or one past its last ("end")."""
    i, in_block = _find(doc, text, after, bound)
    if not in_block:
        return i  # a line between blocks (a comment): the list begins or ends at it
    announces = _announces(doc.blocks[i], judged[i])
    if bound == "start":
        return i + 1 if announces else i
    return i if announces else i + 1


def _find(doc: Document, text: str, after: int, bound: str) -> tuple[int, bool]:
    """The block holding ``text`` (True), or when only the Markdown source holds it (an
    HTML comment such as "<!-- Insert your signature above here -->"), the first block
    after that source line (False)."""
    key = fold(text)
    skip = _body_indexes(doc)
    # Whole words first: "== Contact ==" is the heading "Contact", not "ContactOffice
    # Group" above it; then any part of a line, for a hint cut mid-word.
    for bounded in (f" {key} ", key):
        for i in range(after, len(doc.blocks)):
            if i not in skip and key and bounded in f" {fold(doc.blocks[i].text)} ":
                return i, True
    if key and doc.markdown:
        lines = doc.markdown.splitlines()
        begin = doc.blocks[after].span[0] if after < len(doc.blocks) else len(lines)
        for n in range(begin, len(lines)):
            if key in fold(lines[n]):
                at = next(
                    (i for i in range(after, len(doc.blocks)) if doc.blocks[i].span[0] > n),
                    len(doc.blocks),
                )
                return at, False
    raise RefusedInput(
        f"the {bound} line {text!r} does not occur in {doc.name or 'the file'}"
        + (" after the start line" if after else "")
        + "; copy a few words of that line exactly",
        hint=[(bound, "TEXT")],
    )


def _announces(block: Block, judged: _Judged) -> bool:
    """A start/end line that introduces or closes the list rather than being a name."""
    if judged.role in ("cue", "furniture", "decoy"):
        return True
    if judged.role == "unnamed":
        return False  # the list's own last line
    if coalition_heading(block.text) or section_kind(block.text):
        return False
    subject = (judged.subject or row_name(block)) if block.kind == "row" else block.text
    return name_score(subject, in_list=block.kind in ("item", "row")) == 0


def _explicit(
    doc: Document, judged: list[_Judged], start: str | None, end: str | None
) -> tuple[int, int]:
    blocks = doc.blocks
    first = _bound(doc, judged, start, 0, "start") if start else -1
    if end:
        stop = _bound(doc, judged, end, max(first, 0), "end")
    else:
        stop = len(blocks)
        for i in range(first + 1, len(blocks)):
            if judged[i].role == "furniture" or _is_prose(blocks[i], judged[i]):
                stop = i
                break
    if first < 0:
        first = stop
        while first > 0 and not (
            _is_prose(blocks[first - 1], judged[first - 1])
            or judged[first - 1].role in ("cue", "furniture")
            or blocks[first - 1].kind == "heading"
            or first - 1 in _body_indexes(doc)
        ):
            first -= 1
    if stop <= first:
        raise RefusedInput(_BEFORE, hint=_BOUNDS)
    return first, stop


# ------------------------------------------------------------------ tables


# ------------------------------------------------------------------ structure


def parse_list(
    doc: Document,
    *,
    start: str | None = None,
    end: str | None = None,
    unnamed: UnnamedReader | None = None,
    holds: str | None = None,
) -> ParsedList:
    """The signatory list of ``doc``.  ``unnamed`` reads the lines that count signatories
    who asked not to be named (default: the lines signon's exports print).  ``holds``
    ("organizations" or "individuals"): what the whole list holds, as the user declares
    it, over every guess and heading."""
    reader = unnamed or UnnamedReader()
    for rewrite in shapes.REWRITES:
        rewrite.rewrite(doc)
    first, stop, furniture, judged = _region(doc, start, end, reader)
    title = doc.title_index
    if (
        title is not None
        and not start
        and all(i == title or i in doc.meta_indexes for i in range(first))
        and org_words(doc.blocks[title].text)
        and name_score(doc.blocks[title].text) >= 1.0
    ):
        # A file that is only a list: its first line was taken for a title but is a name.
        doc.title_index, doc.title = None, ""
        first = title
    notes = [Note("import-control-character", message, line) for line, message in doc.repairs]
    unnamed_lines: list[Unnamed] = []
    for i in range(first, stop):
        if judged[i].role != "unnamed":
            continue
        line_said = reader.read(doc.blocks[i].text, index=i)
        assert line_said is not None  # judged so by the same reader
        unnamed_lines.append(line_said)
        notes.append(
            Note(
                "import-unnamed",
                f"{line_said.text!r}: {_unnamed_phrase(line_said.count)} asked not to be "
                "named; counted toward the letter's claims, but there are no names to import "
                "(sign them as unnamed once known, to keep the count)",
                doc.blocks[i].line or None,
                index=i,
            )
        )
    gaps = {i for i in range(first, stop) if judged[i].role in ("gap", "unnamed")}
    lines = shapes.read_lines(doc.blocks, first, stop, notes, gaps)
    entries: list[ParsedEntry] = []
    individuals: list[ParsedPerson] = []
    sections: list[str] = []
    section = holds or "organizations"
    # the list (or this part of it) says what it holds: a section heading, or the line
    # announcing it ("le seguenti organizzazioni", "the undersigned organizations")
    declared = holds is not None or _announces_organizations(doc, judged, first)
    label = ""
    group_country = ""  # a label that is a country: the entries under it are there
    translated: dict[int, str] = {}  # block index -> the name it translates
    bilingual = _prose_scripts(doc.blocks[:first])
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and not lines[j].section:
            j += 1
        part = lines[i:j]
        # A table's column of people's names, unless the user says the list holds none.
        people = [ln for ln in part if ln.person is not None and holds != "organizations"]
        part = [ln for ln in part if ln.person is None or holds == "organizations"]
        for line in people:
            assert line.person is not None
            individuals.append(
                ParsedPerson(
                    line.text,
                    *line.person,
                    line=line.line,
                    section=label,
                    index=line.index,
                    why="in a table column of people's names",
                )
            )
        if section == "individuals":
            for line in part:
                person = _person(line.text, line.line, label, line.index)
                person.why = f"under the heading {label!r}" if label else "in a list of people"
                individuals.append(person)
        elif part:
            found = coalitions.nest(part, notes)
            found = _fold_translations(found, notes, translated, bilingual)
            for entry in found:
                if group_country and not entry.country:
                    entry.country, entry.inherited = group_country, True
            if not declared and signed_by_heads(found, _prose_before(doc, first)):
                _sign_by_heads(found)
            elif not declared:
                found, persons = _split_people(found, label)
                individuals += persons
            for entry in found:
                entry.section = label
            entries += found
        if j < len(lines):
            head = lines[j]
            if head.section == "label":
                label = head.text.strip().strip("*_:").strip()
                group_country = label_country(head.text)
            else:
                section = holds or head.section
                declared = True
                group_country = ""
                label = head.text.strip().rstrip(":").strip()
            if label and label not in sections:
                sections.append(label)
        i = j + 1
    entries = _drop_nameless(entries, notes)
    _inherit_countries(entries, "")
    parsed = ParsedList(
        entries=entries,
        individuals=individuals,
        notes=notes,
        start=first,
        end=stop,
        furniture=furniture,
        sections=sections,
        unnamed=unnamed_lines,
    )
    _report_duplicates(parsed)
    parsed.explained = _explain(doc, parsed, judged, lines, translated)
    return parsed


def _announces_organizations(doc: Document, judged: list[_Judged], first: int) -> bool:
    """Whether the line announcing the list says it lists organizations, and only them."""
    i = first - 1
    while i >= 0 and not doc.blocks[i].text:
        i -= 1
    if i < 0 or judged[i].role != "cue":
        return False
    text = doc.blocks[i].text
    return bool(_ORG_NOUN.search(text)) and not _INDIVIDUALS_TOO.search(text)


def _script(text: str) -> str:
    """The writing system most of ``text``'s letters are in ("LATIN", "CJK", "CYRILLIC")."""
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            script = "LATIN" if ch.isascii() else unicodedata.name(ch, "?").split(" ", 1)[0]
            counts[script] = counts.get(script, 0) + 1
    return max(counts, key=counts.__getitem__, default="")


def _prose_scripts(blocks: list[Block]) -> set[str]:
    """The scripts a letter's text is written in: each with at least two paragraphs."""
    counts: dict[str, int] = {}
    for block in blocks:
        if block.kind == "para" and len(block.text) >= 20:
            script = _script(block.text)
            counts[script] = counts.get(script, 0) + 1
    return {script for script, n in counts.items() if n >= 2}


def _fold_translations(
    found: list[ParsedEntry], notes: list[Note], translated: dict[int, str], bilingual: set[str]
) -> list[ParsedEntry]:
    """A bilingual letter prints every name twice, then in its second script ("Scottish
    Hazards Centre" / "苏格兰职业危害中心"): each second name is the first's translation,
    not another signatory.  Only a list that alternates the two scripts throughout, in a
    letter whose text is written in both (names of two scripts can alternate by chance)."""
    if len(found) < 6 or len(found) % 2 or len(bilingual) < 2:
        return found
    if any(e.kind == "coalition" for e in found):
        return found
    first = {_script(e.printed) for e in found[0::2]}
    second = {_script(e.printed) for e in found[1::2]}
    if len(first) != 1 or len(second) != 1 or first == second or not first | second <= bilingual:
        return found
    for original, translation in zip(found[0::2], found[1::2], strict=True):
        translated[translation.index] = original.printed
        notes.append(
            Note(
                "import-translation",
                f"{translation.printed!r} is printed after {original.printed!r} as its "
                "translation (the list gives every name in two scripts); read once",
                translation.line or None,
                index=translation.index,
            )
        )
    return found[0::2]


def _explain(
    doc: Document,
    parsed: ParsedList,
    judged: list[_Judged],
    lines: list[Line],
    translated: dict[int, str],
) -> list[Explained]:
    said: dict[int, tuple[str, str]] = {
        index: ("translation", f"the translation of {name!r} printed before it")
        for index, name in translated.items()
    }
    for line in lines:
        if line.section and line.index >= 0:
            if line.section == "label":
                said[line.index] = ("section", "a group label: the names after it are its section")
            else:
                said[line.index] = ("section", f"a heading: the names after it are {line.section}")
    for entry in parsed.entries:
        for node in entry.walk():
            if node.index < 0 or node.index in said:
                continue
            place = f" in {node.country}" if node.country and not node.inherited else ""
            if node.kind == "coalition":
                said[node.index] = (
                    "coalition",
                    f"a coalition heading; {len(node.members)} members follow{place}",
                )
            elif node is entry and node.signer:
                said[node.index] = (
                    "organization",
                    f"the company {node.name!r}{place}, signed by {node.signer!r} "
                    "(the letter's signers are companies)",
                )
            elif node is entry:
                said[node.index] = ("organization", f"a name{place}")
            else:
                said[node.index] = ("member", f"a member of {entry.printed!r}{place}")
    for person in parsed.individuals:
        if person.index >= 0:
            said.setdefault(person.index, ("individual", person.why or "a person's name"))
    for note in parsed.notes:
        if note.code == "import-skipped" and note.index >= 0:
            said[note.index] = ("left out", "no letter or digit: it names nobody"
                                if note.message.startswith("left out") else
                                "a paragraph of prose inside the list")
    for unnamed in parsed.unnamed:
        said[unnamed.index] = (
            "unnamed",
            f"{_unnamed_phrase(unnamed.count)}, not named: counted, not imported",
        )
    out: list[Explained] = []
    for i, block in enumerate(doc.blocks):
        if i == doc.title_index:
            role, why = "title", "the letter's title (into the front matter)"
        elif i in doc.meta_indexes:
            role, why = "meta", "a date or recipient line under the title"
        elif i < parsed.start:
            role, why = "body", "before the list"
            if judged[i].role == "cue":
                why = "before the list; announces it"
            elif judged[i].role == "decoy":
                why = "before the list; announces a list of something else"
        elif i < parsed.end:
            role, why = said.get(i, ("left out", "inside the list, but not a name"))
        elif i < parsed.furniture:
            role, why = "body", "after the list"
        else:
            role, why = "furniture", "page furniture after the letter (left out)"
        if role == "left out" and not block.text:
            continue
        out.append(Explained(i, block.line, block.text, role, why))
    return out


def _unnamed_phrase(count: int) -> str:
    return f"{count} organization" if count == 1 else f"{count} organizations"


def _person(text: str, line: int, section: str, index: int = -1) -> ParsedPerson:
    person = parse_person(text)
    return ParsedPerson(person.name, person.title, person.affiliation, line, section, index=index)


def _prose_before(doc: Document, first: int) -> str:
    """The title and the prose above the list, where a letter says who its signers are."""
    return " ".join([doc.title, *(b.text for b in doc.blocks[:first] if b.kind != "row")])


def _sign_by_heads(found: list[ParsedEntry]) -> None:
    """Each "Person, title, Company" line of a companies' letter: the company, signed by
    the person (importers/company_heads.py)."""
    for entry in found:
        if entry.kind == "coalition":
            continue
        head, _ = name_part(entry.printed)
        if not person_shape(head) and "(" not in entry.printed:
            continue  # "PingWings, http://…": the company alone
        company, signer = company_and_signer(entry.printed, head)
        if company:
            entry.name, entry.signer = company, signer


def _split_people(
    found: list[ParsedEntry], section: str
) -> tuple[list[ParsedEntry], list[ParsedPerson]]:
    """The people among the entries of a list that does not say what it holds.

    Each line is judged (people.person_score); in a list where most lines are
    name-shaped, a line needs less to be read as a person.
    """
    plain = [e for e in found if e.kind != "coalition"]
    if not plain:
        return found, []
    scores = {id(e): person_score(e.printed) for e in plain}
    shaped = sum(score >= THRESHOLDS["person"] for score in scores.values())
    people_list = shaped >= THRESHOLDS["people_list"] * len(plain)
    mostly = len(plain) >= 5 and shaped >= THRESHOLDS["mostly_people"] * len(plain)
    bar = THRESHOLDS["person_in_people_list"] if people_list else THRESHOLDS["person"]
    entries: list[ParsedEntry] = []
    persons: list[ParsedPerson] = []
    for entry in found:
        if entry.kind == "coalition":
            entries.append(entry)
            continue
        is_person = not signs_for(entry.printed) and (
            scores[id(entry)] >= bar
            or (
                mostly
                and (not organization_evidence(entry.printed) or given_with_role(entry.printed))
            )
        )
        if is_person:
            person = _person(entry.printed, entry.line, section, entry.index)
            person.why = (
                "reads as a person's name, in a list of people"
                if people_list
                else "reads as a person's name (a given name, a title or a role)"
            )
            if entry.country and not person.affiliation and not person.title:
                # "Amina Yusuf - Kenya": the country is all the letter says about her.
                person.name, person.country = entry.name, entry.country
                person.affiliation = entry.country
            persons.append(person)
        else:
            entries.append(entry)
    return entries, persons


def _inherit_countries(entries: list[ParsedEntry], country: str) -> None:
    # A member printed without a country is in its coalition's country: lists are written
    # that way by hand ("Helsinki Foundation for Human Rights (Poland)" over Polish
    # members), and `signon compose` prints them so.
    for entry in entries:
        if not entry.country and country:
            entry.country = country
            entry.inherited = True
        if entry.kind == "coalition":
            _inherit_countries(entry.members, entry.country)


def _drop_nameless(entries: list[ParsedEntry], notes: list[Note]) -> list[ParsedEntry]:
    """``entries`` without those whose name holds no letter or digit ("*", "-" alone, a
    table's "-" cell): they name nobody, so each is left out, and said so, rather than
    stopping the import or standing for a signatory."""
    kept = []
    for entry in entries:
        if not any(ch.isalnum() for ch in entry.name):
            notes.append(Note("import-skipped", f"left out {entry.printed!r}: it holds no "
                              "letter or digit, so it names nobody", entry.line or None,
                              index=entry.index))
            continue
        if entry.members:
            entry.members = _drop_nameless(entry.members, notes)
        kept.append(entry)
    return kept


def _report_duplicates(parsed: ParsedList) -> None:
    seen: dict[str, ParsedEntry] = {}
    for entry in parsed.walk():
        key = fold(entry.name)
        other = seen.get(key)
        if other is None:
            seen[key] = entry
            continue
        where = f" (line {other.line})" if other.line else ""
        parsed.notes.append(
            Note(
                "duplicate-in-list",
                f"{entry.printed!r} is listed again; it is the same name as {other.printed!r}"
                f"{where}, so both are one roster entry",
                entry.line or None,
            )
        )
    people: dict[str, ParsedPerson] = {}
    for person in parsed.individuals:
        key = fold(person.name) + "\x00" + fold(person.affiliation)
        if key in people:
            parsed.notes.append(
                Note(
                    "duplicate-in-list",
                    f"individual {person.name!r} is listed twice; kept once",
                    person.line or None,
                )
            )
        people.setdefault(key, person)
