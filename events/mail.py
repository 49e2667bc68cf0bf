"""Building the emails delegates and board members receive, in the recipient's language.

Each message is three templates under templates/emails/: NAME.subject.txt, NAME.txt and NAME.html.
Callers send after the transaction commits (transaction.on_commit) and may pass one open
connection for a whole batch.
"""

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

# (filename, content, mimetype)
Attachment = tuple[str, bytes, str]


def build_message(
    *,
    template: str,
    context: dict,
    to: str,
    language: str,
    attachments: Iterable[Attachment] = (),
    connection=None,
) -> EmailMultiAlternatives:
    context = {"site_url": settings.SITE_URL, **context}
    with translation.override(language):
        subject = render_to_string(f"emails/{template}.subject.txt", context)
        text = render_to_string(f"emails/{template}.txt", context)
        html = render_to_string(f"emails/{template}.html", context)
    # One line, whatever a title or name contains: a newline in a header would inject headers.
    subject = " ".join(subject.split())
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        connection=connection,
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    return message
