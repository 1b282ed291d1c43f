"""cost-limit-no-advice: a cost refusal with no advice on narrowing the request (s16)."""

from __future__ import annotations


from appeal.rules.context import ci
from appeal.rules.base import ALL_REGIMES, Rule
from appeal.rules.context import cost_refusal, is_cost_refusal

RULE = Rule(
    id="cost-limit-no-advice",
    title="No advice on how to bring the request within the cost limit",
    regimes=ALL_REGIMES,
    strengths=("moderate", "weak"),
    detects="A cost-limit refusal that does not say what could be provided within the limit, or how the request "
    "could be narrowed, nor that nothing could be.",
    why="An authority must give reasonable advice and assistance to requesters (FOIA s16, FOISA s15, EIR reg 9). "
    "Where it refuses on cost, the ICO expects it to say what, if anything, could be provided within the limit "
    "(LTT177); failing to do so is a breach of s16 even where the cost estimate itself stands (Law Centre NI v IC "
    "[2022] UKFTT 387 (GRC)).",
    example="'The cost of compliance exceeds the appropriate limit. We are therefore not obliged to comply with "
    "your request.' and nothing more.",
    references=("FOIA s16", "FOISA s15", "EIR reg 9", "ICO Line to Take LTT177",
                "Law Centre NI v IC [2022] UKFTT 387 (GRC)"),
    near_miss="A letter that says what could be answered within the limit (one year, one site); a pointer to published material alone is not advice and does not silence the rule.",
)

ADVICE = ci(
    r"\bnarrow\w*|\brefin\w*|\breduc\w* (the )?(scope|time ?frame|period|number|date range)|"
    r"\bwithin the (appropriate |cost )?limit\b[^.]{0,80}\b(if|could|would|may|might)\b|"
    r"\byou (may|might|could) (wish|want|like) to\b|\bif you were to\b|\b(shorter|smaller|narrower) (period|time|request)\b|"
    r"\bre-?submit\w*|\bsubmit a (new|fresh|revised)\b|\badvice and assistance\b|\bsection 16\b|\bs\.? ?16\b|"
    r"\bwe (could|can|would be able to) (provide|supply|answer)\b",
)
NO_ADVICE = ci(
    r"\b(difficult|unable|not (possible|able)) (for us )?to (suggest|advise|offer|identify)\b",
)


# "Advice" that only points elsewhere (our website, published papers, public meetings): it cannot bring
# this request within the limit, so it is not the advice s16 / FOISA s15 / reg 9 require.
POINTER = ci(
    r"\bpoint you (to|towards)\b|\byou (may|might) be interested in\b|\b(available|published) on (our|the) website\b|"
    r"\bcan be (found|viewed|watched|accessed) (on|at|via)\b|\bsee our (website|publication scheme)\b",
)


def check(ctx):
    cost = cost_refusal(ctx)
    c = ctx.refusal.cost
    if not is_cost_refusal(ctx):
        return []
    if c is not None and c.advice_given:
        return []
    declined = ctx.search(NO_ADVICE, response=True)
    if ctx.search(ADVICE, response=True) and not declined:
        return []
    pointer = None if declined else ctx.search(POINTER, response=True)
    if ctx.refusal.truncated and not (declined or pointer):
        return []
    if pointer is not None:
        # the letter has gone on past its pointer: what it offered is all it offered
        cut_soon = ctx.refusal.truncated and len(ctx.text.rstrip()) - ctx.sentence_at(pointer.start())[1] < 300
        strength = "weak" if cut_soon else "moderate"
    else:
        strength = "weak" if declined else "moderate"
    evidence = [ctx.citation_ev(e) for e in cost]
    if declined:
        evidence.append(ctx.ev_sentence(declined.start()))
    elif pointer is not None:
        evidence.append(ctx.ev_sentence(pointer.start()))
    section = {"FOISA": "section 15", "EIR": "regulation 9", "EISR": "regulation 9"}.get(ctx.regime, "section 16")
    return [ctx.finding(
        RULE, strength, evidence,
        declined=bool(declined),
        pointer=pointer is not None,
        section=section,
        citations=[e.citation for e in cost] or (["regulation 12(4)(b)"] if ctx.regime in ("EIR", "EISR") else ["the cost limit"]),
    )]
