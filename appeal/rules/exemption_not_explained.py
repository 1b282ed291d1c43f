"""exemption-not-explained: an exemption cited with no reason why it applies (s17(1)(c))."""

from __future__ import annotations

import re

from appeal.rules.context import ci
from appeal.rules.base import ALL_REGIMES, Rule

RULE = Rule(
    id="exemption-not-explained",
    title="An exemption is cited without saying why it applies",
    regimes=ALL_REGIMES,
    strengths=("strong", "moderate"),
    detects="An exemption that the letter names (or describes in general terms: 'class based', 'absolute', "
    "a link to guidance) but never connects to the information requested.",
    why="A refusal notice must say why the exemption applies, if that is not otherwise apparent: FOIA "
    "s17(1)(c), EIR reg 14(3)(a), FOISA s16(1)(d). Describing the kind of exemption is not a reason. Only "
    "where giving the reason would itself disclose exempt information may it be left out (FOIA s17(4)), and "
    "guidance says to use that 'with great care'.",
    example="'Section 40(5) - Personal Information. Section 40 is a class based absolute exemption.' and "
    "nothing more about personal data anywhere in the letter.",
    references=("FOIA s17(1)(c), s17(4)", "EIR reg 14(3)(a)", "FOISA s16(1)(d)",
                "Ministry of Justice guidance on s17(4)", "Scottish EISR Code para 65"),
    generic=True,
)

_K = re.IGNORECASE
# What an explanation of each provision has to talk about. Provisions not listed are not judged.
SUBJECT = {
    "FOIA": {
        "s21": r"accessib|publish|available|website|https?://|www\.|link",
        "s22": r"publi(sh|cation)|intend|future",
        "s23": r"security bod|security service|\bMI5\b|GCHQ|intelligence agenc|section 23 ?\(3\)",
        "s24": r"national security|terror|extremis",
        "s26": r"defence|armed forces",
        "s27": r"international|foreign|another state|overseas|diplomat",
        "s28": r"devolved|relations between|administration",
        "s29": r"econom|financial interests",
        "s30": r"investigat|proceedings|prosecut|\bsources?\b",
        "s31": r"crime|law enforcement|detect|prevent|offend|apprehen|justice|immigration|\btax|fraud|regulat|prison",
        "s32": r"court",
        "s33": r"audit",
        "s35": r"policy|minister|formulation",
        "s36": r"free and frank|public affairs|qualified person|deliberat",
        "s37": r"royal|honours|sovereign|majesty",
        "s38": r"health|safety|endanger|wellbeing|well-being",
        "s40": r"personal (data|information)|data protection|data subject|third part|"
               r"identif\w* (an? |the |any )?(individual|person|people|them|someone)",
        "s41": r"confiden|in confidence",
        "s42": r"privilege|legal advice",
        "s43": r"commercial|trade secret|competit|tender|contract",
        "s44": r"prohibit|statutory bar|enactment|not permitted",
    },
    "EIR": {
        "reg12(4)(b)": r"manifestly unreasonable|burden|\bcost|hours|time|vexatious",
        "reg12(4)(c)": r"too general|clarif",
        "reg12(4)(d)": r"unfinished|incomplete|completion|draft",
        "reg12(4)(e)": r"internal communication",
        "reg12(5)(a)": r"international|defence|national security|public safety",
        "reg12(5)(b)": r"justice|fair trial|inquiry|investigat",
        "reg12(5)(c)": r"intellectual property|copyright",
        "reg12(5)(d)": r"confidential",
        "reg12(5)(e)": r"commercial|confidential",
        "reg12(5)(f)": r"supplied|voluntar|the person who",
        "reg12(5)(g)": r"protect\w* (of )?the environment|species|habitat",
        "reg13": r"personal (data|information)|data protection|data subject|third part|identif",
    },
    "FOISA": {
        "s25": r"accessib|publish|available|website|https?://|www\.",
        "s27": r"publi(sh|cation)|intend|future",
        "s29": r"policy|minister|formulation",
        "s30": r"free and frank|public affairs|advice|exchange of views|deliberat",
        "s31": r"national security|defence|terror",
        "s32": r"international|foreign",
        "s33": r"commercial|econom|trade secret",
        "s34": r"investigat|proceedings|prosecut",
        "s35": r"crime|law enforcement|detect|prevent|offend|justice",
        "s36": r"confiden|privilege",
        "s37": r"court",
        "s38": r"personal (data|information)|data protection|data subject|third part|identif",
        "s39": r"health|safety|environment",
        "s41": r"royal|majesty|honours",
    },
}
SUBJECT["EISR"] = {k.replace("reg12(4)", "reg10(4)").replace("reg12(5)", "reg10(5)").replace("reg13", "reg11"): v
                   for k, v in SUBJECT["EIR"].items()}
_COMPILED = {reg: {k: ci(v, word_start=True) for k, v in table.items()} for reg, table in SUBJECT.items()}

REASON = ci(
    r"because\b|as\b|since\b|would\b|could\b|might\b|may\b|will\b|if\b|therefore\b|reveal\w*|disclos\w*|"
    r"identif\w*|undermin\w*|prejudic\w*|harm\w*|compromis\w*|jeopardi\w*|risk\w*|enabl\w*|allow\w*",
    word_start=True,
)
# Sentences that describe an exemption's type, not why it applies to this information.
DESCRIPTION = ci(
    r"class[- ]based|prejudice[- ]based|absolute|qualified exemption|is a qualified|legislators|"
    r"there is (therefore )?no (requirement|need)|requirement to (carry out|complete|consider|articulate)|"
    r"explanatory notes|full text of|can be found at|is exempt information if|provides that|"
    r"the duty to confirm or deny does not arise",
)
LINK_OUT = ci(
    r"explanatory notes are shown here|full text of (the )?exemptions? can be found|"
                      r"exemptions? (and explanatory notes )?(is|are) (shown|available|listed) (here|at)",
)


def _key(citation: str, table: dict) -> str | None:
    best = None
    for k in table:
        if citation == k or citation.startswith(k + "(") or (k.endswith(")") and citation.startswith(k)):
            if best is None or len(k) > len(best):
                best = k
    return best


def check(ctx):
    r = ctx.refusal
    if r.truncated:
        return []
    table = _COMPILED.get(ctx.regime, {})
    unexplained = []
    seen_keys = set()
    for ex in ctx.exemptions:
        if ex.citation in ctx.covered:
            continue
        test = ctx.info(ex)[0]
        if test in ("cost", "vexatious"):
            continue
        key = _key(ex.citation, table)
        if key is None or key in seen_keys:
            continue
        seen_keys.add(key)
        subject = table[key]
        cite_sentences = {ctx.sentence_at(a) for a, _b in ex.spans[:1]}
        explained = any(
            (a, b) not in cite_sentences and ctx.search(REASON, a, b) and not ctx.search(DESCRIPTION, a, b)
            for a, b in ctx.sentences_matching(subject)
        )
        if not explained:
            unexplained.append(ex)
    if not unexplained:
        return []
    evidence = [ctx.citation_ev(ex) for ex in unexplained]
    link = ctx.search(LINK_OUT)
    if link:
        evidence.append(ctx.ev_sentence(link.start()))
    all_ncnd = all(ctx.info(ex)[2] or ex.ncnd for ex in unexplained)
    strength = "moderate" if all_ncnd else "strong"
    ctx.cover(unexplained, RULE.id)
    return [ctx.finding(
        RULE, strength, evidence,
        citations=[ex.citation for ex in unexplained],
        titles=[ex.title for ex in unexplained],
        ncnd=all_ncnd,
        link_out=bool(link),
    )]
