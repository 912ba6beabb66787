"""The dashboard's figures at city scale, against the floor: hand-written SQL aggregates of
the same figures (offerings by kind and track, people by category, gender, track and unit,
enrollments, attendance, certificates, completion, coverage), summed in plain Python.

The database is filled by bench.load's `load_generate` (`python -m bench.load`) at the size the issue
names (BENCH_LOAD can make it smaller for a quick look: "participants,offerings,attendance").
"""

import os
import time
from collections import Counter

from django.db import connection
from django.utils import timezone

from bench.harness import Scenario
from bench.load.generate import load_generate
from home.report.figures import program_figures
from home.report.filters import ReportFilter

SIZE = tuple(int(n) for n in os.environ.get("BENCH_LOAD", "100000,5000,1000000").split(","))
ACTIVE = "('registered', 'completed')"
HELD = "(s.closed_at IS NOT NULL OR s.date < %(today)s OR (s.date = %(today)s AND s.ends_at <= %(now)s))"
IN_PERIOD = "o.starts_on BETWEEN %(start)s AND %(end)s AND o.status NOT IN ('draft', 'cancelled')"
OFFERINGS = f"SELECT o.id FROM enrollment_offering o WHERE {IN_PERIOD}"

ROWS = f"""
SELECT o.id, o.kind, o.track, o.ends_on < %(today)s, SUBSTR(u.path, 1, %(length)s)
FROM enrollment_offering o JOIN enrollment_administrativeunit u ON u.id = o.unit_id WHERE {IN_PERIOD}
"""
PER_OFFERING = {
    "enrolled": f"""
        SELECT offering_id, COUNT(*) FROM enrollment_enrollment
        WHERE status IN {ACTIVE} AND offering_id IN ({OFFERINGS}) GROUP BY offering_id""",
    "held": f"""
        SELECT s.offering_id, COUNT(*) FROM attendance_session s
        WHERE {HELD} AND s.offering_id IN ({OFFERINGS}) GROUP BY s.offering_id""",
    "attended": f"""
        SELECT s.offering_id, COUNT(*)
        FROM attendance_attendancerecord r
        JOIN attendance_session s ON s.id = r.session_id
        JOIN enrollment_offering so ON so.id = s.offering_id
        LEFT JOIN courses_coursepage c ON c.page_ptr_id = so.course_id
        WHERE {HELD} AND s.offering_id IN ({OFFERINGS}) AND {{active}}
          AND (r.status IN ('present', 'late') OR (r.status = 'excused' AND c.excused_counts_as_attended))
        GROUP BY s.offering_id""",
    "certified": f"""
        SELECT e.offering_id, COUNT(*)
        FROM certificates_certificate c JOIN enrollment_enrollment e ON e.id = c.enrollment_id
        WHERE c.is_current AND c.revoked_at IS NULL AND e.offering_id IN ({OFFERINGS})
        GROUP BY e.offering_id""",
}
PEOPLE = f"""
SELECT {{group}}, COUNT(DISTINCT e.participant_id)
FROM enrollment_enrollment e {{join}}
WHERE e.status IN {ACTIVE} AND e.offering_id IN ({OFFERINGS}) {{where}}
GROUP BY {{group}}
"""

# As in home/report/figures.py: a semi-join on PostgreSQL, a join on SQLite.
ACTIVE_RECORDS = {
    True: f"""r.enrollment_id IN (SELECT e.id FROM enrollment_enrollment e
                                  WHERE e.status IN {ACTIVE} AND e.offering_id IN ({OFFERINGS}))""",
    False: f"EXISTS (SELECT 1 FROM enrollment_enrollment e WHERE e.id = r.enrollment_id AND e.status IN {ACTIVE})",
}
CATEGORIES = f"""
SELECT p.category, p.gender, COUNT(*) FROM enrollment_participant p
WHERE p.id IN (SELECT e.participant_id FROM enrollment_enrollment e WHERE e.status IN {ACTIVE}
               AND e.offering_id IN ({OFFERINGS}))
GROUP BY p.category, p.gender
"""


def floor_figures(year: int, scheme: str) -> dict:
    """The same figures by hand: the same aggregate statements, written as SQL, and a few sums."""
    now = timezone.localtime()
    level = "district" if scheme == "pre-2025" else "commune"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT path, name FROM enrollment_administrativeunit WHERE scheme = %s AND level = %s ORDER BY path",
            [scheme, level],
        )
        listed = cursor.fetchall()
        params = {"start": f"{year}-01-01", "end": f"{year}-12-31", "today": now.date(), "now": now.time(),
                  "length": len(listed[0][0])}  # fmt: skip
        if connection.vendor == "sqlite":
            params["today"], params["now"] = params["today"].isoformat(), params["now"].isoformat()
        cursor.execute(ROWS, params)
        offerings = cursor.fetchall()
        counts = {}
        for name, sql in PER_OFFERING.items():
            cursor.execute(sql.replace("{active}", ACTIVE_RECORDS[connection.vendor == "postgresql"]), params)
            counts[name] = dict(cursor.fetchall())
        cursor.execute(CATEGORIES, params)
        people = {"categories": cursor.fetchall()}
        for name, group, join, where in [
            ("tracks", "eo.track", "JOIN enrollment_offering eo ON eo.id = e.offering_id", "AND eo.kind = 'class'"),
            ("units", "SUBSTR(u.path, 1, %(length)s)", "JOIN enrollment_offering eo ON eo.id = e.offering_id "
             "JOIN enrollment_administrativeunit u ON u.id = eo.unit_id", ""),
        ]:  # fmt: skip
            cursor.execute(PEOPLE.format(group=group, join=join, where=where), params)
            people[name] = cursor.fetchall()
    kinds, tracks, units, totals = Counter(), Counter(), {}, Counter()
    enrolled, held, attended, certified = (counts[name] for name in PER_OFFERING)
    for pk, kind, track, ended, prefix in offerings:
        kinds[kind] += 1
        units.setdefault(prefix, Counter())[kind] += 1
        n = enrolled.get(pk, 0)
        totals.update(enrolled=n, expected=n * held.get(pk, 0), attended=attended.get(pk, 0),
                      certificates=certified.get(pk, 0))  # fmt: skip
        if kind == "class":
            tracks[track] += 1
            if ended:
                totals.update(ended_enrolled=n, ended_certified=certified.get(pk, 0))
    return {
        "offerings": dict(kinds),
        "classes_by_track": dict(tracks),
        "people": sum(n for *_group, n in people["categories"]),
        "enrollments": totals["enrolled"],
        "attendance_rate": round(100 * totals["attended"] / totals["expected"], 1) if totals["expected"] else None,
        "certificates": totals["certificates"],
        "without_conference": [name for path, name in listed if not units.get(path, {}).get("conference")],
        "without_class": [name for path, name in listed if not units.get(path, {}).get("class")],
    }


def scenarios():
    participants, offerings, attendance = SIZE
    start = time.perf_counter()
    counts = load_generate(participants=participants, offerings=offerings, attendance=attendance, last_year=2026)
    seconds = time.perf_counter() - start
    print(f"  load_generate {participants:,}/{offerings:,}/{attendance:,}: {seconds:.0f} s, {counts}")
    scenarios = []
    for year, scheme in ((2024, "pre-2025"), (2026, "current")):
        ours = program_figures(ReportFilter.for_year(year)).as_json()
        floor = floor_figures(year, scheme)
        for key in ("people", "enrollments", "attendance_rate", "certificates"):
            assert ours[key] == floor[key], (year, key, ours[key], floor[key])
        assert ours["coverage"]["without_class"] == floor["without_class"], year
        size = f"{year}: {ours['enrollments']:,} enrollments, {sum(ours['offerings'].values())} offerings"
        scenarios.append(
            Scenario(
                f"dashboard figures ({scheme} units)",
                size,
                lambda year=year: program_figures(ReportFilter.for_year(year)).as_json(),
                "hand-written SQL aggregates",
                lambda year=year, scheme=scheme: floor_figures(year, scheme),
                10,
                2,
            )  # fmt: skip
        )
    return scenarios
