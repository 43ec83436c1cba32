"""Static microsite generator for a party committee's plan implementing a Party resolution."""

from importlib.metadata import PackageNotFoundError, version

DISTRIBUTION = "nq57-microsite"
"""The name pyproject.toml gives the package (its version is read from the installed metadata)."""

try:
    __version__ = version(DISTRIBUTION)
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"
