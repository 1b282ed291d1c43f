"""likelihood-not-stated: a prejudice-based exemption without 'would' or 'would be likely to'."""

from __future__ import annotations

from appeal.rules.base import Rule
from appeal.rules.context import HEDGE, harm_scope, prejudice_exemptions
from appeal.rules.readings import law_not_reasons, own_likelihood

RULE = Rule(
    id="likelihood-not-stated",
    title="The letter does not say how likely the harm is",
    regimes=("FOIA",),
    strengths=("moderate",),
    detects="A FOIA prejudice-based exemption whose harm is put only as something that 'may', 'could' or "
    "'might' happen, where nothing in the letter's harm or public-interest wording says that disclosure (or, "
    "for an NCND provision, confirming or denying) 'would' or 'would be likely to' cause it. Not for EIR/EISR "
    "(reg 12(5)/10(5) has no 'likely' limb: see adverse-effect-not-shown) nor FOISA (substantial prejudice).",
    why="A prejudice-based exemption is engaged only if disclosure would, or would be likely to, cause the "
    "prejudice. 'Would' means more probable than not; 'would be likely to' means a real and significant risk. "
    "'May' and 'could' are neither: they describe a possibility. Where the authority does not say which level "
    "it relies on, the Commissioner applies the lower one, which carries less weight in the public interest "
    "balance (ICO LTT13).",
    example="'The disclosure of this information could jeopardise current investigations.'",
    references=("FOIA s31(1) ('would, or would be likely to, prejudice')", "ICO Line to Take LTT13",
                "ICO guidance: the prejudice test"),
    near_miss="A letter whose own harm or balance wording says 'would' or 'would be likely to'; the statute recited ('exempt if its disclosure would, or would be likely to ...') does not count.",
)


def check(ctx):
    prej = prejudice_exemptions(ctx)
    if not prej:
        return []
    scope = harm_scope(ctx)
    if not scope:
        return []
    # The whole letter's harm and balance wording counts: "would" said anywhere about the harm
    # (in the public-interest factors as much as under a "Harm" heading) answers the point, but
    # not a "would" in the statute it recites ("exempt if its disclosure would, or would be likely
    # to ...") nor one it hedges ("would potentially").
    every = [s for s in ctx.harm_sentences if not ctx.in_request(s[0])]
    if any(own_likelihood(ctx, s) for s in every + scope):
        return []
    # the statute recited or the public interest test described is never quoted as the harm
    hedged = [s for s in scope if ctx.search(HEDGE, *s) and not law_not_reasons(ctx, s)]
    if not hedged:
        return []
    words = []
    for a, b in hedged:
        for m in ctx.finditer(HEDGE, a, b):
            w = m.group(0).lower()
            if w not in words:
                words.append(w)
    return [ctx.finding(
        RULE, "moderate", [ctx.ev(a, b) for a, b in hedged[:3]],
        citations=[e.citation for e in prej],
        words=words,
        ncnd=all(ctx.info(e)[2] or e.ncnd for e in prej),
    )]
