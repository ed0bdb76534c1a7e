"""landscape: a command-line explorer of the AI model landscape."""

__version__ = "0.1.0"
