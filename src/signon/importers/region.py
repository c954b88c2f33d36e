"""Finding the signatory region among a document's blocks.

Every block is judged on its own (a name? a section heading? a line that announces the
list, or a list of something else?), runs of name-like blocks are scored, and the best
run wins, joined with the runs around it that continue the same list.  The score favours
runs announced as signatories, runs with coalition headings and organization words, and
the list at the end of the letter; it penalizes lists announced as the detained or the
victims, lists of person-like names outside an "Individuals" section, and anything after
page furniture ("Related articles").  ``--start``/``--end`` bound the search to the
user's lines; the same judging runs inside them.  The weights compared here are named in
``people.THRESHOLDS``.

Judging asks two list shapes what they know (``shapes/tables.py``: which cell of a row is
its name; ``unnamed.py``: whether a line counts signatories who asked not to be named).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from signon.errors import RefusedInput
from signon.importers.blocks import Block, Document
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
    person_like,
    section_kind,
    words_pattern,
)
from signon.importers.people import HEAD_SPLIT as _HEAD_SPLIT
from signon.importers.people import THRESHOLDS, name_part, person_shape
from signon.importers.shapes.lines import is_label
from signon.importers.shapes.tables import is_header_row, name_columns, row_name
from signon.importers.shapes.unnamed import UnnamedReader
from signon.importers.wordlists import (
    IMPERATIVES,
    ORG_SECTION_NOUNS,
    PERSON_SECTION_HINTS,
    PERSON_SECTION_NOUNS,
)
from signon.text import fold

_IMPERATIVE = frozenset(IMPERATIVES)


_ORG_NOUN = re.compile(rf"\b(?:{words_pattern(ORG_SECTION_NOUNS)})\b", re.IGNORECASE)


_INDIVIDUALS_TOO = re.compile(
    rf"\b(?:{words_pattern(PERSON_SECTION_NOUNS)}|{words_pattern(PERSON_SECTION_HINTS)})",
    re.IGNORECASE,
)


@dataclass
class Judged:
    """What one block is, judged on its own (and then as part of the runs around it)."""

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
    demands = sum(_is_demand(b.text) for b in tops)
    return bool(tops) and demands >= THRESHOLDS["demands_share"] * len(tops)


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
    if before.kind != "para" or not (
        len(before.text.split()) >= THRESHOLDS["prose_words"] or ends_sentence(before.text)
    ):
        return False
    return not org_words(text) and not person_like(text.rstrip(","))


def _judge(
    blocks: list[Block],
    i: int,
    columns: dict[int, int] | None = None,
    unnamed: UnnamedReader | None = None,
) -> Judged:
    block = blocks[i]
    text = block.text
    if not text:
        # A blank table row is spacing inside the table, a blank line nothing at all.
        return Judged("section" if block.kind == "row" else "break")
    if unnamed is not None and unnamed.read(text):
        return Judged("unnamed")
    if is_furniture(text):
        return Judged("furniture")
    in_list = block.kind in ("item", "row")
    if block.kind in ("para", "heading") and is_closing(text):
        # "Sincerely," / "Signatories:": the strongest sign that the list follows.
        return Judged("cue", 2.0)
    if _closing_formula(blocks, i):
        return Judged("cue", 2.0)
    section = section_kind(text)
    if section and block.kind != "row":
        if is_cue(text) and section == "organizations":
            return Judged("cue", 1.0)
        return Judged("section")
    if block.kind != "row" and is_label(block):
        return Judged("section")
    if block.kind != "row" and is_cue(text) and not coalition_heading(text):
        if block.kind == "para" and text.endswith(":") and _introduces_demands(blocks, i):
            return Judged("decoy")
        return Judged("cue", 1.0)
    if block.kind != "row" and coalition_heading(text):
        # Before the decoy test: "Centre for … Torture Victims (on behalf of …):" is a name.
        return Judged("name", 2.0)
    if block.kind in ("para", "heading") and text.endswith(":") and is_decoy_intro(text):
        return Judged("decoy")
    if block.kind == "heading" or _FOOTNOTE.match(text):
        return Judged("break")
    subject = row_name(block, (columns or {}).get(i)) if block.kind == "row" else text
    if block.kind == "row" and is_header_row(block):
        return Judged("section")
    score = name_score(subject, in_list=in_list)
    if score and (first := fold(subject).split(maxsplit=1)) and first[0] in _IMPERATIVE:
        score = min(score, THRESHOLDS["imperative_name"])
    if score and subject.rstrip().endswith(";"):
        score = max(score - THRESHOLDS["semicolon_penalty"], THRESHOLDS["odd_line"])
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
            return Judged("name", 1.0)
    if not score:
        return Judged("break", subject=subject)
    return Judged("name", score, person=person_like(subject), subject=subject)


@dataclass
class _Run:
    start: int
    end: int  # exclusive
    cue: float = 0.0  # 1 after a line announcing signatories, 2 after a letter's closing
    decoy: bool = False
    score: float = 0.0


def _furniture_start(blocks: list[Block], judged: list[Judged]) -> int:
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


def _is_prose(block: Block, judged: Judged) -> bool:
    return (
        judged.role == "break"
        and block.kind == "para"
        and (len(block.text.split()) >= THRESHOLDS["prose_words"] or ends_sentence(block.text))
    )


def _runs(doc: Document, judged: list[Judged]) -> list[_Run]:
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
        if len(members) >= 3 and names >= THRESHOLDS["names_in_group"] * len(members):
            for i in members:
                if (
                    judged[i].role == "break"
                    and len(blocks[i].text.split()) <= THRESHOLDS["line_in_list_words"]
                    and not is_labelled(blocks[i].text)
                ):
                    judged[i] = Judged("name", THRESHOLDS["odd_line"])
    _bridge(blocks, judged, skip)
    runs: list[_Run] = []
    current: _Run | None = None
    cue = 0.0
    decoy = False
    for i, block in enumerate(blocks):
        role = "break" if i in skip else judged[i].role
        if (
            role == "break"
            and cue
            and current is None
            and i + 1 < len(blocks)
            and judged[i + 1].role == "name"
            and _short_label(block)
        ):
            # "Signed:" / "### Médias" / the names: the label of the list's first group.
            block.label = True
            judged[i] = Judged("section")
            role = "section"
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


def _stray_stop(block: Block, judged: Judged) -> bool:
    """A name that a final full stop made read as a sentence ("Fórum de Mulheres de
    Imperatriz, Centro de Promoção … Pé.Josimo.", "Adelson Fernandes Moreira, professor de
    Física do CEFET-MG."): without it, a name, and few of its words in lower case."""
    text = block.text
    if judged.role != "break" or block.kind not in ("para", "item") or not text.endswith("."):
        return False
    bare = text.rstrip(". ")
    words = bare.split()
    lower = sum(w[:1].islower() for w in words)
    return (
        bool(words)
        # a person's name then a role in lower case ("…, professora adjunta da FEBF/UERJ.")
        and (lower <= THRESHOLDS["stray_stop_lower"] * len(words)
             or person_shape(name_part(bare)[0]) >= 1.0)
        and name_score(bare, in_list=True) >= THRESHOLDS["stray_stop_name"]
    )


def _bridge(blocks: list[Block], judged: list[Judged], skip: set[int]) -> None:
    """A line between two names and written like both ("theresa aiello, Lecturer, NYU",
    "Name / Founder. Writer."): part of the same list, though it does not read as a name."""
    # Names ending in a stray full stop, alone or one after another, among names.
    stray = {i for i in range(len(blocks)) if i not in skip and _stray_stop(blocks[i], judged[i])}
    for i in sorted(stray):
        if i - 1 in stray:
            continue  # inside a run of them, decided with its first
        j = i
        while j + 1 < len(blocks) and j + 1 in stray:
            j += 1
        # Inside the list, not at its edge: two names (or such lines) before and two after.
        around = [i - 2, i - 1, j + 1, j + 2]
        if all(
            0 <= n < len(blocks) and n not in skip
            and (judged[n].role == "name" or n in stray)
            and blocks[n].kind == blocks[i].kind
            for n in around
        ):
            for n in range(i, j + 1):
                judged[n] = Judged("name", THRESHOLDS["odd_line"])
    for i in range(1, len(blocks) - 1):
        if judged[i].role != "break" or i in skip or blocks[i].kind == "heading":
            continue
        if judged[i - 1].role != "name" or judged[i + 1].role != "name":
            continue
        text = blocks[i].text
        too_long = len(text.split()) > THRESHOLDS["line_in_list_words"]
        if too_long or text.endswith(":") or is_labelled(text):
            continue
        layout = _layout(text)
        if layout and layout == _layout(blocks[i - 1].text) == _layout(blocks[i + 1].text):
            judged[i] = Judged("name", THRESHOLDS["odd_line"])
        elif (
            blocks[i].kind == blocks[i - 1].kind == blocks[i + 1].kind
            and len(text.split()) <= 8
            and not ends_sentence(text)
            and name_score(text, in_list=True) > 0
        ):
            # "eco – Verband der Internetwirtschaft e. V.": a name that begins in lower
            # case, printed like the names around it.
            judged[i] = Judged("name", THRESHOLDS["odd_line"])


def _score(run: _Run, doc: Document, judged: list[Judged], furniture: int) -> float:
    names = [judged[i] for i in range(run.start, run.end) if judged[i].role == "name"]
    if not names:
        return 0.0
    score = sum(j.score for j in names)
    if len(names) < 2:
        score *= THRESHOLDS["lone_name_run"]
    if run.cue:
        score *= THRESHOLDS["announced_run"] if run.cue < 2 else THRESHOLDS["closed_run"]
    if run.decoy:
        score *= THRESHOLDS["decoy_run"]
    has_people_section = any(
        judged[i].role == "section" and section_kind(doc.blocks[i].text) == "individuals"
        for i in range(run.start, run.end)
    )
    people = sum(j.person for j in names)
    if not has_people_section and people > THRESHOLDS["people_run_share"] * len(names):
        score *= THRESHOLDS["people_run"]
    if run.start >= furniture:
        score *= THRESHOLDS["after_furniture_run"]
    elif not any(_is_prose(doc.blocks[i], judged[i]) for i in range(run.end, furniture)):
        score *= THRESHOLDS["last_run"]  # nothing but the list after it: where signatures go
    return score


def find_region(
    doc: Document, *, start: str | None = None, end: str | None = None
) -> tuple[int, int, int]:
    """(first block, one past the last block, first furniture block) of the list."""
    first, stop, furniture, _ = locate(doc, start, end, UnnamedReader())
    return first, stop, furniture


def _scored_runs(
    doc: Document, judged: list[Judged], furniture: int, lo: int, hi: int
) -> list[_Run]:
    runs: list[_Run] = []
    for run in _runs(doc, judged):
        if run.end <= lo or run.start >= hi:
            continue
        run.start, run.end = max(run.start, lo), min(run.end, hi)
        run.score = _score(run, doc, judged, furniture)
        runs.append(run)
    return runs


def _auto(doc: Document, judged: list[Judged], furniture: int) -> tuple[int, int] | None:
    runs = _scored_runs(doc, judged, furniture, 0, len(doc.blocks))
    best = max(runs, key=lambda r: r.score, default=None)
    if best is not None:
        # Signatures come last: of two runs that score about the same, take the later one.
        best = [r for r in runs if r.score >= THRESHOLDS["tied_run"] * best.score][-1]
    if best is None or best.score < THRESHOLDS["list"]:
        return None
    best = _joined(runs, runs.index(best), doc, judged)
    blocks = doc.blocks
    end = best.end
    if (
        end - best.start >= 3
        and end < len(blocks)
        and blocks[end - 1].kind == "para"
        and blocks[end - 2].kind in ("item", "row")
        and blocks[end - 1].group != blocks[end - 2].group
        and not blocks[end - 1].continues
        and _is_prose(blocks[end], judged[end])
        # every other name of the list is a list item (a plain-text list, of lines, may
        # well end with a line after an indented coalition)
        and not any(blocks[k].kind == "para" for k in range(best.start, end - 1))
    ):
        # A line of its own after a list, over prose ("**Cos’è Frontiere Digitali**"
        # after the numbered signatories): the heading of what follows, not a name.
        best.end = end - 1
    # A run includes its own section headings ("Individuals:"); it never reaches into
    # the page furniture.
    if best.end > furniture > best.start:
        best.end = furniture
    return best.start, best.end


def _dominant_layout(run: _Run, doc: Document, judged: list[Judged]) -> str:
    names = [i for i in range(run.start, run.end) if judged[i].role == "name"]
    counts: dict[str, int] = {}
    for i in names:
        layout = _layout(doc.blocks[i].text)
        counts[layout] = counts.get(layout, 0) + 1
    layout = max(counts, key=counts.__getitem__, default="")
    return layout if layout and counts[layout] >= THRESHOLDS["layout_share"] * len(names) else ""


def _short_label(block: Block) -> bool:
    """A short heading or a line ending with a colon ("### Médias", "**des blogeurs :**"),
    which, placed before a list, labels a group of it whatever its words."""
    text = block.text.strip("*_ ")
    if not ((block.kind == "heading" and block.level != 1) or (
        block.kind == "para" and text.endswith(":")
    )):
        return False
    return (
        bool(text)
        and not any(c.isdigit() for c in text)  # "UPDATE 17.05.2017": news, not a label
        and len(text.rstrip(":").split()) <= THRESHOLDS["label_words"]
        and not ends_sentence(text)
        and not is_labelled(text)
        and not is_closing(text)
    )


def _label_between(a: _Run, b: _Run, doc: Document, judged: list[Judged]) -> int | None:
    """The block between two lists of the same kind that is a short label; else None."""
    if b.start != a.end + 1 or judged[a.end].role == "furniture":
        return None
    before, after = doc.blocks[a.end - 1], doc.blocks[b.start]
    if before.kind != after.kind or before.kind not in ("item", "para"):
        return None
    return a.end if _short_label(doc.blocks[a.end]) else None


def _joins(a: _Run, b: _Run, doc: Document, judged: list[Judged], best: float) -> bool:
    """Whether run ``b`` continues the list of run ``a`` (the one just before it)."""
    if a.decoy or b.decoy:
        return False
    if (
        max(a.score, b.score) >= THRESHOLDS["list"]
        and min(a.score, b.score) > 0
        and _label_between(a, b, doc, judged) is not None
    ):
        return True  # two lists under their labels: the second may be all people
    if min(a.score, b.score) < THRESHOLDS["list"]:
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


def _joined(runs: list[_Run], n: int, doc: Document, judged: list[Judged]) -> _Run:
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
        label = _label_between(a, b, doc, judged)
        if label is not None:
            doc.blocks[label].label = True
            judged[label] = Judged("section")
            continue
        # A line or two between parts of one list are read like the list, unless prose.
        small = b.start - a.end <= 2
        for i in range(a.end, b.start):
            if judged[i].role not in ("section", "unnamed") and (
                not small or _is_prose(doc.blocks[i], judged[i])
            ):
                judged[i] = Judged("gap")
    if lo == hi:
        return runs[n]
    return _Run(runs[lo].start, runs[hi].end, runs[lo].cue, score=best)


def locate(
    doc: Document, start: str | None, end: str | None, unnamed: UnnamedReader
) -> tuple[int, int, int, list[Judged]]:
    """(first block, one past the last block, first furniture block) of the list, and the
    judgement of every block, which the later stages read again."""
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
            judged[i] = Judged("section")
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
    judged: list[Judged],
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


def _bound(doc: Document, judged: list[Judged], text: str, after: int, bound: str) -> int:
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


def _announces(block: Block, judged: Judged) -> bool:
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
    doc: Document, judged: list[Judged], start: str | None, end: str | None
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


def announces_organizations(doc: Document, judged: list[Judged], first: int) -> bool:
    """Whether the line announcing the list says it lists organizations, and only them."""
    i = first - 1
    while i >= 0 and not doc.blocks[i].text:
        i -= 1
    if i < 0 or judged[i].role != "cue":
        return False
    text = doc.blocks[i].text
    return bool(_ORG_NOUN.search(text)) and not _INDIVIDUALS_TOO.search(text)
