"""Password reset for board members: rate-limited, and sent by the worker.

Django's own view sends the email inside the request (a slow SMTP server holds the page) and
answers as often as it is asked (anyone can flood a member's inbox). Here the request only
queues a task with the user's primary key, and a client address or an account over its limit
gets the very same "check your inbox" page, with nothing sent: the answer never tells whether
the address is known or limited.
"""

import logging
import smtplib

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.contrib.auth.views import PasswordResetView
from django.http import HttpResponseRedirect
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from anniversary.clientip import rate_limit_key
from events.ratelimit import allow

logger = logging.getLogger(__name__)

SUBJECT_TEMPLATE = "registration/password_reset_subject.txt"
EMAIL_TEMPLATE = "registration/password_reset_email.html"


class QueuedPasswordResetForm(PasswordResetForm):
    def save(self, *, domain_override=None, use_https=False, request=None, **kwargs):
        """Queue one email per matching active user; nothing is sent in the request."""
        domain = domain_override or (request.get_host() if request else settings.SITE_URL)
        protocol = "https" if use_https else "http"
        language = translation.get_language() or settings.LANGUAGE_CODE
        for user in self.get_users(self.cleaned_data["email"]):
            try:
                send_password_reset_email.delay(
                    user_id=user.pk, domain=domain, protocol=protocol, language=language
                )
            except Exception as exc:  # the broker (or, in-process, the mail server) failed
                # Logged, and the page answers the same: the member can ask again.
                logger.warning("Password reset email for user %s not queued: %s", user.pk, exc)


class RateLimitedPasswordResetView(PasswordResetView):
    form_class = QueuedPasswordResetForm

    def form_valid(self, form):
        email = form.cleaned_data["email"].strip().lower()
        address_ok = allow(
            "password-reset-ip",
            rate_limit_key(self.request),
            settings.PASSWORD_RESET_RATE_LIMIT_PER_IP,
        )
        if not (
            address_ok
            and allow(
                "password-reset-account", email, settings.PASSWORD_RESET_RATE_LIMIT_PER_ACCOUNT
            )
        ):
            logger.info("Password reset request over its rate limit; nothing sent.")
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


@shared_task(
    name="accounts.send_password_reset_email",
    ignore_result=True,
    autoretry_for=(smtplib.SMTPException, OSError),
    retry_backoff=2,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=5,
)
def send_password_reset_email(*, user_id: int, domain: str, protocol: str, language: str) -> bool:
    """Build the reset link (a fresh token) and send it; False if the user is gone or inactive."""
    user = get_user_model()._default_manager.filter(pk=user_id, is_active=True).first()
    if user is None or not user.has_usable_password() or not user.email:
        logger.info(
            "Password reset for user %s: no active user with a password; not sent.", user_id
        )
        return False
    context = {
        "email": user.email,
        "domain": domain,
        "site_name": domain,
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "user": user,
        "token": default_token_generator.make_token(user),
        "protocol": protocol,
    }
    with translation.override(language):
        PasswordResetForm().send_mail(SUBJECT_TEMPLATE, EMAIL_TEMPLATE, context, None, user.email)
    return True
