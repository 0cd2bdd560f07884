"""The error hierarchy: every error a user can see is a SignalpipeError with a one-line message."""


class SignalpipeError(Exception):
    """Base of every error signalpipe raises on purpose."""


class ConfigError(SignalpipeError):
    """Settings are missing, unknown or invalid."""


class SourceError(SignalpipeError):
    """An input file or folder cannot be read at all (a single bad row is dead-lettered instead)."""


class StoreError(SignalpipeError):
    """A message or event store failed."""


class BusError(SignalpipeError):
    """The message bus failed."""


class BatchingError(SignalpipeError):
    """The batcher failed."""


class ExtractionError(SignalpipeError):
    """An extractor could not turn a batch into validated events."""



class ReviewError(SignalpipeError):
    """A review decision cannot be recorded: no such event, an ambiguous fingerprint prefix, or
    a decision that makes no sense (an event merged into itself)."""
