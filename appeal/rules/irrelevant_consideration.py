"""irrelevant-consideration: the requester's identity, motive or number of requests weighed where
the Act makes them irrelevant (anywhere but a vexatious-request refusal)."""

from __future__ import annotations

from appeal.rules.base import ALL_REGIMES, Rule
from appeal.rules.context import ci, is_cost_refusal

RULE = Rule(
    id="irrelevant-consideration",
    title="The decision weighs who the requester is or why they ask",
    regimes=ALL_REGIMES,
    strengths=("moderate", "weak"),
    detects="A refusal that weighs the requester's identity (a journalist, a campaigner, a litigant), motive or "
    "intended use, or the number of requests they have made, outside a vexatious-request refusal (FOIA/FOISA "
    "s14, EIR reg 12(4)(b), EISR reg 10(4)(b)), where those things are irrelevant. A statement that the Act is "
    "applicant- and motive-blind, or that disclosure is to the world, is the correct law and is not flagged; "
    "nor is the requester's legitimate interest weighed under the personal data exemption.",
    why="Anyone may ask (FOIA s1(1), FOISA s1(1), EIR reg 5(1)) and disclosure is in effect to the world at large, "
    "so who asks and why are irrelevant to whether an exemption applies or where the public interest lies. They "
    "become relevant only in deciding whether a request is vexatious, and (for personal data) in identifying a "
    "legitimate interest in disclosure. A decision that weighs an irrelevant consideration is flawed and has to "
    "be taken again without it.",
    example="'We note that you are a journalist and that the information may be used in a newspaper article, "
    "which weighs against disclosure.'",
    near_miss="'The Act is applicant and motive blind, and any disclosure is to the world at large' (the right "
    "law); or a s14 refusal that relies on the number of requests made.",
    references=("FOIA s1(1) and s8; FOISA s1(1) and s8; EIR reg 5(1)",
                "ICO guidance: the public interest test (disclosure is to the world at large)"),
)

# Words that tie a sentence to the requester as a person or to their purpose.
REQUESTER = ci(
    r"your (?:motive|motives|motivation|intentions?|purpose|reasons? for (?:requesting|asking|wanting|making)|"
    r"identity|occupation|profession|employer|campaign|interest in (?:this|the) (?:matter|subject)|intended use|"
    r"use of the information|(?:previous|other|many|numerous|several|\d+) requests)|"
    r"the (?:requester|applicant|requestor)'?s? (?:motive|motives|motivation|intentions?|purpose|identity|"
    r"occupation|profession|employer|campaign|intended use|(?:previous|other) requests)|"
    r"you (?:are|being) (?:a|an) (?:journalist|campaigner|activist|researcher|solicitor|lawyer|litigant|"
    r"member of (?:the press|an? [a-z]+ group))|as a (?:journalist|campaigner|activist|member of the press)|"
    r"you have (?:made|submitted|sent) (?:\d+|a (?:number|series)|(?:many|numerous|several)) (?:other |previous |"
    r"separate |further )?requests|number of requests (?:you|the requester|the applicant) (?:have|has) (?:made|submitted)|"
    r"you have not (?:explained|given|provided|said|told us) (?:why|a reason|the reason|any reason|what (?:you|the "
    r"information))|you have not (?:demonstrated|shown|established) (?:a|any|why you|that you) (?:need|reason)|"
    r"(?:your|the requester's|the applicant's) need for (?:the|this) information|no reason (?:has been|was) given for (?:your|the) request|you (?:intend|plan|wish|may wish) to publish|your (?:article|story|publication|blog|newspaper|readers)",
    word_start=True,
)
# ...and words that show it being weighed in the decision.
WEIGHED = ci(
    r"weigh\w*|favour\w*|against (?:disclosure|release)|factor\w*|consider\w*|tak(?:en|e|ing) into account|"
    r"relevant|concern\w*|therefore|refus\w*|withh[oe]ld\w*|not (?:in the public interest|appropriate)|"
    r"reduces?|diminish\w*|outweigh\w*|balance",
    word_start=True,
)
# The correct law, or a disclaimer: not a ground.
CORRECT_LAW = ci(
    r"blind|(?:is|are) irrelevant|not (?:relevant|taken into account|a factor|considered)|regardless of|"
    r"irrespective of|to the world|the public at large|world at large|does not (?:matter|take into account)|"
    r"cannot (?:take|consider)|not able to (?:take|consider)|no bearing|any person|anyone|applicant[- ]blind|"
    r"motive[- ]blind|legitimate interests?|you (?:may|can) (?:ask|request)|you are entitled|subject access|"
    r"your own personal (?:data|information)|data subject",
    word_start=True,
)


def vexatious_or_manifestly(ctx) -> bool:
    if ctx.cited("s14"):
        return True
    if ctx.cited("reg12(4)(b)") or ctx.cited("reg10(4)(b)"):
        return True  # manifestly unreasonable: the course of dealings may be weighed
    return bool(ctx.search(ci(r"vexatious|manifestly unreasonable", word_start=True), response=True))


def check(ctx):
    if vexatious_or_manifestly(ctx):
        return []
    if is_cost_refusal(ctx):
        return []  # related requests may lawfully be aggregated for the cost limit
    if ctx.cited(("s40(1)", "s38(1)(a)", "reg5(3)", "reg13(1)")) and not ctx.cited(("s40(2)",)):
        return []  # the requester's own personal data: who asks is the point
    if not ctx.exemptions and not ctx.refusal.ncnd:
        return []  # nothing refused on an exemption: nothing for the consideration to have tainted
    hits = []
    for a, b in ctx.sentences_matching(REQUESTER):
        if ctx.search(CORRECT_LAW, a, b):
            continue
        if not ctx.search(WEIGHED, a, b):
            continue
        if b - a > 600:
            continue  # a run-on block (lost line breaks): cannot tell what is weighed
        hits.append((a, b))
    if not hits:
        return []
    strength = "moderate" if ctx.refusal.public_interest_test or len(hits) > 1 else "weak"
    evidence = [ctx.ev(a, b) for a, b in hits[:2]]
    return [ctx.finding(
        RULE, strength, evidence,
        personal=bool(ctx.cited("personal_data")),
    )]
