"""The practice session: its plan, the conductor of its parts, and each part."""
