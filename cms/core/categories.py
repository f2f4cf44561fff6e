"""Content categories fixed by regulation (Kon Tum Art. 5; An Giang Art. 4.2a)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    POLICY_LAW = "policy_law", _("Party and State policy and law")
    ACHIEVEMENTS = "achievements", _("National and local achievements")
    ESSENTIAL_PROJECTS = (
        "essential.projects",
        _("Essential: local projects and programmes"),
    )
    ESSENTIAL_ECONOMY = "essential.economy", _("Essential: economy, culture, science")
    ESSENTIAL_SECURITY = "essential.security", _("Essential: public order and security")
    ESSENTIAL_EMERGENCY = (
        "essential.emergency",
        _("Essential: incidents, disasters, rescue, fire, epidemics"),
    )
    ESSENTIAL_EXAMPLES = "essential.examples", _("Essential: good examples")
    ESSENTIAL_CRIME = "essential.crime", _("Essential: crime prevention")
    ESSENTIAL_PRODUCTS = "essential.products", _("Essential: products and services")
    ESSENTIAL_TRAVEL = "essential.travel", _("Essential: information for travellers")
    BORDER_FOREIGN = "border_foreign", _("Border-gate foreign information")
    BORDER_RULES = "border_rules", _("Border and border-gate management rules")
    ADVERTISING = "advertising", _("Advertising")

    @classmethod
    def parent_of(cls, value: str) -> str:
        """The top-level kind of a category ("essential" for every sub-kind)."""
        return value.split(".", 1)[0]
