"""Small steps: the weekly board, the five-step guide, the step form, the look back."""
