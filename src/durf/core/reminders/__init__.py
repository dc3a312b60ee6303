"""Reminders: the scheduler's files, putting them in place, and the nudge."""
