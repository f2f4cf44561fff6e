"""Helpers for management commands that take a cluster code."""

from django.core.management.base import CommandError

from .models import Cluster


def cluster_for_command(code: str) -> Cluster:
    """The cluster with `code`, or a CommandError listing the known codes."""
    try:
        return Cluster.objects.get(code=code)
    except Cluster.DoesNotExist:
        codes = ", ".join(Cluster.objects.values_list("code", flat=True)) or "none"
        raise CommandError(
            f'No cluster with code "{code}"; known codes: {codes}.'
        ) from None
