"""Reading one line of a signatory list: is it a name, a heading, a section, page furniture?

Everything here judges a single cleaned line.  The choices lean towards
keeping a name whole: a trailing place is split off only when it is a known
country (or "City, Country" with a known country, or a known city after a
dash or in brackets), so "Serb Civic Council – Movement for Equality" and
"Human Rights Centre (HRIDC)" stay as printed.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from signon.importers.countries import is_city, is_country
from signon.importers.wordlists import (
    ORG_SECTION_NOUNS,
    ORG_SECTION_QUALIFIERS,
    ORG_WORDS,
    PERSON_SECTION_AFTER,
    PERSON_SECTION_ALONE,
    PERSON_SECTION_HINTS,
    PERSON_SECTION_NOUNS,
    PERSON_SECTION_QUALIFIERS,
    SECTION_CONNECTORS,
    SIGNATORY_CUES,
    TITLE_ABBREVIATIONS,
)
from signon.text import fold

# Each line of a list is judged at several stages (finding the list, reading it,
# classifying its entries) by these pure functions of its text: each is cached.
_PER_LINE = 1 << 16


# ------------------------------------------------------------------ list markers

BULLET = re.compile(r"^([•·‣◦▪▫■□●○◆◇►▸▹➢➤➔→✓✔☐☑*+\-–—\uf0b7\uf0a7\uf0d8\uf0fc\uf076])\s+")
NUMBER = re.compile(
    r"^(\(?\d{1,3}[.)]|\(\d{1,3}\)|\(?[a-z][.)]|\(?(?:i{1,3}|iv|v|vi{1,3}|ix|x)[.)])\s+"
)

def strip_marker(text: str) -> tuple[str, str, int]:
    """(marker kind, text without it, length of the marker with its spaces)."""
    m = BULLET.match(text)
    if m:
        return "bullet", text[m.end() :], m.end()
    m = NUMBER.match(text)
    if m:
        return "number", text[m.end() :], m.end()
    return "", text, 0


# ------------------------------------------------------------------ coalition headings

_HEADING_PHRASE = (
    r"(?:on\s+behalf\s+of|representing|for\s+and\s+on\s+behalf\s+of|in\s+the\s+name\s+of|"
    r"au\s+nom\s+(?:de|des)|en\s+nombre\s+de|im\s+namen|от\s+имени|від\s+імені|ад\s+імя|"
    r"w\s+imieniu)\b[^()\[\]]*(?:\([^()\[\]]*\)[^()\[\]]*)?"
)
_HEADING_PAREN = re.compile(
    r"^(?P<name>.+?)\s*[(\[]\s*(?P<phrase>" + _HEADING_PHRASE + r")[)\]]\s*[:.]?\s*$",
    re.IGNORECASE,
)
_HEADING_BARE = re.compile(
    r"^(?P<name>.+?)\s*[,–—:-]?\s+(?P<phrase>" + _HEADING_PHRASE + r")\s*:\s*$",
    re.IGNORECASE,
)
_MEMBERS_PAREN = re.compile(
    r"^(?P<name>.+?)\s*[(\[]\s*(?P<phrase>(?:and\s+)?(?:its\s+)?members?(?:\s+organi[sz]ations)?"
    r"|including|with\s+(?:its\s+)?members)\s*:?\s*[)\]]\s*:?\s*$",
    re.IGNORECASE,
)


# Words one of the heading patterns needs: most lines hold none, and a few substring tests
# cost less than the three anchored patterns (which scan the line from every position).
_HEADING_HINTS = (
    "behalf",
    "represent",
    "name of",
    "nom d",
    "nombre",
    "namen",
    "имени",
    "імені",
    "імя",
    "imieniu",
    "member",
    "including",
)


# "on behalf of" and its translations: a person signing for an organization.
SIGNS_FOR = re.compile(
    r"\b(?:on\s+behalf\s+of|in\s+the\s+name\s+of|au\s+nom\s+d(?:e|es|u)|en\s+nombre\s+de|"
    r"em\s+nome\s+d[aeo]s?|a\s+nome\s+d|im\s+namen|от\s+имени|від\s+імені|ад\s+імя|"
    r"w\s+imieniu)\b",
    re.IGNORECASE,
)


def signs_for(text: str) -> bool:
    """ "Jorge Fuertes, presidente, en nombre de «Asociación …»": a person signing on behalf
    of an organization, which is that organization's signature."""
    return bool(SIGNS_FOR.search(text))


@functools.lru_cache(maxsize=_PER_LINE)
def coalition_heading(text: str) -> tuple[str, str] | None:
    """(printed name, heading phrase) of "X (on behalf of the following NGOs):", else None."""
    low = text.lower()
    if not any(hint in low for hint in _HEADING_HINTS):
        return None
    for pattern in (_HEADING_PAREN, _HEADING_BARE, _MEMBERS_PAREN):
        m = pattern.match(text)
        if m:
            name = m.group("name").strip().rstrip(",–—:-").strip()
            if name:
                return name, m.group("phrase").strip().rstrip(":").strip()
    return None


# ------------------------------------------------------------------ sections, cues, furniture


def words_pattern(words: tuple[str, ...]) -> str:
    """An alternation of word-list entries, longest first; a space matches any spaces."""
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


_CONNECTOR = words_pattern(SECTION_CONNECTORS)
_ORG_QUALIFIER = rf"(?:{words_pattern(ORG_SECTION_QUALIFIERS)}|{_CONNECTOR})"
_ORG_SECTION = re.compile(
    rf"^(?:{_ORG_QUALIFIER}\s+)*"
    rf"(?:{words_pattern(ORG_SECTION_NOUNS)})"
    # "Organizaciones y redes regionales e internacionales"
    rf"(?:\s+(?:{_ORG_QUALIFIER}|{words_pattern(ORG_SECTION_NOUNS)}))*"
    r"(?:\s*\([^)]*\))?\s*:?$",
    re.IGNORECASE,
)
_PERSON_SECTION = re.compile(
    rf"^(?:(?:{words_pattern(PERSON_SECTION_QUALIFIERS)})\s+)*"
    rf"(?:{words_pattern(PERSON_SECTION_NOUNS)})"
    rf"(?:\s+(?:{words_pattern(PERSON_SECTION_AFTER)}))?"
    r"(?:\s*\([^)]*\))?\s*:?$",
    re.IGNORECASE,
)
_INDIVIDUAL_HINT = re.compile(words_pattern(PERSON_SECTION_HINTS), re.IGNORECASE)
_PERSON_ALONE = re.compile(rf"^(?:{words_pattern(PERSON_SECTION_ALONE)})\s*:?$", re.IGNORECASE)


@functools.lru_cache(maxsize=_PER_LINE)
def section_kind(text: str) -> str:
    """ "organizations" or "individuals" for a section heading of the list, else ""."""
    if len(text) > 90:
        return ""
    if (_PERSON_SECTION.match(text) and _INDIVIDUAL_HINT.search(text)) or _PERSON_ALONE.match(
        text
    ):
        return "individuals"
    # "And the following individuals, in a personal capacity:" — but not "The following
    # individuals remain in detention:" (a decoy list, checked first).
    if (
        text.endswith(":")
        and len(text.split()) <= 12
        and _INDIVIDUAL_HINT.search(text)
        and not _DECOY.search(text)
    ):
        return "individuals"
    if _ORG_SECTION.match(text):
        return "organizations"
    return ""


_CUE = re.compile(
    r"\b(?:signator(?:y|ies)|co-?signator(?:y|ies)|signed\s+by|signed\s*:|undersigned|"
    r"signing\s+organi[sz]ations|endorsed\s+by|supported\s+by|joined\s+by|"
    r"list\s+of\s+signatures|signatures|the\s+following\s+(?:organi[sz]ations|ngos|groups)"
    r"\s+(?:have\s+)?(?:signed|endorsed|join|support)|"
    rf"{words_pattern(SIGNATORY_CUES)})\b",
    re.IGNORECASE,
)
_DECOY = re.compile(
    r"\b(?:detained|detention|arrested|imprisoned|imprisonment|jailed|in\s+prison|"
    r"behind\s+bars|political\s+prisoners?|prisoners\s+of\s+conscience|sentenced|convicted|"
    r"charged|prosecuted|victims?|killed|murdered|disappeared|missing|abducted|tortured|"
    r"remain\s+in|held\s+in|the\s+following\s+(?:people|persons|human\s+rights\s+defenders|"
    r"defenders|journalists|activists|lawyers))\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=_PER_LINE)
def is_cue(text: str) -> bool:
    """A line that announces the signatory list ("Signatories:", "Signed by")."""
    return len(text) <= 160 and bool(_CUE.search(text)) and not _DECOY.search(text)


def is_decoy_intro(text: str) -> bool:
    """A line that announces a list of something else (the detained, the victims)."""
    return bool(_DECOY.search(text)) and not _CUE.search(text)


_FURNITURE = re.compile(
    r"^(?:related(?:\s+(?:articles?|posts?|news|stories|content|reading|links))?|"
    r"read\s+(?:more|also|next)|see\s+also|you\s+(?:may|might)\s+also\s+(?:like|be\s+interested)|"
    r"more\s+(?:news|stories|articles)|latest\s+(?:news|posts)|recent\s+posts|"
    r"share(?:\s+(?:this|on))?|tags?|categories|filed\s+under|comments?|leave\s+a\s+(?:reply|comment)|"
    r"subscribe(?:\s+to.*)?|sign\s+up\s+for.*|newsletter|follow\s+us.*|(?:copyright|©)\s*(?:\d{4}|.*\b(?:19|20)\d\d\b).*|"
    r"all\s+rights\s+reserved.*|privacy\s+policy|cookies?(?:\s+(?:policy|settings|preferences|notice))?|previous\s+(?:post|article)|"
    # "Top of page", "Back to top": the link a long page ends its list with.
    r"(?:(?:back|return|go|jump|scroll)\s+to\s+(?:the\s+)?)?top(?:\s+of\s+(?:the\s+)?page)|"
    r"(?:back|return|go|jump|scroll)\s+to\s+(?:the\s+)?top|haut\s+de\s+(?:la\s+)?page|"
    r"retour\s+en\s+haut|(?:volver|ir)\s+arriba|nach\s+oben|torna\s+su|voltar\s+ao\s+topo|"
    r"наверх|"
    r"next\s+(?:post|article)|print(?:\s+this\s+page)?|donate(?:\s+now)?|"
    r"статьи\s+по\s+теме|читайте\s+также|см\.\s+также|похожие\s+статьи|"
    r"articles\s+(?:liés|similaires)|à\s+lire\s+aussi|artículos\s+relacionados|"
    r"verwandte\s+artikel)\s*[:.]?$",
    re.IGNORECASE,
)


# A site's footer line: "Published by HRHF. Read more", "Posted by admin".
_FOOTER = re.compile(
    r"^\W*(?:(?:published|posted|written|shared|edited)\s+by|(?:editado|publicado|escrito|"
    r"postado)\s+por|(?:édité|publié|écrit)\s+par|a\s+cura\s+di|pubblicato\s+da|"
    r"(?:veröffentlicht|bearbeitet)\s+von)\b.{0,60}?(?:\bread\s+more\b.*)?$|"
    r".{0,60}\bread\s+(?:more|the\s+full\s+(?:article|story|statement))\b\W*$|"
    # "See the full list of signatories", "For more information, contact …": after a list.
    r"^\W*(?:see|view|read|download|click\s+here\s+(?:to|for))\s+(?:the\s+)?(?:full|complete|"
    r"whole|entire|updated)\s+list\b.*$|^\W*for\s+(?:more|further)\s+information\b.*$|"
    r"^\W*(?:media|press)\s+(?:contacts?|enquiries|inquiries)\b.*$",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=_PER_LINE)
def is_furniture(text: str) -> bool:
    """A web page's own line after the content: "Related articles", "Share this", "©…"."""
    text = text.strip()
    return len(text) <= 80 and bool(_FURNITURE.match(text) or _FOOTER.match(text))


# Closing lines of a letter, after which the signatures follow.
_CLOSING_CUE = re.compile(
    r"^(?:(?:yours\s+)?sincerely(?:\s+yours)?|yours\s+(?:faithfully|truly|respectfully)|"
    r"respectfully(?:\s+yours)?|(?:with\s+)?(?:kind|best|warm)\s+regards|signed(?:\s+by)?|"
    r"signatories|signatures|cordialement|atentamente|mit\s+freundlichen\s+gr(?:ü|ue)(?:ß|ss)en|"
    r"in\s+fede|cordialmente|firmato|un\s+cordial\s+saludo|met\s+vriendelijke\s+groet(?:en)?|"
    r"z\s+poważaniem|med\s+vänlig\s+hälsning|venlig\s+hilsen|"
    r"с\s+уважением|з\s+повагою)\s*[,.:]?$",
    re.IGNORECASE,
)


# The formal closings of French letters, a whole sentence ("Veuillez agréer, Monsieur le
# Président, l'hommage de notre profond respect,") and those of other languages that
# carry words after the formula ("Atenciosamente,", "Hochachtungsvoll").
_FORMAL_CLOSING = re.compile(
    r"^(?:(?:veuillez|je\s+vous\s+prie\s+d|nous\s+vous\s+prions\s+d)\W*(?:agr[ée]er|recevoir)"
    r"|recevez\b.{0,80}\b(?:l'|l’)?(?:expression|assurance)"
    r"|hochachtungsvoll|atenciosamente|saludos\s+cordiales|(?:cordiali|distinti)\s+saluti)"
    r"[^.!?]{0,200}[,.:]?$",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=_PER_LINE)
def is_closing(text: str) -> bool:
    """A letter's closing ("Sincerely,", "Yours faithfully", "Signed:"): the list follows."""
    text = text.strip()
    return bool(_CLOSING_CUE.match(text) or _FORMAL_CLOSING.match(text))


_CLOSING = re.compile(
    r"^(?:sincerely|yours\s+(?:sincerely|faithfully|truly)|kind\s+regards|best\s+regards|"
    r"regards|respectfully(?:\s+yours)?|with\s+(?:kind\s+)?regards|signed|signatures?|"
    r"cc|encl\.?|enclosures?|end)\s*[,.:]?$",
    re.IGNORECASE,
)
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_ONLY = re.compile(
    r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:\d{1,2}\s+"
    + _MONTHS
    + r",?\s+\d{4}|"
    + _MONTHS
    + r"\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}|"
    r"\d{1,2}[./]\d{1,2}[./]\d{2,4}|" + _MONTHS + r"\s+\d{4})\.?$",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=_PER_LINE)
def is_date_line(text: str) -> bool:
    return bool(_DATE_ONLY.match(text.strip()))


_URL = re.compile(r"https?://|www\.|@\w+\.\w")
# "Contact: press@…", "Note: …", "Photo: …": a label, then what it labels; never a name
# (a name may hold a colon: "CIVICUS: World Alliance for Citizen Participation").
_LABEL = re.compile(
    r"^(?:note|nb|n\.b\.|contact|contacts|press\s+contact|media\s+contact|for\s+more\s+"
    r"information(?:\s+contact)?|source|photo|image|credit|update|updated|posted|published|"
    r"author|by|e-?mail|tel|phone|fax|website|web|link|download|read|see|ps|p\.s\.)\s*:",
    re.IGNORECASE,
)


def is_labelled(text: str) -> bool:
    """ "Contact: …", "Note: …", "Photo: …": a labelled line, never a name."""
    return bool(_LABEL.match(text))


# ------------------------------------------------------------------ organization words

_ORG_WORDS = frozenset(fold(w) for w in ORG_WORDS)


@functools.lru_cache(maxsize=_PER_LINE)
def org_words(text: str) -> int:
    return sum(1 for w in fold(text).split() if w in _ORG_WORDS)


def is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@functools.lru_cache(maxsize=_PER_LINE)
def person_like(text: str) -> bool:
    """ "Ales Bialiatski", "Jane A. Roe": two to four capitalized words, nothing organizational."""
    words = text.split()
    if not 2 <= len(words) <= 4 or org_words(text):
        return False
    if any(ch.isdigit() for ch in text) or any(ch in text for ch in '"“”«»()&/'):
        return False
    for word in words:
        core = word.strip(".,'’-")
        if not core or not core[0].isupper() or (is_acronym(core) and len(core) > 2):
            return False
    return True


_ABBREVIATION_END = re.compile(
    # "B.a.B.e.", "e. V." (German registered associations write it with a space)
    r"(?:\b\w\.\s?\w\.(?:\w\.)*|\b(?:inc|ltd|co|corp|assoc|e\.v|st|jr|sr|"
    r"no|dr|prof|ph\.d|m\.a|a\.s|o\.p\.s|s\.a|n\.v|b\.v)\.)$",
    re.IGNORECASE,
)


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends like a sentence (and not like "B.a.B.e." or "Ltd.")."""
    stripped = text.rstrip("\"'”’»)")
    if stripped.endswith(("!", "?")):
        return True
    return stripped.endswith(".") and not _ABBREVIATION_END.search(stripped)


# Two letters before the full stop: "e. V." (a German association) ends no sentence.
_SENTENCE_INSIDE = re.compile(r"[a-zа-яё0-9)]{2}[.!?]\s+[A-ZА-ЯЁ]")
# …nor does a title abbreviated ("Professora Dra. Titular FACED", "Prof. De Literatura",
# "Profa. Aposentada", "Coordenador Ex. HISTEDBR").
_ABBREVIATED = frozenset(TITLE_ABBREVIATIONS)
_WORD_BEFORE = re.compile(r"(\w+)$")


def _sentence_inside(text: str) -> bool:
    """Whether a sentence ends inside ``text`` (a full stop, then a capital)."""
    for m in _SENTENCE_INSIDE.finditer(text):
        # The match is two characters and the stop: the word they end is looked up by
        # going back from the stop (linear: each match looks at one word).
        stop = m.start() + 2
        word = _WORD_BEFORE.search(text, max(0, stop - 12), stop)
        if word is None or word.group(1).lower() not in _ABBREVIATED:
            return True
    return False


def name_score(text: str, *, in_list: bool = False) -> float:
    """How much ``text`` looks like one name of a signatory list: 0 (not at all) to ~2.

    ``in_list``: the line is a list item or a table cell, which forgives a little
    (a name written with a final full stop, a long name).
    """
    # Positional, so that name_score(t) and name_score(t, in_list=False) share one entry.
    return _name_score(text, in_list)


# Every line is scored two or three times (block judging, list finding, reading).
@functools.lru_cache(maxsize=1 << 17)
def _name_score(text: str, in_list: bool) -> float:
    text = text.strip().rstrip(";,").strip()
    if not text or is_furniture(text) or is_date_line(text) or _CLOSING.match(text):
        return 0.0
    if coalition_heading(text):
        return 2.0
    if _LABEL.match(text):
        return 0.0  # a labelled line ("Tel: …"): names hold none
    if _URL.search(text):
        if not in_list:
            return 0.0  # an address
        return _head_score(text)
    words = text.split()
    limit = 30 if in_list else 22
    if len(words) > limit or len(text) > 300:
        return _head_score(text) if in_list else 0.0
    if len(words) > 8 and _sentence_inside(text):
        return 0.0
    first = text.lstrip("\"'“„«‘(").strip()
    if not first:
        return 0.0
    if first[0].islower() and not any(c.isupper() for c in first.split()[0]):
        return 0.0 if not in_list else 0.2
    if text.endswith(":"):
        return 0.0
    score = 1.0
    if ends_sentence(text):
        if not in_list:
            return 0.0
        score -= 0.5
    lower = [w for w in words if w[:1].islower()]
    ratio = len(lower) / len(words)
    orgish = org_words(text) > 0
    if orgish:
        score += 0.5
    elif ratio > 0.5:
        score -= 0.4
    if len(words) > 15:
        score -= 0.3
    if person_like(text):
        score -= 0.2
    return max(score, 0.1)


# A list item's name before the details that follow it ("Frank Hoen, CEO NetPresenter,
# winner of …, http://…"): up to the first comma or spaced dash.
_ITEM_HEAD = re.compile(r",\s|\s[-–—]\s")


def _head_score(text: str) -> float:
    """The score of a long or linked list item, by the name it begins with: less than a
    whole line that reads as a name, and nothing for a line that is only an address."""
    m = _ITEM_HEAD.search(text)
    if not m:
        return 0.0
    head = text[: m.start()].strip()
    # A digit in the head is a reference's year ("UNDP (2020), COVID-19 …, https://…").
    if not head or _URL.search(head) or len(head.split()) > 12 or any(c.isdigit() for c in head):
        return 0.0
    return 0.6 * name_score(head, in_list=True)


# ------------------------------------------------------------------ places after a name


@dataclass
class Place:
    name: str
    country: str = ""
    city: str = ""


_TRAILING_PAREN = re.compile(r"^(?P<name>.*\S)\s*\((?P<inner>[^()]+)\)$")
_DASH_TAIL = re.compile(r"^(?P<name>.*\S)\s+[-–—]\s+(?P<tail>[^-–—]+)$")


def _city_like(text: str) -> bool:
    """Capitalized words, as a city is written ("Lugansk", "Ivano-Frankivsk")."""
    words = text.split()
    if not 1 <= len(words) <= 3 or org_words(text) or any(c.isdigit() for c in text):
        return False
    return all(w[:1].isupper() for w in words) and not any(c in text for c in '"“”«»()')


def _place_of(inner: str) -> tuple[str, str] | None:
    """(city, country) for "Kyiv, Ukraine", "Ukraine", "Kyiv"; None when not a place."""
    inner = inner.strip()
    if is_country(inner):
        return "", inner
    if "," in inner:
        city, _, country = inner.rpartition(",")
        city, country = city.strip(), country.strip()
        if is_country(country) and (is_city(city) or _city_like(city)):
            return city, country
    if is_city(inner):
        return inner, ""
    return None


def split_place(text: str) -> Place:
    """Split a trailing known place off a printed name; the name is never cut elsewhere."""
    name = text.strip()
    country = city = ""
    # "Name (IPHR) (Belgium)", "Name (Kyiv, Ukraine)": brackets from the end.
    m = _TRAILING_PAREN.match(name)
    if m:
        place = _place_of(m.group("inner"))
        if place:
            city, country = place
            name = m.group("name").rstrip(" ,–—-")
    if not country:
        # "Name, City, Country" / "Name, Country": only a known country at the end.
        head, sep, tail = name.rpartition(",")
        if sep and head.strip() and is_country(tail):
            country = tail.strip()
            name = head.strip()
            head2, sep2, tail2 = name.rpartition(",")
            if sep2 and head2.strip() and not city and (is_city(tail2) or _city_like(tail2)):
                city = tail2.strip()
                name = head2.strip()
    if not country and not city:
        # "Name – Location": the part after the last dash must be a known place.
        m = _DASH_TAIL.match(name)
        if m:
            place = _place_of(m.group("tail"))
            if place:
                city, country = place
                name = m.group("name")
    return Place(name=name.strip(), country=country, city=city)


# ------------------------------------------------------------------ individuals


@dataclass
class Person:
    name: str
    title: str = ""
    affiliation: str = ""


_PERSON_PARTS = re.compile(r",\s+|\s+[-–—/]\s+")


def parse_person(text: str) -> Person:
    """ "Jane Roe, Professor, University of X" / "Jane Roe (Moscow Helsinki Group)"."""
    text = text.strip().rstrip(";,").strip()
    if ends_sentence(text):  # "…, Lawyer." but not "Jane Roe Jr." or "Ph.D."
        text = text[:-1].rstrip()
    affiliation = ""
    m = _TRAILING_PAREN.match(text)
    if m and not is_country(m.group("inner")):
        text, affiliation = m.group("name").strip(), m.group("inner").strip()
    # A dash between spaces too ("Celio Turino - historiador"); "Jean-Pierre" has none.
    parts = [p.strip() for p in _PERSON_PARTS.split(text) if p.strip()]
    if not parts:
        return Person(name=text)
    name, rest = parts[0], parts[1:]
    title = ""
    if len(rest) >= 2:
        title = rest[0]
        affiliation = ", ".join([*rest[1:], *([affiliation] if affiliation else [])])
    elif len(rest) == 1:
        # "Amina Yusuf - Kenya": the country is where she is, no title.
        if not affiliation and is_country(rest[0]):
            affiliation = rest[0]
        elif affiliation or not org_words(rest[0]):
            title = rest[0]
        else:
            affiliation = rest[0]
    return Person(name=name, title=title, affiliation=affiliation)
