"""Models of the demos: books to page through, countries and their cities."""

from django.db import models


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
