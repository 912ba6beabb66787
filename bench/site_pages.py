"""Public pages rendered in-process through the test client, against the floor view."""

from django.test import Client

from bench.harness import Scenario
from home.demo import demo_site_build


def scenarios():
    demo_site_build()
    client = Client()

    def get(url):
        def request():
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)

        return request

    floor = get("/bench/floor/")
    return [
        Scenario("home page", "demo site", get("/"), "plain Django view", floor),
    ]
