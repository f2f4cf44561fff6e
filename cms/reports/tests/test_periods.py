"""Report data periods (Cao Bằng Art. 15.1; Decree 09/2019 Art. 12.2)."""

import datetime as dt

import pytest

from cms.reports.periods import ANNUAL, HALF_YEAR, report_period

D = dt.date


@pytest.mark.parametrize(
    ("kind", "year", "start", "end"),
    [
        (ANNUAL, 2026, D(2025, 12, 15), D(2026, 12, 14)),
        (ANNUAL, 2024, D(2023, 12, 15), D(2024, 12, 14)),
        (HALF_YEAR, 2026, D(2025, 12, 15), D(2026, 6, 14)),
        (HALF_YEAR, 2000, D(1999, 12, 15), D(2000, 6, 14)),
    ],
)
def test_periods_run_from_15_december_of_the_year_before(kind, year, start, end):
    period = report_period(kind=kind, year=year)

    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize(
    ("day", "inside"),
    [
        (D(2025, 12, 14), False),  # last day of the 2025 report
        (D(2025, 12, 15), True),
        (D(2025, 12, 31), True),  # the old year's end belongs to the new report
        (D(2026, 1, 1), True),
        (D(2026, 12, 14), True),
        (D(2026, 12, 15), False),  # first day of the 2027 report
        (D(2026, 12, 31), False),
    ],
)
def test_annual_period_edges(day, inside):
    assert (day in report_period(kind=ANNUAL, year=2026)) is inside


@pytest.mark.parametrize(
    ("day", "inside"),
    [
        (D(2025, 12, 14), False),
        (D(2025, 12, 15), True),
        (D(2026, 6, 14), True),
        (D(2026, 6, 15), False),
    ],
)
def test_half_year_period_edges(day, inside):
    assert (day in report_period(kind=HALF_YEAR, year=2026)) is inside


def test_consecutive_annual_periods_meet_without_gap_or_overlap():
    first = report_period(kind=ANNUAL, year=2025)
    second = report_period(kind=ANNUAL, year=2026)

    assert second.start - first.end == dt.timedelta(days=1)


def test_a_leap_year_period_has_366_days():
    # 15 Dec 2027 – 14 Dec 2028 holds 29 February 2028.
    assert report_period(kind=ANNUAL, year=2028).days == 366
    assert report_period(kind=ANNUAL, year=2026).days == 365


def test_an_unknown_kind_is_refused_by_name():
    with pytest.raises(ValueError, match="quarterly"):
        report_period(kind="quarterly", year=2026)
