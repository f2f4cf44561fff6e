"""Reports in the admin: a snippet list, the figures panel, download and
regenerate views; a new report gets its figures when first saved."""

from django.urls import path, re_path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import views
from .models import Report
from .panels import ReportFiguresPanel
from .services import report_figures_regenerate


class ReportViewSet(SnippetViewSet):
    model = Report
    icon = "doc-full"
    # Wagtail has its own "Reports" menu (site history, …): a distinct label.
    menu_label = _("Periodic reports")
    menu_name = "periodic-reports"
    add_to_admin_menu = True
    menu_order = 316
    list_display = ["__str__", "kind", "year", "agency", "figures_generated_at"]
    list_filter = ["kind", "year", "agency"]
    edit_handler = ObjectList(
        [ReportFiguresPanel(heading=_("Figures and files")), *Report.panels]
    )


register_snippet(ReportViewSet)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        re_path(
            r"^reports/(?P<pk>\d+)/download\.(?P<fmt>docx|pdf)$",
            views.report_download,
            name="reports_download",
        ),
        path(
            "reports/<int:pk>/regenerate/",
            views.report_regenerate,
            name="reports_regenerate",
        ),
    ]


@hooks.register("after_create_snippet")
def report_figures_on_create(request, instance):
    if isinstance(instance, Report):
        report_figures_regenerate(report=instance)
