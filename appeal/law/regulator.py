"""Who a complaint goes to, on a given date: the regulator as dated data (regulators.toml).

    from appeal.law.regulator import regulator_for
    reg = regulator_for("FOIA", date(2026, 12, 1))
    reg.name        # "the Information Commissioner" (until DUAA 2025 s119 is in force)
    reg.address     # ("Wycliffe House", ...)

The Data (Use and Access) Act 2025 ss117-119 replace the Information Commissioner with the
Information Commission. The date s119 comes into force is data (`[commencements]`); while it
is not known, the Commissioner stays in force. A test (or a user who has seen the date) can
pass `commencements={"duaa-2025-s119": date}` to see the other side.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from appeal.errors import UserError

_FILE = Path(__file__).with_name("regulators.toml")
_FAMILY = {"FOIA": "uk", "EIR": "uk", "FOISA": "scotland", "EISR": "scotland"}


@dataclass(frozen=True)
class Regulator:
    name: str  # "the Information Commissioner"
    title: str  # addressee line: "Information Commissioner's Office"
    short_name: str  # "the Commissioner"
    abbreviation: str  # "ICO"
    address: tuple[str, ...]
    web_form: str | None
    valid_from: dt.date | None  # None: since the Act
    valid_to: dt.date | None  # None: still in force (or its end is not yet known)
    reference: str
    source: str | None = None
    pending: str | None = None  # a change whose commencement has not been seen
    assumptions: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "title": self.title, "short_name": self.short_name,
            "abbreviation": self.abbreviation, "address": list(self.address), "web_form": self.web_form,
            "valid_from": self.valid_from.isoformat() if self.valid_from else None,
            "valid_to": self.valid_to.isoformat() if self.valid_to else None,
            "reference": self.reference, "source": self.source, "pending": self.pending,
            "assumptions": list(self.assumptions),
        }

    def __str__(self) -> str:  # templates may write {{ regulator }}
        return self.name


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    from appeal.resources import read_toml

    data = read_toml(_FILE)
    _validate(data)
    return data


def _validate(data: dict[str, Any]) -> None:
    commencements = data.get("commencements", {})
    for fam, periods in data["regulators"].items():
        if not periods:
            raise ValueError(f"regulators.toml: {fam} has no period")
        for p in periods:
            for key in ("name", "title", "short_name", "reference"):
                if not str(p.get(key, "")).strip():
                    raise ValueError(f"regulators.toml: {fam} period without '{key}'")
            for key in ("valid_from", "valid_to"):
                v = p.get(key)
                if v is not None and v not in commencements:
                    dt.date.fromisoformat(v)  # ValueError names a bad date
        if "address" not in periods[0]:
            raise ValueError(f"regulators.toml: the first {fam} period needs an address")


def _when(value: str | None, commencements: dict[str, Any], overrides: dict[str, dt.date | None]) -> tuple[dt.date | None, bool]:
    """(date, known): a period bound as a date. An unknown commencement is (None, False)."""
    if value is None:
        return None, True
    if value in commencements:
        if value in overrides:
            d = overrides[value]
            return (d, d is not None)
        raw = commencements[value].get("date")
        return (dt.date.fromisoformat(str(raw)), True) if raw else (None, False)
    return dt.date.fromisoformat(value), True


def regulator_for(regime: str, on_date: dt.date | None = None, *,
                  commencements: dict[str, dt.date | None] | None = None) -> Regulator:
    """The regulator in force for `regime` on `on_date` (today if None).

    A period that starts on a commencement not yet seen is not in force; the one before it
    stays in force and carries `pending` (what is coming, and why its date is unknown).
    `commencements` overrides the data's commencement dates (tests; a date the user has seen).
    """
    fam = _FAMILY.get((regime or "").upper())
    if fam is None:
        raise UserError(f"unknown regime {regime!r} (use FOIA, EIR, FOISA or EISR)")
    on_date = on_date or dt.date.today()
    data = _data()
    comm = data.get("commencements", {})
    overrides = commencements or {}
    periods = data["regulators"][fam]
    inherited: dict[str, Any] = {}
    chosen = None
    for i, p in enumerate(periods):
        start, start_known = _when(p.get("valid_from"), comm, overrides)
        end, end_known = _when(p.get("valid_to"), comm, overrides)
        for key in ("address", "web_form"):
            if key in p:
                inherited[key] = (p[key], i)
        if not start_known:
            continue  # its commencement has not been seen: not in force
        if (start is None or start <= on_date) and (not end_known or end is None or on_date < end):
            chosen = (i, p, start, end if end_known else None, end_known)
            snapshot = dict(inherited)
    if chosen is None:
        raise UserError(f"no regulator for {regime} is in force on {on_date.isoformat()} in regulators.toml")
    i, p, start, end, end_known = chosen
    assumptions = []
    for key in ("address", "web_form"):
        if key not in p and key in snapshot:
            assumptions.append(f"{p['name']}: {key.replace('_', ' ')} not seen; {periods[snapshot[key][1]]['name']}'s is used")
    pending = None
    if p.get("valid_to") in comm and not end_known:
        c = comm[p["valid_to"]]
        pending = f"{c.get('provision', p['valid_to'])}, from a date not yet seen"
    address = p.get("address", snapshot.get("address", ((), 0))[0])
    web_form = p.get("web_form", snapshot.get("web_form", (None, 0))[0])
    return Regulator(
        name=p["name"], title=p["title"], short_name=p["short_name"],
        abbreviation=p.get("abbreviation", ""), address=tuple(address), web_form=web_form,
        valid_from=start, valid_to=end, reference=p["reference"], source=p.get("source"),
        pending=pending, assumptions=tuple(assumptions),
    )


def commencement(key: str) -> dict[str, Any]:
    """A commencement record as the data holds it (date absent when not yet seen)."""
    return dict(_data().get("commencements", {}).get(key, {}))
