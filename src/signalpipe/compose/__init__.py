"""Stored events in, an investor update email out."""
