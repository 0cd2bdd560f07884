"""Investor alerts: rules over stored events and KPIs -> webhook, Slack, SMTP, once each."""
