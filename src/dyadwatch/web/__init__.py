"""The web view: FastAPI app with HTML pages and a JSON API over an event database."""

from .app import create_app

__all__ = ["create_app"]
