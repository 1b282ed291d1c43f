"""Readings of a letter that several rules share: the prejudice-based exemptions and their harm
statements, the scope of an NCND, what the letter confirms or gives, whether it is a cost refusal."""

from __future__ import annotations

import re

from appeal.model import Exemption
from appeal.rules.letter import Context
from appeal.rules.patterns import ci
from appeal.rules.textutil import within

HEDGE = ci(r"could\b|may\b|might\b|can\b|potentially\b|possibly\b|perhaps\b|conceivably\b", word_start=True)
STATED_LIKELIHOOD = ci(r"would\b|will\b|likely\b", word_start=True)


def prejudice_exemptions(ctx: Context) -> list[Exemption]:
    return [e for e in ctx.exemptions if ctx.is_prejudice(e)]


def harm_scope(ctx: Context) -> list[tuple[int, int]]:
    """The harm statements that make the prejudice case: those under a 'Harm' / 'prejudice test'
    heading when the letter has one, otherwise every harm statement outside the request."""
    passages = ctx.harm_passages
    if passages:
        spans = sorted(passages)
        inside = [s for s in ctx.harm_sentences if within(spans, s[0])]
        if inside:
            return inside
    return [s for s in ctx.harm_sentences if not ctx.in_request(s[0])]


_SCOPE_OTHER = ci(
    r"any\s+other\s+(?:recorded\s+)?information\b|all\s+other\s+information\b|"
    r"any\s+additional\s+information\b|any\s+further\s+information\b|additional\s+information\b|"
    r"further\s+information\b|any\s*more\s+information\b|anymore\s+information\b",
    word_start=True,
)
_CONFIRMS = ci(
    r"i can confirm that\b[^.]{0,80}\b(?:is|are) held\b|we (?:have|has) (?:supplied|provided|attached|enclosed)\b|"
    r"i (?:have|has) (?:supplied|provided|attached|enclosed)\b|the force (?:have|has) (?:supplied|provided|attached|enclosed)\b|"
    r"it (?:have|has) (?:supplied|provided|attached|enclosed)\b|please find (?:attached|enclosed|below)\b|"
    r"can confirm that (?:the )?[^.]{0,60}\bholds?\b|"
    r"the (?:information|data|figures?) (?:requested )?(?:is|are) (?:attached|enclosed|as follows|below)\b",
    word_start=True,
)
_ANSWER_LINE = re.compile(
    r"[ \t]*(?:Q?\d{1,2}[a-z]?[.)]?[ \t]+)?[A-Za-z][A-Za-z ()/'’-]{0,50}?(?:[ \t]+[–-]|:)[ \t]*\d[\d,]*[ \t]*|"
    r"[ \t]*Q?\d{1,2}[a-z]?[.)][ \t]+\d[\d,]*[ \t]*"
)
_DIGIT_LINE = re.compile(r"(?m)^[^\n]{0,78}\d[ \t]*$")
_NOT_ANSWER = re.compile(r"\b(?:ref|reference|tel|telephone|phone|fax|date|dated|request|case|page|annex|foi|"
                         r"attachment|no)\b", re.I)
_TOTAL_SENTENCE = ci(
r"\b(the|a) (total )?(number|figure|total) (of [^.]{0,60})?(is|was|were) \d[\d,]*\b",
)


def ncnd_scope(ctx: Context) -> str | None:
    """'all' (NCND over the request), 'other' (over 'any other information'), 'part' (over some
    of the questions only), or None."""
    r = ctx.refusal
    if not r.ncnd:
        return None
    st = ctx.ncnd_statement
    if st and ctx.search(_SCOPE_PART, *st):
        return "part"  # NCND for some questions only ("to requests 1, 2 and 3")
    if st and _tied_to_questions(ctx, st):
        return "part"  # "...a Refusal Notice for Request 2. [We] can neither confirm nor deny..."
    if r.ncnd_scope == "other":
        return "other"
    qs = getattr(r, "questions", None) or []
    if qs and any(getattr(q, "answer", None) == "ncnd" for q in qs) and any(
            getattr(q, "answer", None) in ("answered", "not-held") for q in qs):
        return "part"
    if st and ctx.search(_SCOPE_OTHER, *st):
        return "other"
    return "all"


_NCND_TALK = ci(r"ncnd|neither\s+confirm|confirm\s+(?:n|)or\s+deny|refusal notice", word_start=True)


def _tied_to_questions(ctx: Context, st: tuple[int, int]) -> bool:
    """The letter says which questions its NCND answers: in the sentence before the NCND statement,
    or in a sentence elsewhere that speaks of the NCND and names request numbers."""
    i = ctx._sentence_index(st[0])
    near = [ctx.sentences[i - 1]] if i else []
    for a, b in near + [s for s in ctx.ncnd_sentences if s != st]:
        if ctx.search(_SCOPE_PART, a, b) and (ctx.search(_NCND_TALK, a, b) or (a, b) in near):
            return True
    for a, b in ctx.sentences_matching(_SCOPE_PART):
        if ctx.search(_NCND_TALK, a, b):
            return True
    return False


_NEGATIVE = ci(r"not hold|not held|does not|do not|no information|not have|unable to", word_start=True)
_NOT_HELD = ci(r"does not hold|do not hold|is not held|are not held|not held by|holds no|no information (?:is )?held|"
               r"does not have the information|do not have the information", word_start=True)
_SCOPE_PART = ci(r"(?:to|for|in relation to|in respect of|regarding) (?:requests?|questions?|parts?|points?|q) ?"
                 r"(?:numbers? |nos?\.? )?\d",
                 word_start=True)


_COVER = ci(r"please find (?:attached|enclosed|below)\W+(?:\w+\W+){0,3}?(?:response|responses|answers?|repl(?:y|ies)|"
            r"decision|letter)\b", word_start=True)


_HOLDS = ci(r"can confirm|(?:is|are) held\b|\bholds?\b", word_start=True)


def confirmations(ctx: Context) -> list[tuple[int, int]]:
    """Sentences where the letter confirms holding or gives information (not 'does not hold').
    "Please find below our response" introduces a reply; where that reply refuses to confirm or
    deny the whole request it confirms nothing (a bolt-on NCND after an attached reply is another
    matter: the reply was given)."""
    cover_only = ctx.refusal.ncnd and ncnd_scope(ctx) == "all"
    out = []
    for s in ctx.sentences_matching(_CONFIRMS):
        if ctx.search(_NEGATIVE, *s):
            continue
        if cover_only and ctx.search(_COVER, *s) and not ctx.search(_HOLDS, *s):
            continue
        out.append(s)
    return out


def says_not_held(ctx: Context) -> bool:
    return bool(ctx.search(_NOT_HELD, response=True))


def figures_given(ctx: Context) -> list[tuple[int, int]]:
    """Answer lines in the reply itself ('1a. Charged - 5', 'The total number was 12')."""
    if "figures" in ctx._memo:
        return ctx._memo["figures"]
    out = []
    text = ctx.text
    for m in _DIGIT_LINE.finditer(text):
        line = m.group(0)
        if ctx.in_request(m.start()):
            continue
        if _ANSWER_LINE.fullmatch(line) and not _NOT_ANSWER.search(line):
            out.append(m.span())
    for m in ctx.finditer(_TOTAL_SENTENCE):
        if not ctx.in_request(m.start()):
            out.append(m.span())
    ctx._memo["figures"] = out
    return out


def harm_based_ncnd(ctx: Context) -> bool:
    """NCND on an exemption (not a cost-limit 'cannot confirm' under s12(2))."""
    if not ctx.refusal.ncnd:
        return False
    ex = ctx.exemptions
    if not ex:
        return True
    return any(ctx.info(e)[0] not in ("cost", "vexatious") for e in ex)


_COST_WORDS = ci(r"cost\w*|hours?\b|appropriate limit|£\s?\d|burden\w*|time\b|resources?\b", word_start=True)


_VEXATIOUS = ci(r"vexatious|dransfield|harass|obsessive", word_start=True)


def is_cost_refusal(ctx: Context) -> bool:
    """A refusal on the cost limit: a cost provision cited, or a cost estimate read by the parser
    (a letter that calls it a 'statutory time limit' without citing s12), but not vexatiousness."""
    if cost_refusal(ctx):
        return True
    return ctx.refusal.cost is not None and not (ctx.cited("s14") or ctx.search(_VEXATIOUS, response=True))


def cost_refusal(ctx: Context) -> list[Exemption]:
    """The cost-limit provisions relied on (s12, EIR reg 12(4)(b) on cost grounds, ...)."""
    out = [e for e in ctx.cited("cost")]
    if ctx.regime in ("EIR", "EISR") or any(e.citation.startswith("reg") for e in out):
        # reg 12(4)(b) is cost-based only where the letter talks cost, not vexatiousness
        vexatious = ctx.cited("s14") or ctx.search(_VEXATIOUS, response=True)
        out = [e for e in out if not vexatious and ctx.search(_COST_WORDS, response=True)]
    else:
        out = [e for e in out if ctx.info(e)[0] in (None, "cost")]
    return out



# The statutory test recited ("information is exempt if its disclosure would, or would be likely to ...",
# "If disclosing the information would adversely affect ...", "release would be likely to prejudice
# substantially ..."): the law's words, not the authority's finding. Its "would" answers nothing.
_RECITAL = ci(
    r"would,? or would be likely to|would (?:be likely to )?(?:prejudice|inhibit) substantially|"
    r"exempt(?: information)? if\b|"
    r"(?:if|where|to the extent that|in so far as|insofar as) (?:the |its |any )?(?:disclos|releas)\w*[^.;]{0,150}\bwould\b|"
    r"(?:provides|states|says) that\b[^.]{0,150}\bwould\b|applies (?:only )?(?:if|where|when|to the extent)\b|"
    r"is engaged (?:if|where|when)\b|the test is whether",
    word_start=True,
)
# "would potentially prejudice", "would possibly": a "would" the authority itself hedges.
_HEDGED_WOULD = ci(r"would (?:potentially|possibly|perhaps|conceivably|arguably)\b", word_start=True)


# How the public interest test works, described ("the public interest test requires us to weigh ...",
# "this means that ... the public interest in maintaining the exemption must outweigh ...", "Section
# 43(2) is a qualified exemption and is subject to the public interest test"): an account of the law,
# not the authority's harm case nor its balance.
_TEST_EXPLAINED = ci(
    r"public interest test (?:requires|means|involves|obliges|is (?:a|the) (?:test|process|exercise))\b|"
    r"(?:requires?|obliges?) (?:us|the (?:force|council|trust|department|authority)|an authority|authorities|"
    r"a public authority|public authorities) to (?:weigh|consider|balance|carry out|conduct|apply)\b|"
    r"(?:we are|the (?:force|council|trust|department|authority) is|authorities are) (?:required|obliged) to "
    r"(?:weigh|consider|balance|carry out|conduct|apply)\b|"
    r"(?:is|are) (?:therefore )?subject to (?:the|a) public interest test|"
    r"\bmust (?:be shown to )?outweigh\b|"
    r"not only does the information have to\b|"
    r"before (?:the |any )?information (?:can|may) be withheld",
    word_start=True,
)


def is_recital(ctx: Context, span: tuple[int, int]) -> bool:
    """The sentence recites the statutory test rather than states the authority's own finding."""
    return ctx.search(_RECITAL, *span) is not None


def law_not_reasons(ctx: Context, span: tuple[int, int]) -> bool:
    """Never to be quoted as the authority's reasoning: the statute recited, or an account of how the
    public interest test works. (Only for choosing evidence: a 'would' beside an account of the test
    may still be the authority's own, so own_likelihood reads recitals of the statute alone.)"""
    return is_recital(ctx, span) or ctx.search(_TEST_EXPLAINED, *span) is not None


def own_likelihood(ctx: Context, span: tuple[int, int]) -> bool:
    """The sentence states a likelihood ('would', 'will', 'likely') as the authority's own finding:
    not in a recital of the test, and not a 'would' it hedges ('would potentially')."""
    if is_recital(ctx, span) or ctx.search(_HEDGED_WOULD, *span):
        return False
    return ctx.search(STATED_LIKELIHOOD, *span) is not None


# A speculative chain: one possibility stacked on another ("could potentially divulge ... and could
# therefore encourage crime"). Each step is a maybe, so no causal link is shown, whatever the letter
# asserts elsewhere.
_CHAIN = ci(
    r"(?:could|may|might) potentially\b|"
    r"(?:could|may|might)\b[^.]{0,120}\b(?:could|may|might) (?:therefore|then|in turn|thereby|consequently|also)\b|"
    r"(?:could|may|might)\b[^.]{0,120}\bwhich (?:could|may|might) (?:in turn )?\b",
    word_start=True,
)


def speculative_chain(ctx: Context, span: tuple[int, int]) -> bool:
    return ctx.search(_CHAIN, *span) is not None


def chain_sentences(ctx: Context) -> list[tuple[int, int]]:
    """Sentences of the response that stack one possibility on another, outside the request."""
    return [s for s in ctx.sentences_matching(_CHAIN) if not ctx.in_request(s[0])]
