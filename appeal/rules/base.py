"""What a rule is: a small record (id, title, regimes, documentation) plus its check function.

A rule module (appeal/rules/<name>.py) defines

    RULE = Rule(id="ncnd-statistics", title=..., regimes=ALL_REGIMES, strengths=("strong", "moderate"),
                detects=..., why=..., example=..., references=(...))

    def check(ctx: Context) -> list[Finding]: ...

and is listed once in `registry.CATALOGUE`. Its wording lives in templates/rules/<id>.j2: the
template body is the argument, and a `{% set ask %}...{% endset %}` block inside it is the ask.
`ctx.finding(RULE, strength, evidence, **facts)` renders both and attaches the precedents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

ALL_REGIMES = ("FOIA", "EIR", "FOISA", "EISR")
STRENGTH_ORDER = {"strong": 0, "moderate": 1, "weak": 2}


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    regimes: tuple[str, ...]
    strengths: tuple[str, ...]  # the strengths this rule can give, strongest first
    detects: str  # what it detects
    why: str  # why it is a weakness in law
    example: str  # a short synthetic example of the weakness
    references: tuple[str, ...] = ()  # statute and guidance, as a reader would cite them
    near_miss: str = ""  # a case that looks like the weakness but is not one (the rule stays silent)
    # A generic rule runs after the specific ones and leaves alone the exemptions a specific
    # finding already covers (so one weakness is argued once, in its sharpest form).
    generic: bool = False
    check: Callable | None = field(default=None, compare=False, repr=False)

    @property
    def strength_range(self) -> str:
        if len(self.strengths) == 1:
            return self.strengths[0]
        return f"{self.strengths[-1]}-{self.strengths[0]}"

    def applies_to(self, regime: str | None) -> bool:
        return (regime or "FOIA") in self.regimes
