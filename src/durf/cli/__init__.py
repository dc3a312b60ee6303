"""The ``durf`` command line, behind the thin entry point ``durf.__main__``.

Nothing here imports Textual until the app is about to start: ``--help``,
``--version`` and the commands that answer in the shell must be quick in scripts
and prompts. This file imports nothing, so every command pays only for its own room.
"""
