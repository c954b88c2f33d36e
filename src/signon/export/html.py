"""HTML: one standalone, accessible page a coalition can publish as is.

No external assets (fonts, scripts, stylesheets): the page works offline, in
a CMS's "paste HTML" box and in an e-mail archive.  Names are escaped and
wrapped in ``<bdi>`` so that an Arabic or Hebrew name cannot reorder the
country or punctuation printed after it.  The Markdown body is rendered with
raw HTML disabled: a letter cannot smuggle a script into the page either.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from signon.compose import Composed
from signon.export._model import (
    Line,
    has_signatories,
    individual_lines,
    individuals_heading,
    language_is_rtl,
    language_tag,
    one_line,
    organization_lines,
    xml_safe,
)
from signon.letterlocale import list_labels, paper, unnamed_line, written_date

GENERATOR = "signon"

STYLE = """\
:root { color-scheme: light dark; }
body { margin: 0; font: 1.0625rem/1.55 Georgia, "Times New Roman", "DejaVu Serif", serif; }
main { max-width: 42rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 .5rem; }
h2, h3, h4, h5, h6 { line-height: 1.3; margin: 1.75rem 0 .5rem; }
.meta { color: #4d4d4d; margin: 0 0 1.5rem; }
@media (prefers-color-scheme: dark) { .meta { color: #bdbdbd; } }
a { color: LinkText; }
.signatories, .individuals { list-style: none; padding: 0; margin: 1.25rem 0; }
/* A long name's second line is indented, as in the text and Word versions. */
.signatories > li, .individuals > li {
  margin: 0 0 .15rem; padding-left: 1.5em; text-indent: -1.5em;
}
.signatories > li > ul { margin-left: -1.5em; text-indent: 0; }
.signatories > li.coalition { margin: .75rem 0; }
.signatories > li.unnamed { margin-top: .5rem; }
.signatories ul { list-style: disc; margin: .2rem 0 .2rem 0; padding-left: 1.75rem; }
.signatories ul ul { list-style: circle; }
.signatories-label { margin: 1.5rem 0 .5rem; }
.signatories-label + .signatories { margin-top: 0; }
.individuals-heading { margin: 1.75rem 0 .25rem; }
.individuals-heading + .individuals { margin-top: 0; }
@page { size: PAPER; margin: 2.5cm; }
@media print {
  :root { color-scheme: light; }
  body { font-size: 11pt; line-height: 1.4; color: #000; background: #fff; }
  .meta { color: #000; }
  main { max-width: none; padding: 0; }
  a { color: inherit; }
  main p a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 90%; }
  h1, h2, h3, h4, h5, h6, .signatories-label, .individuals-heading { break-after: avoid; }
  li { break-inside: avoid; }
  li.coalition { break-inside: auto; }
}
"""


def esc(text: str) -> str:
    return html.escape(one_line(text), quote=True)


def _label(line: Line) -> str:
    """The label with its name isolated for the bidi algorithm (names can be RTL)."""
    name, rest = line.parts()
    return f"<bdi>{html.escape(name)}</bdi>{html.escape(rest)}" if rest else html.escape(name)


def _nested_list(lines: list[Line], css_class: str) -> list[str]:
    """Nested ``<ul>`` from the lines' depths (each line at most one deeper than the last)."""
    out: list[str] = []
    depth = -1
    for line in lines:
        if line.depth > depth:
            out.append(f'<ul class="{css_class}">' if depth < 0 else "<ul>")
            depth += 1
        else:
            out[-1] += "</li>"
            while depth > line.depth:
                out.append("</ul></li>")
                depth -= 1
        out.append(f'<li class="{line.kind}">{_label(line)}')
    if depth >= 0:
        out[-1] += "</li>"
        out += ["</ul></li>"] * depth
        out.append("</ul>")
    return out


def list_html(composed: Composed, label: str = "") -> str:
    out = [f'<p class="signatories-label">{esc(label)}</p>'] if label else []
    lines = list(organization_lines(composed))
    hidden = unnamed_line(composed)
    if hidden:  # the last item of the organizations' list
        lines.append(Line(label=hidden, name=hidden, kind="unnamed", depth=0))
    out += _nested_list(lines, "signatories")
    people = list(individual_lines(composed))
    if people:
        out.append(f'<p class="individuals-heading">{esc(individuals_heading(composed))}</p>')
        out += _nested_list(people, "individuals")
    return "\n".join(out)


def _markdown() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False})


def body_html(markdown: str, md: Any, shift: int) -> str:
    tokens = md.parse(markdown)
    for tok in tokens:
        if tok.type in ("heading_open", "heading_close"):
            tok.tag = f"h{min(int(tok.tag[1]) + shift, 6)}"
    return str(md.renderer.render(tokens, md.options, {}))


def heading_shift(parts: list[str], md: Any) -> int:
    """Levels to move the body's headings down so that they start at <h2>.

    The page's only <h1> is the letter's title; a body that starts its
    headings at "#" is shifted, one that starts at "##" is kept, so that no
    heading level is skipped (screen readers navigate by them).
    """
    levels = [
        int(tok.tag[1]) for part in parts for tok in md.parse(part) if tok.type == "heading_open"
    ]
    return max(0, 2 - min(levels)) if levels else 0


def _date_html(composed: Composed) -> str:
    """The date as the letter's language writes it, machine-readable in ``datetime``."""
    shown = written_date(composed)
    try:
        iso = dt.date.fromisoformat(composed.date.strip()).isoformat()
    except ValueError:
        return esc(shown)
    return f'<time datetime="{iso}">{esc(shown)}</time>'


def render(composed: Composed, *, paper_name: str | None = None) -> bytes:
    """The page; ``paper_name`` ("a4" or "letter") sets the printed size as for Word."""
    md = _markdown()
    lang = language_tag(composed.language)
    direction = "rtl" if language_is_rtl(composed.language) else "ltr"
    title = composed.title or composed.letter.slug
    parts: list[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{html.escape(lang, quote=True)}" dir="{direction}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="{GENERATOR}">',
        f"<title>{esc(title)}</title>",
        f"<style>\n{STYLE.replace('PAPER', paper(composed, paper_name).css)}</style>",
        "</head>",
        "<body>",
        "<main>",
        "<article>",
    ]
    head: list[str] = []
    if composed.title:
        head.append(f"<h1>{esc(composed.title)}</h1>")
    meta: list[str] = []
    if composed.date:
        meta.append(_date_html(composed))
    meta += [f"To: {esc(r)}" for r in composed.recipients]
    if meta:
        head.append('<p class="meta">' + "<br>\n".join(meta) + "</p>")
    if head:
        parts += ["<header>", *head, "</header>"]
    body_parts = composed.body_parts()
    labels = list_labels(composed)
    has_list = has_signatories(composed)
    shift = heading_shift(body_parts, md)
    for n, part in enumerate(body_parts):
        if part.strip():
            parts.append(body_html(part, md, shift).rstrip("\n"))
        if n < len(body_parts) - 1 and has_list:
            parts.append(list_html(composed, labels[n]))
    parts += ["</article>", "</main>", "</body>", "</html>"]
    return xml_safe("\n".join(parts) + "\n").encode("utf-8")
