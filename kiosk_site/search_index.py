"""Client-side search index, split so that a small edit changes few bytes.

Per locale, under `search/<locale>/`:
- `meta.json`: shard counts, document count and the list of frequent terms;
- `t/<n>.json`: rare terms, sharded by FNV-1a of the term (one small file per
  query token);
- `h/<hash>-<b>.json`: each frequent term's postings split into blocks by page
  id, so adding a page to a frequent term rewrites one block, not the list;
- `d/<n>.json`: title, URL and snippet of the pages, sharded by page id.
Postings are page ids (stable across edits), split into title and body hits and
delta-encoded; they carry no term frequencies, so an edit only touches the
files of terms it adds or removes and the shard holding its own document.
"""

from __future__ import annotations

import functools
import hashlib
import json
import pickle
from collections import defaultdict
from pathlib import Path
from typing import Any

from .render import page_url
from .segment import fnv1a, tokens

INDEX_VERSION = 2
SNIPPET_CHARS = 160
BLOCK = 512  # postings per file a frequent term is split into (about)
MAX_BLOCKS = 2


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


def page_terms(page: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(title terms, other terms) of one page, each sorted and distinct."""
    title = set(tokens(page["title"]))
    return sorted(title), sorted(set(tokens(page["search_text"])) - title)


def locale_index(
    pages: list[dict[str, Any]],
    locale: str,
    terms_cache: dict[str, tuple[list[str], list[str]]] | None = None,
) -> dict[str, bytes]:
    """Index files of one locale, relative to the site root.

    `terms_cache` maps page content hashes to their terms, so a rebuild only
    tokenizes pages that changed (it is updated in place).
    """
    if terms_cache is None:
        terms_cache = {}
    title_hits: dict[str, set[int]] = defaultdict(set)
    body_hits: dict[str, set[int]] = defaultdict(set)
    docs: dict[int, list[Any]] = {}
    for page in pages:
        if page["type"] == "home":
            continue
        pid = page["id"]
        terms = terms_cache.get(page["content_hash"])
        if terms is None:
            terms = terms_cache[page["content_hash"]] = page_terms(page)
        for tok in terms[0]:
            title_hits[tok].add(pid)
        for tok in terms[1]:
            body_hits[tok].add(pid)
        snippet = page["summary"] if page["summary"] != page["title"] else ""
        docs[pid] = [
            page["title"],
            page_url(page),
            snippet[:SNIPPET_CHARS],
            page["type"],
        ]
    vocab = sorted(set(title_hits) | set(body_hits))
    df = {t: len(title_hits.get(t, ())) + len(body_hits.get(t, ())) for t in vocab}
    heavy = {t: _pow2(df[t] / BLOCK, 2, MAX_BLOCKS) for t in vocab if df[t] > BLOCK}
    light_postings = sum(df[t] for t in vocab if t not in heavy)
    n_shards = _pow2(light_postings / BLOCK, 8, 4096)
    n_doc_shards = _pow2(len(docs) / 8, 8, 1024)
    base = f"search/{locale}/"
    files: dict[str, bytes] = {}
    shards: dict[int, dict[str, list[list[int]]]] = defaultdict(dict)
    for term in vocab:
        title = sorted(title_hits.get(term, ()))
        body = sorted(body_hits.get(term, ()))
        blocks = heavy.get(term)
        if blocks is None:
            shards[fnv1a(term) % n_shards][term] = [_deltas(title), _deltas(body)]
            continue
        for b in range(blocks):
            files[f"{base}h/{fnv1a(term):08x}-{b}.json"] = _dump(
                {
                    term: [
                        _deltas([i for i in title if i % blocks == b]),
                        _deltas([i for i in body if i % blocks == b]),
                    ]
                }
            )
    doc_shards: dict[int, dict[str, list[Any]]] = defaultdict(dict)
    for pid, doc in docs.items():
        doc_shards[pid % n_doc_shards][str(pid)] = doc
    files[base + "meta.json"] = _dump(
        {
            "v": INDEX_VERSION,
            "shards": n_shards,
            "doc_shards": n_doc_shards,
            "docs": len(docs),
            "heavy": heavy,
        }
    )
    for n, terms in shards.items():
        files[f"{base}t/{n}.json"] = _dump(terms)
    for n, entries in doc_shards.items():
        files[f"{base}d/{n}.json"] = _dump(entries)
    return dict(sorted(files.items()))


def _postings(files: dict[str, bytes], base: str, meta: dict, tok: str):
    """(title ids, body ids) of one token, or None; as static/search.js does."""
    blocks = meta["heavy"].get(tok)
    if blocks:
        parts = [
            json.loads(files[f"{base}h/{fnv1a(tok):08x}-{b}.json"])[tok]
            for b in range(blocks)
        ]
    else:
        shard = json.loads(
            files.get(f"{base}t/{fnv1a(tok) % meta['shards']}.json", b"{}")
        )
        if tok not in shard:
            return None
        parts = [shard[tok]]
    undelta = [[sum(p[: i + 1]) for i in range(len(p))] for part in parts for p in part]
    return (
        [i for k, ids in enumerate(undelta) if k % 2 == 0 for i in ids],
        [i for k, ids in enumerate(undelta) if k % 2 == 1 for i in ids],
    )


@functools.cache
def _code_hash() -> str:
    """Cached indexes are only valid for the code that made them."""
    here = Path(__file__).parent
    code = (here / "search_index.py").read_bytes() + (here / "segment.py").read_bytes()
    return hashlib.sha256(code).hexdigest()


def search_index_files(
    data: dict[str, Any],
    cache_dir: Path | None = None,
    *,
    unchanged: dict[str, int] | None = None,
) -> dict[str, bytes]:
    """Every index file of the snapshot, relative path -> bytes.

    With `cache_dir`, a locale whose pages did not change reuses its files and
    a changed locale re-tokenizes only its changed pages. With `unchanged` too,
    the files of unchanged locales are not returned (they are already in the
    site): their sizes are put in `unchanged` instead, and only a small key
    file is read for them.
    """
    by_locale: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for page in data["pages"]:
        by_locale[page["locale"]].append(page)
    files: dict[str, bytes] = {}
    for loc in data["locales"]:
        code = loc["code"]
        pages = by_locale.get(code, [])
        key = hashlib.sha256(
            f"{_code_hash()}|{code}|".encode()
            + "|".join(p["content_hash"] + page_url(p) for p in pages).encode()
        ).hexdigest()
        cache_file = cache_dir / f"search-{code}.pickle" if cache_dir else None
        key_file = cache_dir / f"search-{code}.key.json" if cache_dir else None
        if key_file and unchanged is not None:
            try:
                known = json.loads(key_file.read_text(encoding="utf-8"))
            except (FileNotFoundError, json.JSONDecodeError):
                known = {}
            if known.get("key") == key:
                unchanged.update(known["sizes"])
                continue
        cached: dict[str, Any] = {}
        if cache_file and cache_file.exists():
            try:
                cached = pickle.loads(cache_file.read_bytes())
            except (pickle.UnpicklingError, EOFError, ValueError):
                cached = {}
        if cached.get("key") == key and "files" in cached:
            files.update(cached["files"])
            continue
        old_terms = cached.get("terms", {})
        terms = {
            p["content_hash"]: old_terms[p["content_hash"]]
            for p in pages
            if p["content_hash"] in old_terms
        }
        made = locale_index(pages, code, terms)
        files.update(made)
        if cache_file and key_file:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            # With `unchanged`, the files are kept in the site itself; the
            # cache needs only the terms of each page.
            kept = {"key": key, "terms": terms}
            if unchanged is None:
                kept["files"] = made
            cache_file.write_bytes(pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL))
            key_file.write_text(
                json.dumps(
                    {"key": key, "sizes": {rel: len(b) for rel, b in made.items()}}
                ),
                encoding="utf-8",
            )
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
        hits_of = _postings(files, base, meta, tok)
        if hits_of is None:
            return []
        title, body = hits_of
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
