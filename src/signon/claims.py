"""Find the numbers in a letter that claim how many signed it, and check them.

A *claim* is a number that counts signatories: "78 human rights organizations",
"more than seventy groups", "80 организаций".  ``signon check`` compares each
claim with the count of the rule it speaks of (see SPEC, "Counting").

How a claim is recognised, in order:

1. Jinja spans (``{{ … }}``, ``{% … %}``, ``{# … #}``), URLs, Markdown link
   targets and e-mail addresses are opaque: a number inside them is never a
   claim, and they break a phrase ("78 {{ kind }} organizations" is no claim,
   since the placeholder could render anything).
2. A number: digits ("78", "1,200", "1 200") or, in English, words
   ("seventy-eight", "One hundred and twelve", "a dozen").  Digits glued to
   letters or signs ("G7", "19th", "40%", "$5", "COVID-19", "+375"), decimals
   ("4,5 years"), ranges ("70-80", "between 70 and 80") and numbers after a
   reference word ("Article 19", "Resolution 1325", "No. 5") are skipped, as
   is a plain four-digit year after "in", "since", a month and the like.
3. An optional qualifier just before it ("more than", "nearly", "~") or just
   after it ("or more", "70+").
4. A signatory noun after at most four modifier words ("human rights",
   "civil society"), with no punctuation in between and no word that starts a
   new phrase ("of", "the", "were", "more", a month, "years"…): so "two of the
   organizations", "24 November", "one more action" and "100 villages" are no
   claims.  In English a singular noun only counts for the value 1, which
   keeps "the 2019 NGO law" out and reads "78 member organizations" whole.

Choices for ambiguous phrases (each one pinned by a test):

* "one" in words alone is never a claim: in prose it is nearly always a
  pronoun or article ("one of the founders", "one group in particular").
  Digits "1 organization" are a claim.
* "a dozen"/"two dozen" without a qualifier is an ``about`` claim: the phrase
  is idiomatically approximate.
* People nouns (individuals, people, persons and their equivalents) are only a
  claim in a signing context: joined to a preceding claim ("five organizations
  and two individuals"), after "we" ("We, 40 individuals, …"), after a signing
  word earlier in the sentence ("signed by 120 people", "the undersigned …"),
  or followed by a signing verb ("100 individuals have signed", "… call on").
  So "100 people were arrested" is no claim.
* Any noun followed by a victim participle ("270 NGOs were forcibly
  liquidated", "5 organizations banned") or preceded by a victim word ("the
  closure of 80 organizations", "against 5 NGOs") is no claim: letters of this
  kind report repression in numbers all the time (English only).
* "members of parliament", "member states" are no claims; "human rights
  defenders" and "activists" are not signatory nouns (they are far more often
  the subject of the letter than its signers).
* Deltas are no claims: "5 more organizations", "12 new groups", "78 other
  organizations".
* In the other languages (fr, es, de, ru, uk, pl, be) only digit claims are
  found, with their nouns and qualifiers; the victim rule is English-only.
  An unknown language uses the nouns and qualifiers of all of them.

This module is what the rest of signon calls; the scanner that finds claims is
:mod:`signon.claim_scan`, loaded only for a text whose claims the parse cache does not
hold (its patterns and vocabularies take longer to load than ``check`` spends on a
cached letter).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from signon.errors import WorkspaceFileError

__all__ = ["QUALIFIERS", "Claim", "claim_from_value", "claim_holds", "find_claims"]

QUALIFIERS: tuple[str, ...] = (
    "exact",
    "more-than",
    "at-least",
    "about",
    "fewer-than",
    "at-most",
)


@dataclass(frozen=True)
class Claim:
    """One number in a letter that counts its signatories."""

    text: str  # the phrase as written: "More than 4 organizations"
    value: int
    qualifier: str  # one of QUALIFIERS
    rule: str  # "individuals" for people nouns, else the letter's count rule
    line: int  # 1-based, in the file when first_line is given
    column: int  # 1-based, where ``text`` starts


def claim_holds(qualifier: str, value: int, counted: int) -> bool:
    """Whether ``counted`` signatories make the claim "``qualifier`` ``value``" true.

    ``about`` holds within 10% of ``value`` either way ("nearly 80" holds for 73
    and 88, not for 71).  Raises ``ValueError`` for an unknown qualifier.
    """
    if qualifier == "exact":
        return counted == value
    if qualifier == "more-than":
        return counted > value
    if qualifier == "at-least":
        return counted >= value
    if qualifier == "about":
        # Integer arithmetic: 0.1 * value would misjudge the boundary ("nearly 80"
        # must hold for exactly 88).
        return 10 * abs(counted - value) <= value
    if qualifier == "fewer-than":
        return counted < value
    if qualifier == "at-most":
        return counted <= value
    raise ValueError(f"unknown claim qualifier {qualifier!r}; expected one of {QUALIFIERS}")


# --------------------------------------------------------------------------- tables


def find_claims(
    text: str,
    *,
    default_rule: str = "organizations",
    language: str = "en",
    first_line: int = 1,
) -> list[Claim]:
    """Every claim in ``text`` (a letter body), in order of position.

    ``language`` is the letter's language ("en", "fr", "pt-BR"…); ``default_rule``
    is the letter's count rule, given to every claim whose noun is not a people
    noun; ``first_line`` is the file line ``text`` starts on, so that line
    numbers point into the file.  See the module docstring for what counts.

    Answered from the parse cache when the same text was read before: compiling one
    language's patterns costs more than ``check`` spends on a small letter (~15 ms).
    """
    from signon.parsecache import cached_result

    def compute() -> dict[str, Any]:
        from signon.claim_scan import scan_claims

        found = scan_claims(text, default_rule=default_rule, language=language,
                            first_line=first_line)
        return {"claims": [[c.text, c.value, c.qualifier, c.rule, c.line, c.column]
                           for c in found]}

    data = cached_result(f"claims-{_code_version()}",
                         f"{default_rule}\0{language}\0{first_line}\0{text}", compute,
                         min_size=0)
    return [Claim(*row) for row in data["claims"]]


@functools.cache
def _code_version() -> str:
    """A digest of the code and vocabularies that find claims: a cached result of other
    rules is never used."""
    from pathlib import Path

    from signon.parsecache import blake2b

    here = Path(__file__).parent
    digest = blake2b(digest_size=12)
    for path in [here / "claims.py", here / "claim_scan.py", here / "numwords.py",
                 *sorted((here / "claim_words").glob("*.py"))]:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def bad_claim(value: object) -> WorkspaceFileError:
    return WorkspaceFileError(
        f"the front-matter claim {value!r} is not a count of signatories; write a "
        'number such as 78 or a phrase such as "more than 70" or "nearly 80 organizations".'
    )


def claim_from_value(
    value: int | str,
    *,
    default_rule: str = "organizations",
    language: str = "en",
    line: int = 1,
    column: int = 1,
) -> Claim:
    """The claim of a front-matter ``claim = 78`` or ``claim = "more than 70"``.

    Strings take an optional qualifier, a number in digits or English words and
    an optional signatory noun ("nearly 80", "70+", "at least seventy groups",
    "12 individuals" — the last gets the rule "individuals").  ``line`` and
    ``column`` are where the value stands in the file.  Raises
    :class:`WorkspaceFileError` for anything else (a letter file the tool
    cannot use), naming the value and what to write instead.
    """
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise bad_claim(value)
    if isinstance(value, int):
        if value < 0:
            raise bad_claim(value)
        return Claim(str(value), value, "exact", default_rule, line, column)
    from signon.claim_scan import claim_from_text

    return claim_from_text(value, default_rule=default_rule, language=language, line=line,
                           column=column)
