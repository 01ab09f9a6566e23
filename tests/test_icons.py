"""Icons as Streamlit writes them: ``:material/name:`` and emoji shortcodes."""

import pytest

from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db

GLYPH = '<span class="rx-icon rx-material" aria-hidden="true">{}</span>'


def run(app):
    return AppTest.from_function(app).run()


def test_markdown_turns_shortcodes_into_emoji_and_material_icons():
    at = run(lambda st: st.markdown("Nice :+1: :sunglasses: then :material/home: home"))
    assert f"Nice 👍 😎 then {GLYPH.format('home')} home" in at.markdown[0].html
    assert at.markdown[0].value == "Nice :+1: :sunglasses: then :material/home: home"


def test_unknown_shortcodes_code_spans_and_colons_stay_text():
    at = run(lambda st: (st.markdown(":not_an_emoji: `:+1:` and :material/Bad Name:"),
                         st.write("Count:", 5), st.write("a :zz: c")))
    html = at.markdown[0].html
    assert ":not_an_emoji:" in html and "<code>:+1:</code>" in html and ":material/Bad Name:" in html
    assert "Count: <code>5</code>" in at.markdown[1].html and "a :zz: c" in at.markdown[2].html


def test_icon_parameters_show_material_symbols_or_the_emoji_given():
    def app(st):
        st.button("Home", icon=":material/home:")
        st.error("Broken", icon="🚨")
        st.info("Note", icon=":material/info:")
        st.link_button("Docs", "https://example.com/", icon=":material/open_in_new:")
        with st.expander("More", icon=":material/expand_more:"):
            st.text("x")

    at = run(app)
    assert GLYPH.format("home") in at.button[0].html
    assert '<span class="rx-icon" aria-hidden="true">🚨</span>' in at.error[0].html
    assert GLYPH.format("info") in at.info[0].html
    assert GLYPH.format("open_in_new") in at.page_html
    assert GLYPH.format("expand_more") in at.expander[0].html


def test_raw_html_markdown_keeps_icons_but_no_other_class():
    at = run(lambda st: st.markdown(':material/home: <span class="rx-icon rx-material x" onclick="a()">'
                                    'y</span> <b class="rx-material">z</b>', unsafe_allow_html=True))
    html = at.markdown[0].html
    assert 'class="rx-icon rx-material"' in html and "home</span>" in html
    assert "onclick" not in html and "rx-material x" not in html and '<b>z</b>' in html


def test_material_icons_in_page_links_and_chat_avatars():
    def app(st):
        st.page_link("https://example.com/", label="Out", icon=":material/open_in_new:")
        with st.chat_message("bot", avatar=":material/smart_toy:"):
            st.write("hi")

    at = run(app)
    assert GLYPH.format("open_in_new") in at.page_html
    assert GLYPH.format("smart_toy") in at.chat_message[0].html
    assert at.chat_message[0].avatar == ":material/smart_toy:"
