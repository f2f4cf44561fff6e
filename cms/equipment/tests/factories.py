"""Equipment for tests."""

import datetime as dt

from cms.equipment.models import Item, Kind, Repair
from cms.headless.tests.factories import ClusterFactory

__all__ = ["ClusterFactory", "item_make", "repair_make"]


def item_make(cluster, *, kind=Kind.CONTROLLER, **values) -> Item:
    values.setdefault("name", "Máy tính điều khiển")
    return Item.objects.create(cluster=cluster, kind=kind, **values)


def repair_make(item, *, on: dt.date, **values) -> Repair:
    values.setdefault("fault", "Mất tín hiệu")
    values.setdefault("action", "Thay cáp HDMI")
    return Repair.objects.create(item=item, repaired_on=on, **values)
