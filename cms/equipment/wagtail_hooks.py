"""Equipment, intervals, inspections and repairs as snippets; the schedule view
and the overdue count on the admin home."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import views
from .models import Inspection, InspectionInterval, Item, Repair
from .panels import OverdueInspectionsPanel


class ItemViewSet(SnippetViewSet):
    model = Item
    icon = "desktop"
    menu_label = _("Equipment")
    list_display = [
        "name",
        "cluster",
        "kind",
        "serial_number",
        "installed_on",
        "warranty_until",
        "in_service",
    ]
    list_filter = ["cluster", "kind", "in_service"]
    search_fields = ["name", "serial_number", "make", "model"]


class InspectionViewSet(SnippetViewSet):
    model = Inspection
    icon = "tasks"
    menu_label = _("Inspections")
    list_display = ["item", "inspected_on", "result", "inspected_by"]
    list_filter = ["result", "item__cluster"]


class RepairViewSet(SnippetViewSet):
    model = Repair
    icon = "cogs"
    menu_label = _("Repair log")
    list_display = ["item", "repaired_on", "cost", "downtime_hours", "done_by"]
    list_filter = ["item__cluster"]
    search_fields = ["fault", "action"]


class IntervalViewSet(SnippetViewSet):
    model = InspectionInterval
    icon = "time"
    menu_label = _("Inspection intervals")
    list_display = ["kind", "every", "unit"]


class EquipmentGroup(SnippetViewSetGroup):
    items = (ItemViewSet, InspectionViewSet, RepairViewSet, IntervalViewSet)
    menu_icon = "cogs"
    menu_label = _("Equipment and maintenance")
    menu_name = "equipment"
    menu_order = 318


register_snippet(EquipmentGroup)


@hooks.register("register_admin_urls")
def register_schedule_urls():
    return [
        path(
            "equipment/inspection-schedule/",
            views.inspection_schedule,
            name="equipment_inspection_schedule",
        )
    ]


class ScheduleMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.VIEW)


@hooks.register("register_admin_menu_item")
def register_schedule_menu_item():
    return ScheduleMenuItem(
        _("Inspection schedule"),
        reverse("equipment_inspection_schedule"),
        name="inspection-schedule",
        icon_name="calendar-check",
        order=319,
    )


@hooks.register("construct_homepage_panels")
def add_overdue_inspections_panel(request, panels):
    if request.user.has_perm(views.VIEW):
        panels.append(OverdueInspectionsPanel())
