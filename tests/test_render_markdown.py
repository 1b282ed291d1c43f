"""Markdown escaping and the small Markdown reader the text and Word renderers use."""

from hypothesis import given, settings, strategies as st

from appeal.render.clean import clean, one_line
from appeal.render.markdown import escape, parse, parse_inline, plain


def test_escape_round_trips_awkward_letter_text():
    nasty = "> quoted *bold* _under_ [link](x) #5 | pipe `code` \\ back 1. item - dash &amp;"
    assert plain(escape(nasty)) == nasty


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=80))
def test_escape_then_parse_gives_the_text_back(s):
    s = one_line(s)
    assert plain(escape(s)) == s


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="*_#[]()!:>|-+=1.` \\&;ab", max_size=40))
def test_escaped_text_never_makes_structure(s):
    s = one_line(s)
    blocks = parse(escape(s))
    if s:
        assert [b.kind for b in blocks] == ["para"], (s, blocks)
    # and inside a quote it stays one quote
    blocks = parse("> " + escape(s))
    assert blocks[0].kind == "quote"
    assert len(blocks) == 1


def test_leading_markers_are_escaped():
    for text in ("> not a quote", "# not a heading", "- not a bullet", "1. not a list", "+ x", "= x"):
        blocks = parse(escape(text))
        assert [b.kind for b in blocks] == ["para"], text
        assert plain(blocks[0].text) == text


def test_intraword_underscores_stay_readable():
    assert escape("EA_2005_0030") == "EA_2005_0030"
    assert escape("_x_") == "\\_x\\_"


def test_blocks_of_a_letter():
    md = (
        "Jane  \n1 High St\n\n# Subject\n\n## Grounds\n\n### 1. First\n\n> “quoted”\n\n"
        "Some **bold** and *italic* text.\n\n- one\n- two\n\n| Step | Date |\n|---|---|\n| A | 1 May |\n"
    )
    kinds = [(b.kind, b.level) for b in parse(md)]
    assert kinds == [("para", 0), ("heading", 1), ("heading", 2), ("heading", 3), ("quote", 0),
                     ("para", 0), ("bullet", 0), ("bullet", 0), ("table", 0)]
    first = parse(md)[0]
    assert plain(first.text) == "Jane\n1 High St"  # two trailing spaces: a line break
    runs = parse_inline("Some **bold** and *italic* text.")
    assert [(r.text, r.bold, r.italic) for r in runs] == [
        ("Some ", False, False), ("bold", True, False), (" and ", False, False),
        ("italic", False, True), (" text.", False, False)]
    table = parse(md)[-1]
    assert table.rows == [["Step", "Date"], ["A", "1 May"]]


def test_escaped_pipe_stays_in_its_cell():
    table = parse("| a | b |\n|---|---|\n| " + escape("x | y") + " | z |\n")[0]
    assert [plain(c) for c in table.rows[1]] == ["x | y", "z"]


def test_clean_drops_what_xml_cannot_hold():
    s = "a\x00b\x07c\x1bd\x0ce\ud800f\ufffeg\r\nh"
    assert clean(s) == "abcd\nefg\nh"
    assert one_line("a\n\n  b\tc") == "a b c"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="*_#[]()!:<>|-+=1.`~ \\&;ab\n", max_size=40))
def test_a_real_commonmark_renderer_shows_the_text_literally(s):
    """markdown-it (CommonMark) renders escaped text as one paragraph of exactly that text."""
    markdown_it = __import__("pytest").importorskip("markdown_it")
    import html

    s = one_line(s)
    if not s:
        return
    for prefix in ("", "> “"):
        out = markdown_it.MarkdownIt("commonmark").render(prefix + escape(s))
        inner = out.strip()
        if prefix:
            assert inner.startswith("<blockquote>\n<p>“") and inner.endswith("</p>\n</blockquote>"), (s, out)
            inner = inner[len("<blockquote>\n<p>“"):-len("</p>\n</blockquote>")]
        else:
            assert inner.startswith("<p>") and inner.endswith("</p>"), (s, out)
            inner = inner[3:-4]
        assert html.unescape(inner) == s, (s, out)
