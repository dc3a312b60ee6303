"""The exit statuses every ``durf`` command returns, so scripts can tell them apart."""

EXIT_OK = 0
EXIT_PROBLEM = 1
"""Something in the home or in a file stopped the command; the message says what."""
EXIT_USAGE = 2
"""durf was asked for what it cannot do: a bad command line (argparse's own status), or
the app started without a terminal to draw in."""
