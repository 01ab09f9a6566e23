"""Rendering: element ids, per-element HTML, and patches that carry only what changed."""

import pytest

from django_reactive.elements import Markdown, Text, Title
from django_reactive.elements.layout import Area, Container, Root
from django_reactive.render import Renderer, diff


def tree(*main):
    root = Root()
    prefix, area = Area("rx-prefix", "p"), Area("rx-main", "m")
    area.children = list(main)
    root.children = [prefix, area]
    return root


def test_elements_get_position_ids_and_a_wrapper():
    rendered = Renderer().render(tree(Title("Hi"), Text("a < b")))
    assert rendered.children["m"] == ("m.0", "m.1")
    assert rendered.html["m.0"] == '<div class="rx rx-title" data-reactive-id="m.0"><h1>Hi</h1></div>'
    assert "a &lt; b" in rendered.html["m.1"]
    assert rendered.root.startswith('<div class="rx-root" data-reactive-id="r">')


def test_first_render_sends_the_root():
    new = Renderer().render(tree(Text("x")))
    assert diff(None, new) == {"r": new.root}


def test_unchanged_render_sends_nothing():
    renderer = Renderer()
    assert diff(renderer.render(tree(Text("x"))), renderer.render(tree(Text("x")))) == {}


def test_a_changed_element_is_sent_alone():
    renderer = Renderer()
    old = renderer.render(tree(Title("T"), Text("1")))
    new = renderer.render(tree(Title("T"), Text("2")))
    assert diff(old, new) == {"m.1": new.html["m.1"]}


def test_a_changed_list_of_children_sends_the_block():
    renderer = Renderer()
    old = renderer.render(tree(Text("1")))
    new = renderer.render(tree(Text("0"), Text("1")))
    assert diff(old, new) == {"m": new.html_of("m")}


def test_nested_change_inside_an_unchanged_container():
    renderer = Renderer()

    def page(value):
        box = Container()
        box.children = [Text("static"), Text(value)]
        return tree(box)

    old, new = renderer.render(page("a")), renderer.render(page("b"))
    assert diff(old, new) == {"m.0.1": new.html["m.0.1"]}


def test_a_container_whose_own_markup_and_a_child_change_together_is_sent_whole():
    """A status's label and the text inside it change in one run: neither change may be lost."""
    renderer = Renderer()

    def page(height, value):
        box = Container(height=height)
        box.children = [Text("static"), Text(value)]
        return tree(box)

    old, new = renderer.render(page(100, "a")), renderer.render(page(200, "b"))
    assert diff(old, new) == {"m.0": new.html_of("m.0")}
    assert "height:200px" in new.html_of("m.0") and ">b<" in new.html_of("m.0")


@pytest.mark.django_db
def test_containers_reused_around_new_children_render_as_a_fresh_renderer_would():
    from django_reactive.testing import AppTest

    def app(st):
        n = st.session_state.setdefault("n", 0)
        with st.expander(f"Box {n % 2}"):
            st.text(f"inside {n}")
        left, right = st.columns(2)
        left.text(f"left {n}")
        right.markdown(f"right **{n}**")
        with st.form("f"):
            st.text_input("Name")
            st.form_submit_button()
        for tab in st.tabs(["A", "B"]):
            tab.text(f"tab {n}")
        if st.button("Next", key="next"):
            st.session_state.n += 1

    at = AppTest.from_function(app).run()
    for _ in range(3):
        at.button(key="next").click().run()
        shown = at.app.rendered
        fresh = Renderer(at.app.renderer.dom_prefix).render(at.app.last_result.root)
        assert shown.html == fresh.html
    assert "inside 2" in at.app.rendered.root and "Box 0" in at.app.rendered.root  # n before the click


def test_rev_changes_with_the_content():
    renderer = Renderer()
    assert renderer.render(tree(Text("a"))).rev != renderer.render(tree(Text("b"))).rev
    assert renderer.render(tree(Text("a"))).rev == renderer.render(tree(Text("a"))).rev


@pytest.mark.parametrize(("body", "present", "absent"), [
    ("**bold**", "<strong>bold</strong>", None),
    ("<script>alert(1)</script>", "&lt;script&gt;", "<script>"),
    ("[x](javascript:alert(1))", None, 'href="javascript:'),
    ('<img src=x onerror="alert(1)">', "&lt;img", "<img"),
    ("| a |\n| - |\n| 1 |", "<table>", None),
])
def test_markdown_is_safe(body, present, absent):
    html = Renderer().render(tree(Markdown(body))).html["m.0"]
    if present:
        assert present in html
    if absent:
        assert absent not in html


def test_markdown_with_allowed_html_is_still_sanitised():
    html = Renderer().render(tree(Markdown('<b>ok</b><script>x</script><a href="javascript:x">l</a>',
                                           unsafe_allow_html=True))).html["m.0"]
    assert "<b>ok</b>" in html
    assert "<script>" not in html and "javascript:" not in html


def test_plain_lines_skip_the_markdown_parser_with_the_same_result():
    """The shortcut for plain lines must render exactly what the parser renders."""
    import random

    from django_reactive.elements.text import _PLAIN, _markdown, render_markdown

    alphabet = list("ab 1.=-+*_`~|<>&!#[]()\\\"'\t:é") + ["`x`", "``", " `y z` ", "1. ", "- "]
    rng = random.Random(3)
    samples = ["Count =  `5`", "Count = `12` items", "a`b`c", "`a``b`", "`a` `b`", "` a `",
               "plain 'quoted' \"text\"", "3.5 apples", "x\ty", "=", "`", "a  ", " a"]
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    plainish = list("abc 12=,.:'\"\té") + ["`x`", "`a b`", "`<&>`", "``"]
    samples += ["".join(rng.choice(plainish) for _ in range(rng.randint(1, 12))) for _ in range(1500)]
    shortcut = 0
    for body in samples:
        for inline in (False, True):
            md = _markdown(False)
            expected = (md.renderInline(body) if inline else md.render(body)).strip()
            assert render_markdown(body, inline=inline) == expected, body
        shortcut += bool(_PLAIN.match(body))
    assert shortcut > 600  # the shortcut was taken often enough to be tested
    assert _PLAIN.match("Count =  `5`")


@pytest.mark.django_db
def test_a_table_is_sent_again_exactly_when_its_data_or_options_change():
    from django_reactive.testing import AppTest

    def app(st):
        n = st.session_state.setdefault("n", 0)
        st.table([{"row": i, "n": n // 2} for i in range(50)])   # changes every other click
        st.dataframe([{"a": 1}], height=100 + 10 * (n // 3))       # changes every third click
        if st.button("Next", key="next"):
            st.session_state.n += 1

    at = AppTest.from_function(app).run()
    sent = []
    for _ in range(6):
        before = at.app.rendered
        at.button(key="next").click().run()
        ops = diff(before, at.app.rendered)
        sent.append(("m.0" in ops, "m.1" in ops))
        fresh = Renderer(at.app.renderer.dom_prefix).render(at.app.last_result.root)
        assert at.app.rendered.html_by_id() == fresh.html_by_id()
    # Click k's run sees n = k - 1 (the click's own increment shows in the next run).
    assert sent == [(False, False), (False, False), (True, False), (False, True), (True, False),
                    (False, False)]


def boxed(height, *texts):
    box = Container(height=height)
    box.children = [Text(t) for t in texts]
    return tree(Title("T"), box)


@pytest.mark.parametrize("before, after", [
    (boxed(100, "a", "b"), boxed(100, "a", "b")),   # nothing changed
    (boxed(100, "a", "b"), boxed(100, "a", "c")),   # a leaf
    (boxed(100, "a", "b"), boxed(100, "a")),        # a block's children
    (boxed(100, "a", "b"), boxed(200, "a", "b")),   # a block's own markup
    (boxed(100, "a", "b"), boxed(200, "x", "b")),   # both
    (tree(Text("1")), boxed(100, "1")),             # a leaf became a block
])
def test_a_compact_render_gives_the_same_patches(before, after):
    """What an idle page keeps (digests) diffs a new render as the whole HTML does."""
    old = Renderer().render(before)
    new = Renderer().render(after)
    compact = old.compact()
    assert compact.rev == old.rev and compact.shown_as(old.rev)
    assert diff(compact, new) == diff(old, new)
    assert not any(isinstance(html, str) for html in compact.html.values())
