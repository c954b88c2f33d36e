"""Whole plain-text, Markdown and CSV exports of a letter with list sections, wrapped names,
nested lists, links, a quotation and a rule: what a coordinator pastes into an e-mail (and
the headings of the same letter as a web page)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from readback import set_body

from conftest import set_front

Cli = Callable[..., Any]

LONG = ("The Very Long Named International Federation for the Defence of Human Rights "
        "Defenders Everywhere")
TITLE = "Professor of International Law and Human Rights at the University of Somewhere Far"

BODY = """\
# Free them now

{{ count }} organizations call on the Government, in a sentence long enough that it has to be \
wrapped over more than one line of text.

## Our demands

1. Release every prisoner held for their work, at once and without conditions of any kind.
2. Drop the charges.
   - against the lawyers
   - against the journalists, who wrote about the trials and the sentences handed down in them

- A point with a [link](https://example.org/x) and <coord@example.org> and \
[https://example.org](https://example.org).

> A quotation that is long enough to be wrapped, because the quoted report is long and detailed.

---

{{ signatories }}
"""


@pytest.fixture
def sectioned(workspace: Path, cli: Cli) -> Path:
    def ok(*args: str) -> None:
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stdout, result.stderr)

    ok("add-org", "Alpha Rights", "--id", "a", "--country", "Norway")
    ok("add-org", LONG, "--id", "long", "--country", "Belgium")
    ok("add-org", "Gamma Centre", "--id", "c")
    ok("add-coalition", "Kappa House", "--id", "k", "--member", "c")
    ok("new-letter", "demo", "--title", "Demo letter", "--date", "2024-03-01")
    ok("sign", "demo", "a", "long", "k", "--date", "2024-03-02", "--signer", "Ann Lee, Director")
    ok("sign-individual", "demo", "Jane Roe", "--title", TITLE, "--affiliation", "Uni X",
       "--date", "2024-03-03")
    set_body(workspace, "demo", BODY)
    set_front(workspace, "demo", individuals_heading='"With the support of:"')
    # Sections as an import records them: the group each signature was printed under.
    record = workspace / "letters" / "demo" / "signatures.toml"
    text = record.read_text(encoding="utf-8")
    for eid, section in (("a", "National"), ("long", "International:"), ("k", "International:")):
        signed = f'{{ id = "{eid}", date = "2024-03-02", signer = "Ann Lee, Director"'
        text = text.replace(signed + " }", signed + f', section = "{section}" }}')
    record.write_text(text, encoding="utf-8")
    return workspace


TXT = """\
Demo letter

1 March 2024

Free them now
=============

3 organizations call on the Government, in a sentence long enough that it
has to be wrapped over more than one line of text.

Our demands
-----------

1. Release every prisoner held for their work, at once and without
   conditions of any kind.
2. Drop the charges.
  • against the lawyers
  • against the journalists, who wrote about the trials and the sentences
    handed down in them

• A point with a link <https://example.org/x> and coord@example.org and
  https://example.org.

> A quotation that is long enough to be wrapped, because the quoted report
> is long and detailed.

* * *

Signed by:

National:
Alpha Rights (Norway)

International:
The Very Long Named International Federation for the Defence of Human Rights
  Defenders Everywhere (Belgium)

Kappa House (on behalf of the following organizations):
  • Gamma Centre

With the support of:
Jane Roe, Professor of International Law and Human Rights at the University
  of Somewhere Far, Uni X
"""


def test_txt_export_whole(sectioned: Path, cli: Cli) -> None:
    assert cli("export", "demo", "--txt").exit_code == 0
    assert (sectioned / "demo.txt").read_text(encoding="utf-8") == TXT


def test_compose_without_wrapping(sectioned: Path, cli: Cli) -> None:
    result = cli("compose", "demo", "--width", "0")
    assert result.exit_code == 0
    assert result.stdout.endswith(f"""\
Signed by:

National:
Alpha Rights (Norway)

International:
{LONG} (Belgium)

Kappa House (on behalf of the following organizations):
  • Gamma Centre

With the support of:
Jane Roe, {TITLE}, Uni X
""")
    assert "1. Release every prisoner held for their work, at once and without conditions of " \
           "any kind.\n" in result.stdout


MD = f"""\
# Demo letter

1 March 2024

# Free them now

3 organizations call on the Government, in a sentence long enough that it has to be \
wrapped over more than one line of text.

## Our demands

1. Release every prisoner held for their work, at once and without conditions of any kind.
2. Drop the charges.
   - against the lawyers
   - against the journalists, who wrote about the trials and the sentences handed down in them

- A point with a [link](https://example.org/x) and <coord@example.org> and \
[https://example.org](https://example.org).

> A quotation that is long enough to be wrapped, because the quoted report is long and detailed.

---

Signed by:

National:

- Alpha Rights (Norway)

International:

- {LONG} (Belgium)
- Kappa House (on behalf of the following organizations):
  - Gamma Centre

With the support of:

- Jane Roe, {TITLE}, Uni X
"""


def test_markdown_export_whole(sectioned: Path, cli: Cli) -> None:
    assert cli("export", "demo", "--md").exit_code == 0
    assert (sectioned / "demo.md").read_text(encoding="utf-8") == MD


CSV = (
    '"id","name","country","coalition","kind","signed","signer","depth","title","affiliation"\r\n'
    '"a","Alpha Rights","Norway","","organization","2024-03-02","Ann Lee, Director","0","",""\r\n'
    f'"long","{LONG}","Belgium","","organization","2024-03-02","Ann Lee, Director","0","",""\r\n'
    '"k","Kappa House","","","coalition","2024-03-02","Ann Lee, Director","0","",""\r\n'
    # A member is not signed by the coalition's signer.
    '"c","Gamma Centre","","k","organization","2024-03-02","","1","",""\r\n'
    f'"","Jane Roe","","","individual","2024-03-03","","0","{TITLE}","Uni X"\r\n'
)


def test_csv_export_whole(sectioned: Path, cli: Cli) -> None:
    assert cli("export", "demo", "--csv").exit_code == 0
    assert (sectioned / "demo.csv").read_bytes().decode("utf-8-sig") == CSV


def test_export_refuses_a_file_that_is_not_text(sectioned: Path, cli: Cli) -> None:
    # Bytes that are not UTF-8, never written by signon: refused, not a traceback.
    target = sectioned / "demo.txt"
    target.write_bytes(b"\xff\xfe\x00own notes\x80")
    result = cli("export", "demo", "--txt")
    assert result.exit_code == 3
    assert "demo.txt" in result.stderr and "not written by signon" in result.stderr
    assert target.read_bytes() == b"\xff\xfe\x00own notes\x80"


def test_html_body_headings_start_below_the_title(sectioned: Path, cli: Cli) -> None:
    assert cli("export", "demo", "--html").exit_code == 0
    page = (sectioned / "demo.html").read_text(encoding="utf-8")
    headings = [line for line in page.splitlines() if re.match(r"<h[1-6]", line)]
    assert headings == ["<h1>Demo letter</h1>", "<h2>Free them now</h2>", "<h3>Our demands</h3>"]


def test_markdown_individuals_under_the_default_heading(sectioned: Path, cli: Cli) -> None:
    path = sectioned / "letters" / "demo" / "letter.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^individuals_heading = .*\n", "", text), encoding="utf-8")
    assert cli("export", "demo", "--md").exit_code == 0
    assert (sectioned / "demo.md").read_text(encoding="utf-8").endswith(
        f"\nIndividuals:\n\n- Jane Roe, {TITLE}, Uni X\n")
