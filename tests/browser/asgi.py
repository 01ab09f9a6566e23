"""The demo project's ASGI application, plus static files (as ``runserver`` would serve them).

Plain ``daphne`` serves no static files, and the demo project does not route
them, so the browser suite serves this wrapper: HTTP requests under
``STATIC_URL`` go to Django's static file finders, everything else (pages,
WebSockets) to ``demo_project.asgi.application`` unchanged.
"""

from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler

from demo_project.asgi import application as demo_application

application = ASGIStaticFilesHandler(demo_application)
