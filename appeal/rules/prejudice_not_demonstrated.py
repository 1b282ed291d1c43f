"""prejudice-not-demonstrated: the harm is generic, with no causal link from this information."""

from __future__ import annotations

from appeal.rules.base import ALL_REGIMES, Rule
from appeal.rules.context import HEDGE, STATED_LIKELIHOOD, figures_given, harm_scope, prejudice_exemptions
from appeal.rules.context import ci
from appeal.rules.readings import chain_sentences, is_recital, law_not_reasons, own_likelihood, speculative_chain
from appeal.rules.request import content_terms

RULE = Rule(
    id="prejudice-not-demonstrated",
    title="The harm claimed is not shown to follow from disclosing this information",
    regimes=ALL_REGIMES,
    strengths=("strong", "moderate"),
    detects="A prejudice-based exemption whose harm statements never mention what was asked for (they talk "
    "of 'an investigation' or 'law enforcement' in general), are put only as possibilities, or are absent.",
    why="The prejudice test has three parts: the interest protected, a causal link between disclosing this "
    "information and a harm that is real, actual or of substance, and the likelihood of that harm (Hogan v "
    "Information Commissioner, adopted in ICO LTT13 and the ICO's section 31 guidance). The Commissioner "
    "expects the authority to demonstrate each part. A harm that would follow from disclosing any information "
    "about policing is not a harm shown to follow from disclosing this information.",
    example="A refusal of annual offence counts because 'to provide specific information or evidence from an "
    "investigation could compromise the evidence gathering process'.",
    references=("FOIA s31(1)", "Hogan and Oxford City Council v IC (EA/2005/0026, 0030)", "ICO LTT13",
                "ICO guidance: section 31, how to apply the prejudice test"),
    near_miss="Under EIR reg 12(5) where the harm is only possible: adverse-effect-not-shown makes that point, and this rule stays off it. A harm put as 'would', naming what was asked for, with one concrete step.",
)


_FIGURE_WORDS = ci(r"numbers?\b|figures?\b|statistic\w*|counts?\b|totals?\b|data\b|numerical|amounts?\b|"
                   r"spend\w*|spent\b|costs?\b|£|sums?\b|prices?\b|expenditure|how many|how much|level of", word_start=True)


# Any sentence about what disclosing (or confirming) would, could or may bring about: then the letter
# states some harm, even in words the harm list does not know ("a target for sabotage"), and "no
# harm at all" would be dismissed in one line.
_CONSEQUENCE = ci(
    r"(?:disclos|releas|confirm|provid|publish|mak)\w*[^.]{0,80}\b(?:would|could|may|might|will|likely)\b|"
    r"(?:would|could|may|might|will)\b[^.]{0,40}\b(?:disclos|releas)\w*",
    word_start=True,
)


# Page furniture around a published copy (WhatDoTheyKnow's attachment banner, a site's footer): never
# the authority's reasoning, so never quoted as its harm case.
_CHROME = ci(r"this is an html version of an attachment|download original attachment|whatdotheyknow|"
             r"freedom of information request|bookmark the permalink|skip to (?:main )?content|rate this page",
             word_start=True)


def check(ctx):
    prej = [e for e in prejudice_exemptions(ctx)]
    if ctx.regime == "EIR" and _adverse_effect_covers(ctx):
        # EIR reg 12(5): "would adversely affect", no "would be likely to" limb. Where the harm is only
        # possible, adverse-effect-not-shown makes the point; a prejudice ground beside it would argue
        # the FOIA test and contradict it in the same letter.
        prej = [e for e in prej if not e.citation.startswith("reg12(5)")]
    if not prej:
        return _endangerment_chain(ctx)
    scope = [s for s in harm_scope(ctx) if not ctx.search(_CHROME, *s)]
    prof = ctx.request
    if not scope:
        if ctx.refusal.truncated or ctx.search(_CONSEQUENCE, response=True):
            # the copy is cut, or a consequence of disclosure is stated in words we do not know; but an
            # exemption whose own, complete paragraph says only "commercially sensitive" shows no harm
            return _sensitivity_only(ctx, prej)
        evidence = [ctx.citation_ev(e) for e in prej]
        ctx.cover(prej, RULE.id)
        return [ctx.finding(RULE, "strong", evidence, citations=[e.citation for e in prej],
                            no_harm=True, generic=False, speculative=False, subject=None, withheld_part=False, adverse=ctx.regime == "EIR",
                            ncnd=all(ctx.info(e)[2] or e.ncnd for e in prej))]
    generic = False
    if prof.known and prof.terms:
        generic = not any(content_terms(ctx.text[a:b]) & prof.terms for a, b in scope)
    ncnd = all(ctx.info(e)[2] or e.ncnd for e in prej)
    if ncnd and prof.known and prof.aggregate and not any(ctx.search(_FIGURE_WORDS, a, b) for a, b in scope):
        # NCND over counts: a harm put in terms of operations or investigations never says what the
        # bare fact that a count is held would reveal (for disclosure itself, too loose: the withheld
        # part may be locations or records beside the counts)
        generic = True
    # The authority's own likelihood, not the statute's it recites; and a chain of possibilities
    # ("could potentially divulge ... could therefore encourage crime") shows no causal link whatever
    # the letter asserts elsewhere.
    chain = [s for s in scope if speculative_chain(ctx, s)] or [
        s for s in chain_sentences(ctx) if ctx.search(_CONSEQUENCE, *s)]
    scope = scope + [s for s in chain if s not in scope]
    speculative = bool(chain) or (not any(own_likelihood(ctx, s) for s in scope) and any(
        ctx.search(HEDGE, a, b) for a, b in scope))
    adverse = ctx.regime == "EIR"
    if adverse:
        speculative = False  # EIR reg 12(5) has no likelihood limb: adverse-effect-not-shown says it
    if not (generic or speculative):
        return []
    # Quote the sentences that state a harm first (they carry the likelihood words), not
    # whatever sentence of the harm passage comes first ("the information is withheld under...").
    # the authority's own words before the statute it recites
    # Never the statute recited nor an account of how the public interest test works ("this means
    # that ... must outweigh ..."): the officer answers "you quoted the law, not our reasons". Where
    # nothing else states the harm, say nothing.
    scope = [s for s in scope if not law_not_reasons(ctx, s)]
    if not scope:
        return []
    scope = sorted(scope, key=lambda ab: 0 if ab in chain else
                   1 if (ctx.search(HEDGE, *ab) or ctx.search(STATED_LIKELIHOOD, *ab)) else 2)
    # Where the figures were given (a partial disclosure), the harm is about what was withheld:
    # never say it "does not mention the figures".
    ctx.cover(prej, RULE.id)
    given = bool(figures_given(ctx)) or bool(ctx.refusal.partial_disclosure)
    return [ctx.finding(
        RULE, "moderate", [ctx.ev(a, b) for a, b in scope[:3]],
        citations=[e.citation for e in prej],
        no_harm=False, generic=generic, speculative=speculative,
        subject=None if given else _subject(prof),
        withheld_part=given,
        adverse=adverse,
        ncnd=ncnd,
    )]


# Reasons that describe the information, not a harm from disclosing it: "commercially sensitive",
# "ongoing discussions". Sensitivity is not prejudice (FOISA: not substantial prejudice either).
_SENSITIVE = ci(r"commercially sensitive|(?:highly |very )?sensitive (?:in nature|information)|"
                r"(?:currently |still )?ongoing (?:discussions?|negotiations?)|live (?:discussions?|negotiations?)",
                word_start=True)


def _sensitivity_only(ctx, prej):
    """An exemption whose own paragraph (its citation to the end of that paragraph, the copy running on
    past it) says only that the information is sensitive or the matter ongoing, and states no
    consequence of disclosure at all."""
    if ctx.regime == "EIR":
        return []  # adverse-effect-not-shown speaks for reg 12(5)
    text = ctx.text
    for ex in prej:
        for a, _b in ex.spans:
            if ctx.in_request(a):
                continue
            end = text.find("\n", a)
            if end < 0 or not text[end:].strip():
                continue  # the paragraph is where the copy stops: its reasons may go on
            if ctx.search(_CONSEQUENCE, a, end) or any(a <= s[0] < end for s in ctx.harm_sentences):
                continue
            m = ctx.search(_SENSITIVE, a, end)
            if m is None:
                continue
            ctx.cover([ex], RULE.id)
            return [ctx.finding(
                RULE, "moderate", [ctx.ev_sentence(m.start())],
                citations=[ex.citation], no_harm=False, generic=False, speculative=False,
                sensitivity=True, subject=None, withheld_part=bool(ctx.refusal.partial_disclosure),
                adverse=False, ncnd=False,
            )]
    return []


def _endangerment_chain(ctx):
    """FOIA s38 is an endangerment test, not a prejudice one (the ICO dropped it from its prejudice list),
    but it carries the same 'would, or would be likely to'. Where its only harm case is a chain of
    possibilities ("could potentially divulge ... could therefore encourage crime"), no causal link to
    any danger is shown: say so, in s38's own terms. Nothing else about s38 is judged here."""
    if ctx.regime != "FOIA":
        return []
    s38 = [e for e in ctx.cited("s38") if not e.citation.startswith("s38(2)")]
    if not s38:
        return []
    chain = [s for s in chain_sentences(ctx) if ctx.search(_CONSEQUENCE, *s) and not is_recital(ctx, s)
             and not ctx.search(_CHROME, *s)]
    if not chain:
        return []
    ctx.cover(s38, RULE.id)
    given = bool(figures_given(ctx)) or bool(ctx.refusal.partial_disclosure)
    return [ctx.finding(
        RULE, "moderate", [ctx.ev(a, b) for a, b in chain[:2]],
        citations=[e.citation for e in s38],
        no_harm=False, generic=False, speculative=True, subject=None if given else _subject(ctx.request),
        withheld_part=given, adverse=False, ncnd=False, endanger=True,
    )]


def _adverse_effect_covers(ctx) -> bool:
    """adverse-effect-not-shown's own test: the harm is hedged and never put as 'would'."""
    from appeal.rules.adverse_effect_not_shown import HEDGE as A_HEDGE, WOULD

    harm = [s for s in ctx.harm_sentences if not ctx.in_request(s[0])]
    hedged = [s for s in harm if ctx.search(A_HEDGE, *s)]
    firm = [s for s in harm if ctx.search(WOULD, *s) and not ctx.search(A_HEDGE, *s)]
    return bool(hedged) and not firm


def _subject(prof):
    if not prof.known:
        return None
    if prof.statistics:
        return "figures"
    if prof.policy:
        return "policies or procedures"
    if prof.spending:
        return "spending information"
    return None
