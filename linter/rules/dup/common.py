"""Helpers shared by several DUP rules."""

from __future__ import annotations

from linter.parse.model import Block


def _excerpt(block: Block, limit: int = 60) -> str:
    text = " ".join(block.text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
