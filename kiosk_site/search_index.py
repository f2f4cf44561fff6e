"""Client-side search index, split so that a small edit changes few bytes.

Per locale: `search/<locale>/meta.json` (shard counts), term shards
`t/<n>.json` chosen by FNV-1a of the term (a query fetches one small file per
token), and document shards `d/<n>.json` chosen by page id (title, URL, snippet).
Postings are page ids (stable across edits), split into title and body hits and
delta-encoded; they carry no term frequencies, so an edit only touches the
shards of terms it adds or removes and the shard holding its own document.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from .render import page_url
from .segment import fnv1a, tokens

INDEX_VERSION = 1
SNIPPET_CHARS = 160


def _pow2(n: float, lo: int, hi: int) -> int:
    size = lo
    while size < n and size < hi:
        size *= 2
    return size


def _deltas(ids: list[int]) -> list[int]:
    out, prev = [], 0
    for i in ids:
        out.append(i - prev)
        prev = i
    return out


def _dump(value: Any) -> bytes:
    return json.dumps(
        value, ensure_ascii=False, separators=(",", ":"), sort_keys=True
    ).encode("utf-8")


def locale_index(pages: list[dict[str, Any]], locale: str) -> dict[str, bytes]:
    """Index files of one locale, relative to the site root."""
    title_hits: dict[str, set[int]] = defaultdict(set)
    body_hits: dict[str, set[int]] = defaultdict(set)
    docs: dict[int, list[Any]] = {}
    for page in pages:
        if page["type"] == "home":
            continue
        pid = page["id"]
        title = set(tokens(page["title"]))
        for tok in title:
            title_hits[tok].add(pid)
        for tok in set(tokens(page["search_text"])) - title:
            body_hits[tok].add(pid)
        snippet = page["summary"] if page["summary"] != page["title"] else ""
        docs[pid] = [
            page["title"],
            page_url(page),
            snippet[:SNIPPET_CHARS],
            page["type"],
        ]
    vocab = sorted(set(title_hits) | set(body_hits))
    n_shards = _pow2(len(vocab) / 16, 16, 4096)
    n_doc_shards = _pow2(len(docs) / 4, 8, 1024)
    shards: dict[int, dict[str, list[list[int]]]] = defaultdict(dict)
    for term in vocab:
        shards[fnv1a(term) % n_shards][term] = [
            _deltas(sorted(title_hits.get(term, ()))),
            _deltas(sorted(body_hits.get(term, ()))),
        ]
    doc_shards: dict[int, dict[str, list[Any]]] = defaultdict(dict)
    for pid, doc in docs.items():
        doc_shards[pid % n_doc_shards][str(pid)] = doc
    base = f"search/{locale}/"
    files = {
        base + "meta.json": _dump(
            {
                "v": INDEX_VERSION,
                "shards": n_shards,
                "doc_shards": n_doc_shards,
                "docs": len(docs),
            }
        )
    }
    for n, terms in shards.items():
        files[f"{base}t/{n}.json"] = _dump(terms)
    for n, entries in doc_shards.items():
        files[f"{base}d/{n}.json"] = _dump(entries)
    return files


def search_index_files(data: dict[str, Any]) -> dict[str, bytes]:
    """Every index file of the snapshot, relative path -> bytes."""
    by_locale: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for page in data["pages"]:
        by_locale[page["locale"]].append(page)
    files: dict[str, bytes] = {}
    for loc in data["locales"]:
        files.update(locale_index(by_locale.get(loc["code"], []), loc["code"]))
    return files


def index_search(files: dict[str, bytes], locale: str, query: str) -> list[int]:
    """Page ids matching every query token, best first (the browser's algorithm).

    For tests and tools; the kiosk runs the same steps in static/search.js.
    """
    import math

    from .segment import query_tokens

    base = f"search/{locale}/"
    meta = json.loads(files[base + "meta.json"])
    scores: dict[int, float] | None = None
    for tok in query_tokens(query):
        shard = json.loads(
            files.get(f"{base}t/{fnv1a(tok) % meta['shards']}.json", b"{}")
        )
        if tok not in shard:
            return []
        title, body = ([sum(p[: i + 1]) for i in range(len(p))] for p in shard[tok])
        idf = math.log(1 + meta["docs"] / (len(title) + len(body)))
        hits = {pid: idf for pid in body} | {pid: 3 * idf for pid in title}
        scores = (
            hits
            if scores is None
            else {pid: s + hits[pid] for pid, s in scores.items() if pid in hits}
        )
    if not scores:
        return []
    return sorted(scores, key=lambda pid: (-scores[pid], pid))
