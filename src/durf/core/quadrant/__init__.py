"""The core quadrant: its exercise file, and a walk through it as practice."""
