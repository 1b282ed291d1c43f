"""Dated changes in the law (changes.toml): when a provision came in or went out.

    from appeal.law import changes
    changes.date("dpa-2018")                    # date(2018, 5, 25)
    changes.in_force("s40(5B)", date(2017, 1, 1))   # False: introduced by DPA 2018
    changes.in_force("s40(3)", date(2019, 1, 1))    # False: withdrawn by DPA 2018
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any

_FILE = Path(__file__).with_name("changes.toml")


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    from appeal.resources import read_toml

    data = read_toml(_FILE)
    for key, c in data["changes"].items():
        for field in ("what", "reference", "source", "status"):
            if not str(c.get(field, "")).strip():
                raise ValueError(f"changes.toml: {key} has no {field}")
        if c.get("date"):
            dt.date.fromisoformat(c["date"])
    return data


def change(key: str) -> dict[str, Any]:
    return dict(_data()["changes"][key])


def date(key: str) -> dt.date | None:
    """When the change took effect; None while its commencement has not been seen."""
    raw = _data()["changes"][key].get("date")
    return dt.date.fromisoformat(raw) if raw else None


def in_force(provision: str, on_date: dt.date) -> bool:
    """Whether a provision (canonical FOIA form, e.g. "s40(5B)") was in force on `on_date`,
    as far as the recorded changes say; a provision no change mentions is in force."""
    for c in _data()["changes"].values():
        when = dt.date.fromisoformat(c["date"]) if c.get("date") else None
        if when is None:
            continue
        if provision in c.get("introduces", ()) and on_date < when:
            return False
        if provision in c.get("withdraws", ()) and on_date >= when:
            return False
    return True
