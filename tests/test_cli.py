"""``django-reactive run app.py``: a script served with no Django project, over a real server."""

import asyncio
import json
import re
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.cookiejar import CookieJar
from pathlib import Path

import pytest
import websockets

SCRIPT = Path(__file__).parent / "scripts" / "counter_app.py"
MULTIPAGE = Path(__file__).parents[1] / "demo_project" / "multipage" / "app.py"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Served:
    """The command running in a subprocess, with a browser-like cookie jar."""

    def __init__(self, tmp_path: Path, script: Path = SCRIPT) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "django_reactive.cli", "run", str(script), "--port", str(self.port)],
            env={"XDG_CACHE_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(self.url, timeout=1).read()
                return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"the command did not serve:\n{self.process.stdout.read()}") from None
                time.sleep(0.2)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def get_page(opener, url):
    html = opener.open(url).read().decode()
    increment = re.search(r'data-reactive-widget="(w\w+)" data-reactive-kind="button"[^>]*>Increment<', html)
    return html, increment.group(1)


async def click(url, cookie, wid, view="script.counter_app", kw=None):
    ws_url = url.replace("http://", "ws://") + "ws/reactive/"
    headers = {"Cookie": cookie, "Origin": url.rstrip("/")}
    async with websockets.connect(ws_url, additional_headers=headers) as ws:
        hello = {"t": "hello", "v": 1, "id": "1", "view": view, "tab": "t"}
        await ws.send(json.dumps({**hello, "kw": kw} if kw else hello))
        while json.loads(await asyncio.wait_for(ws.recv(), 5))["t"] != "ready":
            pass
        await ws.send(json.dumps({"t": "event", "id": "1", "seq": 1, "trigger": wid}))
        return json.loads(await asyncio.wait_for(ws.recv(), 5))


def test_run_serves_a_script_and_keeps_its_state_across_restarts(tmp_path):
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    served = Served(tmp_path)
    try:
        html, wid = get_page(opener, served.url)
        assert "<h1>Counter Example</h1>" in html and "Count =  <code>0</code>" in html
        cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
        # In a thread of its own: the browser suite may hold an event loop in this one.
        with ThreadPoolExecutor(1) as pool:
            patch = pool.submit(asyncio.run, click(served.url, cookie, wid)).result()
        assert patch["ack"] == 1 and "Count =  <code>1</code>" in patch["ops"]["m.3"]
    finally:
        served.stop()
    served = Served(tmp_path)
    try:
        html, _ = get_page(opener, served.url)
        assert "Count =  <code>1</code>" in html
    finally:
        served.stop()


def button(html, label):
    found = re.search(rf'data-reactive-widget="(w\w+)" data-reactive-kind="button"[^>]*>{label}<', html)
    return found.group(1)


def test_run_serves_each_page_of_a_multipage_app_at_its_url(tmp_path):
    """The demo's pages at / , /counter and /about share the session's state; st.switch_page
    answers with a link the page follows."""
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    served = Served(tmp_path, MULTIPAGE)
    try:
        home = opener.open(served.url).read().decode()
        assert "<h1>Home</h1>" in home and "<title>Home</title>" in home
        assert '<a href="counter"><span class="rx-icon" aria-hidden="true">🔢</span> Counter</a>' in home
        counter = opener.open(served.url + "counter").read().decode()
        assert "<h1>Counter</h1>" in counter and '<a href="counter" aria-current="page">' in counter
        kw = re.search(r'data-reactive-kw="([^"]+)"', counter).group(1)
        cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
        with ThreadPoolExecutor(1) as pool:
            patch = pool.submit(asyncio.run, click(served.url, cookie, button(counter, "Increment"),
                                                   "script.app", kw)).result()
        assert "Count = 1, for visitor" in "".join(patch["ops"].values())
        home = opener.open(served.url).read().decode()
        assert "The counter stands at 1." in home
        with ThreadPoolExecutor(1) as pool:
            patch = pool.submit(asyncio.run, click(served.url, cookie, button(home, "About this app"),
                                                   "script.app")).result()
        assert '<a href="about" hidden data-rx-navigate>' in "".join(patch["ops"].values())
        assert "<h1>About</h1>" in opener.open(served.url + "about").read().decode()
    finally:
        served.stop()


def test_run_names_the_settings_it_serves_with(tmp_path):
    """The server's banner says which settings it uses (not "using settings None")."""
    served = Served(tmp_path)
    served.stop()
    output = served.process.stdout.read()
    assert "using settings 'django_reactive.standalone.settings'" in output
    assert "using settings None" not in output


def test_run_refuses_a_missing_file(tmp_path):
    result = subprocess.run([sys.executable, "-m", "django_reactive.cli", "run", str(tmp_path / "nope.py")],
                            capture_output=True, text=True)
    assert result.returncode == 2 and "is not a file" in result.stderr


@pytest.mark.parametrize("argv", [["--help"], ["run", "--help"]])
def test_help(argv):
    result = subprocess.run([sys.executable, "-m", "django_reactive.cli", *argv],
                            capture_output=True, text=True)
    assert result.returncode == 0 and "django-reactive" in result.stdout


def test_the_command_reads_secrets_toml_as_streamlit_run_does(tmp_path, monkeypatch):
    """~/.streamlit/secrets.toml, then the working folder's (its keys win), become st.secrets."""
    from django_reactive.standalone.settings import build

    home, work = tmp_path / "home", tmp_path / "work"
    (home / ".streamlit").mkdir(parents=True)
    (work / ".streamlit").mkdir(parents=True)
    (home / ".streamlit" / "secrets.toml").write_text('api_key = "home"\nshared = "home"\n')
    (work / ".streamlit" / "secrets.toml").write_text('api_key = "work"\n[db]\nuser = "ann"\n')
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(work)
    settings = build(SCRIPT, host="127.0.0.1", db=tmp_path / "db.sqlite3")
    assert settings["REACTIVE"]["SECRETS"] == {"api_key": "work", "shared": "home", "db": {"user": "ann"}}
