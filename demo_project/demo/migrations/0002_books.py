"""5,000 books made up from word lists, the same on every database (seeded RNG)."""

import random

from django.db import migrations

BOOKS = 5_000

ADJECTIVES = [
    "Silent", "Hidden", "Last", "Broken", "Golden", "Distant", "Crimson", "Forgotten", "Endless",
    "Quiet", "Burning", "Frozen", "Wandering", "Secret", "Little", "Bright", "Hollow", "Restless",
    "Velvet", "Northern",
]
NOUNS = [
    "River", "Garden", "Mountain", "City", "Kingdom", "Letter", "Promise", "Harbor", "Forest",
    "Shadow", "Island", "Bridge", "Winter", "Summer", "Lantern", "Orchard", "Voyage", "Mirror",
    "Storm", "Library",
]
PLACES = [
    "Avalon", "Lisbon", "Samarkand", "Kyoto", "Valparaíso", "the North", "the Dunes", "Tomorrow",
    "Glass", "Salt",
]
PATTERNS = [
    "The {adjective} {noun}",
    "The {noun} of {place}",
    "A {noun} for {name}",
    "{name} and the {adjective} {noun}",
]
FIRST_NAMES = [
    "Ada", "Ben", "Clara", "Diego", "Elena", "Felix", "Grace", "Hugo", "Iris", "Jonas", "Kira",
    "Leo", "Maya", "Nils", "Olga", "Pablo", "Rosa", "Sami", "Tara", "Viktor",
]
LAST_NAMES = [
    "Adler", "Brooks", "Castillo", "Dubois", "Eriksen", "Fontaine", "Gallo", "Hart", "Ibarra",
    "Jansen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov", "Quinn", "Rossi",
    "Sato", "Weber",
]


def create_books(apps, schema_editor):
    Book = apps.get_model("demo", "Book")
    rng = random.Random(0)

    def book():
        title = rng.choice(PATTERNS).format(
            adjective=rng.choice(ADJECTIVES), noun=rng.choice(NOUNS), place=rng.choice(PLACES),
            name=rng.choice(FIRST_NAMES))
        author = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        return Book(title=title, author=author, year=rng.randint(1850, 2024))

    Book.objects.bulk_create([book() for _ in range(BOOKS)])


def delete_books(apps, schema_editor):
    apps.get_model("demo", "Book").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("demo", "0001_initial")]

    operations = [migrations.RunPython(create_books, delete_books)]
