"""boilerplate-reasoning: reasoning that is stock text, or refers to things not in this letter."""

from __future__ import annotations

from appeal.rules.base import ALL_REGIMES, Rule
from appeal.rules.context import ci

RULE = Rule(
    id="boilerplate-reasoning",
    title="The reasoning is stock text, not about this request",
    regimes=ALL_REGIMES,
    strengths=("strong", "moderate", "weak"),
    detects="Stock references to things this letter does not contain ('the numerical data presented in this "
    "response' where no figures are given; 'these techniques' where no technique was asked about), with the "
    "known stock paragraphs around them as support. Statements of law (the statutory NCND formula, 'section 23 "
    "is a class based absolute exemption') and procedural recitals never count; stock paragraphs alone do not "
    "make the ground.",
    why="The reasons a notice gives must be the reasons for refusing this request: s17(1)(c) and s17(3) "
    "require the authority to say why the exemption applies and why the public interest favours it here. The "
    "Commissioner expects each part of the prejudice test to be demonstrated for the information in question. "
    "Paragraphs pasted from other responses, especially "
    "ones that refer to figures or techniques this letter never mentions, show that the request itself was not "
    "considered.",
    example="A refusal that gives no figures but says 'The numerical data presented in this response is an "
    "un-audited snapshot'.",
    references=("FOIA s17(1)(c), s17(3)", "ICO guidance: the prejudice test (demonstrate each part)",
                "ICO guidance: section 31, how to apply the prejudice test"),
)

# Statements of law are not stock reasoning, however often they recur: the statutory NCND formula
# ("neither confirms nor denies that it holds ... section 1(1)(a) ... does not apply"), an account of an
# exemption's nature ("Section 23 is a class based absolute exemption", "there is no requirement to
# consider the public interest"), the prejudice and public-interest tests recited.
LAW_STATEMENT = ci(
    r"neither\s+confirms?\s+nor\s+den(?:y|ies)\b[^.]{0,200}\b(?:holds?|held)\b|"
    r"duty (?:in|under|imposed by) (?:section|s\.?) ?1\(1\)\(a\)|(?:section|s\.?) ?1\(1\)\(a\)|"
    r"class[- ]based|absolute exemption|qualified exemption|prejudice[- ]based|"
    r"no (?:requirement|need) to (?:consider|conduct|carry out|evidence)|"
    r"(?:is|are) not required to (?:consider|conduct|carry out)|"
    r"the legislators\b|when writing the legislation|"
    r"exemptions? (?:applies|apply|is engaged|are engaged|relied (?:up)?on)\b[^.]{0,30}\bby virtue",
    word_start=True,
)

SHARP = {"numerical_data_presented", "these_techniques", "these_tactics", "these_operations"}


def _counts(ctx, m) -> bool:
    """Stock text whose fault depends on context counts only where that context is missing: a
    mosaic that names the other information, or public funds in a request about spending, is
    not pasted reasoning."""
    if m.family == "mosaic_or_picture":
        from appeal.rules.mosaic_unsupported import NAMED

        a, b = ctx.sentence_at(m.start)
        return not ctx.search(NAMED, a, min(len(ctx.text), b + 300))
    if m.family in ("pi_public_funds_transparency", "public_funds_spent"):
        return not ctx.request.spending
    return True


def check(ctx):
    try:
        from appeal.rules.stock import find_dangling, find_stock, sentence_span
    except ImportError:
        return []
    text = ctx.text
    def law(m) -> bool:
        a, b = ctx.sentence_at(m.start)
        return bool(ctx.search(LAW_STATEMENT, min(a, m.start), max(b, m.end)))

    stock = [m for m in find_stock(text) if m.reasoning and not ctx.in_request(m.start) and _counts(ctx, m)
             and not law(m)]
    dangling = [m for m in find_dangling(text, ctx.refusal.request_text) if m.reasoning and _counts(ctx, m)
                and not (m.family not in SHARP and law(m))]
    # Standard paragraphs alone are not a ground an officer cannot answer ("these are the nationally
    # agreed paragraphs and they apply"): the ground needs a reference to something that is not in this
    # letter or request; the stock paragraphs then support it. A mosaic is mosaic-unsupported's point.
    stock = [m for m in stock if m.family != "mosaic_or_picture"]
    if not dangling:
        return []
    sharp = [m for m in dangling if m.family in SHARP]
    # the rest, by family: `m not in sharp` compared matches field by field, dangling x sharp
    # times (a letter repeating a stock line thousands of times took 20 s here)
    rest = [m for m in dangling if m.family not in SHARP]
    families = {m.family for m in stock}
    # Mostly supporting evidence (the officer answers "a phrase carried over; the reasoning stands"),
    # so moderate; strong only where the letter caveats "numerical data presented" and presents none:
    # the paragraph plainly belongs to another response.
    no_figures = any(m.family == "numerical_data_presented" for m in dangling)
    strength = "strong" if no_figures else "moderate" if sharp or len(families) >= 2 else "weak"
    evidence, seen = [], set()
    for m in sharp + rest + stock:
        span = sentence_span(text, m.start, m.end)
        if any(a < span[1] and span[0] < b for a, b in seen):
            continue
        seen.add(span)
        evidence.append(ctx.ev(*span))
        if len(evidence) >= 4:
            break
    return [ctx.finding(
        RULE, strength, evidence,
        dangling=[{"quote": m.quote or text[m.start:m.end], "id": m.family}
                  for m in sharp + rest],
        sharp=bool(sharp),
        count=len(families),
        no_figures=no_figures,
    )]
