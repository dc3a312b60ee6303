"""Two computers: the conflict copies sync tools leave, and taking them in."""
