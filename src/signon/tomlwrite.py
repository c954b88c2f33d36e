"""A fast path for writing the roster in exactly tomli-w's layout.

tomli-w escapes strings one character at a time in Python; on a
10,000-organization roster that alone costs ~0.12 s, which every ``add-org``
would pay.  Roster tables hold only strings, lists of strings, booleans and a
``names`` sub-table, so this module writes those directly and hands anything
else (and any string that needs escaping) to tomli-w itself.  The output is
byte-for-byte what ``tomli_w.dumps`` produces — a property test holds the two
to that — so tomli-w remains the definition of the canonical layout.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

# Characters tomli-w escapes in a basic string (every ASCII control but tab, quote, backslash).
_NEEDS_ESCAPE = re.compile(r'[\x00-\x08\x0a-\x1f\x7f"\\]')
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


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
        found = key if _BARE_KEY.match(key) else _string(key)
        if len(_KEYS) < 4096:
            _KEYS[key] = found
    return found


def _table(name: str, table: Mapping[str, Any], out: list[str]) -> bool:
    """Append ``[name]`` and its keys; False when the table needs tomli-w's general writer."""
    lines = [f"[{name}]\n"]
    subtables: list[tuple[str, Mapping[str, Any]]] = []
    for key, value in table.items():
        kind = type(value)
        if kind is str:
            lines.append(f"{_key(key)} = {_string(value)}\n")
        elif kind is bool:
            lines.append(f"{_key(key)} = {'true' if value else 'false'}\n")
        elif kind is list and value and all(type(v) is str for v in value):
            items = "".join(f"    {_string(v)},\n" for v in value)
            lines.append(f"{_key(key)} = [\n{items}]\n")
        elif isinstance(value, Mapping):
            subtables.append((key, value))
        else:
            return False
    if len(lines) == 1:  # only sub-tables: tomli-w omits this header, let it decide
        return False
    for key, sub in subtables:
        if not sub or not all(isinstance(v, str) for v in sub.values()):
            return False
        lines.append(f"\n[{name}.{_key(key)}]\n")
        lines.extend(f"{_key(k)} = {_string(v)}\n" for k, v in sub.items())
    out.extend(lines)
    return True


def dumps_roster(data: Mapping[str, Any]) -> str:
    """``tomli_w.dumps(data)`` for a roster document, fast on the common shapes."""
    import tomli_w

    out: list[str] = []
    literals = {k: v for k, v in data.items() if not isinstance(v, Mapping)}
    if literals:
        head = tomli_w.dumps(literals)
        out.append(head)
    first = not literals
    for section, entries in data.items():
        if not isinstance(entries, Mapping):
            continue
        if not entries:
            # tomli-w writes an empty table as a bare header.
            out.append(("" if first else "\n") + f"[{_key(section)}]\n")
            first = False
            continue
        for eid, table in entries.items():
            name = f"{_key(section)}.{_key(eid)}"
            chunk: list[str] = []
            if not isinstance(table, Mapping) or not table or not _table(name, table, chunk):
                general = tomli_w.dumps({section: {eid: table}})
                chunk = [general]
            if not first:
                out.append("\n")
            first = False
            out.extend(chunk)
    return "".join(out)


def _inline_table(table: Mapping[str, Any]) -> str | None:
    """tomli-w's ``{ k = v, … }`` for a flat table of strings, ints and booleans."""
    parts = []
    for key, value in table.items():
        kind = type(value)
        if kind is str:
            parts.append(f"{_key(key)} = {_string(value)}")
        elif kind is bool:
            parts.append(f"{_key(key)} = {'true' if value else 'false'}")
        elif kind is int:
            parts.append(f"{_key(key)} = {value}")
        else:
            return None
    return "{ " + ", ".join(parts) + " }" if parts else "{}"


def _literal_line(key: str, value: Any) -> str | None:
    """``key = value`` as tomli-w writes it at the top level, or None to let tomli-w do it."""
    kind = type(value)
    if kind is str:
        return f"{_key(key)} = {_string(value)}\n"
    if kind is list and value and all(type(v) is dict for v in value):
        rows = []
        for row in value:
            inline = _inline_table(row)
            # tomli-w writes an array of tables inline only when every row fits.
            if inline is None or len(inline) + 5 > 100:
                return None
            rows.append(f"    {inline},\n")
        return f"{_key(key)} = [\n{''.join(rows)}]\n"
    return None


def dumps_document(data: Mapping[str, Any]) -> str:
    """``tomli_w.dumps(data)`` for a signature record: fast on its long arrays of
    flat rows (one per signature), tomli-w itself for everything else."""
    import tomli_w

    literals: list[str] = []
    tables: list[str] = []
    for key, value in data.items():
        line = _literal_line(key, value)
        if line is not None:
            literals.append(line)
            continue
        chunk = tomli_w.dumps({key: value})
        # tomli-w's own verdict: a key it writes as "key = …" is a literal, else tables.
        if chunk.startswith(f"{_key(key)} = "):
            literals.append(chunk)
        else:
            tables.append(chunk)
    out = "".join(literals)
    for chunk in tables:
        out += ("\n" if out else "") + chunk
    return out
