import json

import pytest

from bench.sample import make_snapshot, snapshot_write
from kiosk_site.errors import SnapshotError
from kiosk_site.snapshot import page_content_hash, schema_errors, snapshot_load


def test_generated_snapshot_is_valid_and_hashes_match(tmp_path):
    snap = snapshot_load(
        make_snapshot(tmp_path, locales=("vi", "lo"), pages_per_locale=12)
    )
    pages = snap.data["pages"]
    assert len(pages) == 24
    assert all(page_content_hash(p) == p["content_hash"] for p in pages)
    titles = {p["title"] for p in pages}
    assert any("Hà Nội" in t for t in titles)
    assert any("ດ່ານ" in t for t in titles)


def test_invalid_snapshot_is_refused_naming_the_first_bad_path(tmp_path):
    path = make_snapshot(tmp_path, locales=("vi",), pages_per_locale=12)
    data = json.loads(path.read_text(encoding="utf-8"))
    place = next(i for i, p in enumerate(data["pages"]) if p["type"] == "place")
    data["pages"][place]["fields"]["latitude"] = "north"
    snapshot_write(path, data)
    with pytest.raises(SnapshotError) as err:
        snapshot_load(path)
    assert f"$.pages[{place}].fields.latitude" in str(err.value)
    assert "must be number (found 'north')" in str(err.value)


def test_unknown_top_level_key_is_refused(tmp_path):
    path = make_snapshot(tmp_path, locales=("vi",), pages_per_locale=12)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["schema_version"] = 2
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SnapshotError, match=r"at \$\.schema_version"):
        snapshot_load(path)


def test_missing_snapshot_file_says_which_file(tmp_path):
    with pytest.raises(SnapshotError, match="nope.json"):
        snapshot_load(tmp_path / "nope.json")


def test_non_json_snapshot_is_refused(tmp_path):
    path = tmp_path / "s.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(SnapshotError, match="not UTF-8 JSON"):
        snapshot_load(path)


def test_every_bad_page_is_counted_and_the_first_is_named(tmp_path):
    from kiosk_site.snapshot import read as snapshot_module

    path = make_snapshot(tmp_path, locales=("vi", "km"), pages_per_locale=20)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert schema_errors(data) == []
    assert {"place", "event", "notice"} < set(snapshot_module._fast_page_validators())
    first, second = 3, 17
    del data["pages"][first]["title"]
    data["pages"][second]["locale"] = 7
    snapshot_write(path, data)
    errors = schema_errors(json.loads(path.read_text(encoding="utf-8")))
    assert [e.split(":")[0] for e in errors] == [
        f"$.pages[{first}]",
        f"$.pages[{second}].locale",
    ]
    with pytest.raises(SnapshotError, match=r"\(2 error\(s\) in all\)") as err:
        snapshot_load(path)
    assert f"$.pages[{first}]: must contain" in str(err.value)


def test_fields_of_another_type_are_refused(tmp_path):
    path = make_snapshot(tmp_path, locales=("vi",), pages_per_locale=40)
    data = json.loads(path.read_text(encoding="utf-8"))
    event = next(i for i, p in enumerate(data["pages"]) if p["type"] == "event")
    place = next(p for p in data["pages"] if p["type"] == "place")
    data["pages"][event]["fields"] = place["fields"]
    snapshot_write(path, data)
    with pytest.raises(SnapshotError, match=rf"\$\.pages\[{event}\]"):
        snapshot_load(path)
