"""Web pages (disclosure logs, WhatDoTheyKnow): the letter without the site around it.

Dropped: scripts, styles, the <head>, navigation, site headers and footers, forms, and
cookie/consent banners, told by tag, by ARIA role and by common class/id/aria-label
names. Kept: paragraphs, list items, headings and table cells, each on its own line.
Entities are decoded by the standard library's parser.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from appeal.ingest.guards import Extracted
from appeal.ingest.text import decode

# Never contain letter text.
_DROP_TAGS = {
    "script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe",
    "object", "embed", "canvas", "nav", "form", "button", "select", "textarea", "dialog",
    "menu",
}
# Site chrome: dropped when in the page's chrome (not inside an <article> or <main> where
# an author may use <header>/<footer> for the letter's own heading or sign-off).
_CHROME_TAGS = {"header", "footer", "aside"}
_CHROME_ROLES = {
    "navigation", "banner", "contentinfo", "search", "menu", "menubar", "dialog",
    "alertdialog", "complementary", "toolbar",
}
# Class / id / aria-label words of chrome. Matched as whole words of the attribute value
# split on '-', '_', spaces and camelCase.
_CHROME_WORDS = {
    "cookie", "cookies", "consent", "gdpr", "banner", "nav", "navbar", "navigation", "menu",
    "menubar", "breadcrumb", "breadcrumbs", "footer", "header", "masthead", "skip", "skiplink",
    "skiplinks", "sidebar", "social", "share", "sharing", "newsletter", "popup", "modal",
    "toolbar", "searchbox", "search", "feedback", "topbar", "subnav", "megamenu", "offcanvas",
    "ccc", "cc", "onetrust", "cookiebot", "civic",
}
# Never skipped by class/id: the page itself and its main content.
_NEVER_CHROME = {"html", "body", "main", "article"}

_VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
}
# Blocks that end a line; paragraph-like ones leave a blank line after them.
_LINE_BLOCKS = {
    "li", "dt", "dd", "tr", "td", "th", "div", "section", "article", "main", "header",
    "footer", "address", "figure", "figcaption", "caption", "label", "option", "legend",
    "fieldset", "details", "summary", "center", "body", "html",
}
_PARA_BLOCKS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol",
    "dl", "hr",
}
_WORD_SPLIT = re.compile(r"[^a-z0-9]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_WS = re.compile(r"[ \t\n\r\f]+")
_SKIP_LINK = re.compile(r"(?i)skip to (?:the )?(?:main )?(?:content|navigation|main)$")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _attr_words(value: str) -> set[str]:
    return {w for w in _WORD_SPLIT.split(_CAMEL.sub(" ", value).lower()) if w}


# Words that name page furniture only as the whole name or after a site-wide prefix
# ("header", "site-header", "govuk-footer"): a letter's own "correspondence__header" holds
# its date and sender and is kept.
_WEAK_WORDS = {"header", "footer", "banner", "masthead", "sidebar", "toolbar", "topbar"}
_SITE_PREFIXES = {
    "site", "page", "global", "main", "govuk", "nhsuk", "top", "app", "layout", "primary",
    "secondary", "region", "l", "c", "o", "js", "wrapper", "container", "sticky", "fixed",
}
_STRONG_WORDS = _CHROME_WORDS - _WEAK_WORDS


def _chrome_token(token: str, in_content: bool) -> bool:
    words = [w for w in _WORD_SPLIT.split(_CAMEL.sub(" ", token).lower()) if w]
    if not words:
        return False
    if _STRONG_WORDS.intersection(words):
        return True
    if in_content:  # inside <article>/<main>: a header or footer there is the letter's own
        return False
    return words[0] in _WEAK_WORDS or (len(words) > 1 and words[0] in _SITE_PREFIXES and words[1] in _WEAK_WORDS)


class _Extractor(HTMLParser):
    def __init__(self, by_name: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.by_name = by_name  # drop chrome told by class/id/aria-label names too
        self.parts: list[str] = []  # text, or "\n" / "\n\n" break markers
        self.skip_tag: str | None = None
        self.skip_depth = 0
        self.pre = 0
        self.content_depth = 0  # inside <article>/<main>
        self.size = 0  # characters of text kept so far

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        # The stdlib asserts on unknown keywords ("<![foo"); skip such a section instead.
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            j = self.rawdata.find(">", i + 3)
            return -1 if j < 0 else j + 1

    # -- skipping ---------------------------------------------------------------------
    def _is_chrome(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        if tag in _DROP_TAGS:
            return True
        if not attrs:  # most tags: only the tag itself can say it is chrome
            return tag in _CHROME_TAGS and not self.content_depth
        a = {k.lower(): (v or "") for k, v in attrs}
        if "hidden" in a or a.get("aria-hidden", "").lower() == "true":
            return tag not in _NEVER_CHROME
        if _HIDDEN_STYLE.search(a.get("style", "")) and tag not in _NEVER_CHROME:
            return True
        if tag in _CHROME_TAGS and not self.content_depth:
            return True
        role = a.get("role", "").lower().strip()
        if role in _CHROME_ROLES and tag not in _NEVER_CHROME:
            return True
        if tag == "a" and "skip" in _attr_words(a.get("class", "") + " " + a.get("href", "")):
            return True
        if self.by_name and tag not in _NEVER_CHROME:
            values = " ".join((a.get("class", ""), a.get("id", ""), a.get("aria-label", "")))
            for token in values.split():
                if _chrome_token(token, in_content=bool(self.content_depth)):
                    return True
        return False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = tag.lower()
        if self.skip_tag is not None:
            if tag == self.skip_tag:
                self.skip_depth += 1
            return
        if self._is_chrome(tag, attrs):
            if tag not in _VOID:
                self.skip_tag, self.skip_depth = tag, 1
            return
        if tag in ("article", "main"):
            self.content_depth += 1
        if tag == "pre":
            self.pre += 1
        self._block(tag)
        if tag == "br":
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = tag.lower()
        if self.skip_tag is not None:
            return
        if tag == "br":
            self.parts.append("\n")
        elif tag == "hr":
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        tag = tag.lower()
        if self.skip_tag is not None:
            if tag == self.skip_tag:
                self.skip_depth -= 1
                if self.skip_depth == 0:
                    self.skip_tag = None
            return
        if tag in ("article", "main") and self.content_depth:
            self.content_depth -= 1
        if tag == "pre" and self.pre:
            self.pre -= 1
        self._block(tag)

    def _block(self, tag: str) -> None:
        if tag in _PARA_BLOCKS:
            self.parts.append("\n\n")
        elif tag in _LINE_BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.skip_tag is not None or not data:
            return
        if self.pre:
            self.parts.append(data)
        else:
            self.parts.append(_WS.sub(" ", data))
        self.size += len(data)

    # -- result -----------------------------------------------------------------------
    def text(self) -> str:
        out: list[str] = []
        pending = ""  # the strongest break asked for since the last text
        for part in self.parts:
            if part in ("\n", "\n\n"):
                if len(part) > len(pending):
                    pending = part
                continue
            if (pending or not out) and not part.strip(" "):
                continue  # whitespace between blocks
            if pending:
                if out:
                    out.append(pending)
                pending = ""
            out.append(part)
        joined = "".join(out)
        # Spaces at line edges come from inline whitespace next to block tags.
        lines = (line.strip(" ") for line in joined.split("\n"))
        return "\n".join(line for line in lines if not _SKIP_LINK.match(line))


# Bounds on reading a page (the standard library's parser takes ~2 s per MB of dense tags):
# markup is fed in pieces that end at a tag, reading stops once more text than the character
# cap is found (the rest would be cut anyway), and a page that still takes longer than
# MAX_HTML_SECONDS (megabytes of tags with no text) is refused with one clear line.
MAX_HTML_SECONDS = 10.0
_PIECE = 1 << 16


def html_to_text(markup: str, name: str = "the web page") -> str:
    """The readable text of an HTML page, one block per line; whole lines of page chrome
    that no tag or class gave away (a cookie banner in a plain <div>) are dropped too."""
    import time

    from appeal.ingest.text import strip_chrome

    deadline = time.monotonic() + MAX_HTML_SECONDS
    text = _run(markup, by_name=True, deadline=deadline, name=name)
    if len(text.strip()) < 40:
        # A page-wide wrapper named like chrome (e.g. <div class="has-cookie-banner">) can
        # swallow everything; then drop only by tag and role.
        loose = _run(markup, by_name=False, deadline=deadline, name=name)
        if len(loose.strip()) > len(text.strip()):
            return strip_chrome(loose)
    return strip_chrome(text)


def _run(markup: str, by_name: bool, deadline: float | None = None, name: str = "the web page") -> str:
    import time

    from appeal.errors import UserError
    from appeal.ingest.guards import MAX_CHARS, human_size

    parser = _Extractor(by_name)
    try:
        i, n = 0, len(markup)
        while i < n:
            j = markup.find("<", i + _PIECE)  # pieces end at a tag: no text is split
            j = n if j < 0 else j
            parser.feed(markup[i:j])
            i = j
            if parser.size > MAX_CHARS + MAX_CHARS // 5:
                break  # more than will be read: the cap (and its note) applies later
            if deadline is not None and time.monotonic() > deadline:
                raise UserError(
                    f"{name} is {human_size(n)} of markup that took over {MAX_HTML_SECONDS:g} seconds to "
                    "read; open it in a browser and save the letter as text (.txt)"
                )
        parser.close()
    except UserError:
        raise
    except Exception:  # the stdlib parser asserts on some broken markup ("<![foo")
        return _crude(markup)
    return parser.text()


_CRUDE_DROP = re.compile(r"(?is)<(script|style|head|nav|noscript|template)\b.*?</\1\s*>")
_CRUDE_BLOCK = re.compile(r"(?i)</?(?:p|div|li|tr|td|th|h[1-6]|br|table|ul|ol|section|article)\b[^>]*>")
_CRUDE_TAG = re.compile(r"<[^>]*>")


def _crude(markup: str) -> str:
    """Markup the parser gave up on: drop obvious chrome, turn blocks into lines."""
    import html as _stdlib_html

    text = _CRUDE_DROP.sub("", markup)
    text = _CRUDE_BLOCK.sub("\n", text)
    text = _CRUDE_TAG.sub("", text)
    text = _stdlib_html.unescape(text)
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(lines)


def sniff_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def read_html(data: bytes, name: str, charset: str | None = None) -> Extracted:
    markup = decode(data, name, declared=charset or sniff_charset(data), what="a web page")
    return Extracted(html_to_text(markup, name))
