"""Lines: plain lines, bullets and numbered items, one name a block.

Every block of the region that no other reader took is one line: a name ("Acceso Libre,
Venezuela"), a section heading ("**Organisations**", "Individuals:"), a group label
("Global", "National organisations", "Ukraine:"), or a paragraph of prose printed inside
the list, which is left out with a note.  Bullets, numbers (on the line or alone before
it) and Word's list numbering are already read by the format readers into list items
with a depth; this reader keeps that depth for the nesting stage (coalitions.py).

After reading, a line that begins with a lower-case "do", "of", "and" continues the name
above it, wrapped onto a line of its own, and the two are read as one:

    Margarida Maria Seabra Prado de Mendonça- advogada, professora doutora em Filosofia
    do Direito, conselheira do CEDCA pela OAB/RJ

and so does a line after one that ends in a lower-case "de", "of", "and" (no name ends
there):

    Cooperativa Mista de Produção, Comercialização e Industrialização de
    Biocombustíveis, Alimentos e Agricultura Familiar do Oeste do Paraná – Oestebio

Corpus letters that show it: tests/corpus/en-drw-assange (plain lines under
"**Organisations**"), tests/corpus/de-ffii-nl-firmen (bullets under a wiki heading),
tests/corpus/pt-mst-lei-antiterrorismo (a name wrapped over two lines).
"""

from __future__ import annotations

from signon.importers.blocks import Block
from signon.importers.model import Line, Note
from signon.importers.names import ends_sentence, is_cue, is_furniture, name_score, section_kind
from signon.importers.people import THRESHOLDS, is_group_label, label_country
from signon.importers.wordlists import CONTINUATION_WORDS, WRAP_ENDINGS

_CONTINUATIONS = frozenset(CONTINUATION_WORDS)
_WRAP_ENDINGS = frozenset(WRAP_ENDINGS)


def is_label(block: Block) -> bool:
    """A group label inside a list ("Global", "National organisations", "Ukraine:")."""
    text = block.text
    if block.label or is_group_label(text):
        return True
    return (block.kind == "heading" or text.endswith(":")) and bool(label_country(text))


def _prose_inside(block: Block) -> bool:
    """A description or a sentence printed among the names, never a name itself."""
    text = block.text
    if len(text) > THRESHOLDS["name_chars"]:
        return True  # no roster name is that long
    words = len(text.split())
    if block.kind == "item" or words <= THRESHOLDS["prose_words"]:
        return False
    if name_score(text, in_list=True) > THRESHOLDS["prose_name"]:
        return False
    return words > THRESHOLDS["line_in_list_words"] or ends_sentence(text)


def rejoin_wrapped(lines: list[Line], notes: list[Note]) -> list[Line]:
    """A line that begins with a lower-case "do", "of", "and" continues the name above it,
    wrapped ("… professora doutora em Filosofia" / "do Direito, conselheira …"), as does a
    line after one ending in such a word ("… Industrialização de" / "Biocombustíveis …")."""
    out: list[Line] = []
    for line in lines:
        first = line.text.split(None, 1)[0] if line.text else ""
        before = out[-1] if out else None
        last = before.text.rsplit(None, 1)[-1] if before is not None and before.text else ""
        if (
            before is not None
            # A name that cannot end where it does goes on in the next block, even in a
            # paragraph of its own (an editor's hard wrap pasted as one <p> a line).
            and (
                (first in _CONTINUATIONS and before.group == line.group)
                or (last in _WRAP_ENDINGS and before.index + 1 == line.index)
            )
            and not line.section
            and not before.section
            and line.place is None
            and line.person is None
            and before.depth == line.depth
            and not before.text.endswith((".", ";", ":"))
        ):
            notes.append(
                Note(
                    "import-repair",
                    f"{line.text!r} continues the name above it, {before.text!r}; read as one",
                    line.line or None,
                )
            )
            before.text = f"{before.text} {line.text}"
            before.joined += [line.index, *line.joined]
            continue
        out.append(line)
    return out


def lone_label(lines: list[Line], notes: list[Note]) -> list[Line]:
    """A list's only group label, of two words or more, printed in the run of names around
    it (no colon, no line of its own), is a name made of label words: "Grassroots
    International" first under "Organizações:" labels no group, as "Global" over "Regional"
    would."""
    labels = [n for n, line in enumerate(lines) if line.section == "label"]
    if len(labels) != 1:
        return lines
    n = labels[0]
    line = lines[n]
    text = line.text.strip()
    if (
        text.endswith(":")
        or text.startswith(("*", "_"))
        or len(text.split()) < 2
        or n + 1 >= len(lines)
        or lines[n + 1].group != line.group
        or lines[n + 1].section
    ):
        return lines
    line.section = ""
    notes.append(Note("import-repair", f"{text!r} is the list's only group label and is "
                      "printed among the names: read as a name", line.line or None,
                      index=line.index))
    return lines


def span(blocks: list[Block], i: int, end: int) -> int:
    """Any block is a line of its own."""
    return i + 1


def read(blocks: list[Block], i: int, j: int, notes: list[Note]) -> list[Line]:
    """The lines of ``blocks[i:j]``: names, section headings and group labels; a paragraph
    of prose inside the list is left out, with a note."""
    out: list[Line] = []
    for n in range(i, j):
        block = blocks[n]
        text = block.text
        section = section_kind(text) if block.kind != "item" or text.endswith(":") else ""
        if not section and (is_label(block) or (text.endswith(":") and is_cue(text))):
            section = "label"
        if section:
            out.append(Line(text, block.depth, block.group, block.line, section=section, index=n))
        elif (block.kind == "para" and block.prose_lines > 1 and name_score(text) == 0) or (
            _prose_inside(block)
        ):
            notes.append(
                Note(
                    "import-skipped",
                    f"skipped a paragraph inside the list: {text[:60]!r}…",
                    block.line or None,
                    index=n,
                )
            )
        elif block.text and not is_furniture(text):
            out.append(Line(text, block.depth, block.group, block.line, index=n))
    return out
