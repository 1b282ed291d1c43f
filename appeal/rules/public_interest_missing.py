"""public-interest-missing: a qualified exemption with no public-interest reasons (s17(3))."""

from __future__ import annotations


from appeal.rules.context import ci
from appeal.rules.base import ALL_REGIMES, Rule
from appeal.rules.readings import law_not_reasons

RULE = Rule(
    id="public-interest-missing",
    title="No public interest test for a qualified exemption",
    regimes=ALL_REGIMES,
    strengths=("strong", "moderate"),
    detects="A qualified exemption (or EIR exception) relied on with no public-interest reasoning at all, or "
    "with a bare conclusion that the balance favours withholding and no factors on either side.",
    why="A qualified exemption only justifies withholding (or refusing to confirm or deny) where the public "
    "interest in maintaining it outweighs the public interest in disclosure, and the notice must give the "
    "reasons for that conclusion: FOIA s2 and s17(3), EIR reg 12(1)(b) and 14(3)(b), FOISA s2(1)(b) and "
    "s16(2). Under the EIR the presumption is in favour of disclosure (reg 12(2)).",
    example="'Section 43(2) applies. We consider the public interest favours withholding.' and nothing else.",
    references=("FOIA s2(2)(b), s17(3)", "EIR reg 12(1)(b), 12(2), 14(3)(b)", "FOISA s2(1)(b), s16(2)",
                "ICO guidance: the public interest test"),
)

FACTORS = ci(
    r"factors?|in favour of|favouring|for disclosure|against disclosure|arguments?|considerations?|"
    r"weigh\w*|balanc\w*|outweigh\w*",
)
CONCLUSION = ci(
    r"public interest",
)


def check(ctx):
    r = ctx.refusal
    qualified = []
    for ex in ctx.exemptions:
        test, absolute, _ncnd = ctx.info(ex)
        if test in ("cost", "vexatious"):
            continue
        if absolute is False or (ctx.regime in ("EIR", "EISR") and absolute is not True):
            qualified.append(ex)
    if not qualified:
        return []
    pi_sentences = [s for s in ctx.sentences_matching(CONCLUSION)]
    weighing = ctx.sentences_matching(FACTORS)
    if r.public_interest_test or (pi_sentences and len(weighing) >= 2):
        # A test is present: is it only a bare conclusion? Count sentences that weigh factors.
        if len(weighing) >= 2 or r.truncated:
            return []
        strength, bare = "moderate", True
    else:
        if r.truncated:
            ctx.note("public-interest-missing not checked: the copy is incomplete and the public interest "
                     "reasoning may be in the missing part.")
            return []
        strength, bare = "strong", False
    if bare:
        # the bare conclusion quoted is the authority's, never its account of how the test works
        # ("the public interest in maintaining the exemption must outweigh ..."); none left: silent
        pi_sentences = [s for s in pi_sentences if not law_not_reasons(ctx, s)]
        if not pi_sentences:
            return []
    evidence = [ctx.citation_ev(ex) for ex in qualified]
    if pi_sentences:
        evidence.append(ctx.ev(*pi_sentences[-1]))
    return [ctx.finding(
        RULE, strength, evidence,
        citations=[ex.citation for ex in qualified],
        bare=bare,
        conclusion=ctx.text[slice(*pi_sentences[-1])] if pi_sentences else None,
    )]
