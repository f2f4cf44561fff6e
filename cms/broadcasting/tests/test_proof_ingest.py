"""Play logs posted through the real agent API become chained play records."""

import pytest

from cms.broadcasting.proof import chain
from cms.broadcasting.proof.models import AppendOnlyError, PlayRecord, ProofChain
from cms.broadcasting.proof.services import play_log_ingest
from cms.releases.models import AgentUpload
from cms.releases.services import credential_issue

from .factories import cluster_make
from .proof_helpers import SHA, face_make, item, play, post

pytestmark = pytest.mark.django_db


@pytest.fixture
def cluster():
    cluster = cluster_make("bo-y")
    face_make(cluster)
    return cluster


@pytest.fixture
def token(cluster):
    return credential_issue(cluster=cluster).token


def test_a_play_log_upload_becomes_a_record_chained_to_the_genesis(client, token):
    response = post(client, token, [item(play(), key="play-1")])

    assert response.json()["accepted"] == 1
    record = PlayRecord.objects.get()
    assert (record.seq, record.face, record.programme_id) == (1, "lao", 42)
    assert record.rendition_sha256 == SHA
    assert record.duration_ms == 30_000
    assert record.kind == "scheduled" and record.advertising is False
    assert record.source_upload.idempotency_key == "play-1"
    assert record.prev_hash == chain.GENESIS
    fields = record.chain_fields(cluster_code="bo-y", upload_key="play-1")
    assert record.hash == chain.record_hash(fields, chain.GENESIS)


def test_a_duplicate_upload_is_recorded_exactly_once(client, token):
    post(client, token, [item(play(), key="play-1")])

    again = post(client, token, [item(play(), key="play-1")])

    assert again.json()["duplicate"] == 1
    assert PlayRecord.objects.count() == 1
    upload = AgentUpload.objects.get()
    assert play_log_ingest(upload=upload).seq == 1
    assert PlayRecord.objects.count() == 1


def test_records_chain_across_uploads(client, token, cluster):
    post(client, token, [item(play("2026-11-24T08:00:00+07:00"))])
    post(
        client,
        token,
        [
            item(play("2026-11-24T08:00:30+07:00", advertising=True)),
            item(play("2026-11-24T08:01:00+07:00", kind="emergency")),
        ],
    )

    records = list(PlayRecord.objects.order_by("seq"))
    assert [r.seq for r in records] == [1, 2, 3]
    assert [r.prev_hash for r in records[1:]] == [r.hash for r in records[:2]]
    assert records[1].advertising and records[2].kind == "emergency"
    head = ProofChain.objects.get(cluster=cluster)
    assert (head.last_seq, head.last_hash) == (3, records[2].hash)


def test_each_cluster_has_its_own_chain(client, token, cluster):
    other = cluster_make("le-thanh")
    face_make(other)
    other_token = credential_issue(cluster=other).token
    post(client, token, [item(play())])

    post(client, other_token, [item(play())], code="le-thanh")

    assert PlayRecord.objects.get(cluster=other).seq == 1
    assert PlayRecord.objects.get(cluster=other).prev_hash == chain.GENESIS


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        (
            {"face": "cambodia"},
            "play_log face 'cambodia' must be one of 'kiosk', 'lao'",
        ),
        ({"started_at": "yesterday"}, "started_at 'yesterday' is not an ISO 8601"),
        ({"started_at": "2026-11-24T08:00:00"}, "has no UTC offset"),
        ({"ended_at": "2026-11-24T07:59:59+07:00"}, "must be 0 to 24 h after"),
        ({"ended_at": "2026-11-25T08:00:01+07:00"}, "must be 0 to 24 h after"),
        ({"rendition_sha256": "AB" * 32}, "64 lower-case hex"),
        ({"programme_id": 0}, "programme_id 0 must be a programme's id"),
        ({"programme_id": True}, "programme_id True must be"),
        ({"kind": "advert"}, "kind 'advert' must be one of 'scheduled', 'emergency'"),
        ({"advertising": 1}, "advertising 1 must be one of False, True"),
    ],
)
def test_a_bad_play_log_is_rejected_naming_the_field(client, token, changes, says):
    response = post(client, token, [item(play() | changes, key="bad")])

    result = response.json()["results"][0]
    assert result["status"] == "rejected"
    assert says in result["error"]
    assert not PlayRecord.objects.exists()
    assert not AgentUpload.objects.exists()  # rejected, not kept half-recorded


def test_boundaries_a_play_of_0_s_and_of_24_h_are_recorded(client, token):
    post(client, token, [item(play(seconds=0)), item(play(seconds=24 * 3600))])

    assert sorted(PlayRecord.objects.values_list("duration_ms", flat=True)) == [
        0,
        86_400_000,
    ]


def test_an_emergency_message_without_programme_and_the_kiosk_face(client, token):
    payload = play(face="kiosk", programme_id=None, rendition_sha256=None)

    post(client, token, [item(payload | {"kind": "emergency"})])

    record = PlayRecord.objects.get()
    assert (record.face, record.programme_id, record.rendition_sha256) == (
        "kiosk",
        None,
        "",
    )


def test_records_are_append_only(client, token):
    post(client, token, [item(play())])
    record = PlayRecord.objects.get()

    record.face = "kiosk"
    with pytest.raises(AppendOnlyError):
        record.save()
    with pytest.raises(AppendOnlyError):
        record.delete()
    with pytest.raises(AppendOnlyError):
        PlayRecord.objects.update(face="kiosk")
    with pytest.raises(AppendOnlyError):
        PlayRecord.objects.all().delete()
    assert PlayRecord.objects.get().face == "lao"
