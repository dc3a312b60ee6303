"""Reusable pieces of durf's screens."""
