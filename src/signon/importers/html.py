"""HTML into blocks: a forgiving tree (pages copied from the web are rarely valid) walked once.

An HTML5 parser (Lexbor) builds the tree as a browser would, closing what
authors leave open (<p>, <li>, <td>).  Page chrome (<nav>, <aside>,
<footer>, scripts, forms) is skipped; lists keep their nesting depth; table
cells whose names wrap over several lines (<br>, <p>) become one name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from signon.importers.blocks import Block, Document, clean
from signon.importers.txt import RawLine, find_title_and_meta, lines_to_blocks

_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
_SKIP = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "aside",
        "footer",
        "form",
        "button",
        "select",
        "textarea",
        "svg",
        "iframe",
        "object",
        "canvas",
        "head",
        "menu",
        "dialog",
    ]
)
_BLOCK = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "main",
        "blockquote",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "dt",
        "dd",
        "pre",
        "table",
        "tr",
        "td",
        "th",
        "thead",
        "tbody",
        "tfoot",
        "ul",
        "ol",
        "dl",
        "figure",
        "figcaption",
        "address",
        "center",
        "hr",
        "header",
        "caption",
        "fieldset",
        "details",
        "summary",
    ]
)

# Elements nested deeper than this are read as their text: the walk recurses once per level,
# and no letter nests its list 200 deep (a page that does is broken or hostile).
_MAX_DEPTH = 200


@dataclass
class _Node:
    """One element of the parsed page, with its text runs, as the walker reads it."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[_Node | str] = field(default_factory=list)
    parent: _Node | None = None


def parse_tree(text: str) -> _Node:
    """The page as an HTML5 parser builds it (Lexbor, through selectolax).

    Browsers' own rules close what authors leave open and move stray text out of
    tables, so the page read here is the page its readers saw.  The tree is copied
    once into plain nodes, walked without recursion: a page of 10,000 unclosed
    ``<div>`` must not exhaust the stack.
    """
    from selectolax.lexbor import LexborHTMLParser

    page = LexborHTMLParser(text)
    root = _Node("#root")
    todo = [(page.root, root, 0)] if page.root is not None else []
    while todo:
        source, node, depth = todo.pop()
        for child in source.iter(include_text=True):
            if child.is_text_node:
                node.children.append(child.text_content or "")
            elif not child.is_element_node or not child.tag:
                continue
            elif depth >= _MAX_DEPTH:  # as browsers do, nesting beyond a depth is flattened
                node.children.append(child.text(separator=" "))
            else:
                copy = _Node(
                    child.tag, {k: v or "" for k, v in child.attributes.items()}, parent=node
                )
                node.children.append(copy)
                if child.tag not in _VOID:
                    todo.append((child, copy, depth + 1))
    return root


def _text_of(node: _Node, *, breaks: bool = False) -> str:
    """All text under ``node``; with ``breaks``, <br> and block ends become newlines."""
    out: list[str] = []

    def visit(n: _Node | str) -> None:
        if isinstance(n, str):
            out.append(n)
            return
        if n.tag in _SKIP and n.tag != "head":
            return
        if n.tag == "br":
            out.append("\n" if breaks else " ")
            return
        for child in n.children:
            visit(child)
        if n.tag in _BLOCK:
            out.append("\n" if breaks else " ")

    visit(node)
    return "".join(out)


def _simple_cell(cell: _Node) -> bool:
    """A cell that holds a name (text, <br>, a few <p>), not a page layout."""
    paragraphs = 0
    stack: list[_Node | str] = list(cell.children)
    while stack:
        n = stack.pop()
        if isinstance(n, str):
            continue
        if n.tag in ("ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"):
            return False
        if n.tag in ("p", "div"):
            paragraphs += 1
        stack.extend(n.children)
    return paragraphs <= 3


def _rows(table: _Node) -> list[_Node]:
    rows: list[_Node] = []
    stack: list[_Node | str] = list(reversed(table.children))
    while stack:
        n = stack.pop()
        if isinstance(n, str):
            continue
        if n.tag == "tr":
            rows.append(n)
        elif n.tag in ("thead", "tbody", "tfoot"):
            stack.extend(reversed(n.children))
    return rows


def _cells(row: _Node) -> list[_Node]:
    return [c for c in row.children if isinstance(c, _Node) and c.tag in ("td", "th")]


class _Walker:
    def __init__(self, first_group: int = 0) -> None:
        self.blocks: list[Block] = []
        self.group = first_group
        self.inline: list[str] = []
        self.title = ""
        self.h1 = ""
        self.date = ""
        self.rule_at = -1  # the index of the block after the last <hr>

    def mark_rule(self) -> None:
        if 0 <= self.rule_at < len(self.blocks):
            self.blocks[self.rule_at].rule_before = True
        self.rule_at = -1

    # -- text runs between blocks ---------------------------------------------
    def flush(self, depth: int) -> None:
        text = "".join(self.inline)
        self.inline = []
        lines = [RawLine(0, clean(t), 0) for t in text.split("\n") if clean(t)]
        if lines:
            self.blocks += lines_to_blocks(lines, self.group, base_depth=depth)
            self.group += 1
            self.mark_rule()

    def walk(self, node: _Node, depth: int, lists: int) -> None:
        for child in node.children:
            if isinstance(child, str):
                self.inline.append(child)
                continue
            tag = child.tag
            if tag == "title" and not self.title:
                self.title = clean(_text_of(child))
                continue
            if tag in _SKIP:
                continue
            if tag == "header" and not _inside(child, ("article", "main")):
                continue  # the site's banner, not the letter's heading
            if tag == "br":
                self.inline.append("\n")
                continue
            if tag == "time" and not self.date:
                self.date = child.attrs.get("datetime", "")
            if tag not in _BLOCK:
                self.walk(child, depth, lists)
                continue
            self.flush(depth)
            if tag == "hr":
                self.rule_at = len(self.blocks)
                continue
            if tag in ("ul", "ol"):
                if lists == 0:
                    self.group += 1
                self.walk_list(child, depth, lists + 1, "number" if tag == "ol" else "bullet")
                if lists == 0:
                    self.group += 1
            elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                text = clean(_text_of(child))
                if text:
                    if tag == "h1" and not self.h1:
                        self.h1 = text
                    self.blocks.append(
                        Block("heading", text, depth=depth, group=self.group, level=int(tag[1]))
                    )
                    self.group += 1
            elif tag == "table":
                self.table(child, depth, lists)
            elif tag == "blockquote":
                self.walk(child, depth + 1, lists)
                self.flush(depth + 1)
            elif tag == "li":  # a stray <li> outside any list
                self.walk_list(_Node("ul", children=[child]), depth, lists + 1, "bullet")
            else:
                self.walk(child, depth, lists)
                self.flush(depth)

    def walk_list(self, node: _Node, depth: int, lists: int, marker: str) -> None:
        for child in node.children:
            if isinstance(child, str) or child.tag in _SKIP:
                continue
            if child.tag != "li":
                if child.tag in ("ul", "ol"):  # a list nested without its <li>
                    self.walk_list(
                        child, depth, lists + 1, "number" if child.tag == "ol" else "bullet"
                    )
                continue
            own: list[_Node | str] = []
            nested: list[_Node] = []
            for part in child.children:
                if isinstance(part, _Node) and part.tag in ("ul", "ol"):
                    nested.append(part)
                elif not nested:
                    own.append(part)
            text = clean(_text_of(_Node("li", children=own)))
            if text:
                self.blocks.append(
                    Block("item", text, depth=depth + 2 * lists, group=self.group, marker=marker)
                )
            for sub in nested:
                self.walk_list(sub, depth, lists + 1, "number" if sub.tag == "ol" else "bullet")

    def table(self, table: _Node, depth: int, lists: int) -> None:
        rows = _rows(table)
        if not rows or not all(_simple_cell(c) for r in rows for c in _cells(r)):
            self.walk(table, depth, lists)  # a layout table: read it as the page it lays out
            self.flush(depth)
            return
        self.group += 1
        for row in rows:
            cells = _cells(row)
            texts = [clean(_text_of(c)) for c in cells]
            header = bool(cells) and all(c.tag == "th" for c in cells)
            self.blocks.append(
                Block(
                    "row",
                    " | ".join(t for t in texts if t),
                    depth=depth,
                    group=self.group,
                    cells=texts,
                    header=header,
                )
            )
        self.group += 1


def _inside(node: _Node, tags: tuple[str, ...]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.parent
    return False


def read_html_fragment(text: str, *, first_group: int = 0) -> list[Block]:
    walker = _Walker(first_group)
    walker.walk(parse_tree(text), 0, 0)
    walker.flush(0)
    walker.mark_rule()
    return walker.blocks


_TITLE_SUFFIX = re.compile(r"\s+[|–—·-]\s+[^|–—·-]{1,60}$")


def read_html(text: str, *, name: str = "") -> Document:
    walker = _Walker()
    walker.walk(parse_tree(text), 0, 0)
    walker.flush(0)
    walker.mark_rule()
    doc = Document(blocks=walker.blocks, name=name)
    for i, block in enumerate(doc.blocks):
        if block.kind == "heading" and block.level == 1:
            before = doc.blocks[:i]
            # Short lines before the page's <h1> are its chrome (menus, breadcrumbs) that no
            # <nav> marked; real text before the title keeps the title in the body.
            if all(len(b.text.split()) <= 6 for b in before):
                doc.title_index = i
                doc.title = block.text
                doc.meta_indexes.update(range(i))
            break
    if not doc.title and walker.title:
        doc.title = _TITLE_SUFFIX.sub("", walker.title)
    if walker.date:
        doc.date = walker.date
    find_title_and_meta(doc, first_line_title=False)
    return doc


def charset_of(data: bytes) -> str:
    m = re.search(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_-]+)", data[:4096], re.I)
    return m.group(1).decode("ascii").lower() if m else "utf-8"
