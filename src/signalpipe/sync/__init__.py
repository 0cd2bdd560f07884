"""Live APIs -> Message: incremental syncs that resume from cursors kept in the message store."""
