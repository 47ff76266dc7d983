"""dyadwatch: political event data (who did what to whom, when) from news articles."""

__version__ = "0.1.0"
