"""Snapshots written one page per line: read like any JSON, re-parsed only
where a line changed, and any other shape read the ordinary way."""

import json

import pytest

from bench.sample import make_snapshot
from kiosk_site.snapshot import snapshot_cache_clear, snapshot_dumps, snapshot_read


@pytest.fixture
def data(tmp_path):
    path = make_snapshot(tmp_path / "snap", locales=("vi", "lo"), pages_per_locale=12)
    return json.loads(path.read_bytes())


def test_one_page_per_line_is_plain_json_and_reads_back_equal(tmp_path, data):
    raw = snapshot_dumps(data)
    assert json.loads(raw) == data
    lines = raw.split(b"\n")
    assert lines[0].endswith(b'"pages":[') and b'"content_hash"' not in lines[0]
    assert len(lines) == len(data["pages"]) + 3  # head, pages, tail, final newline
    path = tmp_path / "s.json"
    path.write_bytes(raw)
    snap = snapshot_read(path)
    assert snap.data == data
    assert len(snap.top_digest) == 64


def test_only_changed_lines_are_parsed_again(tmp_path, data):
    path = tmp_path / "s.json"
    path.write_bytes(snapshot_dumps(data))
    first = snapshot_read(path).data["pages"]
    data["pages"][3]["title"] = "Chợ đêm"
    data["content_hash"] = "sha256:" + "0" * 64
    path.write_bytes(snapshot_dumps(data))
    second = snapshot_read(path)
    pages = second.data["pages"]
    assert pages == data["pages"]
    assert pages[3] is not first[3] and pages[3]["title"] == "Chợ đêm"
    assert all(pages[i] is first[i] for i in range(len(pages)) if i != 3)
    # The volatile hash sits after the pages: the first line did not change.
    assert second.top_digest == snapshot_read(path).top_digest


def test_a_top_level_change_changes_the_digest(tmp_path, data):
    path = tmp_path / "s.json"
    path.write_bytes(snapshot_dumps(data))
    before = snapshot_read(path).top_digest
    data["cluster"]["name"] = "Cụm mới"
    path.write_bytes(snapshot_dumps(data))
    assert snapshot_read(path).top_digest != before


@pytest.mark.parametrize(
    "shape",
    [
        lambda d: json.dumps(d, indent=1).encode(),  # pretty: pages span lines
        lambda d: json.dumps(d).encode(),  # one line
        lambda d: snapshot_dumps(d).replace(b'"pages":[\n', b'"pages":[\n{"x":1,\n'),
        # two items on one line and one over two lines: still valid JSON
        lambda d: snapshot_dumps(d).replace(
            b'"pages":[\n', b'"pages":[\n1,2,\n[3,\n4],\n'
        ),
    ],
)
def test_other_shapes_are_read_whole(tmp_path, data, shape):
    path = tmp_path / "s.json"
    path.write_bytes(shape(data))
    snapshot_cache_clear()
    try:
        expected = json.loads(path.read_bytes())
    except json.JSONDecodeError:
        with pytest.raises(Exception, match="not UTF-8 JSON"):
            snapshot_read(path)
        return
    snap = snapshot_read(path)
    assert snap.data == expected and snap.top_digest == ""


def test_a_nested_pages_key_is_not_taken_for_the_pages(tmp_path, data):
    """A line layout whose first line does not open the top-level pages
    array is read whole (here the array belongs to a nested object)."""
    raw = b'{"a":{"pages":[\n{"id":1},\n{"id":2}\n]},"pages":[]}\n'
    path = tmp_path / "s.json"
    path.write_bytes(raw)
    snap = snapshot_read(path)
    assert snap.data == json.loads(raw) and snap.top_digest == ""


def _edits(data, rng):
    """A random sequence of snapshot edits: pages changed, added, removed,
    moved, the top-level blocks or the volatile hash changed."""
    pages = data["pages"]
    for step in range(60):
        kind = rng.choice(["edit", "add", "remove", "move", "head", "hash", "none"])
        if kind == "edit" and pages:
            page = rng.choice(pages)
            page["title"] += rng.choice(["!", " mới", " ໃໝ່", ""])
        elif kind == "add":
            page = json.loads(json.dumps(rng.choice(pages or [{"id": 0}])))
            page["id"] = 10_000 + step
            pages.insert(rng.randrange(len(pages) + 1), page)
        elif kind == "remove" and len(pages) > 1:
            del pages[rng.choice([0, len(pages) - 1, rng.randrange(len(pages))])]
        elif kind == "move" and len(pages) > 1:
            pages.insert(rng.randrange(len(pages)), pages.pop())
        elif kind == "head":
            data["cluster"]["name"] += "·"
        elif kind == "hash":
            data["content_hash"] = f"sha256:{step:064d}"
        yield data


def test_rereads_after_any_edit_give_what_a_json_reader_gives(tmp_path, data):
    import random

    path = tmp_path / "s.json"
    snapshot_cache_clear()
    for seed in range(12):
        rng = random.Random(seed)
        for edited in _edits(json.loads(json.dumps(data)), rng):
            raw = snapshot_dumps(edited)
            path.write_bytes(raw)
            snap = snapshot_read(path)
            assert snap.data == json.loads(raw)
            head = raw[: raw.index(b"\n")]
            assert snap.top_digest == snapshot_read_digest(head)


def snapshot_read_digest(head: bytes) -> str:
    import hashlib

    return hashlib.sha256(head).hexdigest()


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw.replace(b"}\n],", b"},\n],"),  # comma after the last page
        lambda raw: raw.replace(b"},\n{", b"}\n{", 1),  # a comma lost
        lambda raw: raw.replace(b"},\n{", b"},{", 1),  # two pages on one line
        lambda raw: raw.replace(b'":"', b'":\n"', 1),  # a page over two lines
        lambda raw: raw[: len(raw) // 2] + b"\n",  # cut short
        lambda raw: raw.replace(b'"pages":[\n', b'"pages":[\n\n', 1),  # blank line
        lambda raw: raw + b"{}\n",  # something after the snapshot
        lambda raw: raw.replace(b"\n],", b"\n],\n", 1).replace(b"}\n\n", b"}\n"),
        lambda raw: json.dumps(json.loads(raw)).encode() + b"\n",  # one line
        lambda raw: raw.replace(b"\n", b"", 1),  # head and first page joined
        lambda raw: raw[: raw.index(b"\n") + 1] + raw[raw.rindex(b"\n", 0, -1) + 1 :],
    ],
)
def test_a_damaged_reread_is_read_as_the_json_it_is(tmp_path, data, damage):
    """After a good read, a damaged file is never taken for the layout: it
    reads as a JSON reader reads it, or fails with the snapshot error."""
    path = tmp_path / "s.json"
    good = snapshot_dumps(data)
    path.write_bytes(good)
    snapshot_cache_clear()
    first = snapshot_read(path)
    bad = damage(good)
    assert bad != good
    path.write_bytes(bad)
    try:
        expected = json.loads(bad)
    except json.JSONDecodeError:
        with pytest.raises(Exception, match="not UTF-8 JSON"):
            snapshot_read(path)
    else:
        assert snapshot_read(path).data == expected
    path.write_bytes(good)  # and the good file after the damaged one
    assert snapshot_read(path).data == first.data


@pytest.mark.parametrize("block", [1, 7, 64, 1 << 20])
def test_common_prefix_and_suffix_are_exact_at_any_block_size(monkeypatch, block):
    import os
    import random

    from kiosk_site.snapshot import lines as snapshot_lines

    monkeypatch.setattr(snapshot_lines, "_BLOCK", block)
    rng = random.Random(block)
    for _ in range(200):
        a = os.urandom(rng.randrange(0, 300))
        b = bytearray(a)
        for _ in range(rng.randrange(0, 3)):
            if b:
                b[rng.randrange(len(b))] ^= 1 + rng.randrange(255)
        if rng.random() < 0.3:
            b[rng.randrange(len(b) + 1) :] = os.urandom(rng.randrange(0, 20))
        b = bytes(b)
        prefix = next(
            (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
            min(len(a), len(b)),
        )
        assert snapshot_lines._common_prefix(a, b) == prefix
        end_a, end_b = rng.randrange(len(a) + 1), rng.randrange(len(b) + 1)
        limit = min(end_a, end_b)
        suffix = 0
        while suffix < limit and a[end_a - suffix - 1] == b[end_b - suffix - 1]:
            suffix += 1
        assert snapshot_lines._common_suffix(a, end_a, b, end_b, limit) == suffix
