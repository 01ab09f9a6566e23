"""Dependent selects: the cities offered depend on the country chosen."""

import django_reactive as reactive

from ..models import City, Country
from . import show_source


@reactive.view(title="Dependent selects")
def dependent_selects(st):
    st.title("Dependent selects")
    st.caption("Pick a country, then one of its cities.")

    # Session state keeps primary keys; the names are looked up for display.
    names = dict(Country.objects.order_by("name").values_list("pk", "name"))
    country = st.selectbox("Country", names, key="country",
                           format_func=names.get)

    found = City.objects.filter(country=country).order_by("-population")
    cities = {city.pk: city for city in found}
    # When the country changes, the stored city is no longer an option:
    # the selectbox falls back to its first option, the largest city.
    city = st.selectbox("City", cities, key="city",
                        format_func=lambda pk: cities[pk].name)

    chosen = cities[city]
    st.metric(f"Population of {chosen.name}", f"{chosen.population:,}")

    show_source(st, dependent_selects)
