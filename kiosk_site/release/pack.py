"""Packs: the objects an agent lacks, in one compressed file; and zstd deltas.

A pack is ``MAGIC``, a 4-byte big-endian header length, a JSON header
``{"dict": [sha256, …], "objects": [[sha256, size], …]}`` and one zstd frame of
the objects' bytes one after the other. When ``dict`` is not empty the frame
was compressed with those objects (the previous versions of the changed files,
which the agent already holds) concatenated as a raw-content dictionary, so a
page that changed in a few bytes costs a few bytes, and a change repeated on
every page (a template) is compressed across all of them in one stream.
Compression is single-threaded and its parameters fixed, so the same inputs
give the same bytes: a pack is a static file with a stable ETag that can be
resumed with Range/If-Range.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Callable, Sequence
from pathlib import Path

import zstandard as zstd

from kiosk_site.errors import ReleaseError
from kiosk_site.release.objects import ObjectStore, sha256_check

MAGIC = b"KIOSKPACK1\n"
MAX_HEADER = 64 * 1024 * 1024
WINDOW_LOG_MAX = 27  # zstd's default decoder limit (128 MiB): any agent decodes it
MAX_DICT_BYTES = 96 * 1024 * 1024


def _params(*, total: int) -> zstd.ZstdCompressionParameters:
    level = 19 if total <= 16 * 1024 * 1024 else 12
    # A window over dictionary and data lets every byte refer to the old
    # versions (as `zstd --patch-from`); the size hint keeps small packs quick.
    window_log = min(max(total.bit_length(), 10), WINDOW_LOG_MAX)
    return zstd.ZstdCompressionParameters.from_level(
        level, source_size=max(total, 1), window_log=window_log, threads=0
    )


def _dictionary(data: bytes) -> zstd.ZstdCompressionDict | None:
    if not data:
        return None
    return zstd.ZstdCompressionDict(data, dict_type=zstd.DICT_TYPE_RAWCONTENT)


def pack_write(
    *,
    out_path: Path,
    objects: Sequence[tuple[str, int]],
    dict_shas: Sequence[str],
    read_object: Callable[[str], bytes],
) -> None:
    """Write a pack of ``objects`` (sha256, size), compressed against ``dict_shas``.

    ``read_object(sha256)`` returns an object's bytes (the publisher's store).
    """
    dict_data = b"".join(read_object(sha) for sha in dict_shas)
    total = len(dict_data) + sum(size for _, size in objects)
    header = json.dumps(
        {"dict": list(dict_shas), "objects": [[s, n] for s, n in objects]},
        separators=(",", ":"),
    ).encode()
    cctx = zstd.ZstdCompressor(
        dict_data=_dictionary(dict_data), compression_params=_params(total=total)
    )
    tmp = out_path.with_name(out_path.name + ".tmp")
    with open(tmp, "wb") as out:
        out.write(MAGIC + struct.pack(">I", len(header)) + header)
        with cctx.stream_writer(out, closefd=False) as writer:
            for sha, _size in objects:
                writer.write(read_object(sha))
    tmp.replace(out_path)


def pack_header(*, pack_path: Path) -> dict:
    """Read and check a pack's header."""
    with open(pack_path, "rb") as handle:
        return _header_read(handle=handle, pack_path=pack_path)


def _header_read(*, handle, pack_path: Path) -> dict:  # noqa: ANN001
    if handle.read(len(MAGIC)) != MAGIC:
        raise ReleaseError(f"{pack_path} is not a kiosk pack (bad magic bytes)")
    (length,) = struct.unpack(">I", handle.read(4))
    if length > MAX_HEADER:
        raise ReleaseError(f"pack {pack_path} declares a {length}-byte header")
    try:
        header = json.loads(handle.read(length))
        for sha in header["dict"]:
            sha256_check(value=sha)
        for sha, size in header["objects"]:
            sha256_check(value=sha)
            if not isinstance(size, int) or size < 0:
                raise ReleaseError(f"pack {pack_path} lists size {size!r}")
    except (ValueError, KeyError, TypeError) as err:
        raise ReleaseError(f"pack {pack_path} has a bad header: {err}") from err
    return header


def pack_unpack(*, pack_path: Path, store: ObjectStore) -> list[str]:
    """Add every object of the pack to ``store``, each checked against its sha256.

    The dictionary objects must already be in ``store``. Returns the digests
    added. Raises ``ReleaseError`` (an ``ObjectHashError`` for a bad object).
    """
    with open(pack_path, "rb") as handle:
        header = _header_read(handle=handle, pack_path=pack_path)
        missing = store.missing(sha256s=header["dict"])
        if missing:
            raise ReleaseError(
                f"pack {pack_path.name} needs {len(missing)} earlier objects this "
                f"store lacks (first {missing[0]}); fetch the full pack instead"
            )
        dict_data = b"".join(store.read(sha256=sha) for sha in header["dict"])
        dctx = _decompressor(dict_data=dict_data)
        added = []
        try:
            with dctx.stream_reader(handle, closefd=False) as reader:
                for sha, size in header["objects"]:
                    store.add_stream(sha256=sha, size=size, stream=reader)
                    added.append(sha)
        except zstd.ZstdError as err:
            raise ReleaseError(f"pack {pack_path.name} is corrupt: {err}") from err
    return added


def _decompressor(*, dict_data: bytes) -> zstd.ZstdDecompressor:
    return zstd.ZstdDecompressor(
        dict_data=_dictionary(dict_data), max_window_size=1 << WINDOW_LOG_MAX
    )


def delta_encode(*, base: bytes, data: bytes) -> bytes:
    """``data`` compressed with ``base`` as a raw-content dictionary."""
    cctx = zstd.ZstdCompressor(
        dict_data=_dictionary(base),
        compression_params=_params(total=len(base) + len(data)),
    )
    return cctx.compress(data)


def delta_decode(*, base: bytes, delta: bytes, max_size: int) -> bytes:
    """Undo ``delta_encode``; refuses output larger than ``max_size`` bytes."""
    chunks: list[bytes] = []
    got = 0
    try:
        with _decompressor(dict_data=base).stream_reader(delta) as reader:
            while got <= max_size and (chunk := reader.read(1 << 16)):
                chunks.append(chunk)
                got += len(chunk)
    except zstd.ZstdError as err:
        raise ReleaseError(f"delta does not decode against its base: {err}") from err
    if got > max_size:
        raise ReleaseError(f"delta decodes to more than {max_size} bytes")
    return b"".join(chunks)
