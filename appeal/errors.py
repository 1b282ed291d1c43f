"""The one error type the CLI turns into a single line on stderr and exit code 2."""


class UserError(Exception):
    """Bad input or usage: the message says what was wrong and how to fix it.

    Raise it anywhere below the CLI; `appeal.cli.main` prints `appeal: error: <message>`
    and exits 2. Keep the message to one line.
    """

    exit_code = 2
