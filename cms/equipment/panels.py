"""The admin home's line on equipment overdue for inspection."""

from wagtail.admin.ui.components import Component

from .selectors import overdue_count


class OverdueInspectionsPanel(Component):
    name = "overdue_inspections"
    template_name = "equipment/home_overdue.html"
    order = 95

    def get_context_data(self, parent_context):
        return {"count": overdue_count()}
