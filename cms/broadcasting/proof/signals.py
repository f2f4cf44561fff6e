"""Record a play as soon as the agent API keeps its upload.

Connected in ``BroadcastingConfig.ready``. The upload is created inside
``get_or_create``'s transaction, so a `PlayLogError` raised here undoes it and
the agent API answers the item "rejected" with the error (the agent sets it
aside); a retried upload is not created again and so never recorded twice.
"""

from __future__ import annotations


def play_log_received(sender, instance, created, raw=False, **kwargs):
    if created and not raw and instance.kind == "play_log":
        from .services import play_log_ingest  # models are ready by now

        play_log_ingest(upload=instance)
