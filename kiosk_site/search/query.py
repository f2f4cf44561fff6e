"""How a query matches and ranks pages: the steps static/search.js runs on
the kiosk, in Python for tests and tools (keep the two in step; e2e checks
they give the same pages in the same order).

A query is cut into tokens as the index is (`segment.query_tokens`, English
stemmed: "hotline" finds "Hotlines"). Every token must match a page through
one of its variants:
- the token itself;
- for the token still being typed (the last one, unless the query ends in a
  space), the terms it begins, shortest first: from 2 letters of a
  Latin-script word and one cluster of Lao or Khmer ("cua kh" finds "cửa
  khẩu"). Chinese needs none: single characters are indexed. A one-letter
  word typed after others is optional: it ranks the pages holding it first
  ("cua k" still finds "cửa");
- words of MIN_TYPO letters or more: the terms one edit away (Levenshtein
  distance 1: a letter added, dropped or changed): "cuak khau" finds "cửa
  khẩu".
Terms to complete or correct come from the locale's `terms.json`. A query is
run in STEPS, each wider than the last, until one finds RESULTS pages: first
the words as typed, then with the 4 shortest completions of the word being
typed, then with up to MAX_VARIANTS, then with typos too (each variant may
cost the kiosk a file to fetch: a query that finds enough as typed costs what
it did before completions).

Ranking: pages that match every token as typed come first, then those that
need a completion, then those that need typos (the fewer the better); among
equals, the higher score, then the lower page id. A token scores idf x TITLE
in the title or idf x 1 in the text for its best match on the page (the word
as typed before a completion before a typo); scores add up over the tokens.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from kiosk_site.search.segment import (
    fnv1a,
    fold,
    query_tokens,
    stemmer,
    term_kind,
    tokens,
)

RESULTS = 10
MAX_VARIANTS = 32  # completions, and typo variants, of one token (at most)
# (completions of the word being typed, typos allowed) of each step
STEPS = ((0, False), (4, False), (MAX_VARIANTS, False), (MAX_VARIANTS, True))
TITLE = 3
# How a variant matches a token, best first.
EXACT, COMPLETED, TYPO = 0, 1, 2
MIN_PREFIX = {"word": 2, "sea": 1}  # characters; Chinese: no completions
MIN_TYPO = 4

# first character -> terms (terms.json)
TermList = dict[str, list[str]]
# (title ids, body ids) of a term, or None when the locale does not have it
Postings = tuple[list[int], list[int]] | None


@dataclass(frozen=True)
class Variant:
    term: str
    how: int  # EXACT, COMPLETED or TYPO


@dataclass(frozen=True)
class QueryToken:
    variants: list[Variant]
    optional: bool


def typing_token(query: str, locale: str | None) -> str | None:
    """The token still being typed: the query's last, unless a space or
    punctuation follows it."""
    folded = fold(query)
    if not folded or term_kind(folded[-1]) == "sep":
        return None
    toks = tokens(folded)
    if not toks:
        return None
    stem = stemmer(locale)
    return stem(toks[-1]) if stem else toks[-1]


def completions(term_list: TermList, token: str, limit: int) -> list[str]:
    """Terms that begin with `token`, shortest first (then in list order)."""
    found = [
        t for t in term_list.get(token[0], ()) if t != token and t.startswith(token)
    ]
    return sorted(found, key=len)[:limit]


def one_edit_apart(a: str, b: str) -> bool:
    """Whether `b` is `a` with one character added, dropped or changed."""
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1 or a == b:
        return False
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


def near_terms(term_list: TermList, token: str, skip: set[str]) -> list[str]:
    """Words of the term list one edit away from `token` (not in `skip`)."""

    def candidates() -> Iterator[str]:
        for group in term_list.values():
            for term in group:
                if abs(len(term) - len(token)) <= 1 and term.isalpha():
                    yield term

    found = [t for t in candidates() if t not in skip and one_edit_apart(token, t)]
    return found[:MAX_VARIANTS]


def query_plan(
    query: str,
    locale: str | None,
    term_list: TermList,
    *,
    typos: bool,
    completed: int = MAX_VARIANTS,
) -> list[QueryToken]:
    """The tokens of `query`, each with the variants that may match it: at
    most `completed` completions of the word being typed, and typos if asked."""
    toks = query_tokens(query, locale)
    typing = typing_token(query, locale)
    plan = []
    for tok in toks:
        kind = term_kind(tok)
        variants = [Variant(tok, EXACT)]
        if tok == typing and len(tok) >= MIN_PREFIX.get(kind, math.inf):
            variants += [
                Variant(t, COMPLETED) for t in completions(term_list, tok, completed)
            ]
        if typos and kind == "word" and len(tok) >= MIN_TYPO and tok.isalpha():
            skip = {v.term for v in variants}
            variants += [Variant(t, TYPO) for t in near_terms(term_list, tok, skip)]
        optional = (
            tok == typing and tok == toks[-1] and kind == "word" and len(tok) == 1
        )
        plan.append(QueryToken(variants, optional and len(toks) > 1))
    return plan


def rank(
    plan: list[QueryToken], lookup: Callable[[str], Postings], docs: int
) -> list[int]:
    """Ids of the pages matching every required token, best first."""
    scores: dict[int, float] = {}
    # per page: how many tokens it matched only with a typo, a completion
    needed: dict[int, list[int]] = {}
    alive: set[int] | None = None
    for token in plan:
        best = _best_matches(token, lookup, docs)
        if not token.optional:
            alive = set(best) if alive is None else alive & best.keys()
        for pid in best.keys() & (alive or set()):
            how, score = best[pid]
            scores[pid] = scores.get(pid, 0.0) + score
            counts = needed.setdefault(pid, [0, 0])
            if how == TYPO:
                counts[0] += 1
            elif how == COMPLETED:
                counts[1] += 1
    return sorted(alive or (), key=lambda pid: (*needed[pid], -scores[pid], pid))


def _best_matches(
    token: QueryToken, lookup: Callable[[str], Postings], docs: int
) -> dict[int, tuple[int, float]]:
    """Page id -> (how, score) of the token's best match on the page."""
    best: dict[int, tuple[int, float]] = {}
    for variant in token.variants:
        hits = lookup(variant.term)
        if hits is None:
            continue
        idf = math.log(1 + docs / (len(hits[0]) + len(hits[1])))
        for ids, field in ((hits[0], TITLE), (hits[1], 1)):
            score = field * idf
            for pid in ids:
                found = best.get(pid)
                if found is None or (variant.how, -score) < (found[0], -found[1]):
                    best[pid] = (variant.how, score)
    return best


def _postings(files: dict[str, bytes], base: str, meta: dict, tok: str) -> Postings:
    """(title ids, body ids) of one token, or None; as static/search.js does."""
    blocks = meta["heavy"].get(tok)
    if blocks:
        bucket = fnv1a(tok) % meta["heavy_buckets"]
        parts = [
            json.loads(files[f"{base}h/{bucket}-{b}.json"])[tok] for b in range(blocks)
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


def index_search(files: dict[str, Any], locale: str, query: str) -> list[int]:
    """Page ids matching `query` in the index `files` of `locale`, best first."""
    base = f"search/{locale}/"
    meta = json.loads(files[base + "meta.json"])
    term_list = json.loads(files.get(base + "terms.json", b"{}"))

    def lookup(term: str) -> Postings:
        return _postings(files, base, meta, term)

    found: list[int] = []
    tried: list[QueryToken] | None = None
    for completed, typos in STEPS:
        plan = query_plan(query, locale, term_list, typos=typos, completed=completed)
        if plan != tried:  # a step that widens nothing is skipped
            found = rank(plan, lookup, meta["docs"])
            tried = plan
        if len(found) >= RESULTS:
            break
    return found
