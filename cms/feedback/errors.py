from cms.releases.errors import AgentDataError


class FeedbackError(Exception):
    """A feedback item cannot be recorded or moved through its workflow as asked."""


class FeedbackPayloadError(AgentDataError):
    """A kiosk's feedback upload cannot become a feedback item (agent rejects it)."""
