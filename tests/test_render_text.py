"""Plain text: what a person pastes into an e-mail or a web form. No markup at all."""

from appeal.render.text import to_text

MD = """Ann Example  
ann@example.org

# Request for internal review: your reference A\\_1

## Grounds

### 1. The \\*first\\* ground

> “\\# quoted \\[text\\] with \\*stars\\*”

Some **bold** and *italic* prose.

- one
- two

| Step | Date |
|---|---|
| Review due | 3 April 2024 |
"""


def test_no_markup_survives():
    text = to_text(MD)
    for mark in ("**", "##", "\\", "|", "---", "> "):
        assert mark not in text, mark
    assert "Ann Example\nann@example.org" in text
    assert "Request for internal review: your reference A_1" in text
    assert "1. The *first* ground" in text
    assert "    “# quoted [text] with *stars*”" in text
    assert "Some bold and italic prose." in text
    assert "- one\n- two" in text
    assert "Review due: 3 April 2024" in text
