"""Claim vocabulary: Portuguese.  Data only — the engine in signon.claims reads it."""

from __future__ import annotations

from signon.claim_words import LangData, words

DATA = LangData(
    org_nouns=(
        r"empresas",
        r"assinaturas",
        r"organizaç(?:ão|ao|ões|oes)",
        r"ongs?",
        r"associaç(?:ão|ao|ões|oes)",
        r"grupos?",
        r"coletivos?",
        r"entidades",
        r"signatári[oa]s",
        r"membros?",
        r"parceir[oa]s",
        r"coligaç(?:ão|ões)",
        r"sindicatos?",
        r"redes",
        r"rede",
        r"instituiç(?:ão|ões)",
        r"fundaç(?:ão|ões)",
        r"federaç(?:ão|ões)",
        r"alianças?",
        r"movimentos?",
    ),
    person_nouns=(r"pessoas?", r"indivíduos?", r"personalidades?", r"cidad[ãa]os?",
                  r"cidadãs?"),
    qualifiers={
        "more-than": (r"mais\s+de", r"acima\s+de"),
        "at-least": (r"pelo\s+menos", r"ao\s+menos", r"no\s+mínimo"),
        "about": (
            r"quase",
            r"cerca\s+de",
            r"perto\s+de",
            r"aproximadamente",
            r"uns",
            r"umas",
            r"~",
        ),
        "fewer-than": (r"menos\s+de",),
        "at-most": (r"até", r"no\s+máximo"),
    },
    post_qualifiers={"at-least": (r"ou\s+mais", r"e\s+mais")},
    conjunctions=(r"e", r"assim\s+como"),
    blockers=frozenset(
        words("""de do da dos das em no na nos nas a ao aos à às com por pelo pela para sem
        contra entre sobre desde até o os as um uma que quem são foram anos ano meses mês
        dias dia semanas horas vezes outras outros novas novos mais menos ou votos
        cidades países municípios""")
    ),
    months=(
        r"janeiro",
        r"fevereiro",
        r"março",
        r"abril",
        r"maio",
        r"junho",
        r"julho",
        r"agosto",
        r"setembro",
        r"outubro",
        r"novembro",
        r"dezembro",
    ),
    year_words=("em", "desde", "até", "ano", "antes", "depois"),
    signing_before=(r"assinad\w*", r"firmad\w*", r"signatári\w*", r"abaixo\s+assinad\w*",
                    r"subscrit\w*"),
    signing_after=(r"assin\w+", r"pedem", r"exigem", r"cobram", r"repudiam", r"denunciam",
                   r"apoiam", r"defendem"),
    we=(r"nós",),
    after_exclusions=(r"d[oa]\s+(?:parlamento|congresso|senado|câmara)\b",),
    max_gap=2,
)
