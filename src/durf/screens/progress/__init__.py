"""Progress: the dashboard with its charts, the history and one entry."""
