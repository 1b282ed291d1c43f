"""subsection-not-specified: 'section 31' with no s31(1) limb; s40/s36 with no subsection."""

from __future__ import annotations

import re

from appeal.rules.base import ALL_REGIMES, Rule
from appeal.rules.context import ci

RULE = Rule(
    id="subsection-not-specified",
    title="The exemption is cited without the subsection that defines it",
    regimes=ALL_REGIMES,
    strengths=("moderate", "weak"),
    detects="A provision cited only at section level when its subsections are different exemptions, and "
    "the limb is not stated in words either ('prevention or detection of crime' is s31(1)(a)): "
    "'section 31' or the NCND provision s31(3) with no s31(1) limb; s40, s36, s43, s27 and the like with no "
    "subsection; EIR 'regulation 12(5)' with no paragraph.",
    why="The notice must specify the exemption relied on (FOIA s17(1)(b), EIR reg 14(3)(a), FOISA s16(1)(c)). "
    "Section 31 protects nine different interests, each with its own prejudice test: the ICO expects the "
    "authority to name the limb. Section 40's subsections are different exemptions with different tests. "
    "Without the subsection the requester cannot tell which test to challenge.",
    example="'Section 31(3) Law Enforcement' with no statement of which s31(1) interest would be prejudiced. "
    "Moderate where a bare 'section 31' is the only exemption relied on and no limb is stated anywhere.",
    near_miss="'Section 31' where the letter says in words which interest is prejudiced ('the prevention or "
    "detection of crime' is s31(1)(a)); a more specific citation of the same section elsewhere in the letter.",
    references=("FOIA s17(1)(b)", "ICO guidance: section 31 law enforcement (the limbs)",
                "ICO guidance: s40 refusal notices (which limb)", "EIR reg 14(3)(a)", "FOISA s16(1)(c)"),
)

# section -> (what must follow, strength, why in one phrase)
NEEDS = {
    "FOIA": {
        "s31": ("a limb of section 31(1), (a) to (i)", "strong"),
        "s40": ("the subsection (40(1), 40(2), or the neither-confirm-nor-deny provision 40(5A)/40(5B))", "strong"),
        "s36": ("the subsection of section 36(2) the qualified person relied on", "strong"),
        "s30": ("the subsection and paragraph of section 30 (for example 30(1)(a))", "moderate"),
        "s30(1)": ("the paragraph of section 30(1), (a) to (c), that describes the investigation", "moderate"),
        "s30(2)": ("the paragraph of section 30(2)", "moderate"),
        "s24": ("whether section 24(1) or the neither-confirm-nor-deny provision 24(2) is meant", "moderate"),
        "s27": ("the subsection of section 27 (27(1)(a) to (d), or 27(2))", "moderate"),
        "s43": ("whether section 43(1) (trade secrets) or 43(2) (commercial interests) is meant", "moderate"),
        "s38": ("the paragraph of section 38(1) (physical or mental health, or safety)", "moderate"),
        "s35": ("the paragraph of section 35(1)", "moderate"),
        "s26": ("the subsection of section 26", "moderate"),
        "s29": ("the paragraph of section 29(1)", "moderate"),
    },
    "EIR": {
        "reg12": ("the exception in regulation 12(4) or 12(5)", "strong"),
        "reg12(4)": ("the paragraph of regulation 12(4)", "strong"),
        "reg12(5)": ("the paragraph of regulation 12(5)", "strong"),
    },
    "FOISA": {
        "s30": ("the paragraph of section 30", "moderate"),
        "s35": ("the paragraph of section 35(1)", "strong"),
        "s38": ("the paragraph of section 38(1)", "strong"),
        "s33": ("the paragraph of section 33(1)", "moderate"),
        "s34": ("the subsection of section 34", "moderate"),
    },
    "EISR": {
        "reg10": ("the exception in regulation 10(4) or 10(5)", "strong"),
        "reg10(4)": ("the paragraph of regulation 10(4)", "strong"),
        "reg10(5)": ("the paragraph of regulation 10(5)", "strong"),
    },
}
# A limb stated in words is specified: "prevention or detection of crime" is s31(1)(a), "free and
# frank exchange of views for the purposes of deliberation" is s36(2)(b)(ii). Per section (FOIA numbering;
# FOISA and the EIR have their own tables below), the words that name a limb.
LIMB_WORDS = {
    "FOIA": {
        "s31": r"prevention or detection of crime|prevent(ing|ion of)? crime|detect(ing|ion of)? crime|"
               r"apprehension or prosecution of offenders|apprehend(ing)? offenders|prosecution of offenders|"
               r"administration of justice|assessment or collection of (any )?tax|immigration controls?|"
               r"security and good order in prisons?|good order (in|of) prisons?|regulatory functions?|"
               r"purposes? (specified|set out|listed) in (section |s\.? ?)?31\(2\)",
        "s36": r"free and frank (provision of advice|exchange of views)|effective conduct of public affairs|"
               r"collective responsibility",
        "s40": r"third part(y|ies)|someone other than (you|the requester)|other individuals|your own personal|"
               r"personal data of which (you are|the requester is) the data subject|own personal data",
        "s43": r"commercial interests?|trade secrets?",
        "s38": r"physical or mental health of any individual|safety of any individual",
        "s24": r"safeguard(ing)? national security",
        "s27": r"relations? between the united kingdom and|international organi[sz]ation|interests of the united "
               r"kingdom abroad|confidential information obtained from a state",
        "s30": r"confidential sources?|duty to conduct|criminal proceedings",
        "s35": r"formulation or development of government policy|ministerial communications?|law officers|"
               r"operation of any ministerial private office",
        "s26": r"defence of the british islands|capability, effectiveness or security of",
        "s29": r"economic interests of the united kingdom|financial interests of",
    },
    "FOISA": {
        "s30": r"free and frank (provision of advice|exchange of views)|effective conduct of public affairs|"
               r"collective responsibility",
        "s35": r"prevention or detection of crime|apprehension or prosecution of offenders|administration of justice",
        "s38": r"third part(y|ies)|someone other than (you|the requester)|own personal data|physical or mental health|"
               r"safety of",
        "s33": r"commercial interests?|trade secrets?|economic interests",
        "s34": r"investigations?|proceedings",
    },
    "EIR": {}, "EISR": {},
}


def _limb_in_words(ctx, section: str) -> bool:
    words = LIMB_WORDS.get(ctx.regime, {}).get(section)
    if not words:
        return False
    rx = _LIMB_RX.get(words)
    if rx is None:
        rx = _LIMB_RX[words] = ci(words, word_start=True)
    return bool(ctx.search(rx, response=True))


_LIMB_RX: dict = {}

# s31(1) with no paragraph, s31(2) purposes only via s31(1)(g)-(i).
_S31_LIMB = re.compile(r"^s31\(1\)\([a-i]\)")
_S31_G = re.compile(r"^s31\(1\)\((g|h|i)\)$")


def check(ctx):
    table = NEEDS.get(ctx.regime, {})
    cits = [e.citation for e in ctx.exemptions]
    problems = []  # (exemption, what is missing, strength)
    end = len(ctx.text.rstrip())
    for ex in ctx.exemptions:
        c = ex.citation
        if ex.spans and all(end - b <= 3 for _a, b in ex.spans):
            continue  # the copy is cut off right after the citation ("Section 38("): the rest is lost
        if ctx.regime == "FOIA" and c.startswith("s31"):
            if any(_S31_LIMB.match(o) for o in cits):
                if _S31_G.match(c) and not any(o.startswith("s31(2)") for o in cits) and not re.search(
                        r"\b(31|s31) ?\(2\)", ctx.response_text):
                    problems.append((ex, "the purpose in section 31(2) that section 31(1)(g) to (i) depends on", "weak"))
                continue
            if _limb_in_words(ctx, "s31"):
                continue
            if c in ("s31", "s31(1)"):
                problems.append((ex, NEEDS["FOIA"]["s31"][0], "weak"))
            elif c.startswith("s31(3)"):
                problems.append((ex, "the section 31(1) interest that confirming or denying would prejudice", "weak"))
            continue
        need = table.get(c)
        if need is None:
            continue
        section = c.split("(", 1)[0]
        if any(o != c and o.startswith(c + "(") for o in cits):
            continue  # a more specific citation of the same provision is there too
        if c != section and section in table and c not in table:
            continue
        if _limb_in_words(ctx, section):
            continue
        problems.append((ex, need[0], "weak"))
    if not problems:
        return []
    # A technicality the authority answers in one line, so weak; but where a bare "section 31" is the
    # only exemption relied on and no limb is stated anywhere (citation or words), the notice never says
    # which interest is prejudiced, so no prejudice test can be answered at all: moderate. Not on a cut
    # copy: "see the exemption explanation below" may name the limb past the cut.
    strength = "weak"
    if ctx.regime == "FOIA" and not ctx.refusal.truncated and cits and all(c in ("s31", "s31(1)") for c in cits) and all(
            ex.citation in ("s31", "s31(1)") for ex, _m, _s in problems):
        strength = "moderate"
    evidence = [ctx.citation_ev(ex) for ex, _m, _s in problems]
    ctx.cover([ex for ex, _m, _s in problems if not ex.citation.startswith("s31(3)")], RULE.id)
    return [ctx.finding(
        RULE, strength, evidence,
        items=[{"citation": ex.citation, "missing": missing, "quote": ev.quote if ev else None}
               for (ex, missing, _s), ev in zip(problems, evidence)],
        s31=any(ex.citation.startswith("s31") for ex, _m, _s in problems) and ctx.regime == "FOIA",
    )]
