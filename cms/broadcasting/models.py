import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable
from wagtail.search import index

from .days import DayCalendar, DayType
from .regulations import AdvertisingCap, Regulation, advertising_cap, day_rule
from .windows import Window, WindowError, merge


class AirtimePolicy(index.Indexed, ClusterableModel):
    """When a cluster's LED faces play, by day type; shared by clusters.

    Its edit screen (panels) is laid out in wagtail_hooks.AirtimePolicyViewSet.
    """

    name = models.CharField(_("name"), max_length=120, unique=True)
    regulation = models.CharField(
        _("regulation"),
        max_length=20,
        choices=Regulation.choices,
        blank=True,
        help_text=_(
            "The provincial decision this policy is checked against. Kon Tum "
            "03/2024 Art. 6.1: at least 6 h a day, 3 h before and 3 h after noon. "
            "Cao Bằng 31/2020 Art. 8.1: working days 07:30–11:00 and 13:30–18:00; "
            "weekends and holidays 8 to 10 h. An Giang 22/2024 Art. 4.3: "
            "07:00–11:00 and 14:00–18:00 every day, holidays included."
        ),
    )
    advertising_cap_percent = models.PositiveSmallIntegerField(
        _("advertising cap (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "At most this share of an LED face's loop may be advertising. Leave "
            "empty for the regulation's share: Kon Tum 03/2024 Art. 6.3 defers to "
            "the Advertising Law, whose Art. 22.2 allows 10 per cent of a day's "
            "broadcast time; Cao Bằng and An Giang set none."
        ),
    )
    notes = models.TextField(_("notes"), blank=True)

    search_fields = [index.SearchField("name")]

    class Meta:
        verbose_name = _("airtime policy")
        verbose_name_plural = _("airtime policies")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def windows_for(self, day_type: str) -> list[Window]:
        """The merged airtime windows of one day type."""
        return merge(w.window for w in self.windows.all() if w.day_type == day_type)

    def airtime_on(self, day: dt.date, calendar: DayCalendar) -> list[Window]:
        """The merged airtime windows of ``day`` by its day type in ``calendar``."""
        return self.windows_for(calendar.day_type(day))

    def advertising_cap(self) -> AdvertisingCap | None:
        """The cap set here, else the regulation's; None when neither sets one."""
        if self.advertising_cap_percent is not None:
            return AdvertisingCap(
                self.advertising_cap_percent,
                _("the airtime policy “%(policy)s”") % {"policy": self.name},
            )
        return advertising_cap(self.regulation)

    def required_minimum(self, day: dt.date, calendar: DayCalendar) -> int | None:
        """Minutes the regulation requires on ``day``; None without a regulation."""
        rule = day_rule(self.regulation, calendar.day_type(day))
        return rule.minimum if rule else None


class AirtimeWindow(Orderable):
    """One stretch of airtime on one day type."""

    policy = ParentalKey(
        AirtimePolicy, on_delete=models.CASCADE, related_name="windows"
    )
    day_type = models.CharField(_("day type"), max_length=10, choices=DayType.choices)
    start = models.TimeField(_("from"))
    end = models.TimeField(_("until"))

    panels = [
        FieldRowPanel([FieldPanel("day_type"), FieldPanel("start"), FieldPanel("end")])
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("airtime window")
        verbose_name_plural = _("airtime windows")

    def __str__(self):
        return f"{self.get_day_type_display()} {self.window}"

    @property
    def window(self) -> Window:
        return Window.from_times(self.start, self.end)

    def clean(self):
        super().clean()
        if self.start is None or self.end is None:
            return
        try:
            Window.from_times(self.start, self.end)
        except WindowError as err:
            raise ValidationError({"end": str(err)}) from err


class PolicyCluster(Orderable):
    """A cluster that follows a policy; a cluster follows at most one."""

    policy = ParentalKey(
        AirtimePolicy, on_delete=models.CASCADE, related_name="cluster_links"
    )
    cluster = models.OneToOneField(
        "clusters.Cluster",
        verbose_name=_("cluster"),
        on_delete=models.CASCADE,
        related_name="airtime_link",
    )

    panels = [FieldPanel("cluster")]

    class Meta(Orderable.Meta):
        verbose_name = _("cluster following a policy")
        verbose_name_plural = _("clusters following a policy")

    def __str__(self):
        return f"{self.cluster_id} → {self.policy_id}"

    def clean(self):
        super().clean()
        other = (
            PolicyCluster.objects.filter(cluster_id=self.cluster_id)
            .exclude(pk=self.pk)
            .select_related("policy", "cluster")
            .first()
        )
        if other is not None and other.policy_id != self.policy_id:
            raise ValidationError(
                {
                    "cluster": _(
                        "%(cluster)s already follows the policy “%(policy)s”. "
                        "Remove it from that policy first."
                    )
                    % {"cluster": other.cluster, "policy": other.policy}
                }
            )


class CalendarDay(models.Model):
    """A province decision that makes one date a holiday or a working day."""

    date = models.DateField(
        _("date"),
        unique=True,
        error_messages={
            "unique": _(
                "This date is already in the province calendar; edit that entry "
                "instead."
            )
        },
    )
    day_type = models.CharField(
        _("counts as"),
        max_length=10,
        choices=DayType.choices,
        help_text=_(
            "A day off in exchange (ngày nghỉ bù) or an extra holiday: public "
            "holiday. A day worked in exchange (ngày làm bù): working day."
        ),
    )
    name = models.CharField(
        _("name"), max_length=200, help_text=_("e.g. Day off in exchange for 25 April")
    )
    decision = models.CharField(
        _("decision"),
        max_length=200,
        blank=True,
        help_text=_("The document that decided it, e.g. Notice 123/TB-UBND."),
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("day_type")]),
        FieldPanel("name"),
        FieldPanel("decision"),
    ]

    class Meta:
        verbose_name = _("province calendar day")
        verbose_name_plural = _("province calendar days")
        ordering = ["-date"]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} {self.name}"


# Playlists (issue 10 item 2) and proof of play (item 5) live in their own
# packages.
from .playlists.models import FacePlaylist, FacePlaylistEntry  # noqa: E402, F401
from .proof.models import DailyHead, PlayRecord, ProofChain  # noqa: E402, F401
