"""Stock text: known boilerplate paragraphs and references that point at nothing.

    find_stock(text) -> list[StockMatch]
        every fingerprint from appeal/data/stock_fingerprints.toml found in the letter
    find_dangling(text, request_text=None, response_text=None) -> list[StockMatch]
        stock references ("the numerical data presented", "these techniques") whose
        antecedent is absent from the request and the letter
    sentence_span(text, start, end) -> (start, end)
        the enclosing sentence, for verbatim quoting

Matching runs on normalised text (lower case, straight quotes, "-" for dashes, one space for
any run of whitespace) but every span returned is into the ORIGINAL text, so
`text[m.start:m.end]` is a verbatim quote. The work is split by job in appeal/rules/stocktext/;
this module keeps the public names where callers (rules, scan, benches) import them.
"""

from __future__ import annotations

from appeal.rules.stocktext.anchors import anchors
from appeal.rules.stocktext.dangling import find_dangling, has_figures
from appeal.rules.stocktext.library import dangling_references, families, library, load_fingerprints
from appeal.rules.stocktext.match import find_stock
from appeal.rules.stocktext.normalise import Normalised, normalise, tolerant
from appeal.rules.stocktext.records import FINGERPRINTS, Dangling, Family, StockMatch
from appeal.rules.stocktext.sentences import sentence_span

__all__ = [
    "FINGERPRINTS", "Dangling", "Family", "Normalised", "StockMatch", "anchors", "dangling_references",
    "families", "find_dangling", "find_stock", "has_figures", "library", "load_fingerprints", "normalise",
    "sentence_span", "tolerant",
]
