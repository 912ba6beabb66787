"""The dashboard's figures at city scale, against the floor: hand-written SQL aggregates of
the same figures (offerings by kind and track, people by category, gender, track and unit,
enrollments, attendance, certificates, completion, coverage), summed in plain Python.

The database is filled by `generate_load` at the size the issue names (BENCH_LOAD can make it
smaller for a quick look: "participants,offerings,attendance").
"""

import os
import time
from collections import Counter

from django.db import connection
from django.utils import timezone

from bench.harness import Scenario
from home.load import load_generate
from home.report.figures import program_figures
from home.report.filters import ReportFilter

SIZE = tuple(int(n) for n in os.environ.get("BENCH_LOAD", "100000,5000,1000000").split(","))
ACTIVE = "('registered', 'completed')"
HELD = "(s.closed_at IS NOT NULL OR s.date < %(today)s OR (s.date = %(today)s AND s.ends_at <= %(now)s))"

PER_GROUP = f"""
WITH o AS (
    SELECT o.id, o.kind, o.track, o.course_id, SUBSTR(u.path, 1, %(length)s) AS prefix, o.ends_on < %(today)s AS ended
    FROM enrollment_offering o JOIN enrollment_administrativeunit u ON u.id = o.unit_id
    WHERE o.starts_on BETWEEN %(start)s AND %(end)s AND o.status NOT IN ('draft', 'cancelled')
),
e AS (
    SELECT offering_id, COUNT(*) AS n FROM enrollment_enrollment
    WHERE status IN {ACTIVE} AND offering_id IN (SELECT id FROM o) GROUP BY offering_id
),
s AS (
    SELECT s.offering_id, COUNT(*) AS n FROM attendance_session s
    WHERE s.offering_id IN (SELECT id FROM o) AND {HELD} GROUP BY s.offering_id
),
a AS (
    SELECT s.offering_id, COUNT(*) AS n
    FROM attendance_attendancerecord r
    JOIN attendance_session s ON s.id = r.session_id
    JOIN enrollment_enrollment e ON e.id = r.enrollment_id
    JOIN o ON o.id = s.offering_id
    LEFT JOIN courses_coursepage c ON c.page_ptr_id = o.course_id
    WHERE e.status IN {ACTIVE} AND {HELD}
      AND (r.status IN ('present', 'late') OR (r.status = 'excused' AND c.excused_counts_as_attended))
    GROUP BY s.offering_id
),
c AS (
    SELECT e.offering_id, COUNT(*) AS n
    FROM certificates_certificate c JOIN enrollment_enrollment e ON e.id = c.enrollment_id
    WHERE e.offering_id IN (SELECT id FROM o) AND c.is_current AND c.revoked_at IS NULL
    GROUP BY e.offering_id
)
SELECT o.kind, o.track, o.prefix, o.ended, COUNT(*),
       SUM(COALESCE(e.n, 0)), SUM(COALESCE(e.n, 0) * COALESCE(s.n, 0)), SUM(COALESCE(a.n, 0)), SUM(COALESCE(c.n, 0))
FROM o LEFT JOIN e ON e.offering_id = o.id LEFT JOIN s ON s.offering_id = o.id
       LEFT JOIN a ON a.offering_id = o.id LEFT JOIN c ON c.offering_id = o.id
GROUP BY o.kind, o.track, o.prefix, o.ended
"""
PEOPLE = f"""
SELECT {{group}}, COUNT(DISTINCT e.participant_id)
FROM enrollment_enrollment e
JOIN enrollment_offering o ON o.id = e.offering_id
JOIN enrollment_administrativeunit u ON u.id = o.unit_id
JOIN enrollment_participant p ON p.id = e.participant_id
WHERE e.status IN {ACTIVE} AND o.starts_on BETWEEN %(start)s AND %(end)s AND o.status NOT IN ('draft', 'cancelled')
  {{where}}
GROUP BY {{group}}
"""


def floor_figures(year: int, scheme: str) -> dict:
    """The same figures by hand: five SQL statements and a few sums."""
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
        cursor.execute(PER_GROUP, params)
        groups = cursor.fetchall()
        people = {}
        for name, group, where in [
            ("categories", "p.category, p.gender", ""),
            ("tracks", "o.track", "AND o.kind = 'class'"),
            ("units", "SUBSTR(u.path, 1, %(length)s)", ""),
        ]:
            cursor.execute(PEOPLE.format(group=group, where=where), params)
            people[name] = cursor.fetchall()
    kinds, tracks, units = Counter(), Counter(), {}
    totals = Counter()
    for kind, track, prefix, ended, count, enrolled, expected, attended, certified in groups:
        kinds[kind] += count
        if kind == "class":
            tracks[track] += count
            if ended:
                totals["ended_enrolled"] += enrolled
                totals["ended_certified"] += certified
        units.setdefault(prefix, Counter())[kind] += count
        totals.update(enrolled=enrolled, expected=expected, attended=attended, certificates=certified)
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
    print(f"  generate_load {participants:,}/{offerings:,}/{attendance:,}: {seconds:.0f} s, {counts}")
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
