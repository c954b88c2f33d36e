"""Data for how a letter presents itself in its language: the label above the list, paper.

Adding a language means adding a line here; :mod:`signon.letterlocale` reads it.
Dates need no table: ICU (CLDR) knows how each language writes them.
"""

from __future__ import annotations

# The line printed before the list of signatories, by language (the primary subtag).
# Each is how letters in that language introduce their list; French typography puts a
# no-break space before the colon.
LIST_LABELS: dict[str, str] = {
    "en": "Signed by:",
    "fr": "Signataires\u00a0:",
    "ru": "Подписали:",
    "uk": "Підписали:",
    "be": "Падпісалі:",
    "pl": "Sygnatariusze:",
    "cs": "Signatáři:",
    "sk": "Signatári:",
    "de": "Unterzeichnet von:",
    "nl": "Ondertekend door:",
    "es": "Firmantes:",
    "pt": "Signatários:",
    "it": "Firmatari:",
    "ca": "Signants:",
    "sv": "Undertecknat av:",
    "nb": "Undertegnet av:",
    "no": "Undertegnet av:",
    "da": "Underskrevet af:",
    "fi": "Allekirjoittajat:",
    "lt": "Pasirašė:",
    "lv": "Parakstījuši:",
    "et": "Allkirjastajad:",
    "ro": "Semnatari:",
    "hu": "Aláírók:",
    "bg": "Подписали:",
    "sr": "Потписници:",
    "hr": "Potpisnici:",
    "el": "Υπογράφουν:",
    "tr": "İmzacılar:",
    "az": "İmzalayanlar:",
    "ka": "ხელმომწერები:",
    "hy": "Ստորագրողներ՝",
    "ar": "الموقعون:",
    "fa": "امضاکنندگان:",
    "he": "החותמים:",
    "id": "Ditandatangani oleh:",
}

# How the front matter names the two paper sizes; each with its page and margins in
# twentieths of a point (Word's unit): A4 with 2.5 cm margins, Letter with 1 inch.
PAPER_SIZES: dict[str, tuple[int, int, int]] = {
    "a4": (11906, 16838, 1417),
    "letter": (12240, 15840, 1440),
}
# The size ICU reports for a region, in millimetres (height, width), and its name here.
ICU_PAPER = {(279, 216): "letter", (297, 210): "a4"}
DEFAULT_PAPER = "a4"

# A language written without a region takes these conventions: an English letter
# written for an international audience dates "24 November 2011", not "November 24".
NEUTRAL_LOCALES: dict[str, str] = {"en": "en_001"}

# English month names: the long English date is written without loading ICU (43 ms of
# import for a date most letters have); a property test holds this to ICU's output.
ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# ICU locale -> the long date's shape for those months (others go through ICU).
ENGLISH_LONG = {"en_001": "{d} {month} {y}", "en_GB": "{d} {month} {y}",
                "en_US": "{month} {d}, {y}"}

# `date_format` keywords for ICU's own styles (anything else is an ICU date pattern).
DATE_STYLES = ("full", "long", "medium", "short")

# The line that ends the list when some signatories asked not to be named, by language
# and CLDR plural category (ICU picks the category: Russian 21 is "one", 22 "few", 25
# "many"; Polish 21 is "many").  ``{n}`` is the number in digits, ``{words}`` in words.
# A language not here gets English; the front matter's ``unnamed_line`` overrides it.
# "other" is required (it is the fallback for every category a language leaves out).
UNNAMED_LINES: dict[str, dict[str, str]] = {
    "en": {
        "one": "and {n} organization that asked not to be named",
        "other": "and {n} organizations that asked not to be named",
    },
    "fr": {
        "one": "et {n} organisation ayant demandé à ne pas être nommée",
        "other": "et {n} organisations ayant demandé à ne pas être nommées",
    },
    "de": {
        "one": "sowie {n} Organisation, die nicht genannt werden möchte",
        "other": "sowie {n} Organisationen, die nicht genannt werden möchten",
    },
    "es": {
        "one": "y {n} organización que pidió no ser nombrada",
        "other": "y {n} organizaciones que pidieron no ser nombradas",
    },
    "ru": {
        "one": "а также {n} организация, попросившая не называть её",
        "few": "а также {n} организации, попросившие не называть их",
        "many": "а также {n} организаций, попросивших не называть их",
        "other": "а также {n} организации, попросившие не называть их",
    },
    "uk": {
        "one": "а також {n} організація, яка попросила не називати її",
        "few": "а також {n} організації, які попросили не називати їх",
        "many": "а також {n} організацій, які попросили не називати їх",
        "other": "а також {n} організації, які попросили не називати їх",
    },
    "pl": {
        "one": "oraz {n} organizacja, która poprosiła o nieujawnianie jej nazwy",
        "few": "oraz {n} organizacje, które poprosiły o nieujawnianie ich nazw",
        "many": "oraz {n} organizacji, które poprosiły o nieujawnianie ich nazw",
        "other": "oraz {n} organizacji, które poprosiły o nieujawnianie ich nazw",
    },
}
# The plural categories CLDR defines; a front-matter table may use only these.
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")
