"""Per-language vocabularies for finding claims ("78 organizations", "plus de 50 ONG").

One data module per language (``en.py``, ``fr.py``…), each defining ``DATA``; the engine
(:mod:`signon.claims`) compiles them.  Adding a language means adding its module and its
code to :data:`LANGUAGES`, no engine code.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

# In this order the merged table (for a language without its own) lists alternatives.
LANGUAGES = ("en", "fr", "es", "pt", "it", "de", "ru", "uk", "be", "pl")


def words(text: str) -> list[str]:
    """Split a word list written as one string (long lists read better that way)."""
    return text.split()


@dataclass(frozen=True)
class LangData:
    org_nouns: tuple[str, ...]  # regex fragments
    person_nouns: tuple[str, ...]
    qualifiers: dict[str, tuple[str, ...]]  # qualifier -> phrases before the number
    post_qualifiers: dict[str, tuple[str, ...]]  # phrases after the number
    conjunctions: tuple[str, ...]  # join two claims / two modifiers
    blockers: frozenset[str]  # gap words that end the phrase
    months: tuple[str, ...]
    year_words: tuple[str, ...]  # a 4-digit number after these is a year
    signing_before: tuple[str, ...]  # words before a people count that make it a claim
    signing_after: tuple[str, ...]  # verbs after a people count that make it a claim
    we: tuple[str, ...]
    after_exclusions: tuple[str, ...]  # after the noun: "of parliament"…
    max_gap: int = 4


# Words after which a number is an article, a resolution, a page…: looked up
# as whole words (one set for every language: a letter may cite foreign law).
REFERENCES = frozenset(
    words(
        """article articles art. arts. resolution resolutions res. section sections sec.
        paragraph paragraphs para. paras. chapter chapters no. nos. law decree decrees
        protocol protocols clause clauses amendment amendments annex annexes page pages
        p. pp. op op. room floor box tel tel. phone fax vol. volume § §§ № #
        alinéa paragraphe n° numéro loi décret chapitre résolution
        artículo artículos articulo resolución resoluciones número núm. nº n.º ley
        decreto capítulo párrafo
        artikel absatz abs. paragraf nr nr. nummer gesetz gesetzes kapitel ziffer
        статья статьи статью статьей статей ст. пункт пункта пункте п. резолюция
        резолюции резолюцию закон закона постановление постановления часть части
        глава главы стаття статті статтю статтею резолюція резолюції резолюцію
        частина частини артыкул артыкула артыкулы арт. рэзалюцыя рэзалюцыі
        artykuł artykułu artykule artykułem rezolucja rezolucji ust. ustęp ustępu
        punkt punktu pkt pkt. ustawa ustawy rozdział rozdziału"""
    )
)


# A third person's possessive right before a number: the number counts someone's members
# ("ILGA, with its 1,700 member organisations", "Avec ses 120.000 membres"), not the
# letter's signatories.  ("our" stays out: "our 78 organizations" may count the signers.)
POSSESSIVES = frozenset(
    words(
        """its their his her
        ses leurs leur sa son
        sus su
        seus suas seu sua
        suoi sue loro
        seine ihre seiner ihrer seinen ihren
        своих свои её его их
        своїх свої її
        swoich swoje jej ich"""
    )
)


# "a global network of over 200 civil society organizations": a body and "of" right before
# a number give the body's size, not the letter's signatories.  (Coalitions and alliances
# stay out: "a coalition of 78 organizations wrote" often names the signers.)
BODIES = frozenset(
    words(
        """network networks federation confederation platform umbrella consortium
        réseau fédération confédération plateforme
        red federación confederación plataforma
        rede federação confederação plataforma
        rete federazione confederazione piattaforma
        netzwerk dachverband verband föderation plattform
        сеть сети федерация платформа мережа федерація платформа
        sieć federacja platforma"""
    )
)
BODY_OF = frozenset(words("of de d' d’ des do da von aus di della del из з z"))


# Company nouns of every language's org_nouns: a count of companies is a claim only where
# the text speaks of signing ("25 companies signed"), as a count of people is.
COMPANY_NOUNS = frozenset(
    words(
        """company companies firm firms business businesses entreprises sociétés empresas
        aziende imprese firmen unternehmen"""
    )
)


def table(language: str) -> LangData:
    """The vocabulary of one of :data:`LANGUAGES`."""
    data: LangData = importlib.import_module(f"signon.claim_words.{language}").DATA
    return data
