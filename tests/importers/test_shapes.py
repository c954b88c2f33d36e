"""Each letter shape import-letter reads, proven on a fixture of that shape."""

from __future__ import annotations

from pathlib import Path

from signon.importers.listparse import ParsedList
from signon.importers.sources import read_document

from .helpers import FIXTURES, SEED, bullet_num_id, needs_seed, parse, set_numbering, shape


def test_plain_lines_with_decoys_places_and_footer() -> None:
    parsed, body = parse(FIXTURES / "plain-lines.txt")
    assert shape(parsed) == [
        ("Belarusian Association of Journalists", ""),
        ("Belarusian Helsinki Committee", ""),
        ("The Rafto Foundation", "Norway"),  # Name (Country)
        ("Information Center for Human Rights", "Ukraine"),  # Name (City, Country)
        ('Human Rights Centre "Postup"', "Ukraine"),  # Name, City, Country
        ("Pylyp Orlyk Institute for Democracy", "Ukraine"),  # Name, Country
        ("Civil Rights Defenders", "Sweden"),  # Name - Location
        # dashes inside a name are not a location
        ("Serb Civic Council – Movement for Equality – The Council of the Sarajevo Canton", ""),
        ("Danish Helsinki Committee for Human Rights", ""),
    ]
    cities = {e.name: e.city for e in parsed.entries}
    assert cities["Information Center for Human Rights"] == "Kyiv"
    assert cities['Human Rights Centre "Postup"'] == "Lugansk"
    # The decoy list (the detained) and the numbered demands stay in the body, the list
    # is replaced by its placeholder, and the page furniture after it is gone.
    assert "- Valiantsin Stefanovich" in body
    assert "1. Release Ales Bialiatski" in body
    assert body.index("Signed by:") < body.index("{{ signatories }}")
    assert "Share this" not in body and "©" not in body and "Twitter" not in body
    assert "Free Ales Bialiatski now" not in body  # the title goes to the front matter


def test_organizations_and_individuals_sections() -> None:
    parsed, body = parse(FIXTURES / "sections.txt")
    assert shape(parsed) == [
        ("Moscow Helsinki Group", ""),
        ("Legal Transformation Center", "Belarus"),
        ("Human Rights Club", "Azerbaijan"),
    ]
    people = [(p.name, p.title, p.affiliation) for p in parsed.individuals]
    assert people == [
        ("Jane Roe", "Professor of Law", "University of Oslo"),
        ("Ivan Petrov", "", "Moscow Helsinki Group"),
        ("Anna Kowalska", "Journalist", ""),
    ]
    assert "Organizations" not in body and "Individuals" not in body


def test_html_list_page_with_related_articles() -> None:
    parsed, body = parse(FIXTURES / "list-page.html")
    assert shape(parsed) == [
        (
            "Human Rights House Baku",
            "",
            [
                ("Human Rights Centre of Azerbaijan (AHRC)", ""),
                ("Legal Education Society", ""),
                ("Society for Humanitarian Research", ""),
            ],
        ),
        (
            "Human Rights House Zagreb",
            "",
            [
                ("B.a.B.e.", ""),
                ("CMS – Centre for Peace Studies", ""),
                ("Documenta – Centre for Dealing with the Past", ""),
            ],
        ),
        ('Crimean Human Rights Center "Action"', "Ukraine"),
        ("Kherson regional charity and health Foundation", "Ukraine"),
    ]
    names = [e.name for e in parsed.walk()]
    assert not any("European Union" in n or "statement" in n for n in names)
    assert "Related articles" not in body and "Subscribe" not in body
    assert "tracker" not in body  # <script>
    doc = read_document(FIXTURES / "list-page.html")
    assert doc.date == "2011-11-24" and doc.title.startswith("Call for immediate release")


def test_docx_with_real_word_lists_and_a_table(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Solidarity with Ales Bialiatski", level=0)
    document.add_paragraph(
        "We, 9 organizations, call for his release. The verdict of "
        "24 November 2011 must be quashed."
    )
    document.add_paragraph("Human Rights House Oslo (on behalf of the following NGOs):")
    for name in ("FIAN Norway", "Voice of Tibet"):
        document.add_paragraph(name, style="List Bullet 2")  # numbering from the style
    document.add_paragraph("Article 19 (United Kingdom)", style="List Bullet")
    # Direct numbering (w:numPr): a coalition at level 0 and its members at level 1.
    num = bullet_num_id(document)
    for text, level in (
        ("Human Rights House Zagreb (on behalf of the following NGOs):", 0),
        ("B.a.B.e.", 1),
        ("Foundation CURE", 1),
        ("Index on Censorship (United Kingdom)", 0),
    ):
        set_numbering(document.add_paragraph(text), num, level)
    lines = document.add_paragraph("People in Need")  # Shift+Enter lines in one paragraph
    lines.add_run().add_break()
    lines.add_run("Civic Belarus (Czech Republic)")
    table = document.add_table(rows=4, cols=2)
    for row, (name, country) in enumerate(
        (
            ("Organisation", "Country"),
            ("Danish Institute for Human Rights", "Denmark"),
            ("", ""),
            ("European Exchange", "Germany"),
        )
    ):
        table.cell(row, 0).text = name
        table.cell(row, 1).text = country
    document.add_paragraph("Related articles")
    document.add_paragraph("Belarusian human rights defenders call on the UN")
    path = tmp_path / "letter.docx"
    document.save(str(path))

    parsed, body = parse(path)
    assert shape(parsed) == [
        ("Human Rights House Oslo", "", [("FIAN Norway", ""), ("Voice of Tibet", "")]),
        ("Article 19", "United Kingdom"),
        ("Human Rights House Zagreb", "", [("B.a.B.e.", ""), ("Foundation CURE", "")]),
        ("Index on Censorship", "United Kingdom"),
        ("People in Need", ""),
        ("Civic Belarus", "Czech Republic"),
        ("Danish Institute for Human Rights", "Denmark"),
        ("European Exchange", "Germany"),
    ]
    assert body.startswith("We, 9 organizations, call for his release.")
    assert read_document(path).title == "Solidarity with Ales Bialiatski"


@needs_seed
def test_labelled_lines_and_addresses_after_the_list_are_not_names(tmp_path: Path) -> None:
    path = tmp_path / "tail.txt"
    path.write_text(
        "Letter\n\nWe, 3 organizations, call for his release.\n\n"
        "Moscow Helsinki Group\nCIVICUS: World Alliance for Citizen Participation\n"
        "People in Need (Czech Republic)\nNote: signatures are still being collected\n"
        "Press contact: press@example.org\nwww.example.org/letters\n",
        encoding="utf-8",
    )
    parsed, body = parse(path)
    assert [e.name for e in parsed.entries] == [
        "Moscow Helsinki Group",
        "CIVICUS: World Alliance for Citizen Participation",
        "People in Need",
    ]
    assert "Note: signatures are still being collected" in body


def _seed_blocks() -> list[tuple[str, str]]:
    """The seed as (kind, text): "p" for its paragraphs, "li" for its bullets."""
    out = []
    for line in SEED.read_text(encoding="utf-8").splitlines():
        text = line.strip()
        if text.startswith("•"):
            out.append(("li", text.lstrip("• ").strip()))
        elif text:
            out.append(("p", text))
    return out


def _seed_counts(parsed: ParsedList) -> tuple[int, int, int, int]:
    names = parsed.walk()
    orgs = sum(e.kind == "organization" for e in names)
    coalitions = sum(e.kind == "coalition" for e in names)
    return len(parsed.entries), len(names), orgs, coalitions


@needs_seed
def test_seed_as_the_web_page_it_was_copied_from(tmp_path: Path) -> None:
    import html

    parts = ["<html><head><meta charset='utf-8'><title>HRHN</title></head><body><main>"]
    in_list = False
    for kind, text in _seed_blocks():
        if kind == "li" and not in_list:
            parts.append("<ul>")
        if kind != "li" and in_list:
            parts.append("</ul>")
        in_list = kind == "li"
        tag = "h1" if text.startswith("Call for immediate") else kind
        parts.append(f"<{tag}>{html.escape(text)}</{tag}>")
    parts.append("</main></body></html>")
    path = tmp_path / "seed.html"
    path.write_text("\n".join(parts), encoding="utf-8")
    parsed, body = parse(path)
    assert _seed_counts(parsed) == (46, 87, 80, 7)
    assert [n.code for n in parsed.notes] == ["import-repair"]
    assert "Related articles" not in body and body.startswith("78 human rights organizations")


@needs_seed
def test_seed_as_a_word_document(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for kind, text in _seed_blocks():
        if text.startswith("Call for immediate"):
            document.add_heading(text, level=0)
        else:
            document.add_paragraph(text, style="List Bullet" if kind == "li" else None)
    path = tmp_path / "seed.docx"
    document.save(str(path))
    parsed, body = parse(path)
    assert _seed_counts(parsed) == (46, 87, 80, 7)
    assert "Related articles" not in body


def test_html_names_split_by_br_and_an_address_after(tmp_path: Path) -> None:
    path = tmp_path / "br.html"
    path.write_text(
        "<html><body><h1>Appeal</h1><p>We, the undersigned, call for the release of all "
        "political prisoners in Belarus and an end to repression.</p>"
        "<p><strong>Signatories</strong></p><p>Amnesty International<br>Human Rights Watch<br>"
        "Article 19<br>Front Line Defenders</p><p>Contact:<br>Human Rights House Foundation<br>"
        "Kirkegata 5<br>0153 Oslo<br>Norway</p></body></html>",
        encoding="utf-8",
    )
    parsed, body = parse(path)
    assert [e.name for e in parsed.entries] == [
        "Amnesty International",
        "Human Rights Watch",
        "Article 19",
        "Front Line Defenders",
    ]
    # The address after the list stays one paragraph, its lines kept by hard line breaks.
    assert body.endswith(
        "Contact:\\\nHuman Rights House Foundation\\\nKirkegata 5\\\n0153 Oslo\\\nNorway\n"
    )


def test_individuals_announced_in_a_sentence(tmp_path: Path) -> None:
    path = tmp_path / "people.txt"
    path.write_text(
        "Letter\n\nThe following individuals remain in detention:\n\n- Ales Bialiatski\n"
        "- Marfa Rabkova\n\nWe call for their release without delay and without conditions.\n\n"
        "Signed by the following organizations:\n\nMoscow Helsinki Group\nPeople in Need\n\n"
        "And the following individuals, in a personal capacity:\n\n"
        "Jane Roe, Professor, University of Oslo\nIvan Petrov\n",
        encoding="utf-8",
    )
    parsed, body = parse(path)
    assert [e.name for e in parsed.entries] == ["Moscow Helsinki Group", "People in Need"]
    assert [p.name for p in parsed.individuals] == ["Jane Roe", "Ivan Petrov"]
    assert "- Marfa Rabkova" in body and "personal capacity" not in body


def test_a_file_that_is_only_a_list(tmp_path: Path) -> None:
    path = tmp_path / "only.txt"
    path.write_text(
        "Moscow Helsinki Group\n\nPeople in Need (Czech Republic)\n\n"
        "Civil Rights Defenders (Sweden)\n",
        encoding="utf-8",
    )
    parsed, body = parse(path)
    assert [e.name for e in parsed.entries] == [
        "Moscow Helsinki Group",
        "People in Need",
        "Civil Rights Defenders",
    ]
    assert body == "{{ signatories }}\n"


def test_html_layout_table_with_menu_before_the_title(tmp_path: Path) -> None:
    path = tmp_path / "layout.html"
    path.write_text(
        '<html><body><table><tr><td><a href="/">Home</a><br><a href="/n">News</a></td><td>'
        "<h1>Appeal</h1><p>We, the undersigned organizations, call for the release of all "
        "political prisoners in Belarus.</p><p>Amnesty International<br>Human Rights Watch<br>"
        "Article 19 (United Kingdom)</p></td></tr></table></body></html>",
        encoding="utf-8",
    )
    parsed, body = parse(path)
    assert shape(parsed) == [
        ("Amnesty International", ""),
        ("Human Rights Watch", ""),
        ("Article 19", "United Kingdom"),
    ]
    assert body.startswith("We, the undersigned organizations") and "Home" not in body
    assert read_document(path).title == "Appeal"


