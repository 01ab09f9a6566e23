"""Text as Streamlit 1.67 shows it: clean_text, st.write's arguments, str(st.query_params).

Every expected value here was observed with Streamlit 1.67's AppTest.
"""

import collections
import dataclasses
import io
import types

import pytest

from django_reactive.state import QueryParams
from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db

INDENTED = """
    # Head

    para
      deeper
"""


def run(fn, **kwargs):
    return AppTest.from_function(fn, **kwargs).run()


# -- 1. clean_text: textwrap.dedent(str(text)).strip() ---------------------------


def test_streamlit_clean_text_dedents_and_strips_markdown_caption_and_write():
    def app(st):
        st.markdown(INDENTED)
        st.caption("  cap  ")
        st.write(INDENTED)
        st.markdown(3.5)

    at = run(app)
    assert [m.value for m in at.markdown] == ["# Head\n\npara\n  deeper", "# Head\n\npara\n  deeper",
                                              "3.5"]
    assert at.caption[0].value == "cap"
    # Indented text inside a function is Markdown, not a code block.
    page = str(at.app.rendered.root)
    assert "<h1>Head</h1>" in page and "<pre" not in page


def test_streamlit_clean_text_applies_to_headings_text_and_alerts():
    def app(st):
        st.title("""
            Title *x*
            """)
        st.header("  H  ")
        st.subheader("\n  S\n")
        st.text("   indented\n     more\n   ")
        st.text(5)
        st.error("""
            err
              deep
        """)
        st.warning("  w  ")
        st.info("\ti\t")
        st.success(" ok ")

    at = run(app)
    assert [at.title[0].value, at.header[0].value, at.subheader[0].value] == ["Title *x*", "H", "S"]
    assert [t.value for t in at.text] == ["indented\n  more", "5"]
    assert [at.error[0].value, at.warning[0].value, at.info[0].value, at.success[0].value] == [
        "err\n  deep", "w", "i", "ok"]


def test_streamlit_write_joins_then_cleans_the_text():
    # Streamlit joins the buffer with spaces, then st.markdown cleans the result.
    at = run(lambda st: st.write("a", "  b  ", ""))
    assert [m.value for m in at.markdown] == ["a   b"]


# -- 2. st.write's arguments ---------------------------------------------------


@pytest.mark.parametrize(("args", "markdown"), [
    (("x", (1, 2)), "x `(1, 2)`"),
    (({1, 2}, 3, 4.5, None, True, "a`b", "z"), "`{1, 2}` `3` `4.5` `None` `True` a`b z"),
    ((frozenset([1]), b"bytes", 1j, range(3)), "`frozenset({1})` `b'bytes'` `1j` `range(0, 3)`"),
    (("multi\nline", 1), "multi\nline `1`"),
])
def test_streamlit_write_shows_non_json_values_inline_as_code(args, markdown):
    at = run(lambda st: st.write(*args))
    assert [m.value for m in at.markdown] == [markdown]
    assert not at.json


def test_streamlit_write_fences_code_with_more_backticks_than_the_text_holds():
    class Ticks:
        def __init__(self, text):
            self.text = text

        def __str__(self):
            return self.text

    def app(st):
        st.write(Ticks("a`b"))
        st.write(Ticks("a``b"))
        st.write(Ticks("x\ny`"))
        st.write(Ticks("x\n````"))

    at = run(app)
    assert [m.value for m in at.markdown] == [
        "``a`b``", "```a``b```", "```\nx\ny`\n```", "`````\nx\n````\n`````"]


def test_streamlit_write_shows_dicts_lists_and_their_kin_as_json():
    point = collections.namedtuple("Point", "x y")

    def app(st):
        st.write("a", [1, 2], "b", {"k": 1})
        st.write([{"a": 1}, {"a": 2}])
        st.write(point(1, 2), collections.OrderedDict(a=1), types.MappingProxyType({"m": 1}),
                 collections.ChainMap({"c": 1}), {"a": 1}.items(), {"a": 1}.keys(),
                 enumerate("ab"), map(str, [1]))

    at = run(app)
    assert [m.value for m in at.markdown] == ["a", "b"]
    assert [j.body for j in at.json] == [
        [1, 2], {"k": 1},
        {"x": 1, "y": 2}, {"a": 1}, {"m": 1}, {"c": 1}, [("a", 1)], ["a"], [(0, "a"), (1, "b")],
        ["1"]]
    # Difference kept on purpose (API): a list of dicts is a table here, st.json in Streamlit.
    assert at.dataframe[0].value == [{"a": 1}, {"a": 2}]


def test_streamlit_write_shows_session_state_and_query_params_as_their_dicts():
    def app(st):
        st.session_state.a = 1
        st.query_params["q"] = "v"
        st.write(st.session_state, st.query_params)

    at = run(app)
    assert [j.body for j in at.json] == [{"a": 1}, {"q": "v"}]


def test_streamlit_write_gives_exceptions_and_stringio_their_own_element():
    def app(st):
        st.write("before", ValueError("bad"), io.StringIO("**sio**"), "after")
        st.write(KeyboardInterrupt("k"))  # not an Exception: shown as text

    at = run(app)
    assert [m.value for m in at.markdown] == ["before", "**sio**", "after", "`k`"]
    assert at.exception[0].message == "bad"


def test_write_of_a_dataclass_shows_help_as_streamlit_does():
    @dataclasses.dataclass
    class D:
        x: int = 1

    at = run(lambda st: st.write(D()))
    assert not at.json and at.help[0].name == "D()" and at.help[0].value.endswith("D(x=1)")


def test_streamlit_write_of_several_arguments_only_from_st_or_the_sidebar():
    def app(st):
        st.sidebar.write("side", 1)
        with st.container():
            st.write("in", 2)
        st.container().write("single")
        st.columns(2)[0].write("x", 3)

    at = run(app)
    assert [m.value for m in at.markdown] == ["in `2`", "single", "side `1`"]  # main, then sidebar
    assert at.exception[0].message == (
        "Cannot replace a single element with multiple elements.\n\n"
        "The `write()` method only supports multiple elements when inserting elements rather "
        "than replacing. That is, only when called as `st.write()` or `st.sidebar.write()`.")


# -- 3. str(st.query_params) -----------------------------------------------------


def test_streamlit_str_of_query_params_is_the_text_of_a_dict():
    def app(st):
        st.text(str(st.query_params))
        st.query_params["tag"] = ["x", "y"]
        st.query_params.n = 5
        st.query_params["one"] = "again"  # keeps its place, as in Streamlit's dict
        st.text(f"{st.query_params}")
        st.text(str(st.query_params.to_dict()))

    at = run(app, query_params=[("tag", "a"), ("one", "1"), ("tag", "b")])
    assert [t.value for t in at.text] == [
        "{'tag': ['a', 'b'], 'one': '1'}",
        "{'tag': ['x', 'y'], 'one': 'again', 'n': '5'}",
        "{'tag': 'y', 'one': 'again', 'n': '5'}",
    ]
    assert at.query_params.urlencode() == "tag=x&tag=y&one=again&n=5"


def test_str_of_empty_query_params():
    assert str(QueryParams("")) == "{}"
    assert str(QueryParams("e=")) == "{'e': ''}"


def test_streamlit_heading_anchors_are_kept_and_can_be_hidden():
    def app(st):
        st.title("Plain")
        st.title("Anchored", anchor="top")
        st.header("Hidden", anchor=False)
        st.subheader("Sub", anchor="sub")

    at = run(app)
    assert [t.anchor for t in at.title] == [None, "top"]
    assert at.header[0].hide_anchor and not at.title[0].hide_anchor
    assert at.subheader[0].anchor == "sub" and at.subheader[0].tag == "h3"
    assert '<h1 id="top">Anchored</h1>' in at.title[1].html
    assert "<h1>Plain</h1>" in at.title[0].html


def test_streamlit_toast_progress_and_spinner_texts_are_dedented_and_stripped():
    def app(st):
        st.toast("""
            **Saved**
        """)
        st.progress(50, text="  half  ")
        with st.spinner("""
            Working
        """):
            pass

    at = run(app)
    assert at.toast[0].value == "**Saved**"
    assert "half" in at.get("progress")[0].html and at.get("progress")[0].element.text == "half"


def test_streamlit_colour_directives_in_markdown_and_st_badge():
    def app(st):
        st.markdown("Status: :red[down], :blue-background[**note**] and :green-badge[OK] :nope[x]")
        st.caption("a :violet[nested :orange[colour]] and a \\[bracket\\]")
        st.badge("New [1]", icon="✨", color="violet")

    at = run(app)
    html = at.markdown[0].html
    assert '<span class="rx-color rx-color-red">down</span>' in html
    assert '<span class="rx-bg rx-bg-blue"><strong>note</strong></span>' in html
    assert '<span class="rx-badge rx-badge-green">OK</span>' in html and ":nope[x]" in html
    assert 'rx-color-violet">nested <span class="rx-color rx-color-orange">colour</span></span>' \
        in at.caption[0].html
    assert at.badge[0].value == ":violet-badge[✨ New \\[1\\]]"
    assert '<span class="rx-badge rx-badge-violet">✨ New [1]</span>' in at.badge[0].html
    assert "Invalid color" in run(lambda st: st.badge("x", color="pink")).exception[0].message
