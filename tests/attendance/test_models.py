from datetime import time, timedelta

from django.utils import timezone

from attendance.factories import SessionFactory
from attendance.models import Session

State = Session.State


def test_a_session_is_upcoming_then_in_progress_between_its_start_and_end_then_over(db):
    session = SessionFactory(
        date=timezone.localdate() + timedelta(days=30), starts_at=time(7, 30), ends_at=time(11, 30)
    )
    start, end = session.starts(), session.ends()
    assert timezone.localtime(start).strftime("%H:%M") == "07:30"  # Hanoi time, whatever the server's zone
    assert session.state_at(start - timedelta(minutes=1)) == State.UPCOMING
    assert session.state_at(start) == State.IN_PROGRESS
    assert session.state_at(end - timedelta(seconds=1)) == State.IN_PROGRESS
    assert session.state_at(end) == State.OVER
    assert str(State.IN_PROGRESS.label) == "Đang diễn ra"
    assert not session.has_been_held(start + timedelta(minutes=5))
    assert session.has_been_held(end)


def test_a_session_closed_by_the_organizers_is_closed_even_while_under_way(db):
    session = SessionFactory(date=timezone.localdate() + timedelta(days=30), starts_at=time(13, 30), ends_at=time(17))
    session.closed_at = timezone.now()
    assert session.state_at(session.starts() + timedelta(hours=1)) == State.CLOSED
    assert session.has_been_held(session.starts() + timedelta(hours=1))
