"""The HTTP load test (bench/http_load.py) reads wrk's summary: every bad response or socket error counts."""

import json

import pytest

from bench.http_load import LoadSection, LoadStats, wrk_stats


def wrk_output(failed=0, first_status=0, read=0, timeout=0) -> str:
    """What wrk prints with bench/http_load.lua: its own report, and the script's summary line."""
    summary = {
        "requests": 6000, "duration_us": 60_000_000, "p50_us": 175_000, "p99_us": 410_500, "failed": failed,
        "first_status": first_status, "connect": 0, "read": read, "write": 0, "timeout": timeout,
    }  # fmt: skip
    return (
        "Running 1m test @ http://127.0.0.1:40123\n  2 threads and 50 connections\n"
        "  6000 requests in 1.00m, 90.00MB read\n"
        f"BENCH-JSON {json.dumps(summary)}\nRequests/sec:    100.00\n"
    )


def test_a_clean_run_gives_the_rate_the_median_and_the_99th_percentile():
    stats = wrk_stats(wrk_output())
    assert (stats.requests, stats.rps, stats.median_ms, stats.p99_ms) == (6000, 100.0, 175.0, 410.5)
    assert stats.errors == 0 and stats.error_detail == ""


def test_other_statuses_socket_errors_and_timeouts_all_count_as_errors():
    stats = wrk_stats(wrk_output(failed=3, first_status=429, read=2, timeout=1))
    assert stats.errors == 6
    assert stats.error_detail == "read: 2, timeout: 1, bad response (first: status 429): 3"
    section = LoadSection("HTTP load", floor=LoadStats(9000, 60, 5.0, 20.0, 0), rows=[("verification", stats)])
    assert section.errors == 6
    assert "6 (read: 2" in section.table()


def test_a_run_without_its_summary_line_fails_rather_than_reading_as_zero():
    with pytest.raises(RuntimeError, match="no summary"):
        wrk_stats("unable to connect to 127.0.0.1:40123 Connection refused\n")
