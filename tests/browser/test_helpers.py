from django.core.mail import EmailMessage

from tests.browser.conftest import mail_link


def test_mail_link_finds_the_link_with_the_wanted_path():
    message = EmailMessage(
        body="Confirm: http://localhost:8081/r/confirm/abc:1x:sig/\n"
        "Cancel: http://localhost:8081/r/cancel/abc:1x:sig/\n"
    )

    assert mail_link(message, "/cancel/") == "http://localhost:8081/r/cancel/abc:1x:sig/"
