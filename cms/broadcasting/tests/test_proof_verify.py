"""Seal, export and verify: the chain holds, and tampering is found and named."""

import datetime as dt
import json
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from freezegun import freeze_time
from securesystemslib.signer import Signature

from cms.broadcasting.proof import chain
from cms.broadcasting.proof.models import DailyHead, PlayRecord
from cms.broadcasting.proof.services import head_fields
from cms.releases.services import credential_issue
from kiosk_site.release.keys import root_load

from .factories import cluster_make
from .proof_helpers import face_make, item, play, post

pytestmark = pytest.mark.django_db
DAY1, DAY2 = dt.date(2026, 11, 24), dt.date(2026, 11, 25)


@pytest.fixture
def cluster(signing_key):
    cluster = cluster_make("bo-y")
    face_make(cluster)
    return cluster


@pytest.fixture
def sealed(client, cluster):
    """3 plays received on day 1 and 2 on day 2 (local), both days sealed."""
    token = credential_issue(cluster=cluster).token
    with freeze_time("2026-11-24T10:00:00+07:00"):
        post(client, token, [item(play(f"2026-11-24T09:0{n}:00+07:00")) for n in "012"])
    with freeze_time("2026-11-25T23:59:59+07:00"):
        post(client, token, [item(play(f"2026-11-25T09:0{n}:00+07:00")) for n in "01"])
    with freeze_time("2026-11-26T00:00:00+07:00"):
        call_command("proof_seal", "--date", "2026-11-24")
        call_command("proof_seal")  # yesterday: day 2
    return cluster


def _export(tmp_path, fmt="json", start=DAY1, end=DAY2):
    out = tmp_path / f"proof.{fmt}"
    call_command(
        "proof_export",
        *("--cluster", "bo-y", "--from", str(start), "--to", str(end)),
        *("--format", fmt, "--out", str(out)),
    )
    return out


def _verify(path, root):
    return subprocess.run(
        [sys.executable, "-m", "cms.broadcasting.proof.verify", str(path)]
        + ["--root", str(root)],
        capture_output=True,
        text=True,
        check=False,
    )


def _edit_json(path, change):
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_daily_heads_are_signed_with_the_release_key(sealed, signing_key):
    heads = list(DailyHead.objects.order_by("date"))

    assert [(h.date, h.count, h.last_seq) for h in heads] == [
        (DAY1, 3, 3),
        (DAY2, 2, 5),
    ]
    assert heads[1].last_hash == PlayRecord.objects.get(seq=5).hash
    key = root_load(root_path=signing_key.root).signed.keys[heads[0].key_id]
    signed = chain.head_bytes(head_fields(heads[0], "bo-y"))
    key.verify_signature(Signature(heads[0].key_id, heads[0].signature), signed)


def test_a_day_not_over_is_not_sealed_and_a_sealed_day_stays(sealed):
    with freeze_time("2026-11-26T23:59:59+07:00"):
        with pytest.raises(CommandError, match="2026-11-26 is not over yet"):
            call_command("proof_seal", "--date", "2026-11-26")
        call_command("proof_seal", "--date", "2026-11-25")

    assert DailyHead.objects.count() == 2


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_an_untouched_export_verifies(sealed, signing_key, tmp_path, fmt):
    result = _verify(_export(tmp_path, fmt), signing_key.root)

    assert result.returncode == 0, result.stderr
    assert "OK: 5 records (seq 1–5), 2 signed daily heads" in result.stdout


def test_the_csv_has_a_header_row_and_a_bom_for_excel(sealed, tmp_path):
    raw = _export(tmp_path, "csv").read_bytes()

    assert raw.startswith("\ufefftype,cluster,seq,face,".encode())
    lines = raw.decode("utf-8-sig").splitlines()
    assert len(lines) == 1 + 5 + 2
    assert lines[1].startswith("record,bo-y,1,lao,42,")
    assert lines[-1].startswith("daily_head,bo-y,,,,")


def test_a_later_days_export_is_anchored_by_the_previous_head(
    sealed, signing_key, tmp_path
):
    result = _verify(_export(tmp_path, start=DAY2), signing_key.root)

    assert result.returncode == 0, result.stderr
    assert "OK: 2 records (seq 4–5)" in result.stdout


def test_a_record_changed_in_the_database_is_named(sealed, signing_key, tmp_path):
    with connection.cursor() as cursor:
        table = PlayRecord._meta.db_table
        cursor.execute(f"UPDATE {table} SET advertising = %s WHERE seq = 2", [True])

    result = _verify(_export(tmp_path, "csv"), signing_key.root)

    assert result.returncode == 1
    assert "record seq 2 (started 2026-11-24T02:01:00" in result.stderr
    assert "a field was changed after it was recorded" in result.stderr


def test_a_record_with_its_hash_recomputed_breaks_the_next_link(
    sealed, signing_key, tmp_path
):
    path = _export(tmp_path)

    def rehash(data):
        record = data["records"][1]
        record["face"] = "kiosk"
        record["hash"] = chain.record_hash(record, record["prev_hash"])

    _edit_json(path, rehash)
    result = _verify(path, signing_key.root)

    assert result.returncode == 1
    assert "record seq 3 (" in result.stderr
    assert "is not the hash" in result.stderr


def test_a_removed_record_is_a_gap(sealed, signing_key, tmp_path):
    path = _export(tmp_path)
    _edit_json(path, lambda data: data["records"].pop(2))

    result = _verify(path, signing_key.root)

    assert result.returncode == 1
    assert "record seq 4 (" in result.stderr
    assert "follows seq 2 — record(s) 3–3 missing" in result.stderr


def test_a_removed_last_record_is_found_by_the_signed_head(
    sealed, signing_key, tmp_path
):
    path = _export(tmp_path)
    _edit_json(path, lambda data: data["records"].pop())

    result = _verify(path, signing_key.root)

    assert result.returncode == 1
    assert "daily head 2026-11-25 ends at record seq 5" in result.stderr
    assert "record(s) 5–5 missing" in result.stderr


def test_reordered_records_are_named(sealed, signing_key, tmp_path):
    path = _export(tmp_path)

    def swap(data):
        records = data["records"]
        records[1], records[2] = records[2], records[1]

    _edit_json(path, swap)
    result = _verify(path, signing_key.root)

    assert result.returncode == 1
    assert "record seq 3 (" in result.stderr
    assert "comes after seq 1 — records reordered" in result.stderr


@pytest.mark.parametrize(
    "change",
    [
        lambda head: head.update(count=head["count"] + 1),
        lambda head: head.update(signature="00" * 64),
    ],
    ids=["changed count", "forged signature"],
)
def test_a_bad_head_signature_is_named(sealed, signing_key, tmp_path, change):
    path = _export(tmp_path)
    _edit_json(path, lambda data: change(data["heads"][0]))

    result = _verify(path, signing_key.root)

    assert result.returncode == 1
    assert "daily head 2026-11-24 (last seq 3): bad signature" in result.stderr


def test_another_provinces_key_is_refused(sealed, tmp_path):
    from kiosk_site.release.keys import keygen

    other = keygen(out_dir=tmp_path / "other")

    result = _verify(_export(tmp_path), other.root)

    assert result.returncode == 1
    assert "not in the root metadata" in result.stderr


def test_manage_py_proof_verify_fails_on_a_tampered_export(sealed, tmp_path):
    path = _export(tmp_path)
    _edit_json(path, lambda data: data["records"][0].update(duration_ms=1))

    with pytest.raises(SystemExit) as exit_info:
        call_command("proof_verify", str(path))

    assert exit_info.value.code == 1


def test_an_unreadable_file_exits_2_saying_what_it_expects(signing_key, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello", encoding="utf-8")

    result = _verify(path, signing_key.root)

    assert result.returncode == 2
    assert "is not a proof-of-play export" in result.stderr


def test_a_json_file_of_another_format_exits_2(signing_key, tmp_path):
    path = tmp_path / "other.json"
    path.write_text('{"records": [], "heads": []}', encoding="utf-8")

    result = _verify(path, signing_key.root)

    assert result.returncode == 2
    assert "its format is None, not proof-of-play-1" in result.stderr
