"""The agent presents its cluster's credential; another cluster's is refused."""

from __future__ import annotations

import pytest

from kiosk_site.agent.config import config_load
from kiosk_site.agent.layout import Layout
from kiosk_site.agent.sync import agent_sync
from kiosk_site.agent.tests.helpers import assert_serving, config_write, last_error
from kiosk_site.errors import AgentError
from kiosk_site.release.tests.helpers import World


def test_the_agent_syncs_with_its_credential_and_not_with_anothers(
    world: World,
) -> None:
    world.server.credentials = {"s3cret-bo-y": "bo-y", "s3cret-other": "ma-lu-thang"}
    world.publish(version=1)
    token_file = world.tmp / "credential"
    token_file.write_text("s3cret-other\n")
    wrong = config_load(path=config_write(world=world, credential_file=token_file))
    layout = Layout(root=wrong.data_dir)
    with pytest.raises(AgentError, match="HTTP 403"):
        agent_sync(config=wrong)
    assert "HTTP 403" in last_error(layout=layout)
    token_file.write_text("s3cret-bo-y\n")
    right = config_load(path=config_write(world=world, credential_file=token_file))
    agent_sync(config=right)
    assert_serving(layout=layout, site=world.sites[1])
