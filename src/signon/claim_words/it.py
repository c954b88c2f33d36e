"""Claim vocabulary: Italian.  Data only — the engine in signon.claims reads it."""

from __future__ import annotations

from signon.claim_words import LangData, words

DATA = LangData(
    org_nouns=(
        r"aziende",
        r"imprese",
        r"firme",
        r"organizzazion[ei]",
        r"ong",
        r"associazion[ei]",
        r"gruppi",
        r"gruppo",
        r"collettivi",
        r"enti",
        r"firmatari",
        r"membri",
        r"soci",
        r"coalizion[ei]",
        r"sindacati",
        r"reti",
        r"rete",
        r"istituzion[ei]",
        r"fondazion[ei]",
        r"federazion[ei]",
        r"alleanze",
        r"realtà",
        r"sigle",
    ),
    person_nouns=(r"persone", r"individui", r"personalità", r"cittadin[ie]"),
    qualifiers={
        "more-than": (r"più\s+di", r"oltre", r"ben\s+oltre"),
        "at-least": (r"almeno", r"non\s+meno\s+di"),
        "about": (r"quasi", r"circa", r"intorno\s+a", r"una\s+(?:sessantina|cinquantina|"
                  r"trentina|ventina|decina|quarantina|settantina|ottantina|novantina)\s+di",
                  r"~"),
        "fewer-than": (r"meno\s+di",),
        "at-most": (r"fino\s+a", r"al\s+massimo"),
    },
    post_qualifiers={"at-least": (r"o\s+più", r"e\s+più")},
    conjunctions=(r"e", r"ed"),
    blockers=frozenset(
        words("""di del della dei degli delle in nel nella a al alla ai con per su tra fra da
        dal il lo la i gli le un una che chi sono anni anno mesi mese giorni giorno settimane
        ore volte altre altri nuove nuovi più meno o paesi città comuni""")
    ),
    months=(
        r"gennaio",
        r"febbraio",
        r"marzo",
        r"aprile",
        r"maggio",
        r"giugno",
        r"luglio",
        r"agosto",
        r"settembre",
        r"ottobre",
        r"novembre",
        r"dicembre",
    ),
    year_words=("nel", "dal", "fino", "anno", "prima", "dopo"),
    signing_before=(r"firmat\w*", r"sottoscritt\w*", r"firmatari"),
    signing_after=(r"firm\w+", r"chiedono", r"esigono", r"sostengono", r"aderiscono"),
    we=(r"noi",),
    after_exclusions=(r"del\s+(?:parlamento|senato)\b",),
    max_gap=2,
)
