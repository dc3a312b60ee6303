"""The domain of durf: pure Python that never imports the user interface."""
