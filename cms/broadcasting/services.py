"""Writes: the ready-made airtime policies."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from .models import AirtimePolicy, AirtimeWindow
from .presets import PRESETS


def presets_apply(*, policy_model, window_model, reset: bool) -> list:
    """Create the preset policies that are missing; with ``reset`` restore all.

    Takes the models as arguments so the data migration can pass its
    historical ones.
    """
    policies = []
    for preset in PRESETS:
        policy, created = policy_model.objects.get_or_create(
            regulation=preset["regulation"],
            name=preset["name"],
            defaults={"notes": preset["notes"]},
        )
        if created or reset:
            policy.notes = preset["notes"]
            policy.save()
            window_model.objects.filter(policy=policy).delete()
            window_model.objects.bulk_create(_windows(window_model, policy, preset))
        policies.append(policy)
    return policies


def _windows(window_model, policy, preset) -> list:
    rows = []
    for day_types, start, end in preset["windows"]:
        for day_type in day_types:
            rows.append(
                window_model(
                    policy=policy,
                    day_type=day_type,
                    start=dt.time.fromisoformat(start),
                    end=dt.time.fromisoformat(end),
                    sort_order=len(rows),
                )
            )
    return rows


@transaction.atomic
def airtime_presets_ensure(*, reset: bool = False) -> list:
    """The three provinces' ready-made policies, created if missing.

    ``reset`` puts back their notes and windows where editors changed them.
    """
    return presets_apply(
        policy_model=AirtimePolicy, window_model=AirtimeWindow, reset=reset
    )
