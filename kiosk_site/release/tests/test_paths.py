"""The path rules refuse whatever could escape or clash in a release folder."""

from __future__ import annotations

import pytest

from kiosk_site.release.paths import UnsafePathError, path_check, paths_check


@pytest.mark.parametrize(
    "path",
    ["vi/index.html", "media/ab12.mp4", "zh-hans/tìm-kiếm/index.html", "a/b/c/d.json"],
)
def test_plain_relative_paths_pass(path: str) -> None:
    assert path_check(path=path) == path


@pytest.mark.parametrize(
    "path",
    [
        "",
        "/etc/passwd",
        "../x",
        "vi/../../x",
        "vi/./x",
        "vi//x",
        "vi/",
        "C:/x",
        "c:x",
        "vi\\x",
        "nul",
        "vi/aux.html",
        "vi/name.",
        "vi/name ",
        "vi/\x00.html",
        "x" * 401,
    ],
)
def test_unsafe_paths_are_refused(path: str) -> None:
    with pytest.raises(UnsafePathError):
        path_check(path=path)


def test_paths_differing_only_by_case_are_refused() -> None:
    with pytest.raises(UnsafePathError, match="differ only by case"):
        paths_check(paths=["vi/Index.html", "vi/index.html"])


def test_a_file_that_is_also_a_folder_is_refused() -> None:
    with pytest.raises(UnsafePathError, match="needs it as a folder"):
        paths_check(paths=["vi/a", "vi/A/b.html"])


def test_repeated_paths_are_refused() -> None:
    with pytest.raises(UnsafePathError, match="repeat"):
        paths_check(paths=["x.html", "x.html"])
