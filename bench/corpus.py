"""The corpus of real letters (tests/corpus/): read the manifests, import each letter, score it.

Shared by ``bench/bench_corpus.py`` (prints a line per letter) and ``tests/test_corpus.py``
(holds the totals at or above ``tests/corpus/baseline.toml``).  Each letter is imported with
signon's library in dry-run into a fresh temporary workspace, as ``signon import-letter
--dry-run`` would, once without hints and once with the manifest's ``start``/``end`` hints.
"""

from __future__ import annotations

import re
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
BASELINE = CORPUS / "baseline.toml"

FORMATS = ("md", "html", "txt", "docx", "pdf")
SHAPES = frozenset({
    "bullets", "name-country", "sections", "individuals", "coalitions", "numbered",
    "number-alone", "table-pipe", "table-grid", "html-list", "html-table", "html-cards",
    "one-sentence", "name-dash-place", "name-paren-country", "person-title-org-country",
    "plain-lines",
})
RULES = frozenset({"organizations", "individuals"})
REQUIRED = {
    "id": str, "title": str, "language": str, "source": str, "retrieved": str,
    "shapes": list, "start": str, "end": str, "sections": list, "counts": dict,
}
COUNT_KEYS = ("organizations", "individuals", "entries")
SOURCE_RE = re.compile(
    r"^(?:github:[A-Za-z0-9][\w.-]*/[\w.-]+@[0-9a-f]{40}:\S.*|page:https?://\S+)$"
)
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def tolerance(hand: int) -> float:
    """How far a found count may be from the hand count: 1, or 2% of a long list."""
    return max(1.0, 0.02 * hand)


def within(hand: int, found: int) -> bool:
    return abs(found - hand) <= tolerance(hand)


@dataclass(frozen=True)
class Letter:
    folder: Path
    meta: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.meta["id"])

    @property
    def source(self) -> Path:
        return source_file(self.folder)

    @property
    def organizations(self) -> int:
        return int(self.meta["counts"]["organizations"])

    @property
    def individuals(self) -> int:
        return int(self.meta["counts"]["individuals"])

    @property
    def has_hints(self) -> bool:
        return bool(self.meta.get("start") or self.meta.get("end"))


def source_file(folder: Path) -> Path:
    found = [folder / f"source.{ext}" for ext in FORMATS if (folder / f"source.{ext}").is_file()]
    if len(found) != 1:
        raise ValueError(f"{folder.name}: expected exactly one source.<{'|'.join(FORMATS)}> file, "
                         f"found {len(found)}")
    return found[0]


def problems(folder: Path) -> list[str]:
    """Everything wrong with one letter's folder and manifest; [] when it is well-formed."""
    meta_path = folder / "meta.toml"
    if not meta_path.is_file():
        return ["no meta.toml"]
    try:
        meta = tomllib.loads(meta_path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        return [f"meta.toml does not parse: {err}"]
    out: list[str] = []
    for key, kind in REQUIRED.items():
        if key not in meta:
            out.append(f"missing key {key!r}")
        elif not isinstance(meta[key], kind):
            out.append(f"{key!r} should be a {kind.__name__}")
    if out:
        return out
    if meta["id"] != folder.name:
        out.append(f"id {meta['id']!r} is not the folder's name {folder.name!r}")
    if not SOURCE_RE.match(meta["source"]):
        out.append("source is neither github:owner/repo@<40-hex commit>:path nor page:<URL>")
    if not DATE_RE.match(meta["retrieved"]):
        out.append("retrieved is not a YYYY-MM-DD date")
    unknown = [s for s in meta["shapes"] if s not in SHAPES]
    if unknown or not meta["shapes"]:
        out.append(f"shapes should be a non-empty list from the schema; unknown: {unknown}")
    if not all(isinstance(s, str) and s for s in meta["sections"]):
        out.append("sections should be non-empty strings")
    for key in COUNT_KEYS:
        value = meta["counts"].get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            out.append(f"counts.{key} should be an integer >= 0")
    for claim in meta.get("claims", []):
        if not (isinstance(claim.get("text"), str) and claim["text"]
                and isinstance(claim.get("value"), int) and claim.get("rule") in RULES
                and isinstance(claim.get("correct"), bool)):
            out.append(f"claim {claim!r} needs text, value (int), rule {sorted(RULES)}, correct")
    for pair in meta.get("duplicates", []):
        if not (isinstance(pair.get("a"), str) and isinstance(pair.get("b"), str)):
            out.append(f"duplicate {pair!r} needs a and b")
    try:
        source = source_file(folder)
    except ValueError as err:
        out.append(str(err))
    else:
        if source.stat().st_size == 0:
            out.append(f"{source.name} is empty")
    return out


def letters(corpus: Path = CORPUS) -> list[Letter]:
    """Every letter folder (one with a meta.toml), in id order."""
    out = []
    for meta_path in sorted(corpus.glob("*/meta.toml")):
        meta = tomllib.loads(meta_path.read_text(encoding="utf-8"))
        out.append(Letter(meta_path.parent, meta))
    return out


@dataclass(frozen=True)
class Run:
    """One import of one letter: what was found, or the error that stopped it."""

    organizations: int = 0
    individuals: int = 0
    error: str = ""
    claims: tuple[int, ...] = ()  # the values of the claims the import's check found

    def ok_for(self, letter: Letter) -> bool:
        return (not self.error and within(letter.organizations, self.organizations)
                and within(letter.individuals, self.individuals))


def run_import(letter: Letter, *, start: str | None = None, end: str | None = None,
               source: Path | None = None) -> Run:
    """Import the letter (or ``source``, the letter saved in another format) in dry-run
    into a fresh workspace; an exception is a failed run."""
    from signon.importers.letter_import import import_letter
    from signon.workspace import init_workspace

    with tempfile.TemporaryDirectory(prefix="signon-corpus-") as tmp:
        workspace = init_workspace(Path(tmp))
        try:
            result = import_letter(
                workspace, source or letter.source, "corpus-letter", start=start, end=end,
                language=str(letter.meta.get("language", "en")), dry_run=True,
            )
        except Exception as err:  # the benchmark scores a crash as a failure, with its message
            message = " ".join(str(err).split()) or type(err).__name__
            return Run(error=f"{type(err).__name__}: {message}")
    counts = result.check.counts
    return Run(organizations=counts.organizations, individuals=counts.individuals,
               claims=tuple(c.value for c in result.check.claims))


def claim_score(letter: Letter, run: Run) -> tuple[int, int, int]:
    """(hand-marked claims, of them found, claims found that the manifest does not list),
    matched by value, each found claim used once."""
    hand = [int(c["value"]) for c in letter.meta.get("claims", [])]
    left = list(run.claims)
    found = 0
    for value in hand:
        if value in left:
            left.remove(value)
            found += 1
    return len(hand), found, len(left)


@dataclass(frozen=True)
class Score:
    letter: Letter
    bare: Run
    hinted: Run | None = None  # None when the manifest gives no hint: the bare run stands

    @property
    def ok_bare(self) -> bool:
        return self.bare.ok_for(self.letter)

    @property
    def ok_hinted(self) -> bool:
        return (self.hinted or self.bare).ok_for(self.letter)


def score(letter: Letter) -> Score:
    bare = run_import(letter)
    hinted = None
    if letter.has_hints:
        hinted = run_import(letter, start=letter.meta.get("start") or None,
                            end=letter.meta.get("end") or None)
    return Score(letter, bare, hinted)


@dataclass
class Totals:
    letters: int = 0
    bare: int = 0
    hinted: int = 0
    failing: list[str] = field(default_factory=list)


def totals(scores: list[Score]) -> Totals:
    out = Totals(letters=len(scores))
    for s in scores:
        out.bare += s.ok_bare
        out.hinted += s.ok_hinted
        if not s.ok_hinted:
            out.failing.append(s.letter.id)
    return out


def claim_totals(scores: list[Score]) -> tuple[int, int, int]:
    """Over the corpus, with hints: (hand-marked claims, of them found, claims found that
    no manifest lists)."""
    hand = found = extra = 0
    for s in scores:
        h, f, x = claim_score(s.letter, s.hinted or s.bare)
        hand, found, extra = hand + h, found + f, extra + x
    return hand, found, extra


def baseline(path: Path = BASELINE) -> dict[str, int]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {key: int(data[key])
            for key in ("within_tolerance_no_hints", "within_tolerance_with_hints",
                        "claims_found", "claims_not_listed")}
