"""Which requests count against the public rate limits (events.ratelimit does the counting).

Per client: every registration POST, counted per IPv4 address or IPv6 /64 network of the
client behind the trusted proxies (anniversary.clientip). Per email: only a POST that would
create a registration (and so send an email): a duplicate, a spam trap or an invalid form
sends nothing, so it must not let a stranger use up the victim's allowance.
"""

from django.conf import settings

from anniversary.clientip import rate_limit_key

from .enums import RegistrationStatus
from .models import Event, Registration
from .ratelimit import allow, allow_in_turn


def registration_limited(request, *, event: Event, form) -> bool:
    """Count this registration POST; True when the client or the email is over its limit.

    The client is counted first and the email only while the client is within its limit, in
    one round trip (ratelimit.allow_in_turn); the form is validated first to know whether the
    email counts at all.
    """
    client = ("register-ip", rate_limit_key(request), settings.REGISTRATION_RATE_LIMIT_PER_IP)
    if not form.is_valid() or form.is_spam:
        return not allow(*client)
    email = form.cleaned_data["email"].strip().lower()
    already = Registration.objects.filter(
        event=event, email=email, status__in=RegistrationStatus.active()
    ).exists()
    if already:
        # The service answers "already registered" and sends nothing but the rate-limited
        # reminder: the victim's allowance is not used up.
        return not allow(*client)
    return not allow_in_turn(
        client, ("register-email", email, settings.REGISTRATION_RATE_LIMIT_PER_EMAIL)
    )
