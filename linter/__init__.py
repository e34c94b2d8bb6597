"""medlint: content and citation integrity checks for health articles."""

__version__ = "0.1.0"
