"""The figure tables of a report's Word document, one function per table.

Labels carry the context "report" so that a short word ("Number", "Closed")
gets the report's Vietnamese, not another screen's.
"""

from django.utils.translation import pgettext
from docx.shared import Pt

from cms.incidents.models import Incident

from .figures import ReportFigures
from .numbers import hours, number, percent


def table_add(document, caption: str, header: list[str], rows: list[list]) -> None:
    """A captioned grid table with a bold header row."""
    _caption(document, caption)
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


def _caption(document, caption: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(12)
    paragraph.paragraph_format.keep_with_next = True
    paragraph.add_run(caption).bold = True


def no_data(document, caption: str) -> None:
    _caption(document, caption)
    document.add_paragraph(
        pgettext("report", "No data recorded in the system for this period.")
    )


def clusters_table(document, figures: ReportFigures) -> None:
    table_add(
        document,
        pgettext("report", "Table 1. Clusters covered by the report"),
        [
            pgettext("report", "Code"),
            pgettext("report", "Cluster"),
            pgettext("report", "Place"),
            pgettext("report", "Operator"),
            pgettext("report", "LED faces"),
            pgettext("report", "Kiosks"),
        ],
        [
            [c.code, c.name, c.place, c.operator, c.led_faces, c.kiosks]
            for c in figures.clusters
        ],
    )


def production_table(document, figures: ReportFigures) -> None:
    table_add(
        document,
        pgettext("report", "Table 2. Programmes produced"),
        [pgettext("report", "Figure"), pgettext("report", "Number")],
        [
            [
                pgettext("report", "Programmes made (first saved) in the period"),
                figures.programmes_produced,
            ],
            [
                pgettext("report", "Programmes approved for broadcast in the period"),
                figures.programmes_approved,
            ],
        ],
    )


def compliance_table(document, figures: ReportFigures) -> None:
    caption = pgettext("report", "Table 3. Submission of material by due date")
    if not figures.compliance:
        no_data(document, caption)
        return
    table_add(
        document,
        caption,
        [
            pgettext("report", "Agency"),
            pgettext("report", "Duty"),
            pgettext("report", "On time"),
            pgettext("report", "Late"),
            pgettext("report", "Missing"),
            pgettext("report", "Not yet due"),
        ],
        [
            [r.agency, r.obligation, r.on_time, r.late, r.missing, r.pending]
            for r in figures.compliance
        ],
    )


def broadcast_table(document, figures: ReportFigures) -> None:
    table_add(
        document,
        pgettext("report", "Table 4. Programmes broadcast on the LED screens"),
        [pgettext("report", "Figure"), pgettext("report", "Number")],
        [
            [
                pgettext("report", "Different programmes broadcast"),
                figures.programmes_broadcast,
            ],
            [pgettext("report", "Scheduled plays"), figures.plays],
            [pgettext("report", "Emergency plays"), figures.emergency_plays],
            [
                pgettext("report", "Advertising time (hours)"),
                hours(figures.advertising_minutes),
            ],
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
        pgettext(
            "report", "Table 5. Airtime delivered against the minimum required (hours)"
        ),
        [
            pgettext("report", "Cluster / LED face"),
            pgettext("report", "Required"),
            pgettext("report", "Delivered"),
            pgettext("report", "Delivered / required"),
            pgettext("report", "Days short"),
            pgettext("report", "Advertising"),
        ],
        rows,
    )


def incidents_table(document, figures: ReportFigures) -> None:
    caption = pgettext("report", "Table 6. Incidents")
    labels = dict(Incident.Kind.choices)
    table_add(
        document,
        caption,
        [pgettext("report", "Kind"), pgettext("report", "Number")],
        [
            [str(labels.get(kind, kind)), count]
            for kind, count in figures.incidents.items()
        ]
        + [[pgettext("report", "Total"), sum(figures.incidents.values())]],
    )


def feedback_table(document, figures: ReportFigures) -> None:
    caption = pgettext("report", "Table 7. Feedback from the public")
    median = figures.feedback.median_hours_to_answer
    table_add(
        document,
        caption,
        [pgettext("report", "Figure"), pgettext("report", "Number")],
        [
            [pgettext("report", "Received"), figures.feedback.received],
            [pgettext("report", "Answered"), figures.feedback.answered],
            [pgettext("report", "Closed"), figures.feedback.closed],
            [
                pgettext("report", "Median time to answer (hours)"),
                "—" if median is None else number(median),
            ],
        ],
    )
