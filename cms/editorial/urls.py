"""Admin URLs that must win over Wagtail's own (listed before the admin's)."""

from django.urls import path

from . import views

urlpatterns = [
    path("admin/reports/site-history/", views.audit_log, name="editorial_audit_log"),
    path(
        "admin/reports/site-history/results/",
        views.audit_log_results,
        name="editorial_audit_log_results",
    ),
]
