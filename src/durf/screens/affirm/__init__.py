"""Affirmations on a timer: choosing, setup, belief, the timed practice, your own."""
