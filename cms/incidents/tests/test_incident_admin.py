"""The incidents admin: who may do what, who wrote what, the audit log."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from cms.editorial.models import Role
from cms.editorial.tests.factories import user
from cms.incidents.models import Incident, IncidentEntry

from .factories import ClusterFactory, incident_make

pytestmark = pytest.mark.django_db
ADD = reverse("wagtailsnippets_incidents_incident:add")
LIST = reverse("wagtailsnippets_incidents_incident:list")


def edit_url(incident):
    return reverse("wagtailsnippets_incidents_incident:edit", args=[incident.pk])


def delete_url(incident):
    return reverse("wagtailsnippets_incidents_incident:delete", args=[incident.pk])


@pytest.fixture
def cluster():
    return ClusterFactory(code="bo-y", name="Cửa khẩu Bờ Y")


@pytest.fixture
def users(db):
    return {
        role: user(role, role)
        for role in (Role.TECHNICIAN, Role.OPERATOR, Role.INSPECTOR, Role.HEAD)
    }


def form_data(cluster, *, kind="power", entries=(), **values):
    data = {
        "cluster": str(cluster.pk),
        "kind": kind,
        "severity": "high",
        "title": "Mất điện lưới khu cửa khẩu",
        "description": "Điện lực huyện báo cắt điện.",
        "opened_at": "2026-05-04 09:30",
        "resolved_at": "",
        "resolution": "",
        "entries-TOTAL_FORMS": str(len(entries)),
        "entries-INITIAL_FORMS": "0",
        "entries-MIN_NUM_FORMS": "0",
        "entries-MAX_NUM_FORMS": "1000",
    }
    for i, (at, text) in enumerate(entries):
        data.update(
            {
                f"entries-{i}-at": at,
                f"entries-{i}-text": text,
                f"entries-{i}-id": "",
                f"entries-{i}-ORDER": str(i + 1),
                f"entries-{i}-DELETE": "",
            }
        )
    return data | values


@pytest.mark.parametrize("role", [Role.TECHNICIAN, Role.OPERATOR])
def test_technicians_and_operators_open_incidents_and_write_the_timeline(
    client, cluster, users, role
):
    client.force_login(users[role])
    entry = ("2026-05-04 09:40", "Đã gọi Điện lực huyện, dự kiến có điện lúc 11:00.")
    response = client.post(ADD, form_data(cluster, entries=[entry]))
    assert response.status_code == 302, response.context["form"].errors
    incident = Incident.objects.get()
    assert (incident.opened_by, incident.source) == (users[role], "staff")
    [saved] = incident.entries.all()
    assert (saved.author, saved.text) == (users[role], entry[1])
    assert ModelLogEntry.objects.filter(
        object_id=str(incident.pk), action="wagtail.create", user=users[role]
    ).exists()
    # Resolving is an edit, logged too; the delete is not theirs.
    data = form_data(
        cluster,
        resolved_at="2026-05-04 11:05",
        resolution="Có điện trở lại, cụm hoạt động bình thường.",
    )
    data.update(
        {
            "entries-TOTAL_FORMS": "1",
            "entries-INITIAL_FORMS": "1",
            "entries-0-id": str(saved.pk),
            "entries-0-at": entry[0],
            "entries-0-text": entry[1],
            "entries-0-ORDER": "1",
            "entries-0-DELETE": "",
        }
    )
    response = client.post(edit_url(incident), data)
    assert response.status_code == 302, response.context["form"].errors
    incident.refresh_from_db()
    assert incident.resolution.startswith("Có điện trở lại")
    saved.refresh_from_db()
    assert saved.author == users[role]  # an edit keeps who wrote it
    assert ModelLogEntry.objects.filter(
        object_id=str(incident.pk), action="wagtail.edit", user=users[role]
    ).exists()
    assert client.post(delete_url(incident)).status_code in (302, 403)
    assert Incident.objects.filter(pk=incident.pk).exists()


def test_the_head_of_board_deletes(client, cluster, users):
    incident = incident_make(cluster)
    client.force_login(users[Role.HEAD])
    client.post(delete_url(incident))
    assert not Incident.objects.exists()


def test_inspectors_read_but_do_not_write(client, cluster, users):
    incident = incident_make(cluster, title="Màn hình hướng Lào tắt")
    client.force_login(users[Role.INSPECTOR])
    listing = client.get(LIST, HTTP_ACCEPT_LANGUAGE="vi")
    assert listing.status_code == 200
    assert "Màn hình hướng Lào tắt" in listing.content.decode()
    client.post(ADD, form_data(cluster))
    client.post(edit_url(incident), form_data(cluster, title="Đã sửa"))
    incident.refresh_from_db()
    assert incident.title == "Màn hình hướng Lào tắt"
    assert Incident.objects.count() == 1


def test_a_resolution_without_its_time_is_refused_with_how_to_fix(
    client, cluster, users
):
    client.force_login(users[Role.TECHNICIAN])
    response = client.post(
        ADD,
        form_data(cluster, resolution="Đã thay cầu chì."),
        HTTP_ACCEPT_LANGUAGE="vi",
    )
    assert response.status_code == 200
    assert response.context["form"].errors["resolved_at"] == [
        "Hãy ghi thời điểm khắc phục xong, hoặc xoá nội dung khắc phục nếu sự cố "
        "vẫn đang mở."
    ]
    response = client.post(
        ADD,
        form_data(
            cluster, resolved_at="2026-05-04 09:00", resolution="Đã thay cầu chì."
        ),
        HTTP_ACCEPT_LANGUAGE="vi",
    )
    assert response.context["form"].errors["resolved_at"] == [
        "Thời điểm khắc phục 04/05/2026 09:00 sớm hơn lúc mở sự cố "
        "(04/05/2026 09:30); hãy ghi thời điểm muộn hơn."
    ]


def test_a_security_incident_without_addresses_warns_to_telephone(
    client, cluster, users, settings
):
    settings.INCIDENT_DEPARTMENT_EMAILS = ["sottt@laocai.gov.vn"]
    settings.INCIDENT_POLICE_EMAILS = []
    client.force_login(users[Role.TECHNICIAN])
    response = client.post(
        ADD, form_data(cluster, kind="security"), follow=True, HTTP_ACCEPT_LANGUAGE="vi"
    )
    html = response.content.decode()
    assert "Không thể gửi thư điện tử báo sự cố an ninh này" in html
    assert "chưa cấu hình INCIDENT_POLICE_EMAILS. Hãy gọi điện báo ngay" in html


def test_the_automatic_resolution_reads_in_the_audit_log(client, cluster, users):
    from wagtail.log_actions import log

    incident = incident_make(cluster)
    log(instance=incident, action="incidents.auto_resolve", data={})
    client.force_login(users[Role.HEAD])
    response = client.get(
        reverse("wagtailsnippets_incidents_incident:history", args=[incident.pk]),
        HTTP_ACCEPT_LANGUAGE="vi",
    )
    assert "Đã đóng: trình đồng bộ của cụm báo cáo lại" in response.content.decode()


def test_saved_timeline_entries_are_kept_and_show_who_wrote_them(
    client, cluster, users
):
    technician = users[Role.TECHNICIAN]
    client.force_login(technician)
    first = ("2026-05-04 09:40", "Đã gọi Điện lực huyện.")
    client.post(ADD, form_data(cluster, entries=[first]))
    incident = Incident.objects.get()
    [kept] = incident.entries.all()
    IncidentEntry.objects.create(incident=incident, text="Tự động mở.")  # the system
    page = client.get(edit_url(incident), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "technician" in page and "—" in page
    existing = {
        "entries-INITIAL_FORMS": "1",
        "entries-0-id": str(kept.pk),
        "entries-0-at": "2026-05-04 08:00",
        "entries-0-text": "Sửa lại cho đẹp.",
        "entries-0-ORDER": "1",
        "entries-0-DELETE": "",
    }
    later = ("2026-05-04 10:15", "Điện lực đang khắc phục.")
    data = form_data(cluster, entries=[("", ""), later])
    data.update(existing)
    data.update(
        {
            f"entries-1-{key}": value
            for key, value in (("at", later[0]), ("text", later[1]), ("id", ""))
        }
    )
    data["entries-TOTAL_FORMS"] = "2"
    response = client.post(edit_url(incident), data)
    assert response.status_code == 302, response.context["form"].errors
    kept.refresh_from_db()
    assert (kept.text, kept.author) == ("Đã gọi Điện lực huyện.", technician)
    added = incident.entries.get(text=later[1])
    assert added.author == technician
    # Removing a saved entry is refused, saying what to do instead.
    data = form_data(cluster)
    data.update(existing | {"entries-0-DELETE": "1", "entries-TOTAL_FORMS": "1"})
    response = client.post(edit_url(incident), data, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    assert (
        "Các mục diễn biến được lưu làm hồ sơ, không xoá được; hãy thêm một mục "
        "mới để đính chính." in response.content.decode()
    )
    assert IncidentEntry.objects.filter(pk=kept.pk).exists()
