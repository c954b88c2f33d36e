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

Corpus letters that show it: tests/corpus/de-fff-ortsgruppen (above),
tests/corpus/de-goe-klimagruppen (the names on the line after the cue),
tests/corpus/pt-mst-justica-que-queremos (a Portuguese cue, no final "e").
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


def _sentence_names(text: str, *, after_cue: bool = False) -> list[str]:
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
    elif after_cue and len(parts) >= 3:
        names = parts
    else:
        return []
    if len(names) < 3 or not all(
        n and n[0].isupper() and len(n.split()) <= THRESHOLDS["sentence_name_words"]
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


def split_lists(doc: Document) -> None:
    """A list written as one sentence after its cue ("Signed by: A, B, C and D.") as items."""
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
        shift = len(out) - len(doc.blocks)
        if shift and doc.title_index is not None:
            title = doc.blocks[doc.title_index]
            doc.title_index = next(n for n, b in enumerate(out) if b is title)
        if shift and doc.meta_indexes:
            metas = [doc.blocks[i] for i in doc.meta_indexes]
            doc.meta_indexes = {n for n, b in enumerate(out) if any(b is m for m in metas)}
        doc.blocks = out
