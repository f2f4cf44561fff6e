"""Rotation keeps the newest backup of each of the last N days, ISO weeks and
months, across week, month and year edges; rotating deletes only the rest."""

import json
from datetime import UTC, datetime, timedelta

import pytest

from cms.operations.rotation import backups_to_keep
from cms.operations.services import backups_rotate


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def nightly(first: str, days: int, hour: int = 2) -> list[datetime]:
    start = at(first).replace(hour=hour)
    return [start + timedelta(days=n) for n in range(days)]


def test_daily_keeps_the_newest_of_each_of_the_last_n_days():
    stamps = nightly("2026-12-01", 10) + [at("2026-12-10T14:00:00")]
    kept = backups_to_keep(stamps, daily=3, weekly=0, monthly=0)
    assert kept == {
        at("2026-12-10T14:00"),
        at("2026-12-09T02:00"),
        at("2026-12-08T02:00"),
    }


def test_a_week_ends_on_sunday():
    # Sat 5, Sun 6 and Mon 7 December 2026: Monday starts ISO week 50.
    stamps = [at("2026-12-05T02:00"), at("2026-12-06T02:00"), at("2026-12-07T02:00")]
    kept = backups_to_keep(stamps, daily=0, weekly=2, monthly=0)
    assert kept == {at("2026-12-07T02:00"), at("2026-12-06T02:00")}


def test_new_year_inside_one_iso_week_keeps_one_weekly_but_two_monthly():
    # Thu 31 Dec 2026 and Fri 1 Jan 2027 are both in ISO week 2026-W53.
    stamps = [at("2026-12-31T02:00"), at("2027-01-01T02:00")]
    assert backups_to_keep(stamps, daily=0, weekly=2, monthly=0) == {
        at("2027-01-01T02:00")
    }
    assert backups_to_keep(stamps, daily=0, weekly=0, monthly=2) == set(stamps)


def test_year_end_week_53_then_week_1():
    # Mon 28 Dec 2026 to Sun 3 Jan 2027 is 2026-W53; Mon 4 Jan opens 2027-W01.
    stamps = nightly("2026-12-28", 8)
    kept = backups_to_keep(stamps, daily=0, weekly=3, monthly=0)
    assert kept == {at("2027-01-04T02:00"), at("2027-01-03T02:00")}


@pytest.mark.parametrize(
    ("last_of_month", "first_of_next"),
    [
        ("2027-01-31", "2027-02-01"),
        ("2027-02-28", "2027-03-01"),
        ("2028-02-29", "2028-03-01"),
        ("2026-12-31", "2027-01-01"),
    ],
)
def test_monthly_keeps_the_last_backup_of_each_month(last_of_month, first_of_next):
    stamps = nightly(last_of_month, 1) + nightly(first_of_next, 3)
    kept = backups_to_keep(stamps, daily=0, weekly=0, monthly=2)
    newest = at(first_of_next).replace(hour=2) + timedelta(days=2)
    assert kept == {newest, at(last_of_month).replace(hour=2)}


def test_a_year_of_nightly_backups_keeps_days_weeks_and_months():
    stamps = nightly("2026-01-01", 365)  # to Thu 31 Dec 2026
    kept = backups_to_keep(stamps, daily=7, weekly=4, monthly=12)
    days = {at("2026-12-31T02:00") - timedelta(days=n) for n in range(7)}
    sundays = {at("2026-12-20T02:00"), at("2026-12-13T02:00")}
    months = {at(f"2026-{m:02d}-01T02:00") - timedelta(days=1) for m in range(2, 13)}
    # Days cover weeks 53 (Mon 28 - Thu 31) and 52 (Fri 25 - Sun 27).
    assert kept == days | sundays | months
    assert len(kept) == 7 + 2 + 11


def test_zero_everywhere_still_keeps_the_newest():
    stamps = nightly("2026-12-01", 5)
    kept = backups_to_keep(stamps, daily=0, weekly=0, monthly=0)
    assert kept == {at("2026-12-05T02:00")}
    assert backups_to_keep([], daily=1, weekly=1, monthly=1) == set()


def fake_backup(root, name: str, *, finished: bool = True) -> None:
    (root / name).mkdir(parents=True)
    if finished:
        (root / name / "manifest.json").write_text(json.dumps({"format": 1}))


def test_rotate_deletes_only_complete_backups_outside_the_rotation(settings, tmp_path):
    settings.BACKUP_ROOT = str(tmp_path)
    settings.BACKUP_STORAGE = "local"
    settings.BACKUP_KEEP_DAILY, settings.BACKUP_KEEP_WEEKLY = 2, 1
    settings.BACKUP_KEEP_MONTHLY = 1
    for day in ("20261203", "20261204", "20261205", "20261206"):
        fake_backup(tmp_path, f"backup-{day}T020000Z")
    fake_backup(tmp_path, ".partial-backup-20261207T020000Z-99", finished=False)
    fake_backup(tmp_path, "notes")

    dropped = backups_rotate()

    assert dropped == ["backup-20261203T020000Z", "backup-20261204T020000Z"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".partial-backup-20261207T020000Z-99",
        "backup-20261205T020000Z",
        "backup-20261206T020000Z",
        "notes",
    ]
