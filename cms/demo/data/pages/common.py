"""Building blocks shared by the page modules."""

from ..markup import Items, Stream, T

ALL_DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun", "hol"]


def period(days, opens="", closes="", note="", closed=False):
    return {
        "days": days,
        "opens": opens or None,
        "closes": closes or None,
        "closed": closed,
        "note": note,
    }


def hours(title, *periods):
    """An OpeningHoursBlock value."""
    return {"title": title, "periods": Items(list(periods))}


def hours_stream(title, *periods):
    """A one-block ``opening_hours``/``gate_hours`` StreamField."""
    return Stream([("hours", hours(title, *periods))])


DAILY = T(
    "Hằng ngày, kể cả ngày lễ",
    en="Every day, including public holidays",
    zh="每天开放，节假日照常",
    lo="ທຸກມື້, ລວມທັງວັນພັກ",
    km="រៀងរាល់ថ្ងៃ រួមទាំងថ្ងៃបុណ្យ",
)
