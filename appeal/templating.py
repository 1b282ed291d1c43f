"""Jinja2 for all wording: letters (templates/letters/) and rule arguments (templates/rules/).

Templates are rendered in Jinja2's sandbox, because `--template-dir` lets a user point the
tool at templates from anywhere. A user's folder is searched first, then the shipped one,
so a user can override a single file.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from appeal.errors import UserError
from appeal.resources import shipped_dir
from appeal.timelimit import TimeUp, time_limit

# Limits on what a template may do (a user's --template-dir is code we did not write): one
# render may take RENDER_SECONDS (nested loops, huge ranges); one `*` or `**` may not build
# a string or list longer than MAX_PRODUCT or a number with more than MAX_POWER_BITS bits
# (those run inside one C call that no time limit can interrupt). Recursion is bounded by
# Python's own limit, reported as one line.
RENDER_SECONDS = 5.0
MAX_PRODUCT = 1_000_000
MAX_POWER_BITS = 10_000
_USER_DIRS: set[str] = set()  # template folders the user gave this run


@lru_cache(maxsize=8)
def environment(template_dir: str | None = None):
    import jinja2  # lazy: only commands that write prose need it
    from jinja2.sandbox import SandboxedEnvironment

    search = []
    if template_dir:
        folder = Path(template_dir)
        if not folder.is_dir():
            raise UserError(f"--template-dir {template_dir}: no such folder")
        search.append(str(folder))
        _USER_DIRS.add(str(folder))
    search.append(str(shipped_dir("templates")))

    class LimitedSandbox(SandboxedEnvironment):
        intercepted_binops = frozenset(["*", "**"])

        def call_binop(self, context, operator, left, right):
            if operator == "**":
                if _power_too_big(left, right):
                    raise jinja2.exceptions.SecurityError(f"the power {operator} is too large")
            elif _product_too_big(left, right):
                raise jinja2.exceptions.SecurityError(
                    f"a repeated string or list longer than {MAX_PRODUCT:,} items"
                )
            return super().call_binop(context, operator, left, right)

    env = LimitedSandbox(
        bytecode_cache=_bytecode_cache(),
        loader=jinja2.FileSystemLoader(search),
        autoescape=False,  # we write prose, not HTML; renderers escape for their format
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,  # a missing value is a bug, not an empty gap
    )
    return env


def _power_too_big(left, right) -> bool:
    if not isinstance(left, (int, float)) or not isinstance(right, (int, float)):
        return False
    if isinstance(left, float) or isinstance(right, float) or right < 0:
        return False  # float powers overflow to an error, they do not run for ever
    return abs(left) > 1 and right * max(abs(left).bit_length(), 1) > MAX_POWER_BITS


def _product_too_big(left, right) -> bool:
    for seq, n in ((left, right), (right, left)):
        if isinstance(seq, (str, bytes, list, tuple)) and isinstance(n, int) and not isinstance(n, bool):
            return len(seq) * n > MAX_PRODUCT
    return False


def _bytecode_cache():
    """Compiled templates kept between runs: compiling them is most of a letter's start-up.

    Jinja2 keys each entry by the template's name and source checksum, so an edited or
    user-supplied template is compiled afresh. No cache (still correct) if the folder
    cannot be made.
    """
    from appeal.resources import user_cache_dir

    folder = user_cache_dir() / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    if not os.access(folder, os.W_OK):
        return None
    return _seeded_cache_class()(str(folder))


SHIPPED_BYTECODE = Path(__file__).resolve().parent / "data" / "cache" / "jinja"


@lru_cache(maxsize=1)
def _seeded_cache_class():
    """A bytecode cache whose shipped templates' entries do not depend on where the package is
    installed, and which falls back to the entries shipped in appeal/data/cache/jinja (made by
    `python -m appeal.cli.release`), so a first run does not compile the letter templates.
    Jinja checks each entry's source checksum and Python version, so a stale or foreign one is
    just a miss."""
    import jinja2

    shipped_root = str(shipped_dir("templates"))

    class SeededBytecodeCache(jinja2.FileSystemBytecodeCache):
        def get_cache_key(self, name, filename=None):
            if filename and os.path.abspath(filename).startswith(shipped_root + os.sep):
                filename = "shipped"  # the same key wherever the package lives
            return super().get_cache_key(name, filename)

        def load_bytecode(self, bucket):
            super().load_bytecode(bucket)
            if bucket.code is None:
                try:
                    with open(SHIPPED_BYTECODE / (self.pattern % bucket.key), "rb") as fh:
                        bucket.load_bytecode(fh)
                except OSError:
                    pass

    return SeededBytecodeCache


def render(name: str, *, template_dir: str | None = None, **context) -> str:
    """Render templates/<name> with `context`; template errors become one clear line."""
    with template_errors(name):
        return environment(template_dir).get_template(name).render(**context)


def _template_line(exc: BaseException, name: str) -> str:
    """' line N' of the template where exc was raised, when the traceback says."""
    tb = exc.__traceback__
    line = None
    while tb is not None:
        fname = tb.tb_frame.f_code.co_filename
        if fname.endswith(name) or fname == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return f" line {line}" if line else ""


@contextmanager
def template_errors(name: str):
    """Turn what a (possibly user-supplied) template can get wrong into one-line UserErrors.

    Beyond Jinja's own errors: a render that runs too long, recursion, a file that is not
    UTF-8, and, when the user gave a template folder, any error the template's own code
    raises (division by zero, a huge range, a wrong type): that is the user's template
    failing, not ours.
    """
    import jinja2

    try:
        # only a user's template can loop for ever; the shipped ones skip the timer's cost
        with time_limit(RENDER_SECONDS if _USER_DIRS else 0):
            yield
    except TimeUp:
        raise UserError(
            f"template {name}: rendering took longer than {RENDER_SECONDS:g} seconds "
            "(a loop too large?); simplify the template"
        ) from None
    except RecursionError:
        raise UserError(f"template {name}: it recurses too deeply (a macro or include calling itself?)") from None
    except UnicodeDecodeError:
        raise UserError(f"template {name} is not UTF-8 text; save it as UTF-8") from None
    except jinja2.TemplateNotFound:
        raise UserError(f"template {name!r} not found (looked in --template-dir, then the shipped templates)") from None
    except jinja2.TemplateSyntaxError as exc:
        raise UserError(f"template {exc.name or name} line {exc.lineno}: {exc.message}") from None
    except jinja2.exceptions.SecurityError as exc:
        raise UserError(f"template {name}: not allowed in the sandbox: {exc}") from None
    except jinja2.UndefinedError as exc:
        raise UserError(f"template {name}: {exc.message}") from None
    except UserError:
        raise
    except (OverflowError, MemoryError) as exc:  # range() beyond the sandbox's limit, ...
        raise UserError(f"template {name}{_template_line(exc, name)}: {exc}") from None
    except Exception as exc:
        if not _USER_DIRS:
            raise  # a shipped template failing is our bug: let the CLI say so
        raise UserError(
            f"template {name}{_template_line(exc, name)}: {type(exc).__name__}: {exc} "
            "(in a template from --template-dir)"
        ) from None
