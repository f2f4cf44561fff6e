"""The figures panel on a report's edit page: what was counted, and the actions."""

from django.urls import reverse
from wagtail.admin.panels import Panel

from .export_pdf import pdf_unavailable_message, soffice_path


class ReportFiguresPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "reports/figures_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            report = self.instance
            if not report.pk:
                return context
            user = self.request.user
            context.update(
                {
                    "report": report,
                    "figures": report.frozen_figures,
                    "period": report.period,
                    "docx_url": reverse("reports_download", args=[report.pk, "docx"]),
                    "pdf_url": reverse("reports_download", args=[report.pk, "pdf"]),
                    "pdf_available": soffice_path() is not None,
                    "pdf_unavailable": pdf_unavailable_message(),
                    "regenerate_url": reverse("reports_regenerate", args=[report.pk]),
                    "may_generate": user.has_perm("reports.generate_report"),
                }
            )
            return context
