"""A list written as one sentence: "A, B, C und D.", after its cue or on its own.

    Die Fridays For Future Ortsgruppen Gießen, Göttingen, Karlsruhe, Regensburg, Nürnberg,
    …
    Münster, Kronach, Schwäbisch Hall, Recklinghausen, Altkreis Halle Westfalen, Neuburg
    und Hannover.

A paragraph is such a list when every part between its commas (and the last "and" /
"und" / "et" / "e" …) reads as a name.  After a cue ("Assinam esta Carta: A, B, …, Z.",
"**Unterzeichnet von:**" on the line before) the list may end without "and"; without a
cue, a sentence wrapped over several lines must hold a list's worth of names.  This is a
rewrite, not a block reader: the paragraph becomes one list item a name (and its cue a
paragraph of its own) before the region is looked for, so the rest of the pipeline reads
it as any list of items.

A list item may be a group label with its names ("- des médias : 20 Minutes, Les Echos,
Libé..."): when two or more items of one list are written so, each becomes its label (a
group label of the list, whatever its words) and one item a name.

Corpus letters that show it: tests/corpus/de-fff-ortsgruppen (above),
tests/corpus/de-goe-klimagruppen (the names on the line after the cue),
tests/corpus/pt-mst-justica-que-queremos (a Portuguese cue, no final "e"),
tests/corpus/fr-tcrouzet-appel-debat-2007 (labelled items).
"""

from __future__ import annotations

import itertools
import re

from signon.importers.blocks import Block, Document
from signon.importers.names import is_closing, is_cue, name_score
from signon.importers.people import THRESHOLDS

_SENTENCE_CUE = re.compile(r"^(?P<cue>[^:]{3,100}):\s+(?P<list>.+)$")


_LAST_AND = re.compile(r",?\s+(?:and|und|et|y|e|и|і|та|i|oraz|og|och|en)\s+(?=\S)")


_STARTS_WITH_AND = re.compile(r"^(?:and|und|et|y|e|и|і|та|i|oraz|og|och|en)\s", re.IGNORECASE)


def _sentence_names(text: str, *, after_cue: bool = False, least: int = 3) -> list[str]:
    """ "A, B, C und D." as its names, when every part reads as a name; else [].

    After a cue ("Assinam esta Carta: A, B, …, Z.") the list may end without "and".
    """
    text = text.strip().rstrip(".;")
    parts = [p.strip() for p in text.split(",")]
    if len(parts) < 2:
        return []
    last = _LAST_AND.split(parts[-1], maxsplit=1)
    if len(last) == 2:
        names = [*parts[:-1], *last]
    elif after_cue and len(parts) >= least:
        names = parts
    else:
        return []
    if len(names) < least or not all(
        n and (n[0].isupper() or n[0].isdigit())
        and len(n.split()) <= THRESHOLDS["sentence_name_words"]
        and name_score(n, in_list=True) >= THRESHOLDS["sentence_name"]
        for n in names
    ):
        return []
    return names


def _wrapped_sentence(blocks: list[Block]) -> bool:
    """Lines of one source paragraph that are one sentence broken across lines: each line
    but the last ends with a comma or the next begins with "and" (a list of names, wrapped),
    unlike a pasted list of names, one a line."""
    return len(blocks) > 1 and all(
        a.text.endswith(",") or _STARTS_WITH_AND.match(b.text)
        for a, b in itertools.pairwise(blocks)
    )


def _paragraphs(blocks: list[Block]) -> list[list[Block]]:
    """The blocks in runs of one source paragraph (a paragraph and its continuing lines)."""
    out: list[list[Block]] = []
    for block in blocks:
        if out and block.continues and block.kind == "para" and out[-1][-1].kind == "para":
            out[-1].append(block)
        else:
            out.append([block])
    return out


def _sentence_list(part: list[Block], previous_cue: bool) -> tuple[list[str], str, Block] | None:
    """(names, cue line, block to take the place from) when ``part`` (one paragraph) is a
    list written as one sentence; else None."""
    block = part[0]
    if block.kind != "para":
        return None
    if len(part) == 1:
        text = block.text
    elif _wrapped_sentence(part) or (
        len(part) == 2 and part[0].text.endswith(":") and is_cue(part[0].text)
    ):
        # "Unterzeichnet von:" with the list on the paragraph's next line.
        text = " ".join(b.text for b in part)
    else:
        return None
    if "," not in text:
        return None
    names: list[str] = []
    cue = ""
    m = _SENTENCE_CUE.match(text)
    if m and (is_cue(m.group("cue")) or is_closing(m.group("cue"))):
        names, cue = _sentence_names(m.group("list"), after_cue=True), m.group("cue") + ":"
    elif previous_cue:
        names = _sentence_names(text, after_cue=True)
    else:
        # A sentence of many names needs no cue ("Die Ortsgruppen Gießen, …, Neuburg und
        # Hannover."), wrapped over lines or one long paragraph (Word's), but at least a
        # list's worth of them.
        names = _sentence_names(text)
        if len(names) < THRESHOLDS["sentence_list_names"]:
            names = []
    if names and len(names) < 4 and not text.endswith("."):
        names = []  # "Centre of Lawyers, Journalists and Artists": one name with commas
    return (names, cue, block) if names else None


# "des médias : A, B" — a label of a few words, a colon, the names.
_LABELLED_ITEM = re.compile(r"^(?P<label>[^:,]{2,40}?)\s*:\s+(?P<list>[^:]+,[^:]+)$")


def _labelled_item(block: Block) -> tuple[str, list[str]] | None:
    """(label, names) of a list item "label : A, B, C…", else None."""
    if block.kind != "item" or "," not in block.text:
        return None
    m = _LABELLED_ITEM.match(block.text)
    if m is None or len(m.group("label").split()) > THRESHOLDS["label_words"]:
        return None
    names = _sentence_names(m.group("list").rstrip("…"), after_cue=True, least=2)
    return (m.group("label") + " :", names) if names else None


def _split_labelled_items(doc: Document) -> None:
    """Items "label : A, B, C…" as their label and one item a name, when two or more
    items of one list are so written (one alone may be a sentence with a colon)."""
    found = {i: f for i, b in enumerate(doc.blocks) if (f := _labelled_item(b))}
    per_group: dict[int, int] = {}
    for i in found:
        per_group[doc.blocks[i].group] = per_group.get(doc.blocks[i].group, 0) + 1
    if not found or max(per_group.values()) < 2:
        return
    out: list[Block] = []
    for i, block in enumerate(doc.blocks):
        if i not in found or per_group[block.group] < 2:
            out.append(block)
            continue
        label, names = found[i]
        out.append(
            Block("item", label, depth=block.depth, group=block.group, marker=block.marker,
                  line=block.line, span=block.span, label=True)
        )
        out += [
            Block("item", name, depth=block.depth, group=block.group, marker=block.marker,
                  line=block.line, span=block.span, continues=True)
            for name in names
        ]
    _replace_blocks(doc, out)


def _replace_blocks(doc: Document, out: list[Block]) -> None:
    """``doc.blocks`` replaced by ``out`` (which holds the same title and meta blocks)."""
    if len(out) != len(doc.blocks):
        if doc.title_index is not None:
            title = doc.blocks[doc.title_index]
            doc.title_index = next(n for n, b in enumerate(out) if b is title)
        if doc.meta_indexes:
            metas = [doc.blocks[i] for i in doc.meta_indexes]
            doc.meta_indexes = {n for n, b in enumerate(out) if any(b is m for m in metas)}
    doc.blocks = out


def split_lists(doc: Document) -> None:
    """A list written as one sentence after its cue ("Signed by: A, B, C and D.") as items,
    and items "label : A, B, C" as a label and its items."""
    _split_labelled_items(doc)
    out: list[Block] = []
    changed = False
    previous_cue = False
    for part in _paragraphs(doc.blocks):
        found = _sentence_list(part, previous_cue)
        last = part[-1]
        previous_cue = last.kind in ("para", "heading") and (
            is_closing(last.text) or (is_cue(last.text) and last.text.endswith(":"))
        )
        if found is None:
            out += part
            continue
        names, cue, block = found
        changed = True
        if cue:
            out.append(
                Block(
                    "para",
                    cue,
                    depth=block.depth,
                    group=block.group,
                    line=block.line,
                    span=block.span,
                )
            )
        for name in names:
            out.append(
                Block(
                    "item",
                    name,
                    depth=block.depth + 2,
                    group=block.group,
                    line=block.line,
                    span=block.span,
                    continues=True,
                )
            )
    if changed:
        _replace_blocks(doc, out)
