"""TOML writing in exactly tomli-w's layout, faster.

tomli-w escapes strings one character at a time in Python; on a
10,000-organization roster that alone costs ~0.12 s, which every ``add-org``
would pay, and a 5,000-signature record as much again on every ``sign`` and
``export``.  This module follows tomli-w's algorithm (which keys become
``key = value`` lines, which tables inline, which arrays of tables expand,
how arrays indent) but formats plain strings with one regular-expression test
instead of a loop.  Values it has no fast form for (floats, dates, times) are
formatted by tomli-w itself.  The output is byte-for-byte ``tomli_w.dumps``:
property tests hold the two to that, so tomli-w remains the definition of the
canonical layout.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping
from typing import Any

# Characters tomli-w escapes in a basic string (every ASCII control but tab, quote, backslash).
_NEEDS_ESCAPE = re.compile(r'[\x00-\x08\x0a-\x1f\x7f"\\]')
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_INDENT = "    "
_MAX_LINE = 100  # tomli-w inlines an array of tables only when each row fits in this


def _string(value: str) -> str:
    if _NEEDS_ESCAPE.search(value) is None:
        return f'"{value}"'
    import tomli_w

    return tomli_w.dumps({"v": value})[4:-1]


_KEYS: dict[str, str] = {}


def _key(key: str) -> str:
    # Roster keys repeat tens of thousands of times (name, country…): format each once.
    found = _KEYS.get(key)
    if found is None:
        found = key if _BARE_KEY.fullmatch(key) else _string(key)
        if len(_KEYS) < 4096:
            _KEYS[key] = found
    return found


def _literal(value: Any, nest: int, cache: dict[int, str]) -> str:
    kind = type(value)
    if kind is str:
        return _string(value)
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return str(value)
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        inner = _INDENT * (nest + 1)
        items = ",\n".join(inner + _literal(item, nest + 1, cache) for item in value)
        return f"[\n{items},\n{_INDENT * nest}]"
    if isinstance(value, Mapping):
        return _inline(value, cache)
    import tomli_w  # floats, dates, times: rare here, formatted by the reference itself

    return tomli_w.dumps({"v": value})[4:-1]


def _inline(table: Mapping[str, Any], cache: dict[int, str]) -> str:
    # Each row of an array of tables is rendered to decide whether it fits on a line,
    # then written: like tomli-w, remember the rendering for the second time.
    found = cache.get(id(table))
    if found is None:
        if not table:
            found = "{}"
        else:
            found = "{ " + ", ".join(f"{_key(k)} = {_literal(v, 0, cache)}"
                                     for k, v in table.items()) + " }"
        cache[id(table)] = found
    return found


def _is_aot(value: Any) -> bool:
    return (isinstance(value, (list, tuple)) and bool(value)
            and all(isinstance(v, Mapping) for v in value))


def _fits_inline(table: Mapping[str, Any], cache: dict[int, str]) -> bool:
    rendered = f"{_INDENT}{_inline(table, cache)},"
    return len(rendered) <= _MAX_LINE and "\n" not in rendered


def _chunks(table: Mapping[str, Any], name: str, cache: dict[int, str],
            inside_aot: bool = False) -> Iterator[str]:
    yielded = False
    literals: list[tuple[str, Any]] = []
    tables: list[tuple[str, Any, bool]] = []
    for key, value in table.items():
        if isinstance(value, Mapping):
            tables.append((key, value, False))
        elif _is_aot(value) and not all(_fits_inline(row, cache) for row in value):
            tables.extend((key, row, True) for row in value)
        else:
            literals.append((key, value))
    if inside_aot or (name and (literals or not tables)):
        yielded = True
        yield f"[[{name}]]\n" if inside_aot else f"[{name}]\n"
    if literals:
        yielded = True
        for key, value in literals:
            yield f"{_key(key)} = {_literal(value, 0, cache)}\n"
    for key, value, in_aot in tables:
        if yielded:
            yield "\n"
        else:
            yielded = True
        child = f"{name}.{_key(key)}" if name else _key(key)
        flat = None if in_aot else _flat_table(value, child)
        if flat is not None:
            yield flat
        else:
            yield from _chunks(value, child, cache, in_aot)


def _flat_table(table: Mapping[str, Any], name: str) -> str | None:
    """A table of strings, booleans and lists of strings (nearly every roster entry), written
    in one go; None for anything else, which takes the general path."""
    lines = [f"[{name}]\n"]
    for key, value in table.items():
        kind = type(value)
        if kind is str:
            lines.append(f"{_key(key)} = {_string(value)}\n")
        elif kind is bool:
            lines.append(f"{_key(key)} = {'true' if value else 'false'}\n")
        elif kind is list and value and all(type(v) is str for v in value):
            items = "".join(f"{_INDENT}{_string(v)},\n" for v in value)
            lines.append(f"{_key(key)} = [\n{items}]\n")
        else:
            return None
    return "".join(lines) if len(lines) > 1 else None


def dumps(data: Mapping[str, Any]) -> str:
    """``tomli_w.dumps(data)``, byte for byte."""
    # The cache is keyed by id(): valid only while ``data`` is alive and unchanged, i.e.
    # for this one call.
    return "".join(_chunks(data, "", {}))


# The roster and the signature records are the two documents signon writes.
dumps_roster = dumps
dumps_document = dumps


_SECTIONS = ("orgs", "coalitions")
_MAX_SPLICED = 64  # entries changed past which a full rewrite is as quick


def splice_roster(text: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> str | None:
    """``dumps_roster(new)``, made from ``text == dumps_roster(old)`` by rewriting only the
    entries of ``[orgs]`` and ``[coalitions]`` that differ: ``add-org`` on a 10,000-entry
    roster writes one table instead of formatting 10,000.  None when a full rewrite is
    simpler (anything else changed, a section empty before or after, many changes).  The
    caller must know that ``text`` is ``dumps_roster(old)`` and that an entry equal in
    ``old`` and ``new`` has its keys in the same order in both (true when ``text`` is in
    the canonical layout and ``old`` parsed from it); a property test holds the result to
    ``dumps_roster(new)`` byte for byte.
    """
    import bisect

    keys = list(new)
    if keys != list(old) or keys[-2:] != list(_SECTIONS):
        return None
    if any(old[k] != new[k] for k in keys[:-2]):
        return None
    # Every entry's table is preceded by the blank line that separates it from the one
    # before: an entry is "\n" + its table, from that newline to the next one's.
    edits: list[tuple[int, int, tuple[int, str], str]] = []
    coalitions = old["coalitions"]
    if not isinstance(coalitions, Mapping):
        return None
    # [orgs] ends where [coalitions] begins: its first entry, or its bare header.
    orgs_end = (_separator(text, "coalitions", next(iter(coalitions))) if coalitions
                else _bare_header(text, "coalitions"))
    ends = {"orgs": orgs_end, "coalitions": len(text)}
    for rank, section in enumerate(_SECTIONS):
        before, after = old[section], new[section]
        if not isinstance(before, Mapping) or not isinstance(after, Mapping):
            return None
        changed = [eid for eid, body in after.items()
                   if eid not in before or before[eid] != body]
        removed = [eid for eid in before if eid not in after]
        if len(changed) + len(removed) > _MAX_SPLICED:
            return None
        if not changed and not removed:
            continue
        if not before or not after:
            return None  # an empty section is written as a bare header
        ids = list(before)  # in the file's order, which is sorted
        end = ends[section]
        if end is None or any(a >= b for a, b in itertools.pairwise(ids)):
            return None
        for eid in (*removed, *changed):
            n = bisect.bisect_left(ids, eid)
            if n < len(ids) and ids[n] == eid:  # in the file: replaced or removed
                start = _separator(text, section, eid)
                stop = _separator(text, section, ids[n + 1]) if n + 1 < len(ids) else end
            else:  # new: before the next entry, or where the section ends
                start = stop = _separator(text, section, ids[n]) if n < len(ids) else end
            if start is None or stop is None:
                return None
            table = dumps({section: {eid: after[eid]}}) if eid in after else ""
            if start > 0:
                chunk = "\n" + table if table else ""
            elif not table:
                return None  # the file's first table removed: rare, written in full
            else:  # the file's first table, with no blank line before it
                chunk = table + "\n" if start == stop else table
            edits.append((start, stop, (rank, eid), chunk))
    # Tables inserted at one place go in id order, as a full rewrite sorts them.
    edits.sort(key=lambda e: (e[0], e[1], e[2]))
    out: list[str] = []
    done = 0
    for start, stop, _, replacement in edits:
        if start < done:
            return None  # overlapping: not an edit this reader expects
        out += (text[done:start], replacement)
        done = stop
    out.append(text[done:])
    return "".join(out)


def _bare_header(text: str, section: str) -> int | None:
    """Where the newline before an empty section's ``[section]`` header is, if it is the
    file's last line (as the canonical layout writes an empty ``[coalitions]``)."""
    tail = f"\n\n[{section}]\n"
    return len(text) - len(tail) + 1 if text.endswith(tail) else None


def _separator(text: str, section: str, eid: str | None) -> int | None:
    """Where the newline before ``[section.eid]`` is in ``text`` (a header is the only line
    so written: the canonical layout puts no newline inside a value)."""
    if eid is None:
        return None
    header = f"[{section}.{_key(eid)}]\n"
    if text.startswith(header):
        return 0  # the file's first table
    at = text.find(f"\n\n{header}")
    return None if at == -1 else at + 1
