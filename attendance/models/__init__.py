from .records import AttendanceChange, AttendanceRecord
from .sessions import Session

__all__ = ["AttendanceChange", "AttendanceRecord", "Session"]
