"""The command line: `appeal COMMAND ...` (contract: design.md, "Command contract").

One error path for every command: bad input or usage prints one line on stderr,
`appeal: error: ...`, and exits 2. Nothing below the CLI prints tracebacks for bad input;
it raises `appeal.errors.UserError`. Each command lives in its own small module
(`cmd_*.py`), which imports its machinery lazily so that start-up stays quick.
"""

from __future__ import annotations

import os
import sys

from appeal import regex_cache

regex_cache.install()  # before any module compiles its patterns: see appeal/regex_cache.py

import typer  # noqa: E402

from appeal.errors import UserError  # noqa: E402

# typer up to 0.25 uses click itself; from 0.26 it carries its own copy of click.
try:
    from typer._click.exceptions import ClickException as _ClickException
except ImportError:  # pragma: no cover - depends on the installed typer
    from click.exceptions import ClickException as _ClickException

app = typer.Typer(
    name="appeal",
    help="Challenge a UK Freedom of Information refusal: find its weaknesses in law, "
    "work out every deadline, and write the review request or Commissioner complaint.",
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion for the user's shell
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            print(f"appeal {version('appeal')}")
        except PackageNotFoundError:  # pragma: no cover - run from a bare checkout
            print("appeal (not installed)")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", help="Print the version and exit.",
                                 callback=_version, is_eager=True),
) -> None:
    """Challenge a UK Freedom of Information refusal: find its weaknesses in law, work out every
    deadline, and write the review request or Commissioner complaint."""


# Registering the commands: each module adds its command(s) to `app` on import. Only the
# module of the command being run is imported (typer inspects every registered command's
# signature at start-up, ~1 ms each); help, completion and unknown commands get them all.
MODULES = {
    "deadlines": "cmd_deadlines",
    "parse": "cmd_parse",
    "check": "cmd_check",
    "review": "cmd_letters",
    "complaint": "cmd_letters",
    "scan": "cmd_scan",
    "rules": "cmd_catalogue",
    "precedents": "cmd_catalogue",
}
ORDER = tuple(MODULES)  # the order `appeal --help` lists them in


def register(command: str | None = None) -> None:
    """Import the module of `command`, or of every command (None or unknown)."""
    import importlib

    wanted = [MODULES[command]] if command in MODULES else list(dict.fromkeys(MODULES.values()))
    for name in wanted:
        importlib.import_module(f"appeal.cli.{name}")
    rank = {name: i for i, name in enumerate(ORDER)}
    app.registered_commands.sort(key=lambda c: rank.get(c.name or "", len(rank)))


def _one_line(message: str) -> str:
    from appeal.ingest.guards import terminal_safe  # names in messages may be anyone's

    return terminal_safe(" ".join(str(message).split()))


class _TerminalSafe:
    """A text stream that never passes on control characters (escape sequences in a file's
    name, an attachment's name, a JSON field...): they become U+FFFD. Line feeds and tabs
    pass; the binary `.buffer` (a Word letter to standard output) is untouched."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text):
        if isinstance(text, str):
            from appeal.ingest.guards import terminal_safe

            text = terminal_safe(text)
        return self._stream.write(text)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def __getattr__(self, name):
        return getattr(self._stream, name)


def main(argv: list[str] | None = None) -> None:
    """Entry point for the `appeal` script and `python -m appeal`."""
    args = sys.argv[1:] if argv is None else argv
    out, err = sys.stdout, sys.stderr
    safe_out = _TerminalSafe(out) if out is not None else None
    safe_err = _TerminalSafe(err) if err is not None else None
    sys.stdout, sys.stderr = safe_out, safe_err
    try:
        _run(args)
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): not an error of ours.
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        sys.exit(0)
    finally:
        if sys.stdout is safe_out:
            sys.stdout = out
        if sys.stderr is safe_err:
            sys.stderr = err


def _run(args: list[str]) -> None:
    completing = bool(os.environ.get("_APPEAL_COMPLETE"))
    register(None if completing or not args else args[0])
    command = typer.main.get_command(app)
    if not args and not os.environ.get("_APPEAL_COMPLETE"):  # bare `appeal`: the help, as a success
        # (with _APPEAL_COMPLETE set, the shell is asking for completions: click answers them)
        with command.make_context("appeal", ["--help"], resilient_parsing=True) as ctx:
            print(command.get_help(ctx))
        sys.exit(0)
    try:
        rc = command.main(args=args, prog_name="appeal", standalone_mode=False)
    except UserError as exc:
        print(f"appeal: error: {_one_line(str(exc))}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except typer.Exit as exc:
        sys.exit(getattr(exc, "exit_code", 0))
    except typer.Abort:
        print("appeal: aborted", file=sys.stderr)
        sys.exit(130)
    except _ClickException as exc:  # click's usage errors
        fmt = getattr(exc, "format_message", None)
        msg = fmt() if fmt else str(exc)
        cmd = getattr(getattr(exc, "ctx", None), "command_path", "appeal")
        print(f"appeal: error: {_one_line(msg)} (see '{cmd} --help')", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("appeal: interrupted", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:
        raise
    except Exception as exc:  # a bug of ours: one line, the traceback only on request
        if os.environ.get("APPEAL_DEBUG"):
            raise
        print(
            f"appeal: internal error: {type(exc).__name__}: {_one_line(str(exc))} "
            "(set APPEAL_DEBUG=1 to see the traceback, and please report it)",
            file=sys.stderr,
        )
        sys.exit(1)
    sys.exit(rc if isinstance(rc, int) else 0)
