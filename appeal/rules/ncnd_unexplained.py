"""ncnd-unexplained: neither-confirm-nor-deny with no account of what confirming would reveal."""

from __future__ import annotations


from appeal.rules.context import ci
from appeal.rules.base import Rule
from appeal.rules.context import harm_based_ncnd, ncnd_scope

RULE = Rule(
    id="ncnd-unexplained",
    title="The neither-confirm-nor-deny response is not explained",
    regimes=("FOIA", "FOISA", "EIR", "EISR"),
    strengths=("strong", "moderate"),
    detects="An NCND response that never says what confirming or denying would itself reveal, or that applies "
    "NCND to 'additional' or 'other' information without saying what that information is.",
    why="NCND is an exception to the duty to confirm or deny (FOIA s1(1)(a)). It is justified only by what the "
    "confirmation or denial would itself disclose, and the notice must say why the NCND provision applies "
    "(s17(1)(c)) and why the public interest favours it (s17(3)). ICO guidance says NCND is more likely to be "
    "needed for very specific requests than for general ones; a requester cannot challenge an NCND whose "
    "subject is never identified.",
    example="'The force neither confirms nor denies that it holds additional information' with no statement of "
    "what that information would be or what confirming it would reveal.",
    references=("FOIA s1(1)(a), s17(1)(c), s17(3), s17(4)", "ICO guidance: when to refuse to confirm or deny",
                "ICO decision FS50246819 (Surrey Police)"),
)

_SCOPE_DEFINED = ci(
    r"\b(any|other|additional|further)\s+(other\s+)?information\s+(relating\s+to|regarding|about|concerning|"
    r"in\s+relation\s+to|with\s+regard\s+to|relevant\s+to|in\s+respect\s+of|on)\s+"
    r"(?!(this|your|the)\s+(whole\s+of\s+(your|this)\s+)?request)(?!the\s+whole)(?!(an|any)\s+exempt\s+bod)"
    r"(?!(the\s+|any\s+)?security\s+bod)",
)
# "confirming ... would reveal ...": what confirming or denying would itself do. One alternative per
# lead word, so that every alternative starts with a literal (fast to scan for).
_MODAL = r"\b(?:would|could|may|might|will)\b"
_CONSEQUENCE = (r"\b(?:reveal|disclos|indicat|show|tell|alert|identif|provid\w* intelligence|undermin|prejudic|harm|"
                r"compromis|hinder|jeopardi|assist|enabl|allow|affect|inform\w* (?:criminals|offenders|those))")
_EFFECT = ci(
    "|".join(rf"{lead}[^.]{{0,200}}{_MODAL}[^.]{{0,80}}{_CONSEQUENCE}" for lead in (r"confirm\w*", "deny", "denying", "denial")),
    word_start=True,
)

_PRO_DISCLOSURE = ci(r"favour|better informed|public debate|reassur")


def check(ctx):
    if not harm_based_ncnd(ctx):
        return []
    st = ctx.ncnd_statement
    if st is None:
        return []
    scope = ncnd_scope(ctx)
    undefined_scope = False
    if scope == "other":
        undefined_scope = not ctx.search(_SCOPE_DEFINED, response=True)
    effect = [s for s in ctx.sentences_matching(_EFFECT) if not ctx.search(_PRO_DISCLOSURE, *s)]
    # On an incomplete copy the explanation may be in the missing part: judge only the scope.
    no_effect = not effect and not ctx.refusal.truncated
    if not (undefined_scope or no_effect):
        return []
    strength = "strong" if no_effect else "moderate"
    return [ctx.finding(
        RULE, strength, [ctx.ev(*st)],
        undefined_scope=undefined_scope,
        no_effect=no_effect,
        citations=[e.citation for e in ctx.exemptions if e.ncnd or ctx.info(e)[2]],
    )]
