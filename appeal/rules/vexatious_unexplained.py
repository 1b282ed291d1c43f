"""vexatious-unexplained: a request refused as vexatious (or manifestly unreasonable on that limb)
with no account of why."""

from __future__ import annotations

from appeal.rules.base import ALL_REGIMES, Rule
from appeal.rules.context import ci

RULE = Rule(
    id="vexatious-unexplained",
    title="The request is called vexatious without saying why",
    regimes=ALL_REGIMES,
    strengths=("moderate", "weak"),
    detects="A refusal under FOIA s14(1), FOISA s14(1), or EIR reg 12(4)(b) / EISR reg 10(4)(b) on the "
    "vexatious limb (not cost), that gives no account (moderate) or an account of only one (weak) of the broad "
    "issues the courts look at: the burden on the authority, the requester's motive, the value or serious "
    "purpose of the request, and harassment or distress to staff. Silent where two or more are addressed, on a "
    "repeated-request refusal (s14(2)) alone, and on a copy that may be incomplete.",
    why="Section 14(1) relieves an authority of a request that is vexatious: a manifestly unjustified, "
    "inappropriate or improper use of the Act. That is judged on the request in its context, weighing the "
    "burden, the motive, the value or serious purpose of the request and any harassment or distress, as a whole "
    "(the approach the Upper Tribunal set out and the Court of Appeal approved in Dransfield). A bare label gives "
    "the requester nothing to answer and the Commissioner nothing to test; under the EIR the exception is also "
    "subject to the public interest test and the presumption in favour of disclosure (reg 12(1)(b), 12(2)).",
    example="'We consider your request to be vexatious under section 14(1) and will not be responding further.'",
    near_miss="A refusal explaining that this is the fourteenth request on the subject in six months, that "
    "answering it would take several days of a two-person team, and that the questions repeat ones already "
    "answered (burden and value both weighed).",
    references=("FOIA s14(1); FOISA s14(1); EIR reg 12(4)(b), 12(1)(b), 12(2); EISR reg 10(4)(b)",
                "ICO guidance: Dealing with vexatious requests (section 14)",
                "Dransfield v The Information Commissioner [2015] EWCA Civ 454 (precedent dransfield-2015: the "
                "approach an authority must apply; it largely favours authorities, so letters do not cite it)"),
)

VEXATIOUS = ci(r"vexatious|harass\w*|obsessive|manifestly unreasonable", word_start=True)
THEMES = {
    "burden": ci(
        r"burden\w*|disproportionate|oppressive|time (?:spent|taken|it would take|required)|staff time|resources?\b|"
        r"workload|divert\w*|diversion|disrupt\w*|\d+ (?:hours|days)|cost of (?:complying|dealing)",
        word_start=True,
    ),
    "motive": ci(
        r"motive\w*|intent\w*|grievance|vendetta|re-?open\w*|personal (?:campaign|dispute|interest)|campaign\w*|"
        r"persisten\w*|obsess\w*|purpose (?:behind|of (?:the|your) requests?)|fishing",
        word_start=True,
    ),
    "value": ci(
        r"serious purpose|value\b|public interest|wider (?:public|interest)|benefit\w*|legitimate (?:purpose|interest)|"
        r"importance|significance",
        word_start=True,
    ),
    "harassment": ci(
        r"harass\w*|distress\w*|abusive|offensive|intimidat\w*|aggressive|tone\b|insult\w*|personal attacks?|"
        r"threat\w*|upset\w*|hostil\w*|derogatory|accusation\w*",
        word_start=True,
    ),
}
_VEXATIOUS_LIMB = ci(r"vexatious|harass\w*|obsessive|pattern of (?:behaviour|requests)|campaign|motive|"
                     r"improper use|misuse", word_start=True)


def vexatious_grounds(ctx):
    """The provisions relied on for vexatiousness (not s14(2) repeats, not cost-based reg 12(4)(b))."""
    s14 = [e for e in ctx.cited("s14") if not e.citation.startswith("s14(2)")]
    if ctx.regime in ("FOIA", "FOISA"):
        out = s14
        if not out and ctx.cited("s14"):
            return []  # s14(2) alone: a repeated request, judged differently
    else:
        out = s14
    reg = ctx.cited("reg12(4)(b)") + ctx.cited("reg10(4)(b)")
    if reg:
        # reg 12(4)(b) / 10(4)(b) is usually the cost limb; only the vexatious limb is this rule's
        if s14 or ctx.search(_VEXATIOUS_LIMB, response=True):
            out = out + reg
    return out


def check(ctx):
    grounds = vexatious_grounds(ctx)
    if not grounds:
        return []
    if ctx.refusal.truncated:
        return []
    covered = []
    for theme, rx in THEMES.items():
        hits = [m for m in ctx.finditer(rx, response=True)]
        if theme == "value":  # "the public interest" in the stock review paragraph is not a value judgement
            hits = [m for m in hits if not ctx.search(ci(r"internal review|complain|commissioner"),
                                                       *ctx.sentence_at(m.start()))]
        if hits:
            covered.append(theme)
    if len(covered) >= 2:
        return []
    strength = "moderate" if not covered else "weak"
    evidence = [ctx.citation_ev(e) for e in grounds[:2]]
    m = ctx.search(VEXATIOUS, response=True)
    if m:
        evidence.append(ctx.ev_sentence(m.start()))
    missing = [t for t in THEMES if t not in covered]
    return [ctx.finding(
        RULE, strength, evidence,
        covered=covered,
        missing=missing,
        citations=[e.citation for e in grounds],
        manifestly=any(e.citation.startswith("reg") for e in grounds),
    )]
