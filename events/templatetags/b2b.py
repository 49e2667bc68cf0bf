"""{% b2b_link registration %}: the participant's business program link, or "" when the event
has no matchmaking or the registration is not active. Used by the self-service page and the
confirmation email, so a registrant finds the business profile without an account."""

from django import template
from django.conf import settings
from django.urls import reverse

from ..b2b.links import PARTICIPANT
from ..b2b.selectors import outcomes_of_organization, program_figures
from ..b2b.services import matchmaking_of
from ..enums import RegistrationStatus
from ..tokens import make_token

register = template.Library()


@register.simple_tag
def b2b_link(registration, absolute=False):

    if registration.status not in RegistrationStatus.active():
        return ""
    if matchmaking_of(registration.event) is None:
        return ""
    token = make_token(registration, purpose=PARTICIPANT)
    path = reverse("b2b:home", kwargs={"pk": registration.pk, "token": token})
    return settings.SITE_URL + path if absolute else path


@register.simple_tag
def b2b_figures():
    """The business program's figures per event, for the board dashboard."""

    return program_figures()


@register.simple_tag
def b2b_outcomes(organization):
    """{% b2b_outcomes organization as rows %}: the organization's B2B meetings and answers.
    A template tag, so that the contacts' Python code never imports events."""

    return outcomes_of_organization(organization.pk)
