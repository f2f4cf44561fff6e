"""The one-page-per-line snapshot layout, and reading it again cheaply.

    {<top-level blocks>,"pages":[
    <page>,
    <page>
    ],"content_hash":...,"generated_at":...}

Any JSON reader takes it. Raw newlines cannot occur inside JSON strings, so
the pages can be cut apart without parsing them, and each line is parsed on
its own, which proves it holds one value (its HTML is then sanitised, see
`sanitise`). A long-lived builder (the CMS worker) keeps the last snapshot
it read: the next one is compared with it byte for byte from both ends, and
only the lines between the first and the last difference are parsed again.
The other pages are the same objects as before. Callers never modify
snapshot data, so they can be shared.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import operator
import sys
from dataclasses import dataclass
from typing import Any

from kiosk_site.snapshot.sanitise import page_sanitise

PAGES_START = b'"pages":['
# Written after the pages, so that the first line changes only when the
# cluster, navigation, images or the like do.
VOLATILE_KEYS = ("content_hash", "generated_at")
_BLOCK = 1 << 20  # bytes compared at a time when looking for the first difference


def canonical_json(value: Any) -> bytes:
    """Keys sorted, no whitespace, UTF-8: the form the snapshot hashes cover."""
    return json.dumps(
        value, ensure_ascii=False, sort_keys=True, separators=(",", ":")
    ).encode("utf-8")


def snapshot_dumps(data: dict[str, Any]) -> bytes:
    """The snapshot in the layout above (compact, canonical JSON per line)."""
    head = canonical_json(
        {k: v for k, v in data.items() if k != "pages" and k not in VOLATILE_KEYS}
    )
    tail = canonical_json({k: data[k] for k in VOLATILE_KEYS if k in data})
    lines = [canonical_json(page) for page in data["pages"]]
    opening = head[:-1] + (b',"pages":[' if len(head) > 2 else b'{"pages":[')
    closing = b"]" + (b"," + tail[1:] if len(tail) > 2 else b"}")
    return opening + b"\n" + b",\n".join(lines) + b"\n" + closing + b"\n"


@dataclass
class _Read:
    """A snapshot read by lines: its bytes, where each line starts (head,
    pages, tail; then the end), and the parsed head, pages and tail."""

    raw: bytes
    starts: list[int] | None
    head: dict[str, Any]
    head_digest: str
    pages: list[Any]
    tail: dict[str, Any]
    columns: tuple[tuple[Any, ...], ...] | None = None  # see page_columns

    def data(self) -> dict[str, Any]:
        data = dict(self.head)
        data.update(self.tail)
        data["pages"] = self.pages
        return data


_LAST: _Read | None = None


def lines_cache_clear() -> None:
    """Forget the last snapshot read (the next read parses every line)."""
    global _LAST
    _LAST = None


# What page_columns gives, in this order.
COLUMNS = ("id", "locale", "type", "path", "content_hash")
_ROW = operator.itemgetter(*COLUMNS)


def page_columns(pages: list[Any]) -> tuple[tuple[Any, ...], ...]:
    """The id, locale, type, path and content_hash of every page, as one
    tuple per field (in COLUMNS order).

    A rebuild looks at these of every page several times, and pages are
    dicts scattered in memory: taken once as columns, every later pass runs
    over contiguous tuples. The columns of the last snapshot read are kept
    and updated with its changed lines only. Raises KeyError or TypeError
    for pages that are not objects with those members.
    """
    last = _LAST
    if last is not None and last.pages is pages:
        if last.columns is None:
            last.columns = _columns(pages)
        return last.columns
    return _columns(pages)


def _columns(pages: list[Any]) -> tuple[tuple[Any, ...], ...]:
    rows = list(map(_ROW, pages))
    if not rows:
        return ((),) * len(COLUMNS)
    ids, locales, types, paths, hashes = zip(*rows, strict=True)
    # A few distinct values: one object each, so passes comparing them stay
    # in the processor's cache.
    locales, types = (tuple(map(sys.intern, column)) for column in (locales, types))
    return ids, locales, types, paths, hashes


def parse_by_lines(raw: bytes) -> tuple[dict[str, Any], str] | None:
    """(data, sha256 of the first line) of a snapshot in the layout above,
    or None for any other shape (the caller then reads it whole)."""
    global _LAST
    read = _reread(raw, _LAST) if _LAST is not None else None
    if read is None:
        read = _read(raw)
    _LAST = read
    return None if read is None else (read.data(), read.head_digest)


def _head(line: bytes) -> dict[str, Any] | None:
    """The top-level blocks from the first line, if it opens the top-level
    "pages" array: head + "]}" is a complete object only then."""
    if not line.endswith(PAGES_START):
        return None
    head = json.loads(line + b"]}")
    if not isinstance(head, dict) or head.get("pages") != []:
        return None
    del head["pages"]
    return head


def _tail(line: bytes) -> dict[str, Any] | None:
    """The members after the pages, from the last line."""
    if line == b"]}":
        return {}
    if not line.startswith(b"],"):
        return None
    tail = json.loads(b"{" + line[2:])
    return tail if isinstance(tail, dict) and "pages" not in tail else None


def _page(line: bytes, last: bool) -> Any:
    """A page line parsed, its HTML sanitised (only lines parsed anew are)."""
    if last == line.endswith(b","):
        raise ValueError("a page line ends with a comma unless it is the last")
    return page_sanitise(json.loads(line.removesuffix(b",")))


def _read(raw: bytes) -> _Read | None:
    """Parse every line."""
    if not raw.endswith(b"\n"):
        return None
    lines = raw[:-1].split(b"\n")
    if len(lines) < 3:
        return None
    try:
        head, tail = _head(lines[0]), _tail(lines[-1])
        if head is None or tail is None:
            return None
        body = lines[1:-1]
        if body == [b""]:
            body = []
        last = len(body) - 1
        pages = [_page(line, i == last) for i, line in enumerate(body)]
    except ValueError:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        return None
    starts: list[int] | None = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    if not body:  # its one line between head and tail is no page: never reread
        starts = None
    return _Read(raw, starts, head, hashlib.sha256(lines[0]).hexdigest(), pages, tail)


def _alike(limit: int, same) -> int:
    """The length of the run, at most `limit`, over which `same(i, j)` holds
    for every part [i, j): compared a block at a time, the block halved at a
    difference until one byte."""
    i, step = 0, _BLOCK
    while i < limit:
        j = min(limit, i + step)
        if same(i, j):
            i = j
        elif j - i == 1:
            return i
        else:
            step = (j - i) // 2
    return limit


def _common_prefix(a: bytes, b: bytes) -> int:
    """How many leading bytes `a` and `b` share (memcmp, no copies)."""
    view = memoryview(a)
    return _alike(min(len(a), len(b)), lambda i, j: b.startswith(view[i:j], i))


def _common_suffix(a: bytes, end_a: int, b: bytes, end_b: int, limit: int) -> int:
    """How many bytes (at most `limit`) a[:end_a] and b[:end_b] end with alike."""
    view = memoryview(a)
    return _alike(
        limit, lambda i, j: b.startswith(view[end_a - j : end_a - i], end_b - j)
    )


@dataclass
class _Diff:
    """Where a new file differs from the last read (its tail line aside): the
    last read's lines `front`..`back`-1 give way to `middle`, the new file's
    lines from `front`; the lines after them move by `shift` bytes. `lines`
    counts the last read's head and pages, `now` the new file's."""

    front: int
    back: int
    middle: list[bytes]
    shift: int
    lines: int
    now: int
    old_tail: int  # where the last line starts, in the last read
    new_tail: int  # and in the new file


def _reread(raw: bytes, old: _Read) -> _Read | None:
    """Parse only the lines that differ from the last read's.

    The last line (the volatile hashes) is read on its own. Of the others,
    a line is kept when it and the newline ending it lie in the bytes both
    files start with, or it and the newline before it lie in the bytes both
    end with (before their last lines); a kept line keeps its role (head,
    page, last page). The lines in between are parsed as _read would. None
    when the result would not be the layout (the caller reads it whole).
    """
    if old.starts is None or not raw.endswith(b"\n"):
        return None
    if len(raw) == len(old.raw) and raw == old.raw:
        return old
    diff = _diff(raw, old, old.starts)
    parsed = _parse_diff(raw, old, diff)
    if parsed is None:
        return None
    head, head_digest, fresh, tail = parsed
    pages, columns = _splice(old, diff, fresh)
    starts = _new_starts(old.starts, diff, len(raw))
    return _Read(raw, starts, head, head_digest, pages, tail, columns)


def _diff(raw: bytes, old: _Read, starts: list[int]) -> _Diff:
    """The lines of `raw` that differ from the last read's, found by
    comparing the bytes both start and end with."""
    lines = len(starts) - 2  # head and pages (the tail is the last line)
    old_tail, new_tail = starts[-2], raw.rfind(b"\n", 0, len(raw) - 1) + 1
    prefix = min(_common_prefix(old.raw, raw), old_tail, new_tail)
    limit = min(old_tail, new_tail) - prefix
    suffix = _common_suffix(old.raw, old_tail, raw, new_tail, limit)
    # Lines 0..front-1 end inside the common prefix; lines back..lines-1
    # start after a newline inside the common suffix (the head never does).
    # The suffix starts after the prefix, so front <= back, and a kept line
    # keeps its role: its bytes include its comma, and a line that would
    # become the head or the last page has differing bytes beside it.
    front = bisect.bisect_right(starts, prefix, 1, lines + 1) - 1
    back = bisect.bisect_left(starts, old_tail - suffix + 1, 1, lines)
    shift = new_tail - old_tail
    begin, stop = starts[front], starts[back] + shift
    middle = raw[begin : stop - 1].split(b"\n") if stop > begin else []
    now = front + len(middle) + lines - back  # head and pages of the new file
    return _Diff(front, back, middle, shift, lines, now, old_tail, new_tail)


def _parse_diff(
    raw: bytes, old: _Read, diff: _Diff
) -> tuple[dict[str, Any], str, list[Any], dict[str, Any]] | None:
    """(head, its digest, the differing pages, tail) of the new file, parsing
    only its differing lines; None when they are not the layout."""
    head, head_digest = old.head, old.head_digest
    fresh: list[Any] = []
    try:
        for k, line in enumerate(diff.middle, start=diff.front):
            if k == 0:
                head = _head(line)
                if head is None:
                    return None
                head_digest = hashlib.sha256(line).hexdigest()
            else:
                fresh.append(_page(line, k == diff.now - 1))
        tail = old.tail
        if raw[diff.new_tail :] != old.raw[diff.old_tail :]:
            tail = _tail(raw[diff.new_tail : -1])
            if tail is None:
                return None
    except ValueError:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        return None
    return head, head_digest, fresh, tail


def _splice(
    old: _Read, diff: _Diff, fresh: list[Any]
) -> tuple[list[Any], tuple[tuple[Any, ...], ...] | None]:
    """The new file's pages, and their columns if the last read's were taken:
    the last read's, with the differing pages put in place of its own."""
    keep, resume, lines = max(diff.front - 1, 0), diff.back - 1, diff.lines
    pages = old.pages[:keep] + fresh + old.pages[resume : lines - 1]
    columns = None
    if old.columns is not None:
        try:
            added = _columns(fresh)
        except (KeyError, TypeError):  # not pages: page_columns will say so
            added = None
        if added is not None:
            columns = tuple(
                was[:keep] + new + was[resume : lines - 1]
                for was, new in zip(old.columns, added, strict=True)
            )
    return pages, columns


def _new_starts(starts: list[int], diff: _Diff, end: int) -> list[int]:
    """Where each line of the new file starts (then its end)."""
    new_starts = starts[: diff.front + 1]
    for line in diff.middle:
        new_starts.append(new_starts[-1] + len(line) + 1)
    new_starts += [at + diff.shift for at in starts[diff.back + 1 : diff.lines + 1]]
    new_starts.append(end)
    return new_starts
