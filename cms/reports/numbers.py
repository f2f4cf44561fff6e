"""Numbers written the Vietnamese way: 1.234 for a thousand and more, 12,5 for
a decimal; hours to one decimal place."""


def number(value: int | float) -> str:
    """``value`` with "." between thousands and "," before the decimals."""
    text = f"{value:,.1f}" if isinstance(value, float) else f"{value:,d}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def hours(minutes: int) -> str:
    return number(round(minutes / 60, 1))


def percent(value: float | None) -> str:
    return "—" if value is None else number(value) + " %"
