"""Five shapes to label with the admin tool (the images of the annotation demo)."""

from django.db import migrations, models

IMAGES = [f"demo/shapes/shape-{n}.png" for n in range(1, 6)]


def create_shapes(apps, schema_editor):
    Shape = apps.get_model("demo", "Shape")
    Shape.objects.bulk_create(Shape(image=image) for image in IMAGES)


def delete_shapes(apps, schema_editor):
    apps.get_model("demo", "Shape").objects.filter(image__in=IMAGES).delete()


class Migration(migrations.Migration):
    dependencies = [("demo", "0003_countries_and_cities")]

    operations = [
        migrations.CreateModel(
            name="Shape",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False,
                                           verbose_name="ID")),
                ("image", models.CharField(help_text="Path of the image among the static files.",
                                           max_length=200)),
                ("label", models.CharField(blank=True, choices=[("circle", "Circle"), ("square", "Square"),
                                                                ("triangle", "Triangle")],
                                           max_length=20)),
            ],
        ),
        migrations.RunPython(create_shapes, delete_shapes),
    ]
