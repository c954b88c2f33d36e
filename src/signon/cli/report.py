"""The check report: how ``check`` shows a letter's counts, claims and findings.

``compose`` and ``export`` show the same report (on stderr) for a letter they refuse
or write with warnings, so a coordinator reads one format wherever a letter is judged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from signon.cli._common import print_styled, with_remedies

if TYPE_CHECKING:
    from signon.check import CheckResult
    from signon.compose import Composed


def print_check_report(result: CheckResult, *, err: bool = False,
                       findings_only: bool = False) -> None:
    """The verdict line, each claim and each finding of one letter (on stderr if ``err``).

    ``findings_only``: just the findings (a written letter's warnings)."""
    if not findings_only:
        mark = ("✓ ", "green") if result.ok else ("✗ ", "red")
        print_styled([mark, (f"{result.letter}: {result.counts.summary()}", "")], err=err)
        for claim in result.claims:
            print_styled([
                (f"  claim {claim.where} {claim.text!r} → "
                 f"{claim.counted} {claim.rule} ", "dim"),
                ("holds", "green") if claim.ok else ("does NOT hold", "bold red"),
            ], err=err)
    for finding in result.findings:
        print_styled([
            (f"  {finding.severity} ", "red" if finding.severity == "error" else "yellow"),
            (f"{finding.code}: {with_remedies(finding.message, finding.remedies)}", ""),
        ], err=err)


def print_gate_notes(composed: Composed) -> None:
    """What the gate let through, on stderr: warnings, and a forced letter's errors."""
    result = composed.check
    if result is None or not result.findings:
        return
    if composed.forced:
        errors = len(result.errors)
        print_styled([(
            f"warning: {result.letter}: written although check finds {errors} "
            f"error{'s' if errors != 1 else ''} in it (forced); the export record notes it",
            "yellow")], err=True)
    print_check_report(result, err=True, findings_only=True)
