"""Relations between countries over time: dyad series, change points, plots."""

from .changepoints import ChangePoint, change_points
from .db import open_read_only
from .drivers import drivers, dyad_change_points, dyad_report
from .timeseries import SeriesPoint, dyad_series

__all__ = [
    "ChangePoint", "SeriesPoint", "change_points", "drivers", "dyad_change_points", "dyad_report",
    "dyad_series", "open_read_only",
]
