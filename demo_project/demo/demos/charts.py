"""Charts of ``values()`` querysets: city populations filtered by a selectbox, and totals per country."""

from django.db.models import F, Sum

import django_reactive as reactive

from ..models import City, Country
from . import show_source

ALL = "All countries"


@reactive.view(title="Charts")
def city_chart(st):
    st.title("City populations")
    st.caption("Bar charts of values() querysets; the selectbox filters the first.")

    names = list(Country.objects.order_by("name").values_list("name", flat=True))
    country = st.selectbox("Country", [ALL, *names], key="country")
    horizontal = st.toggle("Horizontal bars", key="horizontal")

    # The legend's title is the colour column's name.
    cities = City.objects.order_by("-population").values("name", "population", Country=F("country__name"))
    if country != ALL:
        cities = cities.filter(country__name=country)
        st.metric(f"Largest cities of {country}", f"{sum(city['population'] for city in cities):,}")
    st.bar_chart(cities, x="name", y="population", color="Country", horizontal=horizontal,
                 sort="-population", x_label="City", y_label="Population")

    st.subheader("Largest cities, added up per country")
    totals = Country.objects.annotate(total=Sum("cities__population")).values("name", "total")
    st.bar_chart(totals, x="name", y="total", sort="-total", x_label="Country", y_label="Population")

    show_source(st, city_chart)
