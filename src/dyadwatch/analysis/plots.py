"""Plots of a dyad series: matplotlib PNG (CLI) and plotly HTML (CLI and web), all offline.

Two panels: events per period by QuadClass (stacked bars; conflict drawn below
zero), and the Goldstein mean per period with change points as vertical lines.
The HTML never refers to a CDN: a standalone file inlines plotly.js; the web
fragment expects ``/static/plotly.min.js``, served by the app from the installed
plotly package (``plotly_js()``).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from ..errors import InputError
from .changepoints import ChangePoint
from .timeseries import SeriesPoint

QUADS = (
    ("coop_verbal", "Verbal cooperation", "#7fbf7b", 1),
    ("coop_material", "Material cooperation", "#1b7837", 1),
    ("conf_verbal", "Verbal conflict", "#f4a582", -1),
    ("conf_material", "Material conflict", "#b2182b", -1),
)


@functools.cache
def plotly_js() -> str:
    """plotly.js of the installed plotly package (served locally, never from a CDN)."""
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


def _figure(series: list[SeriesPoint], cps: list[ChangePoint], title: str):  # -> go.Figure
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    x = [pt.period_start.isoformat() for pt in series]
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.08,
                        subplot_titles=("Events by QuadClass (conflict below zero)", "Goldstein mean"))
    for attr, label, colour, sign in QUADS:
        fig.add_trace(go.Bar(x=x, y=[sign * getattr(pt, attr) for pt in series], name=label,
                             marker_color=colour), row=1, col=1)
    fig.add_trace(go.Scatter(x=x, y=[pt.goldstein_mean for pt in series], mode="lines+markers",
                             name="Goldstein mean", line={"color": "#2166ac"}, connectgaps=False),
                  row=2, col=1)
    for cp in cps:
        fig.add_vline(x=cp.date.isoformat(), line_dash="dash", line_color="#762a83")
        fig.add_annotation(x=cp.date.isoformat(), y=cp.after_mean, row=2, col=1, showarrow=False,
                           xanchor="left", xshift=4,
                           text=f"{cp.before_mean:+.1f} → {cp.after_mean:+.1f}", yshift=12)
    fig.update_layout(barmode="relative", title=title, height=560, margin={"t": 70, "l": 50, "r": 20},
                      legend={"orientation": "h", "y": -0.08})
    return fig


def figure_spec(series: list[SeriesPoint], cps: list[ChangePoint], title: str) -> dict[str, Any]:
    """The chart as plotly JSON (``data``, ``layout``) for ``Plotly.newPlot`` in the page."""
    return json.loads(_figure(series, cps, title).to_json())


def html_fragment(series: list[SeriesPoint], cps: list[ChangePoint], title: str,
                  div_id: str = "dyad-chart") -> str:
    """A ``<div>`` + script drawing the chart; needs plotly.js loaded by the page."""
    return _figure(series, cps, title).to_html(
        full_html=False, include_plotlyjs=False, div_id=div_id,
        config={"displaylogo": False, "responsive": True})


def write_plot(path: str | Path, series: list[SeriesPoint], cps: list[ChangePoint], title: str) -> Path:
    """Write ``.png`` (matplotlib) or ``.html`` (plotly, JavaScript inlined) by extension."""
    out = Path(path)
    suffix = out.suffix.lower()
    if suffix == ".png":
        _png(out, series, cps, title)
    elif suffix in (".html", ".htm"):
        fig = _figure(series, cps, title)
        out.write_text(fig.to_html(full_html=True, include_plotlyjs=True), encoding="utf-8")
    else:
        raise InputError(f"--plot {path}: use a .png or .html file name")
    return out


def _png(out: Path, series: list[SeriesPoint], cps: list[ChangePoint], title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    x = [pt.period_start for pt in series]
    fig, (top, bottom) = plt.subplots(2, 1, sharex=True, figsize=(10, 6.5), constrained_layout=True)
    width = _bar_width(series)
    pos = [0.0] * len(series)
    neg = [0.0] * len(series)
    for attr, label, colour, sign in QUADS:
        ys = [getattr(pt, attr) for pt in series]
        base = pos if sign > 0 else neg
        top.bar(x, [sign * y for y in ys], width=width, bottom=base, color=colour, label=label)
        for i, y in enumerate(ys):
            base[i] += sign * y
    top.axhline(0, color="black", linewidth=0.6)
    top.set_ylabel("events")
    top.legend(fontsize=8, ncol=4, loc="upper left")
    top.set_title(title)
    xs = [pt.period_start for pt in series if pt.goldstein_mean is not None]
    ys = [pt.goldstein_mean for pt in series if pt.goldstein_mean is not None]
    bottom.plot(xs, ys, marker="o", color="#2166ac")
    bottom.axhline(0, color="black", linewidth=0.6)
    bottom.set_ylabel("Goldstein mean")
    for cp in cps:
        for ax in (top, bottom):
            ax.axvline(cp.date, color="#762a83", linestyle="--")
        bottom.annotate(f"{cp.before_mean:+.1f} → {cp.after_mean:+.1f}", (cp.date, cp.after_mean),
                        textcoords="offset points", xytext=(4, 6), fontsize=8, color="#762a83")
    fig.savefig(out, dpi=110)
    plt.close(fig)


def _bar_width(series: list[SeriesPoint]) -> float:
    if len(series) < 2:
        return 20.0
    days = (series[1].period_start - series[0].period_start).days
    return max(0.8, days * 0.8)
