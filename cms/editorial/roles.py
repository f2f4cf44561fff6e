"""What each editorial role may do: the single source of roles_sync().

Model permissions are ``app_label.codename``; page permissions are granted on a
page and its descendants (the tree root for board-wide roles, a section page for
a provider, each locale's home page for a translator); collection permissions
on the root collection (images and documents).
"""

from django.utils.translation import gettext_lazy as _

from .models import Role

ROLE_NAMES = {
    Role.ADMINISTRATOR: _("Administrators"),
    Role.HEAD: _("Head of editorial board"),
    Role.SECRETARIAT: _("Editorial secretariat"),
    Role.OPERATOR: _("Cluster operators"),
    Role.TECHNICIAN: _("Technicians"),
    Role.INSPECTOR: _("Inspectors"),
}
PROVIDER_NAME = _("Provider: %(agency)s")
TRANSLATOR_NAME = _("Translator: %(language)s")
WORKFLOW_NAME = _("Secretariat review → Head of board approval")
SECRETARIAT_TASK_NAME = _("Secretariat review")
HEAD_TASK_NAME = _("Head of board approval")

ADMIN_ACCESS = "wagtailadmin.access_admin"
AUDIT_LOG = ["wagtailcore.view_pagelogentry", "wagtailcore.view_modellogentry"]
MEDIA_USE = [
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
]
MEDIA_EDIT = [*MEDIA_USE, "wagtailimages.change_image", "wagtaildocs.change_document"]

# The cluster fleet (cms/releases): inspectors see it, operators and
# technicians also rebuild, publish, bundle and manage agent credentials.
FLEET_VIEW = "releases.view_fleet"
FLEET_MANAGE = [FLEET_VIEW, "releases.manage_fleet"]

# Emergency control (cms/emergency): the head of board (and administrators) act
# on every cluster and assign clusters to operators; a cluster operator (e.g. a
# border-guard post) acts on the clusters assigned to them.
EMERGENCY_OWN_CLUSTERS = "emergency.issue_emergency"
EMERGENCY_ALL_CLUSTERS = [
    EMERGENCY_OWN_CLUSTERS,
    "emergency.act_on_all_clusters",
    *(
        f"emergency.{verb}_operatorclusters"
        for verb in ("add", "change", "delete", "view")
    ),
]

# Half-year and annual reports (cms/reports): the board writes them and counts
# their figures; operators and inspectors read and download them.
REPORTS_VIEW = "reports.view_report"
REPORTS_WRITE = [
    REPORTS_VIEW,
    "reports.add_report",
    "reports.change_report",
    "reports.generate_report",
]

# Airtime policies, the province calendar and the LED faces' playlists
# (cms/broadcasting): the head of board (and administrators, who hold every
# permission) edit; others read.
AIRTIME_VIEW = [
    "broadcasting.view_airtimepolicy",
    "broadcasting.view_calendarday",
    "broadcasting.view_faceplaylist",
]
AIRTIME_EDIT = [
    *AIRTIME_VIEW,
    *(
        f"broadcasting.{verb}_{model}"
        for verb in ("add", "change", "delete")
        for model in ("airtimepolicy", "calendarday", "faceplaylist")
    ),
]

# Submission obligations and the compliance dashboard (cms/obligations): the
# board sets agencies' duties and chases them; inspectors read compliance.
OBLIGATIONS_VIEW = "obligations.view_obligation"
OBLIGATIONS_EDIT = [
    OBLIGATIONS_VIEW,
    *(f"obligations.{verb}_obligation" for verb in ("add", "change", "delete")),
]

# Incidents (cms/incidents) and equipment (cms/equipment): technicians and
# operators record incidents, inspections and repairs; the head of board (and
# administrators) also keep the inventory and intervals and delete; inspectors read.
INCIDENTS_VIEW = ["incidents.view_incident"]
INCIDENTS_RECORD = [
    *INCIDENTS_VIEW,
    "incidents.add_incident",
    "incidents.change_incident",
]
INCIDENTS_ALL = [*INCIDENTS_RECORD, "incidents.delete_incident"]
EQUIPMENT_MODELS = ("item", "inspectioninterval", "inspection", "repair")
EQUIPMENT_VIEW = [f"equipment.view_{model}" for model in EQUIPMENT_MODELS]
EQUIPMENT_RECORD = [
    *EQUIPMENT_VIEW,
    *(
        f"equipment.{verb}_{model}"
        for verb in ("add", "change")
        for model in ("inspection", "repair")
    ),
]
EQUIPMENT_ALL = [
    *EQUIPMENT_VIEW,
    *(
        f"equipment.{verb}_{model}"
        for verb in ("add", "change", "delete")
        for model in EQUIPMENT_MODELS
    ),
]

# Public feedback (cms/feedback): the secretariat and the head of board take it
# through its workflow and enter what arrives by phone or letter; inspectors read.
FEEDBACK_VIEW = "feedback.view_feedback"
FEEDBACK_HANDLE = [FEEDBACK_VIEW, "feedback.add_feedback", "feedback.handle_feedback"]

MODEL_PERMISSIONS: dict[str, list[str]] = {
    Role.HEAD: [
        ADMIN_ACCESS,
        *INCIDENTS_ALL,
        *EQUIPMENT_ALL,
        *AUDIT_LOG,
        "programmes.add_programme",
        "programmes.change_programme",
        "programmes.delete_programme",
        "programmes.publish_programme",
        *EMERGENCY_ALL_CLUSTERS,
        "programmes.view_programme",
        *REPORTS_WRITE,
        "reports.delete_report",
        "agencies.view_agency",
        "clusters.view_cluster",
        "wagtail_localize.submit_translation",
        *AIRTIME_EDIT,
        *OBLIGATIONS_EDIT,
        *FEEDBACK_HANDLE,
    ],
    Role.SECRETARIAT: [
        ADMIN_ACCESS,
        *REPORTS_WRITE,
        "programmes.add_programme",
        "programmes.change_programme",
        "programmes.view_programme",
        "agencies.view_agency",
        "clusters.view_cluster",
        "wagtail_localize.submit_translation",
        *AIRTIME_VIEW,
        *OBLIGATIONS_EDIT,
        *FEEDBACK_HANDLE,
    ],
    Role.PROVIDER: [
        ADMIN_ACCESS,
        "programmes.add_programme",
        "programmes.change_programme",
        "programmes.view_programme",
    ],
    Role.TRANSLATOR: [ADMIN_ACCESS],
    Role.OPERATOR: [
        ADMIN_ACCESS,
        REPORTS_VIEW,
        *INCIDENTS_RECORD,
        *EQUIPMENT_RECORD,
        "clusters.view_cluster",
        "clusters.change_cluster",
        "programmes.view_programme",
        EMERGENCY_OWN_CLUSTERS,
        "agencies.view_agency",
        *FLEET_MANAGE,
        *AIRTIME_VIEW,
    ],
    Role.TECHNICIAN: [
        ADMIN_ACCESS,
        *INCIDENTS_RECORD,
        *EQUIPMENT_RECORD,
        "clusters.view_cluster",
        "clusters.add_cluster",
        "clusters.change_cluster",
        "agencies.view_agency",
        *FLEET_MANAGE,
        *AIRTIME_VIEW,
    ],
    Role.INSPECTOR: [
        ADMIN_ACCESS,
        REPORTS_VIEW,
        *INCIDENTS_VIEW,
        *EQUIPMENT_VIEW,
        *AUDIT_LOG,
        "programmes.view_programme",
        "clusters.view_cluster",
        "agencies.view_agency",
        FLEET_VIEW,
        *AIRTIME_VIEW,
        OBLIGATIONS_VIEW,
        FEEDBACK_VIEW,
    ],
}

ALL_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
]
# Granted on the tree root, so they reach every locale's tree.
ROOT_PAGE_PERMISSIONS: dict[str, list[str]] = {
    Role.ADMINISTRATOR: ALL_PAGE_PERMISSIONS,
    Role.HEAD: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    Role.SECRETARIAT: ["add_page", "change_page", "lock_page", "unlock_page"],
}
PROVIDER_PAGE_PERMISSIONS = ["add_page", "change_page"]
TRANSLATOR_PAGE_PERMISSIONS = ["change_page"]

COLLECTION_PERMISSIONS: dict[str, list[str]] = {
    Role.ADMINISTRATOR: MEDIA_EDIT,
    Role.HEAD: MEDIA_EDIT,
    Role.SECRETARIAT: MEDIA_EDIT,
    Role.PROVIDER: MEDIA_USE,
}

# Roles whose members see and edit every agency's material.
BOARD_ROLES = {Role.ADMINISTRATOR, Role.HEAD, Role.SECRETARIAT}
