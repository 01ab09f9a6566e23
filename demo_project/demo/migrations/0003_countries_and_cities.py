"""A dozen countries with a few of their largest cities (city proper, rounded census figures)."""

from django.db import migrations

CITIES = {
    "Australia": [("Sydney", 5_450_000), ("Melbourne", 5_207_000), ("Brisbane", 2_707_000),
                  ("Perth", 2_309_000)],
    "Brazil": [("São Paulo", 11_452_000), ("Rio de Janeiro", 6_211_000), ("Brasília", 2_817_000),
               ("Salvador", 2_418_000)],
    "Canada": [("Toronto", 2_794_000), ("Montreal", 1_763_000), ("Calgary", 1_307_000),
               ("Ottawa", 1_017_000)],
    "Egypt": [("Cairo", 10_026_000), ("Alexandria", 5_164_000), ("Giza", 4_367_000)],
    "France": [("Paris", 2_103_000), ("Marseille", 873_000), ("Lyon", 522_000), ("Toulouse", 504_000)],
    "Germany": [("Berlin", 3_878_000), ("Hamburg", 1_910_000), ("Munich", 1_510_000),
                ("Cologne", 1_087_000)],
    "India": [("Mumbai", 12_442_000), ("Delhi", 11_035_000), ("Bengaluru", 8_444_000),
              ("Hyderabad", 6_810_000)],
    "Italy": [("Rome", 2_755_000), ("Milan", 1_371_000), ("Naples", 909_000), ("Turin", 842_000)],
    "Japan": [("Tokyo", 14_094_000), ("Yokohama", 3_772_000), ("Osaka", 2_754_000),
              ("Nagoya", 2_328_000)],
    "Kenya": [("Nairobi", 4_397_000), ("Mombasa", 1_208_000), ("Kisumu", 610_000)],
    "Mexico": [("Mexico City", 9_210_000), ("Tijuana", 1_923_000), ("León", 1_721_000),
               ("Puebla", 1_692_000)],
    "Spain": [("Madrid", 3_332_000), ("Barcelona", 1_660_000), ("Valencia", 797_000),
              ("Seville", 682_000)],
}


def create_cities(apps, schema_editor):
    Country = apps.get_model("demo", "Country")
    City = apps.get_model("demo", "City")
    for country_name, cities in CITIES.items():
        country = Country.objects.create(name=country_name)
        City.objects.bulk_create(City(name=name, country=country, population=population)
                                 for name, population in cities)


def delete_cities(apps, schema_editor):
    apps.get_model("demo", "Country").objects.filter(name__in=CITIES).delete()


class Migration(migrations.Migration):
    dependencies = [("demo", "0002_books")]

    operations = [migrations.RunPython(create_cities, delete_cities)]
