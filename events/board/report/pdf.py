"""The report as a PDF, drawn by WeasyPrint from the same templates as the page."""

import logging

from django.utils.translation import gettext as _


def _no_fetching(url, *args, **kwargs):
    # Everything the PDF shows is inline (CSS, SVG); fetching would let a page call the server
    # it is being rendered by, or the internet. data: URIs are all WeasyPrint may read.
    from weasyprint import default_url_fetcher

    if url.startswith("data:"):
        return default_url_fetcher(url, *args, **kwargs)
    raise ValueError(_("The report's PDF reads no outside files."))


def render(html: str) -> bytes:
    """PDF bytes of an HTML document; CPU only, no network, no files written."""
    from weasyprint import HTML

    # WeasyPrint logs every CSS property it does not know (pygal's -webkit-*); not our problem.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    return HTML(string=html, url_fetcher=_no_fetching, base_url="/").write_pdf()
