"""Acceptance (issue 11): the demo province's annual report opens as DOCX, has
sections I–V in order, and the figures in its tables equal the database's.

The demo is seeded once for the module (the parts of seed_demo the report
counts); the clusters' agents then report plays and staff record incidents.
Each expected figure is read here from the database by its own query, not through the
report's code.
"""

import datetime as dt
import io
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone, translation

from cms.agencies.models import Agency
from cms.broadcasting.proof.models import PlayRecord
from cms.broadcasting.proof.selectors import delivered_airtime
from cms.clusters.models import Cluster
from cms.demo import services as seed
from cms.editorial import services as editorial
from cms.feedback.models import Feedback
from cms.incidents.models import Incident
from cms.incidents.tests.factories import incident_make
from cms.obligations.services import obligation_create_from_preset
from cms.programmes.models import Programme
from cms.reports import outline
from cms.reports.figures import local_span
from cms.reports.numbers import hours
from cms.reports.periods import ANNUAL, report_period

from .docx_read import headings, open_docx, picture_count, tables_by_caption
from .factories import local, played

pytestmark = pytest.mark.django_db
PASSWORD = "Kon-Tum-demo-2026!"


def demo_parts_seed() -> None:
    """The demo's organisation, airtime, roles, users and programmes, by the
    seed's own steps in its order; its pages and photos (most of the seeding
    time) are left out, since no report figure counts them."""
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"
    ):
        locales = seed.locales_ensure()
        agencies = seed.agencies_ensure()
        clusters = seed.clusters_ensure(agencies=agencies)
        seed.airtime_assign(clusters=clusters)
        editorial.roles_sync()
        users, _labels = seed.users_ensure(password=PASSWORD, agencies=agencies)
        seed.programmes_ensure(
            locales=locales, users=users, agencies=agencies, clusters=clusters
        )


def report_year(today: dt.date) -> int:
    """The annual report whose period holds today (after 14 Dec: next year's)."""
    return today.year + 1 if today > dt.date(today.year, 12, 14) else today.year


def activity_record(period) -> None:
    """Plays on two demo clusters and incidents, early in the period."""
    live = Programme.objects.filter(live=True, locale__language_code="vi").first()
    bo_y = Cluster.objects.get(code="bo-y")
    le_thanh = Cluster.objects.get(code="le-thanh")
    day = period.start + dt.timedelta(days=10)
    at = local(day.year, day.month, day.day, 7, 30)
    played(bo_y, "facing-laos", at, 1800, programme_id=live.pk)
    played(bo_y, "facing-road", at, 900, programme_id=live.pk)
    played(le_thanh, "wide", at, 3600, programme_id=live.pk)
    played(bo_y, "facing-laos", at - dt.timedelta(days=30), 600)  # before it
    incident_make(bo_y, kind=Incident.Kind.POWER, opened_at=at)
    incident_make(le_thanh, kind=Incident.Kind.SECURITY, opened_at=at)
    for hours_to_answer in (2, None):
        Feedback.objects.create(
            channel=Feedback.Channel.PHONE,
            cluster=bo_y,
            language="en",
            text="The screen facing Laos is too bright at night.",
            sent_at=at,
            received_at=at,
            answered_at=at + dt.timedelta(hours=hours_to_answer)
            if hours_to_answer
            else None,
        )
    radio = Agency.objects.get(slug="radio-tv")
    obligation_create_from_preset(agency=radio, preset="kon_tum_monthly_15")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The seeded demo with a year of activity and its annual report as DOCX."""
    folder = tmp_path_factory.mktemp("demo-report")
    period = report_period(kind=ANNUAL, year=report_year(timezone.localdate()))
    out = folder / "bao-cao-nam.docx"
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=str(folder / "media")),
        transaction.atomic(),
    ):
        demo_parts_seed()
        activity_record(period)
        call_command(
            "report_generate",
            "--kind",
            "annual",
            "--year",
            str(period.year),
            "--out",
            str(out),
            stdout=io.StringIO(),
        )
        document = open_docx(out.read_bytes())
        yield SimpleNamespace(
            period=period, document=document, tables=tables_by_caption(document)
        )
        transaction.set_rollback(True)


def rows(table) -> dict[str, list[str]]:
    return {row[0].strip(): row[1:] for row in table[1:]}


def test_the_report_has_sections_i_to_v_in_order(demo):
    assert headings(demo.document, 1) == outline.SECTIONS
    assert picture_count(demo.document) == 1


def test_its_clusters_and_programme_figures_equal_the_database(demo):
    first, after = local_span(demo.period)
    originals = Programme.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    produced = sum(
        1
        for p in originals
        if first <= p.revisions.order_by("created_at").first().created_at < after
    )
    approved = originals.filter(
        first_published_at__gte=first, first_published_at__lt=after
    ).count()

    clusters = rows(demo.tables["Bảng 1. Các cụm thông tin trong báo cáo"])
    made = rows(demo.tables["Bảng 2. Chương trình đã xây dựng"])

    assert sorted(clusters) == sorted(
        Cluster.objects.filter(is_active=True).values_list("code", flat=True)
    )
    assert made["Chương trình xây dựng mới trong kỳ (lưu lần đầu)"] == [str(produced)]
    assert made["Chương trình được duyệt đăng phát trong kỳ"] == [str(approved)]
    assert produced > 0 and approved > 0


def test_its_broadcast_and_airtime_figures_equal_the_database(demo):
    first, after = local_span(demo.period)
    plays = PlayRecord.objects.filter(
        kind=PlayRecord.Kind.SCHEDULED, started_at__gte=first, started_at__lt=after
    ).exclude(face="kiosk")

    broadcast = rows(demo.tables["Bảng 4. Chương trình đã phát trên màn hình LED"])
    airtime = rows(
        demo.tables["Bảng 5. Thời lượng phát thực tế so với mức tối thiểu (giờ)"]
    )

    assert broadcast["Số lượt phát theo lịch"] == [str(plays.count())] == ["3"]
    for cluster in Cluster.objects.filter(is_active=True):
        days = delivered_airtime(
            cluster=cluster, start=demo.period.start, end=demo.period.end
        )
        faces = cluster.led_faces.count()
        required = sum({d.day: d.required_minutes or 0 for d in days}.values())
        delivered = sum(d.seconds for d in days) // 60 // faces
        assert airtime[cluster.code][:2] == [hours(required), hours(delivered)]
    assert airtime["bo-y"][1] == hours((30 + 15) // 3)  # three faces, one silent


def test_its_feedback_figures_equal_the_database(demo):
    first, after = local_span(demo.period)
    received = Feedback.objects.filter(received_at__gte=first, received_at__lt=after)

    feedback = rows(demo.tables["Bảng 7. Ý kiến phản ánh của người dân"])

    assert feedback["Đã tiếp nhận"] == [str(received.count())] == ["2"]
    assert feedback["Đã trả lời"] == [str(received.exclude(answered_at=None).count())]
    assert feedback["Thời gian trả lời (trung vị, giờ)"] == ["2,0"]


def test_its_incidents_and_compliance_equal_the_database(demo):
    first, after = local_span(demo.period)
    opened = Incident.objects.filter(opened_at__gte=first, opened_at__lt=after)

    incidents = rows(demo.tables["Bảng 6. Sự cố"])
    compliance = demo.tables["Bảng 3. Việc gửi tài liệu, chương trình đúng hạn"]

    for kind, label in Incident.Kind.choices:
        with translation.override("vi"):
            assert incidents[str(label)] == [str(opened.filter(kind=kind).count())]
    assert incidents["Tổng cộng"] == [str(opened.count())] == ["2"]
    [row] = compliance[1:]
    # One duty due on the 15th: twelve due dates, 15 Dec to 15 Nov.
    assert sum(int(n) for n in row[2:]) == 12
