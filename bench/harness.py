"""Run each scenario beside its baseline, in one process, and report medians.

A scenario is a pair of callables doing the same job two ways: ours, and the
baseline (the floor, or a competing tool). Runs alternate between the two so
that machine noise hits both alike; the ratio of medians is what we quote.
"""

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Scenario:
    name: str
    size: str
    ours: Callable[[], object]
    baseline_name: str
    baseline: Callable[[], object]
    runs: int = 30
    warmup: int = 3


@dataclass
class Result:
    scenario: str
    size: str
    ours_ms: float
    baseline: str
    baseline_ms: float

    @property
    def ratio(self) -> float:
        return self.ours_ms / self.baseline_ms if self.baseline_ms else float("inf")


def page_getter(client):
    """get(url) returns a callable that requests the URL and insists on a 200."""

    def get(url):
        def request():
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)

        return request

    return get


def _time(function) -> float:
    start = time.perf_counter()
    function()
    return (time.perf_counter() - start) * 1000


def measure(scenario: Scenario) -> Result:
    for _ in range(scenario.warmup):
        scenario.ours()
        scenario.baseline()
    ours, baseline = [], []
    for _ in range(scenario.runs):
        ours.append(_time(scenario.ours))
        baseline.append(_time(scenario.baseline))
    return Result(
        scenario.name, scenario.size, statistics.median(ours), scenario.baseline_name, statistics.median(baseline)
    )


def table(results: list[Result]) -> str:
    header = ("scenario", "size", "ours (median ms)", "baseline", "baseline (median ms)", "ratio")
    rows = [
        (r.scenario, r.size, f"{r.ours_ms:.2f}", r.baseline, f"{r.baseline_ms:.2f}", f"{r.ratio:.2f}x") for r in results
    ]
    return text_table(header, rows)


def text_table(header, rows) -> str:
    """Columns padded to their widest cell, under a header and a rule."""
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    line = lambda row: "  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True))  # noqa: E731
    return "\n".join([line(header), line(["-" * w for w in widths]), *map(line, rows)])


def write_json(results: list[Result], path: Path, extra: list[dict] = ()) -> None:
    rows = [
        {
            "scenario": r.scenario,
            "size": r.size,
            "ours_median_ms": round(r.ours_ms, 3),
            "baseline": r.baseline,
            "baseline_median_ms": round(r.baseline_ms, 3),
            "ratio": round(r.ratio, 3),
        }
        for r in results
    ]
    path.write_text(json.dumps([*rows, *extra], ensure_ascii=False, indent=2))
