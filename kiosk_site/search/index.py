"""Client-side search index, split so that a small edit changes few bytes.

Per locale, under `search/<locale>/`:
- `meta.json`: shard and bucket counts, document count and the list of
  frequent terms;
- `t/<n>.json`: rare terms, sharded by FNV-1a of the term (one small file per
  query token);
- `h/<bucket>-<b>.json`: the postings of frequent terms, split into blocks by
  page id, so adding a page to a frequent term rewrites one block, not the
  list; the terms are grouped into buckets by FNV-1a (a few per file), as
  creating a file costs more than writing its bytes;
- `d/<n>.json`: title, URL and snippet of the pages, sharded by page id;
- `terms.json`: every term but Chinese ones, grouped by first character and
  sorted, so the search screen can complete the word being typed (prefixes)
  and find the terms one slip of a finger away (see `search/query.py`).
Postings are page ids (stable across edits), split into title and body hits and
delta-encoded; they carry no term frequencies, so an edit only touches the
files of terms it adds or removes, the shard holding its own document, and
`terms.json` when a term appears in or leaves the locale. English terms are
stemmed (`segment.stem_en`), as the queries are.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import json
import operator
import pickle
from collections import defaultdict, deque
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, chain, compress, repeat
from pathlib import Path
from typing import Any

from kiosk_site.search.segment import distinct_tokens, fnv1a, stemmer, term_kind
from kiosk_site.snapshot import page_columns, page_url

INDEX_VERSION = 4
SNIPPET_CHARS = 160
BLOCK = 512  # postings per file a frequent term is split into (about)
MAX_BLOCKS = 2
# Postings of frequent terms per bucket (at least; under twice as many on
# average): 10 to 30 frequent terms of a 1000-page locale, 1 to 6 of a
# 10,000-page one. Sized by postings rather than terms, so that a query token
# fetches about 20 KB however large the locale, while a small locale still
# makes few files (each file created costs more than its bytes).
BUCKET_POSTINGS = 8192
# An edit of more pages than this rebuilds the locale, which costs about as much.
UPDATE_PAGES = 50

# (title terms, other terms) of a page, each distinct.
Terms = tuple[Collection[str], Collection[str]]
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True)
_NONE: tuple[int, ...] = ()


def _pow2(n: float, lo: int, hi: int) -> int:
    size = lo
    while size < n and size < hi:
        size *= 2
    return size


def _deltas(ids: list[int]) -> list[int]:
    return list(map(operator.sub, ids, chain((0,), ids)))


def _dump(value: Any) -> bytes:
    return _ENCODER.encode(value).encode("utf-8")


def _blocks(ids: list[int], blocks: int) -> list[list[int]]:
    """The ids of each block of a frequent term (ids are split by remainder)."""
    if blocks == 1:
        return [ids]
    # One remainder per id as a byte string, then one mask per block made by
    # bytes.translate: every step runs in C.
    remainders = bytes(map(operator.mod, ids, repeat(blocks)))
    return [
        list(compress(ids, remainders.translate(_IS_BLOCK[blocks][b])))
        for b in range(blocks)
    ]


_IS_BLOCK = {
    n: [bytes(int(r == b) for r in range(256)) for b in range(n)]
    for n in range(2, MAX_BLOCKS + 1)
}


def _heavy_buckets(heavy_postings: int) -> int:
    """Buckets of the frequent terms: the largest power of two that gives each
    at least BUCKET_POSTINGS postings on average (min 1)."""
    size = 1
    while size * 2 * BUCKET_POSTINGS <= heavy_postings and size < 4096:
        size *= 2
    return size


def _heavy_file(base: str, term: str, buckets: int, b: int) -> str:
    return f"{base}h/{fnv1a(term) % buckets}-{b}.json"


def _doc(page: dict[str, Any]) -> list[Any]:
    snippet = page["summary"] if page["summary"] != page["title"] else ""
    return [page["title"], page_url(page), snippet[:SNIPPET_CHARS], page["type"]]


def page_terms(page: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(title terms, other terms) of one page, each sorted and distinct."""
    title, other = _page_terms(page)
    return sorted(title), sorted(other)


def _page_terms(page: dict[str, Any]) -> tuple[set[str], set[str]]:
    """As `page_terms`, unordered (indexing does not need the order)."""
    title = distinct_tokens(page["title"])
    other = distinct_tokens(page["search_text"])
    stem = stemmer(page["locale"])
    if stem is not None:
        title = set(map(stem, title))
        other = set(map(stem, other))
    return title, other - title


def _term_list(terms: Collection[str]) -> dict[str, list[str]]:
    """The content of terms.json: the terms that are not Chinese (those are
    matched whole), sorted, grouped by their first character."""
    groups: dict[str, list[str]] = defaultdict(list)
    for term in sorted(terms):
        if term_kind(term) != "han":
            groups[term[0]].append(term)
    return dict(groups)


def _index_files(
    locale: str, terms: dict[int, Terms], docs: dict[int, list[Any]]
) -> tuple[dict[str, bytes], int, dict[str, int]]:
    """Index files of one locale from each page id's terms and document, the
    number of postings kept in the hash shards (which sizes them) and the
    number of postings of each frequent term (which size the buckets)."""
    postings = _term_postings(terms)
    df = {t: len(title) + len(body) for t, (title, body) in postings.items()}
    heavy = {t: _pow2(n / BLOCK, 2, MAX_BLOCKS) for t, n in df.items() if n > BLOCK}
    heavy_postings = sum(df[t] for t in heavy)
    light = sum(df.values()) - heavy_postings
    meta = {
        "v": INDEX_VERSION,
        "shards": _pow2(light / BLOCK, 8, 4096),
        "doc_shards": _pow2(len(docs) / 8, 8, 1024),
        "docs": len(docs),
        "heavy": heavy,
        "heavy_buckets": _heavy_buckets(heavy_postings),
    }
    base = f"search/{locale}/"
    files = {base + "meta.json": _dump(meta)}
    files.update(_term_files(base, postings, meta))
    files.update(_doc_files(base, docs, meta["doc_shards"]))
    term_list = _term_list(postings)
    if term_list:
        files[base + "terms.json"] = _dump(term_list)
    return dict(sorted(files.items())), light, {t: df[t] for t in heavy}


# (title ids, body ids) of each term
_Postings = dict[str, tuple[Sequence[int], Sequence[int]]]


def _term_postings(terms: dict[int, Terms]) -> _Postings:
    """(title ids, body ids) of every term, by term, each list sorted."""
    title_hits: dict[str, list[int]] = defaultdict(list)
    body_hits: dict[str, list[int]] = defaultdict(list)
    # Ids are added in increasing order, so every postings list comes out
    # sorted; the appends run in C (this loop sees every posting).
    consume = deque(maxlen=0).extend
    append = list.append
    for pid in sorted(terms):
        title, body = terms[pid]
        consume(map(append, map(title_hits.__getitem__, title), repeat(pid)))
        consume(map(append, map(body_hits.__getitem__, body), repeat(pid)))
    vocab = sorted(title_hits.keys() | body_hits.keys())
    return {t: (title_hits.get(t, _NONE), body_hits.get(t, _NONE)) for t in vocab}


def _term_files(
    base: str,
    postings: _Postings,
    meta: dict[str, Any],
) -> dict[str, bytes]:
    """The light terms' hash shards and the frequent terms' bucket files."""
    heavy, n_shards, n_buckets = meta["heavy"], meta["shards"], meta["heavy_buckets"]
    shards: dict[int, dict[str, list[list[int]]]] = defaultdict(dict)
    buckets: dict[str, dict[str, list[list[int]]]] = defaultdict(dict)
    for term, (title, body) in postings.items():
        blocks = heavy.get(term)
        if blocks is None:
            shards[fnv1a(term) % n_shards][term] = [_deltas(title), _deltas(body)]
            continue
        for b, (in_title, in_body) in enumerate(
            zip(_blocks(title, blocks), _blocks(body, blocks), strict=True)
        ):
            buckets[_heavy_file(base, term, n_buckets, b)][term] = [
                _deltas(in_title),
                _deltas(in_body),
            ]
    files = {rel: _dump(entries) for rel, entries in buckets.items()}
    for n, entries in shards.items():
        files[f"{base}t/{n}.json"] = _dump(entries)
    return files


def _doc_files(
    base: str, docs: dict[int, list[Any]], n_doc_shards: int
) -> dict[str, bytes]:
    """The documents' shards, by page id."""
    doc_shards: dict[int, dict[str, list[Any]]] = defaultdict(dict)
    for pid, doc in docs.items():
        doc_shards[pid % n_doc_shards][str(pid)] = doc
    return {f"{base}d/{n}.json": _dump(entries) for n, entries in doc_shards.items()}


def _gather(
    pages: list[dict[str, Any]], terms_of: Callable[[dict[str, Any]], Terms]
) -> tuple[dict[int, Terms], dict[int, list[Any]], bool]:
    """Terms and document of each indexed page id; and whether ids repeat (the
    terms of pages sharing an id are merged, the last page's document kept)."""
    terms: dict[int, Terms] = {}
    docs: dict[int, list[Any]] = {}
    repeated = False
    for page in pages:
        if page["type"] == "home":
            continue
        pid = page["id"]
        found = terms_of(page)
        if pid in terms:
            repeated = True
            before = terms[pid]
            found = (
                sorted({*before[0], *found[0]}),
                sorted({*before[1], *found[1]}),
            )
        terms[pid] = found
        docs[pid] = _doc(page)
    return terms, docs, repeated


def locale_index(
    pages: list[dict[str, Any]],
    locale: str,
    terms_cache: dict[str, Terms] | None = None,
) -> dict[str, bytes]:
    """Index files of one locale, relative to the site root.

    `terms_cache` maps page content hashes to their terms, so a rebuild only
    tokenizes pages that changed (it is updated in place).
    """
    cache = {} if terms_cache is None else terms_cache

    def terms_of(page: dict[str, Any]) -> Terms:
        found = cache.get(page["content_hash"])
        if found is None:
            found = cache[page["content_hash"]] = page_terms(page)
        return found

    terms, docs, _repeated = _gather(pages, terms_of)
    return _index_files(locale, terms, docs)[0]


# The state kept between builds for one locale (a pickle of plain values, so
# it loads in about a millisecond): its files, the number of light postings and
# of each frequent term's postings (so an edit reads only the blocks it
# changes), and per page id its content hash, path and terms (newline-joined
# UTF-8, split only for pages that change). None for "pages" when page ids
# repeat.
STATE_VERSION = 3


def _join(terms: Collection[str]) -> bytes:
    return "\n".join(terms).encode("utf-8")


def _split(blob: bytes) -> list[str]:
    return blob.decode("utf-8").split("\n") if blob else []


def _new_state(
    locale: str, pages: list[dict[str, Any]], old: dict[str, Any]
) -> dict[str, Any]:
    """Index one locale from scratch, reusing the terms of unchanged pages."""
    known = old.get("pages") or {}

    def terms_of(page: dict[str, Any]) -> Terms:
        before = known.get(page["id"])
        if before is not None and before[0] == page["content_hash"]:
            return _split(before[2]), _split(before[3])
        return _page_terms(page)

    terms, docs, repeated = _gather(pages, terms_of)
    files, light, heavy_df = _index_files(locale, terms, docs)
    return {
        "version": STATE_VERSION,
        "code": _code_hash(),
        "files": files,
        "light": light,
        "heavy_df": heavy_df,
        "pages": None
        if repeated
        else {
            p["id"]: (
                p["content_hash"],
                p["path"],
                _join(terms[p["id"]][0]),
                _join(terms[p["id"]][1]),
            )
            for p in pages
            if p["type"] != "home"
        },
    }


def _ids(deltas: list[int]) -> set[int]:
    return set(accumulate(deltas))


@dataclass
class _Edit:
    """The indexed pages of a locale by id, and the ids of those an edit adds,
    changes or moves (`edited`) and of those it removes."""

    current: dict[int, dict[str, Any]]
    edited: list[int]
    removed: set[int]

    @property
    def touched(self) -> list[int]:
        return [*self.edited, *self.removed]


@dataclass
class _Update:
    """The index files one update reads and changes: `files` are the state's
    (left alone until the update commits), `opened` the parsed files it read
    (fresh copies it changes in place), `dirty` the paths of those changed."""

    files: dict[str, bytes]
    base: str
    meta: dict[str, Any]
    opened: dict[str, dict[str, Any]] = field(default_factory=dict)
    dirty: set[str] = field(default_factory=set)
    # terms the locale gains (df was 0) and loses (df becomes 0)
    appeared: set[str] = field(default_factory=set)
    left: set[str] = field(default_factory=set)

    def load(self, rel: str) -> dict[str, Any]:
        found = self.opened.get(rel)
        if found is None:
            blob = self.files.get(rel)
            found = self.opened[rel] = json.loads(blob) if blob else {}
        return found

    def write(self) -> dict[str, bytes]:
        """Put the dirty files into `files` (an emptied one is dropped); those
        whose bytes changed."""
        written: dict[str, bytes] = {}
        for rel in sorted(self.dirty):
            content = self.opened[rel]
            if not content:
                self.files.pop(rel, None)
                continue
            blob = _dump(content)
            if self.files.get(rel) != blob:
                self.files[rel] = written[rel] = blob
        return written


# term -> ids leaving and joining its title hits, then its body hits
_Changes = dict[str, tuple[set[int], ...]]


def _update_state(
    state: dict[str, Any],
    pages: list[dict[str, Any]],
    locale: str,
    columns: tuple[list[Any], list[str], list[str], list[str]],
) -> dict[str, bytes] | None:
    """Apply an edit of a few pages to `state`; the files it rewrote.

    Only the files of terms the edited pages gained or lost, their document
    shards and meta.json are read and written. None (and `state` untouched)
    when the edit is large or changes the layout (shard counts, the frequent
    terms): the locale is then rebuilt, which gives the same bytes.
    """
    known = state.get("pages")
    if known is None:
        return None
    edit = _edited_pages(known, pages, columns)
    if edit is None:
        return None
    changes, known_now = _term_changes(known, edit)
    base = f"search/{locale}/"
    update = _Update(
        state["files"], base, json.loads(state["files"][base + "meta.json"])
    )
    counts = _apply_changes(update, changes, state["light"], state["heavy_df"])
    if counts is None or not _layout_holds(update.meta, *counts, len(edit.current)):
        return None
    # Nothing in `state` changed so far: from here on the update goes through.
    _update_docs(update, edit)
    _update_term_list(update)
    return _commit(state, update, edit, known_now, counts)


def _edited_pages(
    known: dict[int, tuple[str, str, bytes, bytes]],
    pages: list[dict[str, Any]],
    columns: tuple[list[Any], list[str], list[str], list[str]],
) -> _Edit | None:
    """The pages the edit adds, changes, moves or removes; None when page ids
    repeat or the edit is too large to update."""
    # The pages' ids, types, paths and hashes (page_columns): every page is
    # looked at, and the columns are cheaper to go through than the pages.
    ids, types, paths, hashes = columns
    current: dict[int, dict[str, Any]] = {}
    edited = []
    rows = zip(ids, types, paths, hashes, pages, strict=True)
    for pid, kind, path, digest, page in rows:
        if kind != "home":
            if pid in current:
                return None
            current[pid] = page
            before = known.get(pid)
            if before is None or before[0] != digest or before[1] != path:
                edited.append(pid)
    removed = known.keys() - current.keys()
    if len(edited) + len(removed) > UPDATE_PAGES:
        return None
    return _Edit(current, edited, removed)


def _term_changes(
    known: dict[int, tuple[str, str, bytes, bytes]], edit: _Edit
) -> tuple[_Changes, dict[int, tuple[str, str, bytes, bytes]]]:
    """The changes of every term the edited pages gained or lost, and the
    state's new entry of each edited page still there."""
    changes: _Changes = defaultdict(lambda: (set(), set(), set(), set()))
    known_now: dict[int, tuple[str, str, bytes, bytes]] = {}
    for pid in edit.touched:
        page = edit.current.get(pid)
        old_terms, new_terms = _terms_before_after(known.get(pid), page)
        for slot in (0, 1):
            was, now = set(old_terms[slot]), set(new_terms[slot])
            for term in was - now:
                changes[term][2 * slot].add(pid)
            for term in now - was:
                changes[term][2 * slot + 1].add(pid)
        if page is not None:
            known_now[pid] = (
                page["content_hash"],
                page["path"],
                _join(new_terms[0]),
                _join(new_terms[1]),
            )
    return changes, known_now


def _terms_before_after(
    before: tuple[str, str, bytes, bytes] | None, page: dict[str, Any] | None
) -> tuple[Terms, Terms]:
    """A page's terms in the state and now (none for a page added or removed)."""
    old_terms = (_split(before[2]), _split(before[3])) if before else ([], [])
    if page is None:
        return old_terms, ([], [])
    if before and before[0] == page["content_hash"]:
        return old_terms, old_terms
    return old_terms, _page_terms(page)


def _apply_changes(
    update: _Update, changes: _Changes, light: int, heavy_df: dict[str, int]
) -> tuple[int, dict[str, int]] | None:
    """Apply the term changes to the light terms' shards and the frequent
    terms' blocks; the new number of light postings and each frequent term's
    postings, or None when a term would change between light and frequent or
    its number of blocks."""
    changed: dict[str, int] = {}  # frequent terms whose df changed
    for term, change in changes.items():
        blocks = update.meta["heavy"].get(term)
        if blocks is None:
            grown = _change_light(update, term, change)
            if grown is None:
                return None
            light += grown
            continue
        new_df = _change_heavy(update, term, blocks, change, heavy_df[term])
        if new_df is None:
            return None
        changed[term] = new_df
    return light, {**heavy_df, **changed}


def _change_light(
    update: _Update, term: str, change: tuple[set[int], ...]
) -> int | None:
    """Apply the change of a light term to its shard; by how many postings it
    grew, or None when it would become frequent."""
    t_out, t_in, b_out, b_in = change
    rel = f"{update.base}t/{fnv1a(term) % update.meta['shards']}.json"
    shard = update.load(rel)
    entry = shard.get(term, ([], []))
    title, body = _ids(entry[0]), _ids(entry[1])
    df = len(title) + len(body)
    title = sorted((title - t_out) | t_in)
    body = sorted((body - b_out) | b_in)
    new_df = len(title) + len(body)
    if new_df > BLOCK:
        return None
    if new_df:
        shard[term] = [_deltas(title), _deltas(body)]
    else:
        shard.pop(term, None)
    if not df and new_df:
        update.appeared.add(term)
    elif df and not new_df:
        update.left.add(term)
    update.dirty.add(rel)
    return new_df - df


def _change_heavy(
    update: _Update, term: str, blocks: int, change: tuple[set[int], ...], df: int
) -> int | None:
    """Apply the change of a frequent term to its blocks; its new number of
    postings, or None when it would become light or take other blocks."""
    t_out, t_in, b_out, b_in = change
    # Only the blocks holding the changed ids are read (the term's df is in
    # the state), and rewritten.
    new_df = df
    for b in {pid % blocks for pid in t_out | t_in | b_out | b_in}:
        rel = _heavy_file(update.base, term, update.meta["heavy_buckets"], b)
        entry = update.load(rel)[term]
        title, body = _ids(entry[0]), _ids(entry[1])
        new_df -= len(title) + len(body)
        title = sorted((title - t_out) | {i for i in t_in if i % blocks == b})
        body = sorted((body - b_out) | {i for i in b_in if i % blocks == b})
        new_df += len(title) + len(body)
        entry[:] = [_deltas(title), _deltas(body)]
        update.dirty.add(rel)
    if new_df <= BLOCK or _pow2(new_df / BLOCK, 2, MAX_BLOCKS) != blocks:
        return None
    return new_df


def _layout_holds(
    meta: dict[str, Any], light: int, heavy_df: dict[str, int], n_docs: int
) -> bool:
    """Whether the shard, bucket and document shard counts stay as they are."""
    return (
        _pow2(light / BLOCK, 8, 4096) == meta["shards"]
        and _heavy_buckets(sum(heavy_df.values())) == meta["heavy_buckets"]
        and _pow2(n_docs / 8, 8, 1024) == meta["doc_shards"]
    )


def _update_docs(update: _Update, edit: _Edit) -> None:
    """Put the edited pages' documents in their shards, and the count of
    documents in meta.json."""
    base, meta = update.base, update.meta
    for pid in edit.touched:
        rel = f"{base}d/{pid % meta['doc_shards']}.json"
        if pid in edit.current:
            update.load(rel)[str(pid)] = _doc(edit.current[pid])
        else:
            update.load(rel).pop(str(pid), None)
        update.dirty.add(rel)
    n_docs = len(edit.current)
    if meta["docs"] != n_docs:
        meta["docs"] = n_docs
        update.opened[base + "meta.json"] = meta
        update.dirty.add(base + "meta.json")


def _update_term_list(update: _Update) -> None:
    """Add the terms the locale gained to terms.json, and drop those it lost."""
    if not (update.appeared or update.left):
        return
    rel = update.base + "terms.json"
    groups = update.load(rel)
    terms = {t for group in groups.values() for t in group}
    groups.clear()
    groups.update(_term_list((terms | update.appeared) - update.left))
    update.dirty.add(rel)


def _commit(
    state: dict[str, Any],
    update: _Update,
    edit: _Edit,
    known_now: dict[int, tuple[str, str, bytes, bytes]],
    counts: tuple[int, dict[str, int]],
) -> dict[str, bytes]:
    """Write the changed files, pages and counts into `state`; the files whose
    bytes changed."""
    files = update.files
    count = len(files)
    written = update.write()
    if len(files) != count or any(rel not in files for rel in update.dirty):
        state["files"] = dict(sorted(files.items()))  # in path order, as built
    known = state["pages"]
    for pid in edit.removed:
        del known[pid]
    known.update(known_now)
    state["light"], state["heavy_df"] = counts
    return written


@functools.cache
def _code_hash() -> str:
    """Cached indexes are only valid for the code that made them: this
    module, the tokenizer and the module that makes the URLs (which locale
    keys leave out as page paths decide them)."""
    files = (
        Path(__file__),
        Path(inspect.getfile(fnv1a)),
        Path(inspect.getfile(page_url)),
    )
    return hashlib.sha256(b"".join(f.read_bytes() for f in files)).hexdigest()


# The last key made for each locale, with the page hashes and paths it was
# made from: comparing those is cheaper than hashing them again.
_LOCALE_KEYS: dict[str, tuple[list[str], list[str], str]] = {}


def _locale_key(locale: str, hashes: list[str], paths: list[str]) -> str:
    """Changes when the code or any of the locale's pages' content or path does."""
    memo = _LOCALE_KEYS.get(locale)
    if memo is not None and memo[0] == hashes and memo[1] == paths:
        return memo[2]
    key = hashlib.sha256(f"{_code_hash()}|{locale}|".encode())
    key.update("|".join(map(operator.add, hashes, paths)).encode())
    _LOCALE_KEYS[locale] = (hashes, paths, key.hexdigest())
    return key.hexdigest()


def _pickle(value: dict[str, Any]) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _load(path: Path) -> dict[str, Any]:
    """A dict this module pickled, or {} if it is missing or unreadable."""
    try:
        value = pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


# The index states this process last wrote into one folder, by file, with
# the file's (mtime, size): a worker rebuilding that folder skips unpickling
# them. Taken out when read (an update changes a state in place), put back
# once written.
_WRITTEN: dict[Path, tuple[tuple[int, int], dict[str, Any]]] = {}


def _stamp(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_mtime_ns, st.st_size


def _save_state(path: Path, state: dict[str, Any]) -> None:
    if any(other.parent != path.parent for other in _WRITTEN):
        _WRITTEN.clear()
    path.write_bytes(_pickle(state))
    _WRITTEN[path] = (_stamp(path), state)


def _load_state(path: Path) -> dict[str, Any]:
    memo = _WRITTEN.pop(path, None)
    try:
        if memo is not None and memo[0] == _stamp(path):
            return memo[1]
    except OSError:
        pass
    state = _load(path)
    if state.get("version") != STATE_VERSION or state.get("code") != _code_hash():
        return {}
    return state


def _rows_of(locales: tuple[str, ...], code: str) -> Callable[[Any], list[Any]]:
    """What picks a locale's rows out of a page column: a slice when its
    pages come together (as snapshots list them), else a mask."""
    count = locales.count(code)
    start = locales.index(code) if count else 0
    if locales[start : start + count].count(code) == count:
        return lambda column: list(column[start : start + count])
    mine = list(map(operator.eq, locales, repeat(code)))
    return lambda column: list(compress(column, mine))


def search_index_files(
    data: dict[str, Any],
    cache_dir: Path | None = None,
    *,
    unchanged: dict[str, int] | None = None,
) -> dict[str, bytes]:
    """Every index file of the snapshot, relative path -> bytes.

    With `cache_dir`, a locale whose pages did not change reuses its files, and
    an edit of a few pages rewrites only the files it affects (a larger one
    re-tokenizes only the changed pages). With `unchanged` too, files already
    in the site are not returned: those of unchanged locales (only a small key
    file is read for them) and those an edit left alone. Their sizes are put
    in `unchanged` instead.
    """
    every = data["pages"]
    columns = page_columns(every)
    files: dict[str, bytes] = {}
    for loc in data["locales"]:
        code = loc["code"]
        pick = _rows_of(columns[1], code)
        pages = pick(every)
        if cache_dir is None:
            terms, docs, _repeated = _gather(pages, _page_terms)
            files.update(_index_files(code, terms, docs)[0])
            continue
        ids, _locales, types, paths, hashes = map(pick, columns)
        key = _locale_key(code, hashes, paths)
        state_file = cache_dir / f"search-{code}.pickle"
        key_file = cache_dir / f"search-{code}.key.pickle"
        if unchanged is not None:
            known = _load(key_file)
            if known.get("key") == key:
                unchanged.update(known["sizes"])
                continue
        state = _load_state(state_file)
        made = None
        if state.get("key") == key:
            made = {}
        elif state:
            made = _update_state(state, pages, code, (ids, types, paths, hashes))
        if made is None:
            state = _new_state(code, pages, state)
            made = state["files"]
        if unchanged is None:
            files.update(state["files"])
        else:
            files.update(made)
            unchanged.update(
                {rel: len(b) for rel, b in state["files"].items() if rel not in made}
            )
        state["key"] = key
        cache_dir.mkdir(parents=True, exist_ok=True)
        _save_state(state_file, state)
        sizes = {rel: len(b) for rel, b in state["files"].items()}
        key_file.write_bytes(_pickle({"key": key, "sizes": sizes}))
    return files
