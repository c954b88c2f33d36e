"""Composing letters: golden files for the plain-text letter, templates, names as data."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from letter_helpers import set_body
from signon.compose import compose
from signon.errors import TemplateError
from signon.export.text import markdown_to_text, to_plain_text
from signon.workspace import find_workspace

GOLDEN = Path(__file__).resolve().parent / "golden"


def golden(name: str, actual: str) -> None:
    """Compare with tests/golden/NAME; SIGNON_UPDATE_GOLDEN=1 rewrites the file instead."""
    path = GOLDEN / name
    if os.environ.get("SIGNON_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


def composed_text(ws: Path, slug: str = "demo", **kwargs: object) -> str:
    workspace = find_workspace(ws)
    return to_plain_text(compose(ws, workspace.roster(), slug), **kwargs)  # type: ignore[arg-type]


BODY = """\
# An appeal

We, {{ count }} organizations ({{ count | words }}), call on the **government** to act.
Read [the report](https://example.org/report).

- first demand
- second demand
  1. sub point

{{ signatories }}

Contact: coalition@example.org
"""


def test_compose_golden_coalition_and_countries(small_letter: Path) -> None:
    set_body(small_letter, "demo", BODY)
    golden("demo-signed-order.txt", composed_text(small_letter))


def test_compose_golden_order_by_name_and_withdrawal(small_letter: Path,
                                                     cli: Callable[..., object]) -> None:
    path = small_letter / "letters" / "demo" / "letter.md"
    text = path.read_text(encoding="utf-8").replace('order = "signed"', 'order = "name"')
    text = text.replace("show_countries = true", "show_countries = false")
    path.write_text(text, encoding="utf-8")
    set_body(small_letter, "demo", BODY)
    assert cli("withdraw", "demo", "b", "--date", "2024-04-01").exit_code == 0
    assert cli("sign-individual", "demo", "Jane Roe", "--title", "Professor",
               "--affiliation", "University of Oslo").exit_code == 0
    golden("demo-by-name-withdrawn.txt", composed_text(small_letter))


def test_compose_golden_nested_coalition(small_letter: Path, cli: Callable[..., object]) -> None:
    assert cli("add-org", "Epsilon Group", "--id", "f").exit_code == 0
    assert cli("add-coalition", "Outer Network", "--id", "o", "--member", "f",
               "--heading", "(on behalf of the following NGOs):").exit_code == 0
    assert cli("withdraw", "demo", "k").exit_code == 0
    assert cli("add-members", "o", "k").exit_code == 0
    assert cli("sign", "demo", "o").exit_code == 0
    set_body(small_letter, "demo", "{{ count }} organizations sign.\n\n{{ signatories }}\n")
    golden("demo-nested.txt", composed_text(small_letter))


def test_list_follows_body_when_placeholder_is_missing(small_letter: Path) -> None:
    set_body(small_letter, "demo", "We sign.\n")
    text = composed_text(small_letter)
    assert text.index("We sign.") < text.index("Alpha Rights (Norway)")


def test_names_are_data_not_template_code(workspace: Path, cli: Callable[..., object]) -> None:
    assert cli("add-org", "{{ 7*7 }} Org", "--id", "j").exit_code == 0
    assert cli("add-org", "{% raw %}x", "--id", "r").exit_code == 0
    assert cli("new-letter", "x").exit_code == 0
    assert cli("sign", "x", "j", "r").exit_code == 0
    set_body(workspace, "x", "{% for o in organizations %}* {{ o.name }}\n{% endfor %}"
             "\n{{ signatories }}\n")
    text = composed_text(workspace, "x")
    assert text.count("{{ 7*7 }} Org") == 2
    assert "49" not in text
    assert text.count("{% raw %}x") == 2


def test_undefined_placeholder_names_file_and_line(small_letter: Path) -> None:
    set_body(small_letter, "demo", "Fine line.\n\n{{ cuont }} organizations\n")
    with pytest.raises(TemplateError) as err:
        composed_text(small_letter)
    message = str(err.value)
    assert "cuont" in message
    assert message.startswith("letters/demo/letter.md:")
    path = small_letter / "letters" / "demo" / "letter.md"
    line = path.read_text(encoding="utf-8").splitlines().index("{{ cuont }} organizations") + 1
    assert message.startswith(f"letters/demo/letter.md:{line}:")


def test_template_syntax_error_is_a_template_error(small_letter: Path) -> None:
    set_body(small_letter, "demo", "{% if %}\n")
    with pytest.raises(TemplateError, match=r"letter\.md:\d+: template error"):
        composed_text(small_letter)


def test_sandbox_refuses_unsafe_attribute_access(small_letter: Path) -> None:
    set_body(small_letter, "demo", "{{ title.__class__.__mro__ }}\n")
    with pytest.raises(TemplateError):
        composed_text(small_letter)


def test_no_wrap_keeps_long_lines(small_letter: Path) -> None:
    set_body(small_letter, "demo", "word " * 40 + "\n\n{{ signatories }}\n")
    assert max(len(line) for line in composed_text(small_letter, width=0).splitlines()) > 150
    assert max(len(line) for line in composed_text(small_letter).splitlines()) <= 76


def test_markdown_to_text_renders_structure_without_markup() -> None:
    text = markdown_to_text("## Heading\n\nSome *em* and **strong** and `code`.\n\n"
                            "1. one\n2. two\n\n> quoted\n\n---\n\n[x](https://x.org) "
                            "<https://y.org>\n")
    assert text == ("Heading\n-------\n\nSome em and strong and code.\n\n1. one\n2. two\n\n"
                    "> quoted\n\n* * *\n\nx <https://x.org> https://y.org")



# -- plain prose is read without markdown-it, exactly as markdown-it reads it ------------

# Pieces the fast path lets through, then pieces that make it step aside.
_PROSE_PIECES = ["word", "Ł", "—", "é", " ", "  ", "\n", "\n\n", "1.", "12)", "3", "-", "--",
                 "(y)", "!", ":", "'", '"', ".", ",", "%", "@", "$", "/", "?", ";"]
_MARKUP_PIECES = ["=", "#", "*", "_", "`", "[x]", "<", ">", "&amp;", "\\", "~", "|", "+",
                  "\t", "\r", "\u00a0", "\u2028", "\x85", "\ufeff", "\x00", "{", "^"]


# Texts made of pieces the fast path lets through (so that it is taken), or of any piece.
_PROSE_TEXTS = st.one_of(*(st.lists(st.sampled_from(pieces), max_size=30).map("".join)
                           for pieces in (_PROSE_PIECES, _PROSE_PIECES + _MARKUP_PIECES)))


@settings(max_examples=400, deadline=None)
@given(_PROSE_TEXTS, st.sampled_from([0, 8, 76]))
def test_prose_is_read_as_markdown_it_reads_it(text: str, width: int) -> None:
    from signon.export.text import markdown_blocks_to_text, prose_paragraphs

    if prose_paragraphs(text) is not None:
        assert markdown_to_text(text, width=width) == markdown_blocks_to_text(text, width=width)


def test_prose_fast_path_takes_plain_sentences_only() -> None:
    from signon.export.text import prose_paragraphs

    assert prose_paragraphs("\n5000 organizations (five thousand) call on\nus.\n\nThanks!\n") \
        == ["5000 organizations (five thousand) call on us.", "Thanks!"]
    for marked in ("a *b*", "1. item", "- item", "a  \nb", "    code", "# H", "a\n===",
                   "x &amp; y", "a\u00a0b", "[a](b)"):
        assert prose_paragraphs(marked) is None, marked


# -- plain placeholders are rendered without Jinja2, exactly as Jinja2 renders them --------

_PIECES = ["{{ count }}", "{{count|words}}", "{{ count | words }}", "{{ title }}",
           "{{ date }}", "{{ signatories }}", "{{ unnamed }}", "{{  language  }}",
           "{{ title | words }}", "{{ counts }}", "{{- count }}", "{% raw %}", "{#", "#}",
           "{", "}", "{{", "}}", "%", "|", " ", "\n", "\r\n", "\r", "words", "count", "x",
           "Ł", "{{ count }}}", "{{{ count }}"]


def _jinja(body: str, context: dict[str, object]) -> str | None:
    from signon import compose as module

    saved = module.render_plain
    module.render_plain = lambda body, context: None  # type: ignore[assignment]
    try:
        text = _letter_text(body)
        return module.render_body(text, context)
    except TemplateError:
        return None
    finally:
        module.render_plain = saved


def _letter_text(body: str) -> object:
    from signon.letter import FrontMatter, LetterText

    return LetterText(path=Path("letter.md"), display="letter.md", front=FrontMatter(),
                      body=body, body_line=5, front_line=1)


@given(st.lists(st.sampled_from(_PIECES), max_size=12),
       st.sampled_from(["en", "fr", "be", "xx"]), st.integers(0, 10**6))
@settings(max_examples=400, deadline=None)
def test_plain_placeholders_render_as_jinja_renders_them(pieces: list[str], language: str,
                                                         count: int) -> None:
    from signon.compose import MARKER, render_plain

    body = "".join(pieces)
    context: dict[str, object] = {"count": count, "title": "T {{ x }}", "date": "2024-03-01",
                                  "signatories": MARKER, "language": language, "unnamed": 2,
                                  "counts": {"organizations": count}}
    plain = render_plain(body, context)
    if plain is not None:
        assert plain == _jinja(body, context)


def test_a_plain_letter_does_not_load_jinja2(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = ("import sys; from signon.compose import render_plain, MARKER\n"
            "out = render_plain('We, {{ count }} ({{ count | words }}):\\n{{ signatories }}\\n', "
            "{'count': 78, 'language': 'en', 'signatories': MARKER})\n"
            "assert out.startswith('We, 78 (seventy-eight):'), out\n"
            "print('jinja2' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "False"


@given(st.text(alphabet=st.sampled_from("ab \n\t\r\x1b\x85\u2028\u202e\ufffe\u00e9"), max_size=40))
def test_plain_text_skips_printable_exactly_when_it_would_change_nothing(value: str) -> None:
    # to_plain_text asks holds_controls before running printable over the whole letter.
    from signon.export.text import holds_controls
    from signon.text import has_controls, printable

    assert holds_controls(value) == has_controls(value)
    assert holds_controls(value) == (printable(value, multiline=True) != value)
