"""The figure tables of a report's Word document, one function per table.

Numbers are written the Vietnamese way: 1.234 for a thousand and more, 12,5
for a decimal (hours to one decimal place).
"""

from django.utils.translation import gettext as _

from . import sources
from .figures import ReportFigures


def number(value: int | float) -> str:
    """``value`` with "." between thousands and "," before the decimals."""
    text = f"{value:,.1f}" if isinstance(value, float) else f"{value:,d}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def hours(minutes: int) -> str:
    return number(round(minutes / 60, 1))


def percent(value: float | None) -> str:
    return "—" if value is None else number(value) + " %"


def table_add(document, caption: str, header: list[str], rows: list[list]) -> None:
    """A captioned grid table with a bold header row."""
    document.add_paragraph().add_run(caption).bold = True
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = value if isinstance(value, str) else number(value)


def no_data(document, caption: str) -> None:
    document.add_paragraph().add_run(caption).bold = True
    document.add_paragraph(_("No data recorded in the system for this period."))


def clusters_table(document, figures: ReportFigures) -> None:
    table_add(
        document,
        _("Table 1. Clusters covered by the report"),
        [
            _("Code"),
            _("Cluster"),
            _("Place"),
            _("Operator"),
            _("LED faces"),
            _("Kiosks"),
        ],
        [
            [c.code, c.name, c.place, c.operator, c.led_faces, c.kiosks]
            for c in figures.clusters
        ],
    )


def production_table(document, figures: ReportFigures) -> None:
    table_add(
        document,
        _("Table 2. Programmes produced"),
        [_("Figure"), _("Number")],
        [
            [
                _("Programmes made (first saved) in the period"),
                figures.programmes_produced,
            ],
            [
                _("Programmes approved for broadcast in the period"),
                figures.programmes_approved,
            ],
        ],
    )


def compliance_table(document, figures: ReportFigures) -> None:
    caption = _("Table 3. Submission of material by due date")
    if not figures.compliance:
        no_data(document, caption)
        return
    table_add(
        document,
        caption,
        [
            _("Agency"),
            _("Duty"),
            _("On time"),
            _("Late"),
            _("Missing"),
            _("Not yet due"),
        ],
        [
            [r.agency, r.obligation, r.on_time, r.late, r.missing, r.pending]
            for r in figures.compliance
        ],
    )


def broadcast_table(document, figures: ReportFigures) -> None:
    table_add(
        document,
        _("Table 4. Programmes broadcast on the LED screens"),
        [_("Figure"), _("Number")],
        [
            [_("Different programmes broadcast"), figures.programmes_broadcast],
            [_("Scheduled plays"), figures.plays],
            [_("Emergency plays"), figures.emergency_plays],
            [_("Advertising time (hours)"), hours(figures.advertising_minutes)],
        ],
    )


def airtime_table(document, figures: ReportFigures) -> None:
    rows = []
    for c in figures.airtime:
        rows.append(
            [
                c.code,
                hours(c.required_minutes),
                hours(c.delivered_minutes),
                percent(c.delivered_percent),
                c.short_days,
                hours(c.advertising_minutes),
            ]
        )
        for face in c.faces:
            rows.append(
                [
                    f"  {c.code}/{face.face}",
                    "",
                    hours(face.delivered_minutes),
                    "",
                    face.short_days,
                    hours(face.advertising_minutes),
                ]
            )
    table_add(
        document,
        _("Table 5. Airtime delivered against the minimum required (hours)"),
        [
            _("Cluster / LED face"),
            _("Required"),
            _("Delivered"),
            _("Delivered / required"),
            _("Days short"),
            _("Advertising"),
        ],
        rows,
    )


def incidents_table(document, figures: ReportFigures) -> None:
    caption = _("Table 6. Incidents")
    if figures.incidents is None:
        no_data(document, caption)
        return
    labels = sources.incident_kind_labels()
    table_add(
        document,
        caption,
        [_("Kind"), _("Number")],
        [
            [str(labels.get(kind, kind)), count]
            for kind, count in sorted(figures.incidents.items())
        ]
        + [[_("Total"), sum(figures.incidents.values())]],
    )


def feedback_table(document, figures: ReportFigures) -> None:
    caption = _("Table 7. Feedback from the public")
    if figures.feedback is None:
        no_data(document, caption)
        return
    median = figures.feedback.median_hours_to_answer
    table_add(
        document,
        caption,
        [_("Figure"), _("Number")],
        [
            [_("Received"), figures.feedback.received],
            [_("Answered"), figures.feedback.answered],
            [_("Closed"), figures.feedback.closed],
            [
                _("Median time to answer (hours)"),
                "—" if median is None else number(median),
            ],
        ],
    )
