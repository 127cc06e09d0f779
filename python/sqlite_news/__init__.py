"""sqlite-news, the SQLite extension for news articles, packaged for Python.

    import sqlite3
    import sqlite_news

    con = sqlite3.connect(":memory:")
    sqlite_news.load(con)
    con.execute("SELECT mention, type FROM news_entities('Mr. Putin met Mr. Xi.')").fetchall()

The wheel carries the compiled extension (news.so); loadable_path() gives its
path for tools that take one (sqlite3 shell's .load, sqlite-utils, Datasette).
"""
import os

__all__ = ["load", "loadable_path", "LoadExtensionUnavailable", "__version__"]

try:
    from importlib.metadata import version as _version

    __version__ = _version("sqlite-news")
except Exception:  # not installed (a source checkout): no metadata to read
    __version__ = "unknown"

_HERE = os.path.dirname(os.path.abspath(__file__))

CANNOT_LOAD_HELP = """\
this Python's sqlite3 module cannot load extensions: {type_name} has no \
enable_load_extension(). Python was built without --enable-loadable-sqlite-extensions, \
as pyenv and python.org builds are unless asked. Any one of these works:
  - a Python whose sqlite3 can load extensions, such as Debian's or Ubuntu's
    /usr/bin/python3 (make a venv with it and install sqlite-news there);
  - a Python built with the option, e.g. with pyenv:
    PYTHON_CONFIGURE_OPTS="--enable-loadable-sqlite-extensions" pyenv install 3.12
  - APSW, which can always load extensions: pip install apsw, then
    sqlite_news.load(apsw.Connection("news.db"))"""


class LoadExtensionUnavailable(RuntimeError):
    """The connection's Python module cannot load SQLite extensions."""


def _type_name(obj):
    cls = type(obj)
    return f"{cls.__module__}.{cls.__qualname__}"


def loadable_path():
    """The absolute path of the extension file (news.so) inside this package."""
    path = os.path.join(_HERE, "news.so")
    if not os.path.isfile(path):
        raise FileNotFoundError(
            f"sqlite_news: {path} is missing: install the built wheel (`make python` "
            "writes it to build/) rather than importing python/ from a source checkout")
    return path


def load(conn):
    """Load the extension into conn, a sqlite3.Connection or an apsw.Connection.

    Extension loading is switched on for this one load and off again after it,
    so SQL run on the connection cannot call load_extension() itself.
    """
    enable, load_extension = _extension_methods(conn)
    enable(True)
    try:
        load_extension(loadable_path())
    finally:
        enable(False)


def _extension_methods(conn):
    """conn's methods to switch extension loading and to load one: sqlite3 and
    recent APSW name them enable_load_extension/load_extension, older APSW
    (3.40 in Debian 12's python3-apsw) enableloadextension/loadextension."""
    for enable, load_extension in (("enable_load_extension", "load_extension"),
                                   ("enableloadextension", "loadextension")):
        if hasattr(conn, enable) and hasattr(conn, load_extension):
            return getattr(conn, enable), getattr(conn, load_extension)
    raise LoadExtensionUnavailable("sqlite_news.load: " + CANNOT_LOAD_HELP.format(type_name=_type_name(conn)))
