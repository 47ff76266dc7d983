"""Library errors. The CLI turns these into one clear line, never a traceback."""


class DyadwatchError(Exception):
    """Base class of every error the library raises on purpose."""


class InputError(DyadwatchError):
    """An input file or argument cannot be used."""


class DictionaryError(DyadwatchError):
    """A dictionary file (actors, agents, verbs) is malformed beyond repair."""


class StoreError(DyadwatchError):
    """The event database cannot be opened or written."""
