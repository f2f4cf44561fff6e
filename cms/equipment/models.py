"""A cluster's equipment, its inspection schedule, inspections and repairs.

An Giang Art. 4.1c and 6.6, Cao Bằng Art. 8.6: periodic and ad-hoc
inspections, maintenance and repairs of the LED screens, computers and audio.
When an item is next due is computed in schedule.py.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from . import schedule


class Kind(models.TextChoices):
    LED_FACE = "led_face", _("LED face")
    CONTROLLER = "controller", _("Controller PC")
    KIOSK = "kiosk", _("Lookup kiosk")
    AUDIO = "audio", _("Audio")
    NETWORK = "network", _("Network")
    OTHER = "other", _("Other")


class Unit(models.TextChoices):
    DAYS = schedule.DAYS, _("days")
    MONTHS = schedule.MONTHS, _("months")


class InspectionInterval(models.Model):
    """How often every item of one kind is inspected, unless it sets its own."""

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, unique=True)
    every = models.PositiveSmallIntegerField(
        _("every"), validators=[MinValueValidator(1)]
    )
    unit = models.CharField(
        _("unit"), max_length=10, choices=Unit.choices, default=Unit.MONTHS
    )

    panels = [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("every"), FieldPanel("unit")]),
    ]

    class Meta:
        verbose_name = _("inspection interval")
        verbose_name_plural = _("inspection intervals")
        ordering = ["kind"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.every} {self.get_unit_display()}"


class Item(models.Model):
    """One piece of equipment at a cluster."""

    cluster = models.ForeignKey(
        "clusters.Cluster",
        verbose_name=_("cluster"),
        on_delete=models.PROTECT,
        related_name="equipment",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(
        _("name"), max_length=255, help_text=_("e.g. LED screen facing Laos")
    )
    led_face = models.ForeignKey(
        "clusters.LedFace",
        verbose_name=_("LED face"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For an LED screen: the face it is in the cluster's record."),
    )
    kiosk = models.ForeignKey(
        "clusters.Kiosk",
        verbose_name=_("kiosk"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For a lookup kiosk: the kiosk it is in the cluster's record."),
    )
    make = models.CharField(_("make"), max_length=120, blank=True)
    model = models.CharField(_("model"), max_length=120, blank=True)
    serial_number = models.CharField(_("serial number"), max_length=120, blank=True)
    installed_on = models.DateField(_("installed on"), null=True, blank=True)
    warranty_until = models.DateField(_("warranty until"), null=True, blank=True)
    inspect_every = models.PositiveSmallIntegerField(
        _("inspect every"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty to follow the interval set for its kind."),
    )
    inspect_unit = models.CharField(
        _("unit"), max_length=10, choices=Unit.choices, blank=True
    )
    in_service = models.BooleanField(_("in service"), default=True)
    notes = models.TextField(_("notes"), blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("cluster"),
                FieldPanel("kind"),
                FieldPanel("name"),
                FieldRowPanel([FieldPanel("led_face"), FieldPanel("kiosk")]),
            ],
            heading=_("Item"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("make"), FieldPanel("model")]),
                FieldPanel("serial_number"),
                FieldRowPanel(
                    [FieldPanel("installed_on"), FieldPanel("warranty_until")]
                ),
            ],
            heading=_("Make and warranty"),
        ),
        FieldRowPanel(
            [FieldPanel("inspect_every"), FieldPanel("inspect_unit")],
            heading=_("Inspection schedule"),
        ),
        FieldPanel("in_service"),
        FieldPanel("notes"),
    ]

    class Meta:
        verbose_name = _("equipment item")
        verbose_name_plural = _("equipment")
        ordering = ["cluster__code", "kind", "name"]

    def __str__(self):
        return f"{self.cluster.code}: {self.name}"

    def clean(self):
        super().clean()
        errors = {}
        if (self.inspect_every is None) != (not self.inspect_unit):
            errors["inspect_unit"] = _(
                "Give both the number and the unit (days or months), or leave "
                "both empty to follow the interval of its kind."
            )
        self._check_link("led_face", Kind.LED_FACE, errors)
        self._check_link("kiosk", Kind.KIOSK, errors)
        if (
            self.installed_on
            and self.warranty_until
            and self.warranty_until < self.installed_on
        ):
            errors["warranty_until"] = _(
                "The warranty ends (%(end)s) before the installation (%(start)s)."
            ) % {"end": _day(self.warranty_until), "start": _day(self.installed_on)}
        if errors:
            raise ValidationError(errors)

    def _check_link(self, field: str, kind: str, errors: dict) -> None:
        linked = getattr(self, field)
        if linked is None:
            return
        if self.kind != kind:
            errors[field] = _("Only an item of kind “%(kind)s” links to this.") % {
                "kind": Kind(kind).label
            }
        elif self.cluster_id and linked.cluster_id != self.cluster_id:
            errors[field] = _(
                "%(linked)s belongs to another cluster; choose one of %(cluster)s."
            ) % {"linked": linked, "cluster": self.cluster}


def _day(value) -> str:
    return value.strftime("%d/%m/%Y")


class Inspection(models.Model):
    """A periodic or ad-hoc inspection of one item."""

    class Result(models.TextChoices):
        OK = "ok", _("Working normally")
        FAULTS = "faults", _("Faults found")

    item = models.ForeignKey(
        Item,
        verbose_name=_("equipment item"),
        on_delete=models.CASCADE,
        related_name="inspections",
    )
    inspected_on = models.DateField(_("inspected on"), default=timezone.localdate)
    inspected_by = models.CharField(
        _("inspected by"), max_length=255, help_text=_("Names of who inspected.")
    )
    result = models.CharField(_("result"), max_length=10, choices=Result.choices)
    notes = models.TextField(_("notes"), blank=True)

    panels = [
        FieldPanel("item"),
        FieldRowPanel([FieldPanel("inspected_on"), FieldPanel("inspected_by")]),
        FieldPanel("result"),
        FieldPanel("notes"),
    ]

    class Meta:
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")
        ordering = ["-inspected_on", "-id"]

    def __str__(self):
        return f"{self.item} {_day(self.inspected_on)}"

    def clean(self):
        super().clean()
        if self.result == self.Result.FAULTS and not self.notes.strip():
            raise ValidationError(
                {"notes": _("Describe the faults found, so a repair can be planned.")}
            )
        if self.inspected_on and self.inspected_on > timezone.localdate():
            raise ValidationError(
                {
                    "inspected_on": _(
                        "%(day)s is in the future; record an inspection once done."
                    )
                    % {"day": _day(self.inspected_on)}
                }
            )


class Repair(models.Model):
    """One repair of one item: the fault, what was done, cost and downtime."""

    item = models.ForeignKey(
        Item,
        verbose_name=_("equipment item"),
        on_delete=models.CASCADE,
        related_name="repairs",
    )
    repaired_on = models.DateField(_("repaired on"), default=timezone.localdate)
    fault = models.TextField(_("fault"))
    action = models.TextField(_("action taken"))
    cost = models.DecimalField(
        _("cost (VND)"),
        max_digits=14,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    downtime_hours = models.DecimalField(
        _("downtime (hours)"),
        max_digits=7,
        decimal_places=1,
        default=0,
        validators=[MinValueValidator(0)],
        help_text=_("How long the item was out of service, e.g. 2.5."),
    )
    done_by = models.CharField(
        _("done by"),
        max_length=255,
        blank=True,
        help_text=_("Technician or contractor."),
    )

    panels = [
        FieldPanel("item"),
        FieldRowPanel([FieldPanel("repaired_on"), FieldPanel("done_by")]),
        FieldPanel("fault"),
        FieldPanel("action"),
        FieldRowPanel([FieldPanel("cost"), FieldPanel("downtime_hours")]),
    ]

    class Meta:
        verbose_name = _("repair")
        verbose_name_plural = _("repairs")
        ordering = ["-repaired_on", "-id"]

    def __str__(self):
        return f"{self.item} {_day(self.repaired_on)}"
