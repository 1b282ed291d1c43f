"""The time limits of each regime, read from time_limits.toml (every limit with its basis).

    from appeal.law import time_limits
    lim = time_limits.limit("FOIA", "response")   # Limit(working_days=20, basis="FOIA s10(1)", ...)
    time_limits.regime("FOISA").calendar          # "scotland"
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

_FILE = Path(__file__).with_name("time_limits.toml")
_STATUSES = ("verified", "secondary", "unverified")


class _Record:
    """A small read-only record (plain class: dataclasses cost start-up time)."""

    __slots__ = ()

    def __init__(self, **kw: Any) -> None:
        for name in self.__slots__:
            object.__setattr__(self, name, kw.get(name))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __repr__(self) -> str:
        fields = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__slots__)
        return f"{type(self).__name__}({fields})"

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and all(
            getattr(self, n) == getattr(other, n) for n in self.__slots__
        )

    __hash__ = None  # type: ignore[assignment]


class Limit(_Record):
    """One time limit: its length (working_days, weeks or months), what it runs from, its basis."""

    __slots__ = ("key", "basis", "statutory", "status", "source", "note", "start",
                 "working_days", "weeks", "months", "days", "valid_from", "valid_to", "valid_note")
    key: str
    basis: str
    statutory: bool
    status: str  # verified | secondary | unverified
    source: str
    note: str
    start: str  # what the period runs from ("received", "response", ...)
    working_days: int | None
    weeks: int | None
    months: int | None
    days: int | None  # calendar days
    valid_from: str | None  # ISO date the limit applies from, where the law changed
    valid_to: str | None
    valid_note: str | None

    def in_force(self, on_date) -> bool:
        iso = on_date.isoformat()
        return (self.valid_from is None or self.valid_from <= iso) and (self.valid_to is None or iso < self.valid_to)

    def describe(self) -> str:
        """'20 working days', 'six weeks', 'six months', '28 days'."""
        if self.days is not None:
            return f"{self.days} days"
        if self.working_days is not None:
            return f"{self.working_days} working days"
        if self.weeks is not None:
            return f"{_words(self.weeks)} weeks"
        return f"{_words(self.months or 0)} months"


class Regime(_Record):
    __slots__ = ("key", "name", "calendar", "commissioner", "limits", "calendar_note", "no_extension_note")
    key: str
    name: str
    calendar: str
    commissioner: str
    limits: dict[str, Limit]
    calendar_note: str
    no_extension_note: str

    def get(self, key: str) -> Limit | None:
        return self.limits.get(key)


class CalendarInfo(_Record):
    __slots__ = ("key", "label", "subdivisions", "basis", "source", "note")
    key: str
    label: str
    subdivisions: tuple[str, ...]
    basis: str
    source: str
    note: str


def _words(n: int) -> str:
    return {2: "two", 3: "three", 4: "four", 6: "six", 12: "twelve"}.get(n, str(n))


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    """The TOML, parsed and validated (by way of a JSON copy: appeal.resources.read_toml)."""
    from appeal.resources import read_toml

    data = read_toml(_FILE)
    _validate(data)
    return data


def _validate(data: dict[str, Any]) -> None:
    """A limit without its basis is a bug in the data file: fail loudly, in tests first."""
    for rkey, r in data["regimes"].items():
        if r["calendar"] not in data["calendars"]:
            raise ValueError(f"time_limits.toml: {rkey} names unknown calendar {r['calendar']!r}")
        for lkey, lim in r.items():
            if not isinstance(lim, dict):
                continue
            where = f"time_limits.toml: regimes.{rkey}.{lkey}"
            lengths = [k for k in ("working_days", "weeks", "months", "days") if k in lim]
            if len(lengths) != 1:
                raise ValueError(f"{where}: exactly one of working_days/weeks/months/days is needed")
            for field in ("basis", "source", "note", "from"):
                if not str(lim.get(field, "")).strip():
                    raise ValueError(f"{where}: '{field}' is missing")
            if lim.get("status") not in _STATUSES or not isinstance(lim.get("statutory"), bool):
                raise ValueError(f"{where}: 'status' or 'statutory' is missing or wrong")


@lru_cache(maxsize=None)
def regime(key: str) -> Regime:
    data = _data()
    r = data["regimes"][key.upper()]
    limits = {
        k: Limit(
            key=k,
            basis=v["basis"],
            statutory=v["statutory"],
            status=v["status"],
            source=v["source"],
            note=v["note"],
            start=v["from"],
            working_days=v.get("working_days"),
            weeks=v.get("weeks"),
            months=v.get("months"),
            days=v.get("days"),
            valid_from=v.get("valid_from"),
            valid_to=v.get("valid_to"),
            valid_note=v.get("valid_note"),
        )
        for k, v in r.items()
        if isinstance(v, dict)
    }
    return Regime(
        key=key.upper(),
        name=r["name"],
        calendar=r["calendar"],
        commissioner=r["commissioner"],
        limits=limits,
        calendar_note=r.get("calendar_note", ""),
        no_extension_note=r.get("no_extension_note", ""),
    )


def limit(regime_key: str, key: str) -> Limit | None:
    return regime(regime_key).get(key)


def calendar_info(key: str) -> CalendarInfo:
    c = _data()["calendars"][key]
    return CalendarInfo(
        key=key,
        label=c["label"],
        subdivisions=tuple(c["subdivisions"]),
        basis=c["basis"],
        source=c["source"],
        note=c["note"],
    )


def regimes() -> list[str]:
    return list(_data()["regimes"])
