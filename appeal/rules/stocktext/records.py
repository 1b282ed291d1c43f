"""The records stock matching returns and the library holds."""

from __future__ import annotations

import re
from dataclasses import dataclass

from appeal.rules.stocktext.anchors import _Rx

FINGERPRINTS = "stock_fingerprints.toml"


@dataclass(frozen=True)
class StockMatch:
    family: str  # family id, or the dangling reference id when kind == "dangling"
    start: int  # [start, end) into the original text
    end: int
    phrase: str  # what matched, in normalised form
    reasoning: bool  # True: stock REASONING (counts against a letter); False: a recital
    quote: str = ""  # text[start:end], verbatim
    kind: str = "stock"  # "stock" | "dangling"
    hint: str | None = None  # dangling: what the letter would need for the reference to make sense


@dataclass(frozen=True)
class Family:
    id: str
    description: str
    reasoning: bool
    regexes: tuple[_Rx, ...]


@dataclass(frozen=True)
class Dangling:
    id: str
    description: str
    reasoning: bool
    regexes: tuple[_Rx, ...]
    antecedent: str | None  # "figures" or None
    request_re: re.Pattern[str] | None
    letter_re: re.Pattern[str] | None
    hint: str

