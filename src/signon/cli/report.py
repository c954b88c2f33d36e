"""The check report: how ``check`` shows a letter's counts, claims and findings.

``compose`` and ``export`` show the same report (on stderr) for a letter they refuse
or write with warnings, so a coordinator reads one format wherever a letter is judged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from signon.cli._common import with_remedies

if TYPE_CHECKING:
    from rich.console import Console

    from signon.check import CheckResult
    from signon.compose import Composed


def print_check_report(result: CheckResult, console: Console, *,
                       findings_only: bool = False) -> None:
    """The verdict line, each claim and each finding of one letter.

    ``findings_only``: just the findings (a written letter's warnings)."""
    from rich.text import Text

    if not findings_only:
        mark = Text("✓ ", style="green") if result.ok else Text("✗ ", style="red")
        mark.append(f"{result.letter}: {result.counts.summary()}")
        console.print(mark, soft_wrap=True)
        for claim in result.claims:
            line = Text(
                f"  claim {claim.file}:{claim.line} {claim.text!r} → "
                f"{claim.counted} {claim.rule} ",
                style="dim",
            )
            line.append(
                "holds" if claim.ok else "does NOT hold",
                style="green" if claim.ok else "bold red",
            )
            console.print(line, soft_wrap=True)
    for finding in result.findings:
        line = Text(f"  {finding.severity} ",
                    style="red" if finding.severity == "error" else "yellow")
        line.append(f"{finding.code}: {with_remedies(finding.message, finding.remedies)}")
        console.print(line, soft_wrap=True)


def print_gate_notes(composed: Composed, console: Console) -> None:
    """What the gate let through, on stderr: warnings, and a forced letter's errors."""
    from rich.text import Text

    result = composed.check
    if result is None or not result.findings:
        return
    if composed.forced:
        errors = len(result.errors)
        console.print(Text(
            f"warning: {result.letter}: written although check finds {errors} "
            f"error{'s' if errors != 1 else ''} in it (forced); the export record notes it",
            style="yellow"), soft_wrap=True)
    print_check_report(result, console, findings_only=True)
