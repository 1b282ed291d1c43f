"""The four regimes, named once: every table of regime names in the code reads this one.

    REGIMES["FOISA"].act      # "the Freedom of Information (Scotland) Act 2002"
    scottish("EISR")          # True

`instrument` is what the regime's own provisions are in; `act` is the Act a letter under it
names (the EIR sit under FOIA for complaints, s50 via reg 18; the EISR under FOISA, s47 via
reg 17); `regulations` the environmental regulations of the same jurisdiction. The regulator
(who complaints go to, and by what name on a given date) is law/regulator.py's, from data.
"""

from __future__ import annotations

from typing import NamedTuple


class Regime(NamedTuple):
    key: str  # FOIA, EIR, FOISA, EISR
    option: str  # what --regime takes
    instrument: str  # the regime's own Act or Regulations
    act: str  # the Act a letter under this regime names
    regulations: str  # the environmental regulations of the same jurisdiction
    scottish: bool
    environmental: bool


REGIMES: dict[str, Regime] = {
    "FOIA": Regime("FOIA", "foia", "the Freedom of Information Act 2000",
                   "the Freedom of Information Act 2000", "the Environmental Information Regulations 2004",
                   scottish=False, environmental=False),
    "EIR": Regime("EIR", "eir", "the Environmental Information Regulations 2004",
                  "the Freedom of Information Act 2000", "the Environmental Information Regulations 2004",
                  scottish=False, environmental=True),
    "FOISA": Regime("FOISA", "foisa", "the Freedom of Information (Scotland) Act 2002",
                    "the Freedom of Information (Scotland) Act 2002",
                    "the Environmental Information (Scotland) Regulations 2004", scottish=True, environmental=False),
    "EISR": Regime("EISR", "eisr", "the Environmental Information (Scotland) Regulations 2004",
                   "the Freedom of Information (Scotland) Act 2002",
                   "the Environmental Information (Scotland) Regulations 2004", scottish=True, environmental=True),
}
KEYS: tuple[str, ...] = tuple(REGIMES)
SCOTTISH: tuple[str, ...] = tuple(k for k, r in REGIMES.items() if r.scottish)


def scottish(regime: str | None) -> bool:
    r = REGIMES.get((regime or "").upper())
    return bool(r and r.scottish)


def instrument_names() -> dict[str, str]:
    """{"FOIA": "the Freedom of Information Act 2000", ...}: each regime's own instrument."""
    return {k: r.instrument for k, r in REGIMES.items()}
