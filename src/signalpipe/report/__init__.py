"""Run reports: the markdown summary of a run."""
