"""A security incident is e-mailed once its transaction commits."""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from . import services
from .models import Incident


@receiver(post_save, sender=Incident, dispatch_uid="incidents_security_notify")
def security_incident_saved(sender, instance: Incident, **kwargs):
    # Also when staff reclassify an incident as a security one; the service
    # sends at most once per incident.
    if instance.kind == Incident.Kind.SECURITY and not instance.security_notified_at:
        transaction.on_commit(
            partial(services.incident_security_notify, incident_id=instance.pk)
        )
