"""The monthly compliance summary as CSV (command and admin download)."""

import csv

from django.utils.translation import gettext as _


def summary_csv_write(rows, handle) -> None:
    writer = csv.writer(handle)
    writer.writerow(
        [
            _("Agency"),
            _("Obligation"),
            _("Regulation"),
            _("Due date"),
            _("Status"),
            _("Items by the due date"),
            _("Items in the period"),
            _("Items required"),
        ]
    )
    for row in rows:
        writer.writerow(
            [
                row.obligation.agency.name,
                row.obligation.name,
                row.obligation.regulation,
                row.period.due.isoformat(),
                str(row.label),
                row.on_time_count,
                row.total_count,
                row.obligation.min_items,
            ]
        )
