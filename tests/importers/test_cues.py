"""Lines that announce a signatory list, in the languages letters are written in."""

from __future__ import annotations

from pathlib import Path

from signon.audit import audit_file

FIXTURES = Path(__file__).parent / "fixtures"


def test_gez_announces_the_list_of_a_german_declaration() -> None:
    # The first 200 lines, as published, of eklausme/saaze-wendt@76aa994fa961b64f40f4f478002f
    # 81834316e003:content/mag/2018/03-erklaerung-vom-15-maerz.md: "gez." (gezeichnet,
    # signed) above 32 names set apart by <br>, then readers' comments, one signed
    # "gez. Dr. Angela Merkel…" in jest.  Counted by hand: 32 people, no organization.
    audit = audit_file(FIXTURES / "de-erklaerung-2018-head.md")
    counts = audit.check.counts
    assert (counts.organizations, counts.individuals) == (0, 32)
