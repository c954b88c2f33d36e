"""The HTML reader: a page, parsed as a browser parses it, into blocks."""

from __future__ import annotations

import time
from pathlib import Path

from signon.importers.blocks import Block
from signon.importers.html import read_html
from signon.importers.listparse import parse_list


def _blocks(page: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in read_html(page).blocks]


def test_what_authors_leave_open_is_closed_as_a_browser_closes_it() -> None:
    page = (
        "<p>We write to you.<ul><li>Amnesty International<li>Human Rights Watch</ul>"
        "<table><tr><td>Front Line<br>Defenders<td>Ireland<tr><td>Article 19<td>UK</table>"
    )
    blocks = read_html(page).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        ("para", "We write to you."),
        ("item", "Amnesty International"),
        ("item", "Human Rights Watch"),
        ("row", "Front Line Defenders | Ireland"),
        ("row", "Article 19 | UK"),
    ]
    assert blocks[3].cells == ["Front Line Defenders", "Ireland"]


def test_a_line_break_in_the_source_is_a_space_and_br_and_pre_break_lines() -> None:
    page = (
        "<p><i>International\nand Regional Organizations</i></p><p>We, the undersigned\n"
        "organizations, write to you about the\nmandate.</p>"
        "<p>Amnesty International<br>Human Rights Watch<br>Front Line Defenders</p>"
        "<pre>Article 19\nPEN International</pre>"
    )
    assert _blocks(page) == [
        ("para", "International and Regional Organizations"),
        ("para", "We, the undersigned organizations, write to you about the mandate."),
        ("para", "Amnesty International"),
        ("para", "Human Rights Watch"),
        ("para", "Front Line Defenders"),
        ("para", "Article 19"),
        ("para", "PEN International"),
    ]


def test_a_short_emphasized_line_right_before_a_list_or_table_is_its_heading() -> None:
    page = (
        "<p><b>Endorsers as of 27 September:</b></p>"
        "<p><i><b>International Networks</b></i></p>"
        "<table><tr><td>1</td><td>Third World Network</td></tr></table>"
        "<p><i>National Organizations</i></p>"
        "<ol><li>Attac Austria</li><li>11.11.11</li></ol>"
        "<p><b>Not a heading</b> but a line with plain words</p><ul><li>Oxfam</li></ul>"
        "<p><b>Bold, then prose.</b></p><p><b>Bold, then no list</b></p>"
    )
    blocks = read_html(page).blocks
    assert [(b.kind, b.text) for b in blocks if b.kind in ("heading", "para")] == [
        ("para", "Endorsers as of 27 September:"),  # a lead-in the list side reads itself
        ("heading", "International Networks"),
        ("heading", "National Organizations"),
        ("para", "Not a heading but a line with plain words"),
        ("para", "Bold, then prose."),
        ("para", "Bold, then no list"),
    ]


def _card(name: str, *parts: str) -> str:
    spans = "".join(f'<span class="{cls}">{text}</span>' for cls, text in parts)
    return f'<div class="signature card"><span class="sig_name">{name}</span>{spans}</div>'


def test_signature_cards_are_rows_of_a_name_and_an_affiliation() -> None:
    cards = [
        _card("Martin Szinte", ("sig_institution", "CNRS, France"), ("sig_status", "Faculty")),
        _card("Julia Wang", ("sig_institution", "Cold Spring Harbor Laboratory")),
        _card("Jez Humble", ("sig_comment", "Ceasefire now."), ("sig_timestamp", "Signed @ 2024")),
        _card("Amir Abushanab", ("sig_institution", "Principle Stash Inc.")),
    ]
    page = (
        "<h2>All signatures in random order</h2><p>The signatures update hourly.</p>"
        f'<div class="card-columns">{"".join(cards)}</div>'
    )
    rows = [b for b in read_html(page).blocks if b.kind == "row"]
    assert [(r.cells, r.roles) for r in rows] == [
        (["Martin Szinte", "CNRS, France", "Faculty"], ["name", "affiliation", "title"]),
        (["Julia Wang", "Cold Spring Harbor Laboratory"], ["name", "affiliation"]),
        (["Jez Humble"], ["name"]),  # the remark and the timestamp are not the signature
        (["Amir Abushanab", "Principle Stash Inc."], ["name", "affiliation"]),
    ]
    assert len({r.group for r in rows}) == 1
    parsed = parse_list(read_html(page))
    assert parsed.entries == []
    assert [(p.name, p.title, p.affiliation) for p in parsed.individuals] == [
        ("Martin Szinte", "Faculty", "CNRS, France"),
        ("Julia Wang", "", "Cold Spring Harbor Laboratory"),
        ("Jez Humble", "", ""),
        ("Amir Abushanab", "", "Principle Stash Inc."),
    ]


def test_alike_divs_that_hold_prose_or_single_lines_are_not_cards() -> None:
    prose = "".join(
        f'<div class="para"><span class="lead">Point {n}.</span> We ask for more.</div>'
        for n in range(4)
    )
    single = "".join(f'<div class="org"><span>Org {n}</span></div>' for n in range(4))
    blocks = read_html(f"<div>{prose}</div><div>{single}</div>").blocks
    assert all(b.kind == "para" and not b.roles for b in blocks)
    assert [b.text for b in blocks][-4:] == ["Org 0", "Org 1", "Org 2", "Org 3"]


def test_a_list_of_cited_names_is_rows_of_people() -> None:
    page = (
        "<h2>Signatories</h2><ol>"
        "<li><cite>Camille François</cite>, Columbia University</li>"
        "<li><cite>Mark Surman</cite>, Mozilla</li>"
        "<li><cite>Maria Ressa</cite>, Rappler, Nobel Peace Prize Laureate</li>"
        "<li><cite>Harshila</cite></li></ol>"
    )
    rows = [b for b in read_html(page).blocks if b.kind == "row"]
    assert [r.cells for r in rows] == [
        ["Camille François", "Columbia University"],
        ["Mark Surman", "Mozilla"],
        ["Maria Ressa", "Rappler, Nobel Peace Prize Laureate"],
        ["Harshila"],
    ]
    people = parse_list(read_html(page)).individuals
    assert [(p.name, p.affiliation) for p in people][:2] == [
        ("Camille François", "Columbia University"),
        ("Mark Surman", "Mozilla"),
    ]


def test_a_list_that_only_sometimes_cites_stays_a_list() -> None:
    page = "<ul><li><cite>Ada</cite>, X</li><li>Oxfam</li><li>Amnesty</li><li>PEN</li></ul>"
    assert [b.kind for b in read_html(page).blocks] == ["item"] * 4


def test_template_tags_of_an_unrendered_page_are_not_text() -> None:
    page = (
        '{% extends "base.html" %}{% block content %}<ul><li>Oxfam</li>'
        "<li>Amnesty {# the Irish section #}International</li></ul>{% endblock %}"
    )
    assert _blocks(page) == [("item", "Oxfam"), ("item", "Amnesty International")]


def test_title_and_date_of_the_page() -> None:
    doc = read_html(
        "<html><head><title>Letter | Site</title></head><body><nav>Home News</nav>"
        "<article><h1>Free the defenders</h1><time datetime='2021-04-28'>28 April</time>"
        "<p>We, the undersigned, ask.</p></article></body></html>"
    )
    assert (doc.title, doc.date) == ("Free the defenders", "2021-04-28")
    assert "Home" not in " ".join(b.text for b in doc.blocks)


def test_nesting_deeper_than_any_letter_is_read_without_exhausting_the_stack() -> None:
    doc = read_html("<div>" * 20_000 + "Amnesty International")
    assert [b.text for b in doc.blocks] == ["Amnesty International"]
    deep = read_html("<ul>" + "<li>Org<ul>" * 3_000 + "<li>Last")
    assert deep.blocks[0] == Block("item", "Org", depth=2, group=1, marker="bullet")


def test_ten_thousand_entries_read_in_well_under_a_second() -> None:
    page = "<p>We, the undersigned</p><ol>" + "".join(
        f"<li>Organization number {n}</li>" for n in range(10_000)
    )
    # CPU time, not wall time: the other processes of a busy machine do not count.
    started = time.process_time()
    doc = read_html(page + "</ol>")
    assert time.process_time() - started < 1.0
    assert len(doc.blocks) == 10_001


def test_html_file_read_through_sources(tmp_path: Path) -> None:
    from signon.importers.sources import read_document

    path = tmp_path / "page.html"
    path.write_bytes("<meta charset=utf-8><ul><li>Ligue des droits de l’homme</li></ul>".encode())
    assert [b.text for b in read_document(path).blocks] == ["Ligue des droits de l’homme"]
