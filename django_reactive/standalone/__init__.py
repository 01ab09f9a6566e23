"""Serving one script file with no Django project of the user's (``django-reactive run``)."""
