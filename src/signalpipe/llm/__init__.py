"""Chat clients for LLM providers behind one seam (``base.ChatClient``) and one retry policy.

``base`` holds the seam and the request/reply values; ``retry`` decides whether to try again and
maps HTTP and transport failures to ``ProviderError`` for every provider; ``gemini`` and
``openai_compat`` each translate a request into one SDK call. ``extract/`` and ``compose/`` both
use this package; neither imports the other. Clients are chosen in ``signalpipe.backends``.
"""
