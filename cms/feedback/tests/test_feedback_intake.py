"""A kiosk's feedback upload becomes exactly one feedback item."""

import pytest
from django.db.models.signals import post_save

from cms.feedback.models import Feedback
from cms.feedback.services import feedback_from_upload
from cms.feedback.signals import feedback_upload_received
from cms.releases.models import AgentUpload
from cms.releases.services import credential_issue

from .conftest import NOON
from .factories import kiosk_payload, kiosk_upload

pytestmark = pytest.mark.django_db
UPLOADS = "/api/agent/v1/clusters/bo-y/uploads"


def _post(client, token, items):
    return client.post(
        UPLOADS,
        {"items": items},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )


def test_an_upload_becomes_one_item_with_the_original_text_kept(cluster):
    upload, _ = kiosk_upload(cluster, at=NOON, message="  ດ່ານ ບໍ່ມີແຜນທີ່ \n", language="lo")

    item = Feedback.objects.get()
    assert item.upload == upload and item.cluster == cluster
    assert item.channel == Feedback.Channel.KIOSK
    assert item.text == "  ດ່ານ ບໍ່ມີແຜນທີ່ \n"  # verbatim, not even stripped
    assert (item.language, item.kiosk_code, item.page) == (
        "lo",
        "bo-y-1",
        "/vi/feedback/",
    )
    assert item.status == Feedback.Status.RECEIVED
    assert item.sent_at == NOON and item.received_at == upload.received_at


def test_the_same_key_sent_twice_over_the_api_makes_one_item(client, cluster):
    token = credential_issue(cluster=cluster).token
    item = {
        "idempotency_key": "4b1d7a0e-feedback",
        "kind": "feedback",
        "created_at": "2026-11-24T07:59:30+00:00",
        "payload": kiosk_payload("Loa ở cổng 2 quá to"),
    }

    first = _post(client, token, [item]).json()
    again = _post(client, token, [item]).json()

    assert (first["accepted"], again["duplicate"]) == (1, 1)
    assert Feedback.objects.filter(text="Loa ở cổng 2 quá to").count() == 1


def test_the_receiver_run_again_for_one_upload_makes_no_second_item(cluster):
    upload, _ = kiosk_upload(cluster)

    post_save.send(sender=AgentUpload, instance=upload, created=True, raw=False)
    again = feedback_from_upload(upload=upload)

    assert Feedback.objects.count() == 1
    assert again == Feedback.objects.get()


def test_a_payload_without_a_message_is_rejected_and_nothing_kept(client, cluster):
    token = credential_issue(cluster=cluster).token
    item = {
        "idempotency_key": "empty-1",
        "kind": "feedback",
        "payload": {"message": "   ", "kiosk": "bo-y-1"},
    }

    result = _post(client, token, [item]).json()["results"][0]

    assert result["status"] == "rejected"
    assert 'non-empty "message"' in result["error"]
    assert not AgentUpload.objects.exists() and not Feedback.objects.exists()


def test_the_upload_formats_text_and_locale_are_read_too(cluster):
    kiosk_upload(cluster, payload={"kiosk": "k1", "locale": "km", "text": "អរគុណ"})

    item = Feedback.objects.get()
    assert (item.text, item.language, item.kiosk_code) == ("អរគុណ", "km", "k1")


def test_play_logs_make_no_feedback(cluster):
    play = AgentUpload(cluster=cluster, kind="play_log", payload={"message": "x"})
    feedback_upload_received(sender=AgentUpload, instance=play, created=True)
    assert not Feedback.objects.exists()
