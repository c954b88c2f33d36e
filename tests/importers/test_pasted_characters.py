"""Issue 13 item 5: one stray character in a pasted list never merges its entries."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from signon.importers.listparse import parse_list
from signon.importers.txt import read_txt

NAMES = [
    "Alpha Rights (Norway)",
    "Beta Watch (Poland)",
    "Delta Group",
    "Gamma Foundation for Democracy",
    "Epsilon Human Rights Centre (Chile)",
    "Zeta Lawyers Association",
]
HEAD = "Open letter\n\nDear Minister,\n\nWe, the undersigned organisations, urge you to act.\n\n"


def _read(lines: list[str]) -> tuple[int, list[str]]:
    doc = read_txt(HEAD + "\n".join(lines) + "\n", name="list.txt")
    parsed = parse_list(doc)
    printed = [e.printed for e in parsed.walk()] + [p.name for p in parsed.individuals]
    return len(printed), printed


def test_a_bell_character_is_reported_and_merges_nothing() -> None:
    lines = ["Alpha Rights (Norway)", "a\x07b Org (Poland)", "Delta Group"]
    doc = read_txt(HEAD + "\n".join(lines) + "\n", name="list.txt")
    parsed = parse_list(doc)
    assert [e.printed for e in parsed.walk()] == [
        "Alpha Rights (Norway)",
        "a b Org (Poland)",
        "Delta Group",
    ]
    [note] = [n for n in parsed.notes if n.code == "import-control-character"]
    assert note.line == 8
    assert note.message == "column 2: the control character U+0007 was read as a space"


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    line=st.integers(min_value=0, max_value=len(NAMES) - 1),
    at=st.integers(min_value=0, max_value=40),
    char=st.characters(codec="utf-8"),
)
def test_any_single_inserted_character_never_merges_entries(line: int, at: int, char: str) -> None:
    lines = list(NAMES)
    target = lines[line]
    pos = min(at, len(target))
    lines[line] = target[:pos] + char + target[pos:]
    count, printed = _read(lines)
    assert count >= len(NAMES) - 1
    # No entry holds two of the names (nothing merged, silently or not).
    for text in printed:
        held = [n for n in NAMES if n.split(" (")[0] in text]
        assert len(held) <= 1, (lines, printed)


def test_the_cli_reports_the_character(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from signon.cli import app

    (tmp_path / "orgs.toml").write_text("", encoding="utf-8")
    (tmp_path / "letters").mkdir()
    source = tmp_path / "list.txt"
    source.write_text(HEAD + "Alpha Rights (Norway)\na\x07b Org (Poland)\nDelta Group\n")
    args = ["--workspace", str(tmp_path), "import-letter", str(source), "--slug", "x"]
    result = CliRunner().invoke(app, [*args, "--dry-run"])
    assert result.exit_code == 0, result.output
    assert (
        "import-control-character: list.txt:8: column 2: the control character U+0007 was "
        "read as a space" in " ".join(result.output.split())  # wrapped to 80 columns
    )
