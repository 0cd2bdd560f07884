"""Buffers that turn a stream of messages into batches by count and age."""
