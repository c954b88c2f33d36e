"""The letter's body for letter.md: everything but the title, the list and the page furniture.

Text read from plain text, HTML or Word becomes Markdown with the characters
Markdown would read as markup escaped; a Markdown source is copied as written.
Either way, anything Jinja2 would read as a placeholder is escaped, since the
body of letter.md is a template and the imported words must print as they are.
"""

from __future__ import annotations

import re

from signon.importers.blocks import Block, Document

SIGNATORIES = "{{ signatories }}"

_JINJA = re.compile(r"\{[{%#]")
_INLINE = re.compile(r"([\\`*_\[\]<])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_LEADING = re.compile(r"^([#>+=-]|\d+[.)])(?=\s|$)")


def escape_jinja(text: str) -> str:
    return _JINJA.sub(lambda m: "{{ '" + m.group() + "' }}", text)


def escape_markdown(text: str) -> str:
    text = _INLINE.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    return _LEADING.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], text)


def _render_blocks(blocks: list[Block]) -> str:
    chunks: list[str] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.kind == "heading":
            chunks.append("#" * max(block.level, 2) + " " + escape_markdown(block.text))
            i += 1
        elif block.kind == "item":
            j = i
            while j < len(blocks) and blocks[j].kind == "item" and blocks[j].group == block.group:
                j += 1
            depths = sorted({b.depth for b in blocks[i:j]})
            lines = []
            counter: dict[int, int] = {}
            for item in blocks[i:j]:
                rank = depths.index(item.depth)
                counter[rank] = counter.get(rank, 0) + 1
                marker = f"{counter[rank]}." if item.marker == "number" else "-"
                lines.append("   " * rank + f"{marker} {escape_markdown(item.text)}")
            chunks.append("\n".join(lines))
            i = j
        elif block.kind == "row":
            j = i
            while j < len(blocks) and blocks[j].kind == "row" and blocks[j].group == block.group:
                j += 1
            rows = [[escape_markdown(c).replace("|", "\\|") for c in b.cells] for b in blocks[i:j]]
            width = max(len(r) for r in rows)
            rows = [r + [""] * (width - len(r)) for r in rows]
            table = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
            table += ["| " + " | ".join(r) + " |" for r in rows[1:]]
            chunks.append("\n".join(table))
            i = j
        else:
            # Lines of one source paragraph (an address, lines split by <br>) stay together,
            # with Markdown's hard line break between them.
            lines = [escape_markdown(block.text)]
            i += 1
            while i < len(blocks) and blocks[i].kind == "para" and blocks[i].continues:
                lines.append(escape_markdown(blocks[i].text))
                i += 1
            chunks.append("\\\n".join(lines))
    return "\n\n".join(chunks)


def _markdown_range(doc: Document, lo: int, hi: int, skip: set[int]) -> str:
    """The source lines from block ``lo`` up to block ``hi``, blank lines included."""
    if lo >= hi:
        return ""
    lines = doc.markdown.splitlines()
    spans = [doc.blocks[i].span for i in range(lo, hi) if i not in skip]
    if not spans:
        return ""
    skipped = {n for i in skip if lo <= i < hi for n in range(*doc.blocks[i].span)}
    first = min(s for s, _ in spans)
    last = max(e for _, e in spans)
    text = "\n".join(line for n, line in enumerate(lines[first:last], first) if n not in skipped)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def body_markdown(doc: Document, start: int, end: int, furniture: int) -> str:
    """letter.md's body: the text before the list, the list's placeholder, the text after."""
    skip = set(doc.meta_indexes)
    if doc.title_index is not None:
        skip.add(doc.title_index)
    if doc.markdown:
        before = _markdown_range(doc, 0, start, skip)
        after = _markdown_range(doc, end, furniture, skip)
    else:
        before = _render_blocks([b for i, b in enumerate(doc.blocks[:start]) if i not in skip])
        after = _render_blocks(
            [b for i, b in enumerate(doc.blocks[end:furniture], end) if i not in skip]
        )
    parts = [p for p in (escape_jinja(before), SIGNATORIES, escape_jinja(after)) if p]
    return "\n\n".join(parts) + "\n"
