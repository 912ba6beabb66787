"""Every page the demo creates, for every role: who gets it, who is sent away. Every URL the project
serves is walked for eight roles by tests/lms/test_permission_matrix.py."""

from django.urls import reverse

from accounts.roles import Role

ANONYMOUS = None
ROLES = [ANONYMOUS, Role.LEARNER, Role.TRAINER, Role.ORGANIZER, Role.ADMINISTRATOR]
STAFF = {Role.TRAINER, Role.ORGANIZER, Role.ADMINISTRATOR}


def test_learner_sent_away_from_the_admin_lands_on_the_login_page_with_a_reason(client, demo):
    client.force_login(demo[Role.LEARNER.value])
    response = client.get(reverse("wagtailadmin_home"), follow=True)
    assert response.request["PATH_INFO"] == reverse("account_login")
    assert "Bạn không có quyền" in response.content.decode()


def test_header_offers_administration_only_to_staff(client, demo):
    client.force_login(demo[Role.LEARNER.value])
    assert "/admin/" not in client.get("/").content.decode()
    client.force_login(demo[Role.TRAINER.value])
    assert 'href="/admin/"' in client.get("/").content.decode()


def test_unknown_page_gets_the_styled_404(client, demo):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_home_page_runs_a_fixed_number_of_queries(client, demo, django_assert_max_num_queries):
    client.get("/")  # Wagtail caches the site's root paths on first use.
    with django_assert_max_num_queries(6):
        assert client.get("/").status_code == 200


def test_every_page_of_the_full_demo_answers_each_role(client, db):
    """The whole demo (site, catalog, tracks, courses, lessons) walked as every role."""
    from wagtail.models import Page

    from courses.models import CoursePage, LessonPage
    from demo.build import demo_site_build, demo_user
    from enrollment.models import Enrollment

    demo_site_build()
    closed_courses = list(CoursePage.objects.filter(access=CoursePage.Access.ENROLLED))
    assert len(closed_courses) == 3
    # The demo learner completed a class of one of them (their certificate's course): they read its lessons.
    attended = set(
        Enrollment.objects.filter(
            participant__user=demo_user(Role.LEARNER), status=Enrollment.Status.COMPLETED
        ).values_list("offering__course", flat=True)
    )
    assert len(attended & {course.pk for course in closed_courses}) == 1
    pages = list(Page.objects.live().filter(depth__gt=1).specific())
    assert len(pages) == 1 + 1 + 3 + 6 + 24 + 3  # and one in-person course per track, without lessons

    for role in ROLES:
        client.logout()
        if role is not None:
            client.force_login(demo_user(role))
        for page in pages:
            closed = isinstance(page, LessonPage) and any(page.is_descendant_of(c) for c in closed_courses)
            own_class = role == Role.LEARNER and page.get_parent().pk in attended
            if not closed or role in STAFF or own_class:
                expected = 200
            else:
                expected = 302 if role is None else 403
            status = client.get(page.url).status_code
            assert status == expected, f"{page.url_path} as {role}: {status}"
