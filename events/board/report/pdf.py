"""The report as a PDF, drawn by WeasyPrint from the same templates as the page."""

import logging


def render(html: str) -> bytes:
    """PDF bytes of an HTML document; CPU only, no network, no files written."""
    # WeasyPrint loads pango and its fonts on import: only the processes that print pay for it.
    from weasyprint import HTML  # noqa: PLC0415
    from weasyprint.urls import URLFetcher  # noqa: PLC0415

    # WeasyPrint logs every CSS property it does not know (pygal's -webkit-*); not our problem.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    # Everything the PDF shows is inline (CSS, the charts as data: URIs). Fetching nothing else
    # keeps a page from calling the server that renders it, or the internet.
    fetcher = URLFetcher(allowed_protocols=["data"])
    return HTML(string=html, url_fetcher=fetcher, base_url="/").write_pdf()
