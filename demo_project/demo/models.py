"""Models of the demos: books to page through, countries and their cities, shapes to label."""

from django.db import models
from django.templatetags.static import static


class Book(models.Model):
    title = models.CharField(max_length=200)
    author = models.CharField(max_length=100)
    year = models.PositiveSmallIntegerField()

    def __str__(self) -> str:
        return f"{self.title} ({self.author}, {self.year})"


class Country(models.Model):
    name = models.CharField(max_length=100, unique=True)

    class Meta:
        verbose_name_plural = "countries"

    def __str__(self) -> str:
        return self.name


class City(models.Model):
    name = models.CharField(max_length=100)
    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="cities")
    population = models.PositiveIntegerField()

    class Meta:
        verbose_name_plural = "cities"

    def __str__(self) -> str:
        return self.name


class Shape(models.Model):
    """An image to label, for the admin tool of demos/annotate_admin.py."""

    LABELS = [("circle", "Circle"), ("square", "Square"), ("triangle", "Triangle")]

    image = models.CharField(max_length=200, help_text="Path of the image among the static files.")
    label = models.CharField(max_length=20, choices=LABELS, blank=True)

    def __str__(self) -> str:
        return self.image.rsplit("/", 1)[-1].removesuffix(".png")

    @property
    def url(self) -> str:
        return static(self.image)
