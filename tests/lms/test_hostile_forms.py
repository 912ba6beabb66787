"""The generic net: hostile values in every field of every form of ours, sent as each of the eight people
of the permission world (tests/lms/permission_world.py).

Every page of ours is opened as each role and its forms are read from the HTML the role is shown (field
names, hidden values, options, submit buttons). Hypothesis then fills each form with a mix of the form's
own values and hostile ones: digits that are not ASCII ("²", "١٢"), numbers beyond any column, NUL, line
breaks, markup, impossible dates, a code with "/", the ids of the other unit's records and of deleted
ones, and the other unit's person's phone, email and national ID (what a probe types to reach them). Field
names that carry an id (`status-<enrollment>`, `row-<n>`) are sent with the other side's ids too.

Each request must be answered (any status but 500), must leave the records of the sender's other side as
they were (no change to them, no new enrollment, attendance record or certificate of theirs: the way an
organizer of one commune would reach another commune's people), and must leave the learners' landing page
(/lop-cua-toi/) working. Every example runs in a savepoint rolled back afterwards.

HOSTILE_FORM_EXAMPLES sets the examples per form (default 8; derandomized, so a run is repeatable).
"""

import os
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import Resolver404, resolve, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from attendance.models import AttendanceRecord, Session
from certificates.models import Certificate
from enrollment.factories import ParticipantFactory
from enrollment.models import Enrollment, Offering, Participant

from .permission_world import ROLES, world_build
from .url_walk import routes, url_of

OURS = ("accounts", "courses", "enrollment", "attendance", "feedback", "certificates", "home", "lms", "ops")
EXAMPLES = int(os.environ.get("HOSTILE_FORM_EXAMPLES", "8"))
HOSTILE = [
    "", " ", "²", "١٢", "٣", "-1", "0", "1.5", "1e3", "9" * 20, "9" * 5000, "\x00", "a\x00b",
    "Lớp\r\nBcc: ai.do@example.com", "<script>alert(1)</script>", "Đ" * 300, "31/12/9999", "9999-12-31",
    "29/02/2023", "HN/2026/X", "../..", "create", "skip", "on", "true",
]  # fmt: skip
# The sender's other side: whose records they must never change or reach.
OTHER_SIDE = {
    "anonymous": ("b", "other learner", "learner"),
    "learner": ("b", "other learner"),
    "other_learner": ("b", "learner"),
    "trainer": ("b",),
    "other_trainer": ("a",),
    "organizer_a": ("b",),
    "organizer_b": ("a",),
    "administrator": (),
}


@dataclass
class Form:
    action: str
    method: str
    fields: dict = field(default_factory=dict)  # name -> the values the page offers
    buttons: list = field(default_factory=list)  # (name, value) of each submit button

    @property
    def key(self):
        return (urlsplit(self.action).path, self.method, tuple(sorted(self.fields)), tuple(self.buttons))


class _FormReader(HTMLParser):
    def __init__(self, page_url):
        super().__init__()
        self.page_url, self.forms, self.form, self.select, self.textarea = page_url, [], None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            action = urljoin(self.page_url, attrs.get("action") or self.page_url)
            self.form = Form(action, (attrs.get("method") or "get").lower())
            self.forms.append(self.form)
        if self.form is None or not attrs.get("name") and tag != "option":
            return
        name = attrs.get("name")
        if tag == "input" and attrs.get("type") in ("submit", "image"):
            self.form.buttons.append((name, attrs.get("value", "")))
        elif tag == "input" and attrs.get("type") != "file":
            self.form.fields.setdefault(name, []).append(attrs.get("value") or "on")
        elif tag == "button" and attrs.get("type", "submit") == "submit":
            self.form.buttons.append((name, attrs.get("value", "")))
        elif tag == "select":
            self.select = self.form.fields.setdefault(name, [])
        elif tag == "option" and self.select is not None:
            self.select.append(attrs.get("value", ""))
        elif tag == "textarea":
            self.textarea = self.form.fields.setdefault(name, [])

    def handle_data(self, data):
        if self.textarea is not None and data.strip():
            self.textarea.append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None


def _ours(url) -> bool:
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return False
    view = getattr(match.func, "view_class", match.func)
    return view.__module__.split(".")[0] in OURS or match.url_name == "wagtail_serve"


def _pages(world) -> list[str]:
    pages = [url_of(route, world) for route in routes() if route.name and _ours(url_of(route, world))]
    return sorted({*pages, world.lesson_a.url, reverse("offering_detail", args=[world.offering_a.code])})


def _forms(client, world) -> list[Form]:
    found = {}
    for url in _pages(world):
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        reader = _FormReader("http://testserver" + url)
        reader.feed(response.content.decode())
        for form in reader.forms:
            if _ours(form.action) and (form.fields or form.buttons):
                form.fields.pop("csrfmiddlewaretoken", None)
                found.setdefault(form.key, form)
    return list(found.values())


def _sides(world) -> dict:
    """What belongs to each side: people, and the records that carry them."""
    return {
        "a": {"people": [world.participant.pk, world.other_participant.pk], "offerings": [world.offering_a.pk]},
        "b": {"people": [world.person_b.pk], "offerings": [world.offering_b.pk]},
        "learner": {"people": [world.participant.pk], "offerings": []},
        "other learner": {"people": [world.other_participant.pk], "offerings": []},
    }


def _snapshot(protected, sender) -> dict:
    """Everything of the protected people and offerings, as rows: any change shows. The sender's own
    enrollments are theirs (anyone may register for an open class of any unit)."""
    people, offerings = protected["people"], protected["offerings"]
    theirs = Enrollment.objects.filter(offering__in=offerings)
    if sender is not None:
        theirs = theirs.exclude(participant__user=sender)
    enrollments = Enrollment.objects.filter(participant__in=people) | theirs
    return {
        "people": list(Participant.objects.filter(pk__in=people).order_by("pk").values()),
        "offerings": list(Offering.objects.filter(pk__in=offerings).order_by("pk").values()),
        "enrollments": list(enrollments.order_by("pk").values()),
        "sessions": list(Session.objects.filter(offering__in=offerings).order_by("pk").values()),
        "attendance": list(
            AttendanceRecord.objects.filter(enrollment__in=enrollments).order_by("pk").values("pk", "status", "note")
        ),
        "certificates": list(
            Certificate.objects.filter(enrollment__in=enrollments)
            .order_by("pk")
            .values("pk", "is_current", "revoked_at", "replaced_by", "full_name")
        ),
    }


def _protected(world, role) -> dict:
    sides = _sides(world)
    chosen = [sides[name] for name in OTHER_SIDE[role]]
    return {key: sorted({pk for side in chosen for pk in side[key]}) for key in ("people", "offerings")}


def _other_ids(world) -> list[str]:
    """Ids a probe would try: the other unit's and the other learner's records, a wait-listed enrollment,
    and a person who no longer exists."""
    deleted = ParticipantFactory()
    ids = [
        world.person_b.pk, world.enrollment_b.pk, world.offering_b.pk, world.session_b.pk, world.waitlisted.pk,
        world.other_participant.pk, world.other_enrollment.pk, world.other_certificate.pk, deleted.pk,
        *Certificate.objects.filter(enrollment=world.enrollment_b).values_list("pk", flat=True),
    ]  # fmt: skip
    deleted.delete()
    return [str(pk) for pk in ids]


def _keys(world) -> list[str]:
    """The other unit's person's phone (as stored and as typed), email and national ID."""
    person = world.person_b
    return [person.phone, "+84 987 654 321", person.email, person.email.upper(), person.national_id]


def _hostile_pool(world, ids) -> list[str]:
    return [*HOSTILE, *ids, *_keys(world)]


ID_IN_NAME = re.compile(r"^([a-z_]+-)(\d+)$")


def _fields(form, pool, ids):
    """A strategy for one submission: each field its own value or a hostile one, sometimes a twin of a
    field that names a record (`status-<id>`) naming another record, and one of the submit buttons."""
    values = {
        name: st.one_of(st.sampled_from(offered or [""]), st.sampled_from(pool), st.text(max_size=12))
        for name, offered in form.fields.items()
    }
    twins = {
        match[1] + other: st.sampled_from(pool)
        for name in form.fields
        if (match := ID_IN_NAME.match(name))
        for other in ids
        if match[1] + other not in form.fields
    }
    return st.tuples(
        st.fixed_dictionaries(values, optional=twins),
        st.sampled_from(form.buttons or [(None, "")]),
    )


@pytest.fixture
def world(db):
    return world_build()


@pytest.mark.parametrize("role", ROLES)
def test_hostile_values_in_every_form_never_500_and_never_reach_the_other_side(world, role):
    user = world.users[role]
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    landing = Client(raise_request_exception=False)
    landing.force_login(world.users["learner"])
    forms = _forms(client, world)
    assert forms, f"no form of ours is shown to {role}"
    ids = _other_ids(world)
    pool = _hostile_pool(world, ids)
    protected = _protected(world, role)
    before = _snapshot(protected, user)
    failures = []

    keys = _keys(world)
    for form in forms:
        check = _checker(form, client, landing, protected, user, before)
        try:
            for data in _sweep(form, ids, keys):
                check(data)
            _random(form, _fields(form, pool, ids), check)
        except AssertionError as error:
            failures.append(str(error).splitlines()[0])
    assert failures == []


NAMES_A_RECORD = re.compile(r"certificate|enrollment|participant|offering|duplicate|person|session")
NAMES_A_PERSON = re.compile(r"phone|email|national|cccd")
NAMES_A_DATE = re.compile(r"date|_on$|_day$|_from$|_to$")
# What breaks a parser that trusts str.isdigit() or the database's range.
NUMBER_BREAKERS = ["²", "١٢", "9" * 20, "9" * 5000, "-1", "1.5", "\x00"]
DATE_BREAKERS = ["31/12/9999", "9999-12-31", "01/01/0001", "29/02/2023", "\x00"]


def _offered(form) -> dict:
    return {name: offered[0] if offered else "" for name, offered in form.fields.items()}


def _sweep(form, ids, keys):
    """Every field that names a record (an id, or a number) with each of the other side's ids and with
    numbers that break parsers, every field that names a person (a phone, an email, an ID number) with
    the other side's person's, every date with impossible ones, the rest as the page offers; every field
    that carries an id in its name repeated with the other side's ids. Nothing left to chance: this is
    how a probe reaches people and finds 500s."""
    base = _offered(form)
    button = dict(form.buttons[:1]) if form.buttons and form.buttons[0][0] else {}
    for name, offered in form.fields.items():
        if NAMES_A_RECORD.search(name) or (offered and all(value.isdigit() for value in offered)):
            reach = [*ids, *NUMBER_BREAKERS]
        elif NAMES_A_PERSON.search(name):
            reach = keys
        elif NAMES_A_DATE.search(name):
            reach = DATE_BREAKERS
        else:
            reach = []
        for value in reach:
            for other_button in form.buttons or [(None, "")]:
                yield {**base, name: value, **({other_button[0]: other_button[1]} if other_button[0] else {})}
        if match := ID_IN_NAME.match(name):
            for other in ids:
                yield {**base, match[1] + other: base[name], **button}


def _random(form, submissions, check):
    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(submission=submissions)
    def send(submission):
        data, (button, value) = submission
        check({**data, button: value} if button else data)

    send()


def _checker(form, client, landing, protected, sender, before):
    path = urlsplit(form.action).path

    def check(data):
        with transaction.atomic():
            response = client.post(path, data) if form.method == "post" else client.get(path, data)
            problem = None
            if response.status_code >= 500:
                problem = f"{response.status_code}"
            elif _snapshot(protected, sender) != before:
                problem = "changed the other side's records"
            elif response.status_code in (301, 302, 303) and landing.get(reverse("my_classes")).status_code >= 500:
                problem = "broke the learners' landing page"
            transaction.set_rollback(True)
        cache.clear()
        assert problem is None, f"{form.method.upper()} {path} {data}: {problem}"

    return check
