"""The demo models in the admin, and a reactive admin tool that labels shapes."""

from django.contrib import admin
from django.utils.html import format_html

from django_reactive.admin import ReactiveAdminMixin

from .demos.annotate_admin import label_shapes
from .models import Book, City, Country, Shape


@admin.register(Shape)
class ShapeAdmin(ReactiveAdminMixin, admin.ModelAdmin):
    reactive_tools = [label_shapes]  # a page, a change-list link and an action per tool
    list_display = ["__str__", "picture", "label"]
    list_filter = ["label"]
    ordering = ["pk"]  # the action passes the selection in list order: the tool walks it so

    @admin.display(description="image")
    def picture(self, shape: Shape) -> str:
        return format_html('<img src="{}" alt="{}" width="32" height="32">', shape.url, shape)


@admin.register(Book)
class BookAdmin(admin.ModelAdmin):
    list_display = ["title", "author", "year"]
    search_fields = ["title", "author"]


class CityInline(admin.TabularInline):
    model = City
    extra = 0


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    inlines = [CityInline]


@admin.register(City)
class CityAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "population"]
    list_filter = ["country"]
