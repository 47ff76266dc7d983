"""Shared fixtures: where the development data lives, a CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
# ../shared beside the repository (development gold data, seeds, reference tables): optional
SHARED = REPO.parent / "shared"
SEED = SHARED / "seeds" / "000_c3368ce41bd079eb.txt"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip("../shared/seeds is not beside the repository")
    return SEED
