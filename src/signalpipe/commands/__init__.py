"""CLI commands, grouped by what they touch; each module attaches its commands to cli.app."""
