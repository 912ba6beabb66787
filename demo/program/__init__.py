"""The demo program: Hanoi's 2019 OCOP training as the city reported it, and this year's in the new communes.

2019 (the pre-2025 units: city, 30 districts, their communes): 29 launch conferences (the city's and
28 districts'; Hai Bà Trưng and Ba Đình held none), 31 classes (1 for the city steering board,
evaluation council and advisory team, 15 for district and commune officers, 15 on business
management for cooperative, household and farm managers) and 5 study tours (Hải Phòng, Quảng
Ninh, Nam Định, Hà Tĩnh, Thailand), all finished: sessions, attendance from the paper sign-in
sheets, certificates for the classes.

This year (the 126 communes since 1 July 2025): conferences and classes of the three tracks and a
study tour, spread over the calendar year; those already over have attendance and certificates,
the others are open with their rosters.

People are fictional (enrollment.synthetic, phones of its reserved block: 0–49,999 for 2019,
50,000–99,999 for this year) and the same person comes back: officers attend their district's
conference and an officers' class, producers a conference, a class and a tour. Everything is drawn
from seeded random generators, so two builds plan the same program; offerings are keyed by code
and people by phone, so a second build adds nothing. Bulk writes go through the services'
own preparation (participant_prepare) and every attendance sheet is one services call.

Modules: cast (the people and their organizations), plan (an offering as planned, calendars),
plan_2019 and plan_current (the two years), build (writing them down, the entry points).
"""

from .build import current_codes, current_year_build, program_2019_build

__all__ = ["current_codes", "current_year_build", "program_2019_build"]
