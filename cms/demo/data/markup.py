"""Small markers the page data is written with (see ``cms.demo.translation``)."""

from dataclasses import dataclass, field

# Short keyword for the one content language whose code is not a Python name.
_ALIASES = {"zh": "zh-hans"}


class T:
    """One text in several languages; ``vi`` (the source) is required."""

    def __init__(self, vi: str, **others: str):
        self.texts = {"vi": vi}
        for key, text in others.items():
            self.texts[_ALIASES.get(key, key)] = text

    def __repr__(self):
        return f"T({self.texts['vi'][:40]!r})"

    def languages(self) -> set[str]:
        return set(self.texts)


@dataclass(frozen=True)
class Img:
    """A demo image, by its key in ``data.images.IMAGES``."""

    key: str


@dataclass(frozen=True)
class Stream:
    """A StreamField value: ``[(block_type, value), ...]``."""

    blocks: list


@dataclass(frozen=True)
class Items:
    """A ListBlock value (saved in block format so ids are stable)."""

    items: list


@dataclass(frozen=True)
class PageSpec:
    """One page of the demo tree.

    ``text`` holds the translatable fields (values may contain ``T``),
    ``data`` the synchronised ones (category, coordinates, dates...).
    ``clusters`` is ``None`` for "all clusters". ``languages`` lists the
    locales the page is translated into besides Vietnamese.
    """

    slug: str
    model: str
    text: dict
    parent: str | None = None
    data: dict = field(default_factory=dict)
    agency: str | None = None
    hero: str | None = None
    clusters: tuple[str, ...] | None = None
    languages: tuple[str, ...] = ()


@dataclass(frozen=True)
class DaysFromToday:
    """A date relative to the day the demo is seeded (keeps events upcoming)."""

    days: int


@dataclass(frozen=True)
class HoursFromNow:
    """A date-time relative to the moment the demo is seeded."""

    hours: int


@dataclass(frozen=True)
class ProgrammeRef:
    """A demo programme, by its key in ``data.programmes.PROGRAMMES``."""

    key: str
