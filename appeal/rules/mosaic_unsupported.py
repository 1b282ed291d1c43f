"""mosaic-unsupported: a mosaic/jigsaw argument that never names the other information."""

from __future__ import annotations


from appeal.rules.context import ci
from appeal.rules.base import ALL_REGIMES, Rule

RULE = Rule(
    id="mosaic-unsupported",
    title="A 'mosaic' argument that never names the other pieces",
    regimes=ALL_REGIMES,
    strengths=("moderate",),
    detects="Harm put as a 'mosaic', 'jigsaw', 'picture' or 'activity map' built from this disclosure, with no "
    "statement of what other information it would be combined with or how.",
    why="The Commissioner accepts that a mosaic effect can be part of the prejudice test, but as a reason it "
    "has to be shown: which other information is available, how it would be combined with this disclosure, and "
    "what that combination would reveal. Without that the mosaic is an assertion, not evidence of prejudice.",
    example="'Disclosure would create a mosaic of data for those intent on committing crime.'",
    references=("ICO guidance: section 31 (mosaic and precedent effects)", "Craigdale Housing Association v SIC "
                "[2010] CSIH 43 (public-domain information must be explained)"),
)

MOSAIC = ci(
    r"\bmosaic\b|\bjigsaw\b|\bbuild (up )?a (bigger |fuller |wider |clearer )?picture\b|\bactivity map\b|"
    r"\bthreat map\b|\bpieced? together\b|\bcompar\w* (between|across) forces\b|\bforce[- ]by[- ]force\b",
    word_start=True,
)
NAMED = ci(
    r"combined with|together with (the|other|information|data|published)|in conjunction with|when added to|"
    r"alongside (the|other|information|published)|already (been )?(published|available|in the public domain)|"
    r"published (by|on|in) |(other|neighbouring) (forces|authorities)['’]? (responses?|disclosures?|publications?|figures)",
)


def check(ctx):
    hits = []
    for a, b in ctx.sentences_matching(MOSAIC):
        nxt = ctx.sentences[ctx.sentences.index((a, b)) + 1] if (a, b) != ctx.sentences[-1] else (b, b)
        if ctx.search(NAMED, a, nxt[1]):
            continue
        hits.append((a, b))
    if not hits:
        return []
    words = []
    for a, b in hits:
        w = ctx.words(ctx.search(MOSAIC, a, b))
        if w.lower() not in [x.lower() for x in words]:
            words.append(w)
    return [ctx.finding(RULE, "moderate", [ctx.ev(a, b) for a, b in hits[:3]], words=words)]
