"""Parsers: the only code that knows about Markdown, plain text and HTML."""
