"""Fetch the objects a manifest needs that the agent's store lacks.

Packed objects come, in order of preference, from the pack from the current
build (the changed files compressed against their previous versions), the
full pack, or one request per object when only a few small ones are missing;
raw media always as single objects. Every pack is checked against its signed
TUF hash, every object against the manifest's sha256, before use.
"""

from __future__ import annotations

import logging
import shutil

from tuf.api.metadata import TargetFile
from tuf.ngclient import Updater

from kiosk_site.agent.config import AgentConfig
from kiosk_site.agent.fetch import AgentFetcher
from kiosk_site.agent.layout import Layout
from kiosk_site.errors import AgentError, ReleaseError
from kiosk_site.release.manifest import Entry, Manifest
from kiosk_site.release.pack import pack_unpack

log = logging.getLogger("kiosk_site.agent")
SINGLES_MAX_SHARE = 0.25


def objects_get(
    *,
    updater: Updater,
    manifest: Manifest,
    config: AgentConfig,
    layout: Layout,
    fetcher: AgentFetcher,
    current: tuple[int, Manifest] | None,
) -> None:
    """Make every object of ``manifest`` present and verified in the store."""
    missing = _missing(manifest=manifest, layout=layout)
    _space_check(config=config, layout=layout, entries=missing)
    fetcher.progress.total_bytes = sum(e.size for e in missing)
    fetcher.progress.total_objects = len(missing)
    log.info("missing: %s", fetcher.progress.summary())
    packed = [e for e in missing if not e.raw]
    if packed:
        _packed_get(
            updater=updater,
            packed=packed,
            manifest=manifest,
            layout=layout,
            fetcher=fetcher,
            config=config,
            current=current,
        )
    for entry in _missing(manifest=manifest, layout=layout):
        _single_get(entry=entry, config=config, layout=layout, fetcher=fetcher)
    log.info("objects complete: %s", fetcher.progress.summary())


def _missing(*, manifest: Manifest, layout: Layout) -> list[Entry]:
    absent = set(layout.objects.missing(sha256s=[e.sha256 for e in manifest.files]))
    out = []
    for entry in manifest.files:
        if entry.sha256 in absent:
            out.append(entry)
            absent.discard(entry.sha256)
    return out


def _space_check(*, config: AgentConfig, layout: Layout, entries: list[Entry]) -> None:
    need = sum(e.size for e in entries)
    if need > config.max_download_bytes:
        raise AgentError(
            f"the release needs {need} bytes, over max_download_bytes "
            f"{config.max_download_bytes}; raise it in the agent config"
        )
    free = shutil.disk_usage(layout.root).free
    if free - 2 * need < config.min_free_bytes:
        raise AgentError(
            f"only {free} bytes free under {layout.root}; the new release needs "
            f"about {2 * need} plus {config.min_free_bytes} kept free; free some"
        )


def _packed_get(
    *,
    updater: Updater,
    packed: list[Entry],
    manifest: Manifest,
    layout: Layout,
    fetcher: AgentFetcher,
    config: AgentConfig,
    current: tuple[int, Manifest] | None,
) -> None:
    choices = []
    if current is not None:
        choices.append(f"packs/from-{current[0]}.pack")
    total = sum(e.size for e in manifest.files if not e.raw)
    few = sum(e.size for e in packed) <= SINGLES_MAX_SHARE * total
    if current is None or not few or not fetcher.singles:
        choices.append("packs/full.pack")
    for path in choices:
        info = updater.get_targetinfo(path)
        if info is None or not fetcher.offers(url=target_url(config=config, info=info)):
            continue
        try:
            _pack_get(info=info, config=config, layout=layout, fetcher=fetcher)
            return
        except ReleaseError as err:
            log.warning("pack %s unusable (%s); trying the next way", path, err)


def _pack_get(
    *, info: TargetFile, config: AgentConfig, layout: Layout, fetcher: AgentFetcher
) -> None:
    sha = info.hashes["sha256"]
    url = target_url(config=config, info=info)
    part = layout.downloads / f"{sha}.pack.part"
    log.info("downloading %s (%d bytes)", info.path, info.length)
    fetcher.download_resumable(url=url, part=part, length=info.length, sha256=sha)
    added = pack_unpack(pack_path=part, store=layout.objects)
    fetcher.progress.done_objects += len(added) - 1
    part.unlink()
    part.with_name(part.name + ".etag").unlink(missing_ok=True)
    log.info("unpacked %d objects from %s", len(added), info.path)


def target_url(*, config: AgentConfig, info: TargetFile) -> str:
    """The URL of a consistent-snapshot target in the cluster's store."""
    folder, _, name = info.path.rpartition("/")
    return f"{config.cluster_url}targets/{folder}/{info.hashes['sha256']}.{name}"


def _single_get(
    *, entry: Entry, config: AgentConfig, layout: Layout, fetcher: AgentFetcher
) -> None:
    sha = entry.sha256
    url = f"{config.cluster_url}objects/{sha[:2]}/{sha}"
    part = layout.downloads / f"{sha}.part"
    log.info("downloading %s (%d bytes)", entry.path, entry.size)
    fetcher.download_resumable(url=url, part=part, length=entry.size, sha256=sha)
    layout.objects.adopt(path=part, sha256=sha)
    part.with_name(part.name + ".etag").unlink(missing_ok=True)
