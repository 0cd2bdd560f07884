"""Where messages and events are kept."""
