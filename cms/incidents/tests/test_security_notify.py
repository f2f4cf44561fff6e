"""A security incident e-mails the Department and the police once, at commit."""

import smtplib

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from cms.incidents.checks import security_recipients_check
from cms.incidents.models import Incident
from cms.incidents.services import security_notifications_retry

from .factories import ClusterFactory, incident_make, local

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def recipients(settings):
    settings.INCIDENT_DEPARTMENT_EMAILS = ["sottt@laocai.gov.vn"]
    settings.INCIDENT_POLICE_EMAILS = ["pa05@laocai.gov.vn", "sottt@laocai.gov.vn"]
    settings.WAGTAILADMIN_BASE_URL = "https://cms.laocai.gov.vn"
    return settings


@pytest.fixture
def cluster():
    return ClusterFactory(code="kim-thanh", name="Cửa khẩu Kim Thành")


def security(cluster, **values):
    values.setdefault("title", "Màn hình hiển thị nội dung lạ")
    values.setdefault("opened_at", local(2026, 5, 4, 9, 30))
    return incident_make(cluster, kind=Incident.Kind.SECURITY, **values)


def test_a_security_incident_is_emailed_once_when_its_transaction_commits(
    cluster, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        incident = security(cluster, description="Mặt hướng Trung Quốc bị chèn ảnh.")
        assert mail.outbox == []  # not before the commit
        incident.severity = Incident.Severity.CRITICAL
        incident.save()
    assert len(callbacks) == 2
    [message] = mail.outbox
    assert message.to == ["sottt@laocai.gov.vn", "pa05@laocai.gov.vn"]
    assert message.subject == (
        "Sự cố an ninh thông tin tại Cửa khẩu Kim Thành: Màn hình hiển thị nội dung lạ"
    )
    assert "Đã ghi nhận một sự cố an ninh thông tin tại Cụm thông tin" in message.body
    assert "Mức độ: Nghiêm trọng" in message.body
    assert "Thời điểm phát hiện: 09:30 04/05/2026" in message.body
    assert "Mặt hướng Trung Quốc bị chèn ảnh." in message.body
    assert (
        f"https://cms.laocai.gov.vn/admin/snippets/incidents/incident/edit/{incident.pk}/"
        in message.body
    )
    incident.refresh_from_db()
    assert incident.security_notified_at is not None
    [entry] = incident.entries.all()
    assert entry.text == (
        "Đã gửi thư điện tử báo Sở và Công an tỉnh: "
        "sottt@laocai.gov.vn, pa05@laocai.gov.vn."
    )
    # Saving again later sends nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        incident.save()
    assert len(mail.outbox) == 1


def test_other_kinds_are_not_emailed_until_reclassified_as_security(
    cluster, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        incident = incident_make(cluster, kind=Incident.Kind.TECHNICAL)
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        incident.kind = Incident.Kind.SECURITY
        incident.save()
    assert len(mail.outbox) == 1


def test_without_addresses_the_timeline_says_so_and_the_next_run_sends(
    cluster, recipients, django_capture_on_commit_callbacks
):
    recipients.INCIDENT_POLICE_EMAILS = []
    recipients.INCIDENT_DEPARTMENT_EMAILS = []
    with django_capture_on_commit_callbacks(execute=True):
        incident = security(cluster)
    assert mail.outbox == []
    incident.refresh_from_db()
    assert incident.security_notified_at is None
    [entry] = incident.entries.all()
    assert entry.text == (
        "Chưa gửi thư điện tử cho Sở và Công an tỉnh: chưa cấu hình "
        "INCIDENT_DEPARTMENT_EMAILS, INCIDENT_POLICE_EMAILS. Hãy gọi điện báo "
        "ngay, và đề nghị quản trị viên cấu hình địa chỉ."
    )
    assert security_notifications_retry() == 0
    assert incident.entries.count() == 1  # the same warning is not repeated
    recipients.INCIDENT_POLICE_EMAILS = ["pa05@laocai.gov.vn"]
    recipients.INCIDENT_DEPARTMENT_EMAILS = ["sottt@laocai.gov.vn"]
    assert security_notifications_retry() == 1
    assert security_notifications_retry() == 0
    assert [m.to for m in mail.outbox] == [
        ["sottt@laocai.gov.vn", "pa05@laocai.gov.vn"]
    ]


def test_a_refusing_mail_server_is_noted_and_retried(
    cluster, monkeypatch, django_capture_on_commit_callbacks
):
    def refuse(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr("cms.incidents.services.send_mail", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        incident = security(cluster)
    [entry] = incident.entries.all()
    assert entry.text.startswith(
        "Gửi thư điện tử tới sottt@laocai.gov.vn, pa05@laocai.gov.vn không thành "
        "công (Connection unexpectedly closed)."
    )
    monkeypatch.undo()
    call_command("incidents_watch", "--now")
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("department", "police", "ids"),
    [
        (["sottt@laocai.gov.vn"], ["pa05@laocai.gov.vn"], []),
        ([], ["pa05@laocai.gov.vn"], ["incidents.E001"]),
        (["sottt@laocai.gov.vn"], [], ["incidents.E002"]),
        (["sottt@laocai.gov.vn"], ["pa05 at laocai"], ["incidents.E003"]),
    ],
)
def test_the_deploy_check_names_an_empty_or_bad_setting(
    recipients, department, police, ids
):
    recipients.INCIDENT_DEPARTMENT_EMAILS = department
    recipients.INCIDENT_POLICE_EMAILS = police
    errors = security_recipients_check()
    assert [error.id for error in errors] == ids


def test_check_deploy_stops_on_an_empty_police_address(recipients):
    recipients.INCIDENT_POLICE_EMAILS = []
    with pytest.raises(SystemCheckError, match="INCIDENT_POLICE_EMAILS is empty"):
        call_command("check", "--deploy", "--tag", "security")
