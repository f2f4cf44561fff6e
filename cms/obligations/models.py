"""What each agency must send the department, and when (see duedates.py)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from . import duedates


class Obligation(models.Model):
    """A recurring duty of one agency: at least N items by a day of the month."""

    class Recurrence(models.TextChoices):
        MONTHLY = duedates.MONTHLY, _("Every month")
        QUARTERLY = duedates.QUARTERLY, _("Last month of each quarter")

    class Counts(models.TextChoices):
        PAGES = "pages", _("Kiosk pages")
        PROGRAMMES = "programmes", _("Programmes (videos)")
        BOTH = "both", _("Kiosk pages and programmes")

    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("agency"),
        on_delete=models.CASCADE,
        related_name="obligations",
    )
    name = models.CharField(_("name"), max_length=255)
    recurrence = models.CharField(
        _("recurrence"),
        max_length=20,
        choices=Recurrence.choices,
        default=Recurrence.MONTHLY,
    )
    due_day = models.PositiveSmallIntegerField(
        _("due day"),
        validators=[MinValueValidator(1), MaxValueValidator(31)],
        help_text=_(
            "Day of the month (of the quarter's last month) by which the material "
            "is due, e.g. 15 (Kon Tum Art. 8.2, 8.3) or 20 (Lào Cai Art. 12.2). "
            "31 means the month's last day. A due date on a weekend or holiday "
            "stays where the regulation puts it."
        ),
    )
    min_items = models.PositiveSmallIntegerField(
        _("items required"),
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_("At least this many items per period (Cao Bằng Art. 13: one)."),
    )
    counts = models.CharField(
        _("what counts"), max_length=20, choices=Counts.choices, default=Counts.BOTH
    )
    reminder_days = models.PositiveSmallIntegerField(
        _("reminder lead days"),
        default=3,
        validators=[MaxValueValidator(60)],
        help_text=_(
            "E-mail the agency's providers this many days before the due date if "
            "they have not yet sent enough. 0 sends no reminder."
        ),
    )
    regulation = models.CharField(
        _("regulation"),
        max_length=255,
        blank=True,
        help_text=_("The article that sets the duty, e.g. Kon Tum Art. 8.3."),
    )
    active = models.BooleanField(_("active"), default=True)

    panels = [
        FieldPanel("agency"),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("recurrence"), FieldPanel("due_day")]),
        FieldRowPanel([FieldPanel("min_items"), FieldPanel("counts")]),
        FieldPanel("reminder_days"),
        FieldPanel("regulation"),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = _("submission obligation")
        verbose_name_plural = _("submission obligations")
        ordering = ["agency__name", "name"]

    def __str__(self):
        return f"{self.agency}: {self.name}"


class ReminderSent(models.Model):
    """One reminder e-mail per obligation and due date, so it is sent once."""

    obligation = models.ForeignKey(
        Obligation,
        verbose_name=_("obligation"),
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    due_date = models.DateField(_("due date"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    recipients = models.TextField(_("recipients"), blank=True)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(
                fields=["obligation", "due_date"], name="one_reminder_per_due_date"
            )
        ]

    def __str__(self):
        return f"{self.obligation} ({self.due_date})"
