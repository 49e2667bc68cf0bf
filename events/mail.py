"""Building the emails delegates and board members receive, in the recipient's language.

Each message is three templates under templates/emails/: NAME.subject.txt, NAME.txt and NAME.html.
Callers send after the transaction commits (transaction.on_commit) and may pass one open
connection for a whole batch.
"""

import smtplib
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

# (filename, content, mimetype)
Attachment = tuple[str, bytes, str]


def render_plain_text(template: str, context: dict) -> str:
    """A plain-text template rendered without HTML escaping (settings.PLAIN_TEXT_TEMPLATES)."""
    return render_to_string(template, context, using=settings.PLAIN_TEXT_TEMPLATES)


def build_message(
    *,
    template: str,
    context: dict,
    to: str,
    language: str,
    attachments: Iterable[Attachment] = (),
    connection=None,
    message_id: str = "",
) -> EmailMultiAlternatives:
    context = {"site_url": settings.SITE_URL, **context}
    with translation.override(language):
        subject = render_plain_text(f"emails/{template}.subject.txt", context)
        text = render_plain_text(f"emails/{template}.txt", context)
        html = render_to_string(f"emails/{template}.html", context)
    # One line, whatever a title or name contains: a newline in a header would inject headers.
    subject = " ".join(subject.split())
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        connection=connection,
        headers={
            "Auto-Submitted": "auto-generated",
            **({"Message-ID": message_id} if message_id else {}),
        },
    )
    message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    return message


# Worth another try later: the server was away, or said "try again" (4xx).
_TEMPORARY_FAILURES = (
    smtplib.SMTPServerDisconnected,
    smtplib.SMTPConnectError,
    ConnectionError,
    TimeoutError,
)


def describe_smtp_error(exc: Exception) -> tuple[int | None, str]:
    """The SMTP reply code (None when the connection itself failed) and a readable text."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        code, text = next(iter(exc.recipients.values()))
        return code, f"{code} {text.decode(errors='replace') if isinstance(text, bytes) else text}"
    if isinstance(exc, smtplib.SMTPResponseException):
        text = exc.smtp_error
        text = text.decode(errors="replace") if isinstance(text, bytes) else str(text)
        return exc.smtp_code, f"{exc.smtp_code} {text}"
    return None, f"{type(exc).__name__}: {exc}"


def is_temporary_smtp_error(exc: Exception) -> bool:
    """4xx replies and lost connections pass; 5xx replies are final and must not be retried."""
    code, _text = describe_smtp_error(exc)
    if code is not None:
        return 400 <= code < 500
    return isinstance(exc, _TEMPORARY_FAILURES)
