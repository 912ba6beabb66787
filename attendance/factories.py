from datetime import time

import factory

from enrollment.factories import OfferingFactory

from .models import Session


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    offering = factory.SubFactory(OfferingFactory)
    title = factory.Sequence(lambda n: f"Buổi {n + 1}")
    date = factory.LazyAttribute(lambda o: o.offering.starts_on)
    starts_at = factory.Sequence(lambda n: time(7 + n % 10, 0))
    ends_at = factory.LazyAttribute(lambda o: time(o.starts_at.hour + 1, 30))
