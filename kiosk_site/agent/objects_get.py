"""Fetch the objects a manifest needs that the agent's store lacks.

Packed objects come, in order of preference, from the pack from the current
build (the changed files compressed against their previous versions), the
full pack, or one request per object when only a few small ones are missing;
raw media always as single objects. Which objects a pack holds, in which
order and against which dictionary, is derived from the manifests
(`pack_plan`), not read from the pack. Every pack is checked against its
signed TUF hash, its header against that plan, every object against the
manifest's sha256, before use; a pack that fails is refused with the reason
and the sync stops (the current release keeps serving).
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from tuf.api.metadata import TargetFile
from tuf.ngclient import Updater

from kiosk_site.agent.config import AgentConfig
from kiosk_site.agent.fetch import AgentFetcher
from kiosk_site.agent.layout import Layout
from kiosk_site.errors import AgentError, ReleaseError
from kiosk_site.release.manifest import Entry, Manifest
from kiosk_site.release.pack import PackPlan, pack_plan, pack_unpack

log = logging.getLogger("kiosk_site.agent")
SINGLES_MAX_SHARE = 0.25


def objects_get(
    *,
    updater: Updater,
    manifest: Manifest,
    manifest_sha256: str,
    config: AgentConfig,
    layout: Layout,
    fetcher: AgentFetcher,
    current: tuple[int, Manifest] | None,
) -> None:
    """Make every object of ``manifest`` present and verified in the store.

    ``manifest_sha256`` is the signed hash of ``manifest``; ``current`` the
    build and manifest the agent runs (None: nothing yet).
    """
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
            manifest=(manifest, manifest_sha256),
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
    manifest: tuple[Manifest, str],
    layout: Layout,
    fetcher: AgentFetcher,
    config: AgentConfig,
    current: tuple[int, Manifest] | None,
) -> None:
    """Unpack the first usable pack; what none brings comes as single objects."""
    for path, plan in _pack_choices(
        packed=packed,
        manifest=manifest[0],
        layout=layout,
        fetcher=fetcher,
        current=current,
    ):
        info = updater.get_targetinfo(path)
        if info is None or not fetcher.offers(url=target_url(config=config, info=info)):
            continue
        _pack_get(
            info=info,
            plan=plan,
            manifest_sha256=manifest[1],
            config=config,
            layout=layout,
            fetcher=fetcher,
        )
        return


def _pack_choices(
    *,
    packed: list[Entry],
    manifest: Manifest,
    layout: Layout,
    fetcher: AgentFetcher,
    current: tuple[int, Manifest] | None,
) -> list[tuple[str, PackPlan]]:
    """The packs worth fetching, best first, each with what it must hold."""
    choices = []
    if current is not None:
        plan = pack_plan(manifest=manifest, base=current[1])
        lacking = layout.objects.missing(sha256s=plan.dict_shas)
        if lacking:
            log.warning(
                "the pack from build %d needs %d objects this store lacks "
                "(first %s); using the full pack",
                current[0],
                len(lacking),
                lacking[0],
            )
        else:
            choices.append((f"packs/from-{current[0]}.pack", plan))
    total = sum(e.size for e in manifest.files if not e.raw)
    few = sum(e.size for e in packed) <= SINGLES_MAX_SHARE * total
    if not choices or not few or not fetcher.singles:
        choices.append(("packs/full.pack", pack_plan(manifest=manifest, base=None)))
    return choices


def _pack_get(
    *,
    info: TargetFile,
    plan: PackPlan,
    manifest_sha256: str,
    config: AgentConfig,
    layout: Layout,
    fetcher: AgentFetcher,
) -> None:
    """Download the pack ``info`` and add its objects, checked against ``plan``."""
    sha = info.hashes["sha256"]
    url = target_url(config=config, info=info)
    part = layout.downloads / f"{sha}.pack.part"
    log.info("downloading %s (%d bytes)", info.path, info.length)
    fetcher.download_resumable(url=url, part=part, length=info.length, sha256=sha)
    try:
        added = pack_unpack(
            pack_path=part,
            store=layout.objects,
            plan=plan,
            manifest_sha256=manifest_sha256,
        )
    except ReleaseError as err:
        _part_drop(part=part)  # signed as it is: fetching it again gives the same
        raise AgentError(
            f"the signed pack {info.path} was refused: {err}; the current release "
            "keeps serving"
        ) from err
    _part_drop(part=part)
    fetcher.progress.done_objects += len(added) - 1
    log.info("unpacked %d objects from %s", len(added), info.path)


def _part_drop(*, part: Path) -> None:
    part.unlink(missing_ok=True)
    part.with_name(part.name + ".etag").unlink(missing_ok=True)


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
