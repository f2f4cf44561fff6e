"""The check shown on an airtime policy's edit and inspect pages."""

from django.utils import timezone
from wagtail.admin.panels import Panel

from . import selectors

# How far ahead the check lists holidays and swapped days by date.
SPECIAL_DAYS_AHEAD = 120


def policy_check_context(policy) -> dict:
    """The template context of the check for a saved policy (as saved)."""
    policy = selectors.policy_with_windows(pk=policy.pk)
    day_types = selectors.policy_day_types(policy=policy)
    special = selectors.policy_special_days(
        policy=policy, start=timezone.localdate(), days=SPECIAL_DAYS_AHEAD
    )
    return {
        "policy": policy,
        "day_types": day_types,
        "special_days": special,
        "special_days_ahead": SPECIAL_DAYS_AHEAD,
        # Special days use their day type's windows, so they add no new ways.
        "shortfall_count": sum(len(day.shortfalls) for day in day_types),
    }


class AirtimeCheckPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "broadcasting/airtime_check.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            if self.instance.pk:
                context.update(policy_check_context(self.instance))
            return context
