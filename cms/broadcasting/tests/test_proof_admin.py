"""The admin's proof-of-play page: inspectors read and download; nobody edits."""

import uuid

import pytest
from django.contrib import admin
from django.urls import get_resolver, reverse
from django.utils import translation
from freezegun import freeze_time
from wagtail.snippets.models import get_snippet_models

from cms.broadcasting.proof.models import DailyHead, PlayRecord
from cms.editorial.models import Role
from cms.releases.services import agent_upload_record

from .factories import cluster_make, user
from .proof_helpers import face_make, play

pytestmark = pytest.mark.django_db
INDEX = reverse("broadcasting_proof")
QUERY = {"cluster": "bo-y", "start": "2026-11-24", "end": "2026-11-24"}


@pytest.fixture
def cluster():
    cluster = cluster_make("bo-y")
    face_make(cluster)
    with freeze_time("2026-11-24T08:02:01+07:00"):  # received that day
        agent_upload_record(
            cluster=cluster,
            kind="play_log",
            idempotency_key=str(uuid.uuid4()),
            payload=play("2026-11-24T08:00:00+07:00", seconds=120, advertising=True),
        )
    return cluster


@pytest.fixture
def inspector(client):
    client.force_login(user("inspector", Role.INSPECTOR))


def test_an_inspector_sees_delivered_airtime_per_face(client, cluster, inspector):
    response = client.get(INDEX, QUERY)

    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-face="lao" data-day="2026-11-24"' in html
    assert "download.csv?" in html and "download.json?" in html


def test_an_inspector_downloads_the_csv_with_bom_and_header(client, cluster, inspector):
    response = client.get(reverse("broadcasting_proof_download", args=["csv"]), QUERY)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        "proof-of-play-bo-y-2026-11-24-2026-11-24.csv"
        in (response["Content-Disposition"])
    )
    lines = response.content.decode("utf-8").splitlines()
    assert lines[0].startswith("\ufefftype,cluster,seq,face,")
    assert lines[1].startswith("record,bo-y,1,lao,42,")


def test_a_range_ending_before_it_starts_says_how_to_fix_it(client, cluster, inspector):
    with translation.override("vi"):
        response = client.get(
            INDEX, QUERY | {"end": "2026-11-23"}, HTTP_ACCEPT_LANGUAGE="vi"
        )

    assert "trước ngày “Từ”" in response.content.decode()


def test_a_provider_cannot_open_proof_of_play(client, cluster):
    agency = cluster.operating_agency
    client.force_login(user("provider", Role.PROVIDER, agency=agency))

    assert client.get(INDEX).status_code == 302


def test_play_records_and_heads_have_no_edit_or_delete_path_in_the_admin():
    models = {PlayRecord, DailyHead}

    assert not models & set(get_snippet_models())
    assert not models & set(admin.site._registry)
    names = [n for n in get_resolver().reverse_dict if isinstance(n, str)]
    assert not [n for n in names if "playrecord" in n or "dailyhead" in n]


def test_without_a_choice_the_page_shows_the_first_cluster_for_14_days(
    client, cluster, inspector
):
    with freeze_time("2026-11-30T12:00:00+07:00"):
        response = client.get(INDEX)

    html = response.content.decode()
    assert html.count('data-face="lao"') == 14
    assert 'data-day="2026-11-17"' in html and 'data-day="2026-11-30"' in html
    assert 'data-day="2026-11-16"' not in html
    assert "download.csv" not in html  # nothing chosen yet
