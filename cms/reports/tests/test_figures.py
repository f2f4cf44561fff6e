"""The figures a report counts, per operating body and for the department."""

import datetime as dt
from itertools import pairwise

import pytest

from cms.incidents.tests.factories import incident_make
from cms.obligations.services import obligation_create_from_preset
from cms.obligations.tests.submissions import programme_submitted
from cms.reports.figures import ReportFigures, figures, spans
from cms.reports.periods import ANNUAL, report_period

from .factories import cluster_make, every_day_policy, local, programme_made

pytestmark = pytest.mark.django_db
PERIOD = report_period(kind=ANNUAL, year=2026)  # 15/12/2025 – 14/12/2026
NOW = local(2026, 12, 20, 9, 0)


def test_an_operating_body_counts_its_own_clusters_plays_and_airtime(province):
    found = figures(period=PERIOD, agency=province.border, now=NOW)

    assert [c.code for c in found.clusters] == ["bo-y"]
    assert (found.plays, found.emergency_plays, found.programmes_broadcast) == (
        5,
        1,
        3,
    )
    [airtime] = found.airtime
    # 365 days × 8 h; the average face: lao 60 + 10 + 0 min, vn 30 + 60 min.
    assert airtime.required_minutes == 365 * 480
    assert [
        (f.face, f.delivered_minutes, f.advertising_minutes) for f in airtime.faces
    ] == [
        ("lao", 70, 10),
        ("vn", 90, 0),
    ]
    assert airtime.delivered_minutes == 80
    assert airtime.advertising_minutes == 5
    assert airtime.short_days == 365
    assert found.advertising_minutes == 5


def test_the_department_counts_every_cluster(province):
    found = figures(period=PERIOD, agency=None, now=NOW)

    assert [c.code for c in found.clusters] == ["bo-y", "le-thanh"]
    assert (found.plays, found.programmes_broadcast) == (6, 3)
    assert [(a.code, a.delivered_minutes) for a in found.airtime] == [
        ("bo-y", 80),
        ("le-thanh", 120),
    ]
    assert found.agency_name == ""


def test_programmes_count_by_first_save_and_first_approval_in_the_period(province):
    programme_made(
        province.radio,
        "Trong kỳ",
        saved=local(2026, 1, 10),
        published=local(2026, 1, 12),
    )
    programme_made(province.radio, "Sau kỳ", saved=local(2026, 12, 15, 0, 0))
    programme_made(province.radio, "Đầu kỳ", saved=local(2025, 12, 15, 0, 0))
    programme_made(
        province.border,
        "Cũ",
        saved=local(2025, 12, 14, 23, 59),
        published=local(2025, 12, 20),
    )
    programme_made(province.radio, "English", saved=local(2026, 1, 10), language="en")

    radio = figures(period=PERIOD, agency=province.radio, now=NOW)
    border = figures(period=PERIOD, agency=province.border, now=NOW)
    everyone = figures(period=PERIOD, agency=None, now=NOW)

    assert (radio.programmes_produced, radio.programmes_approved) == (2, 1)
    assert (border.programmes_produced, border.programmes_approved) == (0, 1)
    assert (everyone.programmes_produced, everyone.programmes_approved) == (2, 2)


def test_compliance_counts_each_due_date_inside_the_period(world):
    obligation_create_from_preset(agency=world.border, preset="kon_tum_monthly_15")
    programme_submitted(world, local(2026, 1, 10, 9))  # January: on time
    programme_submitted(world, local(2026, 2, 20, 9))  # February: late

    [row] = figures(period=PERIOD, agency=world.border, now=NOW).compliance
    # Due 15/12/2025 (the first day) … 15/11/2026; 15/12/2026 is outside.
    assert (row.on_time, row.late, row.missing, row.pending) == (1, 1, 10, 0)

    before = figures(period=PERIOD, agency=world.border, now=local(2026, 11, 10))
    assert before.compliance[0].pending == 1
    assert before.compliance[0].missing == 9
    assert figures(period=PERIOD, agency=world.radio, now=NOW).compliance == []


def test_figures_survive_their_json_unchanged(province):
    found = figures(period=PERIOD, agency=None, now=NOW)

    assert ReportFigures.from_json(found.to_json()) == found


def test_incidents_are_counted_by_kind_for_the_body_s_clusters(province):
    bo_y, le_thanh = province.bo_y, province.le_thanh
    incident_make(bo_y, kind="power", opened_at=local(2025, 12, 15, 0, 0))
    incident_make(bo_y, kind="security", opened_at=local(2026, 12, 14, 23, 59))
    incident_make(bo_y, kind="power", opened_at=local(2026, 12, 15, 0, 0))  # after
    incident_make(le_thanh, kind="technical", opened_at=local(2026, 5, 1, 10))

    border = figures(period=PERIOD, agency=province.border, now=NOW)
    everyone = figures(period=PERIOD, agency=None, now=NOW)

    assert border.incidents == {"power": 1, "technical": 0, "security": 1}
    assert everyone.incidents == {"power": 1, "technical": 1, "security": 1}


@pytest.mark.parametrize(("kind", "count"), [(ANNUAL, 53), ("half_year", 26)])
def test_airtime_is_read_a_week_at_a_time_covering_every_day_once(kind, count):
    period = report_period(kind=kind, year=2026)

    found = spans(period)

    assert len(found) == count
    assert found[0][0] == period.start and found[-1][1] == period.end
    assert all(b[0] - a[1] == dt.timedelta(days=1) for a, b in pairwise(found))
    assert all((end - start).days < 7 for start, end in found)


def test_an_inactive_cluster_counts_only_if_it_played_in_the_period(province):
    province.le_thanh.is_active = False
    province.le_thanh.save()
    retired = cluster_make("cu", province.radio, ["wide"], every_day_policy("Cũ"))
    retired.is_active = False
    retired.save()

    found = figures(period=PERIOD, agency=province.radio, now=NOW)

    assert [c.code for c in found.clusters] == ["le-thanh"]  # it played in February
