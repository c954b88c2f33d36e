"""Claim vocabulary: French.  Data only — the engine in signon.claims reads it."""

from __future__ import annotations

from signon.claim_words import LangData, words

DATA = LangData(
    org_nouns=(
        r"entreprises",
        r"sociétés",
        r"signatures?",
        r"organisations?",
        r"ong",
        r"associations?",
        r"groupes?",
        r"collectifs?",
        r"signataires?",
        r"membres?",
        r"partenaires?",
        r"coalitions?",
        r"syndicats?",
        r"réseaux",
        r"réseau",
        r"institutions?",
        r"fondations?",
        r"fédérations?",
        r"alliances?",
    ),
    person_nouns=(r"personnes?", r"individus?", r"personnalités?"),
    qualifiers={
        "more-than": (r"plus\s+de", r"au-delà\s+de", r"bien\s+plus\s+de"),
        "at-least": (r"au\s+moins", r"pas\s+moins\s+de", r"au\s+minimum"),
        "about": (
            r"près\s+de",
            r"presque",
            r"environ",
            r"quelque",
            r"autour\s+de",
            r"approximativement",
            r"une\s+(?:bonne\s+)?(?:soixantaine|centaine)\s+de",
            r"~",
        ),
        "fewer-than": (r"moins\s+de",),
        "at-most": (r"jusqu['’]à", r"au\s+plus", r"pas\s+plus\s+de", r"au\s+maximum"),
    },
    post_qualifiers={"at-least": (r"ou\s+plus", r"et\s+plus")},
    conjunctions=(r"et", r"ainsi\s+que"),
    blockers=frozenset(
        words("""de des du d à a au aux en dans par pour sur avec sans contre entre chez le
        la les l un une ce cette ces qui que dont ont sont est était ans années année
        mois jours jour semaines heures fois cent autres nouvelles nouveaux plus
        moins ou mais villages villes pays""")
    ),
    months=(
        r"janvier",
        r"février",
        r"mars",
        r"avril",
        r"mai",
        r"juin",
        r"juillet",
        r"août",
        r"septembre",
        r"octobre",
        r"novembre",
        r"décembre",
    ),
    year_words=("en", "depuis", "dès", "avant", "après", "jusqu'en", "année"),
    signing_before=(r"soussigné\w*", r"sign[ée]\w*", r"signataires"),
    signing_after=(r"sign\w+", r"appellent", r"demandent", r"exhortent", r"ont\s+signé"),
    we=(r"nous",),
    after_exclusions=(r"(?:du|de\s+la|des)\s+(?:parlement|sénat|assemblée|congrès)\b",),
    max_gap=2,
)
