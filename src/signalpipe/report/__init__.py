"""Run reports and quality evaluation."""
