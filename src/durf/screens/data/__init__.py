"""Your data: the settings (with forgetting everything) and the export dialog."""
