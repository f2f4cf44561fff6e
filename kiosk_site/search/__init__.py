"""Offline search: the tokenizer shared with the kiosk's JavaScript and the
per-locale index files a release ships.

Owns word segmentation and folding (`segment`: Vietnamese tones, Lao and
Khmer clusters, Chinese characters) and the index format with its
incremental updates (`index`). Imports `kiosk_site.snapshot` and the standard
library only; the build imports it, never the reverse.
"""

from kiosk_site.search.index import index_search, search_index_files
from kiosk_site.search.segment import distinct_tokens, fold, query_tokens, tokens

__all__ = [
    "distinct_tokens",
    "fold",
    "index_search",
    "query_tokens",
    "search_index_files",
    "tokens",
]
