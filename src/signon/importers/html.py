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
                text = child.text_content or ""
                node.children.append(_TEMPLATE_TAG.sub("", text) if "{" in text else text)
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
        self.pre = 0  # how many <pre> the walk is inside
        self.emphasis = 0  # how many <b>, <strong>, <i>, <em> the walk is inside
        self.plain = False  # text outside any emphasis since the last block
        self.lead = -1  # the block that is one short emphasized line, when the last one is

    def mark_rule(self) -> None:
        if 0 <= self.rule_at < len(self.blocks):
            self.blocks[self.rule_at].rule_before = True
        self.rule_at = -1

    # -- text runs between blocks ---------------------------------------------
    def flush(self, depth: int) -> None:
        text = "".join(self.inline)
        self.inline = []
        lines = [RawLine(0, clean(t), 0) for t in text.split("\n") if clean(t)]
        emphasized, self.plain = not self.plain, False
        if lines:
            self.blocks += lines_to_blocks(lines, self.group, base_depth=depth)
            self.group += 1
            self.mark_rule()
            last = self.blocks[-1]
            if emphasized and len(lines) == 1 and last.kind == "para" and _lead_in(last.text):
                self.lead = len(self.blocks) - 1

    def promote_lead(self) -> None:
        """A short line set entirely in bold or italics right before a list or table is
        that list's heading ("<p><i>National Organizations</i></p><table>…")."""
        if self.lead >= 0 and self.lead == len(self.blocks) - 1:
            block = self.blocks[self.lead]
            block.kind, block.level = "heading", _LEAD_LEVEL
        self.lead = -1

    def walk(self, node: _Node, depth: int, lists: int) -> None:
        for child in node.children:
            if isinstance(child, str):
                # A line break in the page's source is a space on the page (only <br> and
                # <pre> break lines): a name the author's editor wrapped stays one name.
                self.inline.append(child if self.pre else _NEWLINES.sub(" ", child))
                if not self.emphasis and not child.isspace():
                    self.plain = True
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
                emphasis = tag in _EMPHASIS
                self.emphasis += emphasis
                self.walk(child, depth, lists)
                self.emphasis -= emphasis
                continue
            self.flush(depth)
            if tag == "hr":
                self.rule_at = len(self.blocks)
                continue
            if tag in ("ul", "ol") and lists == 0 and self.marked_list(child, depth):
                continue
            if tag in ("ul", "ol"):
                self.promote_lead()
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
            elif tag == "pre":
                self.pre += 1
                self.walk(child, depth, lists)
                self.pre -= 1
                self.flush(depth)
            elif tag == "blockquote":
                self.walk(child, depth + 1, lists)
                self.flush(depth + 1)
            elif tag == "li":  # a stray <li> outside any list
                self.walk_list(_Node("ul", children=[child]), depth, lists + 1, "bullet")
            elif not self.cards(child, depth):
                self.walk(child, depth, lists)
                self.flush(depth)

    def marked_row(self, cells: list[tuple[str, str]], depth: int) -> None:
        kept = [(role, text) for role, text in cells if text and role != "remark"]
        if any(role == "name" for role, _ in kept):
            self.blocks.append(
                Block(
                    "row",
                    " | ".join(text for _, text in kept),
                    depth=depth,
                    group=self.group,
                    cells=[text for _, text in kept],
                    roles=[role for role, _ in kept],
                )
            )

    def cards(self, node: _Node, depth: int) -> bool:
        """Signature cards: an element whose children are many alike elements (one class),
        each a few short parts side by side ("<span class='sig_name'>…</span><span
        class='sig_institution'>…</span>").  One row per card, each part a cell with the
        role its class names; remarks and timestamps are left out."""
        found = _cards(node)
        if found is None:
            return False
        self.promote_lead()
        self.group += 1
        for card in found:
            self.marked_row(card, depth)
        self.group += 1
        return True

    def marked_list(self, node: _Node, depth: int) -> bool:
        """A list whose every item starts with a <cite>d name ("<li><cite>Ada
        Lovelace</cite>, Analytical Society</li>"): rows of a name and an affiliation."""
        items = [c for c in node.children if isinstance(c, _Node) and c.tag == "li"]
        rows: list[list[tuple[str, str]]] = []
        for item in items:
            parts = [c for c in item.children if not (isinstance(c, str) and c.isspace())]
            if not parts or not isinstance(parts[0], _Node) or parts[0].tag != "cite":
                return False
            rest = clean(_text_of(_Node("li", children=parts[1:]))).lstrip(",;:–—- ").strip()
            rows.append([("name", clean(_text_of(parts[0]))), ("affiliation", rest)])
        if len(rows) < _MIN_CARDS:
            return False
        self.promote_lead()
        self.group += 1
        for row in rows:
            self.marked_row(row, depth)
        self.group += 1
        return True

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
        self.promote_lead()
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


# What a card's part holds, by the words of its class: the first pattern that matches wins.
_PART_ROLES = (
    ("remark", re.compile(r"comment|remark|note|message|quote|reason|time|date", re.I)),
    ("affiliation", re.compile(r"institut|affil|organi[sz]|employer|company|\borg\b", re.I)),
    ("title", re.compile(r"title|position|role|job|status|occupation|profession", re.I)),
    ("place", re.compile(r"country|location|city|place|region|nation", re.I)),
    ("name", re.compile(r"name|signer|signator", re.I)),
)
_MIN_CARDS = 3  # fewer alike elements than this are a page's layout, not a list of cards
_CARD_SHARE = 0.8  # of a container's elements, those alike must be at least this share
_MAX_PARTS = 8
_INLINE_PARTS = frozenset(["span", "a", "cite", "strong", "b", "i", "em", "small", "p", "div"])


def _part_role(part: _Node, position: int) -> str:
    if part.tag == "time":
        return "remark"
    classes = part.attrs.get("class", "")
    for role, pattern in _PART_ROLES:
        if pattern.search(classes):
            return role
    return "name" if position == 0 else ""


def _card(node: _Node) -> list[tuple[str, str]] | None:
    """The (role, text) parts of a card, or None when ``node`` is not one."""
    parts: list[tuple[str, str]] = []
    for child in node.children:
        if isinstance(child, str):
            if not child.isspace():
                return None  # loose text beside the parts: a paragraph, not a card
            continue
        if child.tag == "time":
            parts.append(("remark", ""))
            continue
        if child.tag not in _INLINE_PARTS or any(
            isinstance(c, _Node) and c.tag in _BLOCK and c.tag not in ("p", "div")
            for c in child.children
        ):
            return None
        text = clean(_text_of(child))
        if text:
            parts.append((_part_role(child, len(parts)), text))
        if len(parts) > _MAX_PARTS:
            return None
    return parts if any(role == "name" for role, _ in parts) else None


def _cards(node: _Node) -> list[list[tuple[str, str]]] | None:
    elements = [c for c in node.children if isinstance(c, _Node)]
    if len(elements) < _MIN_CARDS:
        return None
    shapes: dict[tuple[str, str], int] = {}
    for element in elements:
        shape = (element.tag, element.attrs.get("class", ""))
        shapes[shape] = shapes.get(shape, 0) + 1
    (tag, cls), alike = max(shapes.items(), key=lambda kv: kv[1])
    if not cls or alike < max(_MIN_CARDS, _CARD_SHARE * len(elements)):
        return None
    cards: list[list[tuple[str, str]]] = []
    for element in elements:
        if (element.tag, element.attrs.get("class", "")) != (tag, cls):
            continue
        card = _card(element)
        if card is None:
            return None
        cards.append(card)
    # A card is a name with something beside it; a column of one-part cards is a list.
    if sum(len(card) >= 2 for card in cards) < 0.5 * len(cards):
        return None
    return cards


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


_EMPHASIS = frozenset(["b", "strong", "i", "em", "u"])
# A heading level below any a page's own <h2>/<h3> sections would take.
_LEAD_LEVEL = 4
_LEAD_WORDS = 12


def _lead_in(text: str) -> bool:
    """Text that can head a list: a few words, not a sentence, not a "...:" lead-in (the
    list side reads those already, and tells "Signatories:" from "We ask you to:")."""
    return len(text.split()) <= _LEAD_WORDS and not text.endswith((".", "!", "?", ":", ";"))


# A template's statements and comments ({% block %}, {# … #}): a page saved from a site's
# sources (Jinja, Liquid, Django) before it was rendered; never text of the letter.
_TEMPLATE_TAG = re.compile(r"\{%.*?%\}|\{#.*?#\}", re.S)
_NEWLINES = re.compile(r"[\r\n]+")
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
