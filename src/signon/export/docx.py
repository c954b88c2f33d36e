"""Word: the letter as a .docx that Word and LibreOffice open with real bullets and nesting.

python-docx provides the package, the styles, the core properties and the
footer.  The paragraphs themselves are written as WordprocessingML and parsed
once: python-docx's ``add_paragraph(style=…)`` looks each style up by name
and appends through a linear search, which is quadratic on a list of 20,000
names (26 s), while building the XML directly takes well under a second.

Layout of the list (it reads like the letters coordinators type by hand):
top-level organizations are plain paragraphs; a coalition is a heading
paragraph kept with its members, which are real Word list items (a numbering
definition with bullet levels, ``numPr`` with ``ilvl`` = nesting), so Word's
and LibreOffice's list tools work on them.  Every paragraph has a named style
("Signatory", "Signatory Heading", "Signatory Member", "Date", "Recipient"…)
that a ``--reference-docx`` can define to change the look.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from signon.compose import Composed
from signon.errors import RefusedInput
from signon.export._model import (
    entry_label,
    has_signatories,
    individual_lines,
    individuals_heading,
    is_rtl,
    language_is_rtl,
    language_tag,
    one_line,
    xml_safe,
)
from signon.letterlocale import (
    Paper,
    explicit_paper,
    list_labels,
    paper,
    unnamed_line,
    written_date,
)
from signon.markdown_walk import Link, ListLevel, Span

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NSDECL = f'xmlns:w="{W}" xmlns:r="{R}"'
GENERATOR = "signon"
RT_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
RT_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
RT_APP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
CT_NUMBERING = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"
CT_APP = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    f"<Application>{GENERATOR}</Application><DocSecurity>0</DocSecurity></Properties>"
)

CHUNK = 1000  # paragraphs parsed at a time

BULLETS = ("\u2022", "\u25e6", "\u25aa")  # • ◦ ▪, repeating down the nine levels
ORDERED = (("decimal", "%{n}."), ("lowerLetter", "%{n})"), ("lowerRoman", "%{n}."))


def x(text: str) -> str:
    """Text as XML character data (XML-illegal characters dropped)."""
    return xml_safe(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xa(text: str) -> str:
    """Text as an XML attribute value."""
    return x(text).replace('"', "&quot;")


# ------------------------------------------------------------------ runs and paragraphs


def run(
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    code: bool = False,
    style: str = "",
    rtl: bool | None = None,
) -> str:
    """One ``<w:r>``; line breaks become ``<w:br/>``, tabs ``<w:tab/>``."""
    if not text:
        return ""
    props = []
    if style:
        props.append(f'<w:rStyle w:val="{xa(style)}"/>')
    if code:
        props.append('<w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/>')
    if bold:
        props.append("<w:b/><w:bCs/>")
    if italic:
        props.append("<w:i/><w:iCs/>")
    if is_rtl(text) if rtl is None else rtl:
        props.append("<w:rtl/>")
    rpr = f"<w:rPr>{''.join(props)}</w:rPr>" if props else ""
    pieces: list[str] = []
    for n, line in enumerate(text.split("\n")):
        if n:
            pieces.append("<w:br/>")
        for m, chunk in enumerate(line.split("\t")):
            if m:
                pieces.append("<w:tab/>")
            if chunk:
                pieces.append(f'<w:t xml:space="preserve">{x(chunk)}</w:t>')
    return f"<w:r>{rpr}{''.join(pieces)}</w:r>"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# Unicode's directional isolates (what HTML's <bdi> does): a name whose direction is not
# the letter's is one unit to the bidi algorithm, so an Arabic name cannot pull the
# " (Country)" or a coalition's heading phrase after it into its own direction.
RLI, LRI, PDI = "\u2067", "\u2066", "\u2069"


def _label_runs(label: str, name: str, letter_rtl: bool = False) -> str:
    """Runs for a printed name: the name (right-to-left when it is), then " (Country)"….

    The paragraph keeps the letter's direction, so every name of the list is aligned
    alike (as on the HTML page); a name written the other way is isolated.
    """
    label = one_line(label)
    name = one_line(name)
    if not (name and label.startswith(name)):
        name, rest = label, ""
    else:
        rest = label[len(name) :]
    rtl = is_rtl(name)
    text = _escape(name)
    if rtl != letter_rtl and name:
        text = f"{RLI if rtl else LRI}{text}{PDI}"
    props = "<w:rPr><w:rtl/></w:rPr>" if rtl else ""
    runs = f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>' if name else ""
    if rest:
        runs += f'<w:r><w:t xml:space="preserve">{_escape(rest)}</w:t></w:r>'
    return runs


def paragraph(
    style: str,
    content: str,
    *,
    num: int | None = None,
    ilvl: int = 0,
    bidi: bool = False,
    keep_next: bool = False,
    space_before: int | None = None,
    space_after: int | None = None,
    indent: int | None = None,
    border: bool = False,
    center: bool = False,
) -> str:
    # Children of <w:pPr> must follow the schema's order, or Word reports the file as corrupt.
    props = [f'<w:pStyle w:val="{xa(style)}"/>']
    if keep_next:
        props.append("<w:keepNext/>")
    if num is not None:
        props.append(f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>')
    if border:
        props.append(
            '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>'
        )
    if bidi:
        props.append("<w:bidi/>")
    if space_before is not None or space_after is not None:
        attrs = ""
        if space_before is not None:
            attrs += f' w:before="{space_before}"'
        if space_after is not None:
            attrs += f' w:after="{space_after}"'
        props.append(f"<w:spacing{attrs}/>")
    if indent is not None:
        props.append(f'<w:ind w:left="{indent}"/>')
    if center:
        props.append('<w:jc w:val="center"/>')
    return f"<w:p><w:pPr>{''.join(props)}</w:pPr>{content}</w:p>"


# ------------------------------------------------------------------ styles


def _style_setup(**kw: Any) -> Callable[[Any], None]:
    """A function that gives a newly added style the formatting in ``kw``."""

    def setup(style: Any) -> None:
        from docx.shared import Pt, RGBColor

        fmt: Any = getattr(style, "paragraph_format", None)
        for key, value in kw.items():
            if key in ("space_before", "space_after", "left_indent"):
                setattr(fmt, key, Pt(value))
            elif key == "hanging":  # continuation lines of a long name indented, as in text
                fmt.left_indent = Pt(value)
                fmt.first_line_indent = Pt(-value)
            elif key in ("keep_with_next", "keep_together"):
                setattr(fmt, key, value)
            elif key == "size":
                style.font.size = Pt(value)
            elif key == "color":
                style.font.color.rgb = RGBColor.from_string(value)
            elif key in ("bold", "italic", "underline"):
                setattr(style.font, key, value)
            elif key == "font":
                style.font.name = value
            elif key == "outline":  # what Word's navigation pane and table of contents read
                from docx.oxml import parse_xml

                style.element.get_or_add_pPr().append(
                    parse_xml(f'<w:outlineLvl {NSDECL} w:val="{value}"/>')
                )

    return setup


class Styles:
    """Style ids by name: the reference document's own when it has them, else added."""

    # name -> (based on, formatting) for styles a document may lack
    PARAGRAPH: ClassVar[dict[str, tuple[str, dict[str, Any]]]] = {
        "Title": ("Normal", {"size": 16, "bold": True, "space_after": 12, "keep_with_next": True}),
        "Date": ("Normal", {"space_after": 0}),
        "Recipient": ("Normal", {"space_after": 0}),
        "Body Text": ("Normal", {"space_after": 8}),
        "List Paragraph": ("Normal", {"space_after": 2, "left_indent": 36}),
        "Quote": ("Normal", {"italic": True, "left_indent": 28, "space_after": 8}),
        "Source Code": ("Normal", {"font": "Courier New", "size": 9.5, "space_after": 0}),
        "Heading 1": (
            "Normal",
            {
                "size": 14,
                "bold": True,
                "space_before": 12,
                "space_after": 4,
                "keep_with_next": True,
                "outline": 0,
            },
        ),
        "Heading 2": (
            "Normal",
            {
                "size": 12,
                "bold": True,
                "space_before": 10,
                "space_after": 4,
                "keep_with_next": True,
                "outline": 1,
            },
        ),
        "Heading 3": (
            "Normal",
            {
                "bold": True,
                "italic": True,
                "space_before": 8,
                "space_after": 2,
                "keep_with_next": True,
                "outline": 2,
            },
        ),
        "Heading 4": (
            "Normal",
            {"italic": True, "space_before": 8, "keep_with_next": True, "outline": 3},
        ),
        "Heading 5": ("Normal", {"bold": True, "space_before": 6, "keep_with_next": True}),
        "Heading 6": ("Normal", {"italic": True, "space_before": 6, "keep_with_next": True}),
        "Signatory": (
            "Normal",
            {"space_before": 0, "space_after": 0, "keep_together": True, "hanging": 18},
        ),
        "Signatory Heading": ("Signatory", {"space_before": 8, "keep_with_next": True}),
        "Signatory Label": (
            "Normal",
            {"space_before": 12, "space_after": 6, "keep_with_next": True},
        ),
        # Not based on "Signatory": its hanging indent would fight the bullets' indent.
        "Signatory Member": (
            "Normal",
            {"space_before": 0, "space_after": 0, "keep_together": True},
        ),
        "Footer": ("Normal", {"space_after": 0}),
    }

    def __init__(self, document: Any) -> None:
        self.document = document
        self.ids: dict[str, str] = {}

    def id(self, name: str) -> str:
        if name not in self.ids:
            self.ids[name] = self._ensure(name)
        return self.ids[name]

    def _ensure(self, name: str) -> str:
        import warnings

        from docx.enum.style import WD_STYLE_TYPE

        styles = self.document.styles
        kind = WD_STYLE_TYPE.CHARACTER if name == "Hyperlink" else WD_STYLE_TYPE.PARAGRAPH
        with warnings.catch_warnings():  # python-docx warns when a name matched a style id
            warnings.simplefilter("ignore")
            try:
                style = styles[name]
                if style.type == kind:
                    return str(style.style_id)
            except KeyError:
                pass
        if kind == WD_STYLE_TYPE.CHARACTER:
            style = styles.add_style(name, kind)
            _style_setup(color="0563C1", underline=True)(style)
            return str(style.style_id)
        base, formatting = self.PARAGRAPH.get(name, ("Normal", {}))
        base_id = self.id(base) if base != name else None
        style = styles.add_style(name, kind)
        if base_id is not None:
            style.element.basedOn_val = base_id
        _style_setup(**formatting)(style)
        return str(style.style_id)


# ------------------------------------------------------------------ numbering


class Numbering:
    """Numbering definitions added to the document's numbering part (created if missing)."""

    def __init__(self, document: Any) -> None:
        from docx.oxml.ns import qn

        self._qn = qn
        self.element = self._numbering_element(document)
        self._next_abstract = 1 + max(
            (int(a.get(qn("w:abstractNumId"))) for a in self.element.findall(qn("w:abstractNum"))),
            default=-1,
        )
        self._next_num = 1 + max(
            (int(n.get(qn("w:numId"))) for n in self.element.findall(qn("w:num"))), default=0
        )
        self._bullet: int | None = None
        self._decimal: int | None = None

    @staticmethod
    def _numbering_element(document: Any) -> Any:
        from docx.opc.packuri import PackURI
        from docx.oxml import parse_xml
        from docx.parts.numbering import NumberingPart

        part = document.part
        try:
            return part.part_related_by(RT_NUMBERING).element
        except KeyError:
            pass
        # python-docx cannot create a numbering part (NumberingPart.new is unimplemented);
        # a reference document without lists has none.
        element = parse_xml(f"<w:numbering {NSDECL}/>")
        numbering = NumberingPart(
            PackURI("/word/numbering.xml"), CT_NUMBERING, element, part.package
        )
        part.relate_to(numbering, RT_NUMBERING)
        return element

    def _add_abstract(self, levels: str, name: str) -> int:
        from docx.oxml import parse_xml

        aid = self._next_abstract
        self._next_abstract += 1
        abstract = parse_xml(
            f'<w:abstractNum {NSDECL} w:abstractNumId="{aid}">'
            f'<w:nsid w:val="{0x5A6E0000 + aid:08X}"/>'
            f'<w:multiLevelType w:val="hybridMultilevel"/><w:name w:val="{name}"/>'
            f"{levels}</w:abstractNum>"
        )
        # The schema wants every abstractNum before the first num.
        first_num = self.element.find(self._qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            self.element.append(abstract)
        return aid

    def add_num(self, abstract: int, *, start: int | None = None, ilvl: int = 0) -> int:
        from docx.oxml import parse_xml

        nid = self._next_num
        self._next_num += 1
        override = (
            f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
            if start is not None
            else ""
        )
        num = parse_xml(
            f'<w:num {NSDECL} w:numId="{nid}"><w:abstractNumId w:val="{abstract}"/>'
            f"{override}</w:num>"
        )
        cleanup = self.element.find(self._qn("w:numIdMacAtCleanup"))
        if cleanup is not None:
            cleanup.addprevious(num)
        else:
            self.element.append(num)
        return nid

    @property
    def bullet(self) -> int:
        if self._bullet is None:
            levels = "".join(
                f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
                f'<w:lvlText w:val="{BULLETS[i % 3]}"/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="{720 + 360 * i}" w:hanging="360"/></w:pPr></w:lvl>'
                for i in range(9)
            )
            self._bullet = self._add_abstract(levels, "signon bullets")
        return self._bullet

    @property
    def decimal(self) -> int:
        if self._decimal is None:
            levels = "".join(
                f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/>'
                f'<w:numFmt w:val="{ORDERED[i % 3][0]}"/>'
                f'<w:lvlText w:val="{ORDERED[i % 3][1].format(n=i + 1)}"/>'
                f'<w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="{720 + 360 * i}" w:hanging="360"/></w:pPr></w:lvl>'
                for i in range(9)
            )
            self._decimal = self._add_abstract(levels, "signon numbers")
        return self._decimal


# ------------------------------------------------------------------ the body


class BodyWriter:
    """Collects the document's paragraphs as WordprocessingML text.

    The letter's own paragraphs are parsed into the body (``flush``).  The list
    of signatories is kept as encoded XML and spliced into ``document.xml``
    when the file is saved (:func:`render`): an lxml tree of 20,000 list
    paragraphs would take 45 MiB and time to build and serialize, for nothing.
    A marker paragraph holds the list's place in the body meanwhile.
    """

    def __init__(self, document: Any, styles: Styles, numbering: Numbering, *, rtl: bool) -> None:
        import secrets

        self.document = document
        self.styles = styles
        self.numbering = numbering
        self.rtl = rtl  # the letter's language is written right to left
        self.out: list[str] = []
        self._gap = 0  # space (twips) above the next paragraph: it follows a list
        # Splicing needs the usual "w" prefix (every Word and LibreOffice file has it).
        self.splice = document.element.body.prefix == "w"
        self.spliced: dict[str, list[bytes]] = {}  # marker -> the list's XML, in chunks
        self._token = secrets.token_hex(8)  # a marker no letter text can contain

    def para(self, style: str, content: str, *, text: str = "", **kw: Any) -> None:
        bidi = self.rtl or is_rtl(text)
        if self._gap:
            kw.setdefault("space_before", self._gap)
            self._gap = 0
        self.out.append(paragraph(self.styles.id(style), content, bidi=bidi, **kw))

    # -- head
    def head(self, composed: Composed) -> None:
        if composed.title:
            title = one_line(composed.title)
            self.para("Title", run(title), text=title)
        meta: list[tuple[str, str]] = []
        if composed.date:
            meta.append(("Date", one_line(written_date(composed))))
        meta += [("Recipient", f"To: {one_line(r)}") for r in composed.recipients]
        for n, (style, text) in enumerate(meta):
            last = n == len(meta) - 1
            self.para(style, run(text), text=text, space_after=240 if last else None)

    # -- the list
    def signatories(self, composed: Composed, label: str = "") -> None:
        if label and has_signatories(composed):
            text = one_line(label)
            self.para("Signatory Label", run(text), text=text, keep_next=True)
        if self.splice:
            marker = f"SIGNON-LIST-{self._token}-{len(self.spliced)}"
            self.out.append(f"<w:p><w:r><w:t>{marker}</w:t></w:r></w:p>")
            chunks = self.spliced.setdefault(marker, [])
            out: list[str] = []

            def full() -> None:
                chunks.append("".join(out).encode("utf-8"))
                out.clear()
        else:
            out = self.out
            full = self.flush
        self._list_xml(composed, out, full)
        if out and self.splice:
            full()
        self._gap = 240

    def _list_xml(self, composed: Composed, out: list[str], full: Callable[[], None]) -> None:
        # The hot loop of a 20,000-name export: one f-string per paragraph, no helpers that
        # re-check what one_line already guarantees (one line, XML-safe).
        show = composed.show_countries
        plain_id = xa(self.styles.id("Signatory"))
        heading_id = xa(self.styles.id("Signatory Heading"))
        member_id = xa(self.styles.id("Signatory Member"))
        doc_bidi = "<w:bidi/>" if self.rtl else ""
        member_num: int | None = None
        after_block = False
        for entry in composed.signatories.entries:
            for node, depth in entry.walk():
                content = _label_runs(entry_label(node, show), node.name, self.rtl)
                bidi = doc_bidi
                if depth:
                    if member_num is None:
                        member_num = self.numbering.add_num(self.numbering.bullet)
                    keep = "<w:keepNext/>" if node.children else ""
                    out.append(
                        f'<w:p><w:pPr><w:pStyle w:val="{member_id}"/>{keep}<w:numPr>'
                        f'<w:ilvl w:val="{min(depth - 1, 8)}"/><w:numId w:val="{member_num}"/>'
                        f"</w:numPr>{bidi}</w:pPr>{content}</w:p>"
                    )
                elif node.children:
                    out.append(
                        f'<w:p><w:pPr><w:pStyle w:val="{heading_id}"/><w:keepNext/>{bidi}'
                        f"</w:pPr>{content}</w:p>"
                    )
                    after_block = True
                else:
                    # A plain entry after a coalition's members starts a new block, as in text.
                    gap = '<w:spacing w:before="160"/>' if after_block else ""
                    out.append(
                        f'<w:p><w:pPr><w:pStyle w:val="{plain_id}"/>{bidi}{gap}</w:pPr>'
                        f"{content}</w:p>"
                    )
                    after_block = False
                if len(out) >= CHUNK:
                    full()
        hidden = one_line(unnamed_line(composed))
        if hidden:
            # "and 5 organizations that asked not to be named" ends the organizations.
            gap = '<w:spacing w:before="160"/>' if after_block else ""
            out.append(
                f'<w:p><w:pPr><w:pStyle w:val="{plain_id}"/>{doc_bidi}{gap}</w:pPr>'
                f"{run(hidden)}</w:p>"
            )
        people = list(individual_lines(composed))
        if people:
            heading = one_line(individuals_heading(composed))
            bidi = doc_bidi
            out.append(
                f'<w:p><w:pPr><w:pStyle w:val="{heading_id}"/><w:keepNext/>{bidi}'
                f"</w:pPr>{run(heading)}</w:p>"
            )
            for line in people:
                content = _label_runs(line.label, line.name, self.rtl)
                bidi = doc_bidi
                out.append(
                    f'<w:p><w:pPr><w:pStyle w:val="{plain_id}"/>{bidi}</w:pPr>{content}</w:p>'
                )

    # -- the Markdown body
    def markdown(self, source: str) -> None:
        from signon.markdown_walk import blocks

        nums: dict[int, int] = {}  # list key -> its numId
        for block in blocks(source):
            kind = block.kind
            if kind == "list-end":  # list items sit close together; the text after does not
                self._gap = 120
                continue
            for n, level in enumerate(block.lists):
                if level.key not in nums:
                    nums[level.key] = self._num_for(level, block.lists[n - 1] if n else None,
                                                    nums, n)
            if kind in ("heading", "paragraph"):
                content, text = self.inline(block.inline)
                depth = len(block.lists)
                if kind == "heading":
                    self.para(f"Heading {block.level}", content, text=text, keep_next=True)
                elif block.item_start:
                    ilvl = min(depth - 1, 8)
                    self.para("List Paragraph", content, text=text,
                              num=nums[block.lists[-1].key], ilvl=ilvl)
                elif depth:
                    self.para("List Paragraph", content, text=text,
                              indent=720 + 360 * min(depth - 1, 8))
                else:
                    self.para("Quote" if block.quote else "Body Text", content, text=text)
            elif kind == "code":
                for line in block.text.split("\n"):
                    self.para("Source Code", run(line, rtl=False))
            elif kind == "rule":
                self.para("Body Text", "", border=True)

    def _num_for(self, level: ListLevel, parent: ListLevel | None, nums: dict[int, int],
                 depth: int) -> int:
        # A bullet list inside a bullet list continues its numbering (Word shows the
        # nested level); each ordered list gets its own num, so it starts afresh.
        if not level.ordered:
            if parent is not None and not parent.ordered:
                return nums[parent.key]
            return int(self.numbering.add_num(self.numbering.bullet))
        return int(self.numbering.add_num(self.numbering.decimal, start=level.start,
                                          ilvl=min(depth, 8)))

    def inline(self, inline: list[Span | Link]) -> tuple[str, str]:
        """Runs for inline spans (bold, italic, code, links); returns (xml, plain text)."""
        out: list[str] = []
        plain: list[str] = []
        for item in inline:
            if isinstance(item, Link):
                runs = [self._run(s, link=True) for s in item.spans]
                plain += [s.text for s in item.spans]
                out.append(self.hyperlink(item.href, "".join(runs)))
            else:
                plain.append(item.text)
                out.append(self._run(item, link=False))
        return "".join(out), "".join(plain)

    def _run(self, span: Span, *, link: bool) -> str:
        if span.kind == "hard":
            return "<w:r><w:br/></w:r>"
        if span.kind == "soft":
            return run(" ")
        return run(span.text, bold=span.bold, italic=span.italic, code=span.kind == "code",
                   style=self.styles.id("Hyperlink") if link else "")

    def hyperlink(self, href: str, runs: str) -> str:
        href = xml_safe(href)
        if not href:
            return runs
        if href.startswith("#"):
            return f'<w:hyperlink w:anchor="{xa(href[1:])}" w:history="1">{runs}</w:hyperlink>'
        rid = self.document.part.relate_to(href, RT_HYPERLINK, is_external=True)
        return f'<w:hyperlink r:id="{rid}" w:history="1">{runs}</w:hyperlink>'

    def flush(self) -> None:
        """Parse the collected paragraphs and move them before the body's sectPr.

        Called every CHUNK paragraphs: the XML text of 20,000 names, joined and
        parsed at once, would double the export's peak memory.
        """
        from docx.oxml import parse_xml
        from docx.oxml.ns import qn

        body = self.document.element.body
        sect = body.find(qn("w:sectPr"))
        if sect is None:
            sect = parse_xml(f"<w:sectPr {NSDECL}/>")
            body.append(sect)
        if not self.out:
            return
        wrapper = parse_xml(f"<w:body {NSDECL}>{''.join(self.out)}</w:body>")
        self.out.clear()
        for child in list(wrapper):
            sect.addprevious(child)  # O(1) per element; body.insert(i, …) would be O(n)


# ------------------------------------------------------------------ the document


def check_reference(reference: Path) -> None:
    """Refuse a --reference-docx that is not a file, before anything is rendered."""
    if reference.is_dir():
        raise RefusedInput(
            f"reference document {reference} is a folder, not a Word file; give the path of "
            "a .docx file whose styles, margins, header and footer to use"
        )
    if not reference.is_file():
        raise RefusedInput(
            f"reference document {reference} does not exist; give the path of "
            "a .docx file whose styles, margins, header and footer to use"
        )


def open_document(reference: Path | None) -> Any:
    import docx

    if reference is None:
        document = docx.Document()
        _sober_styles(document)
        return document
    check_reference(reference)
    try:
        document = docx.Document(str(reference))
    except Exception as err:  # python-docx raises ValueError, KeyError, BadZipFile…
        raise RefusedInput(
            f"reference document {reference} is not a Word .docx file ({err}); save it from "
            "Word or LibreOffice as .docx (not .doc or .dotx) and try again"
        ) from None
    _clear_body(document)
    return document


# One family for every paragraph, as letters are typed: Georgia is on every Windows and
# Mac (LibreOffice substitutes a metric-alike serif); complex scripts (Arabic, Hebrew)
# take Times New Roman, which has them, where Georgia has not.
FONT = "Georgia"
COMPLEX_FONT = "Times New Roman"


def _sober_styles(document: Any) -> None:
    """Replace python-docx's template look with a letter's: no blue title over a rule.

    The template's styles (Calibri Light headings in blue, a 26 pt title with a
    coloured border) are dropped, all but the document defaults; :class:`Styles`
    then adds each one the letter uses with the formatting in ``Styles.PARAGRAPH``.
    """
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    element = document.styles.element
    for style in element.findall(qn("w:style")):
        if style.get(qn("w:default")) not in ("1", "true", "on"):
            element.remove(style)
    defaults = element.find(qn("w:docDefaults"))
    if defaults is None:
        return
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if rpr is not None:
        old = rpr.find(qn("w:rFonts"))
        fonts = parse_xml(
            f'<w:rFonts {NSDECL} w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}"'
            f' w:cs="{COMPLEX_FONT}"/>'
        )
        if old is not None:
            old.addprevious(fonts)
            rpr.remove(old)
        else:
            rpr.insert(0, fonts)
    ppr = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}")
    if ppr is not None:
        for spacing in ppr.findall(qn("w:spacing")):
            ppr.remove(spacing)
        # 6 pt after a paragraph, lines at 1.1: a letter's density, not a report's.
        ppr.append(
            parse_xml(f'<w:spacing {NSDECL} w:after="120" w:line="264" w:lineRule="auto"/>')
        )


def _page(document: Any, composed: Composed, override: str | None, reference: bool) -> None:
    """Paper size and margins; a reference document keeps its own unless a size is asked for."""
    from docx.shared import Twips

    if reference and explicit_paper(composed, override) is None:
        return
    page: Paper = paper(composed, override)
    section = document.sections[-1]
    section.page_width = Twips(page.width)
    section.page_height = Twips(page.height)
    if not reference:  # a letterhead's margins are drawn around its header and footer
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Twips(page.margin))


def _clear_body(document: Any) -> None:
    """Drop the reference document's content; its last section (page setup, header/footer) stays."""
    from docx.oxml.ns import qn

    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _page_numbers(document: Any, styles: Styles) -> None:
    """A centred PAGE field in the footer, unless the footer already numbers its pages."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    footer = document.sections[-1].footer
    if footer.is_linked_to_previous:
        footer.is_linked_to_previous = False
    element = footer._element
    for simple in element.iter(qn("w:fldSimple")):
        if "PAGE" in (simple.get(qn("w:instr")) or "").upper():
            return
    for instr in element.iter(qn("w:instrText")):
        if "PAGE" in (instr.text or "").upper():
            return
    paragraphs = element.findall(qn("w:p"))
    if len(paragraphs) == 1 and not "".join(paragraphs[0].itertext()).strip():
        element.remove(paragraphs[0])  # the empty paragraph of a new footer
    number = '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
    element.append(
        parse_xml(
            f'<w:p {NSDECL}><w:pPr><w:pStyle w:val="{xa(styles.id("Footer"))}"/>'
            f'<w:jc w:val="center"/></w:pPr>{number}</w:p>'
        )
    )


def _properties(document: Any, composed: Composed) -> None:
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props = document.core_properties
    props.title = one_line(composed.title)[:255]
    props.subject = one_line("; ".join(composed.recipients) or composed.title)[:255]
    props.created = now
    props.modified = now
    props.author = ""
    props.last_modified_by = GENERATOR
    props.comments = ""
    props.keywords = ""
    props.category = ""
    props.content_status = ""
    props.identifier = ""
    props.revision = 1
    props.language = language_tag(composed.language)
    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT_THUMBNAIL:
            # python-docx's template carries its own preview image; file browsers would show it.
            del package.rels[rid]
    app = next(
        (rel for rel in package.rels.values() if rel.reltype == RT_APP and not rel.is_external),
        None,
    )
    if app is not None:
        # The "application" that wrote the file: how signon recognizes its own output
        # (Word and LibreOffice put their own name here when they save a change).
        app.target_part._blob = APP_XML.encode("utf-8")
    else:
        from docx.opc.packuri import PackURI
        from docx.opc.part import Part

        part = Part(PackURI("/docProps/app.xml"), CT_APP, APP_XML.encode("utf-8"), package)
        package.relate_to(part, RT_APP)


def _language(document: Any, composed: Composed) -> None:
    """Spelling language of the text: the letter's, not the template's."""
    from docx.oxml.ns import qn

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        return
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if rpr is None:
        return
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        from docx.oxml import parse_xml

        lang = parse_xml(f"<w:lang {NSDECL}/>")
        rpr.append(lang)
    tag = language_tag(composed.language)
    lang.set(qn("w:bidi" if language_is_rtl(composed.language) else "w:val"), tag)


def build(
    composed: Composed, *, reference: Path | None = None, paper_name: str | None = None
) -> tuple[Any, BodyWriter]:
    """The python-docx Document for ``composed``, and the writer holding the spliced lists.

    ``paper_name`` ("a4" or "letter") overrides the letter's paper.
    """
    document = open_document(reference)
    _page(document, composed, paper_name, reference is not None)
    styles = Styles(document)
    numbering = Numbering(document)
    writer = BodyWriter(document, styles, numbering, rtl=language_is_rtl(composed.language))
    writer.head(composed)
    parts = composed.body_parts()
    labels = list_labels(composed)
    for n, part in enumerate(parts):
        if part.strip():
            writer.markdown(part)
        if n < len(parts) - 1:
            writer.signatories(composed, labels[n])
    writer.flush()
    _page_numbers(document, styles)
    _properties(document, composed)
    _language(document, composed)
    return document, writer


def _splice(package: bytes, part: str, lists: dict[str, list[bytes]]) -> bytes:
    """The saved package with each list's XML in place of its marker paragraph."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(package))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == part:
                pieces: list[bytes] = []
                pos = 0
                for marker, chunks in lists.items():  # markers are in document order
                    at = data.index(marker.encode("ascii"), pos)
                    start = data.rindex(b"<w:p", pos, at)
                    end = data.index(b"</w:p>", at) + len(b"</w:p>")
                    pieces += [data[pos:start], *chunks]
                    pos = end
                pieces.append(data[pos:])
                data = b"".join(pieces)
            target.writestr(info, data)
    return buffer.getvalue()


def render(
    composed: Composed, *, reference: Path | None = None, paper_name: str | None = None
) -> bytes:
    document, writer = build(composed, reference=reference, paper_name=paper_name)
    buffer = io.BytesIO()
    document.save(buffer)
    if not writer.spliced:
        return buffer.getvalue()
    part = str(document.part.partname).lstrip("/")
    spliced = writer.spliced
    del document, writer  # the tree can go before the package is rewritten
    return _splice(buffer.getvalue(), part, spliced)
