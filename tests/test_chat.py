"""st.chat_message, st.chat_input and st.write_stream: what a script gets back, what the page shows,
and a streamed reply reaching the page while the run goes on."""

import json
import re
import time

import pytest

import django_reactive as reactive
from demo_project.demo import views
from demo_project.demo.demos import chat
from django_reactive.runtime import Event, EventError
from django_reactive.testing import AppTest, AppTestError
from tests.sockets import new_session, open_view

pytestmark = pytest.mark.django_db

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082")


def exception_message(source_or_app):
    at = AppTest.from_function(source_or_app).run()
    assert at.run_status == "failed"
    return at.exception[0].message


# -- st.chat_message -----------------------------------------------------------------------


def test_a_message_holds_what_is_written_in_it_with_or_through_its_handle():
    def app(st):
        with st.chat_message("user"):
            st.write("Hello 👋")
            st.caption("just now")
        reply = st.chat_message("assistant")
        reply.write("Hello human")
        st.text("after")

    at = AppTest.from_function(app).run()
    first, second = at.chat_message
    assert first.markdown[0].value == "Hello 👋" and first.caption[0].value == "just now"
    assert second.markdown.values == ["Hello human"]
    assert [child.type for child in first.children] == ["markdown", "caption"]
    assert at.text[0].value == "after" and not second.text  # the text is outside the message


@pytest.mark.parametrize(("name", "avatar", "shown"), [
    ("user", "user", "<svg"), ("human", "user", "<svg"),
    ("assistant", "assistant", "<svg"), ("ai", "assistant", "<svg"),
    ("bob", "", ">B</div>"), ("🦖", "🦖", ">🦖</div>"),
])
def test_preset_names_get_their_icon_and_other_names_their_initial(name, avatar, shown):
    at = AppTest.from_function(lambda st: st.chat_message(name).write("hi")).run()
    message = at.chat_message[0]
    assert (message.name, message.avatar) == (name, avatar)
    assert f'aria-label="Chat message from {name}"' in message.html
    assert shown in message.html.split('class="rx-chat-content"')[0]


def test_a_custom_avatar_is_an_emoji_a_preset_or_an_image():
    def app(st):
        st.chat_message("dev", avatar="🧑‍💻")
        st.chat_message("bot", avatar="user")
        st.chat_message("web", avatar="https://example.com/me.png")
        st.chat_message("file", avatar=PNG)

    at = AppTest.from_function(app).run()
    assert [m.avatar for m in at.chat_message][:3] == ["🧑‍💻", "user", "https://example.com/me.png"]
    assert at.chat_message[3].avatar.startswith("data:image/png;base64,")
    assert '<img src="https://example.com/me.png" alt="">' in at.chat_message[2].html


@pytest.mark.parametrize("avatar", ["Bob", "spinner", 5, b"not an image"])
def test_an_avatar_that_is_not_an_image_is_refused_as_streamlit_does(avatar):
    message = exception_message(lambda st: st.chat_message("x", avatar=avatar))
    assert message == "Failed to load the provided avatar value as an image."


def test_name_and_width_are_checked():
    assert exception_message(lambda st: st.chat_message(None)) == "The `name` parameter is required."
    assert exception_message(lambda st: st.chat_message("x", width=0)) == (
        "Invalid width value: 0. Width must be either a positive integer (pixels), 'stretch', or 'content'.")
    at = AppTest.from_function(lambda st: st.chat_message("x", width=300).write("w")).run()
    assert "width:300px" in at.chat_message[0].html


def test_the_author_name_is_escaped():
    at = AppTest.from_function(lambda st: st.chat_message('<img src=x onerror="alert(1)">')).run()
    assert "<img src=x" not in at.page_html and "&lt;img src=x" in at.page_html


# -- st.chat_input -------------------------------------------------------------------------


def echo(st):
    prompt = st.chat_input(placeholder="Type a thing")
    with st.chat_message("user"):
        st.write(prompt)


def test_the_submitted_text_is_returned_once_then_none():
    at = AppTest.from_function(echo).run()
    assert at.chat_input[0].value is None and at.chat_input[0].placeholder == "Type a thing"
    assert at.chat_message[0].markdown[0].value == "`None`"

    at.chat_input[0].set_value("hi").run()
    assert at.chat_input[0].value == "hi"
    assert at.chat_message[0].markdown[0].value == "hi"

    at.run()
    assert at.chat_input[0].value is None
    assert at.chat_message[0].markdown[0].value == "`None`"


def test_on_submit_runs_first_and_reads_the_text_from_session_state():
    def app(st):
        def remember(prefix):
            st.session_state.log = [*st.session_state.get("log", []), prefix + st.session_state.prompt]

        st.chat_input("Ask", key="prompt", on_submit=remember, args=("got ",))
        st.write(st.session_state.get("log", []))

    at = AppTest.from_function(app).run()
    at.chat_input(key="prompt").set_value("one").run()
    at.chat_input(key="prompt").set_value("one").run()  # the same text again is a new submission
    assert at.session_state["log"] == ["got one", "got one"]
    assert at.session_state["prompt"] is None


def test_text_beyond_max_chars_is_cut_as_streamlit_does():
    at = AppTest.from_function(lambda st: st.text(repr(st.chat_input(max_chars=5)))).run()
    assert 'maxlength="5"' in at.chat_input[0].html
    at.chat_input[0].set_value("hello world").run()
    assert at.text[0].value == "'hello'"


def test_a_text_assigned_by_code_waits_in_the_box_unsent():
    at = AppTest.from_function(lambda st: st.text(repr(st.chat_input(key="draft")))).run()
    at.session_state["draft"] = "Tell me more"
    at.run()
    assert at.text[0].value == "None"
    assert "Tell me more</textarea>" in at.chat_input[0].html
    assert at.session_state["draft"] is None


def test_the_default_placeholder_and_the_send_button():
    at = AppTest.from_function(lambda st: st.chat_input()).run()
    html = at.chat_input[0].html
    assert 'placeholder="Your message"' in html and 'aria-label="Your message"' in html
    assert 'aria-label="Send"' in html


def test_in_the_main_area_the_input_is_a_child_of_the_page_and_inside_a_container_it_stays_there():
    """The page pins a chat input that is a child of the main area; elsewhere it stays in place."""
    def app(st):
        st.chat_input("main")
        with st.container():
            st.chat_input("boxed")
        st.sidebar.chat_input("side")
        left, _ = st.columns(2)
        left.chat_input("column")

    at = AppTest.from_function(app).run()
    assert [c.placeholder for c in at.main.chat_input] == ["main", "boxed", "column"]
    assert at.sidebar.chat_input[0].placeholder == "side"
    main = re.search(r'<div class="rx rx-main"[^>]*>(.*)', at.page_html).group(1)
    assert main.startswith('<div class="rx rx-chat-input"')
    assert at.chat_input[1].html in at.container[0].html


def test_a_chat_input_in_a_form_is_an_error():
    def app(st):
        with st.form("f"):
            st.chat_input()

    assert exception_message(app) == "`st.chat_input()` can't be used in a `st.form()`."


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"accept_file": "x"},
     "Invalid `accept_file` value. Supported values: True, False, 'multiple', 'directory'. Got 'x'."),
    ({"submit_mode": "later"}, "Invalid `submit_mode` value. Supported values: 'submit', 'disable', 'stop'."),
    ({"max_upload_size": 0}, "Invalid `max_upload_size` value. Supported values: a positive integer."),
    ({"width": "content"}, "Invalid width value: 'content'. Width must be either a positive integer"),
    ({"accept_file": True}, "st.chat_input(accept_file=...) is not supported"),
    ({"accept_audio": True}, "st.chat_input(accept_audio=...) is not supported"),
])
def test_chat_input_parameters_are_checked(kwargs, message):
    assert exception_message(lambda st: st.chat_input(**kwargs)).startswith(message)


def test_a_disabled_chat_input_refuses_a_submission_from_the_browser():
    at = AppTest.from_function(lambda st: st.chat_input(disabled=True)).run()
    assert "disabled" in at.chat_input[0].html
    with pytest.raises(AppTestError, match="disabled chat_input widget"):
        at.chat_input[0].set_value("hi")
    with pytest.raises(EventError, match="is disabled"):  # what a hand-made browser message gets
        at.app.handle_event(Event({at.chat_input[0].id: "hi"}, at.chat_input[0].id))


# -- st.write_stream -----------------------------------------------------------------------


def words():
    yield "Hello "
    yield ""
    yield "**world**"


async def async_words():
    yield "as"
    yield "ync"


def test_a_stream_of_text_is_one_markdown_element_and_its_text_is_returned():
    def app(st):
        with st.chat_message("assistant"):
            reply = st.write_stream(words)
        st.text(repr(reply))
        st.text(repr(st.write_stream(words())))
        st.text(repr(st.write_stream(iter(["a", "b"]))))

    at = AppTest.from_function(app).run()
    assert at.chat_message[0].markdown.values == ["Hello **world**"]
    assert at.text.values == ["'Hello **world**'", "'Hello **world**'", "'ab'"]
    assert "<strong>world</strong>" in at.chat_message[0].html


def test_other_chunks_are_written_and_a_list_is_returned():
    def app(st):
        called = []
        result = st.write_stream(["a", "b", {"k": 1}, "c", lambda: called.append(1), 3, ""])
        st.text(repr(result))
        st.text(repr(called))

    at = AppTest.from_function(app).run()
    assert at.markdown.values == ["ab", "c", "`3`"]
    assert json.loads(at.json[0].value) == {"k": 1}
    assert at.text.values == ["['ab', {'k': 1}, 'c', 3]", "[1]"]


def test_st_write_streams_a_generator():
    def app(st):
        st.write("Before:", 1)
        st.write(words())
        st.write(async_words)

    at = AppTest.from_function(app).run()
    assert at.markdown.values == ["Before: `1`", "Hello **world**", "async"]


def test_an_empty_stream_returns_an_empty_text():
    at = AppTest.from_function(lambda st: st.text(repr(st.write_stream([])))).run()
    assert at.text[0].value == "''" and not at.markdown


def test_async_generators_are_streamed():
    def app(st):
        st.text(repr(st.write_stream(async_words)))
        st.text(repr(st.write_stream(async_words())))

    at = AppTest.from_function(app).run()
    assert at.text.values == ["'async'", "'async'"]


def test_openai_chunks_give_their_delta_text():
    def chunk(content):
        delta = type("Delta", (), {"content": content})()
        choice = type("Choice", (), {"delta": delta})()
        cls = type("ChatCompletionChunk", (), {"__module__": "openai.types.chat.chat_completion_chunk"})
        made = cls()
        made.choices = [choice]
        return made

    stream = [chunk("Hi"), chunk(None), chunk(" there")]
    at = AppTest.from_function(lambda st: st.text(st.write_stream(stream))).run()
    assert at.text[0].value == "Hi there"


@pytest.mark.parametrize(("stream", "message"), [
    ("text", "Invalid `stream` type. Expected one of: generator, stream-like object. Provided type: str. "
             "Please use `st.write` instead for this data type."),
    (5, "The provided input (type: <class 'int'>) cannot be iterated. Please make sure that it is a "
        "generator, generator function or iterable."),
])
def test_what_cannot_be_streamed_is_refused(stream, message):
    assert exception_message(lambda st: st.write_stream(stream)) == message


@reactive.view(name="tests.chat_stream")
def chat_stream(st):
    if prompt := st.chat_input("Say"):
        with st.chat_message("assistant"):
            def tokens():
                for word in ["You", "said", prompt, "and", "I", "answer", "slowly", "here."]:
                    time.sleep(0.06)
                    yield word + " "
            st.write_stream(tokens)


@pytest.mark.django_db(transaction=True)
async def test_a_streamed_reply_reaches_the_page_in_several_patches_during_the_run():
    comm, _, html = await open_view("tests.chat_stream", await new_session())
    wid = re.search(r'data-reactive-widget="(w[0-9a-f]+)"', html).group(1)
    await comm.send_json_to({"t": "event", "seq": 1, "trigger": wid, "values": {wid: "hi"}})
    texts = []
    while True:
        message = await comm.receive_json_from(timeout=5)
        shown = " ".join(message["ops"].values())
        texts += re.findall(r'<div class="rx rx-markdown"[^>]*><p>([^<]*)</p>', shown)
        if "ack" in message:
            break
    final = "You said hi and I answer slowly here."
    assert texts[-1] == final
    partial = [text for text in texts[:-1] if text != final]
    assert len(partial) >= 2 and all(final.startswith(text) for text in partial), texts
    await comm.disconnect()


# -- the demo ------------------------------------------------------------------------------


def test_the_chat_demo_keeps_the_conversation_and_streams_an_echo(monkeypatch, client):
    monkeypatch.setattr(chat, "WORD_DELAY", 0)
    at = AppTest.from_view(chat.chat).run()
    assert not at.chat_message
    at.chat_input[0].set_value("Hello").run()
    at.chat_input[0].set_value("Again").run()
    assert [m.name for m in at.chat_message] == ["user", "assistant", "user", "assistant"]
    assert at.chat_message[0].markdown[0].value == "Hello"
    assert at.chat_message[3].markdown[0].value.startswith("You wrote: Again.")
    assert [m["role"] for m in at.session_state["messages"]] == ["user", "assistant"] * 2

    assert "chat" in [demo[0] for demo in views.DEMOS]
    assert 'href="/chat/"' in client.get("/").content.decode()
    page = client.get("/chat/").content.decode()
    assert "django_reactive/chat.css" in page and ">Source<" in page
