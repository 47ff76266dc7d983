"""Helpers shared by the command modules."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import click

from ..errors import DyadwatchError
from ..model import parse_iso_date

F = TypeVar("F", bound=Callable[..., Any])


def library_errors(func: F) -> F:
    """Turn library errors into ClickException: one clear line, exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except DyadwatchError as exc:
            raise click.ClickException(str(exc)) from None

    return wrapper  # type: ignore[return-value]  # functools.wraps keeps the signature


def validate_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """click callback: a YYYY-MM-DD date or a clear usage error."""
    if value is None:
        return None
    try:
        return parse_iso_date(value).isoformat()
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def warn(message: str) -> None:
    """One line on stderr about one problem."""
    click.echo(message, err=True)
