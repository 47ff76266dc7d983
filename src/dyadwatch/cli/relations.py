"""dyadwatch relations / serve: how relations between two countries evolve, and the web view."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from ..analysis import dyad_report, open_read_only
from ..analysis.changepoints import DEFAULT_PENALTY, METRICS, ChangePoint
from ..analysis.drivers import report_to_dict
from ..analysis.timeseries import FREQS, check_code, known_codes
from ..errors import InputError
from ._common import library_errors, validate_date

_COLUMNS = ("period_start", "n_events", "n_articles", "coop_verbal", "coop_material", "conf_verbal",
            "conf_material", "goldstein_sum", "goldstein_mean", "conflict_share", "balance")


def _num(v: Any) -> str:
    if v is None:
        return "-"
    return f"{v:+.2f}"


def _count(v: float) -> str:
    return f"{v:g}" if v.is_integer() else f"{v:.1f}"


def _print_table(report: dict[str, Any]) -> None:
    a, b = report["a"], report["b"]
    table = Table(title=f"{a} - {b}, both directions, per {report['freq']}")
    table.caption = ("VC/MC: verbal/material cooperation, VK/MK: verbal/material conflict "
                     "(QuadClass 1-4); G: Goldstein; balance: (coop - conflict) / events")
    for col in ("period", "events", "articles", "VC", "MC", "VK", "MK", "G sum", "G mean",
                "balance", f"{a}→{b}", f"{b}→{a}"):
        table.add_column(col, justify="right", no_wrap=True)
    for pt, ab, ba in zip(report["series"], report["a_to_b"], report["b_to_a"], strict=True):
        table.add_row(pt.period_start.isoformat(), str(pt.n_events), str(pt.n_articles),
                      *(_count(getattr(pt, c)) for c in _COLUMNS[3:7]), _num(pt.goldstein_sum),
                      _num(pt.goldstein_mean), _num(pt.balance), str(ab.n_events), str(ba.n_events))
    console = Console()
    if not console.is_terminal:
        console = Console(width=120)
    console.print(table)
    console.print(_change_text(report["change_points"], report["metric"]), highlight=False)


def _change_text(cps: list[ChangePoint], metric: str) -> str:
    if not cps:
        return f"No change point in {metric}."
    lines = [f"Change points in {metric}:"]
    for cp in cps:
        lines.append(f"  {cp.date}: {cp.before_mean:+.2f} -> {cp.after_mean:+.2f} "
                     f"(shift {cp.magnitude:+.2f}; segments {cp.before_start} .. {cp.after_end})")
        for d in cp.drivers:
            lines.append(f"    {d['event_date']} {d['source_country']}->{d['target_country']} "
                         f"{d['cameo_code']} {d['plover_type']} {d['goldstein']:+.1f} "
                         f"x{d['num_articles']}: {d['sentence'] or ''}")
    return "\n".join(lines)


def _csv(report: dict[str, Any]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["direction", *_COLUMNS])
    a, b = report["a"], report["b"]
    for name, key in (("both", "series"), (f"{a}->{b}", "a_to_b"), (f"{b}->{a}", "b_to_a")):
        for pt in report[key]:
            d = pt.to_dict()
            writer.writerow([name, *("" if d[c] is None else d[c] for c in _COLUMNS)])
    return buf.getvalue()


def _check_known(con: Any, codes: list[str]) -> None:
    known = known_codes(con)
    unknown = [c for c in codes if c not in known]
    if unknown:
        raise InputError(f"no event has {', '.join(unknown)} as source or target country")


@click.command("relations")
@click.argument("a")
@click.argument("b")
@click.option("--db", "db", required=True, type=click.Path(dir_okay=False), help="Event database (from `dyadwatch ingest`).")
@click.option("--freq", type=click.Choice(FREQS), default="month", show_default=True, help="Period length.")
@click.option("--since", callback=validate_date, help="First day (YYYY-MM-DD).")
@click.option("--until", callback=validate_date, help="Last day (YYYY-MM-DD).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True, help="Output format (csv: the series only; change points go to stderr).")
@click.option("--plot", type=click.Path(dir_okay=False), help="Also write a chart: OUT.png (matplotlib) or OUT.html (plotly, offline).")
@click.option("--metric", type=click.Choice(METRICS), default="goldstein_mean", show_default=True,
              help="Series the change points are searched in.")
@click.option("--penalty", type=click.FloatRange(min=0, min_open=True), default=DEFAULT_PENALTY,
              show_default=True, help="Change-point penalty (times log n, on the standardised series); higher finds fewer.")
@click.option("--weight-articles", is_flag=True, help="Weight each event by the number of articles reporting it.")
@library_errors
def relations_command(a: str, b: str, db: str, freq: str, since: str | None, until: str | None,
                      fmt: str, plot: str | None, metric: str, penalty: float,
                      weight_articles: bool) -> None:
    """Events between countries A and B per period (both directions), and where the trend shifts."""
    if since and until and since > until:
        raise click.UsageError(f"--since {since} is after --until {until}: nothing can match (swap them?)")
    a, b = check_code(a), check_code(b)
    con = open_read_only(db)
    try:
        _check_known(con, [a, b])
        report = dyad_report(con, a, b, freq, _date(since), _date(until), metric=metric,
                             weight_by_articles=weight_articles, penalty=penalty)
    finally:
        con.close()
    if fmt == "json":
        click.echo(json.dumps(report_to_dict(report), ensure_ascii=False, indent=1))
    elif fmt == "csv":
        click.echo(_csv(report), nl=False)
        click.echo(_change_text(report["change_points"], metric), err=True)
    else:
        _print_table(report)
    if plot:
        from ..analysis.plots import write_plot

        title = f"{a} - {b} (both directions), per {freq}"
        path = write_plot(plot, report["series"], report["change_points"], title)
        click.echo(f"chart written to {path}", err=True)



def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@click.command("serve")
@click.option("--db", "db", required=True, type=click.Path(dir_okay=False), help="Event database, opened read-only.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind (0.0.0.0 exposes it to the network).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="TCP port.")
@click.option("--query-timeout", type=click.FloatRange(min=0.1), default=5.0, show_default=True,
              help="Seconds a page's queries may run before the request is answered 503.")
@library_errors
def serve_command(db: str, host: str, port: int, query_timeout: float) -> None:
    """Browse events, articles with their evidence, dyad trends and the network in a browser."""
    import uvicorn

    from ..web import create_app

    app = create_app(db, query_timeout=query_timeout)
    click.echo(f"dyadwatch: serving {db} (read-only) on http://{host}:{port}/", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


COMMANDS: list[click.Command] = [relations_command, serve_command]
