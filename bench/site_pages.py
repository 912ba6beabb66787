"""Public pages rendered in-process through the test client, against the floor view."""

from django.test import Client

from bench.harness import Scenario, page_getter
from demo.build import demo_site_build


def scenarios():
    demo_site_build()
    client = Client()

    get = page_getter(client)

    floor = get("/bench/floor/")
    return [
        Scenario("home page", "demo site", get("/"), "plain Django view", floor),
    ]
