"""A task that does nothing but return, to measure what the queue itself costs (bench/queue_throughput.py)."""

from django_tasks import task


@task()
def trivial(number: int) -> int:
    return number
