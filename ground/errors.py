"""Named errors the command line turns into one clean Dutch sentence (no stack trace)."""


class ImpactbotError(Exception):
    """Base class: str(error) is a complete Dutch message for the person at the keyboard."""


class SettingsError(ImpactbotError):
    """A setting is missing or invalid."""
