"""Composing a letter: the template rendered with the roster's data, and the list it holds.

The body is rendered by a sandboxed Jinja2 environment in which undefined
names are errors.  Organization names only ever enter as *values*, never as
template source, so a name such as ``{{ 7*7 }}`` prints as written.  Where the
body says ``{{ signatories }}`` the renderer leaves a marker line; each output
format replaces that marker with the list in its own form (plain text in
:mod:`signon.export.text`, Word list items, HTML lists…).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from signon.counting import Node, SignatoryList, build_list
from signon.errors import TemplateError
from signon.letter import Letter, LetterText, load_letter
from signon.roster import Roster

if TYPE_CHECKING:
    from signon.check import CheckResult

# A line of its own that no letter contains; formats split the body on it.
MARKER = "\u2063SIGNON-SIGNATORIES\u2063"


@dataclass
class Composed:
    """A letter ready for output: rendered body (Markdown) plus the structured list."""

    letter: Letter
    text: LetterText
    language: str
    body: str  # Markdown, with MARKER where {{ signatories }} stood
    signatories: SignatoryList
    # What the gate found (compose_checked); None when composed without checking.
    check: CheckResult | None = None

    @property
    def forced(self) -> bool:
        """Written although check finds errors in it (the caller forced it)."""
        return self.check is not None and bool(self.check.errors)

    @property
    def title(self) -> str:
        return self.text.front.title or self.letter.front.title

    @property
    def date(self) -> str:
        return self.text.front.date or self.letter.front.date

    @property
    def recipients(self) -> list[str]:
        return self.text.front.recipients or self.letter.front.recipients

    @property
    def show_countries(self) -> bool:
        # A translation that does not say follows the main letter.
        if "show_countries" in self.text.front.given:
            return self.text.front.show_countries
        return self.letter.front.show_countries

    @property
    def count(self) -> int:
        return self.signatories.counts.get(self.letter.front.count)

    def body_parts(self) -> list[str]:
        """The body split around the list: always one more part than list positions."""
        parts = self.body.split(MARKER)
        if len(parts) == 1:  # no {{ signatories }}: the list follows the body
            parts.append("")
        return parts


def template_context(letter: Letter, text: LetterText, signatories: SignatoryList,
                     language: str) -> dict[str, Any]:
    counts = signatories.counts
    return {
        "count": counts.get(letter.front.count),
        "counts": counts.as_dict(),
        "title": text.front.title or letter.front.title,
        "date": text.front.date or letter.front.date,
        "recipients": list(text.front.recipients or letter.front.recipients),
        "language": language,
        "signatories": MARKER,
        "unnamed": signatories.unnamed_organizations,  # organizations that asked not to be named
        # Built only if the template walks it: most letters just use {{ signatories }}.
        "organizations": LazyList(lambda: [_node_data(n) for n in signatories.entries]),
        "individuals": [
            {"name": i.name, "title": i.title, "affiliation": i.affiliation, "date": i.date}
            for i in signatories.individuals
        ],
    }


class LazyList(Sequence[Any]):
    """A list computed on first use."""

    def __init__(self, build: Callable[[], list[Any]]) -> None:
        self._build = build
        self._items: list[Any] | None = None

    def _get(self) -> list[Any]:
        if self._items is None:
            self._items = self._build()
        return self._items

    def __getitem__(self, index: Any) -> Any:
        return self._get()[index]

    def __len__(self) -> int:
        return len(self._get())

    def __iter__(self) -> Iterator[Any]:
        return iter(self._get())


def _node_data(node: Node) -> dict[str, Any]:
    return {
        "id": node.id, "name": node.name, "kind": node.kind, "country": node.country,
        "heading": node.heading, "members": [_node_data(c) for c in node.children],
    }


# The placeholders most letters hold and nothing else: {{ count }}, {{ count | words }},
# {{ title }}…  Such a body is rendered here, as Jinja2 renders it (a property test holds
# the two equal), without loading Jinja2 (~30 ms, a fifth of `check` on a large letter).
_PLAIN_PLACEHOLDER = re.compile(
    r"\{\{ *(count|title|date|signatories|language|unnamed)( *\| *words)? *\}\}")
_NEWLINE = re.compile(r"\r\n?")


def render_plain(body: str, context: dict[str, Any]) -> str | None:
    """``body`` rendered when its only template syntax is plain placeholders; None when
    it holds anything else (Jinja2 renders those, and reports their errors)."""
    if "{%" in body or "{#" in body:
        return None
    parts = _PLAIN_PLACEHOLDER.split(body)
    out: list[str] = []
    for i in range(0, len(parts), 3):
        piece = parts[i]
        if "{{" in piece or (piece.endswith("{") and i + 1 < len(parts)):
            return None  # a placeholder this reader does not know, or "{{{ count }}"
        out.append(_NEWLINE.sub("\n", piece) if "\r" in piece else piece)
        if i + 1 < len(parts):
            value = context.get(parts[i + 1])
            if parts[i + 2]:
                if type(value) is not int:
                    return None
                from signon.numwords import to_words

                try:
                    value = to_words(value, str(context.get("language", "en")))
                except Exception:  # e.g. a language without number words
                    return None  # Jinja2 renders it again and says where
            elif type(value) not in (str, int):
                return None
            out.append(str(value))
    from signon.sandbox import MAX_OUTPUT

    result = "".join(out)
    return result if len(result) <= MAX_OUTPUT else None


def render_body(text: LetterText, context: dict[str, Any]) -> str:
    """Render the letter body; template problems become :class:`TemplateError` with file:line."""
    plain = render_plain(text.body, context)
    if plain is not None:
        return plain
    import jinja2

    from signon import sandbox
    from signon.numwords import to_words

    # Bounded in time, output and loop length: one hostile letter must not hang check.
    env = sandbox.bounded_environment(
        undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True
    )
    language = str(context.get("language", "en"))

    def words(value: Any, lang: str | None = None) -> str:
        return to_words(int(value), lang or language)

    env.filters["words"] = words
    offset = text.body_line - 1
    try:
        template = env.from_string(text.body)
        return sandbox.render(env, template, context)
    except jinja2.TemplateSyntaxError as err:
        line = (err.lineno or 1) + offset
        raise TemplateError(
            f"{text.display}:{line}: template error: {err.message}; fix the placeholder "
            "(write {% raw %}{{ … }}{% endraw %} for literal braces)",
            path=text.display, line=line,
        ) from None
    except jinja2.UndefinedError as err:
        line = _template_line(err) + offset
        raise TemplateError(
            f"{text.display}:{line}: {err.message}; the placeholders are count, counts, title, "
            "date, recipients, language, signatories, organizations, individuals and unnamed",
            path=text.display, line=line,
        ) from None
    except jinja2.TemplateError as err:
        line = _template_line(err) + offset
        raise TemplateError(
            f"{text.display}:{line}: template error: {err}; fix the placeholder and run again",
            path=text.display, line=line,
        ) from None
    except Exception as err:  # a filter given a wrong value, e.g. words on a name
        from signon.errors import RefusedInput, SignonError

        if isinstance(err, RefusedInput):
            # A filter refused its input (e.g. `words` in a language num2words lacks):
            # a template problem at that line, so check reports it and goes on.
            line = _template_line(err) + offset
            raise TemplateError(f"{text.display}:{line}: {err}", path=text.display,
                                line=line) from None
        if isinstance(err, SignonError):
            raise
        line = _template_line(err) + offset
        raise TemplateError(
            f"{text.display}:{line}: template error: {err}; fix the placeholder and run again",
            path=text.display, line=line,
        ) from None


def _template_line(err: BaseException) -> int:
    """The template line an error was raised on (Jinja rewrites tracebacks to point there)."""
    import traceback

    line = 1
    for frame, lineno in traceback.walk_tb(err.__traceback__):
        if frame.f_code.co_filename == "<template>":
            line = lineno
    return line


def compose(root: Path, roster: Roster, slug: str, *, language: str | None = None) -> Composed:
    letter = load_letter(root, slug)
    return compose_letter(letter, roster, language=language)


def compose_letter(letter: Letter, roster: Roster, *, language: str | None = None) -> Composed:
    text = letter.text_for(language)
    lang = text.front.language or language or letter.front.language
    signatories = build_list(letter, roster, language=lang)
    body = render_body(text, template_context(letter, text, signatories, lang))
    return Composed(letter=letter, text=text, language=lang, body=body, signatories=signatories)


def compose_checked(letter: Letter, roster: Roster, *, language: str | None = None,
                    force: bool = False) -> Composed:
    """The letter composed for output: refused (LetterHasErrors) when ``check`` finds
    errors in the version being written, unless ``force``.  Every output goes through
    here, so a wrong count never leaves silently."""
    from signon.check import gate

    composed = compose_letter(letter, roster, language=language)
    composed.check = gate(composed, roster, force=force)
    return composed
