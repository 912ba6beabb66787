"""Reading attendee rosters ("danh sách học viên") that communes and cooperatives send as spreadsheets."""

from enrollment.roster.reader import CellError, Roster, RosterFileError, RosterRow, read_roster

__all__ = ["CellError", "Roster", "RosterFileError", "RosterRow", "read_roster"]
