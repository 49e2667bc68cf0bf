"""What every audience's views share (public, board, registrants): one way to say a service's no."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from .exceptions import messages_of


def flash_errors(request: HttpRequest, error: ValidationError) -> None:
    """Show each message of a domain error (or any ValidationError) as an error message on the
    next page. Field names are dropped: the user did not fill in a field, a rule said no."""
    for text in messages_of(error):
        messages.error(request, text)
