"""The cost limits of FOIA and FOISA as data (cost_limits.toml), with their references.

    from appeal.law.cost_limits import cost_limit
    cost_limit("FOIA", central=False).amount      # 450
    cost_limit("FOISA").hours                      # 40.0 at least (rate is a cap)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_FILE = Path(__file__).with_name("cost_limits.toml")


@dataclass(frozen=True)
class CostLimit:
    regime: str
    amount: int
    hourly_rate: int
    rate_is_cap: bool
    applies_to: str
    counts: tuple[str, ...]
    excludes: tuple[str, ...]
    basis: str
    source: str
    note: str | None = None

    @property
    def hours(self) -> float:
        """Hours of staff time the limit buys: exact under FOIA, the minimum under FOISA."""
        return self.amount / self.hourly_rate


@lru_cache(maxsize=1)
def _data() -> dict:
    from appeal.resources import read_toml

    return read_toml(_FILE)


def cost_limit(regime: str, *, central: bool | None = None) -> CostLimit | None:
    """The limit for `regime`; FOIA needs `central` (Schedule 1 Part I) - None gives the
    lower, general figure. EIR and EI(S)R have no fixed limit: None."""
    regime = regime.upper()
    table = _data().get(regime)
    if not table:
        return None
    key = "all" if "all" in table else ("central" if central else "other")
    e = table[key]
    return CostLimit(regime=regime, amount=e["amount"], hourly_rate=e["hourly_rate"],
                     rate_is_cap=e["rate_is_cap"], applies_to=e["applies_to"], counts=tuple(e["counts"]),
                     excludes=tuple(e["excludes"]), basis=e["basis"], source=e["source"], note=e.get("note"))
