"""The offline extractor: reads language, not templates. No network, no model, deterministic.

A message is cut into sentences and clauses (``text``); detectors per event type (``deals``,
``growth``, ``company``) read a clause for a trigger and the figures and names that make it an
event; vetoes (``modality``, ``subject``, ``chatter``) reject what did not happen to us: plans,
hypotheticals, negations, questions, rumours, old news, quoted or templated text, third parties'
news, and a team's chatter (to-dos, goals, jokes, tests, PR lines, signatures). Mentions
of one event within a batch are merged by a fingerprint of their identity metrics.
"""

from signalpipe.extract.rules.extractor import RulesExtractor

__all__ = ["RulesExtractor"]
