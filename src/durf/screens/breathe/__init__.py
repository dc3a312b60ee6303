"""Breathing before speaking: check-in, setup, the orb, the sentence, rehearsal, check-out."""
