"""The exit codes of `labeliq`, a contract other tools rely on, and the CLI's own bad-input error.

0 the command ran (for `check`: whatever the verdicts); 1 an internal error (one line on stderr, the traceback in
the log), or with `check --fail-on` a finding at or above the threshold, or for `submit` a job that did not end
DONE; 2 bad input (the message names the file and the problem: labeliq.intake.IntakeError, or BadInput for what
only the command line can get wrong).
"""

from __future__ import annotations

from labeliq.intake import IntakeError

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2


class BadInput(IntakeError):
    """The command line's input is wrong (an output folder, a stack file, an option); exit 2 like any intake error."""
