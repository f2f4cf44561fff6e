"""Offline search: the tokenizer shared with the kiosk's JavaScript and the
per-locale index files a release ships.

Owns word segmentation and folding (`segment`: Vietnamese tones, Lao and
Khmer clusters, Chinese characters, English stems), the index format with its
incremental updates (`index`) and how a query matches and ranks pages as the
kiosk's script does (`query`: prefixes, typos). Imports `kiosk_site.snapshot`
and the standard library only; the build imports it, never the reverse.
"""

from kiosk_site.search.index import search_index_files
from kiosk_site.search.query import index_search
from kiosk_site.search.segment import (
    distinct_tokens,
    fold,
    query_tokens,
    stem_en,
    tokens,
)

__all__ = [
    "distinct_tokens",
    "fold",
    "index_search",
    "query_tokens",
    "search_index_files",
    "stem_en",
    "tokens",
]
