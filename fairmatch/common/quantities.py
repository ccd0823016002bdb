"""Quantities in the exchange units: their range, and conversion within one dimension (kg and
t; l and m³)."""

from fairmatch.common.vocabulary import UNIT_DIMENSIONS

QUANTITY_MAX = 1e15
"""The largest quantity any form, body or document accepts: ample for a year's output of anything,
and small enough that every page formats it exactly."""


def is_quantity(value) -> bool:
    """A number from 0 to `QUANTITY_MAX` (a bool is no number)."""
    return not isinstance(value, bool) and isinstance(value, int | float) and 0 <= value <= QUANTITY_MAX

# How many of the dimension's base unit one unit is: tonnes to kilograms, cubic metres to litres.
_SCALE = {"kg": 1.0, "t": 1000.0, "l": 1.0, "m3": 1000.0}


def convert(value: float, unit: str, to: str) -> float | None:
    """`value` `unit` in `to`, or None when the two units measure different things."""
    if unit == to:
        return value
    if UNIT_DIMENSIONS.get(unit) != UNIT_DIMENSIONS.get(to) or unit not in _SCALE or to not in _SCALE:
        return None
    return value * _SCALE[unit] / _SCALE[to]
