"""Telling a person from an organization, and a group label from a signatory.

A person's name is judged by its shape (two to five capitalized words, no
organization word, no digits or acronyms), by what surrounds it (a title such
as "Dr." before it, a role such as "journalist" after it) and by whether its
first word is a known given name.  The given names are the 45,000 of
gender-guesser's list (first names of some 50 countries); only the list is used,
never a guess of gender.  Cyrillic names are looked up transliterated, and both
of their first two words (Russian lists print the family name first).

Each judgement returns a weight; :data:`THRESHOLDS` names the weights the list
reader compares them with, so they can be tuned in one place.
"""

from __future__ import annotations

import functools
import re

from signon.importers.countries import is_country
from signon.importers.wordlists import (
    GROUP_LABEL_WORDS,
    LEADING_ARTICLES,
    NAME_PARTICLES,
    PERSON_TITLES,
    POSTNOMINALS,
    ROLE_SUFFIXES,
    ROLE_WORDS,
)
from signon.text import fold

THRESHOLDS = {
    # person_score at or above which a line of an unlabelled list is read as a person
    "person": 1.0,
    # ... when most of its neighbours are people already (a list of people)
    "person_in_people_list": 0.5,
    # the share of lines at or above "person" that makes a list a list of people
    "people_list": 0.5,
    # the share of lines at or above "person" that makes every line without an organization
    # word a person (a list of people, where "sbi" or "Father John Pettit OCSO" is one too)
    "mostly_people": 0.7,
    # the least score of a run of names that can be the list (region._score)
    "list": 1.5,
    # a run of names next to the best one continues its list when it scores this share of
    # the best and is written the same way (region._joins)
    "joined_run": 0.02,
    # the share of a run's lines that must share one layout ("Name, role") to compare runs
    "layout_share": 0.6,
    # between --start and --end: runs scoring at least this share of the best are all taken
    "hinted_run": 0.2,
    # a table cell of more words than this is a description, never a name (shapes/tables.py)
    "name_cell_words": 16,
    # ... and so is one of more words than this that ends like a sentence
    "sentence_cell_words": 5,
    # table columns whose cells read as names within this much of the best column are
    # told apart by length (the name is longer than its acronym or its city)
    "name_column_margin": 0.15,
    # a sentence wrapped over lines, without a cue before it, is a list of this many names
    "sentence_list_names": 8,
    # ... each part of it a name of at most this many words, reading as a name this well
    "sentence_name_words": 10,
    "sentence_name": 0.7,
    # a line among names that ends in a full stop is a name when, without it, it reads
    # as one this well, with at most this share of its words in lower case
    "stray_stop_name": 1.0,
    "stray_stop_lower": 0.4,
    # a group label written before its names on one line ("des médias : A, B") has at
    # most this many words
    "label_words": 5,
    # region.py's weights of a run of names: alone (one name), after a line announcing
    # signatories, after a letter's closing ("Sincerely,"), after a line announcing a list
    # of something else, mostly people's names outside an "Individuals" section (more
    # than "people_run_share" of them), after page furniture, last in the letter
    "lone_name_run": 0.3,
    "announced_run": 3,
    "closed_run": 4,
    "decoy_run": 0.2,
    "people_run_share": 0.6,
    "people_run": 0.4,
    "after_furniture_run": 0.1,
    "last_run": 1.5,
    # of two runs scoring at least this share of each other, the later is the list
    "tied_run": 0.85,
    # a group of list items (one list, one table) with this share of names is a list,
    # its odd lines too, each scoring "odd_line"
    "names_in_group": 0.6,
    "odd_line": 0.1,
    # a line that reads as a name but begins with an imperative ("Renew …") scores at
    # most this; a line ending in ";" scores this much less
    "imperative_name": 0.2,
    "semicolon_penalty": 0.3,
    # a long line inside the list that reads as a name no better than this is prose
    "prose_name": 0.2,
    # the share of a list's top items that are demands, making its cue no signatories' cue
    "demands_share": 0.5,
    # a paragraph of at least this many words is prose (the letter's text, not a name)
    "prose_words": 12,
    # a line of more words than this inside the list is never read as part of it
    "line_in_list_words": 30,
    # no name is longer than this (characters)
    "name_chars": 300,
    # the share of a table column's cells that are countries, cities or organizations'
    # names for the column to be read so
    "column_share": 0.6,
    # a list needs this many lines before "mostly_people" reads its odd lines as people
    "mostly_people_lines": 5,
    # a bilingual list's alternating names are read as translations from this many on
    "bilingual_names": 6,
}

_TITLES = frozenset(fold(t) for t in PERSON_TITLES)
_ROLES = frozenset(fold(r) for r in ROLE_WORDS)
_ROLE_PHRASES = tuple(r for r in _ROLES if " " in r)
_ROLE_SUFFIXES = tuple(fold(s) for s in ROLE_SUFFIXES)
_ARTICLES = frozenset(LEADING_ARTICLES)
_PARTICLES = frozenset(NAME_PARTICLES)
_POSTNOMINALS = frozenset(POSTNOMINALS)
_LABEL_WORDS = frozenset(fold(w).replace(" ", "_") for w in GROUP_LABEL_WORDS)
# Label words of two words ("civil society"): one word of a label together, none alone
# ("Regional Society" is a name).
_LABEL_PHRASES = tuple(fold(w) for w in GROUP_LABEL_WORDS if " " in w)
_LABEL_FILLERS = frozenset(["and", "of", "the", "from", "in", "other", "others", "based"])

# Each line of a list is judged at several stages (finding the list, reading it,
# classifying its entries) by these pure functions of its text: each is cached.
_PER_LINE = 1 << 16


@functools.cache
def given_names() -> frozenset[str]:
    """Folded given names, read once, when a line first needs them."""
    import importlib.resources

    names: set[str] = set()
    data = importlib.resources.files("gender_guesser") / "data" / "nam_dict.txt"
    with data.open(encoding="utf-8") as fh:
        for line in fh:
            if line[:1] in "#=":
                continue
            parts = line.split(None, 2)
            if len(parts) > 1:
                name = parts[1].casefold()
                names.add(name)
                if "+" in name:  # "Li+Yan": written "Li-Yan" or "Liyan"
                    names.add(name.replace("+", "-"))
                    names.add(name.replace("+", ""))
    return frozenset(names)


def _known_given(word: str) -> bool:
    word = word.strip(".,'’\"").casefold()
    if not word:
        return False
    names = given_names()
    if word in names:
        return True
    if not word.isascii():
        from anyascii import anyascii

        plain = anyascii(word).casefold().replace("'", "")
        # Russian transliterations end -ii/-iy where the list has -i ("Dmitrii": "Dmitri").
        return plain in names or (plain.endswith(("ii", "iy", "yi")) and plain[:-1] in names)
    return "-" in word and word.split("-", 1)[0] in names


# The name ends at a comma, a spaced dash or bar, a bracket, or a dash typed against the
# name ("Mendonça- advogada"), though not a German or French suspended hyphen
# ("Kinder- und Jugendhilfe").
HEAD_SPLIT = re.compile(
    r",\s+|\s+[-–—|/]\s+|\s*\(|(?<=[^\W\d_])[-–—]\s+(?!(?:und|u\.|oder|and|or|et|ou|e|y|i)\s)"
)
# A handle or an e-mail address: people sign with them ("kiara <kiara@bij1.org>",
# "Irenes (@IreneKnapp)"); organizations hardly ever do.
_CONTACT = re.compile(r"(?:^|[\s(\[<])@\w[\w.-]*|\b[\w.+-]+@[\w-]+\.\w")
_ACRONYM = re.compile(r"^[A-ZА-Я]{3,}$")
# One word that is not an acronym (an acronym after a name is often the name's own: "(FAL)").
_ONE_WORD = re.compile(r"^[^\W\d_][^\W\d_A-ZА-Я]+$")


def name_part(text: str) -> tuple[str, str]:
    """("Jane Roe", "Professor, University of X") for "Jane Roe, Professor, University of X"."""
    m = HEAD_SPLIT.search(text)
    if not m:
        return text.strip(), ""
    return text[: m.start()].strip(), text[m.end() :].strip(" )")


_NOT_IN_A_NAME = re.compile(r'[\d"“”«»&/@:]')


@functools.lru_cache(maxsize=_PER_LINE)
def person_shape(name: str) -> float:
    """How much ``name`` alone (no role, no place) is written like a personal name: 0 to 1."""
    # A digit, or a colon inside ("IEPALA: María Pilar Colchero" is "Org: its
    # representative"): no personal name holds one.  Asked first, as it is cheap; the
    # titles and post-nominals dropped below hold none of these characters.
    if _NOT_IN_A_NAME.search(name):
        return 0.0
    words = name.replace("\u00a0", " ").split()
    while words and fold(words[0]).replace(" ", "") in _TITLES and len(words) > 2:
        words = words[1:]
    while len(words) > 2 and fold(words[-1]).replace(" ", "") in _POSTNOMINALS:
        words = words[:-1]
    name = " ".join(words)
    # Particles do not count: "Margarida Maria Seabra Prado de Mendonça" is five names.
    named = [w for w in words if w not in _PARTICLES]
    if not 2 <= len(named) <= 5 or len(words) > 7 or fold(words[0]) in _ARTICLES:
        return 0.0
    from signon.importers.names import org_words

    if org_words(name):
        return 0.0
    capitals = 0
    for word in words:
        core = word.strip(".,'’-")
        if not core:
            return 0.0
        if core in _PARTICLES:
            continue
        if not core[0].isupper() or (_ACRONYM.match(core) and len(words) > 2):
            return 0.0
        capitals += 1
    return 1.0 if capitals >= 2 else 0.0


@functools.lru_cache(maxsize=_PER_LINE)
def person_score(text: str) -> float:
    """How much a line of a list reads as a person (with a role or place after the name).

    0 for an organization's name; about 0.5 for a name-shaped line of unknown words
    ("Reporters Sans Frontières" is one); 1 or more with a known given name, a title
    before it or a role after it.
    """
    head, rest = name_part(text)
    shape = person_shape(head)
    if not shape:
        affiliated = _AFFILIATED.match(head)
        if (
            affiliated
            and _known_given(affiliated.group(1))
            and not head[:1].islower()
            and not organization_evidence(head)  # "Terra de Direitos": "rights"
        ):
            return 1.0  # "Mathieu de fairness.coop": a first name and where the person is from
        return _contact_score(text, head)
    score = 0.5
    words = head.split()
    first = fold(words[0]).replace(" ", "")
    if first in _TITLES:
        score += 0.7
        while len(words) > 2 and fold(words[0]).replace(" ", "") in _TITLES:
            words = words[1:]
    given = False
    # The given name comes second in Russian lists (family name first).
    surname_first = not words[0].isascii()
    if _known_given(words[0]) or (surname_first and _known_given(words[1])):
        score += 0.6
        given = True
    if rest:
        from signon.importers.names import org_words

        if is_role(rest):
            score += 0.6
        elif "@" in rest and _CONTACT.search(rest):
            score += 0.6  # "Xe Iaso (@Xe)", "Delan Azabani <delan@…>": people sign so
        elif rest[:1].islower():
            score += 0.3  # "Yoann Henrio, développeur web": a description of the person
        elif is_country(rest) or org_words(rest) or (given and _ONE_WORD.match(rest)):
            score += 0.0  # "Jane Roe, Norway" / "Jane Roe, Amnesty" / "…, Unifesp": the name
        else:
            score -= 0.2
    return score


# "Mathieu de fairness.coop", "Anna from Greenpeace": a first name, then the organization.
_AFFILIATED = re.compile(r"^(\S+)\s+(?:de|from|von|vom|di|da|do)\s+\S")


@functools.lru_cache(maxsize=_PER_LINE)
def is_role(text: str) -> bool:
    """Whether ``text`` (what follows a name) names a role: "Professor", "Digitalberater"."""
    folded = fold(text)
    words = folded.split()
    if not set(words).isdisjoint(_ROLES) or any(r in folded for r in _ROLE_PHRASES):
        return True
    return any(len(w) > len(s) + 2 and w.endswith(s) for w in words for s in _ROLE_SUFFIXES)


def _contact_score(text: str, head: str) -> float:
    """A line that is a nickname with a handle or an e-mail address: 1, else 0."""
    if "@" not in text or not _CONTACT.search(text):
        return 0.0
    from signon.importers.names import org_words

    bare = _CONTACT.sub(" ", head).strip(" <>()[]")
    if len(bare.split()) > 3 or org_words(text):
        return 0.0
    return 1.0


def organization_evidence(text: str) -> bool:
    """Whether a line says it is an organization (an organization word, an acronym name)."""
    from signon.importers.names import is_acronym, org_words

    head, _ = name_part(text)
    words = head.split()
    return bool(org_words(head)) or (len(words) == 1 and len(head) >= 2 and is_acronym(head))


def given_with_role(text: str) -> bool:
    """ "Charity Urbanski, Professor of History": a known given name first and a role after
    the name, though a word of the name is also an organization word."""
    head, rest = name_part(text)
    words = head.split()
    if not 2 <= len(words) <= 4 or not rest or not _known_given(words[0]):
        return False
    return is_role(rest)


@functools.lru_cache(maxsize=_PER_LINE)
def is_group_label(text: str) -> bool:
    """A line naming a group of the list ("Global", "Regional and International Organizations",
    "Africa", "National"), not a signatory."""
    text = text.strip().strip("*_:").strip()
    if not text or len(text) > 60 or text.count(" ") > 8:
        return False
    if text.isascii() and text.split(None, 1)[0].lower() not in _LABEL_WORDS:
        return False  # most lines: their first word alone says no
    folded = fold(text)
    for phrase in _LABEL_PHRASES:
        folded = folded.replace(phrase, phrase.replace(" ", "_"))
    words = folded.split()
    if not words or len(words) > 6:
        return False
    if all(w in _LABEL_WORDS for w in words):
        return any(w not in _LABEL_FILLERS for w in words)
    return False


def label_country(text: str) -> str:
    """The country a label names ("Ukraine", "Ukraine:"), else ""."""
    bare = text.strip().strip("*_:").strip()
    return bare if bare and is_country(bare) else ""
