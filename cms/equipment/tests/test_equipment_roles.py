"""Who records inspections and repairs, who keeps the inventory; audit log."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from cms.editorial.models import Role
from cms.editorial.tests.factories import user
from cms.equipment.models import Inspection, Item, Repair

from .factories import ClusterFactory, item_make

pytestmark = pytest.mark.django_db


def url(model, action="add"):
    return reverse(f"wagtailsnippets_equipment_{model}:{action}")


@pytest.fixture
def item():
    return item_make(ClusterFactory(code="bo-y"), name="Máy tính điều khiển")


def inspection_data(item):
    return {
        "item": str(item.pk),
        "inspected_on": "2026-03-01",
        "inspected_by": "Nguyễn Văn A",
        "result": "ok",
        "notes": "",
    }


def repair_data(item):
    return {
        "item": str(item.pk),
        "repaired_on": "2026-03-02",
        "done_by": "Công ty Bảo trì",
        "fault": "Ổ cứng hỏng",
        "action": "Thay ổ SSD",
        "cost": "2500000",
        "downtime_hours": "5.5",
    }


def item_data(cluster):
    return {
        "cluster": str(cluster.pk),
        "kind": "audio",
        "name": "Loa",
        "in_service": "on",
    }


@pytest.mark.parametrize("role", [Role.TECHNICIAN, Role.OPERATOR])
def test_technicians_and_operators_record_inspections_and_repairs(client, item, role):
    member = user(role, role)
    client.force_login(member)
    response = client.post(url("inspection"), inspection_data(item))
    assert response.status_code == 302
    response = client.post(url("repair"), repair_data(item))
    assert response.status_code == 302
    inspection, repair = Inspection.objects.get(), Repair.objects.get()
    assert (repair.cost, str(repair.downtime_hours)) == (2500000, "5.5")
    for record in (inspection, repair):
        assert ModelLogEntry.objects.filter(
            object_id=str(record.pk), action="wagtail.create", user=member
        ).exists()
    # The inventory is the head of board's.
    client.post(url("item"), item_data(item.cluster))
    assert Item.objects.count() == 1


def test_the_head_of_board_keeps_the_inventory(client, item):
    client.force_login(user("head", Role.HEAD))
    assert client.post(url("item"), item_data(item.cluster)).status_code == 302
    assert Item.objects.filter(name="Loa").exists()


def test_inspectors_read_the_repair_log_but_do_not_write(client, item):
    client.force_login(user("inspector", Role.INSPECTOR))
    Repair.objects.create(item=item, fault="Ổ cứng hỏng", action="Thay ổ SSD")
    listing = client.get(url("repair", "list"))
    assert listing.status_code == 200
    assert "Máy tính điều khiển" in listing.content.decode()
    client.post(url("repair"), repair_data(item))
    client.post(url("inspection"), inspection_data(item))
    assert (Repair.objects.count(), Inspection.objects.count()) == (1, 0)
