"""A small learned message scorer: which messages are worth an LLM's tokens (see model.py).

``score(text)`` is the shipped model's P(the message states a business event); a model trained
on a subset of the corpus is loaded with ``MessageScorer.load(path)`` or built in memory by
``train.train`` / ``train.train_without`` (the leave-one-source-out figures in bench/triage.py).
"""

from signalpipe.extract.learned.model import MessageScorer, ModelFileError, default_scorer, score

__all__ = ["MessageScorer", "ModelFileError", "default_scorer", "score"]
