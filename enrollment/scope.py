"""Which administrative units a staff member works in, and so which records they may act on.

Administrators (permission enrollment.manage_all_units) see everything. An
organizer sees their unit and the units under it (`units_within`).

`visible(user, queryset)` is the one answer to "which of these may this user act on", for every model
that belongs to a unit: every list, form choice, filter, object lookup and id a request carries goes
through it (or through the per-model function it dispatches to).
"""

from django.db.models import Q

from .models import AdministrativeUnit, UnitMapping

ALL = None


def visible_unit_ids(user):
    """A queryset of unit ids, or ALL."""
    if user.has_perm("enrollment.manage_all_units"):
        return ALL
    if user.unit is None:
        return AdministrativeUnit.objects.none().values("id")
    return units_within(user.unit)


def units_within(unit):
    """A queryset of the ids of `unit` and every unit under it, across the 2025 reform: a province
    covers both schemes, a current commune the pre-2025 communes that became part of it, and a
    pre-2025 unit the current communes its communes became part of."""
    if unit.level == AdministrativeUnit.Level.PROVINCE:
        return AdministrativeUnit.objects.filter(path__startswith=unit.path).values("id")
    own = AdministrativeUnit.objects.filter(scheme=unit.scheme, path__startswith=unit.path).values("id")
    if unit.scheme == AdministrativeUnit.Scheme.CURRENT:
        mapped = UnitMapping.objects.filter(new__in=own).values("old_id")
    else:
        mapped = UnitMapping.objects.filter(old__in=own).values("new_id")
    return AdministrativeUnit.objects.filter(Q(pk__in=own) | Q(pk__in=mapped)).values("id")


def _within(lookup):
    """A scope function keeping the rows whose `lookup` is a visible unit."""

    def scope(user, queryset):
        ids = visible_unit_ids(user)
        return queryset if ids is ALL else queryset.filter(**{f"{lookup}__in": ids})

    return scope


scope_units = _within("pk")
scope_by_unit = _within("unit")  # offerings, organizations
scope_offerings = scope_by_unit
scope_enrollments = _within("offering__unit")
scope_products = _within("organization__unit")
scope_sessions = _within("offering__unit")


def scope_participants(user, queryset):
    """People of the organizer's units, and people enrolled in their units' offerings."""
    ids = visible_unit_ids(user)
    if ids is ALL:
        return queryset
    enrolled = queryset.model.objects.filter(enrollments__offering__unit__in=ids).values("id")
    return queryset.filter(Q(unit__in=ids) | Q(pk__in=enrolled))


SCOPES = {
    "enrollment.administrativeunit": scope_units,
    "enrollment.organization": scope_by_unit,
    "enrollment.offering": scope_offerings,
    "enrollment.enrollment": scope_enrollments,
    "enrollment.ocopproduct": scope_products,
    "enrollment.participant": scope_participants,
    "attendance.session": scope_sessions,
}


def visible(user, queryset):
    """The rows of `queryset` that `user` may act on."""
    return SCOPES[queryset.model._meta.label_lower](user, queryset)
