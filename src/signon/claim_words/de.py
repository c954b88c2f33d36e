"""Claim vocabulary: German.  Data only — the engine in signon.claims reads it."""

from __future__ import annotations

from signon.claim_words import LangData, words

DATA = LangData(
    org_nouns=(
        r"firmen",
        r"unternehmen",
        r"[^\W\d_]*organisation(?:en)?",
        r"unterschriften",
        r"ngos?",
        r"nros?",
        r"[^\W\d_]*gruppen?",
        r"unterzeichner(?:innen)?",
        r"unterzeichnende[n]?",
        r"[^\W\d_]*mitglieder",
        r"mitglied",
        r"[^\W\d_]*partner(?:innen)?",
        r"bündnisse?",
        r"bündnis",
        r"gewerkschaft(?:en)?",
        r"verbände",
        r"verband",
        r"vereine?",
        r"netzwerke?",
        r"institution(?:en)?",
        r"stiftung(?:en)?",
        r"initiativen",
    ),
    person_nouns=(r"[^\W\d_]*personen", r"person", r"menschen"),
    qualifiers={
        "more-than": (r"mehr\s+als", r"über", r"ueber", r"weit\s+über"),
        "at-least": (r"mindestens", r"wenigstens", r"nicht\s+weniger\s+als"),
        "about": (
            r"fast",
            r"nahezu",
            r"beinahe",
            r"knapp",
            r"rund",
            r"etwa",
            r"ungefähr",
            r"circa",
            r"ca\.",
            r"~",
        ),
        "fewer-than": (r"weniger\s+als", r"unter"),
        "at-most": (r"bis\s+zu", r"höchstens", r"maximal", r"nicht\s+mehr\s+als"),
    },
    post_qualifiers={"at-least": (r"oder\s+mehr", r"und\s+mehr")},
    conjunctions=(r"und", r"sowie"),
    blockers=frozenset(
        words("""der die das den dem des ein eine einer eines in im an am auf aus bei mit nach
        von vom vor zu zum zur für gegen über unter seit bis durch ohne um sind haben
        wurden waren ist jahre jahren jahr monate monaten tage tagen wochen stunden mal
        prozent weitere andere neue oder dörfer städte länder""")
    ),
    months=(
        r"januar",
        r"jänner",
        r"februar",
        r"märz",
        r"april",
        r"mai",
        r"juni",
        r"juli",
        r"august",
        r"september",
        r"oktober",
        r"november",
        r"dezember",
    ),
    year_words=("im", "seit", "bis", "jahr", "jahre", "vor", "nach", "anfang", "ende", "mitte"),
    signing_before=(r"unterzeichn\w*", r"unterschrieben"),
    signing_after=(r"unterzeichn\w*", r"fordern", r"appellieren", r"rufen",
                   r"sprechen\s+sich"),
    we=(r"wir",),
    after_exclusions=(r"des\s+(?:bundestages|bundestags|parlaments|landtags)\b",),
    max_gap=3,
)
