"""A check-in code is compared in constant time, and text that can never be a code is refused, not a 500."""

import pytest

from attendance.factories import SessionFactory
from attendance.services import checkin_code, checkin_code_valid


@pytest.mark.parametrize("typed", ["²²²²²²", "ĐĐĐĐĐĐ", "١٢٣٤٥٦", "\u200b"])
def test_text_that_is_never_a_code_is_refused(db, typed):
    assert checkin_code_valid(SessionFactory(), typed) is False


def test_the_current_code_typed_in_lower_case_with_spaces_is_accepted(db):
    session = SessionFactory()
    assert checkin_code_valid(session, f"  {checkin_code(session).lower()} ")
