"""The state file's format version, in a module light enough to import before the UI."""

SCHEMA_VERSION = 1
"""The version this durf writes. Older files are migrated, newer ones refused."""
