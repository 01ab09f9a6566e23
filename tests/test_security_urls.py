"""URLs of images and links are read as a browser reads them: a path that a browser loads from
another host is not a path of this site."""

import pytest

from django_reactive.errors import ReactiveAPIError, ReactiveValueError
from django_reactive.runtime.pages import PageNotFoundError
from django_reactive.testing import AppTest
from django_reactive.url_safety import LINK_SCHEMES, is_site_path, safe_url

pytestmark = pytest.mark.django_db

#: Each loads from evil.example (or runs script) in a browser, though some start with one "/".
ELSEWHERE = [
    "/\\evil.example/x.png",
    "/\t/evil.example/x.png",
    "/\n/evil.example/x.png",
    "\\\\evil.example/x.png",
    "//evil.example/x.png",
    " //evil.example/x.png",
    "\x01//evil.example/x.png",
    "https://evil .example/x.png",
    "http:/evil.example/x.png",
    "http:evil.example/x.png",
    "javascript:alert(1)",
    "JavaScript\t:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "https://evil.example:99999/",
]


@pytest.mark.parametrize("url", ELSEWHERE)
def test_no_url_a_browser_reads_otherwise_is_a_site_path_or_a_safe_url(url):
    assert not is_site_path(url)
    assert safe_url(url) is None
    assert safe_url(url, schemes=LINK_SCHEMES, relative="any") is None


@pytest.mark.parametrize(("url", "link"), [
    ("/media/a.png", True), ("https://cdn.example/a.png", True), ("HTTP://cdn.example/a.png", True),
    ("https://[::1]:8000/a.png", True), ("/a b/c.png", True), ("page2", False), ("#top", False),
])
def test_site_paths_and_web_urls_pass(url, link):
    assert (safe_url(url) == url) is link
    assert safe_url(url, schemes=LINK_SCHEMES, relative="any") == url


@pytest.mark.parametrize("url", ELSEWHERE)
def test_st_image_refuses_them(url):
    def view(st):
        st.image(url)

    at = AppTest.from_function(view).run()
    assert at.exception and "st.image needs an http(s) URL" in at.exception[0].message


@pytest.mark.parametrize("url", ELSEWHERE)
def test_st_link_button_refuses_them(url):
    def view(st):
        st.link_button("Go", url)

    at = AppTest.from_function(view).run()
    assert at.exception and ReactiveValueError.__name__ == at.exception[0].type


@pytest.mark.parametrize("url", ["/\\evil.example/x", "/\t/evil.example/x", " //evil.example/x"])
def test_st_page_link_does_not_take_them_for_paths_of_the_site(url):
    def view(st):
        st.page_link(url, label="Go")

    at = AppTest.from_function(view).run()
    assert at.exception and at.exception[0].type in (PageNotFoundError.__name__, ReactiveAPIError.__name__)
    assert "evil.example" not in "".join(e.html for e in at.get("page_link"))


def test_st_page_link_still_takes_a_site_path():
    at = AppTest.from_function(lambda st: st.page_link("/counter/", label="Counter")).run()
    assert 'href="/counter/"' in at.get("page_link")[0].html


@pytest.mark.parametrize(("markdown", "shown"), [
    ("[go](//evil.example/x)", "[go](//evil.example/x)"),
    ("![x](//evil.example/x.png)", "![x](//evil.example/x.png)"),
    ("[go](javascript:alert(1))", "[go](javascript:alert(1))"),
])
def test_markdown_links_and_images_that_leave_as_a_browser_reads_them_stay_text(markdown, shown):
    at = AppTest.from_function(lambda st: st.markdown(markdown)).run()
    html = at.markdown[0].html
    assert "href" not in html and "<img" not in html and shown in html


@pytest.mark.parametrize("raw", ['<a href="/\\evil.example/x">go</a>', '<a href="/\t/evil.example/x">go</a>',
                                 '<img src="//evil.example/x.png">'])
def test_raw_html_in_markdown_loses_such_urls(raw):
    at = AppTest.from_function(lambda st: st.markdown(raw, unsafe_allow_html=True)).run()
    html = at.markdown[0].html
    assert "evil.example" not in html


def test_markdown_keeps_ordinary_links():
    at = AppTest.from_function(lambda st: st.markdown(
        "[a](https://docs.example/x) [b](/counter/) [c](page2) [d](mailto:a@b.example)")).run()
    html = at.markdown[0].html
    for href in ("https://docs.example/x", "/counter/", "page2", "mailto:a@b.example"):
        assert f'href="{href}"' in html
