"""An organization that asked not to be named is in no output, by any path (issue 10, item 7).

It signs twice over: directly, unnamed, and as a member of a coalition that signs
by name; a second one signs unnamed through nothing else.  Every format, compose,
diff, show and stats are searched for their names, aliases, acronyms and ids; each
output that lists names must end its list with the one summary line instead.
(``show`` of its coalition lists it among the members: that is the roster, which says
nothing about who signed what, and is left out here.)
"""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Cli = Callable[..., Any]

SECRETS = ("Zyxwvut Defenders Collective", "zyxwvut-defenders", "ZDC", "Qwxz Zyxwvut Union",
           "Qwxzu Safe Haven", "qwxzu", "QSH")
LINE = "and 2 organizations that asked not to be named"


def _leaks(text: str) -> list[str]:
    folded = text.casefold()
    return [s for s in SECRETS if s.casefold() in folded]


@pytest.fixture
def hidden_letter(workspace: Path, cli: Cli) -> Path:
    def ok(*args: str) -> None:
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stdout, result.stderr)

    ok("add-org", "Alpha Rights", "--id", "a", "--country", "Norway")
    ok("add-org", "Beta Watch", "--id", "b", "--country", "Poland")
    ok("add-org", "Zyxwvut Defenders Collective", "--id", "zyxwvut-defenders",
       "--acronym", "ZDC", "--alias", "Qwxz Zyxwvut Union", "--country", "Belarus")
    ok("add-org", "Qwxzu Safe Haven", "--id", "qwxzu", "--acronym", "QSH")
    ok("add-coalition", "Kappa House", "--id", "k", "--member", "b",
       "--member", "zyxwvut-defenders")
    ok("new-letter", "demo", "--title", "Demo letter", "--date", "2024-03-01")
    ok("sign", "demo", "a", "--date", "2024-03-02")
    ok("export", "demo", "--txt", "-o", str(workspace / "first"))
    ok("sign", "demo", "k", "--date", "2024-03-03")
    ok("sign", "demo", "ZDC", "qwxzu", "--unnamed", "--date", "2024-03-04")
    return workspace


def _docx_text(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    props = document.core_properties
    parts += [props.title or "", props.subject or "", props.keywords or "",
              props.comments or ""]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_no_format_names_them(hidden_letter: Path, cli: Cli) -> None:
    out = hidden_letter / "out"
    result = cli("export", "demo", "--txt", "--md", "--html", "--docx", "--csv", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    texts = {fmt: (out / f"demo.{fmt}").read_text(encoding="utf-8")
             for fmt in ("txt", "md", "html", "csv")}
    texts["docx"] = _docx_text(out / "demo.docx")
    # Every byte of the Word package, not only what python-docx reads.
    import zipfile

    with zipfile.ZipFile(out / "demo.docx") as package:
        texts["docx parts"] = "\n".join(package.read(n).decode("utf-8", "replace")
                                       for n in package.namelist())
    for fmt, text in texts.items():
        assert not _leaks(text), fmt
    for fmt in ("txt", "md", "html", "docx"):
        assert texts[fmt].count(LINE) == 1, fmt
    # The named ones are all there, the secret one not even under its coalition.
    assert "Alpha Rights" in texts["txt"] and "• Beta Watch" in texts["txt"]
    assert texts["txt"].index("Beta Watch") < texts["txt"].index(LINE)
    assert f'<li class="unnamed">{LINE}</li>' in texts["html"]
    assert f"- {LINE}" in texts["md"]
    assert f'"","{LINE}","","","unnamed","","","0","",""' in texts["csv"]
    # The export record (read by diff) keeps the list as printed: no secret either.
    record = (hidden_letter / "letters" / "demo" / "signatures.toml").read_text(encoding="utf-8")
    exports = record[record.index("[[exports]]"):]
    assert not _leaks(exports)


def test_compose_diff_show_stats_name_them_nowhere(hidden_letter: Path, cli: Cli) -> None:
    outputs: dict[str, str] = {}
    for args in (("compose", "demo"), ("diff", "demo"), ("diff", "demo", "--json"),
                 ("diff", "demo", "--since", "2024-03-01"), ("stats", "demo"),
                 ("stats", "demo", "--json"), ("show", "a"), ("show", "b"),
                 ("show", "b", "--json"), ("letters", "--json"),
                 ("check", "demo", "--json")):
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stderr)
        outputs[" ".join(args)] = result.stdout + result.stderr
    for what, text in outputs.items():
        assert not _leaks(text), what
    assert LINE in outputs["compose demo"]
    assert "Organizations that asked not to be named: 2 (0 then)." in outputs["diff demo"]
    assert '"unnamed": 2' in outputs["stats demo --json"]


@pytest.mark.heavy
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (libreoffice-writer) and pdftotext (poppler-utils) "
                    "are not installed")
def test_pdf_names_them_nowhere(hidden_letter: Path, cli: Cli) -> None:
    out = hidden_letter / "pdf"
    result = cli("export", "demo", "--pdf", "-o", f"{out}/")
    assert result.exit_code == 0, result.stderr
    text = subprocess.run(["pdftotext", "-layout", str(out / "demo.pdf"), "-"],
                          capture_output=True, check=True, text=True).stdout
    assert not _leaks(text)
    assert LINE in " ".join(text.split())
    raw = (out / "demo.pdf").read_bytes()
    assert not _leaks(raw.decode("latin-1"))  # e.g. in the document's metadata
    assert io.BytesIO(raw).read(5) == b"%PDF-"
