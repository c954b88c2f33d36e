"""The scanner behind :mod:`signon.claims`: the claims in a text, found as that module's
docstring describes.  Only a text whose claims the parse cache does not hold is scanned,
so this module (its patterns and every language's vocabulary) loads only then.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from signon.claim_words import (
    BODIES,
    BODY_OF,
    COMPANY_NOUNS,
    LANGUAGES,
    POSSESSIVES,
    REFERENCES,
    LangData,
    table,
    words,
)
from signon.claim_words import en as en_words
from signon.claims import QUALIFIERS, Claim, bad_claim
from signon.numwords import parse_number_prefix

_EN_NOUNS = en_words.NOUNS
_EN_SINGULAR = en_words.SINGULAR


def _merged() -> LangData:
    datas = [table(code) for code in LANGUAGES]

    def cat(attr: str) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for d in datas:
            for item in getattr(d, attr):
                seen[item] = None
        return tuple(seen)

    def catd(attr: str) -> dict[str, tuple[str, ...]]:
        out: dict[str, dict[str, None]] = {}
        for d in datas:
            for key, items in getattr(d, attr).items():
                out.setdefault(key, {}).update(dict.fromkeys(items))
        return {k: tuple(v) for k, v in out.items()}

    blockers: set[str] = set()
    for d in datas:
        blockers |= d.blockers
    # A conjunction of one language is a blocker of another ("i" in Polish): the
    # merged table keeps only words no language needs as a conjunction.
    conj_words = {c for d in datas for c in d.conjunctions if re.fullmatch(r"[^\W\d_]+", c)}
    return LangData(
        org_nouns=cat("org_nouns"),
        person_nouns=cat("person_nouns"),
        qualifiers=catd("qualifiers"),
        post_qualifiers=catd("post_qualifiers"),
        conjunctions=cat("conjunctions"),
        blockers=frozenset(blockers - conj_words),
        months=cat("months"),
        year_words=cat("year_words"),
        signing_before=cat("signing_before"),
        signing_after=cat("signing_after"),
        we=cat("we"),
        after_exclusions=cat("after_exclusions"),
        max_gap=3,
    )


# ------------------------------------------------------------------ compiled forms

_F = re.IGNORECASE
_WORD_END = r"(?![^\W_])"
_SKIP = r"(?:[ \t\u00a0\u202f\u2009*_]|\r?\n(?![ \t]*\r?\n))*"
_SKIP_RE = re.compile(_SKIP)


def _skip(work: str, i: int) -> int:
    """Where the next token starts: past spaces, one newline and Markdown emphasis."""
    m = _SKIP_RE.match(work, i)
    return m.end() if m else i


_WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-\u2010\u2011][^\W\d_]+)*\.?|&")
_EN_NUMBER_WORDS = words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty "
    "sixty seventy eighty ninety"
)
_NUM_WORD = (
    r"(?:" + "|".join(_EN_NUMBER_WORDS) + r"|hundred|thousand|million|billion|dozen)" + _WORD_END
)
_NUM_SEP = r"(?:[ \t\u00a0]*,[ \t\u00a0]*|(?:[ \t\u00a0\-\u2010-\u2014]|\r?\n(?![ \t]*\r?\n))+)"
# A run of number words; the parser then takes its longest valid prefix.
_EN_RUN = (
    r"(?:" + _NUM_WORD + r"|a(?=\s+(?:hundred|thousand|million|billion|dozen)\b))"
    r"(?:" + _NUM_SEP + r"(?:and\s+)?" + _NUM_WORD + r")*"
)


def _trie(words: Iterable[str]) -> str:
    """An alternation nested by first letter: Python's regex engine tries a flat
    alternation word by word at every position, which is the slowest part of a scan."""
    heads: dict[str, list[str]] = {}
    for word in words:
        heads.setdefault(word[0], []).append(word[1:])
    parts = []
    for head, tails in sorted(heads.items()):
        rest = [t for t in tails if t]
        if not rest:
            parts.append(re.escape(head))
        elif len(tails) == 1:
            parts.append(re.escape(head + tails[0]))
        else:
            parts.append(re.escape(head) + "(?:" + _trie(rest) + ")" + ("?" if "" in tails else ""))
    return "|".join(parts)


_EN_START = (
    r"[0-9]|\b(?:"
    + _trie(_EN_NUMBER_WORDS)
    + r"|a(?=\s+(?:hundred|thousand|million|billion|dozen)\b))"
    + _WORD_END
)
_NONSPACE_RE = re.compile(r"\S+")
_DIGIT_START_RE = re.compile(r"[0-9]")
_RUN_TOKEN_RE = re.compile(r"[^\W\d_]+|,")
_GROUPED_DOT_RE = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3}(?![0-9]))+")
_GROUPED_RE = re.compile(
    r"[0-9]{1,3}(?P<sep>[,\u00a0\u202f\u2009 ])[0-9]{3}(?![0-9])(?:(?P=sep)[0-9]{3}(?![0-9]))*"
)
_PLAIN_RE = re.compile(r"[0-9]+")
_EN_SCALE_RE = re.compile(r"[ \t\u00a0]+(thousand|million|billion)" + _WORD_END, _F)
_SENTENCE_END_RE = re.compile(r"[.!?][\"”’)\]*_]*\s|\n[ \t]*\n")
# Opaque spans, each with a substring that must occur for it to be worth a
# scan: the combined pattern is slow on long prose, and most letters hold none.
_MASK_PARTS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("{",), r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}"),
    (("://", "www."), r"(?:https?|ftp)://[^\s<>()\[\]]+|www\.[^\s<>()\[\]]+"),
    (("](",), r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"),
    (("@",), r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
)
_MASK_CHAR = "\ue000"
_SCALE_VALUES = {"thousand": 10**3, "million": 10**6, "billion": 10**9}

# English-only context: repression reported in numbers, not signatories.
_VICTIM_PARTICIPLES = en_words.VICTIM_PARTICIPLES
_VICTIM_NOUNS = en_words.VICTIM_NOUNS
_EN_VICTIM_AFTER = (
    r"(?:[\s,]+(?:have|has|had|were|was|are|is|being|been|be|that|which|who|all|then"
    r"|later|already|also|now|since|so\s+far|[^\W\d_]+ly))*[\s,]+(?:"
    + "|".join(_VICTIM_PARTICIPLES)
    + r")"
    + _WORD_END
)
_VICTIM_BEFORE = frozenset([*_VICTIM_PARTICIPLES, "against"])
_EN_MEMBER_STATES_RE = re.compile(r"(?:states?|countries|country|nations?)" + _WORD_END, _F)
# Stripped from the words before a number: Markdown emphasis, quotes, brackets.
_TOKEN_STRIP = "*_\"'“”‘’«»„()[]"
_DAY_RE = re.compile(r"[0-9]{1,2}(?:st|nd|rd|th)?,?")


def _alt(items: Iterable[str]) -> str:
    # Longest first so that "more than" is not cut to "more" inside a group.
    return "|".join(sorted(items, key=len, reverse=True))


@dataclass(frozen=True)
class _Lang:
    data: LangData
    english: bool
    start_re: re.Pattern[str]
    noun_re: re.Pattern[str]
    qual_phrase_re: re.Pattern[str]
    qual_last_re: re.Pattern[str]
    qual_prefix_re: re.Pattern[str]
    post_re: re.Pattern[str]
    chain_re: re.Pattern[str]
    month_re: re.Pattern[str]
    year_words: frozenset[str]
    range_re: re.Pattern[str]
    sign_before_re: re.Pattern[str]
    we_re: re.Pattern[str]
    undersigned: frozenset[str]
    sign_after_re: re.Pattern[str]
    after_excl_re: re.Pattern[str]
    conj_words: frozenset[str]


def _qual_groups(table: dict[str, tuple[str, ...]]) -> str:
    return "|".join(
        f"(?P<{q.replace('-', '_')}>{_alt(table[q])})" for q in QUALIFIERS if q in table
    )


def _compile(data: LangData, english: bool) -> _Lang:
    quals = _qual_groups(data.qualifiers)
    months = _alt(data.months)
    return _Lang(
        data=data,
        english=english,
        start_re=_english().start_re if english else _DIGIT_START_RE,
        noun_re=re.compile(
            r"(?:(?P<person>" + _alt(data.person_nouns) + r")|(?P<org>"
            r"" + _alt(data.org_nouns) + r"))",
            _F,
        ),
        # Matched against the last words before a number joined by single spaces:
        # a window search with "\Z" costs ten times more per number.
        qual_phrase_re=re.compile(r"(?:" + quals + r")", _F),
        qual_last_re=re.compile(
            r"(?:"
            + _alt({p.split(r"\s+")[-1] for ps in data.qualifiers.values() for p in ps})
            + r")",
            _F,
        ),
        qual_prefix_re=re.compile(r"[\s*_]*(?:" + quals + r")[\s*_]*", _F),
        post_re=re.compile(r"[ \t\u00a0]+(?:" + _qual_groups(data.post_qualifiers) + r")\b", _F),
        chain_re=re.compile(
            r"[\s*_]*(?:,[\s*_]*)?(?:(?:" + _alt(data.conjunctions) + r")[\s*_]+)?", _F
        ),
        month_re=re.compile(r"(?:" + months + r")", _F),
        year_words=frozenset(w.casefold() for w in data.year_words),
        range_re=re.compile(r"[0-9][ \t\u00a0]*[\-\u2010\u2011\u2013\u2014][ \t\u00a0]*\Z"),
        sign_before_re=re.compile(
            r"(?<![^\W_])(?:" + _alt(data.signing_before) + r")" + _WORD_END, _F
        ),
        we_re=re.compile(r"(?:" + _alt(data.we) + r"),?", _F),
        undersigned=frozenset(["the", "undersigned", "undersigned,"] if english else []),
        sign_after_re=re.compile(
            r"(?:[\s,]+(?:have|has|hereby|also|jointly|together|who|all|are|,))*[\s,]+(?:"
            + _alt(data.signing_after)
            + r")"
            + _WORD_END,
            _F,
        ),
        after_excl_re=re.compile(r"\s+(?:" + _alt(data.after_exclusions) + r")", _F),
        conj_words=frozenset(
            c.casefold() for c in data.conjunctions if re.fullmatch(r"[^\W\d_]+|&", c)
        ),
    )


@dataclass(frozen=True)
class _English:
    start_re: re.Pattern[str]
    run_re: re.Pattern[str]
    victim_after_re: re.Pattern[str]


@functools.cache
def _english() -> _English:
    # Compiled on first use, not at import: these are the costly patterns, and
    # most commands that import this module never look for a claim.
    return _English(
        start_re=re.compile(_EN_START, _F),
        run_re=re.compile(_EN_RUN, _F),
        victim_after_re=re.compile(_EN_VICTIM_AFTER, _F),
    )


@functools.lru_cache(maxsize=16)
def _lang(language: str) -> _Lang:
    base = re.split(r"[-_]", language.strip().casefold(), maxsplit=1)[0]
    # A language's vocabulary is loaded when a text in it is first scanned; every
    # language's only for one without its own (the merged table).
    if base not in LANGUAGES:
        return _compile(_merged(), english=False)
    return _compile(table(base), english=base == "en")


# --------------------------------------------------------------------- scanning


@functools.lru_cache(maxsize=16)
def _mask_re(parts: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(parts), re.DOTALL)


def _mask(text: str) -> str:
    """Blank out the spans whose numbers are never claims, keeping every offset."""
    parts = tuple(
        pattern for triggers, pattern in _MASK_PARTS if any(trigger in text for trigger in triggers)
    )
    if not parts:
        return text
    return _mask_re(parts).sub(lambda m: _MASK_CHAR * (m.end() - m.start()), text)


_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _entities(text: str) -> tuple[str, list[int] | None]:
    """HTML character references decoded ("organiza&ccedil;&otilde;es" in a Markdown body
    reads "organizações", as it renders), with a map back to ``text`` offsets."""
    if "&" not in text:
        return text, None
    import html

    parts: list[str] = []
    offsets: list[int] = []
    done = 0
    for m in _ENTITY_RE.finditer(text):
        char = html.unescape(m.group())
        if char == m.group():
            continue  # not an entity HTML knows: left as written
        parts.append(text[done : m.start()])
        offsets.extend(range(done, m.start()))
        parts.append(char)
        offsets.extend([m.start()] * len(char))
        done = m.end()
    if not parts:
        return text, None
    parts.append(text[done:])
    offsets.extend(range(done, len(text) + 1))
    return "".join(parts), offsets


# Languages whose numbers in words text2num reads ("Fünfundzwanzig", "soixante-dix-huit",
# "vinte e cinco"); English words are read by signon.numwords, with the engine's own scan.
_WORD_NUMBER_LANGUAGES = frozenset(["fr", "es", "pt", "de", "it", "nl", "da"])
_WORD_TOKEN_RE = re.compile(r"[^\W\d_]+(?:[-\u2010\u2011][^\W\d_]+)*")
_WORD_GAP_RE = re.compile(r"[ \t\u00a0]+")
_MAX_NUMBER_WORDS = 6  # "deux mille trois cent quarante-cinq"


def _digits_for_words(work: str, language: str) -> str:
    """Numbers written in words turned into digits padded with spaces to the same length
    ("Fünfundzwanzig Firmen" → "25            Firmen"), so that every offset still points
    into the text as written and the claim keeps the words the letter printed."""
    lang = language.split("-")[0].lower()
    if lang not in _WORD_NUMBER_LANGUAGES:
        return work
    from text_to_num import text2num

    def value(words: str) -> int | None:
        try:
            number = text2num(words.casefold(), lang)
        except ValueError:
            return None
        return number if isinstance(number, int) and number > 1 else None

    out: list[str] = []
    done = 0
    tokens = list(_WORD_TOKEN_RE.finditer(work))
    i = 0
    while i < len(tokens):
        best: tuple[int, int] | None = None  # (value, index of the run's last token)
        j = i
        while j < len(tokens) and j - i < _MAX_NUMBER_WORDS:
            if j > i and not _WORD_GAP_RE.fullmatch(work, tokens[j - 1].end(), tokens[j].start()):
                break
            found = value(work[tokens[i].start() : tokens[j].end()])
            if found is not None:
                best = (found, j)
            elif j == i:
                break  # a run of number words begins with one
            j += 1
        if best is None:
            i += 1
            continue
        number, last = best
        start, end = tokens[i].start(), tokens[last].end()
        digits = str(number)
        if len(digits) <= end - start:
            out.append(work[done:start])
            out.append(digits + " " * (end - start - len(digits)))
            done = end
        i = last + 1
    if not out:
        return work
    out.append(work[done:])
    return "".join(out)


def _readable(text: str) -> tuple[str, list[int] | None]:
    """The text as a reader sees it (entities decoded, NFC), with a map back to offsets."""
    decoded, first = _entities(text)
    work, second = _nfc(decoded)
    if first is None:
        return work, second
    if second is None:
        return work, first
    return work, [first[i] for i in second]


def as_read(text: str) -> str:
    """``text`` as a reader sees it: a claim quoted from a Markdown body that holds HTML
    ("50 organiza&ccedil;&otilde;es") reads "50 organizações" in a message."""
    return _readable(text)[0]


def _nfc(text: str) -> tuple[str, list[int] | None]:
    """NFC-normalize, with a map from normalized offsets back to ``text`` offsets."""
    if unicodedata.is_normalized("NFC", text):
        return text, None
    parts: list[str] = []
    offsets: list[int] = []
    done = 0
    # Only words that change are walked char by char: nothing composes across
    # whitespace, and most of a letter is already NFC.
    for word in _NONSPACE_RE.finditer(text):
        if unicodedata.is_normalized("NFC", word.group()):
            continue
        parts.append(text[done : word.start()])
        offsets.extend(range(done, word.start()))
        start = word.start()
        # One starter and its combining marks at a time keeps the map exact.
        for i in range(start + 1, word.end() + 1):
            if i == word.end() or unicodedata.combining(text[i]) == 0:
                piece = unicodedata.normalize("NFC", text[start:i])
                parts.append(piece)
                offsets.extend([start] * len(piece))
                start = i
        done = word.end()
    parts.append(text[done:])
    offsets.extend(range(done, len(text) + 1))
    return "".join(parts), offsets


@dataclass
class _Number:
    value: int
    start: int
    end: int
    words: bool
    dozen: bool = False
    plus: bool = False


def _digits_end(work: str, start: int) -> int:
    m = _PLAIN_RE.match(work, start)
    return m.end() if m else start + 1


def _read_digits(work: str, start: int, english: bool) -> _Number | None:
    m = _GROUPED_RE.match(work, start)
    if m is None and not english:
        m = _GROUPED_DOT_RE.match(work, start)
    if m is None:
        m = _PLAIN_RE.match(work, start)
    if m is None:  # pragma: no cover - the caller matched a digit here
        return None
    end = m.end()
    nxt = work[end : end + 1]
    after = work[end + 1 : end + 2]
    # "4,5 years", "1.2", "12:30", "70-80", "5-year", "12/05", "19th", "40%".
    if nxt in (".", ",", ":", "/") and after.isdigit():
        return None
    if nxt in ("-", "\u2010", "\u2011", "\u2013", "\u2014", "/", "%", "‰", "°"):
        return None
    if nxt.isalnum() or (nxt == "_" and work[end : end + 40].lstrip("_")[:1].isalnum()):
        return None
    digits = m.group()
    value = int(digits if digits.isdigit() else "".join(filter(str.isdigit, digits)))
    number = _Number(value, start, end, words=False)
    if nxt == "+":
        number.end += 1
        number.plus = True
    elif english:
        scale = _EN_SCALE_RE.match(work, end)
        if scale is not None:
            number.value *= _SCALE_VALUES[scale.group(1).casefold()]
            number.end = scale.end()
    return number


def _read_words(work: str, start: int) -> _Number | None:
    run = _english().run_re.match(work, start)
    if run is None:
        return None
    tokens = list(_RUN_TOKEN_RE.finditer(run.group()))
    found = parse_number_prefix([t.group() for t in tokens])
    if found is None:
        return None
    value, used = found
    end = start + tokens[used - 1].end()
    nxt = work[end : end + 1]
    if nxt in ("-", "\u2010", "\u2011") and work[end + 1 : end + 2].isalpha():
        return None  # "five-year", "ten-point plan"
    dozen = tokens[used - 1].group().casefold() == "dozen"
    return _Number(value, start, end, words=True, dozen=dozen)


def _bad_before_digits(work: str, start: int) -> bool:
    if start == 0:
        return False
    prev = work[start - 1]
    before = work[start - 2] if start >= 2 else ""
    if prev.isalnum() or prev in "$€£¥₽₴₹#№§@/\\+" or prev == _MASK_CHAR:
        return True
    # "_78_" is Markdown emphasis; "id_78" is an identifier.
    if prev == "_" and work[max(0, start - 40) : start].rstrip("_")[-1:].isalnum():
        return True
    if prev in ".,:-\u2010\u2011\u2013\u2014" and (before.isalnum() or before == "_"):
        return True
    # A digit group after a digit group on the same line: a phone number or an id.
    j = start - 1
    while j >= 0 and work[j] in " \t\u00a0":
        j -= 1
    return j < start - 1 and j >= 0 and work[j].isdigit()


@dataclass
class _NounHit:
    end: int
    person: bool
    noun: str = ""  # the noun as written, casefolded


def _noun_kind(word: str, lang: _Lang) -> bool | None:
    """True for a people noun, False for another signatory noun, None for neither."""
    if lang.english:
        return _EN_NOUNS.get(word.casefold().replace("’", "'"))
    m = lang.noun_re.fullmatch(word)
    return None if m is None else m.group("person") is not None


def _word_at(work: str, i: int) -> tuple[str, int, int] | None:
    """The word at ``i`` as (word without a final dot, its end, end with the dot)."""
    m = _WORD_RE.match(work, i)
    if m is None:
        return None
    word = m.group()
    if word.endswith(".") and len(word) > 1:
        return word[:-1], m.end() - 1, m.end()
    return word, m.end(), m.end()


def _scan_to_noun(work: str, pos: int, lang: _Lang, value: int) -> _NounHit | None:
    data = lang.data
    gap = 0
    last_word = ""
    i = pos
    while True:
        j = _skip(work, i)
        if j == i:
            return None  # punctuation or a mask, not a space, follows
        found = _word_at(work, j)
        if found is None:
            return None
        word, end, end_dot = found
        person = _noun_kind(word, lang)
        if person is not None:
            words = 1
            last = word
            # "member organizations", "NGO members": in English the last noun names
            # the kind; elsewhere the first does ("personnes signataires",
            # "членов организаций"), so no run is read.
            while lang.english and end == end_dot:
                k = _skip(work, end)
                more = _word_at(work, k) if k > end else None
                kind = None if more is None else _noun_kind(more[0], lang)
                if more is None or kind is None:
                    break
                last, end, end_dot = more
                person = kind
                words += 1
            usable = True
            if lang.english:
                folded = last.casefold()
                if value != 1 and folded in _EN_SINGULAR:
                    usable = False
                if folded in ("member", "members"):
                    k = _skip(work, end)
                    if k > end and _EN_MEMBER_STATES_RE.match(work, k):
                        return None
            if usable:
                if lang.after_excl_re.match(work, end):
                    return None
                return _NounHit(end, person, last.casefold())
            if end != end_dot:
                return None
            gap += words
            if gap > data.max_gap:
                return None
            last_word = last.casefold()
            i = end
            continue
        if end != end_dot:
            return None  # a word that ends a sentence or an abbreviation
        w = word.casefold()
        if w in lang.conj_words:
            # "Belarusian and international NGOs" but not "100 villages and NGOs".
            if not last_word or (
                lang.english and last_word.endswith("s") and not last_word.endswith("rights")
            ):
                return None
        elif w in data.blockers or lang.month_re.fullmatch(w):
            return None
        gap += 1
        if gap > data.max_gap:
            return None
        last_word = w
        i = end


def _sentence_start(work: str, pos: int) -> int:
    lo = max(0, pos - 400)
    start = lo
    for m in _SENTENCE_END_RE.finditer(work, lo, pos):
        start = m.end()
    return start


@dataclass
class _Candidate:
    start: int
    end: int
    value: int
    qualifier: str
    person: bool


def _qualifier_from(m: re.Match[str]) -> str:
    assert m.lastgroup is not None
    return m.lastgroup.replace("_", "-")


def _scan(work: str, lang: _Lang) -> list[_Candidate]:
    found: list[_Candidate] = []
    previous_end = -1  # end of the last signatory noun phrase, for chains
    pos = 0
    english = lang.english
    for m in lang.start_re.finditer(work):
        s = m.start()
        if s < pos:
            continue
        if work[s].isdigit():
            if _bad_before_digits(work, s):
                pos = _digits_end(work, s)
                continue
            number = _read_digits(work, s, english)
        else:
            if s > 0 and work[s - 1] in "-\u2010\u2011":
                continue
            number = _read_words(work, s)
        if number is None:
            pos = max(s + 1, m.end())
            if work[s].isdigit():
                pos = _digits_end(work, s)
            continue
        pos = number.end
        end = number.end
        post = lang.post_re.match(work, end)
        if post is not None:
            end = post.end()
        # The noun first: most numbers in a letter have none, and the checks on
        # the text before the number cost more than this scan.
        hit = _scan_to_noun(work, end, lang, number.value)
        if hit is None:
            continue
        pos = hit.end
        if lang.range_re.search(work, max(0, s - 8), s):
            continue
        before = _words_before(work, s)
        qual = _qualifier_before(before, lang)
        if qual is None:
            qualifier, start = "exact", s
        else:
            qualifier, k = qual
            start = _phrase_start(work, s, before, k)
            before = before[:-k]
        last = before[-1][0] if before else ""
        if qual is None and last in REFERENCES:
            continue
        if last in POSSESSIVES or (last in BODY_OF and any(
                w in BODIES for w, _ in before[-3:-1])):  # "a network of", "una red mundial de"
            continue
        if english and last == "and" and len(before) >= 3 and before[-3][0] == "between":
            continue
        if (
            qual is None
            and not number.words
            and 1800 <= number.value <= 2100
            and number.end - s == 4
            and _after_date_word(before, lang)
        ):
            continue
        if qual is None:
            if post is not None:
                qualifier = _qualifier_from(post)
            elif number.plus:
                qualifier = "at-least"
            elif number.dozen:
                qualifier = "about"
        chained = previous_end >= 0 and lang.chain_re.fullmatch(work, previous_end, start)
        previous_end = hit.end
        if number.words and number.value == 1 and qual is None:
            continue  # "one" is a pronoun far more often than a count
        if english and (
            _english().victim_after_re.match(work, hit.end) or _after_victim_word(before)
        ):
            continue
        # People and companies are counted in letters for much else ("80 people were
        # arrested", "10,000 companies use its services"): only beside signing, a claim.
        if ((hit.person or hit.noun in COMPANY_NOUNS) and not chained
                and not _signing_context(work, start, hit.end, before, lang)):
            continue
        found.append(_Candidate(start, hit.end, number.value, qualifier, hit.person))
    return found


def _signing_context(
    work: str, start: int, end: int, before: list[tuple[str, str]], lang: _Lang
) -> bool:
    words = [w for w, _ in before[-3:]]
    while words and words[-1] in lang.undersigned:
        words.pop()
    if words and lang.we_re.fullmatch(words[-1]):
        return True
    if lang.sign_after_re.match(work, end):
        return True
    return lang.sign_before_re.search(work, _sentence_start(work, start), start) is not None


def _words_before(work: str, pos: int) -> list[tuple[str, str]]:
    """The last few words before ``pos`` as (casefolded word, word as written),
    quotes and Markdown emphasis stripped, a word cut by the window dropped."""
    lo = max(0, pos - 64)
    chunk = work[lo:pos]
    raw = chunk.split()
    if raw and lo > 0 and not chunk[0].isspace() and not work[lo - 1].isspace():
        raw = raw[1:]
    words = []
    for token in raw[-7:]:
        word = token.strip(_TOKEN_STRIP)
        if word:
            words.append((word.casefold(), token))
    return words


def _phrase_start(work: str, pos: int, before: list[tuple[str, str]], k: int) -> int:
    """Where the last ``k`` words of ``before`` start in ``work``."""
    idx = pos
    for _, token in reversed(before[-k:]):
        idx = work.rfind(token, 0, idx)
    token = before[-k][1]
    return idx + len(token) - len(token.lstrip(_TOKEN_STRIP))


def _qualifier_before(before: list[tuple[str, str]], lang: _Lang) -> tuple[str, int] | None:
    """The qualifier ending right before the number (longest phrase first) and
    its length in words."""
    if not before or lang.qual_last_re.fullmatch(before[-1][0]) is None:
        return None
    for k in range(min(4, len(before)), 0, -1):
        m = lang.qual_phrase_re.fullmatch(" ".join(w for w, _ in before[-k:]))
        if m is not None:
            return _qualifier_from(m), k
    return None


def _after_date_word(before: list[tuple[str, str]], lang: _Lang) -> bool:
    """Whether a four-digit number follows "in", "since", a month or "August 4,"."""
    if not before:
        return False
    last = before[-1][0]
    if last in lang.year_words or lang.month_re.fullmatch(last):
        return True
    return (
        len(before) >= 2
        and _DAY_RE.fullmatch(last) is not None
        and lang.month_re.fullmatch(before[-2][0]) is not None
    )


def _after_victim_word(before: list[tuple[str, str]]) -> bool:
    """ "liquidated 80 NGOs", "against 5 NGOs", "the closure of 80 organizations"."""
    words = [w for w, _ in before[-4:]]
    if words and words[-1] == "the":
        words.pop()
    if not words:
        return False
    if words[-1] in _VICTIM_BEFORE:
        return True
    return len(words) >= 2 and words[-1] == "of" and words[-2] in _VICTIM_NOUNS


def scan_claims(text: str, *, default_rule: str, language: str,
                first_line: int) -> list[Claim]:
    """:func:`signon.claims.find_claims` without its cache."""
    lang = _lang(language)
    work, offsets = _readable(_mask(text))
    work = _digits_for_words(work, language)
    candidates = _scan(work, lang)
    if not candidates:
        return []
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    claims: list[Claim] = []
    for c in candidates:
        start = offsets[c.start] if offsets is not None else c.start
        end = offsets[c.end] if offsets is not None else c.end
        row = bisect.bisect_right(line_starts, start) - 1
        claims.append(
            Claim(
                text=text[start:end],
                value=c.value,
                qualifier=c.qualifier,
                rule="individuals" if c.person else default_rule,
                line=row + first_line,
                column=start - line_starts[row] + 1,
            )
        )
    return claims


# ------------------------------------------------------------------ front matter


# ------------------------------------------------------------------ front matter


def claim_from_text(value: str, *, default_rule: str, language: str, line: int,
                    column: int) -> Claim:
    """:func:`signon.claims.claim_from_value` of a string."""
    text = unicodedata.normalize("NFC", value.strip())
    lang = _lang(language)
    en = _lang("en")
    qualifier = "exact"
    pos = 0
    prefix = lang.qual_prefix_re.match(text) or en.qual_prefix_re.match(text)
    if prefix is not None:
        qualifier = _qualifier_from(prefix)
        pos = prefix.end()
    number: _Number | None
    if pos < len(text) and text[pos].isdigit():
        number = _read_digits(text, pos, lang.english)
    else:
        number = _read_words(text, pos)
    if number is None:
        raise bad_claim(value)
    end = number.end
    post = lang.post_re.match(text, end) or en.post_re.match(text, end)
    if post is not None:
        end = post.end()
        if prefix is None:
            qualifier = _qualifier_from(post)
    elif number.plus and prefix is None:
        qualifier = "at-least"
    if number.dozen and prefix is None and post is None:
        qualifier = "about"
    rule = default_rule
    rest = text[end:].rstrip(" .")
    if rest:
        hit = _scan_to_noun(rest, 0, lang, number.value) or _scan_to_noun(rest, 0, en, number.value)
        if hit is None or rest[hit.end :].strip():
            raise bad_claim(value)
        if hit.person:
            rule = "individuals"
    return Claim(value.strip(), number.value, qualifier, rule, line, column)
