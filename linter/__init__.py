"""medlint: content and citation integrity checks for health articles."""

__version__ = "0.1.0"
VERSION_LINE = f"medlint {__version__}"  # what `medlint --version` prints (linter.entry answers it first)
