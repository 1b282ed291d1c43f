"""public-interest-irrelevant: public-interest factors that are not about this information."""

from __future__ import annotations


from appeal.rules.context import ci, distinct
from appeal.rules.readings import law_not_reasons
from appeal.rules.textutil import within
from appeal.rules.base import ALL_REGIMES, Rule

RULE = Rule(
    id="public-interest-irrelevant",
    title="The public interest test weighs factors that are not about this information",
    regimes=ALL_REGIMES,
    strengths=("moderate",),
    detects="Public-interest reasoning about public funds, spending or police resources where the request is "
    "not about money, or about 'techniques', 'tactics' or 'operations' the request never mentions.",
    why="The public interest test is about the information requested. Arguments for maintaining an exemption "
    "must be inherent in it and relate to this information (ICO public interest guidance). A test that weighs a "
    "generic interest in spending against protecting unnamed techniques has not weighed the real interest in "
    "disclosure of what was asked for, so its conclusion cannot stand.",
    example="A request for the number of offences recorded, answered with 'the public interest in the use of "
    "police resources' being outweighed by protecting 'these techniques'.",
    references=("FOIA s2(2)(b), s17(3)", "ICO guidance: the public interest test", "EIR reg 12(1)(b)",
                "FOISA s2(1)(b)"),
    near_miss="'The public is entitled to know how public funds are spent' listed as a factor for disclosure: the authority's concession, never attacked.",
)

FUNDS = ci(
    r"public funds|public money|taxpayers?'?’?s? money|their money|use of (?:police )?resources|value for money|"
    r"police resources|resources are (?:being )?used|how (?:the force|we|the council|public) spends?",
)
OPERATIONS = ci(r"these (?:\w+ )?(?:techniques?|tactics|operations|methods)\b|such (?:\w+ )?(?:techniques?|tactics|operations|methods)\b|those (?:\w+ )?(?:techniques?|tactics|operations|methods)\b|covert (?:techniques?|tactics|operations|methods)\b|specialist (?:techniques?|tactics|operations|methods)\b|investigative (?:techniques?|tactics|operations|methods)\b|techniques\b", word_start=True)
PIT_HEADING = ci(
    r"public interest|factors?|balanc|favour",
)
PIT_SENTENCE = ci(
    r"public interest|balanc|favour|outweigh",
)


# A factor the authority lists FOR disclosure is its concession, not its reason for withholding:
# attacking it ("public funds" where the force itself said the public is entitled to know how its
# money is spent) is a point against the requester's own side.
FOR_HEAD = ci(r"favou?ring (?:disclosure|confirm|release|provid)|in favou?r of (?:disclosure|confirm|release|provid)|"
              r"for (?:disclosure|confirming|release)")
AGAINST_HEAD = ci(r"against|maintain|non-?disclosure|neither|not (?:confirm|disclos)")
PRO_SENTENCE = ci(r"entitled to know|right to know|would reassure|legitimate interest|accountab|transparen|"
                  r"in favou?r of (?:disclosure|confirm|release)|favou?ring (?:disclosure|confirm|release)")


def _for_disclosure(ctx, a: int, b: int) -> bool:
    """The sentence states a factor for disclosure: under a 'factors favouring disclosure' heading
    (and no 'against' one after it), or worded as one ('the public is entitled to know')."""
    if ctx.search(PRO_SENTENCE, a, b):
        return True
    return within(sorted(ctx.passages(FOR_HEAD)), a) and not within(sorted(ctx.passages(AGAINST_HEAD)), a)


def check(ctx):
    prof = ctx.request
    if not prof.known:
        return []
    if not (ctx.refusal.public_interest_test or ctx.sentences_matching(PIT_SENTENCE)):
        return []
    pit = sorted(ctx.passages(PIT_HEADING))

    def in_pit(a, b):
        return within(pit, a) or ctx.search(PIT_SENTENCE, a, b)

    evidence, funds, ops = [], [], []
    if not prof.spending:
        for a, b in ctx.sentences_matching(FUNDS):
            if in_pit(a, b) and not _for_disclosure(ctx, a, b) and not law_not_reasons(ctx, (a, b)):
                m = ctx.search(FUNDS, a, b)
                funds.append(ctx.words(m))
                evidence.append(ctx.ev(a, b))
    if not prof.operational:
        for a, b in ctx.sentences_matching(OPERATIONS):
            if in_pit(a, b) and not law_not_reasons(ctx, (a, b)):  # an account of the test weighs nothing
                m = ctx.search(OPERATIONS, a, b)
                ops.append(ctx.words(m))
                evidence.append(ctx.ev(a, b))
    if not evidence:
        return []
    topic = _topic(prof)
    return [ctx.finding(
        RULE, "moderate", evidence,
        funds=distinct(funds), ops=distinct(ops), topic=topic,
    )]


def _topic(prof):
    if prof.statistics:
        return "figures"
    if prof.policy:
        return "policies or procedures"
    return "information"
