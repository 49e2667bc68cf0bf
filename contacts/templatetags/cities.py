"""`{{ venue.city|city }}`: a city in the page's language, one spelling per line (contacts.cities)."""

from django import template

from contacts.cities import city_beside, city_name

register = template.Library()


@register.filter
def city(value) -> str:
    return city_name(str(value or ""))


@register.filter
def city_of(obj, field: str = "name") -> str:
    """`{{ event.venue|city_of:"name" }}`: the record's city in the language its `field` is
    shown in (contacts.cities.city_beside), for plain text that cannot mark a fallback."""
    return city_beside(obj, field, str(getattr(obj, "city", "") or ""))
