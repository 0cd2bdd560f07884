"""Sample-data tooling, not the data path: the generator, its writers, truth and evaluation.

``generate`` (the entry point) draws ``traffic`` from a seed's ``world`` and the event ``kinds``
(words from ``vocab``) and writes rows and ``truth``; ``writers`` turn rows into a Slack export
or an mbox; ``evaluation`` scores stored events against the truth.
"""
