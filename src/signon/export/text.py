"""Plain text: exactly what ``signon compose`` prints, so e-mail and Word say the same."""

from __future__ import annotations

from signon.compose import WRAP, Composed, to_plain_text


def render(composed: Composed, *, width: int = WRAP) -> bytes:
    return to_plain_text(composed, width=width).encode("utf-8")
