"""One module per command; each has register(subparsers) and sets `func(args, settings)`."""
