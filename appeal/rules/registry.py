"""The rule catalogue: every rule, in the order design.md lists them.

Adding a rule: write appeal/rules/<module>.py (RULE + check), templates/rules/<id>.j2, tests,
and add the module name here. Modules are imported on first use.
"""

from __future__ import annotations

import dataclasses
import importlib
from functools import cache

from appeal.errors import UserError
from appeal.rules.base import Rule

# Module names, in catalogue order (design.md, "Rule catalogue").
CATALOGUE = (
    "late_response",
    "review_rights_missing",
    "exemption_not_explained",
    "subsection_not_specified",
    "public_interest_missing",
    "public_interest_irrelevant",
    "prejudice_not_demonstrated",
    "likelihood_not_stated",
    "mosaic_unsupported",
    "boilerplate_reasoning",
    "national_security_mismatch",
    "ncnd_unexplained",
    "ncnd_statistics",
    "ncnd_after_confirmation",
    "personal_data_aggregate",
    "investigation_not_specific",
    "cost_limit_no_estimate",
    "cost_limit_no_advice",
    "outdated_law",
    "template_artifacts",
    "inconsistent_disclosure",
    "review_late",
    "security_link_unexplained",
    "adverse_effect_not_shown",
    # new grounds (issue 9 A)
    "public_domain",
    "derivable_figures",
    "cost_estimate_unrealistic",
    "error_of_law",
    "irrelevant_consideration",
    "vexatious_unexplained",
    "qualified_person_not_shown",
)

# The rule ids, known without importing a rule: each module is named for its rule's id
# (all_rules checks it). The one list of ids; everything else (precedents' `supports`) reads it.
RULE_IDS: tuple[str, ...] = tuple(name.replace("_", "-") for name in CATALOGUE)

# Catalogue ids that need more than one letter: they fire only with batch context (appeal scan).
BATCH_ONLY = ("inconsistent-disclosure",)


@cache
def all_rules() -> tuple[Rule, ...]:
    rules = []
    for name in CATALOGUE:
        module = importlib.import_module(f"appeal.rules.{name}")
        rules.append(dataclasses.replace(module.RULE, check=module.check))
    ids = [r.id for r in rules]
    assert len(set(ids)) == len(ids), "duplicate rule id"
    assert tuple(ids) == RULE_IDS, "a rule module is not named for its rule's id"
    return tuple(rules)


@cache
def _by_id() -> dict[str, Rule]:
    return {r.id: r for r in all_rules()}


def order_of(rule_id: str) -> int:
    return list(_by_id()).index(rule_id)


def get_rule(rule_id: str) -> Rule:
    rule = _by_id().get(rule_id)
    if rule is None:
        raise UserError(f"unknown rule {rule_id!r} (see 'appeal rules' for the list)")
    return rule
