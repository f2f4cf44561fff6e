"""Turn a kiosk's feedback upload into a feedback item as the agent API keeps it.

Connected in ``FeedbackConfig.ready``. The upload is created inside
``get_or_create``'s transaction, so a `FeedbackPayloadError` raised here undoes
it and the agent API answers the item "rejected" with the reason; a resent
upload is not created again, and `feedback_from_upload` itself returns the
existing item if it runs twice for one upload.
"""

from __future__ import annotations


def feedback_upload_received(sender, instance, created, raw=False, **kwargs):
    if created and not raw and instance.kind == "feedback":
        from .services import feedback_from_upload  # models are ready by now

        feedback_from_upload(upload=instance)
