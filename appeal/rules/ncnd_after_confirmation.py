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
)


# "any other information relevant to the whole of your request" is a bolt-on; "any of the
# requested information" after answering part of it is the contradiction.
_ALL_WORDING = ci(r"any of the (?:requested )?information|the information (?:you have )?requested", word_start=True)


def check(ctx):
    if not harm_based_ncnd(ctx):
        return []
    st = ctx.ncnd_statement
    if st is None:
        return []
    scope = ncnd_scope(ctx)
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
