"""How a finding is worded: the regime's names, the verified precedents for a rule, and the rule's
template (its body the argument, its `ask` block the ask)."""

from __future__ import annotations

from functools import lru_cache

from appeal.rules.textutil import normalise_prose

from appeal.law.regimes import instrument_names

REGIME_NAMES = instrument_names()  # regime names: one table (appeal/law/regimes.py)
COMMISSIONER = {
    "FOIA": "the Information Commissioner",
    "EIR": "the Information Commissioner",
    "FOISA": "the Scottish Information Commissioner",
    "EISR": "the Scottish Information Commissioner",
}



@lru_cache(maxsize=8)
def regulator_name(regime: str) -> str:
    """The regulator in force today (appeal.law.regulator, dated data), not a literal name."""
    try:
        from appeal.law.regulator import regulator_for

        return regulator_for(regime).name
    except Exception:  # noqa: BLE001 - a data problem must not stop the rules
        return COMMISSIONER.get(regime, COMMISSIONER["FOIA"])


_regulator_name = regulator_name  # the name main's context.py used


@lru_cache(maxsize=128)
def precedents_for(rule_id: str, regime: str, variant: str | None = None) -> tuple[str, ...]:
    """Verified precedents supporting a rule (or the branch of it the finding took, its `kind`
    fact), apt for the regime, at most three, best fit first."""
    try:
        from appeal.precedents import for_rule
    except ImportError:
        return ()
    out = []
    for p in for_rule(rule_id, regime=regime, variant=variant if isinstance(variant, str) else None):
        if getattr(p, "verified", False) is not True or getattr(p, "against_requester", False):
            continue
        if p.id not in out:
            out.append(p.id)
        if len(out) == 3:
            break
    return tuple(out)


@lru_cache(maxsize=128)
def _template(template_dir: str | None, name: str):
    """Compiled once per process (Jinja would otherwise check the file's date on every use)."""
    from appeal.templating import environment

    return environment(template_dir).get_template(name)


def render_rule(rule_id: str, template_dir: str | None, variables: dict) -> tuple[str, str]:
    """Render templates/<id>.j2: its body is the argument, its `ask` block the ask."""
    from appeal.templating import template_errors

    name = f"rules/{rule_id}.j2"
    with template_errors(name):
        template = _template(template_dir, name)
        context = template.new_context(variables, shared=False)
        argument = normalise_prose("".join(template.root_render_func(context)))
        ask = normalise_prose(str(context.vars.get("ask", "") or ""))
    return argument, ask

