"""Impactbot: the command line and the settings that tie the packages together."""

__version__ = "0.1.0"
