"""Fuzz (hypothesis) over read + parse + check: no exception, quotes verbatim, bounded time.

Texts are built from the pieces letters are made of (lines of the synthetic letters in
tests/, citations, dates, stock phrases) mixed with hostile runs (long tokens, slashes,
underscores, control and odd Unicode characters). Each example must parse and check with
no exception, every finding's quote must be the text at its span, and no example may take
longer than the deadline (a hang guard: 10 s, where a normal example takes milliseconds).
Derandomised and without an example database, so CI runs the same cases every time.
"""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent))
from hostile_util import bounded  # noqa: E402

from appeal.errors import UserError  # noqa: E402
from appeal.ingest import guards  # noqa: E402

_HERE = Path(__file__).parent
_LINES = sorted({
    line
    for folder in ("letters", "rules_letters")
    for path in sorted((_HERE / folder).glob("*.txt"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
})
_PIECES = [
    "section 31(1)(a)", "s.40(2)", "regulation 12(4)(b)", "Regulations 12(5)(a) and 13", "Section 40(5B)(a)(i)",
    "Sections 23(5), 24(2), 30(3) & 31(3)", "exempt under section 43(2) of the Freedom of Information Act 2000",
    "neither confirm nor deny", "We can confirm that the information is held.", "would be likely to prejudice",
    "The numerical data presented in this response is an un-audited snapshot.", "these techniques",
    "Date: 31 February 2024", "received on 20th April 2063", "19/09/24", "10th March 2060",
    "Public interest test", "internal review within 40 working days", "Information Commissioner",
    "Please find attached our response.", "----- Attachment: response.pdf -----", "How many officers?",
    "/" * 300, "_" * 300, "a1/b2\\c3#d4_" * 20, "(1)(a)" * 40, "12(4)(b) " * 30, "?" * 50, "." * 50,
    "\u202e\u200b\ufeff\u00ad", "\x1b[31m", "\ud7ff\ue000\U0001f600", "£450", "FOI2021/00412",
]
_FRAGMENT = st.one_of(
    st.sampled_from(_LINES),
    st.sampled_from(_PIECES),
    st.text(max_size=80),
    st.text(alphabet=st.sampled_from(list(" \n\t.,;:()/_-?0123456789sSrRgeE")), max_size=200),
)
_TEXT = st.lists(_FRAGMENT, max_size=40).map(lambda parts: "\n".join(parts))
_SETTINGS = settings(
    max_examples=60, deadline=timedelta(seconds=10), derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@bounded(120)
@_SETTINGS
@given(_TEXT)
def test_parse_and_check_never_raise_and_quote_verbatim(raw):
    from appeal.parse import parse_text
    from appeal.rules import check

    text = guards.clean_text(raw)
    if not text.strip():
        return
    refusal = parse_text(text)
    assert refusal.text == text
    for exemption in refusal.exemptions:
        for a, b in exemption.spans:
            assert 0 <= a <= b <= len(text)
    for finding in check(refusal):
        assert finding.evidence or finding.rule, finding
        for e in finding.evidence:
            assert text[e.start:e.end] == e.quote, (finding.rule, e)


@bounded(120)
@_SETTINGS
@given(st.binary(max_size=3000), st.sampled_from(["letter.txt", "letter.html", "mail.eml", "x.bin"]))
def test_any_bytes_are_text_or_one_user_error(data, name):
    from appeal.ingest import read_extracted

    try:
        ex = guards.Extracted("")
        ex = read_extracted(name, data) if data.strip() else ex
    except UserError as exc:
        assert "\n" not in str(exc)
        return
    assert not any(ch in ex.text for ch in "\x00\x1b\x07")


@pytest.mark.parametrize("seed", range(2))
@bounded(60)
def test_hostile_mixtures_check_through_the_cli(seed, tmp_path, capsys):
    """A few larger mixtures, through the command itself: exit 0, nothing internal."""
    import random

    from appeal.cli import main

    rng = random.Random(seed)
    parts = [rng.choice(_LINES + _PIECES) for _ in range(200)]
    path = tmp_path / "mix.txt"
    path.write_text("\n".join(parts), encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["check", str(path)])
    _, err = capsys.readouterr()
    assert exc.value.code == 0, err


_ODD_VALUES = [None, 0, -1, 10**20, 1.5, "", "x", "2024-02-30", "9999-12-31", "0001-01-01", [], {}, [[1, 2]],
               [[-5, 3]], True, "\x1b[2J", "s31(1)(a)", "reg12(4)(b)", "EIR", "bogus", [None], {"a": 1}]


def _paths(obj, pre=()):
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield pre + (k,)
            yield from _paths(v, pre + (k,))
    elif isinstance(obj, list):
        for i, v in enumerate(obj[:3]):
            yield pre + (i,)
            yield from _paths(v, pre + (i,))


@bounded(120)
def test_parsed_refusal_json_with_odd_fields_is_read_or_one_user_error(tmp_path):
    """A parsed refusal with one to three fields swapped for odd values (wrong types, bad dates,
    spans out of the text, escape codes): loading and checking it is a result or one UserError."""
    import copy
    import json
    import random

    from appeal.ingest import load_refusal
    from appeal.parse import parse_text
    from appeal.rules import check

    base = parse_text((_HERE / "rules_letters" / "ncnd_counts_police.txt").read_text(encoding="utf-8")).to_dict()
    paths = list(_paths(base))
    rng = random.Random(13)
    path = tmp_path / "odd.json"
    for _ in range(120):
        data = copy.deepcopy(base)
        for _ in range(rng.randint(1, 3)):
            where, obj = rng.choice(paths), data
            try:
                for key in where[:-1]:
                    obj = obj[key]
                obj[where[-1]] = copy.deepcopy(rng.choice(_ODD_VALUES))
            except (KeyError, IndexError, TypeError):
                continue
        path.write_text(json.dumps(data), encoding="utf-8")
        try:
            refusal = load_refusal(str(path))
        except UserError as exc:
            assert "\n" not in str(exc)
            continue
        for finding in check(refusal):
            for e in finding.evidence:
                assert refusal.text[e.start:e.end] == e.quote
