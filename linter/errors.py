"""Exit codes and the one exception every command turns into a one-line message and exit 2."""

from __future__ import annotations

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """A usage, configuration or input problem; the message is one line naming what is wrong."""
