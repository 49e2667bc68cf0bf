"""Domain errors: a rule of the program said no.

Every service that refuses an action (registration, check-in, scheduling, ...) raises a
subclass of `DomainError`. It is a Django `ValidationError`, so a form can attach it to a field
and the admin shows it as it shows any validation error; views turn it into messages with
`messages_of()`, the same way whichever service raised it.
"""

from django.core.exceptions import ValidationError


class DomainError(ValidationError):
    """A rule said no. Its messages are meant for the person who asked, in their language.

    Takes what `ValidationError` takes: one message, a list, or a dict of field -> messages.
    """


def messages_of(error: ValidationError) -> list[str]:
    """The user-facing texts of a domain (or any validation) error, in order, without field names.

    Returns a list of str (lazy translations resolved in the active language).
    """
    return [str(message) for message in error.messages]
