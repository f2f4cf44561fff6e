import json

import pytest

from bench.sample import make_snapshot, snapshot_write
from kiosk_site.errors import SnapshotError
from kiosk_site.snapshot import page_content_hash, snapshot_load


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
    assert "'north' is not of type 'number'" in str(err.value)


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


def test_valid_snapshot_passes_the_compiled_per_type_check_alone(tmp_path, monkeypatch):
    """Every page type has its own compiled validator; a valid snapshot never
    needs the (slow) reference validator."""
    from kiosk_site.snapshot import read as snapshot_module

    path = make_snapshot(tmp_path, locales=("vi", "km"), pages_per_locale=20)
    monkeypatch.setattr(
        snapshot_module, "_validator", lambda: pytest.fail("reference validator used")
    )
    snapshot_load(path)
    assert {"place", "event", "notice"} < set(snapshot_module._fast_page_validators())


def test_fields_of_another_type_are_refused(tmp_path):
    path = make_snapshot(tmp_path, locales=("vi",), pages_per_locale=40)
    data = json.loads(path.read_text(encoding="utf-8"))
    event = next(i for i, p in enumerate(data["pages"]) if p["type"] == "event")
    place = next(p for p in data["pages"] if p["type"] == "place")
    data["pages"][event]["fields"] = place["fields"]
    snapshot_write(path, data)
    with pytest.raises(SnapshotError, match=rf"\$\.pages\[{event}\]"):
        snapshot_load(path)
