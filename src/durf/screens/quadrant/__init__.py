"""The core quadrant: the walk through its pages, and the quadrant drawn."""
