"""Digests without ``hashlib``'s import.

``hashlib`` loads OpenSSL (~2 ms, a fifth of an interpreter start) before it can hash anything. The
interpreter has its own compiled-in SHA-1, SHA-256 and BLAKE2 modules, which give the same digests
(they are the standard algorithms) and import in microseconds; OpenSSL's SHA-256 is faster only on
long inputs (~30 against ~150 microseconds for a 50 KB article), so file contents are hashed with
BLAKE2b, ~50 microseconds for 50 KB. Where a module is missing (another interpreter), hashlib's is used.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["blake2b", "content_digest", "sha1", "sha256"]

sha1: Callable[..., Any]
sha256: Callable[..., Any]
blake2b: Callable[..., Any]

try:
    from _sha1 import sha1
except ImportError:  # pragma: no cover - every CPython build has it
    from hashlib import sha1
try:
    from _sha256 import sha256  # Python 3.11
except ImportError:  # pragma: no cover - Python 3.12 and later
    try:
        from _sha2 import sha256
    except ImportError:
        from hashlib import sha256
try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover
    from hashlib import blake2b


def content_digest(data: bytes) -> str:
    """A 256-bit digest of a file's content or of a long key (BLAKE2b)."""
    return blake2b(data, digest_size=32).hexdigest()
