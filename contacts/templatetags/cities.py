"""`{{ venue.city|city }}`: a city in the page's language, one spelling per line (contacts.cities)."""

from django import template

from contacts.cities import city_name

register = template.Library()


@register.filter
def city(value) -> str:
    return city_name(str(value or ""))
