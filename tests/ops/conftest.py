from tests.ops.redis import rq_tasks  # noqa: F401  (a fixture for the tests of this folder)
