"""Claim vocabulary: Spanish.  Data only — the engine in signon.claims reads it."""

from __future__ import annotations

from signon.claim_words import LangData, words

DATA = LangData(
    org_nouns=(
        r"empresas",
        r"firmas",
        r"organizaci(?:ón|on|ones)",
        r"ongs?",
        r"asociaci(?:ón|on|ones)",
        r"grupos?",
        r"colectivos?",
        r"entidades",
        r"firmantes?",
        r"miembros?",
        r"socios?",
        r"coalici(?:ón|on|ones)",
        r"sindicatos?",
        r"redes",
        r"red",
        r"instituci(?:ón|on|ones)",
        r"fundaci(?:ón|on|ones)",
        r"federaci(?:ón|on|ones)",
        r"alianzas?",
    ),
    person_nouns=(r"personas?", r"individuos?"),
    qualifiers={
        "more-than": (r"más\s+de", r"mas\s+de", r"por\s+encima\s+de"),
        "at-least": (r"al\s+menos", r"por\s+lo\s+menos", r"no\s+menos\s+de", r"como\s+mínimo"),
        "about": (
            r"casi",
            r"cerca\s+de",
            r"alrededor\s+de",
            r"aproximadamente",
            r"unos",
            r"unas",
            r"~",
        ),
        "fewer-than": (r"menos\s+de",),
        "at-most": (r"hasta", r"como\s+máximo", r"no\s+más\s+de"),
    },
    post_qualifiers={"at-least": (r"o\s+más", r"y\s+más")},
    conjunctions=(r"y", r"e", r"así\s+como"),
    blockers=frozenset(
        words("""de del en a al con por para sin contra entre sobre desde hasta el la los las
        un una que quien son han fueron años año meses mes días día semanas horas
        veces otras otros nuevas nuevos más menos o pueblos ciudades países""")
    ),
    months=(
        r"enero",
        r"febrero",
        r"marzo",
        r"abril",
        r"mayo",
        r"junio",
        r"julio",
        r"agosto",
        r"sept?iembre",
        r"octubre",
        r"noviembre",
        r"diciembre",
    ),
    year_words=("en", "desde", "hasta", "año", "antes", "después"),
    signing_before=(r"firmad\w*", r"firmantes", r"suscrit\w*", r"abajo\s+firmantes"),
    signing_after=(r"firm\w+", r"piden", r"exigen", r"instan", r"hacen", r"han\s+firmado"),
    we=(r"nosotr[oa]s",),
    after_exclusions=(r"del\s+(?:parlamento|congreso|senado)\b",),
    max_gap=2,
)
