"""Word lists the duplicate rules read (data, kept apart from the rules).

Adding a language or a look-alike means adding words here, not code.
"""

from __future__ import annotations


def _split(text: str) -> list[str]:
    return text.split()


# Words that join the parts of a name and are written either way: "Information &
# Development" = "Information and Development" = "Information et Développement".
CONNECTORS = frozenset({"and", "et", "und"})

# Small words people add, drop or swap without meaning another organization
# ("Centre of Human Rights" = "Centre for Human Rights").  Used by the loose rule only.
SMALL_WORDS = frozenset({
    "a", "an", "the", "of", "for", "in", "on", "at", "to", "by", "with",
    "de", "del", "della", "des", "du", "la", "le", "les", "el", "los", "las", "l", "d",
    "der", "die", "das", "den", "dem", "fur", "fuer", "im", "zur", "zum", "von",
    "da", "do", "dos", "di", "na", "za", "w", "v", "vo", "po", "pri", "dlya", "i", "y", "e",
})

# Words that tell two organizations apart although they differ by a letter or two:
# "Austrian" / "Australian", "North" / "South", "Men" / "Women", "Iran" / "Iraq".
# A typo is never a change from one of these words to another.
DISTINCT_WORDS = frozenset(_split("""
afghan albanian algerian american andorran angolan argentine argentinian armenian australian
austrian azerbaijani azeri bahraini bangladeshi belarusian belarussian belgian bolivian
bosnian brazilian british bulgarian burmese cambodian cameroonian canadian chadian chilean
chinese colombian congolese croatian cuban cypriot czech danish dutch egyptian emirati
english eritrean estonian ethiopian european filipino finnish french gambian georgian german
ghanaian greek guatemalan guinean haitian honduran hungarian icelandic indian indonesian
iranian iraqi irish israeli italian ivorian jamaican japanese jordanian kazakh kazakhstani
kenyan korean kosovar kurdish kuwaiti kyrgyz lao latvian lebanese liberian libyan lithuanian
luxembourgish macedonian malagasy malawian malaysian maldivian malian maltese mauritanian
mexican moldovan moldavian mongolian montenegrin moroccan mozambican namibian nepali
nepalese nicaraguan nigerian nigerien norwegian omani pakistani palestinian panamanian
paraguayan peruvian polish portuguese qatari romanian russian rwandan salvadoran saudi
scottish senegalese serbian serb slovak slovakian slovenian slovene somali spanish sudanese
surinamese swedish swiss syrian taiwanese tajik tanzanian thai tibetan togolese tunisian
turkish turkmen ugandan ukrainian uruguayan uzbek venezuelan vietnamese welsh yemeni zambian
zimbabwean crimean chechen abkhaz ossetian iran iraq oman mali niger nigeria chad china
chile cuba peru india austria australia slovakia slovenia gambia zambia georgia armenia
albania algeria libya syria serbia north south east west eastern western northern southern
central men women man woman boys girls male female national international regional local
global world first second third fourth fifth one two three four five six seven eight nine
ten youth young old new
"""))

# Latin letters that Cyrillic and Greek draw the same way: inside a word written in
# Latin letters they are look-alike substitutions ("Сentre" with a Cyrillic С), read as
# the Latin letter they imitate before anything is transliterated.
HOMOGLYPHS = {
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "У": "Y", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S", "Ԁ": "D", "Ү": "Y",
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j",
    "ѕ": "s", "ԁ": "d", "һ": "h", "ӏ": "l", "ү": "y", "ԛ": "q", "ԝ": "w",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o", "ν": "v", "ρ": "p",
    "ι": "i", "κ": "k",
}

# What people type into a form's organization field when they are trying it out or have
# nothing to say (compared in identity form): such a row is held for a person to decide.
PLACEHOLDER_NAMES = frozenset(_split("""
test testing test test tests teste prueba probe essai тест проба asdf asd qwerty xxx xx x
na n a none nil null no nothing individual personal private self me myself
"""))

# Answers to a form's "May we list your organization publicly?" that mean no (in identity
# form): the organization signs unnamed.
CONSENT_NO = frozenset(_split("""
no non nein nie ne net нет ні не нe nao não nej ei ez hayir nu
anonymous anonymously anonymous please unnamed private do not list not publicly
""")) | {"no please", "do not list", "not publicly", "keep anonymous", "anonymous please",
         "do not name", "no thank you", "no thanks"}

# Words of an affiliation that many affiliations share, so two sharing only these say
# nothing about being one person ("Professor, University of X" / "University of Y").
AFFILIATION_COMMON_WORDS = frozenset(_split("""
university universite universitat universita universidad universidade universitet
college colegio school ecole escola institute institut instituto institution centre center
centro department departamento faculty faculdade facultad professor professora professeur
emeritus emerita associate assistant senior visiting director directora researcher
political science sciences history studies international national society foundation
fundacion fundacao association associacao asociacion union network group project program
programme council office state with from
"""))
