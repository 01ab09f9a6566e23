"""A WSGI-only server for the browser suite: ``python -m tests.browser.wsgi PORT``.

Django's application plus its static files, on the standard library's WSGI
server: no WebSocket can connect, as behind a proxy that blocks them.
"""

import sys
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIServer, make_server

from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.wsgi import get_wsgi_application


class ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


if __name__ == "__main__":
    application = StaticFilesHandler(get_wsgi_application())
    make_server("127.0.0.1", int(sys.argv[1]), application, server_class=ThreadingWSGIServer).serve_forever()
