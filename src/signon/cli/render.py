"""How the CLI shows things: counted words, lists of names in a sentence, tables that fit.

The library returns data; everything here turns it into text for a terminal.
Tables are built to the console's width: the columns a user types from (ids,
slugs) are never cut, the others fold or give way, and a wider terminal shows
more columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

def plural(n: int, word: str) -> str:
    """``"1 letter"``, ``"3 letters"``, ``"2 roster entries"``: never "letter(s)".

    English only (the CLI's own words); "-y" after a consonant takes "-ies".
    """
    if n == 1:
        return f"{n} {word}"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u"):
        return f"{n} {word[:-1]}ies"
    return f"{n} {word}s"


def in_words(items: Sequence[str], *, limit: int = 8) -> str:
    """``"A"``, ``"A and B"``, ``"A, B and C"``; past ``limit``, ``"A, B … and 12 others"``."""
    items = list(items)
    if len(items) > limit:
        shown = items[: limit - 1]
        return f"{', '.join(shown)} and {len(items) - len(shown)} others"
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def entry_names(roster: Any, ids: Sequence[str]) -> list[str]:
    """ "Name (id)" for each roster id (the id alone if the roster no longer has it)."""
    out = []
    for eid in ids:
        entry = roster.entries.get(eid)
        out.append(f"{entry.name} ({eid})" if entry is not None else eid)
    return out


def shown_path(path: Path) -> str:
    """A path as the user would type it: relative to the current folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


# ------------------------------------------------------------------ tables


@dataclass
class Column:
    """A column of a table that fits the terminal.

    ``key``: what the user types (an id, a slug): always shown, never cut or wrapped.
    ``priority``: the other columns are shown in this order while they fit (0: always);
    a wider terminal shows more of them.  ``flexible`` columns (names, titles) wrap
    to make room, never below ``min_width``.
    """

    header: str
    priority: int = 0
    key: bool = False
    flexible: bool = False
    justify: str = "left"
    min_width: int = 16
    cells: list[Any] = field(default_factory=list)


def fitted_table(
    console: Console, columns: list[Column], *, title: Any = None, show_header: bool = True
) -> Table:
    """The table of the columns that fit the console's width, in their given order."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    width = console.size.width
    gap = 2  # between columns: one cell of padding each side, no rules

    def natural(column: Column) -> int:
        cells = [Text(column.header) if show_header else Text(""), *column.cells]
        return max(Text(c).cell_len if isinstance(c, str) else c.cell_len for c in cells)

    def need(column: Column) -> int:
        size = natural(column)
        return min(size, column.min_width) if column.flexible else size

    chosen = [c for c in columns if c.key or c.priority == 0]
    for column in sorted((c for c in columns if c not in chosen), key=lambda c: c.priority):
        trial = [c for c in columns if c in chosen or c is column]
        if sum(need(c) for c in trial) + gap * (len(trial) - 1) <= width:
            chosen.append(column)
    shown = [c for c in columns if c in chosen]
    table = Table(
        title=title,
        title_justify="left",
        box=box.SIMPLE_HEAD if show_header else None,
        show_header=show_header,
        show_edge=False,
        pad_edge=False,
        padding=(0, 1),
        # With a header, its rule's column separator makes the two-cell gap; without
        # one, the two paddings do.
        collapse_padding=show_header,
        header_style="bold",
    )
    for column in shown:
        table.add_column(
            column.header,
            justify=column.justify,  # type: ignore[arg-type]
            no_wrap=not column.flexible,
            overflow="fold",
            min_width=natural(column) if column.key else (
                min(natural(column), column.min_width) if column.flexible else None),
        )
    for row in zip(*(c.cells for c in shown), strict=True):
        table.add_row(*row)
    return table


def print_table(table: Any) -> None:
    """Print a rich renderable without the trailing spaces rich pads its lines with."""
    import sys

    from signon.cli._common import get_console

    console = get_console()
    with console.capture() as captured:
        console.print(table)
    sys.stdout.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))


def text(value: str, **kw: Any) -> Any:
    """A name as rich Text: printable, never markup."""
    from rich.text import Text

    from signon.text import printable

    return Text(printable(value), **kw)


# ------------------------------------------------------------------ orgs, letters, show


def orgs_table(console: Console, entries: Sequence[Any], total: int) -> Table:
    """``signon orgs``: id and name first (the id whole); country, kind, aliases as room allows."""
    ids = Column("id", key=True)
    name = Column("name", flexible=True, min_width=20)
    country = Column("country", priority=1, flexible=True, min_width=10)
    kind = Column("kind", priority=2)
    aliases = Column("aliases", priority=3, flexible=True, min_width=16)
    website = Column("website", priority=4, flexible=True, min_width=16)
    for entry in entries:
        ids.cells.append(text(entry.id))
        name.cells.append(text(entry.name))
        country.cells.append(text(entry.country))
        kind.cells.append(text(f"coalition ({len(entry.members)})" if entry.is_coalition
                               else "organization"))
        aliases.cells.append(text(", ".join(entry.aliases)))
        website.cells.append(text(getattr(entry, "website", "") or ""))
    columns = [ids, name, country, kind, aliases, website]
    columns = [c for c in columns if c.priority == 0 or any(str(x) for x in c.cells)]
    return fitted_table(console, columns,
                        title=text(f"{len(entries)} of {plural(total, 'roster entry')}"))


def letters_table(console: Console, results: Sequence[Any]) -> Table:
    """``signon letters``: the slug whole (it is what one types), the check, counts, title."""
    from rich.text import Text

    slug = Column("letter", key=True)
    check = Column("check", priority=0)
    orgs = Column("orgs", priority=1, justify="right")
    title = Column("title", priority=2, flexible=True, min_width=16)
    entries = Column("entries", priority=3, justify="right")
    names = Column("names", priority=3, justify="right")
    people = Column("individuals", priority=4, justify="right")
    for r in results:
        c = r.counts
        slug.cells.append(text(r.letter))
        title.cells.append(text(r.title))
        check.cells.append(
            Text("unreadable", style="red") if r.unreadable
            else Text("ok", style="green") if r.ok
            else Text(plural(len(r.errors), "error"), style="red")
        )
        for column, value in ((orgs, c.organizations), (entries, c.entries),
                              (names, c.names), (people, c.individuals)):
            column.cells.append(Text(str(value)))
    return fitted_table(console, [slug, orgs, entries, names, people, check, title],
                        title=text(plural(len(results), "letter")))


def show_table(console: Console, rows: Sequence[tuple[str, str, bool]]) -> Table:
    """``signon show``: field and value; values wrap under themselves."""
    from rich.text import Text

    from signon.text import printable

    keys = Column("", key=True)
    values = Column("", flexible=True, min_width=20)
    for key, value, multiline in rows:
        keys.cells.append(Text(key, style="bold"))
        values.cells.append(Text(printable(value, multiline=multiline)))
    return fitted_table(console, [keys, values], show_header=False)


# ------------------------------------------------------------------ stats and diff


def stats_renderables(stats: Any, *, top: int = 0, width: int = 80) -> list[Any]:
    """What ``signon stats`` prints, in order (names as Text, never markup).

    ``top``: at most that many country and coalition rows (0: all); the rest are
    replaced by one "… N more" line, so a letter with 300 coalitions still fits on
    a screen (``--json`` always has every row).  That line has no count: coalition
    rows overlap when coalitions nest, so their sum would mean nothing.  The bars
    give way to the names on a narrow terminal (``width``).
    """
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from signon.collation import sort_key
    from signon.stats import BAR_WIDTH, DIRECT, NOT_NAMED, Row, _sorted, bar, share

    # Room for a 20-cell name, the count and share columns; what is left draws the bars.
    bars = min(BAR_WIDTH, width - 40)

    c = stats.counts
    head = text(f"{stats.title} ({stats.letter})" if stats.title else stats.letter,
                style="bold")
    head.append(f"\n{c.summary()}; the letter counts {stats.rule}")
    if stats.unnamed:
        head.append(f"\n{plural(stats.unnamed, 'organization')} asked not to be named"
                    + (" (included below, as asked)" if stats.include_unnamed
                       else " (counted, not itemized; --include-unnamed to tally them)"))
    out: list[Any] = [head]
    if not c.entries and not c.individuals:
        out.append(Text(f"No signatures yet; record them with `signon sign {stats.letter} ID…`."))
        return out

    def table(title: str, label: str, rows: list[Row], total: int | None,
              more: str = "") -> Any:
        # No outer edge: the tables are read in a terminal and pasted into e-mails.
        t = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, show_edge=False,
                  title_style="bold", pad_edge=False)
        t.add_column(label, overflow="fold")
        t.add_column("count", justify="right", no_wrap=True)
        if total is not None:
            t.add_column("share", justify="right", no_wrap=True)
        if bars >= 8:
            t.add_column("", no_wrap=True)
        largest = max((row.count for row in rows), default=0)
        hidden = len(rows) - top if more and top and len(rows) > top else 0
        for row in rows[:top] if hidden else rows:
            name = text(row.label)
            if row.parent_name:  # a nested coalition: say where it sits
                name.append(f" (in {text(row.parent_name)})", style="dim")
            cells: list[Any] = [name, str(row.count)]
            if total is not None:
                cells.append(share(row.count, total))
            if bars >= 8:
                cells.append(Text(bar(row.count, largest, bars), style="cyan"))
            t.add_row(*cells)
        if hidden:
            # A line under the table rather than a row, which would widen the first column.
            return Group(t, Text(f"… {hidden} more {more} (--top 0 shows all)", style="dim"))
        return t

    # Kinds are not parts of one whole (a coalition is not a signatory unless it
    # counts, individuals are counted apart), so that table has no share column.
    out.append(table("By kind", "kind", _sorted(stats.by_kind, sort_key("en"),
                                                  last=lambda row: row.label == "not named"),
                     None))
    hidden = [Row(NOT_NAMED, stats.unnamed)] if stats.unnamed and not stats.include_unnamed \
        else []
    out.append(table("By country (organizations)", "country", [*stats.by_country, *hidden],
                     c.organizations, "countries"))
    if stats.by_coalition:
        rows = _sorted([*stats.by_coalition, Row(DIRECT, stats.direct)], sort_key(stats.language),
                       last=lambda row: row.label == DIRECT)
        rows += hidden
        out.append(table("By coalition (organizations)", "coalition", rows, c.organizations,
                         "coalitions"))
    return out


def diff_renderables(result: Any) -> list[Any]:
    """The lines ``signon diff`` prints, as rich Text (names are data, never markup).

    A long line wraps under its own text, after the "+ " mark.
    """
    from rich.padding import Padding
    from rich.text import Text

    from signon.diff import _describe, describe_baseline

    out: list[Any] = [text(f"{result.letter}: {describe_baseline(result.baseline)}",
                           style="bold")]
    out += [text(sentence) for sentence in result.sentences()]
    then, now = result.baseline.counts.as_dict(), result.now.as_dict()
    counts = Text("Counts: ")
    counts.append("; ".join(
        f"{key} {then[key]} → {now[key]}" + (f" ({now[key] - then[key]:+d})"
                                            if now[key] != then[key] else "")
        for key in now))
    out.append(counts)

    def section(title: str, mark: str, style: str, lines: list[str]) -> None:
        if not lines:
            return
        out.append(Text(""))
        out.append(Text(f"{title} ({len(lines)})", style="bold"))
        for line in lines:
            item = Text(f"{mark} ", style=style)
            item.append(text(line))
            out.append(Padding(_hanging(item, 2), (0, 0, 0, 2)))

    section("Added", "+", "green", [_describe(i, withdrawn=False) for i in result.added])
    section("Withdrawn", "-", "red", [_describe(i, withdrawn=True) for i in result.withdrawn])
    section("Renamed", "~", "yellow", [f"{r.old} → {r.new}" for r in result.renamed])
    section("Individuals added", "+", "green",
            [p.name + (f", signed {p.date}" if p.date else "") for p in result.individuals_added])
    section("Individuals withdrawn", "-", "red",
            [p.name + (f", withdrew {p.date}" if p.date else "")
             for p in result.individuals_withdrawn])
    return out


def _hanging(item: Any, indent: int) -> Any:
    """``item`` whose continuation lines start ``indent`` cells in (under its text)."""
    from rich.table import Table

    mark, rest = item[:indent], item[indent:]
    grid = Table.grid()
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row(mark, rest)
    return grid


# ------------------------------------------------------------------ import previews

PREVIEW_ROWS = 12  # rows a dry run shows before it summarizes the rest


def preview_table(
    console: Console, columns: list[Column], *, title: str, more: str, limit: int = PREVIEW_ROWS
) -> Any:
    """The first ``limit`` rows of a preview, then one line saying how many more there are.

    A form export of 300 responses is checked by its summary and a sample, not by
    300 wrapped rows; ``--json`` has every row.
    """
    from rich.console import Group
    from rich.text import Text

    total = len(columns[0].cells) if columns else 0
    if total > limit:
        for column in columns:
            del column.cells[limit:]
    table = fitted_table(console, columns, title=text(title))
    if total <= limit:
        return table
    return Group(table, Text(f"… {total - limit} more {more} (--json lists them all)",
                             style="dim"))
