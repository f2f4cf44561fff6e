"""One sync: refresh TUF metadata, check it, fetch what is missing, switch.

Steps, each logged: refresh the metadata in a new TUF generation (a copy of
the last accepted one, so refused metadata never replaces accepted
metadata); check that the signed manifest target is for this cluster and not
older than the highest build accepted; get the manifest (a delta against the
current one when published, else whole), checked against the signed sha256;
fetch the missing objects (one pack from the current build, else the full
pack or single objects; raw media as single objects), each checked; assemble
the release beside the current one; record it; switch ``current``; delete
what no kept release needs. Any failure leaves ``current`` as it was and is
raised as an `AgentError` naming the reason, which `status` reports.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import zstandard as zstd
from tuf.api.exceptions import DownloadError, RepositoryError
from tuf.api.metadata import TargetFile
from tuf.ngclient import Updater, UpdaterConfig

from kiosk_site.agent.assemble import release_assemble, release_name
from kiosk_site.agent.bundle_source import bundle_open
from kiosk_site.agent.config import AgentConfig
from kiosk_site.agent.fetch import AgentFetcher, HttpFetcher
from kiosk_site.agent.layout import Layout, State, remove_tree
from kiosk_site.agent.lock import agent_lock
from kiosk_site.agent.objects_get import objects_get, target_url
from kiosk_site.errors import AgentError, KioskSiteError
from kiosk_site.release.manifest import Manifest, manifest_loads
from kiosk_site.release.pack import delta_decode

log = logging.getLogger("kiosk_site.agent")
MANIFEST_TARGET = "manifest.json.zst"


@dataclass(frozen=True)
class SyncOutcome:
    """What a sync did: 'installed', 'up-to-date' or 'held' (after rollback)."""

    action: str
    build: int
    release: str | None
    wire_bytes: int


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def fetcher_make(*, config: AgentConfig) -> HttpFetcher:
    """The HTTP fetcher configured for this agent."""
    return HttpFetcher(
        credential=config.credential,
        timeout_s=config.timeout_s,
        min_rate=config.min_rate_bytes_per_s,
        retries=config.retries,
        origin=config.cluster_url,
        progress_interval_s=config.progress_interval_s,
    )


def agent_sync(*, config: AgentConfig) -> SyncOutcome:
    """Run one sync (see the module docstring); the reason of a failure is kept."""
    fetcher = fetcher_make(config=config)

    def step(layout: Layout, state: State) -> SyncOutcome:
        state.last_check = _now()
        try:
            return _sync(config=config, layout=layout, state=state, fetcher=fetcher)
        finally:
            state.clock_offset_s = fetcher.clock_offset_s

    return _recorded(config=config, what="sync", step=step)


def agent_install_bundle(*, config: AgentConfig, bundle: Path) -> SyncOutcome:
    """Install the release in the USB bundle ``bundle``, checked like a download.

    Refuses (with the reason in ``last_error``, the current release kept) a
    bundle of another cluster, an older build, a truncated file, unsigned or
    altered metadata and damaged objects.
    """
    base_url = config.server_url.rstrip("/") + "/"

    def step(layout: Layout, state: State) -> SyncOutcome:
        with bundle_open(path=bundle, base_url=base_url) as fetcher:
            _bundle_header_check(header=fetcher.header, config=config, state=state)
            log.info(
                "bundle %s: cluster %s, build %s, %d files",
                bundle,
                fetcher.header.get("cluster"),
                fetcher.header.get("build"),
                len(fetcher.header["members"]),
            )
            return _sync(config=config, layout=layout, state=state, fetcher=fetcher)

    return _recorded(config=config, what=f"install-bundle {bundle}", step=step)


def _recorded(
    *, config: AgentConfig, what: str, step: Callable[[Layout, State], SyncOutcome]
) -> SyncOutcome:
    """Run ``step`` under the lock; keep its failure's reason in the state."""
    layout = Layout(root=config.data_dir)
    layout.ensure()
    with agent_lock(layout=layout):
        state = layout.state_load()
        try:
            outcome = step(layout, state)
        except KioskSiteError as err:
            state.last_error = str(err)
            log.error("%s failed: %s", what, err)
            raise AgentError(str(err)) from err
        finally:
            layout.state_save(state=state)
        state.last_error = None
        state.last_success = _now()
        layout.state_save(state=state)
        return outcome


def _bundle_header_check(*, header: dict, config: AgentConfig, state: State) -> None:
    """Refuse early what the signed checks would refuse later, saying why."""
    cluster, build = header.get("cluster"), header.get("build")
    if cluster != config.cluster:
        raise AgentError(
            f"the bundle is for cluster {cluster!r}, this agent serves "
            f"{config.cluster!r}; write it with --cluster {config.cluster}"
        )
    if not isinstance(build, int) or build < state.highest_build:
        raise AgentError(
            f"the bundle holds build {build!r}, older than build "
            f"{state.highest_build} already accepted; refused (write a new bundle)"
        )


def _sync(
    *, config: AgentConfig, layout: Layout, state: State, fetcher: AgentFetcher
) -> SyncOutcome:
    _leftovers_clean(layout=layout)
    generation = state.tuf_generation + 1
    updater = _updater(config=config, layout=layout, state=state, fetcher=fetcher)
    info = _refresh(updater=updater, config=config, state=state, fetcher=fetcher)
    build = int(info.custom["build"])
    state.assigned_build = build
    state.tuf_generation = generation
    layout.state_save(state=state)
    _tuf_prune(layout=layout, generation=generation)
    log.info("metadata accepted: cluster %s, build %d", config.cluster, build)
    current = layout.current_name()
    if (
        build == state.highest_build
        and current
        and (state.rolled_back or current.startswith(f"{build}-"))
    ):
        action = "held" if state.rolled_back else "up-to-date"
        log.info("%s: running %s", action, current)
        return SyncOutcome(action, build, current, fetcher.progress.wire_bytes)
    manifest, name = _manifest_get(
        updater=updater, info=info, config=config, layout=layout, fetcher=fetcher
    )
    _stage(
        updater=updater,
        manifest=(manifest, info.custom["manifest_sha256"]),
        name=name,
        config=config,
        layout=layout,
        fetcher=fetcher,
    )
    _switch(layout=layout, state=state, name=name, build=build)
    _cleanup(layout=layout, state=state, config=config)
    return SyncOutcome("installed", build, name, fetcher.progress.wire_bytes)


def _stage(
    *,
    updater: Updater,
    manifest: tuple[Manifest, str],
    name: str,
    config: AgentConfig,
    layout: Layout,
    fetcher: AgentFetcher,
) -> None:
    """Fetch what is missing and assemble ``releases/<name>`` (kept if there).

    ``manifest`` is the new build's manifest and its signed sha256.
    """
    try:
        if not (layout.releases / name).is_dir():
            objects_get(
                updater=updater,
                manifest=manifest[0],
                manifest_sha256=manifest[1],
                config=config,
                layout=layout,
                fetcher=fetcher,
                current=_current_build(layout=layout),
            )
            log.info("assembling release %s", name)
            release_assemble(layout=layout, manifest=manifest[0], name=name)
    except OSError as err:
        raise AgentError(
            f"writing release {name} under {config.data_dir} failed: {err}; free "
            "disk space there (the current release keeps serving)"
        ) from err


def _leftovers_clean(*, layout: Layout) -> None:
    for staging in layout.releases.glob(".staging-*"):
        remove_tree(path=staging)
    (layout.root / "current.new").unlink(missing_ok=True)


def _updater(
    *, config: AgentConfig, layout: Layout, state: State, fetcher: AgentFetcher
) -> Updater:
    previous = layout.tuf_dir(generation=state.tuf_generation)
    fresh = layout.tuf_dir(generation=state.tuf_generation + 1)
    remove_tree(path=fresh)
    if previous.is_dir():
        shutil.copytree(previous, fresh, symlinks=True)
    else:
        fresh.mkdir(parents=True)
    try:
        bootstrap = config.root.read_bytes()
    except OSError as err:
        raise AgentError(
            f"cannot read the root metadata {config.root}: {err.strerror}; copy the "
            "province's root.json there"
        ) from err
    try:
        return Updater(
            metadata_dir=str(fresh),
            metadata_base_url=config.cluster_url + "metadata/",
            target_dir=str(layout.downloads),
            target_base_url=config.cluster_url + "targets/",
            fetcher=fetcher,
            config=UpdaterConfig(targets_max_length=16 * 1024**2),
            bootstrap=bootstrap,
        )
    except RepositoryError as err:
        raise AgentError(f"root metadata {config.root} is not valid: {err}") from err


def _refresh(
    *, updater: Updater, config: AgentConfig, state: State, fetcher: AgentFetcher
) -> TargetFile:
    try:
        updater.refresh()
        info = updater.get_targetinfo(MANIFEST_TARGET)
    except RepositoryError as err:
        raise AgentError(
            f"the metadata of {fetcher.origin} was refused ({type(err).__name__}: "
            f"{err}); the current release keeps serving"
        ) from err
    except DownloadError as err:
        raise AgentError(
            f"could not fetch metadata from {fetcher.origin}: {err}"
        ) from err
    custom = (info.custom if info else None) or {}
    if custom.get("cluster") != config.cluster:
        raise AgentError(
            f"the signed release is for cluster {custom.get('cluster')!r}, this agent "
            f"serves {config.cluster!r}; check server_url and cluster in its config"
        )
    build = custom.get("build")
    if not isinstance(build, int) or build < state.highest_build:
        raise AgentError(
            f"{fetcher.origin} offers build {build!r}, older than build "
            f"{state.highest_build} already accepted; refused (a replay?)"
        )
    return info


def _current_build(*, layout: Layout) -> tuple[int, Manifest] | None:
    name = layout.current_name()
    path = layout.manifests / f"{name}.json"
    if name is None or not path.is_file():
        return None
    return int(name.split("-", 1)[0]), manifest_loads(data=path.read_bytes())


def _manifest_get(
    *,
    updater: Updater,
    info: TargetFile,
    config: AgentConfig,
    layout: Layout,
    fetcher: AgentFetcher,
) -> tuple[Manifest, str]:
    expected = info.custom.get("manifest_sha256")
    data = _manifest_by_delta(
        updater=updater, layout=layout, config=config, fetcher=fetcher
    )
    if data is None or hashlib.sha256(data).hexdigest() != expected:
        compressed = _download_target(updater=updater, info=info)
        data = _decompress(data=compressed, limit=config.max_manifest_bytes)
    if hashlib.sha256(data).hexdigest() != expected:
        raise AgentError(f"the manifest's sha256 is not the signed {expected}; refused")
    manifest = manifest_loads(data=data)
    build = info.custom.get("build")
    if (manifest.cluster, manifest.build) != (config.cluster, build):
        raise AgentError(
            f"the manifest names cluster {manifest.cluster!r} build {manifest.build}, "
            f"the signed metadata {config.cluster!r} build {build}; refused"
        )
    name = release_name(build=manifest.build, manifest_sha256=expected)
    (layout.manifests / f"{name}.json").write_bytes(data)
    log.info("manifest of build %d: %d files", manifest.build, len(manifest.files))
    return manifest, name


def _manifest_by_delta(
    *, updater: Updater, layout: Layout, config: AgentConfig, fetcher: AgentFetcher
) -> bytes | None:
    name = layout.current_name()
    base_path = layout.manifests / f"{name}.json"
    if name is None or not base_path.is_file():
        return None
    build = name.split("-", 1)[0]
    info = updater.get_targetinfo(f"manifest-deltas/from-{build}.zst")
    if info is None or not fetcher.offers(url=target_url(config=config, info=info)):
        return None
    try:
        delta = _download_target(updater=updater, info=info)
        return delta_decode(
            base=base_path.read_bytes(), delta=delta, max_size=config.max_manifest_bytes
        )
    except KioskSiteError as err:
        log.warning("manifest delta from build %s unusable (%s); whole one", build, err)
        return None


def _download_target(*, updater: Updater, info: TargetFile) -> bytes:
    try:
        path = Path(updater.download_target(info))
    except (RepositoryError, DownloadError) as err:
        raise AgentError(f"target {info.path} was refused: {err}") from err
    data = path.read_bytes()
    path.unlink()
    return data


def _decompress(*, data: bytes, limit: int) -> bytes:
    try:
        with zstd.ZstdDecompressor().stream_reader(data) as reader:
            out = reader.read(limit + 1)
    except zstd.ZstdError as err:
        raise AgentError(f"the manifest does not decompress: {err}") from err
    if len(out) > limit:
        raise AgentError(
            f"the manifest is over {limit} bytes; raise max_manifest_bytes"
        )
    return out


def _switch(*, layout: Layout, state: State, name: str, build: int) -> None:
    state.history = [name] + [n for n in state.history if n != name]
    state.highest_build = max(state.highest_build, build)
    state.rolled_back = False
    layout.state_save(state=state)
    layout.switch(name=name)
    log.info("switched to release %s", name)


def _cleanup(*, layout: Layout, state: State, config: AgentConfig) -> None:
    keep = state.history[: config.keep_releases]
    state.history = keep
    layout.state_save(state=state)
    for folder in layout.releases.iterdir():
        if folder.name not in keep and not folder.name.startswith("."):
            remove_tree(path=folder)
    needed: set[str] = set()
    for path in layout.manifests.glob("*.json"):
        if path.stem in keep:
            needed.update(
                e.sha256 for e in manifest_loads(data=path.read_bytes()).files
            )
        else:
            path.unlink()
    for path in layout.objects.root.glob("*/*"):
        if path.name not in needed:
            path.unlink()
    for path in layout.downloads.iterdir():
        path.unlink()


def _tuf_prune(*, layout: Layout, generation: int) -> None:
    for folder in layout.tuf.iterdir():
        if folder.name != str(generation):
            remove_tree(path=folder)
