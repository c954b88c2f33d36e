"""``signon check``: everything that can make a letter wrong, found before it is sent.

Each finding has a code, a severity and a location.  Errors fail the check;
warnings fail it only under ``--strict``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from signon.counting import Counts, SignatoryList, build_list
from signon.errors import LetterHasErrors, Remedy, TemplateError, WorkspaceFileError
from signon.letter import Letter, LetterText, load_letter
from signon.roster import Entry, Roster
from signon.text import has_controls, mixed_script_words, printable

if TYPE_CHECKING:
    from signon.compose import Composed

ERROR = "error"
WARNING = "warning"


@dataclass
class Finding:
    code: str
    severity: str
    message: str
    line: int | None = None
    file: str = ""
    remedies: tuple[Remedy, ...] = ()

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "severity": self.severity,
                               "message": self.message, "line": self.line,
                               "file": self.file or None}
        if self.remedies:
            out["remedies"] = [r.to_json() for r in self.remedies]
        return out


@dataclass
class ClaimResult:
    text: str
    value: int
    qualifier: str
    rule: str
    counted: int
    ok: bool
    line: int
    file: str
    language: str

    @property
    def where(self) -> str:
        """ "letters/x/letter.md:14", or the file alone where it has no lines (a .docx)."""
        return f"{self.file}:{self.line}" if self.line else self.file

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "value": self.value, "qualifier": self.qualifier,
                "rule": self.rule, "counted": self.counted, "ok": self.ok, "line": self.line,
                "file": self.file, "language": self.language}


@dataclass
class CheckResult:
    letter: str
    counts: Counts
    claims: list[ClaimResult] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    title: str = ""
    strict: bool = False
    unreadable: bool = False  # a file of the letter could not be read (exit 4 territory)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors and not (self.strict and self.warnings)

    def to_json(self) -> dict[str, Any]:
        return {"letter": self.letter, "ok": self.ok, "counts": self.counts.as_dict(),
                "claims": [c.to_json() for c in self.claims],
                "findings": [f.to_json() for f in self.findings]}


_QUALIFIER_WORDS = {
    "exact": "", "more-than": "more than ", "at-least": "at least ", "about": "about ",
    "fewer-than": "fewer than ", "at-most": "at most ",
}


def check_letter(root: Path, roster: Roster, slug: str, *, strict: bool = False) -> CheckResult:
    letter = load_letter(root, slug)
    signatories = build_list(letter, roster)
    return check_loaded(letter, roster, signatories, strict=strict)


def check_letters(root: Path, roster: Roster, slugs: list[str], *,
                  strict: bool = False) -> list[CheckResult]:
    """Check each letter; one whose files cannot be read is reported (code letter-file)
    without stopping the others, so a CI gate shows every problem at once."""
    results = []
    for slug in slugs:
        try:
            results.append(check_letter(root, roster, slug, strict=strict))
        except WorkspaceFileError as err:
            unreadable = CheckResult(letter=slug, counts=Counts(0, 0, 0, 0), strict=strict)
            unreadable.findings.append(Finding("letter-file", ERROR, str(err)))
            unreadable.unreadable = True
            results.append(unreadable)
    return results


def check_loaded(letter: Letter, roster: Roster, signatories: SignatoryList, *,
                 strict: bool = False, text: LetterText | None = None,
                 rendered: bool = False) -> CheckResult:
    """Every finding for ``letter`` with its list ``signatories``.

    ``text``: check only that language version (and what all versions share), as
    compose and export do for the version they write.  ``rendered``: the template is
    known to render (the caller just rendered it), so it is not rendered again.
    """
    result = CheckResult(letter=letter.slug, counts=signatories.counts, title=letter.front.title,
                         strict=strict)
    record_file = f"letters/{letter.slug}/signatures.toml"
    for eid in dict.fromkeys(signatories.unknown_ids):
        result.findings.append(Finding(
            "unknown-id", ERROR,
            f"{record_file}: {letter.slug!r} is signed by {eid!r}, which is not in the roster; "
            "add it to the roster or withdraw the signature",
            file=record_file,
            remedies=(Remedy("add-org", ("…",), (("id", eid),)),
                      Remedy("withdraw", (letter.slug, eid))),
        ))
    _roster_findings(result, roster, signatories)
    for eid, where in signatories.duplicates.items():
        places = ", ".join("directly" if w == "(top level)" else f"via {w}" for w in where)
        name = roster.entries[eid].name if eid in roster.entries else eid
        result.findings.append(Finding(
            "duplicate-signatory", ERROR,
            f"{letter.slug}: {name!r} ({eid}) is listed {len(where)} times ({places}); "
            f"withdraw the direct signature or remove it from the coalition",
            file=record_file,
        ))
    for cycle in _unique_cycles(signatories.cycles):
        if cycle[0] != cycle[-1]:  # not a loop: nesting past counting.MAX_DEPTH
            result.findings.append(Finding(
                "coalition-cycle", ERROR,
                f"orgs.toml: coalitions nest more than {len(cycle) - 1} levels deep "
                f"({cycle[0]} → … → {cycle[-1]}); flatten them by removing members",
                file="orgs.toml",
                remedies=(Remedy("remove-members", (cycle[0], cycle[1])),),
            ))
            continue
        result.findings.append(Finding(
            "coalition-cycle", ERROR,
            f"orgs.toml: coalitions form a cycle ({' → '.join(cycle)}); "
            "remove one of those memberships",
            file="orgs.toml",
            remedies=(Remedy("remove-members", (cycle[0], cycle[1])),),
        ))
    versions = [text] if text is not None else _versions(letter, result)
    _control_findings(result, letter, roster, signatories, versions)
    for version in versions:
        _template_and_claims(result, letter, roster, signatories, version, render=not rendered)
    return result


def gate(composed: Composed, roster: Roster, *, force: bool = False) -> CheckResult:
    """What stands between a letter and its output: the checks ``check`` runs, on the
    version being written.  Errors refuse the output unless ``force``; the result (with
    its warnings) is returned either way."""
    result = check_loaded(composed.letter, roster, composed.signatories,
                          text=composed.text, rendered=True)
    if result.errors and not force:
        raise LetterHasErrors(refusal(result), [result])
    return result


def refusal(result: CheckResult) -> str:
    """The one sentence that says why a letter was not written."""
    errors = result.errors
    first = errors[0]
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return (f"not writing {result.letter!r}: check finds {_count_of(len(errors), 'errors')} "
            f"in it — {first.code}{more}; correct the letter")


def _control_findings(result: CheckResult, letter: Letter, roster: Roster,
                      signatories: SignatoryList, versions: list[LetterText]) -> None:
    """Control and bidi characters in any file the letter is made from (a hand edit or a
    paste): a terminal would obey them, a reader would see a line that lies."""
    def flag(file: str, what: str, value: str, line: int | None = None) -> None:
        where = f"{file}:{line}" if line else file
        result.findings.append(Finding(
            "control-character", ERROR,
            f"{where}: {what} {printable(value)!r} holds control or bidi characters that would "
            "garble the letter; retype it without them", line=line, file=file))

    record_file = f"letters/{letter.slug}/signatures.toml"
    people = letter.record.active_individuals()
    # One search over all the values at once (has_controls ignores the newlines that join
    # them): a clean letter of 50,000 signatures then costs one pass, not 150,000.
    if has_controls("\n".join(f"{p.name}\n{p.title}\n{p.affiliation}" for p in people)):
        for person in people:
            for value in (person.name, person.title, person.affiliation):
                if has_controls(value):
                    flag(record_file, "individual", value)
                    break
    signatures = letter.record.active()
    if has_controls("\n".join(f"{sig.signer}\n{sig.printed}" for sig in signatures)):
        for sig in signatures:
            if has_controls(sig.signer):
                flag(record_file, f"the signer for {sig.id}", sig.signer)
            if has_controls(sig.printed):
                flag(record_file, f"the name printed for {sig.id}", sig.printed)
    for eid in _suspects(roster, signatories.listed):
        entry = roster.entries[eid]
        for value in (entry.country, entry.city, entry.heading):
            if has_controls(value):
                flag("orgs.toml", f"{entry.id}:", value)
                break
    for text in versions:
        front = text.front
        values = [front.title, front.date, *front.recipients,
                  *(v for v in front.extra.values() if isinstance(v, str))]
        bad = next((v for v in values if has_controls(v)), None)
        if bad is not None:
            flag(text.display, "the front matter value", bad, 2)
        lines = text.body.replace("\r\n", "\n").split("\n")
        for n, line in enumerate(lines, start=text.body_line):
            if has_controls(line):
                flag(text.display, "the line", line, n)
                break


def _versions(letter: Letter, result: CheckResult) -> list[LetterText]:
    from signon.errors import SignonError

    versions = [letter.main]
    for language in letter.languages():
        if language == letter.front.language:
            continue
        try:
            versions.append(letter.text_for(language))
        except SignonError as err:
            result.findings.append(Finding("letter-file", ERROR, str(err)))
    return versions


def _template_and_claims(result: CheckResult, letter: Letter, roster: Roster,
                         signatories: SignatoryList, text: LetterText, *,
                         render: bool = True) -> None:
    from signon.claims import claim_from_value, claim_holds, find_claims
    from signon.compose import render_body, template_context

    language = text.front.language or letter.front.language
    if render:
        try:
            render_body(text, template_context(letter, text, signatories, language))
        except TemplateError as err:
            result.findings.append(Finding("template-error", ERROR, str(err), line=err.line,
                                           file=text.display))
    rule = letter.front.count
    claims = find_claims(text.body, default_rule=rule, language=language,
                         first_line=text.body_line)
    if text.front.claim is not None:
        try:
            claims.insert(0, claim_from_value(text.front.claim, default_rule=rule,
                                              language=language, line=text.front_line))
        except WorkspaceFileError as err:
            result.findings.append(Finding(
                "claim-invalid", ERROR, f"{text.display}:{text.front_line}: {err}",
                line=text.front_line, file=text.display))
    for claim in claims:
        counted = result.counts.get(claim.rule)
        holds = claim_holds(claim.qualifier, claim.value, counted)
        said_text = _as_read(claim.text)
        result.claims.append(ClaimResult(
            text=said_text, value=claim.value, qualifier=claim.qualifier, rule=claim.rule,
            counted=counted, ok=holds, line=claim.line, file=text.display, language=language,
        ))
        if not holds:
            said = f"{_QUALIFIER_WORDS.get(claim.qualifier, '')}{claim.value}"
            fix = ("write {{ count }} instead of the number so it is always right"
                   if claim.rule == rule else "correct the number")
            result.findings.append(Finding(
                "claim-mismatch", ERROR,
                f"{text.display}:{claim.line}: the letter says {said_text!r} "
                f"({said} {claim.rule}) "
                f"but {_count_of(counted, claim.rule)} signed; {fix}",
                line=claim.line, file=text.display,
            ))


def _as_read(text: str) -> str:
    if "&" not in text:
        return text  # the scanner loads only for a letter with HTML in it
    from signon.claim_scan import as_read

    return as_read(text)


def _count_of(n: int, rule: str) -> str:
    singular = {"organizations": "organization", "entries": "entry", "names": "name",
                "individuals": "individual", "errors": "error"}
    return f"{n} {rule if n != 1 else singular.get(rule, rule)}"


def _suspect_ids(entries: Iterable[Entry]) -> list[str]:
    """The ids of ``entries`` with a name that holds control characters or mixes scripts
    in a word, or a country, city or heading with control characters: those check looks
    at closely.  All values are searched at once first (no word spans the newlines that
    join them), so a clean roster costs two searches."""
    entries = list(entries)
    names = "\n".join(name for e in entries for name in e.all_names())
    places = "\n".join(f"{e.country}\n{e.city}\n{e.heading}" for e in entries)
    if not has_controls(names) and not has_controls(places) and not mixed_script_words(names):
        return []
    return [e.id for e in entries
            if any(has_controls(v) for v in (*e.all_names(), e.country, e.city, e.heading))
            or any(mixed_script_words(name) for name in e.all_names())]


def _suspects(roster: Roster, listed: list[str]) -> list[str]:
    """:func:`_suspect_ids` of the entries ``listed``, in that order.  For a roster read
    from a file the whole roster is searched once per version of that file, and the
    answer kept in the parse cache under its text, as its duplicate pairs are."""
    source = roster.identity_cache.get("source")
    if not isinstance(source, str):
        return _suspect_ids(roster.entries[eid] for eid in listed)
    known = roster.identity_cache.get("suspects")
    if known is None:
        from signon import text as text_module
        from signon.parsecache import cached_result, code_version

        kind = f"suspect-names-{code_version(__file__, text_module.__file__)}"
        data = cached_result(kind, source,
                             lambda: {"ids": _suspect_ids(roster.entries.values())})
        known = roster.identity_cache["suspects"] = set(data["ids"])
    return [eid for eid in listed if eid in known] if known else []


def _roster_findings(result: CheckResult, roster: Roster, signatories: SignatoryList) -> None:
    listed = signatories.listed
    suspects = set(_suspects(roster, listed))
    closely = suspects | signatories.listed_coalitions
    for eid in listed:
        if eid not in closely:
            continue  # the most of a list: nothing to look at, and no Entry made for it
        entry = roster.entries[eid]
        if entry.kind == "coalition":
            if not entry.members:
                result.findings.append(Finding(
                    "empty-coalition", WARNING,
                    f"orgs.toml: coalition {entry.name!r} ({eid}) has no members, so it adds "
                    "nobody to the count; add its members",
                    file="orgs.toml",
                    remedies=(Remedy("add-members", (eid, "…")),),
                ))
            for member in entry.members:
                if member not in roster.entries:
                    result.findings.append(Finding(
                        "unknown-id", ERROR,
                        f"orgs.toml: coalition {eid!r} lists member {member!r}, which is not in "
                        "the roster; add it to the roster or remove it from the coalition",
                        file="orgs.toml",
                        remedies=(Remedy("add-org", ("…",), (("id", member),)),
                                  Remedy("remove-members", (eid, member))),
                    ))
        if eid not in suspects:
            continue
        for name in entry.all_names():
            if has_controls(name):  # only a hand edit can get these past validation
                result.findings.append(Finding(
                    "control-character", ERROR,
                    f"orgs.toml: {printable(name)!r} ({eid}) holds control or bidi characters "
                    "that would garble the letter; retype it",
                    file="orgs.toml",
                    remedies=(_retype(entry, name),),
                ))
                break
            bad = mixed_script_words(name)
            if bad:
                result.findings.append(Finding(
                    "mixed-script", WARNING,
                    f"orgs.toml: {name!r} ({eid}) mixes alphabets in {bad[0]!r} (e.g. a Cyrillic "
                    "letter that looks Latin); retype it",
                    file="orgs.toml",
                    remedies=(_retype(entry, name),),
                ))
                break
    _duplicate_findings(result, roster, listed)


def _retype(entry: Entry, name: str) -> Remedy:
    """The edit that replaces ``name``: the entry's name, or one of its other names."""
    if name == entry.name:
        return Remedy("edit-org", (entry.id,), (("name", "…"),))
    return Remedy("edit-org", (entry.id,), (("remove_alias", name), ("alias", "…")))


def _duplicate_findings(result: CheckResult, roster: Roster, listed: list[str]) -> None:
    """Likely duplicate pairs (signon.identity) with at least one side on this letter."""
    from signon.identity import roster_pairs

    on_letter = set(listed)
    for pair in roster_pairs(roster):
        a, b = pair.first, pair.second
        if a.id not in on_letter and b.id not in on_letter:
            continue
        if b.id in on_letter and a.id not in on_letter:
            a, b = b, a
        why = pair.likeness.reason
        if b.id in on_letter:
            message = (f"{result.letter}: {a.name!r} ({a.id}) and {b.name!r} ({b.id}) both "
                       f"signed and look like one organization ({why}); if they are, "
                       "merging them counts it once")
        else:
            message = (f"{result.letter}: {a.name!r} ({a.id}) signed, and the roster also "
                       f"holds {b.name!r} ({b.id}), which looks like the same organization "
                       f"({why}); if it is, merge them")
        result.findings.append(Finding("possible-duplicate", WARNING, message,
                                       file=f"letters/{result.letter}/signatures.toml",
                                       remedies=(Remedy("merge", (a.id, b.id)),)))


def _unique_cycles(cycles: list[list[str]]) -> list[list[str]]:
    seen: set[frozenset[str]] = set()
    out = []
    for cycle in cycles:
        key = frozenset(cycle)
        if key not in seen:
            seen.add(key)
            out.append(cycle)
    return out
