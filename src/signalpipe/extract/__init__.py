"""Batches of messages in, validated and grounded significant events out."""
