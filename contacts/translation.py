"""An organization's name and short name where they differ by language (django-modeltranslation):
`name_tr` is the name as registered, `name_az` and `name_en` optional and falling back to it; the
short name likewise ("TDT STK Platformu", "TDT QHT Platforması", "OTS NGO Platform")."""

from modeltranslation.translator import TranslationOptions, register

from .models import Organization


@register(Organization)
class OrganizationTranslation(TranslationOptions):
    fields = ("name", "short_name")
    required_languages = ("tr",)
    # NULL, not "", for a name not given: the names are unique, and many organizations have none.
    empty_values = {"name": None}
