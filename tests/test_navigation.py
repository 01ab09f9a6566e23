"""Multipage apps: st.navigation, st.Page, st.switch_page and st.page_link, through AppTest."""

import sys
import textwrap
import types
from pathlib import Path

import pytest
from django.urls import include, path

import django_reactive as reactive
from django_reactive.testing import AppTest


def write(folder: Path, name: str, source: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("from django_reactive import st\n" + textwrap.dedent(source))
    return path


@pytest.fixture
def app(tmp_path):
    """A main script with a function page, a page file in another folder and a hidden page."""
    write(tmp_path, "sub/02_📈_charts.py", """
        st.title("Charts")
        st.write(f"visits: {st.session_state.visits}")
        if st.button("Secret"):
            st.switch_page("secret.py")
    """)
    write(tmp_path, "secret.py", "st.title('Secret')\n")
    return write(tmp_path, "app.py", """
        def home():
            st.title("Home")
            st.page_link("sub/02_📈_charts.py")
            if st.button("Go"):
                st.switch_page("sub/02_📈_charts.py", query_params={"from": "home"})

        st.session_state.visits = st.session_state.get("visits", 0) + 1
        page = st.navigation({"Main": [home, "sub/02_📈_charts.py"],
                              "More": [st.Page("secret.py", visibility="hidden")]})
        page.run()
    """)


@pytest.mark.django_db
def test_navigation_runs_the_default_page_and_lists_the_pages_in_the_sidebar(app):
    at = AppTest.from_file(app).run()
    assert at.title.values == ["Home"]
    menu = at.sidebar.children[0].html
    assert '<p class="rx-nav-section">Main</p>' in menu
    assert '<a href="./" aria-current="page">home</a>' in menu
    # Title, icon and URL path come from the file name, as Streamlit infers them.
    assert '<a href="charts"><span class="rx-icon" aria-hidden="true">📈</span> charts</a>' in menu
    assert "Secret" not in menu and "More" not in menu  # a hidden page is not listed


@pytest.mark.django_db
def test_the_url_path_selects_the_page_and_the_pages_share_session_state(app):
    at = AppTest.from_file(app).run()
    at.switch_page("sub/02_📈_charts.py").run()
    assert at.title.values == ["Charts"]
    assert at.markdown.values == ["visits: 2"]
    assert 'aria-current="page"><span class="rx-icon" aria-hidden="true">📈' in at.page_html
    at.switch_page("secret.py").run()  # a hidden page is still reachable
    assert at.title.values == ["Secret"]
    page = AppTest.from_file(app, kwargs={"url_path": "charts"}).run()
    assert page.title.values == ["Charts"]


@pytest.mark.django_db
def test_a_url_path_of_no_page_runs_the_main_page_with_a_notice(app):
    at = AppTest.from_file(app, kwargs={"url_path": "nope"}).run()
    assert at.title.values == ["Home"]
    assert "Page not found" in at.error[0].value


@pytest.mark.django_db
def test_switch_page_ends_the_run_and_the_other_page_runs(app):
    at = AppTest.from_file(app).run()
    at.button[0].click().run()
    assert at.title.values == ["Charts"]
    assert at.query_params.to_dict() == {"from": "home"}
    at.button[0].click().run()  # to a hidden page; no query_params: the query is cleared
    assert at.title.values == ["Secret"]
    assert at.query_params.to_dict() == {}


@pytest.mark.django_db
def test_a_switch_in_the_first_run_replaces_the_history_entry():
    """A page that switches as it loads (a guard) is not kept in the browser's history."""
    at = AppTest.from_function(lambda st: st.switch_page("counter")).run()
    assert '<a href="/counter/" hidden data-rx-navigate data-rx-replace>' in at.page_html
    assert "/static/django_reactive/navigate.js" in at.page_html


@pytest.mark.django_db
def test_switch_page_in_a_callback_goes_to_the_page(tmp_path):
    app = write(tmp_path, "app.py", """
        def one():
            st.button("Go", on_click=lambda: st.switch_page(target))
            st.text("one")

        def two():
            st.text("two")

        target = st.Page(two)
        st.navigation([one, target]).run()
    """)
    at = AppTest.from_file(app).run()
    at.button[0].click().run()
    assert at.text.values == ["two"]


@pytest.mark.django_db
def test_switch_page_in_a_fragment_goes_to_the_page():
    at = AppTest.from_string("""
        from django_reactive import st

        @st.fragment
        def part():
            if st.button("Go"):
                st.switch_page(target)

        def one():
            part()
            st.text("one")

        target = st.Page(lambda: st.text("two"), title="Two", url_path="two")
        st.navigation([one, target]).run()
    """).run()
    assert at.text.values == ["one"]
    at.button[0].click().run()
    assert at.text.values == ["two"]


@pytest.mark.django_db
def test_keyed_widgets_of_a_page_are_its_own_and_reset_when_it_is_left(tmp_path):
    """As in Streamlit: the same widget on two pages is two widgets; one in the main script is
    one widget for all pages."""
    write(tmp_path, "one.py", "st.text_input('Note', key='note')\n")
    write(tmp_path, "two.py", "st.text_input('Note', key='note')\n")
    app = write(tmp_path, "app.py", """
        st.sidebar.text_input("Name", key="name")
        st.navigation(["one.py", "two.py"]).run()
    """)
    at = AppTest.from_file(app).run()
    at.text_input(key="note").input("first page")
    at.text_input(key="name").input("Ann").run()
    assert at.session_state["note"] == "first page"
    at.switch_page("two.py").run()
    assert at.text_input(key="note").value == ""
    assert at.text_input(key="name").value == "Ann"
    assert at.session_state["name"] == "Ann"


@pytest.mark.django_db
def test_switch_page_to_an_unknown_page_raises_streamlits_error():
    at = AppTest.from_string("""
        from django_reactive import st
        st.navigation([lambda: st.switch_page("elsewhere.py")]).run()
    """).run()
    assert at.exception[0].type == "PageNotFoundError"
    assert at.exception[0].message.startswith(
        "Could not find page: `elsewhere.py`. You must provide a `Page` object or file path relative "
        "to the entrypoint file. Only pages previously defined by `st.Page` and passed to "
        "`st.navigation` are allowed.")


def navigation_error(source: str) -> str:
    at = AppTest.from_string("from django_reactive import st\n" + textwrap.dedent(source)).run()
    return at.exception[0].message


@pytest.mark.django_db
@pytest.mark.parametrize(("source", "message"), [
    ("st.navigation([])", "The `pages` parameter is required. Provide at least one `st.Page`."),
    ("st.navigation([str], position='left')",
     "Invalid `position` value. Supported values: 'sidebar', 'hidden', 'top'."),
    ("st.navigation([st.Page(str, default=True), st.Page(int, default=True)])",
     "Multiple Pages specified with `default=True`. At most one Page can be set to default."),
    ("st.navigation([st.Page('https://example.com', title='Ex')])",
     "At least one non-external page is required. External URL pages cannot be the default page."),
    ("st.navigation([str, st.Page(int, url_path='str')])", "Two pages resolve to the URL pathname `/str`"),
    ("st.navigation([str], expanded=-1)", "Invalid `expanded` value."),
    ("st.navigation([3])", "Invalid `pages` type. Expected one of: str, Path, callable, st.Page. "
                           "Provided type: int."),
    ("st.Page('nope.py')", "Unable to create Page. The file `nope.py` could not be found."),
    ("st.Page('https://example.com')", "The `title` parameter is required. External URL pages require"),
    ("st.Page(str, url_path='a/b')", "The `url_path` `a/b` cannot include `/`."),
    ("st.Page(str, url_path='')", "The `url_path` parameter is required. It can only be empty for the "
                                  "default page."),
    ("st.Page(str, title='__'.replace('_', ' '))", "The `title` parameter is required."),
    ("st.Page(str).run()", "This page cannot be called directly. Only the page returned from "
                           "st.navigation can be called once."),
    ("st.switch_page(st.Page('https://example.com', title='Ex'))",
     "Cannot use st.switch_page with external URL pages."),
    ("st.page_link('https://example.com')", "The `label` parameter is required. Cannot infer a label "
                                            "for an external URL."),
])
def test_streamlits_errors(source, message):
    assert message in navigation_error(source)


@pytest.mark.django_db
def test_one_page_or_a_hidden_menu_shows_no_menu_and_top_puts_it_above_the_page():
    def menu(source: str) -> str:
        at = AppTest.from_string("from django_reactive import st\n" + textwrap.dedent(source)).run()
        return at.page_html

    assert "rx-nav" not in menu("st.navigation([str]).run()")
    assert "rx-nav" not in menu("st.navigation([str, int], position='hidden').run()")
    top = menu("st.title('x'); st.navigation([str, int], position='top').run()")
    assert top.index("rx-nav-top") < top.index("<h1>x</h1>")
    assert "rx-sidebar" not in top.split("rx-nav-top")[0].split('data-reactive-id="m"')[-1]


@pytest.mark.django_db
def test_a_long_menu_collapses_when_the_sidebar_has_more_than_the_menu():
    pages = ", ".join(f"st.Page(lambda: None, title='P{i}', url_path='p{i}')" for i in range(13))
    at = AppTest.from_string(f"""
        from django_reactive import st
        st.navigation([{pages}]).run()
        st.sidebar.text("below")
    """).run()
    html = at.page_html
    assert html.count('class="rx-nav-extra"') == 3 and "View 3 more" in html
    alone = AppTest.from_string(f"from django_reactive import st\nst.navigation([{pages}]).run()\n").run()
    assert "rx-nav-extra" not in alone.page_html


@pytest.mark.django_db
def test_page_link_to_pages_of_the_app_and_external_urls(app):
    at = AppTest.from_file(app).run()
    assert at.page_link[0].value == "charts"
    assert 'href="charts"' in at.page_link[0].html and ">charts</a>" in at.page_link[0].html
    at = AppTest.from_string("""
        from django_reactive import st
        def home():
            st.page_link(pages[1], label="Other", query_params={"a": ["1", "2"]})
            st.page_link(pages[0], icon="🏠", disabled=True)
            st.page_link("https://example.com/x", label="Docs", help="Read *them*")
        pages = [st.Page(home), st.Page(lambda: None, title="Two", url_path="two")]
        st.navigation(pages).run()
    """).run()
    other, home, docs = at.page_link
    assert other.value == "two?a=1&a=2" and other.label == "Other"
    assert 'aria-current="page"' in home.html and 'aria-disabled="true"' in home.html
    assert "href" not in home.html
    assert 'target="_blank"' in docs.html and 'title="Read *them*"' in docs.html


@pytest.mark.django_db
def test_page_link_and_switch_page_reach_django_pages_by_url_name_or_view():
    from tests import reactive_views

    def view(st):
        st.page_link("counter")  # a URL name: its reactive view's title, else a label is needed
        st.page_link("tests.counter", label="By name")
        st.page_link(reactive_views.counter, label="By view")
        st.page_link("/admin/", label="Admin")
        if st.button("Leave"):
            st.switch_page("counter", query_params={"n": "1"})
        st.text("still here")

    at = AppTest.from_function(view).run()
    assert [link.value for link in at.page_link] == ["/counter/", "/t/counter/", "/t/counter/", "/admin/"]
    at.button[0].click().run()
    assert '<a href="/counter/?n=1" hidden data-rx-navigate>' in at.page_html
    assert at.text.values == []  # the run ended at st.switch_page
    unknown = AppTest.from_function(lambda st: st.page_link("no-such-page")).run()
    assert unknown.exception[0].message.startswith("Could not find page: `no-such-page`.")


@pytest.mark.django_db
def test_a_pages_folder_makes_an_app_of_pages(tmp_path):
    """Streamlit's first multipage form: the script and the files of pages/ next to it."""
    write(tmp_path, "pages/2_Second.py", "st.text('second')\n")
    write(tmp_path, "pages/1_🎈_First_page.py", """
        st.text('first')
        st.page_link("pages/2_Second.py")
    """)
    main = write(tmp_path, "main.py", """
        st.text('main')
        if st.button("Nope"):
            st.switch_page("elsewhere.py")
    """)
    at = AppTest.from_file(main).run()
    assert at.text.values == ["main"]
    menu = at.sidebar.children[0].value
    assert menu == ["main", "First page", "Second"]
    at.switch_page("pages/1_🎈_First_page.py").run()
    assert at.text.values == ["first"] and at.page_link[0].value == "Second"
    at.switch_page("main.py").run()
    at.button[0].click().run()
    assert at.exception[0].message.startswith(
        "Could not find page: `elsewhere.py`. You must provide a file path relative to the entrypoint "
        f"file (from the directory `{tmp_path.name}`). Only the entrypoint file and files in the "
        "`pages/` directory are supported.")


@pytest.mark.django_db
def test_a_script_that_calls_navigation_ignores_its_pages_folder(tmp_path):
    write(tmp_path, "pages/other.py", "st.text('other')\n")
    main = write(tmp_path, "main.py", "st.navigation([lambda: st.text('own page')]).run()\n")
    at = AppTest.from_file(main).run()
    assert at.text.values == ["own page"]
    assert "rx-nav" not in at.page_html


@pytest.mark.django_db
def test_at_switch_page_refuses_what_is_not_a_page_file(app):
    at = AppTest.from_file(app).run()
    with pytest.raises(ValueError, match="Could not find page 'nope.py' relative to the main script"):
        at.switch_page("nope.py")
    with pytest.raises(ValueError, match="Could not find a navigation page for"):
        at.switch_page("app.py")


@pytest.mark.django_db
def test_reactive_script_serves_each_page_at_its_url_and_shares_state(tmp_path, client, settings):
    """``include(reactive.script(...).urls)``: the default page at the root, the others one
    segment below; state written on one page is read on another of the same session."""
    write(tmp_path, "🔥_two.py", "st.text(f'two sees {st.session_state.note}')\n")
    app = write(tmp_path, "shop.py", """
        def one():
            st.session_state.note = "from one"
            st.text("one")

        st.set_page_config(layout="wide")
        st.navigation([one, "🔥_two.py"]).run()
    """)
    urls = types.ModuleType("navigation_test_urls")
    urls.urlpatterns = [path("app/", include(reactive.script(app).urls)),
                        path("reactive/", include("django_reactive.urls"))]
    sys.modules[urls.__name__] = urls
    settings.ROOT_URLCONF = urls.__name__
    try:
        assert "<div class=\"rx-pre\">one</div>" in client.get("/app/").content.decode()
        two = client.get("/app/two").content.decode()
        assert "<div class=\"rx-pre\">two sees from one</div>" in two
        # The browser tab shows the page's title and icon, as Streamlit's does.
        assert "<title>two</title>" in two and '<link rel="icon" href="data:image/svg+xml,' in two
    finally:
        del sys.modules[urls.__name__]
