"""Claim vocabulary: English.  Data only — the engine in signon.claims reads it."""

from __future__ import annotations

import re

from signon.claim_words import LangData, words

ORG_WORDS = words(
    """organization organizations organisation organisations ngo ngos ngo's ingo ingos
    cso csos cbo cbos group groups signatory signatories cosignatory cosignatories
    co-signatory co-signatories signer signers endorser endorsers member members partner
    partners coalition coalitions union unions association associations network networks
    institution institutions federation federations alliance alliances foundation
    foundations charity charities signature signatures company companies firm firms
    business businesses"""
)
PERSON_WORDS = words("individual individuals people person persons")
# English nouns are looked up, not matched: a set lookup per word is what keeps
# scanning a long letter fast.
NOUNS: dict[str, bool] = {
    **dict.fromkeys(ORG_WORDS, False),
    **dict.fromkeys(PERSON_WORDS, True),
}
SINGULAR = frozenset(
    words(
        """organization organisation ngo ingo cso cbo group signatory cosignatory
        co-signatory member partner coalition union association network institution
        federation alliance foundation charity signer endorser individual person
        signature company firm business"""
    )
)

DATA = LangData(
    org_nouns=tuple(re.escape(w).replace("'", "['’]") for w in ORG_WORDS),
    person_nouns=tuple(PERSON_WORDS),
    qualifiers={
        "more-than": (
            r"more\s+than",
            r"over",
            r"well\s+over",
            r"just\s+over",
            r"in\s+excess\s+of",
            r"upwards\s+of",
        ),
        "at-least": (
            r"at\s+least",
            r"no\s+fewer\s+than",
            r"not\s+fewer\s+than",
            r"no\s+less\s+than",
            r"not\s+less\s+than",
            r"a\s+minimum\s+of",
        ),
        "about": (
            r"nearly",
            r"almost",
            r"close\s+to",
            r"about",
            r"around",
            r"some",
            r"approximately",
            r"approx\.",
            r"roughly",
            r"circa",
            r"ca\.",
            r"c\.",
            r"an\s+estimated",
            r"~",
            r"≈",
        ),
        "fewer-than": (r"fewer\s+than", r"less\s+than", r"under", r"below", r"just\s+under"),
        "at-most": (
            r"up\s+to",
            r"at\s+most",
            r"no\s+more\s+than",
            r"not\s+more\s+than",
            r"a\s+maximum\s+of",
        ),
    },
    post_qualifiers={
        "at-least": (r"or\s+more", r"and\s+more", r"or\s+over"),
        "at-most": (r"or\s+fewer", r"or\s+less"),
    },
    conjunctions=(
        r"and",
        r"&",
        r"as\s+well\s+as",
        r"plus",
        r"along\s+with",
        r"together\s+with",
    ),
    blockers=frozenset(
        words("""of in on at by for from with to into onto against about over under than
        since after before during per between among across through via within
        without upon toward towards including like as
        the a an this that these those which who whom whose what we they it he she
        you i our their his her its my your us them all each every any both either
        neither no not nor but
        is are was were be been being am have has had will would shall should can
        could may might must do does did
        more less fewer additional further other others new extra most many several
        few also only
        year years month months week weeks day days hour hours minute minutes time
        times percent cent per dollars euros pounds
        villages towns cities countries regions states districts""")
    ),
    months=(
        r"january",
        r"february",
        r"march",
        r"april",
        r"may",
        r"june",
        r"july",
        r"august",
        r"september",
        r"october",
        r"november",
        r"december",
        r"jan\.?",
        r"feb\.?",
        r"mar\.",
        r"apr\.?",
        r"jun\.?",
        r"jul\.?",
        r"aug\.?",
        r"sept?\.?",
        r"oct\.?",
        r"nov\.?",
        r"dec\.?",
    ),
    year_words=(
        "in",
        "since",
        "from",
        "until",
        "till",
        "during",
        "before",
        "after",
        "year",
        "early",
        "late",
        "mid",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
    ),
    # Only words that name the act of signing: "joined by 100 people" or "100
    # people support…" describe a protest as often as a letter.
    signing_before=(
        r"undersigned",
        r"signed",
        r"co-?signed",
        r"signatories",
        r"signatory",
        r"endorsed",
    ),
    signing_after=(
        r"sign",
        r"signed",
        r"signing",
        r"co-?sign(?:ed)?",
        r"endorse",
        r"endorsed",
        r"call\s+(?:on|upon|for)",
        r"calling\s+(?:on|upon|for)",
        r"urge",
        r"urging",
        r"appeal\s+to",
        r"condemn",
        r"express",
    ),
    we=(r"we",),
    after_exclusions=(
        r"of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:parliaments?|congress|senate|house"
        r"|assembly|legislature|bundestag|duma|seimas|sejm|knesset|government"
        r"|cabinet|police|military|armed\s+forces|security\s+forces|press|public"
        r"|famil(?:y|ies)|staff)\b",
    ),
)

# Repression reported in numbers ("270 NGOs were liquidated", "the closure of 80
# organizations"): a count next to these words is not a count of signatories.
VICTIM_PARTICIPLES = words(
    "liquidated closed shut dissolved disbanded banned outlawed raided searched "
    "arrested detained imprisoned jailed convicted sentenced charged prosecuted "
    "persecuted targeted attacked killed murdered harassed designated labelled "
    "labeled declared deregistered forced stripped blocked suspended fined "
    "threatened investigated affected displaced evicted injured disappeared "
    "abducted deported expelled executed tortured sued liquidating closing"
)
VICTIM_NOUNS = words(
    "liquidation closure closing dissolution banning ban arrest arrests detention "
    "detentions raid raids prosecution persecution harassment killing killings "
    "deaths murder torture imprisonment designation deregistration expulsion "
    "deportation disappearance abduction execution shutdown suspension"
)
