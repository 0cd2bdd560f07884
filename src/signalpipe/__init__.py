"""signalpipe: a startup's Slack and email traffic in, investor-ready signals out."""

__version__ = "0.1.0"
