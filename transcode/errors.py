"""Exceptions raised by the transcode package.

Every error carries an English message template (a gettext msgid with named
placeholders) and its parameters, so that a caller with its own catalogue (the
CMS) can translate ``err.template % err.params``; ``err.reason`` is the message
in the process's own language.
"""

from __future__ import annotations

import gettext as _gettext
from pathlib import Path

_catalogue = _gettext.translation(
    "transcode", localedir=Path(__file__).parent / "locale", fallback=True
)


def translate(message: str) -> str:
    """``message`` in the process's language (English without a catalogue)."""
    return _catalogue.gettext(message)


def gettext_noop(message: str) -> str:
    """Mark a msgid for extraction; it is translated when the error is shown."""
    return message


class TranscodeError(Exception):
    """Base class of every error of the transcode package."""

    code = "transcode_error"

    def __init__(self, template: str, /, **params: object) -> None:
        self.template = template
        self.params = params
        super().__init__(self.reason)

    @property
    def reason(self) -> str:
        """The message, in the process's language, with its values filled in."""
        return _catalogue.gettext(self.template) % self.params


class ProbeRefused(TranscodeError):
    """The input is not a usable video (``code`` says why, ``reason`` how to fix)."""

    code = "probe_refused"

    def __init__(self, code: str, template: str, /, **params: object) -> None:
        self.code = code
        super().__init__(template, **params)


class InvalidProfile(TranscodeError):
    """A profile or an output path cannot be honoured."""

    code = "invalid_profile"


class SubtitleError(TranscodeError):
    """A subtitle file cannot be read or converted."""

    code = "subtitle_error"


class EncodeFailed(TranscodeError):
    """ffmpeg failed, timed out or could not be started."""

    code = "encode_failed"


class VerifyFailed(TranscodeError):
    """An output does not match its profile; it was not published.

    ``problems`` lists each mismatch as (msgid, params) for the caller's gettext.
    """

    code = "verify_failed"
    problems: list[tuple[str, dict]] = []


class Cancelled(TranscodeError):
    """The caller cancelled the transcode; nothing was published."""

    code = "cancelled"
