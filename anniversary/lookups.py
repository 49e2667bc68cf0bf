"""`field__in=[…]` with a number no integer column can hold matches nothing, on every database.

Django 5.2 already answers `pk=99999999999999999999` with "no row" (its IntegerFieldOverflow
lookups), but not `pk__in=[…]`: SQLite's driver raises OverflowError while binding the value
(PostgreSQL compares it and finds nothing). ModelMultipleChoiceField looks choices up with
`pk__in`, so a board form given such a number answered with an error page instead of "Select a
valid choice" on the field. Values outside the column's range can never match; dropping them
before the query gives the same answer as PostgreSQL everywhere.
"""

import copy

from django.db.models import IntegerField
from django.db.models.lookups import In


@IntegerField.register_lookup
class IntegerFieldIn(In):
    """`in` on integer columns (primary keys included), ignoring values out of the column's
    range (`connection.ops.integer_field_range()`); all out of range → no row (EmptyResultSet,
    as an empty list gives)."""

    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            low, high = connection.ops.integer_field_range(
                self.lhs.output_field.get_internal_type()
            )
            kept = [
                value
                for value in self.rhs
                if not isinstance(value, int)
                or ((low is None or value >= low) and (high is None or value <= high))
            ]
            if len(kept) != len(self.rhs):
                # A copy: the same query may be compiled again for another connection.
                lookup = copy.copy(self)
                lookup.rhs = kept
                return In.process_rhs(lookup, compiler, connection)
        return super().process_rhs(compiler, connection)
