"""adverse-effect-not-shown: an EIR reg 12(5) / EISR reg 10(5) exception with no showing that disclosure
would (more probably than not) adversely affect the interest."""

from __future__ import annotations

from appeal.rules.base import Rule
from appeal.rules.context import ci
from appeal.rules.readings import is_recital

RULE = Rule(
    id="adverse-effect-not-shown",
    title="The adverse effect on the interest is not shown to be more probable than not",
    # EIR only: the Scottish EIRs' reg 10(5) reads "would, or would be likely to, prejudice
    # substantially" (a likelihood limb, and substantial prejudice), so the point is not theirs.
    regimes=("EIR",),
    strengths=("moderate",),
    detects="An exception in EIR reg 12(5) whose harm is put only as something that could, "
    "may or might happen, or as a risk or a likelihood, never as an adverse effect that disclosure would "
    "cause; and, for reg 12(5)(e) (10(5)(e)), a letter that does not address the four conditions of the "
    "exception.",
    why="Regulation 12(5) applies only 'to the extent that its disclosure would adversely affect' "
    "the interest. There is no 'would be likely to' limb as in FOIA: the authority must show that the adverse "
    "effect is more probable than not (the Scottish EIRs differ: reg 10(5) asks whether disclosure would, or "
    "would be likely to, prejudice substantially). Regulation 12(2) requires a presumption in favour of "
    "disclosure, and the exceptions are read restrictively. For reg 12(5)(e) the Commissioner asks four "
    "questions: is the information commercial or industrial; is it subject to confidentiality provided by law; "
    "is that confidentiality protecting a legitimate economic interest; and would disclosure adversely affect "
    "that confidentiality.",
    example="'Disclosure could make the sites targets for sabotage', under reg 12(5)(a), with no statement that "
    "disclosure would have that effect.",
    references=("EIR reg 12(2), reg 12(5)",
                "ICO guidance: regulation 12(5)(e) confidentiality of commercial or industrial information"),
    near_miss="A letter whose own sentences say disclosure would adversely affect the interest and how; the regulation recited ('If disclosing ... would adversely affect ...') is not such a sentence.",
)

HEDGE = ci(r"could\b|may\b|might\b|can\b|possibl\w*|potential\w*|risk\w*|likel\w*|perhaps\b|conceivabl\w*",
           word_start=True)
WOULD = ci(r"would\b|will\b", word_start=True)
PRESUMPTION = ci(r"presum\w*[^.]{0,40}(in favour of|towards) (disclos|releas)|regulation 12\(2\)|"
                 r"regulation 10\(2\)|reg\.? 1[02]\(2\)", word_start=True)
ECONOMIC = ci(r"legitimate economic interest|economic interests?|confidentiality provided by law|"
              r"common law (duty|of) confidence|commercial or industrial", word_start=True)


# Reasons that describe the matter, not an effect of disclosure: "this case is currently ongoing",
# "requires the council to have fairness in negotiations". A live matter is not an adverse effect.
STATUS = ci(r"(?:currently |still )?ongoing\b|(?:is|remains) (?:currently |still )?(?:live|active|open|under (?:consideration|investigation|negotiation))\b|"
            r"not yet (?:concluded|complete|decided|finali[sz]ed)|fairness in negotiations?|sensitive (?:in nature|stage)|"
            r"commercially sensitive",
            word_start=True)


def _exceptions(ctx):
    prefix = "reg10(5)" if ctx.regime == "EISR" else "reg12(5)"
    return [e for e in ctx.exemptions if e.citation.startswith(prefix)]


def check(ctx):
    ex = _exceptions(ctx)
    if not ex:
        return []
    # The regulation recited ("If disclosing the information would adversely affect ...") is the
    # law's "would", not the authority's finding: only its own sentences count.
    harm = [s for s in ctx.harm_sentences if not ctx.in_request(s[0]) and not is_recital(ctx, s)]
    hedged = [s for s in harm if ctx.search(HEDGE, *s)]
    firm = [s for s in harm if ctx.search(WOULD, *s) and not ctx.search(HEDGE, *s)]
    e_para = [e for e in ex if e.citation.endswith("(e)") or "(e)" in e.citation]
    four_part = bool(e_para) and not ctx.search(ECONOMIC, response=True)
    speculative = bool(hedged) and not firm
    # No harm of its own at all, only the state of the matter ("this case is currently ongoing")
    status = None
    if not hedged and not firm:
        status = next((m for m in ctx.finditer(STATUS, response=True) if not ctx.in_request(m.start())), None)
    status_only = status is not None
    if not (speculative or four_part or status_only):
        return []
    if ctx.refusal.truncated and not (speculative or status_only):
        return []
    evidence = [ctx.ev(a, b) for a, b in hedged[:2]]
    if status is not None:
        evidence.append(ctx.ev_sentence(status.start()))
    evidence = evidence or [ctx.citation_ev(e) for e in ex]
    ctx.cover(ex, RULE.id)
    words = []
    for a, b in hedged:
        for m in ctx.finditer(HEDGE, a, b):
            w = m.group(0).lower()
            if w not in words:
                words.append(w)
    return [ctx.finding(
        RULE, "moderate", evidence,
        citations=[e.citation for e in ex],
        speculative=speculative,
        status_only=status_only,
        recited=any(is_recital(ctx, sp) for sp in ctx.sentences_matching(WOULD)
                    if not ctx.in_request(sp[0])),
        words=words[:3],
        presumption=bool(ctx.search(PRESUMPTION, response=True)),
        four_part=four_part,
        reg="regulation 10" if ctx.regime == "EISR" else "regulation 12",
    )]
