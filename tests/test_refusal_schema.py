"""The appeal.refusal/2 record: questions, how each exemption was found, the review block;
appeal.refusal/1 files still load."""

from __future__ import annotations

import json

import pytest

from appeal.errors import UserError
from appeal.model import REFUSAL_SCHEMA, Exemption, Question, Refusal, ReviewOutcome


def test_schema_is_2_and_round_trips():
    text = "1. How many? 2. Which?"
    r = Refusal(
        regime="FOIA",
        text=text,
        exemptions=[Exemption("s12", test="cost", found="inferred")],
        questions=[Question("1", "How many?", 3, 12, "answered"),
                   Question("2", "Which?", 16, 22, "refused", ["s31(1)(a)"])],
        review=ReviewOutcome(result="partly-upheld", date="2024-03-01", original_reference="FOI 123",
                             original_request_date="2023-12-01"),
        is_review_outcome=True,
    )
    d = json.loads(json.dumps(r.to_dict()))
    assert d["schema"] == REFUSAL_SCHEMA == "appeal.refusal/2"
    back = Refusal.from_dict(d)
    assert back.questions == r.questions
    assert back.review == r.review
    assert back.exemptions[0].found == "inferred"


def test_version_1_still_loads_with_defaults():
    d = {"schema": "appeal.refusal/1", "regime": "FOIA", "text": "x",
         "exemptions": [{"citation": "s31(1)(a)", "spans": [[0, 1]]}]}
    r = Refusal.from_dict(d)
    assert r.questions == [] and r.review is None
    assert r.exemptions[0].found == "cited"


@pytest.mark.parametrize("patch", [
    {"questions": {"a": 1}},
    {"questions": [{"answer": "maybe"}]},
    {"questions": [{"start": 0, "end": 99}]},
    {"questions": [{"exemptions": "s12"}]},
    {"review": {"result": "won"}},
    {"review": {"date": "1/2/2024"}},
    {"exemptions": [{"citation": "s12", "found": "guessed"}]},
    {"schema": "appeal.refusal/3"},
])
def test_bad_v2_fields_name_the_field(patch):
    d = {"schema": "appeal.refusal/2", "text": "abc", **patch}
    with pytest.raises(UserError) as e:
        Refusal.from_dict(d)
    assert "field '" in str(e.value)
