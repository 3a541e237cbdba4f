"""Demo data: a realistic year of reports, quotes and kengetallen, and demo people."""
