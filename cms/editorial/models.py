"""Which Wagtail group plays which editorial role.

Groups are found through this table, never by their (translated, editable)
name, so renaming a group in the admin does not break the rules.
"""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Administrators")
    HEAD = "head", _("Head of editorial board")
    SECRETARIAT = "secretariat", _("Editorial secretariat")
    PROVIDER = "provider", _("Provider")
    TRANSLATOR = "translator", _("Translator")
    OPERATOR = "operator", _("Cluster operators")
    TECHNICIAN = "technician", _("Technicians")
    INSPECTOR = "inspector", _("Inspectors")


class RoleGroup(models.Model):
    """A Wagtail group bound to a role (and to an agency or a language)."""

    group = models.OneToOneField(
        Group,
        verbose_name=_("group"),
        on_delete=models.CASCADE,
        related_name="editorial_role",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    agency = models.OneToOneField(
        "agencies.Agency",
        verbose_name=_("agency"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="provider_role",
    )
    language = models.CharField(_("language"), max_length=10, blank=True)

    class Meta:
        verbose_name = _("role group")
        verbose_name_plural = _("role groups")
        constraints = [
            models.UniqueConstraint(
                fields=["role"],
                condition=~models.Q(role__in=["provider", "translator"]),
                name="one_group_per_role",
            ),
            models.UniqueConstraint(
                fields=["language"],
                condition=models.Q(role="translator"),
                name="one_translator_group_per_language",
            ),
            models.CheckConstraint(
                condition=models.Q(role="provider", agency__isnull=False)
                | (~models.Q(role="provider") & models.Q(agency__isnull=True)),
                name="provider_role_has_agency",
            ),
        ]

    def __str__(self):
        return self.group.name


class EditorialWorkflow(models.Model):
    """Marks the workflow that workflows_sync() manages, whatever it is named."""

    workflow = models.OneToOneField(
        "wagtailcore.Workflow",
        verbose_name=_("workflow"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    secretariat_task = models.ForeignKey(
        "wagtailcore.GroupApprovalTask",
        verbose_name=_("secretariat review task"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    head_task = models.ForeignKey(
        "wagtailcore.GroupApprovalTask",
        verbose_name=_("head of board approval task"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("editorial workflow")

    def __str__(self):
        return self.workflow.name
