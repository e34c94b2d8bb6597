"""Text similarity shared by the DUP rules: term profiles, idf-weighted cosine, candidate pairs, sketches.

Comparison text is normalised once (case, quotes, punctuation; citation markers are already out
of block text) and reduced to stemmed content terms. Abbreviations the article defines, as in
"haematopoietic stem cell transplantation (HSCT)", are expanded, so a later "HSCT" compares equal
to the words it stands for.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from itertools import accumulate

from linter.text import content_terms

_DEFINITION = re.compile(r"\(([A-Z][A-Za-z0-9-]{1,9})\)")
_WORDS_BEFORE = re.compile(r"[A-Za-z][\w-]*")


def abbreviations(texts: Iterable[str]) -> dict[str, str]:
    """Abbreviations defined in the texts: 'hsct' -> 'Hematopoietic stem cell transplantation'."""
    found: dict[str, str] = {}
    for text in texts:
        if "(" not in text:
            continue
        for m in _DEFINITION.finditer(text):
            words, abbr = _WORDS_BEFORE.findall(text[max(0, m.start() - 120) : m.start()])[-8:], m.group(1)
            initials = [c for c in abbr if c.isupper()]
            if len(initials) < 2 or len(initials) > len(words):
                continue
            expansion = words[-len(initials) :]
            if all(w[0].upper() == c for w, c in zip(expansion, initials, strict=True)):
                found.setdefault(abbr.lower(), " ".join(expansion))
    return found


def expander(abbr: dict[str, str]) -> Callable[[str], str]:
    """A function that writes each defined abbreviation out in full: one pattern for the article."""
    if not abbr:
        return str  # str(text) is the text itself
    pattern = re.compile(r"\b(" + "|".join(re.escape(a) for a in abbr) + r")\b", re.I)
    return partial(pattern.sub, lambda m: abbr[m.group(1).lower()])


def profiles(texts: Iterable[str], abbr: dict[str, str]) -> list[frozenset[str]]:
    """Each text's content terms, its abbreviations written out."""
    full = expander(abbr)
    return [frozenset(content_terms(full(text))) for text in texts]


class IdfSpace:
    """Inverse document frequencies over a set of term profiles, and the cosine they induce."""

    def __init__(self, profiles: Sequence[frozenset[str]]) -> None:
        df = self.df = Counter(t for p in profiles for t in p)
        n = max(1, len(profiles))
        self.idf = {t: math.log((n + 1) / (c + 0.5)) for t, c in df.items()}
        # fsum: the exact sum, whatever order the set yields its terms in (string hashes differ per
        # process), so tied pairs tie exactly and a score never depends on the process
        self.weights = [math.fsum(map(self.idf.__getitem__, p)) for p in profiles]
        self.profiles = profiles

    def cosine(self, i: int, j: int) -> float:
        a, b = self.profiles[i], self.profiles[j]
        if not self.weights[i] or not self.weights[j]:
            return 0.0
        idf = self.idf
        shared = math.fsum(map(idf.__getitem__, a & b))
        return shared / math.sqrt(self.weights[i] * self.weights[j])

    def scored_pairs(
        self, partners: Sequence[Iterable[int]], min_terms: int, floor: Callable[[int], float]
    ) -> Iterator[tuple[int, int, float]]:
        """(i, j, cosine) for each i and each j of ``partners[i]`` (j > i) whose shorter profile has at
        least ``min_terms`` terms and whose cosine reaches ``floor(shorter)``. The same scores as
        ``cosine``, in one tight loop that intersects only the pairs a bound cannot rule out: the
        number of shared terms (a bit count) times the heaviest terms each profile has (most
        candidate pairs share only a few light words). The bound is compared with a tolerance far
        above rounding, so it never rules out a pair that scores; the score itself is computed as
        ``cosine`` computes it."""
        profiles, weights, idf = self.profiles, self.weights, self.idf
        lengths = [len(p) for p in profiles]
        roots = [math.sqrt(w) for w in weights]
        masks, heaviest = self._term_masks()
        floors = {n: floor(n) for n in set(lengths) if n >= min_terms}
        fsum, sqrt, weight_of = math.fsum, math.sqrt, idf.__getitem__
        for i, js in enumerate(partners):
            li, wi = lengths[i], weights[i]
            if li < min_terms or not wi:
                continue
            mask_i, heaviest_i, profile_i, root_i = masks[i], heaviest[i], profiles[i], roots[i]
            for j in js:
                lj = lengths[j]
                if lj < min_terms or not weights[j]:
                    continue
                least = floors[li if li < lj else lj]
                common = (mask_i & masks[j]).bit_count()
                bound = heaviest_i[common] if heaviest_i[common] < heaviest[j][common] else heaviest[j][common]
                if bound * (1 + 1e-9) < least * root_i * roots[j]:
                    continue
                norm = sqrt(wi * weights[j])
                score = fsum(map(weight_of, profile_i & profiles[j])) / norm
                if score >= least:
                    yield i, j, score

    def _term_masks(self) -> tuple[list[int], list[list[float]]]:
        """Each profile as a bit mask over the terms, and the running sums of its term weights, heaviest
        first (``heaviest[i][k]``: the most that any k of its terms can weigh)."""
        bit = {t: 1 << n for n, t in enumerate(self.idf)}
        masks, heaviest = [], []
        for p in self.profiles:
            masks.append(sum(map(bit.__getitem__, p)))
            heaviest.append([0.0, *accumulate(sorted(map(self.idf.__getitem__, p), reverse=True))])
        return masks, heaviest

    def candidate_partners(self, keys_per_item: int = 12, max_postings: int = 60, min_terms: int = 0) -> list[set[int]]:
        """For each item, the later items sharing one of its rarest terms; common terms are not keys.

        Bounded postings keep this near-linear in the number of items, not quadratic. An item with
        fewer than ``min_terms`` terms still takes its place in the postings (the candidates of the
        others do not change) but gets no partners of its own: scored_pairs with the same
        ``min_terms`` never compares it."""
        # rarest first (idf falls as document frequency rises), ties by term: no hash order. Two stable
        # sorts with C-level keys: by term, then by frequency
        order = {t: rank for rank, t in enumerate(sorted(sorted(self.df), key=self.df.__getitem__))}
        rank = order.__getitem__
        postings: dict[str, list[int]] = defaultdict(list)
        keys: list[list[tuple[list[int], int]]] = []  # each item's postings and its place in them
        for i, p in enumerate(self.profiles):
            mine = []
            for term in sorted(p, key=rank)[:keys_per_item]:
                items = postings[term]
                mine.append((items, len(items)))
                items.append(i)
            keys.append(mine)
        # items join postings in increasing order: the ones after an item's place are the later items
        return [
            set().union(*(items[at + 1 :] for items, at in mine if len(items) <= max_postings))
            if len(p) >= min_terms
            else set()
            for p, mine in zip(self.profiles, keys, strict=True)
        ]


def shingle_hashes(words: Sequence[str], k: int = 3) -> set[int]:
    """CRC-32 hashes of the word k-shingles (stable across processes, unlike ``hash``): the UTF-8 of
    the k words joined by spaces. Each word is encoded once and the shingles joined as bytes (the
    same bytes as encoding the joined text), all in C-level iteration."""
    if len(words) < k:
        return {zlib.crc32(" ".join(words).encode())} if words else set()
    encoded = [w.encode() for w in words]
    return set(map(zlib.crc32, map(b" ".join, zip(*(encoded[i:] for i in range(k)), strict=False))))


def sketch(hashes: set[int], size: int = 8) -> tuple[int, ...]:
    """Bottom-k MinHash sketch: the ``size`` smallest shingle hashes.

    Two sets with Jaccard similarity J share their minimum with probability J; indexing each
    paragraph under its ``size`` smallest values finds near-identical pairs without comparing
    every pair, in one hash per shingle (a k-permutation MinHash would need k per shingle).
    """
    return tuple(sorted(hashes)[:size])  # what heapq.nsmallest gives, at C speed on a paragraph's few dozen
