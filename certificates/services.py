"""Issuing, revoking and re-issuing certificates.

A certificate is issued once per enrollment (a partial unique constraint), takes the next serial
number of its issuing unit and year under a row lock, and freezes what it certifies.
"""

from dataclasses import dataclass, field

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from enrollment.models import AdministrativeUnit, Enrollment, UnitMapping
from lms.params import single_line

from .codes import code_new, serial_format, unit_prefix
from .eligibility import Eligibility, offering_eligibility
from .files import absolute_url, certificate_render, verify_url
from .models import Certificate, CertificateTemplate, SerialCounter


class CertificateError(Exception):
    """A refusal a person should read (Vietnamese)."""


def template_default() -> CertificateTemplate:
    template = CertificateTemplate.objects.filter(is_default=True).first()
    if template is None:
        template, _created = CertificateTemplate.objects.get_or_create(
            is_default=True, defaults={"name": "Mẫu mặc định (Hà Nội)", "signer_name": "Nguyễn Văn Chí"}
        )
    return template


def issuing_unit(offering) -> AdministrativeUnit:
    """The province over the offering's unit: its program office signs.

    A record of the pre-2025 units is signed by today's province, the one that took its communes:
    one office, one serial counter, so an old class and a new one never get the same serial
    (Hà Nội is "01" in both schemes, and "HN-2026-000001" must be issued once)."""
    root_code = offering.unit.path.split("/")[0]
    if offering.unit.scheme == AdministrativeUnit.Scheme.PRE_2025:
        new_path = (
            UnitMapping.objects.filter(old__scheme=offering.unit.scheme, old__path__startswith=f"{root_code}/")
            .values_list("new__path", flat=True).first()
        )  # fmt: skip
        if new_path:
            return AdministrativeUnit.objects.get(scheme=AdministrativeUnit.Scheme.CURRENT, path=new_path.split("/")[0])
    return AdministrativeUnit.objects.get(scheme=offering.unit.scheme, path=root_code)


def _next_serial(unit, year) -> str:
    SerialCounter.objects.bulk_create([SerialCounter(unit=unit, year=year)], ignore_conflicts=True)
    counter = SerialCounter.objects.select_for_update().get(unit=unit, year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return serial_format(prefix=unit_prefix(unit), year=year, number=counter.last)


def _frozen(enrollment, template) -> dict:
    """What the certificate says, each text on one line: it is drawn (the drawing wraps it itself) and
    sent in an email subject, where a line break typed into a title would break both."""
    offering, person = enrollment.offering, enrollment.participant
    course = offering.course
    texts = {
        "full_name": person.full_name, "title": template.title,
        "course_title": course.title if course else offering.title, "issuer": template.issuer,
        "parent_office": template.parent_office, "place": template.place, "signer_name": template.signer_name,
        "signer_title": template.signer_title,
    }  # fmt: skip
    return {
        **{key: single_line(value, limit=Certificate._meta.get_field(key).max_length) for key, value in texts.items()},
        "birth_year": person.birth_year, "offering_code": offering.code,
        "kind": CertificateTemplate.Kind.COMPLETION if course else CertificateTemplate.Kind.ATTENDANCE,
        "starts_on": offering.starts_on, "ends_on": offering.ends_on,
        "hours": course.duration_hours if course else None,
    }  # fmt: skip


def _create(enrollment, *, by, template, override_reason="", unit=None, issued_on=None) -> Certificate:
    unit = unit or issuing_unit(enrollment.offering)
    issued_on = issued_on or timezone.localdate()
    return Certificate.objects.create(
        enrollment=enrollment, template=template, serial=_next_serial(unit, issued_on.year), code=code_new(),
        issued_on=issued_on, issued_by=by, override_reason=override_reason, **_frozen(enrollment, template),
    )  # fmt: skip


def certificate_issue(*, enrollment, by=None, override_reason="", template=None) -> tuple[Certificate, bool]:
    """(the enrollment's certificate, whether it was issued now). Refuses someone not eligible
    unless staff give a written override reason, which is kept on the certificate. After a revocation
    this is the way back: a new certificate, by the same rules; the revoked one keeps saying so."""
    existing = Certificate.objects.filter(enrollment=enrollment, is_current=True).first()
    if existing is not None and existing.revoked_at is None:
        return existing, False
    verdict = next(
        (item for item in offering_eligibility(enrollment.offering) if item.enrollment.pk == enrollment.pk), None
    )
    if verdict is None:
        raise CertificateError(_("This person is no longer on the class's list (waiting for a seat, or cancelled)."))
    if not verdict.eligible and not override_reason.strip():
        raise CertificateError(_("Not eligible yet: %(reasons)s.") % {"reasons": "; ".join(verdict.reasons)})
    try:
        with transaction.atomic():
            if existing is not None:  # revoked by mistake: it stays revoked, and a new one is issued
                Certificate.objects.filter(pk=existing.pk, revoked_at__isnull=False).update(is_current=False)
            certificate = _create(enrollment, by=by, template=template or template_default(),
                                  override_reason=override_reason.strip())  # fmt: skip
    except IntegrityError:  # issued by a concurrent request meanwhile: that one stands
        return Certificate.objects.get(enrollment=enrollment, is_current=True), False
    _deliver(certificate)
    return certificate, True


def _deliver(certificate, notify=True, draw=True) -> None:
    """Draw the PNG and PDF, and tell the learner (outside the serial number's lock). Without
    `draw` the files are drawn on the first download (certificates.files.certificate_file)."""
    if draw:
        certificate_render(certificate)
    if not notify:
        return
    person = certificate.enrollment.participant if certificate.enrollment_id else None
    email = person and (person.email or (person.user.email if person.user_id else ""))
    if email:
        send_mail(
            subject=single_line(_("Certificate: %(course)s") % {"course": certificate.course_title}),
            message=_(
                "Dear %(name)s,\n\nYou have been issued %(title)s number %(serial)s for “%(course)s”.\n"
                "Download it under My classes: %(my_classes)s\n"
                "Anyone can verify it at: %(verify)s\n"
            )
            % {
                "name": certificate.full_name,
                "title": certificate.title.lower(),
                "serial": certificate.serial,
                "course": certificate.course_title,
                "my_classes": absolute_url(reverse("my_classes")),
                "verify": verify_url(certificate),
            },  # fmt: skip
            from_email=None,
            recipient_list=[email],
            fail_silently=True,  # a mail server outage must not undo or block issuing
        )


@dataclass
class IssueReport:
    issued: list[Certificate] = field(default_factory=list)
    already_issued: list[Certificate] = field(default_factory=list)
    not_eligible: list[Eligibility] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "issued": [{"enrollment": c.enrollment_id, "serial": c.serial, "name": c.full_name} for c in self.issued],
            "already_issued": [
                {"enrollment": c.enrollment_id, "serial": c.serial, "name": c.full_name} for c in self.already_issued
            ],
            "not_eligible": [
                {"enrollment": e.enrollment.pk, "name": e.enrollment.participant.full_name, "reasons": e.reasons}
                for e in self.not_eligible
            ],
        }


def certificates_issue_offering(
    *, offering, by=None, progress=None, notify=True, draw: bool = True, issued_on=None
) -> IssueReport:
    """Issue to every eligible enrollment of `offering` that has no certificate yet. Safe to run
    twice or concurrently: the constraint keeps one certificate per enrollment. `draw=False`
    leaves the PNG and PDF to the first download (the demo issues a thousand at once);
    `issued_on` records certificates issued on paper earlier (the serial takes that year)."""
    template = template_default()
    unit = issuing_unit(offering)
    report = IssueReport()
    existing = {c.enrollment_id: c for c in Certificate.objects.filter(enrollment__offering=offering, is_current=True)}
    verdicts = offering_eligibility(offering)
    for done, verdict in enumerate(verdicts, start=1):
        enrollment = verdict.enrollment
        if enrollment.pk in existing:
            report.already_issued.append(existing[enrollment.pk])
        elif not verdict.eligible:
            report.not_eligible.append(verdict)
        else:
            try:
                with transaction.atomic():
                    certificate = _create(enrollment, by=by, template=template, unit=unit, issued_on=issued_on)
            except IntegrityError:
                report.already_issued.append(Certificate.objects.get(enrollment=enrollment, is_current=True))
            else:
                _deliver(certificate, notify=notify, draw=draw)
                report.issued.append(certificate)
        if progress:
            progress(done, len(verdicts))
    return report


@transaction.atomic
def certificate_revoke(*, certificate, reason: str, by=None) -> Certificate:
    if not reason.strip():
        raise CertificateError(_("Write the reason for the revocation."))
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.revoked_at is None:
        certificate.revoked_at = timezone.now()
        certificate.revoked_reason = reason.strip()
        certificate.save(update_fields=["revoked_at", "revoked_reason"])
    return certificate


@transaction.atomic
def certificate_reissue(*, certificate, by=None) -> Certificate:
    """A new certificate from the enrollment as it is now (a corrected name); the old one is marked
    replaced and points to the new one."""
    old = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if old.enrollment is None:
        raise CertificateError(_("Cannot re-issue: the enrollment of this certificate has been deleted."))
    if not old.is_current:
        raise CertificateError(_("This certificate has already been replaced."))
    if old.revoked_at is not None:
        raise CertificateError(
            _(
                "This certificate was revoked, so it cannot be re-issued from the old one: issue a new "
                "certificate by the class's rules (or by exception, with a reason)."
            )
        )
    old.is_current = False
    old.save(update_fields=["is_current"])
    enrollment = Enrollment.objects.select_related("offering__course", "offering__unit", "participant").get(
        pk=old.enrollment_id
    )
    new = _create(enrollment, by=by, template=old.template or template_default(), override_reason=old.override_reason)
    old.replaced_by = new
    old.save(update_fields=["replaced_by"])
    transaction.on_commit(lambda: _deliver(new))
    return new
