"""Play logs kept before proof of play are chained once by proof_backfill."""

import io

import pytest
from django.core.management import call_command
from django.db.models.signals import post_save

from cms.broadcasting.proof.models import PlayRecord
from cms.broadcasting.proof.signals import play_log_received
from cms.releases.models import AgentUpload

from .factories import cluster_make
from .proof_helpers import face_make, play

pytestmark = pytest.mark.django_db


def test_old_uploads_are_chained_once_and_bad_ones_named():
    cluster = cluster_make("bo-y")
    face_make(cluster)
    uid = "broadcasting.play_log_received"
    post_save.disconnect(sender=AgentUpload, dispatch_uid=uid)
    try:  # as kept before proof of play existed
        for key, payload in (("a", play()), ("b", {"face": "lao"}), ("c", play())):
            AgentUpload.objects.create(
                cluster=cluster, kind="play_log", idempotency_key=key, payload=payload
            )
    finally:
        post_save.connect(play_log_received, sender=AgentUpload, dispatch_uid=uid)
    out, err = io.StringIO(), io.StringIO()

    call_command("proof_backfill", stdout=out, stderr=err)
    call_command("proof_backfill", stdout=io.StringIO(), stderr=io.StringIO())

    keys = PlayRecord.objects.order_by("seq").values_list(
        "seq", "source_upload__idempotency_key"
    )
    assert list(keys) == [(1, "a"), (2, "c")]
    assert "2 play records made; 1 uploads could not be recorded" in out.getvalue()
    assert "not recorded: bo-y b: play_log started_at None" in err.getvalue()
