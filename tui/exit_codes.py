"""The exit statuses of ``oases-tui``, in one place: the command line, the
non-interactive commands and the tests all name them from here."""

OK = 0
CRASHED = 1
"""The app stopped on an unexpected error (it says so in two lines on stderr)."""
BAD_INPUT = 2
"""A dataset that can't be used, or a usage mistake: one line per problem on stderr."""
OUTPUT_FAILED = 74
"""The output could not be written (a full disk: ``> /dev/full``): EX_IOERR of sysexits.h."""
INTERRUPTED = 130
"""128 + SIGINT: what the shell reports for a command stopped with ctrl+c."""
BROKEN_PIPE = 141
"""128 + SIGPIPE: what the shell reports for a command whose reader went away (``| head``)."""
