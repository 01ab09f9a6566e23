"""Seeded fuzzing of both transports: 10,000 hostile messages, each answered with a typed error
(or, for a wrong protocol version, an error and a clean close), no traceback logged, and a
counter of the same session exact afterwards.

The messages are built from a fixed seed, so a failure replays; they are sent in batches on
one connection (the replies of a batch are read before the next), with valid clicks of the
counter's button mixed in: the saved count must equal the clicks the server acknowledged.
"""

import asyncio
import json
import logging
import random

import pytest
from asgiref.sync import async_to_sync
from django.test import Client

from django_reactive import conf
from tests.sockets import ViewSocket, connect, new_session, open_view, saved_state, say_hello, widget_ids

pytestmark = pytest.mark.django_db(transaction=True)

SEED = 20_241_111
SOCKET_MESSAGES = 9_000
HTTP_MESSAGES = 1_000
CLOSING_HELLOS = 20
BATCH = 100

#: The error codes a hostile message may get (docs/protocol.md); never server_error or unavailable.
TYPED = {"bad_json", "bad_message", "bad_text", "too_deep", "too_large", "unsupported_version",
         "not_ready", "unknown_view", "login_required", "forbidden", "too_many_views", "bad_kwargs",
         "unknown_widget", "invalid_value", "disabled_widget", "busy"}
SURROGATES = ["\\ud800", "\\udfff", "\\udc00", "a\\ud83d", "\\ude00b"]
BAD_NUMBERS = ["NaN", "Infinity", "-Infinity", "1e999", "-1e400", "9" * 25, "-" + "9" * 30, "7" * 5000]
WRONG = ["null", "true", "1.5", "-1", "0", "[]", "{}", '""', '"x"', "[1,[2]]", str(2**53), str(2**60)]


class Hostile:
    """Hostile frames for a page showing the counter under view id "1"."""

    def __init__(self, rng: random.Random, ids: dict[str, str], trigger: str | None = None) -> None:
        self.rng = rng
        self.inc = ids["Increment"]
        #: What a well-formed event triggers: a click of the counter's button, one field away.
        self.trigger = trigger or self.inc
        #: Each kind of frame and its weight; the two that reach the view (which runs in a worker
        #: thread, under the session's lease) are rarer: they cost milliseconds, the others microseconds.
        self.kinds = {self.surrogate: 8, self.deep: 4, self.number: 6, self.wrong_type: 8,
                      self.unknown_view_id: 3, self.unknown_widget: 0.5, self.bad_value: 0.5, self.binary: 4,
                      self.not_json: 4, self.hello: 3}

    def frame(self) -> str | bytes:
        if self.rng.random() < 0.01:
            return self.oversized()
        return self.rng.choices(list(self.kinds), weights=list(self.kinds.values()))[0]()

    def _event(self, **fields: str) -> str:
        base = {"t": '"event"', "id": '"1"', "seq": str(self.rng.randint(1, 10**6)),
                "trigger": json.dumps(self.trigger)}
        base.update(fields)
        return "{" + ",".join(f'"{k}":{v}' for k, v in base.items()) + "}"

    def surrogate(self) -> str:
        s = self.rng.choice(SURROGATES)
        place = self.rng.choice(["id", "trigger", "key", "value", "t", "extra"])
        if place == "key":
            return self._event(values=f'{{"{self.inc}{s}":1}}')
        if place == "value":
            return self._event(values=f'{{"{self.inc}":"{s}"}}', trigger="null")
        if place == "extra":
            return self._event(**{f"x{s}": "1"})
        return self._event(**{place: f'"{s}"'})

    def deep(self) -> str:
        depth = self.rng.choice([33, 50, 200, 1000, 5000])
        nested = "[" * depth + "]" * depth if self.rng.random() < 0.5 else '{"a":' * depth + "1" + "}" * depth
        return self._event(values=f'{{"{self.inc}":{nested}}}') if self.rng.random() < 0.5 else nested

    def number(self) -> str:
        n = self.rng.choice(BAD_NUMBERS)
        return self._event(**{self.rng.choice(["seq", "id", "trigger"]): n}) if self.rng.random() < 0.5 \
            else self._event(values=f'{{"{self.inc}":{n}}}', trigger="null")

    def wrong_type(self) -> str:
        field = self.rng.choice(["t", "id", "seq", "values", "trigger"])
        value = self.rng.choice(WRONG + ['"' + "x" * 40 + '"'])
        if field == "values":
            return self._event(values=value, trigger="null")
        return self._event(**{field: value})

    def unknown_view_id(self) -> str:
        return self._event(id=json.dumps(f"v{self.rng.randrange(10**6)}"))

    def unknown_widget(self) -> str:
        return self._event(trigger=json.dumps(f"w{self.rng.getrandbits(48):012x}"))

    def bad_value(self) -> str:
        value = self.rng.choice(['"x"', "1", "[true]", '{"a":1}', "false", "null"])
        return self._event(values=f'{{"{self.inc}":{value}}}', trigger="null")

    def binary(self) -> bytes:
        choice = self.rng.random()
        if choice < 0.4:
            return bytes(self.rng.getrandbits(8) for _ in range(self.rng.randint(1, 64)))
        if choice < 0.7:
            return b'{"t":"event","id":"1","seq":1,"trigger":"\xed\xa0\x80"}'  # a surrogate in UTF-8
        return self.surrogate().encode()

    def not_json(self) -> str:
        text = self._event()
        return self.rng.choice([text[: self.rng.randint(1, len(text) - 1)], "{" * 3, "nul", "'x'",
                                text.replace('"', "'"), "[" + text, text + "}"])

    def hello(self) -> str:
        fields = {"t": "hello", "v": 1, "id": self.rng.choice(["1", "h"]), "view": "tests.counter",
                  "tab": "t"}
        change = self.rng.choice(["view", "staff", "tab", "cx", "qs", "kw", "id"])
        fields.update({"view": {"view": "tests.nope"}, "staff": {"view": "tests.staff_only"},
                       "tab": {"tab": "t" * 65}, "cx": {"cx": [1]}, "qs": {"qs": 5}, "kw": {"kw": 1},
                       "id": {"id": "1"}}[change])
        return json.dumps(fields)

    def oversized(self) -> str:
        return self._event(values=json.dumps({self.inc: "x" * conf.get("MAX_MESSAGE_BYTES")}))


async def send_frame(comm, frame: str | bytes) -> None:
    """``comm.send_to`` without its per-frame mock.patch (a third of the test's time)."""
    await comm.input_queue.put({"type": "websocket.receive",
                                **({"bytes": frame} if isinstance(frame, bytes) else {"text": frame})})


async def receive_message(comm) -> dict:
    """``comm.receive_json_from`` likewise; a close (a crashed consumer's 1011 too) fails the test."""
    output = await asyncio.wait_for(comm.output_queue.get(), timeout=10)
    assert output["type"] == "websocket.send", output
    return json.loads(output["text"])


def tracebacks(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


async def fuzz_socket(rng: random.Random, key: str) -> int:
    """Send the hostile frames and the clicks; return how many clicks the server acknowledged.

    Every frame gets exactly one answer: a batch's answers are counted before the next batch.
    """
    comm, ids, _ = await open_view("tests.counter", key)
    hostile, acknowledged, sent = Hostile(rng, ids), 0, 0
    seq = 10**7  # above any seq of the hostile frames, so an ack names a click
    while sent < SOCKET_MESSAGES:
        clicks = set()
        for _ in range(BATCH):
            if rng.random() < 0.01:
                seq += 1
                await comm.send_json_to({"t": "event", "seq": seq, "trigger": ids["Increment"]})
                clicks.add(seq)
            await send_frame(comm.comm, hostile.frame())
        sent += BATCH
        for _ in range(BATCH + len(clicks)):
            reply = await receive_message(comm.comm)
            if reply["t"] == "patch":
                assert reply["ack"] in clicks, reply
                acknowledged += 1
            else:
                assert reply["t"] == "error" and reply["code"] in TYPED and reply["message"], reply
                assert reply.get("ack") not in clicks or reply["code"] == "busy", reply
    assert await comm.comm.receive_nothing(timeout=0.1)  # no frame got a second answer
    await comm.disconnect()
    return acknowledged


async def test_hostile_messages_over_the_websocket_get_typed_errors_and_the_counter_stays_exact(caplog):
    caplog.set_level(logging.ERROR, logger="django.request")
    rng = random.Random(SEED)
    key = await new_session()
    clicks = await fuzz_socket(rng, key)
    assert clicks > 0 and (await saved_state(key, "tests.counter"))["count"] == clicks
    for n in range(CLOSING_HELLOS):  # wrong versions: an error, then a clean close
        comm, connected, _ = await connect(key)
        assert connected
        version = rng.choice(["true", "1.0", '"1"', "2", "0", "null", "[1]", "1e999", "NaN"])
        await comm.send_to(f'{{"t":"hello","v":{version},"id":"{n}","view":"tests.counter","tab":"t"}}')
        reply = await comm.receive_json_from(timeout=5)
        assert reply["t"] == "error" and reply["code"] in ("unsupported_version", "bad_json"), reply
        if reply["code"] == "unsupported_version":
            assert (await comm.receive_output(timeout=5))["type"] == "websocket.close"
        await comm.disconnect()
    comm, connected, _ = await connect(key)
    view = ViewSocket(comm, "z")
    await say_hello(comm, "tests.counter", view_id="z")
    first = await view.receive_json_from()
    assert f"<code>{clicks}</code>" in first["ops"]["r"]
    await comm.disconnect()
    assert not tracebacks(caplog)


def test_hostile_posts_to_the_http_fallback_get_typed_4xx_errors_and_the_counter_stays_exact(caplog):
    caplog.set_level(logging.ERROR, logger="django.request")
    rng = random.Random(SEED + 1)
    client = Client(raise_request_exception=False)
    ids = widget_ids(client.get("/t/counter/").content.decode())
    # Over HTTP the URL names the view (a message's id is not read): a well-formed event
    # must name a widget the view does not have to be hostile.
    hostile, clicks, url = Hostile(rng, ids, trigger="w000000000000"), 0, "/reactive/event/tests.counter/"
    for n in range(HTTP_MESSAGES):
        if rng.random() < 0.05:
            click = {"t": "event", "seq": n + 1, "tab": "t", "trigger": ids["Increment"]}
            ok = client.post(url, json.dumps(click), content_type="application/json")
            assert ok.status_code == 200 and ok.json()["ack"] == n + 1
            clicks += 1
        frame = hostile.frame()
        response = client.post(url, frame, content_type="application/json")
        assert 400 <= response.status_code < 500, (frame[:200], response.status_code, response.content[:300])
        answer = response.json()
        assert answer["t"] == "error" and answer["code"] in TYPED, answer
    key = client.cookies["sessionid"].value
    assert clicks > 0 and async_to_sync(saved_state)(key, "tests.counter")["count"] == clicks
    assert f"<code>{clicks}</code>" in client.get("/t/counter/").content.decode()
    assert not tracebacks(caplog)
