"""The `newslint` command: the CLI, run in this process by the engine's own code.

`pip install newslint` installs it as a console script; `python -m newslint`
runs it too. Arguments, output, and exit codes (0 clean, 1 findings, 2 an
input or the configuration could not be read) are the binary's.
"""

from __future__ import annotations

import signal
import sys

from . import _native


def main() -> None:
    """Run ``newslint`` with ``sys.argv`` and exit with its exit code."""
    # As a native program: Ctrl-C ends the process at once (`check` installs
    # its own handler that removes a half-written --output file first).
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    sys.exit(_native.main(["newslint", *sys.argv[1:]]))


if __name__ == "__main__":
    main()
