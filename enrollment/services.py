"""Enrollment business rules: participants, offerings' seats, the waiting list, account linking."""

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils.translation import gettext as _

from lms.text import clean_text, fold, name_sort_key, normalize_email, normalize_national_id, normalize_phone

from .models import Enrollment, Offering, Organization, Participant
from .selectors import offering_seats_taken


class EnrollmentError(Exception):
    """A rule refused the action; the message is for people."""


def participant_prepare(participant: Participant) -> Participant:
    """Normalise what people typed and derive the search and sort keys."""
    participant.full_name = clean_text(participant.full_name)
    participant.name_key = fold(participant.full_name)
    participant.sort_key = name_sort_key(participant.full_name)
    participant.phone = normalize_phone(participant.phone)
    participant.email = normalize_email(participant.email)
    participant.national_id = normalize_national_id(participant.national_id)
    if participant.birth_date and not participant.birth_year:
        participant.birth_year = participant.birth_date.year
    return participant


@transaction.atomic
def participant_save(*, participant: Participant) -> Participant:
    participant_prepare(participant)
    participant.full_clean(exclude=["name_key", "sort_key"])
    participant.save()
    return participant


def organization_save(*, organization: Organization) -> Organization:
    """An organization with its name cleaned and its folded key (how rosters and imports find it by name)."""
    organization.name = clean_text(organization.name)
    organization.name_key = fold(organization.name)
    organization.full_clean(exclude=["name_key"])
    organization.save()
    return organization


def participant_create(**fields) -> Participant:
    return participant_save(participant=Participant(**fields))


def _verified_emails(user) -> list[str]:
    addresses = EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    return sorted({normalize_email(address) for address in addresses} - {""})


@transaction.atomic
def participant_link_user(*, user) -> Participant | None:
    """The participant an account is, linked through what the person has verified, or a new one.

    Rosters create people before they have accounts; when such a person confirms the email a roster
    gave (allauth's confirmation), they become that participant, not a second one. Only a verified
    address links: an email typed on a form or an admin page proves nothing, and linking on it would
    hand a stranger's classes and certificates to whoever typed it. A new participant keeps the
    account's email only when it is verified and no one else's.
    """
    existing = Participant.objects.filter(user=user).first()
    if existing:
        return existing
    verified = _verified_emails(user)
    match = (
        Participant.objects.select_for_update().filter(user__isnull=True, email__in=verified).order_by("pk").first()
        if verified
        else None
    )
    if match is not None:
        match.user = user
        match.save(update_fields=["user", "updated_at"])
        return match
    email = normalize_email(user.email)
    if email not in verified or Participant.objects.filter(email=email).exists():
        email = ""
    return participant_create(full_name=user.get_full_name() or user.email, email=email, user=user)


def _has_seat(offering) -> bool:
    return offering.capacity is None or offering_seats_taken(offering) < offering.capacity


@transaction.atomic
def enrollment_create(*, offering: Offering, participant: Participant, source=Enrollment.Source.STAFF) -> Enrollment:
    """Enroll a participant: a seat if one is free, otherwise the waiting list.

    The offering row is locked for the count and the insert, so concurrent
    registrations never exceed the capacity; the unique constraint keeps one
    enrollment per person and offering.
    """
    offering = Offering.objects.select_for_update().get(pk=offering.pk)
    enrollment = Enrollment.objects.filter(offering=offering, participant=participant).first()
    if enrollment is not None and enrollment.status != Enrollment.Status.CANCELLED:
        return enrollment
    status = Enrollment.Status.REGISTERED if _has_seat(offering) else Enrollment.Status.WAITLISTED
    if enrollment is None:
        return Enrollment.objects.create(offering=offering, participant=participant, status=status, source=source)
    enrollment.status = status
    enrollment.save(update_fields=["status", "updated_at"])
    return enrollment


def enrollment_register(*, offering: Offering, user) -> Enrollment:
    """A learner registers on the site."""
    if offering.status != Offering.Status.OPEN:
        raise EnrollmentError(_("This class is not taking registrations now."))
    participant = participant_link_user(user=user)
    return enrollment_create(offering=offering, participant=participant, source=Enrollment.Source.SELF)


@transaction.atomic
def enrollment_status_change(*, enrollment: Enrollment, status: str) -> Enrollment:
    """Set an enrollment's status by the rules that hold everywhere: a seat is taken only if one is free
    (under the offering's lock), and a seat given up goes to the first person on the waiting list.
    The learner's "cancel", the admin's edit page and any later caller all come here."""
    offering = Offering.objects.select_for_update().get(pk=enrollment.offering_id)
    enrollment = Enrollment.objects.get(pk=enrollment.pk)
    if status == enrollment.status:
        return enrollment
    had_seat, takes_seat = enrollment.status in Enrollment.ACTIVE, status in Enrollment.ACTIVE
    if takes_seat and not had_seat and not _has_seat(offering):
        raise EnrollmentError(
            _(
                "The class is full, so this person cannot be given a seat: keep them on the waiting list, "
                "or raise the class's capacity first."
            )
        )
    enrollment.status = status
    enrollment.save(update_fields=["status", "updated_at"])
    if had_seat and not takes_seat:
        _promote_waitlisted(offering)
    return enrollment


def enrollment_cancel(*, enrollment: Enrollment) -> Enrollment:
    """Cancel, and give a freed seat to the first person on the waiting list."""
    return enrollment_status_change(enrollment=enrollment, status=Enrollment.Status.CANCELLED)


def _promote_waitlisted(offering: Offering) -> None:
    while _has_seat(offering):
        first = offering.enrollments.filter(status=Enrollment.Status.WAITLISTED).order_by("created_at", "pk").first()
        if first is None:
            return
        first.status = Enrollment.Status.REGISTERED
        first.save(update_fields=["status", "updated_at"])


MERGEABLE_FIELDS = [
    "full_name", "gender", "birth_date", "birth_year", "phone", "email", "national_id",
    "position", "organization", "unit", "category",
]  # fmt: skip
UNIQUE_FIELDS = ["phone", "email", "national_id"]


def _value(participant, field):
    return getattr(participant, f"{field}_id" if field in ("organization", "unit") else field)


@transaction.atomic
def participant_merge(*, survivor: Participant, duplicate: Participant, take: set[str] = frozenset(), by=None):
    """Merge `duplicate` into `survivor` and delete it.

    `take` names the fields whose value comes from the duplicate; every other
    field keeps the survivor's value, or the duplicate's where the survivor
    has none. Enrollments move to the survivor (where both were enrolled in
    the same offering, the survivor's stays). The account moves if the
    survivor has none. The merge is logged with the duplicate's details.
    """
    from .models import ParticipantMerge

    if survivor.pk == duplicate.pk:
        raise EnrollmentError(_("A person cannot be merged with themselves."))
    survivor, duplicate = (
        Participant.objects.select_for_update().get(pk=survivor.pk),
        Participant.objects.select_for_update().get(pk=duplicate.pk),
    )
    unknown = set(take) - set(MERGEABLE_FIELDS)
    if unknown:
        raise EnrollmentError(_("Fields that cannot be merged: %(fields)s") % {"fields": ", ".join(sorted(unknown))})
    snapshot = {field: _value(duplicate, field) for field in MERGEABLE_FIELDS}
    snapshot["birth_date"] = snapshot["birth_date"].isoformat() if snapshot["birth_date"] else None
    chosen = {}
    for field in MERGEABLE_FIELDS:
        mine, theirs = _value(survivor, field), _value(duplicate, field)
        if theirs not in (None, "") and (field in take or mine in (None, "")):
            chosen[field] = theirs
    # Free the duplicate's unique values before the survivor takes them.
    Participant.objects.filter(pk=duplicate.pk).update(phone="", email="", national_id="")
    for field, value in chosen.items():
        setattr(survivor, f"{field}_id" if field in ("organization", "unit") else field, value)
    user = duplicate.user
    if user is not None and survivor.user_id is None:
        Participant.objects.filter(pk=duplicate.pk).update(user=None)
        survivor.user = user
    participant_save(participant=survivor)

    already = set(Enrollment.objects.filter(participant=survivor).values_list("offering_id", flat=True))
    moving = Enrollment.objects.filter(participant=duplicate).exclude(offering_id__in=already)
    moved = moving.update(participant=survivor)
    Enrollment.objects.filter(participant=duplicate).delete()
    log = ParticipantMerge.objects.create(
        survivor=survivor,
        merged_name=duplicate.full_name,
        merged_data=snapshot,
        choices=sorted(chosen),
        enrollments_moved=moved,
        merged_by=by,
    )
    duplicate.delete()
    return log
