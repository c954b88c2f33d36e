"""The list shapes the letter importer reads, one module each, registered here.

The pipeline (``importers/listparse.py``) runs these stages, in this order:

1. **Rewrites** (:data:`REWRITES`): shapes hidden inside prose, rewritten into the
   document's blocks before the list is looked for (``sentence``: "A, B, C und D." into
   one list item a name).  Each takes the :class:`~signon.importers.blocks.Document` and
   changes its blocks in place.
2. **Region** (``importers/region.py``): every block judged, runs of names scored, the
   best run (or the user's ``--start``/``--end``) taken.  Judging asks two shapes what
   they know: the table reader which cell of a row is its name, and the unnamed reader
   (``unnamed``) whether a line counts signatories who asked not to be named.
3. **Block readers** (:data:`READERS`): the region's blocks into :class:`Line` s.  Each
   reader is a :class:`BlockReader`: ``span`` says how many blocks from ``i`` on are of
   its shape (none: ``i``), ``read`` turns them into lines.  The first reader whose span
   is not empty reads them, so the catch-all (``lines``) comes last.
4. **Line repairs** (:data:`LINE_REPAIRS`): lines that belong together joined (a name
   wrapped onto a line of its own; a signature block, a name over its title, by
   ``representatives``).
5. **Nesting** (``coalitions``): the lines of each part of the list (between its section
   headings and group labels) into entries, coalition headings ("X (on behalf of …):")
   with their members, repairing a heading printed one level too deep.
6. **Classification** (``importers/classify.py``): in a part that does not say what it
   holds, the people told from the organizations, after asking ``company_heads`` whether
   the letter's signers are companies signed by their heads and ``representatives``
   whether they are organizations signed by their people; in a part of organizations, a
   person signing for one read as its signature (``representatives``); then the repairs
   of ``importers/repairs.py``.

Adding a shape: a module here with ``span`` and ``read`` (or a rewrite), a line in the
right tuple below, a test file ``tests/importers/shapes/test_<module>.py`` on an excerpt
of the corpus letter that shows it, and that letter in ``tests/corpus/``.  Thresholds go
in ``people.THRESHOLDS``, named.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from signon.importers.blocks import Block, Document
from signon.importers.model import Line, Note
from signon.importers.shapes import lines, representatives, sentence, tables


@dataclass(frozen=True)
class Rewrite:
    """A shape hidden inside prose, rewritten into the document's blocks in place."""

    name: str
    rewrite: Callable[[Document], None]


@dataclass(frozen=True)
class BlockReader:
    """A reader of one shape of blocks inside the signatory region."""

    name: str
    # (blocks, i, end) -> one past the last block of this shape from ``i`` on (<= end)
    span: Callable[[list[Block], int, int], int]
    # (blocks, i, j, notes) -> the lines of blocks[i:j]; what it leaves out, noted
    read: Callable[[list[Block], int, int, list[Note]], list[Line]]


@dataclass(frozen=True)
class LineRepair:
    """A repair of the lines the readers read (lines that belong together, joined)."""

    name: str
    repair: Callable[[list[Line], list[Note]], list[Line]]


REWRITES: tuple[Rewrite, ...] = (Rewrite("sentence", sentence.split_lists),)

READERS: tuple[BlockReader, ...] = (
    BlockReader("tables", tables.span, tables.read),
    BlockReader("lines", lines.span, lines.read),  # any block: last
)

LINE_REPAIRS: tuple[LineRepair, ...] = (
    LineRepair("a lone label", lines.lone_label),
    LineRepair("wrapped lines", lines.rejoin_wrapped),
    LineRepair("signature blocks", representatives.join_signature_blocks),
)


def read_lines(
    blocks: list[Block], start: int, end: int, notes: list[Note], gaps: set[int]
) -> list[Line]:
    """The lines of the region ``blocks[start:end]``, but for the blocks in ``gaps``."""
    out: list[Line] = []
    i = start
    while i < end:
        if i in gaps:
            i += 1
            continue
        for reader in READERS:
            j = reader.span(blocks, i, end)
            if j > i:
                out += reader.read(blocks, i, j, notes)
                i = j
                break
        else:
            i += 1
    # A group label names the entries after it; one that ends the list has none, so it is a
    # name made of such words ("Regional Society", "Civil Society"), not a label.
    if out and out[-1].section == "label" and not out[-1].text.rstrip().endswith(":"):
        out[-1].section = ""
    for repair in LINE_REPAIRS:
        out = repair.repair(out, notes)
    return out
