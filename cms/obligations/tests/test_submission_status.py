"""On time, late, missing and not yet due, from real moderation submissions."""

import datetime as dt

import pytest
from django.core.management import call_command
from freezegun import freeze_time
from wagtail.models import WorkflowState

from cms.obligations.models import Obligation
from cms.obligations.selectors import (
    Status,
    monthly_summary,
    obligation_period,
    period_status,
    submission_times,
)

from .submissions import local, page_submitted, programme_submitted

pytestmark = pytest.mark.django_db


def monthly_15(agency, **kwargs):
    values = {"name": "Tin bài tháng", "due_day": 15, "counts": "both"}
    return Obligation.objects.create(agency=agency, **{**values, **kwargs})


def status_of(obligation, day, now):
    period = obligation_period(obligation=obligation, day=day)
    return period_status(obligation=obligation, period=period, now=now)


def test_submitted_at_2359_on_the_due_date_is_on_time(world):
    obligation = monthly_15(world.border)
    page_submitted(world, local(2026, 3, 15, 23, 59, 59))
    state = status_of(obligation, dt.date(2026, 3, 1), local(2026, 4, 1))
    assert state.status == Status.ON_TIME
    assert (state.on_time_count, state.total_count) == (1, 1)


def test_submitted_at_midnight_after_the_due_date_is_late(world):
    obligation = monthly_15(world.border)
    page_submitted(world, local(2026, 3, 16, 0, 0, 0))
    state = status_of(obligation, dt.date(2026, 3, 1), local(2026, 4, 1))
    assert state.status == Status.LATE
    assert (state.on_time_count, state.total_count) == (0, 1)


def test_nothing_after_the_due_date_is_missing_and_before_it_not_yet_due(world):
    obligation = monthly_15(world.border)
    day = dt.date(2026, 3, 1)
    assert status_of(obligation, day, local(2026, 3, 15, 23, 59)).status == (
        Status.PENDING
    )
    assert status_of(obligation, day, local(2026, 3, 16)).status == Status.MISSING


def test_a_submission_in_the_next_month_does_not_mend_this_one(world):
    obligation = monthly_15(world.border)
    page_submitted(world, local(2026, 4, 1, 0, 0))
    march = status_of(obligation, dt.date(2026, 3, 1), local(2026, 4, 2))
    april = status_of(obligation, dt.date(2026, 4, 1), local(2026, 4, 2))
    assert (march.status, april.status) == (Status.MISSING, Status.ON_TIME)


def test_another_agencys_submission_does_not_count(world):
    obligation = monthly_15(world.border)
    page_submitted(
        world,
        local(2026, 3, 10),
        agency=world.radio,
        user=world.users["provider_radio"],
    )
    assert (
        status_of(obligation, dt.date(2026, 3, 1), local(2026, 4, 1)).status
        == Status.MISSING
    )


def test_an_item_the_board_submits_does_not_count_for_the_agency(world):
    obligation = monthly_15(world.border)
    page_submitted(world, local(2026, 3, 10), user=world.users["secretary"])
    assert submission_times(agency=world.border, counts="both") == []
    assert (
        status_of(obligation, dt.date(2026, 3, 1), local(2026, 4, 1)).status
        == Status.MISSING
    )


def test_a_resubmission_counts_once_at_its_first_submission(world):
    obligation = monthly_15(world.border, min_items=2)
    page = page_submitted(world, local(2026, 3, 10))
    provider = world.users["provider"]
    WorkflowState.objects.for_instance(page).update(status="cancelled")
    page.get_workflow().start(page, provider)  # resubmitted now (later)
    times = submission_times(agency=world.border, counts="both")
    assert times == [local(2026, 3, 10)]
    state = status_of(obligation, dt.date(2026, 3, 1), local(2026, 4, 1))
    assert state.status == Status.MISSING


def test_monthly_count_needs_k_items_and_counts_only_what_is_asked(world):
    obligation = monthly_15(world.border, min_items=2, counts="programmes")
    page_submitted(world, local(2026, 3, 2))
    programme_submitted(world, local(2026, 3, 3))
    assert status_of(obligation, dt.date(2026, 3, 1), local(2026, 4, 1)).status == (
        Status.MISSING
    )
    programme_submitted(world, local(2026, 3, 31, 23, 59))
    state = status_of(obligation, dt.date(2026, 3, 1), local(2026, 4, 1))
    assert (state.status, state.on_time_count, state.total_count) == (
        Status.LATE,
        1,
        2,
    )


def test_quarterly_duty_is_on_time_by_15_december_and_crosses_the_year(world):
    obligation = monthly_15(world.border, recurrence="quarterly", counts="programmes")
    programme_submitted(world, local(2026, 10, 1, 0, 0))
    q4 = status_of(obligation, dt.date(2026, 11, 1), local(2027, 1, 5))
    q1 = status_of(obligation, dt.date(2027, 1, 5), local(2027, 1, 5))
    assert q4.period.due == dt.date(2026, 12, 15)
    assert q4.status == Status.ON_TIME
    assert (q1.period.due, q1.status) == (dt.date(2027, 3, 15), Status.PENDING)


def test_the_last_day_of_the_month_duty_closes_at_its_midnight(world):
    obligation = monthly_15(world.border, due_day=31, counts="programmes")
    programme_submitted(world, local(2026, 2, 28, 23, 59))
    state = status_of(obligation, dt.date(2026, 2, 1), local(2026, 3, 1))
    assert (state.period.due, state.status) == (dt.date(2026, 2, 28), Status.ON_TIME)


def test_monthly_summary_lists_quarterly_duties_only_in_the_quarters_last_month(
    world,
):
    monthly_15(world.border, name="Hằng tháng")
    monthly_15(world.border, name="Hằng quý", recurrence="quarterly")
    with freeze_time(local(2026, 12, 31)):
        november = monthly_summary(year=2026, month=11)
        december = monthly_summary(year=2026, month=12)
    assert [s.obligation.name for s in november] == ["Hằng tháng"]
    assert sorted(s.obligation.name for s in december) == ["Hằng quý", "Hằng tháng"]


def test_summary_command_writes_csv_with_vietnamese_headings(world, tmp_path):
    monthly_15(world.border)
    page_submitted(world, local(2026, 3, 15, 12))
    target = tmp_path / "summary.csv"
    with freeze_time(local(2026, 4, 2)):
        call_command("obligations_summary", "--month", "2026-03", "--csv", target)
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("Cơ quan,Nghĩa vụ")
    assert "Bộ đội Biên phòng tỉnh,Tin bài tháng,,2026-03-15,Đúng hạn,1,1,1" in lines


def test_summary_command_names_a_bad_month(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match='"2026-13".*YYYY-MM'):
        call_command("obligations_summary", "--month", "2026-13")
