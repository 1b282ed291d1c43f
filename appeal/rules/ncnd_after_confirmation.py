"""ncnd-after-confirmation: NCND over what the letter confirms or discloses, or a bolt-on NCND for
'any other information' nobody asked for."""

from __future__ import annotations

from appeal.rules.base import ALL_REGIMES, Rule
from appeal.rules.context import ci
from appeal.rules.context import confirmations, figures_given, harm_based_ncnd, ncnd_scope

RULE = Rule(
    id="ncnd-after-confirmation",
    title="Neither confirm nor deny over information the letter already confirms",
    regimes=ALL_REGIMES,
    strengths=("strong", "moderate"),
    detects="A letter that confirms holding information (or gives some of it) and then neither confirms nor "
    "denies holding the information requested; or that answers the request and adds an NCND over 'any other "
    "information' the requester never asked for.",
    why="NCND is justified only where confirming or denying would itself reveal something. Once the letter has "
    "confirmed that information within the request is held, or disclosed some of it, the fact of holding it is "
    "no longer secret, and an NCND over the same information has nothing left to protect. A bolt-on NCND over "
    "unspecified 'other' information answers no question the requester asked, and hints at something without "
    "saying what.",
    example="'We have supplied a document on the suspects for these offences' followed by 'the force can "
    "neither confirm nor deny that it holds the information relevant to your request'.",
    references=("FOIA s1(1)(a), s17(1)", "ICO guidance: when to refuse to confirm or deny",
                "ICO decision FS50246819 (Surrey Police)"),
    near_miss="An NCND introduced by a question ('For question 2 we would rely on ...'): scoped to that question, not a bolt-on.",
)


# "any other information relevant to the whole of your request" is a bolt-on; "any of the
# requested information" after answering part of it is the contradiction.
_ALL_WORDING = ci(r"any of the (?:requested )?information|the information (?:you have )?requested", word_start=True)


# An NCND introduced by a question ("For question 2 we would rely on ...", "in respect of Request 2"):
# scoped to that question, so neither a bolt-on over "other" information nor a contradiction of
# answers given to the other questions.
_QUESTION_SCOPED = ci(
    r"(?:for|in respect of|regarding|in relation to|with regard to|as regards|turning to) (?:your )?"
    r"(?:question|request|part|point|q)\.? ?\(?[0-9a-z]\b",
    word_start=True,
)


def _question_scoped(ctx, st) -> bool:
    a = max(0, st[0] - 1200)  # the question heading, then a paragraph of the law, then the NCND
    return ctx.search(_QUESTION_SCOPED, a, st[1]) is not None


def _prior_disclosure(ctx):
    """The request recites an earlier disclosure by this authority ("Through FOI/15331, the force
    confirmed that ... 19 of those persons had reports ..."): holding such data is confirmed."""
    from appeal.rules.public_domain import PRIOR, PRIOR_NOT

    span = ctx.request_span
    if span is None:
        return None
    for m in ctx.finditer(PRIOR, *span):
        a, b = ctx.sentence_at(m.start())
        if not ctx.search(PRIOR_NOT, a, b):
            return (a, b)
    return None


def check(ctx):
    if not harm_based_ncnd(ctx):
        return []
    st = ctx.ncnd_statement
    if st is None:
        return []
    scope = ncnd_scope(ctx)
    prior = _prior_disclosure(ctx)
    if prior is not None and scope != "other":
        # the request itself records that the authority has disclosed data of this kind
        return [ctx.finding(
            RULE, "strong", [ctx.ev(*prior), ctx.ev(*st)],
            kind="prior", confirmed=True,
            confirm_quote=ctx.text[prior[0]:prior[1]], ncnd_quote=ctx.text[st[0]:st[1]], figures=False,
        )]
    if _question_scoped(ctx, st):
        return []  # the NCND covers one question, not the answers given to the others
    conf = [s for s in confirmations(ctx) if s != st]
    figs = figures_given(ctx)
    confirmed = bool(conf or figs or ctx.refusal.partial_disclosure)
    if scope == "all":
        if not confirmed:
            return []
        strength = "strong" if (conf or figs) else "moderate"
        kind = "contradiction"
    elif scope == "other" and not (ctx.search(_ALL_WORDING, *st)):
        strength = "moderate"
        kind = "bolt_on"
    else:
        return []
    evidence = []
    if conf:
        evidence.append(ctx.ev(*conf[0]))
    elif figs:
        evidence.append(ctx.ev(*figs[0]))
    evidence.append(ctx.ev(*st))
    return [ctx.finding(
        RULE, strength, evidence,
        kind=kind,
        confirmed=confirmed,
        confirm_quote=evidence[0].quote if (conf or figs) else None,
        ncnd_quote=evidence[-1].quote,
        figures=bool(figs),
    )]
