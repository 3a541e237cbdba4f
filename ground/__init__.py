"""The ground floor: what every layer may import (the error base, the settings model)."""
