"""The state file's format version, in a module light enough to import before the UI."""

SCHEMA_VERSION = 2
"""The version this durf writes. Older files are migrated, newer ones refused.

Version 2 added the exercise kind ``quadrant`` to the history. Its documents differ
from version 1 only in what they may hold, so the migration changes no data; the
number is what makes a durf that knows only version 1 refuse such a file plainly
instead of moving it aside as unreadable.
"""
