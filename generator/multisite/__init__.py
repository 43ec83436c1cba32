"""Many organisations in one repository: ``sites/<id>/``, ``python -m generator build-all``, one deploy folder.

A tool above the stages (like ``cli``): it finds the sites (``sites``), decides which need building
(``fingerprint``), runs one ``python -m generator build`` per site in parallel processes (``buildall``), then
writes what belongs to the whole deploy: the landing page and the province roll-up (``landing``), the sitemap
index, one set of hosting configurations and one ``dist`` archive. Each site is built exactly as a single site
is, so a site here and a site in its own repository cannot drift apart.
"""
