"""Snapshots written one page per line: read like any JSON, re-parsed only
where a line changed, and any other shape read the ordinary way."""

import json

import pytest

from kiosk_site import snapshot as snapshot_module
from kiosk_site.sample import make_snapshot
from kiosk_site.snapshot import snapshot_dumps, snapshot_read


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
    snapshot_module._PARSED_LINES.clear()
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
