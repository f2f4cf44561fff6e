"""The signed emergency state of a cluster: its format, signing and checking.

The CMS answers ``GET <cms>/<cluster>/emergency`` with a DSSE envelope
(securesystemslib's `Envelope`: ``{"payload", "payloadType", "signatures"}``)
signed with the province's release key, the key the agent's root metadata
(``root.json``) names for the ``targets`` role. Its payload is the JSON::

    {"version": 1, "cluster": "bo-y", "sequence": 1733...,
     "updated_at": "2026-12-07T08:00:00+07:00",
     "emergency": null | {"id", "started_at", "until", "messages", "programme"},
     "faces_off": ["lao"]}

``sequence`` only grows (the CMS raises it at every change for the cluster),
so the agent can refuse a replayed older state; ``cluster`` is checked
because one key signs every cluster's state. The rest is contract §2 of
``/emergency.json`` (`kiosk_site.agent.emergency`). The CMS signs with
`state_sign`, the agent checks with `state_open`: one module for both sides.
"""

from __future__ import annotations

import copy
import json
from datetime import datetime
from pathlib import Path

from securesystemslib.dsse import Envelope
from securesystemslib.exceptions import FormatError, VerificationError
from securesystemslib.signer import Signer
from tuf.api.metadata import Metadata, Root
from tuf.api.serialization import DeserializationError

from kiosk_site.errors import AgentError

PAYLOAD_TYPE = "application/vnd.kiosk-emergency-state+json"
STATE_VERSION = 1
SIGNING_ROLE = "targets"


class StateRefused(AgentError):
    """An emergency state that is unsigned, badly signed, malformed or not ours."""


def state_sign(*, state: dict, signer: Signer) -> dict:
    """The DSSE envelope (a JSON-ready dict) of ``state`` signed by ``signer``."""
    payload = json.dumps(state, ensure_ascii=False, sort_keys=True).encode()
    envelope = Envelope(payload, PAYLOAD_TYPE, {})
    envelope.sign(signer)
    return envelope.to_dict()


def state_open(*, envelope: object, root_path: Path, cluster: str) -> dict:
    """The state inside ``envelope`` once its signature and shape are checked.

    The signature must verify with the ``targets`` key(s) of the root
    metadata at ``root_path`` (its threshold), and the state must name
    ``cluster``. Raises `StateRefused` saying what is wrong.
    """
    opened = _envelope_parse(envelope=envelope)
    keys, threshold = _trusted_keys(root_path=root_path)
    try:
        opened.verify(keys, threshold)
    except (VerificationError, ValueError) as err:
        raise StateRefused(
            "the emergency state is not signed by the province key of the root "
            f"metadata {root_path} ({err}); refused"
        ) from err
    try:
        state = json.loads(opened.payload)
    except (ValueError, UnicodeDecodeError) as err:
        raise StateRefused(f"the signed emergency state is not JSON: {err}") from err
    _shape_check(state=state)
    if state["cluster"] != cluster:
        raise StateRefused(
            f"the emergency state is for cluster {state['cluster']!r}, this agent "
            f"serves {cluster!r}; refused"
        )
    return state


def _envelope_parse(*, envelope: object) -> Envelope:
    if not isinstance(envelope, dict) or not envelope.get("signatures"):
        raise StateRefused("the emergency state carries no signature; refused")
    if envelope.get("payloadType") != PAYLOAD_TYPE:
        raise StateRefused(
            f"the emergency state's payloadType is {envelope.get('payloadType')!r}, "
            f"not {PAYLOAD_TYPE!r}; refused"
        )
    try:
        return Envelope.from_dict(copy.deepcopy(envelope))  # it edits what it reads
    except (KeyError, TypeError, ValueError, FormatError) as err:
        raise StateRefused(f"the emergency state envelope is malformed: {err}") from err


def _trusted_keys(*, root_path: Path) -> tuple[list, int]:
    try:
        root = Metadata[Root].from_bytes(root_path.read_bytes()).signed
    except OSError as err:
        raise AgentError(
            f"cannot read the root metadata {root_path}: {err.strerror}; copy the "
            "province's root.json there"
        ) from err
    except DeserializationError as err:
        raise AgentError(f"root metadata {root_path} is not valid: {err}") from err
    role = root.roles[SIGNING_ROLE]
    return [root.get_key(keyid) for keyid in role.keyids], role.threshold


def _shape_check(*, state: object) -> None:
    """Refuse a payload that is not the documented state (see the docstring)."""
    problems = _shape_problems(state=state)
    if problems:
        raise StateRefused(
            f"the signed emergency state is malformed ({'; '.join(problems)}); refused"
        )


def _shape_problems(*, state: object) -> list[str]:
    if not isinstance(state, dict):
        return ["not a JSON object"]
    problems = []
    if state.get("version") != STATE_VERSION:
        problems.append(f"version {state.get('version')!r} is not {STATE_VERSION}")
    if not isinstance(state.get("cluster"), str):
        problems.append("no cluster")
    sequence = state.get("sequence")
    if not isinstance(sequence, int) or isinstance(sequence, bool) or sequence < 0:
        problems.append(f"sequence {sequence!r} is not a whole number")
    if not _is_time(state.get("updated_at")):
        problems.append(f"updated_at {state.get('updated_at')!r} is not a time")
    faces = state.get("faces_off")
    if not isinstance(faces, list) or not all(isinstance(f, str) for f in faces):
        problems.append("faces_off is not a list of face codes")
    emergency = state.get("emergency")
    if emergency is not None:
        problems += _emergency_problems(emergency=emergency)
    return problems


def _emergency_problems(*, emergency: object) -> list[str]:
    if not isinstance(emergency, dict):
        return ["emergency is neither null nor an object"]
    problems = []
    if not _is_time(emergency.get("started_at")):
        problems.append("emergency.started_at is not a time")
    until = emergency.get("until")
    if until is not None and not _is_time(until):
        problems.append(f"emergency.until {until!r} is not a time")
    messages = emergency.get("messages")
    if not isinstance(messages, list) or not all(
        isinstance(m, dict) and {"lang", "title", "text"} <= set(m) for m in messages
    ):
        problems.append("emergency.messages is not a list of {lang, title, text}")
    programme = emergency.get("programme")
    if programme is not None and not (
        isinstance(programme, dict) and isinstance(programme.get("faces"), dict)
    ):
        problems.append("emergency.programme has no faces")
    return problems


def _is_time(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        return datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False
