"""Ready-made obligations for the duties the provincial regulations set.

Each preset names the article it comes from (see /work/shared/regulations).
"""

from django.utils.translation import gettext_lazy as _

from . import duedates

PRESETS: dict[str, dict] = {
    "kon_tum_monthly_15": {
        "name": _("Clips and TV reports by the 15th of each month"),
        "recurrence": duedates.MONTHLY,
        "due_day": 15,
        "min_items": 1,
        "counts": "both",
        "regulation": "Kon Tum Art. 8.3",
    },
    "kon_tum_quarterly_15": {
        "name": _("Finished videos by the 15th of the last month of each quarter"),
        "recurrence": duedates.QUARTERLY,
        "due_day": 15,
        "min_items": 1,
        "counts": "programmes",
        "regulation": "Kon Tum Art. 8.2",
    },
    "lao_cai_monthly_20": {
        "name": _("At least one item by the 20th of each month"),
        "recurrence": duedates.MONTHLY,
        "due_day": 20,
        "min_items": 1,
        "counts": "both",
        "regulation": "Lào Cai Art. 12.2",
    },
    "cao_bang_monthly_programme": {
        "name": _("At least one programme a month"),
        "recurrence": duedates.MONTHLY,
        "due_day": 31,
        "min_items": 1,
        "counts": "programmes",
        "regulation": "Cao Bằng Art. 13",
    },
}
