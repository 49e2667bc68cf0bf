"""`quickstart --serve` listens where SITE_URL says, so the emails' links reach the server."""

import pytest

from events.management.commands.quickstart import serve_address


@pytest.mark.parametrize(
    ("site_url", "address"),
    [
        ("http://127.0.0.1:8000", "127.0.0.1:8000"),
        ("http://127.0.0.1:8123", "127.0.0.1:8123"),
        ("http://localhost:9000", "localhost:9000"),
        ("http://[::1]:8080", "[::1]:8080"),
        ("http://127.0.0.1", "127.0.0.1:80"),
        ("https://kardes40.example.org", "127.0.0.1:8000"),  # not this machine: the default
    ],
)
def test_the_server_listens_at_site_url_when_it_is_this_machine(site_url, address):
    assert serve_address(site_url) == address
