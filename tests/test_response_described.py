"""How a letter describes the response: "answered in part" only where the parser read a
question as answered (Refusal.questions); a bolt-on neither-confirm-nor-deny over "any other
information" after nothing was answered is described as that. Synthetic only."""

import pytest

from appeal.model import Question, Refusal
from appeal.render.letters import _response
from appeal.templating import render


def described(answers, partial=False):
    r = Refusal(text="x", ncnd=True, ncnd_scope="other", partial_disclosure=partial,
                questions=[Question(number=str(i + 1), text=f"question {i + 1}", answer=a)
                           for i, a in enumerate(answers)])
    return render("letters/_response.md.j2", response=_response(r, "FOIA"), regime="FOIA")


@pytest.mark.parametrize("answers", [["ncnd"], ["refused", "ncnd"], ["cost"]])
def test_nothing_answered_is_never_called_answered_in_part(answers):
    text = described(answers)
    assert "answered in part" not in text and "gave none of the information" in text


def test_some_answered_is_answered_in_part():
    assert "answered in part" in described(["answered", "ncnd"])
    assert "answered in part" in described(["not-held", "refused"])


def test_unknown_answers_claim_neither():
    text = described([])
    assert "answered in part" not in text and "gave none" not in text
    assert "neither confirm nor deny whether any other information is held" in text
    assert "answered in part" not in described(["unknown", "ncnd"])


def test_a_disclosure_read_from_the_letter_still_says_so():
    assert "disclosed some information" in described([], partial=True)
