"""Stage 2: view models. One typed object per page kind, computed from the content and the build settings.

Templates only present what these objects hold: every count, status, link,
chart coordinate and heading without its number is decided here and tested
directly (``tests/test_views.py``).
"""

from .site import PlanLink, Site, build_site, relative

__all__ = ["PlanLink", "Site", "build_site", "relative"]
