"""Print or export the month's submission compliance summary as CSV."""

import datetime as dt
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from ...exports import summary_csv_write
from ...selectors import monthly_summary


def _month(value: str) -> tuple[int, int]:
    try:
        day = dt.datetime.strptime(value, "%Y-%m")
    except ValueError as err:
        raise CommandError(
            f'"{value}" is not a month; write it as YYYY-MM, e.g. 2026-03'
        ) from err
    return day.year, day.month


class Command(BaseCommand):
    help = "Print the month's compliance summary (or write it to a CSV file)."

    def add_arguments(self, parser):
        parser.add_argument("--month", required=True, help="YYYY-MM")
        parser.add_argument("--csv", help="Write CSV to this file ('-' for stdout).")

    def handle(self, *args, month, csv=None, **options):
        year, month_number = _month(month)
        with translation.override("vi"):
            rows = monthly_summary(year=year, month=month_number)
            if csv == "-":
                summary_csv_write(rows, sys.stdout)
            elif csv:
                with open(csv, "w", encoding="utf-8-sig", newline="") as handle:
                    summary_csv_write(rows, handle)
                self.stdout.write(_("Written to %(path)s") % {"path": csv})
            else:
                for row in rows:
                    self.stdout.write(
                        f"{row.obligation.agency}\t{row.obligation.name}\t"
                        f"{row.period.due:%d/%m/%Y}\t{row.label}\t"
                        f"{row.on_time_count}/{row.total_count}"
                    )
