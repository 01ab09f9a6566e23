"""Display elements (caption, code, divider, metric, progress, tables, images) and layout
blocks (expander, tabs, empty), as a view author and a page visitor see them."""

import base64
import io
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from django_reactive.elements import data as data_module
from django_reactive.render import Renderer, diff
from django_reactive.runtime import Event
from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 16
GIF = b"GIF89a" + b"\x00" * 16
WEBP = b"RIFF\x00\x00\x00\x00WEBPVP8 " + b"\x00" * 8
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def run(fn):
    return AppTest.from_function(fn).run()


def html(at):
    return at.page_html


def element_html(at, command, index=0):
    """The HTML of the index-th element of a type, wrapper included."""
    return at.get(command)[index].html


def error_of(fn):
    at = run(fn)
    assert at.run_status == "failed"
    return at.exception[0]


# -- caption, code, divider ---------------------------------------------------------------------


def test_caption_is_small_safe_markdown():
    at = run(lambda st: st.caption("Made *with* <script>x</script>", help="Tip"))
    assert at.caption[0].value == "Made *with* <script>x</script>"
    markup = element_html(at, "caption")
    assert 'class="rx rx-caption"' in markup and "<em>with</em>" in markup
    assert "<script>" not in markup and "&lt;script&gt;" in markup and "Tip" in markup


def test_code_is_escaped_with_a_language_class_and_loses_one_newline_at_each_end_like_streamlit():
    at = run(lambda st: st.code("\n    if a < b:\n        print('<b>')\n", language="Python"))
    assert at.code[0].value == "    if a < b:\n        print('<b>')"
    assert at.code[0].language == "Python"
    markup = element_html(at, "code")
    code = "    if a &lt; b:\n        print(&#x27;&lt;b&gt;&#x27;)"
    assert f'<pre><code class="language-python">{code}</code></pre>' in markup


def test_code_with_line_numbers_and_without_language():
    def app(st):
        st.code("a\nb", language=None, line_numbers=True)
        st.code("x", language='py" onclick="alert(1)')

    at = run(app)
    first, second = element_html(at, "code"), element_html(at, "code", 1)
    assert 'class="rx-line-numbers"' in first and "<code>" in first
    assert first.count('<span class="rx-line">') == 2
    assert '<code class="language-pyonclickalert1">x</code>' in second and 'onclick="' not in second


def test_divider_is_a_rule():
    at = run(lambda st: st.divider())
    assert len(at.divider) == 1 and "<hr>" in element_html(at, "divider")


# -- metric -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("delta", "delta_color", "direction", "color"), [
    ("1.2 °F", "normal", "up", "green"),
    (-8, "normal", "down", "red"),
    ("-0.5", "inverse", "down", "green"),
    (3, "inverse", "up", "red"),
    (123, "off", "up", "gray"),
])
def test_metric_delta_arrow_and_colour(delta, delta_color, direction, color):
    at = run(lambda st: st.metric("Temperature", "70 °F", delta, delta_color=delta_color))
    metric = at.metric[0]
    assert metric.value == "70 °F" and metric.label == "Temperature"
    assert metric.element.delta == str(delta)
    markup = element_html(at, "metric")
    assert f"rx-delta-{color}" in markup
    assert f'aria-label="{direction.capitalize()}"' in markup


def test_metric_without_delta_and_none_value():
    at = run(lambda st: st.metric("Users", None, label_visibility="collapsed", help="How many"))
    assert at.metric[0].value == "—"
    markup = element_html(at, "metric")
    assert "rx-metric-delta" not in markup and "rx-label-collapsed" in markup and "How many" in markup
    assert re.search(r'role="group" aria-labelledby="([^"]+)".*id="\1"', markup)


def test_metric_escapes_its_texts():
    at = run(lambda st: st.metric("<b>L</b>", "<i>v</i>", "<u>d</u>"))
    markup = element_html(at, "metric")
    assert "<b>" not in markup and "<i>" not in markup and "<u>" not in markup
    assert "&lt;i&gt;v&lt;/i&gt;" in markup


@pytest.mark.parametrize(("call", "message"), [
    (lambda st: st.metric("L", 1, 1, delta_color="blue"),
     "'blue' is not an accepted value. delta_color only accepts: 'normal', 'inverse', or 'off'"),
    (lambda st: st.metric("L", [1]),
     "'[1]' is of type <class 'list'>, which is not an accepted type. value only accepts: int, "
     "float, str, or None. Please convert the value to an accepted type."),
    (lambda st: st.metric("L", 1, {"d": 1}),
     "'{'d': 1}' is of type <class 'dict'>, which is not an accepted type. delta only accepts: "
     "int, float, str, or None. Please convert the value to an accepted type."),
    (lambda st: st.metric(5, 1),
     "'5' is of type <class 'int'>, which is not an accepted type. label only accepts: str. "
     "Please convert the label to an accepted type."),
])
def test_metric_validation_uses_streamlits_messages(call, message):
    assert error_of(call).message == message


# -- progress -----------------------------------------------------------------------------------


def test_progress_from_int_and_float_with_an_accessible_label():
    def app(st):
        st.progress(42)
        st.progress(0.25, text="Loading *data*")

    at = run(app)
    assert at.progress.values == [42, 25]
    plain, labelled = element_html(at, "progress"), element_html(at, "progress", 1)
    assert 'max="100" value="42"' in plain and 'aria-label="Progress"' in plain
    label_id = re.search(r'class="rx-progress-text" id="([^"]+)"', labelled).group(1)
    assert f'aria-labelledby="{label_id}"' in labelled and "<em>data</em>" in labelled


def test_progress_accepts_float_rounding_errors():
    assert run(lambda st: st.progress(1.0000000000000013)).progress[0].value == 100


@pytest.mark.parametrize(("value", "message"), [
    (101, "Progress Value has invalid value [0, 100]: 101"),
    (-1, "Progress Value has invalid value [0, 100]: -1"),
    (1.5, "Progress Value has invalid value [0.0, 1.0]: 1.500000"),
    ("50", "Progress Value has invalid type: str"),
])
def test_progress_validation_uses_streamlits_messages(value, message):
    assert error_of(lambda st: st.progress(value)).message == message


def test_progress_text_must_be_a_string():
    message = error_of(lambda st: st.progress(10, text=5)).message
    assert message.startswith("Progress Text is of type <class 'int'>, which is not an accepted type.")


# -- tables -------------------------------------------------------------------------------------


def table_html(at, command="table", index=0):
    return element_html(at, command, index)


def test_table_from_a_list_of_dicts_is_escaped_and_accessible():
    rows = [{"name": "<b>Ann</b>", "age": 31}, {"name": "Bob", "age": None, "city": "Oslo"}]
    at = run(lambda st: st.table(rows))
    assert at.table[0].value == [
        {"name": "<b>Ann</b>", "age": 31, "city": None},
        {"name": "Bob", "age": None, "city": "Oslo"},
    ]
    markup = table_html(at)
    assert '<th scope="col">name</th><th scope="col" class="rx-num">age</th><th scope="col">city</th>' \
        in markup
    assert "&lt;b&gt;Ann&lt;/b&gt;" in markup and "<b>Ann" not in markup
    assert "<thead>" in markup and "<tbody>" in markup and markup.count("<tr>") == 3
    assert 'role="region" aria-label="Table" tabindex="0"' in markup


def test_table_from_lists_tuples_columns_and_key_values():
    def app(st):
        st.table([[1, "a"], (2, "b", True)])
        st.table({"x": [1, 2], "y": ["p", "q"]})
        st.table({"alpha": 1, "beta": 2})
        st.table(["one", "two"])
        st.table()

    at = run(app)
    assert at.table[0].value == [{"0": 1, "1": "a", "2": None}, {"0": 2, "1": "b", "2": True}]
    assert at.table[1].value == [{"x": 1, "y": "p"}, {"x": 2, "y": "q"}]
    assert at.table[2].value == [{"0": 1}, {"0": 2}] and at.table[2].element.index == ["alpha", "beta"]
    assert '<th scope="row">alpha</th>' in table_html(at, index=2)
    assert at.table[3].value == [{"0": "one"}, {"0": "two"}]
    assert at.table[4].value == [] and "No rows." in table_html(at, index=4)


@pytest.mark.parametrize(("data", "message"), [
    (42, "st.table cannot show an object of type `int`"),
    ("text", "st.table cannot show an object of type `str`"),
    ({"a": [1, 2], "b": [1]}, "All arrays must be of the same length"),
    ([{"a": 1}, 2], "st.table needs rows of one kind"),
])
def test_table_refuses_what_it_cannot_show(data, message):
    assert error_of(lambda st: st.table(data)).message.startswith(message)


def test_table_from_a_queryset_of_models_uses_verbose_names():
    Group.objects.create(name="<script>editors</script>")
    Group.objects.create(name="admins")
    at = run(lambda st: st.table(Group.objects.order_by("name")))
    assert at.table[0].element.columns == ["ID", "Name"]
    assert [row["Name"] for row in at.table[0].value] == ["<script>editors</script>", "admins"]
    markup = table_html(at)
    assert "<script>" not in markup and "&lt;script&gt;editors" in markup


def test_a_table_of_users_never_shows_their_password_hash():
    from django.contrib.auth.models import User

    User.objects.create_user("ann", password="secret-pw")
    at = run(lambda st: st.table(User.objects.all()))
    assert "Password" not in at.table[0].element.columns
    assert "Username" in at.table[0].element.columns
    assert "md5$" not in table_html(at) and "pbkdf2" not in table_html(at)


def test_foreign_keys_show_the_related_object_only_when_it_is_loaded():
    perm = Permission.objects.select_related("content_type").first()
    plain = Permission.objects.filter(pk=perm.pk)
    joined = plain.select_related("content_type")

    at = run(lambda st: st.table(plain))
    assert at.table[0].value[0]["Content type"] == perm.content_type_id
    at = run(lambda st: st.table(joined))
    assert at.table[0].value[0]["Content type"] == str(perm.content_type)


def test_table_of_a_queryset_skips_deferred_fields_and_adds_annotations():
    from django.db.models import Count

    Group.objects.create(name="g")
    at = run(lambda st: st.table(Group.objects.only("name").annotate(members=Count("user"))))
    assert at.table[0].element.columns == ["ID", "Name", "members"]
    assert at.table[0].value == [{"ID": Group.objects.get().pk, "Name": "g", "members": 0}]


def test_table_from_values_and_values_list_querysets():
    perms = Permission.objects.order_by("codename")
    first = perms.values_list("codename", "name")[0]

    def app(st):
        st.table(perms.values("codename", "name")[:2])
        st.table(perms.values_list("codename", "name")[:2])
        st.table(perms.values_list("codename", flat=True)[:2])
        st.table(perms.none().values("codename"))

    at = run(app)
    assert at.table[0].value[0] == {"codename": first[0], "name": first[1]}
    assert at.table[1].value[0] == {"codename": first[0], "name": first[1]}
    assert at.table[2].value[0] == {"codename": first[0]}
    assert len(at.table[1].value) == 2
    assert at.table[3].value == []


def test_write_shows_a_queryset_and_a_list_of_dicts_as_a_dataframe():
    Group.objects.create(name="staff")

    def app(st):
        st.write("Groups:", Group.objects.all())
        st.write([{"a": 1}])
        st.write([1, 2])

    at = run(app)
    assert at.markdown[0].value == "Groups:"
    assert [row["Name"] for row in at.dataframe[0].value] == ["staff"]
    assert at.dataframe[1].value == [{"a": 1}]
    assert at.json[0].body == [1, 2]
    assert "<table>" in table_html(at, "dataframe")


def test_dataframe_height_index_and_column_order():
    def app(st):
        st.dataframe([{"a": 1, "b": 2, "c": 3}], height=120, hide_index=False, column_order=["c", "a"])
        st.dataframe({"k": 1}, hide_index=True)

    at = run(app)
    first = table_html(at, "dataframe")
    assert 'style="height:120px;max-height:none"' in first
    assert '<th scope="col"></th><th scope="col" class="rx-num">c</th><th scope="col" class="rx-num">a</th>' \
        in first
    assert '<th scope="row">0</th>' in first and ">b</th>" not in first
    assert at.dataframe[0].value == [{"a": 1, "b": 2, "c": 3}]
    assert 'scope="row"' not in table_html(at, "dataframe", 1)


def test_dataframe_refuses_a_bad_height():
    assert "positive number of pixels" in error_of(lambda st: st.dataframe([], height=-5)).message


def test_large_data_is_capped_with_a_caption(monkeypatch):
    monkeypatch.setattr(data_module, "MAX_ROWS", 3)
    for i in range(5):
        Group.objects.create(name=f"g{i}")

    def app(st):
        st.table(Group.objects.order_by("name"))
        st.table([{"n": i} for i in range(10)])
        st.table({"n": i} for i in range(10))

    at = run(app)
    assert [row["Name"] for row in at.table[0].value] == ["g0", "g1", "g2"]
    assert "<caption>Showing the first 3 of 5 rows.</caption>" in table_html(at)
    assert "Showing the first 3 of 10 rows." in table_html(at, index=1)
    assert "<caption>Showing the first 3 rows.</caption>" in table_html(at, index=2)


def test_a_large_table_renders_once_and_a_click_resends_none_of_it(monkeypatch):
    for i in range(200):
        Group.objects.create(name=f"group {i:03}")
    renders = []
    original = Renderer._render_html

    def counting(self, element, eid, context):
        renders.append(element.command)
        return original(self, element, eid, context)

    monkeypatch.setattr(Renderer, "_render_html", counting)

    def app(st):
        st.table(Group.objects.order_by("name"))
        if st.button("Click"):
            st.session_state.clicks = st.session_state.get("clicks", 0) + 1
        st.text(f"Clicks: {st.session_state.get('clicks', 0)}")

    at = run(app)
    assert len(at.table[0].value) == 200 and renders.count("table") == 1
    before = at.app.rendered
    outcome = at.app.handle_event(Event({}, at.button[0].id))
    ops = outcome.ops
    assert ops and all("group 0" not in markup for markup in ops.values())
    assert "Clicks: 1" in "".join(ops.values())
    assert renders.count("table") == 1
    assert diff(before, at.app.rendered) == ops


def test_table_template_cost_for_200_rows_is_one_loop():
    rows = [{"id": i, "name": f"n{i}", "score": i / 3} for i in range(200)]
    at = run(lambda st: st.table(rows))
    markup = table_html(at)
    assert markup.count("<tr>") == 201 and markup.count('<td class="rx-num">') == 400


def test_dataframe_from_pandas():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"x": [1, 2], "label": ["<a>", "b"]}, index=pd.Index(["r1", "r2"], name="row"))

    def app(st):
        st.dataframe(frame)
        st.table(pd.DataFrame({"v": [1.5, float("nan")]}))
        st.write(frame)

    at = run(app)
    assert at.dataframe[0].value is frame  # the DataFrame given, as Streamlit's AppTest
    assert at.dataframe[0].element.index == ["r1", "r2"]
    markup = table_html(at, "dataframe")
    assert '<th scope="col">row</th>' in markup and '<th scope="row">r1</th>' in markup
    assert "&lt;a&gt;" in markup
    assert at.table[0].element.index is None and "<td class=\"rx-num\"></td>" in table_html(at)
    assert len(at.dataframe) == 2


# -- images -------------------------------------------------------------------------------------


def test_image_from_a_url_and_a_site_path_with_alt_from_caption():
    def app(st):
        st.image("https://example.com/a.png?x=1&y=2", caption='A "dog"', width=120)
        st.image("/static/b.png")

    at = run(app)
    assert at.image[0].value == ["https://example.com/a.png?x=1&y=2"]
    first, second = element_html(at, "image"), element_html(at, "image", 1)
    assert 'src="https://example.com/a.png?x=1&amp;y=2"' in first
    assert 'alt="A &quot;dog&quot;"' in first and 'width="120"' in first
    assert "<figcaption>A &quot;dog&quot;</figcaption>" in first
    assert 'src="/static/b.png" alt=""' in second and "figcaption" not in second


@pytest.mark.parametrize(("data", "mime"), [
    (PNG, "image/png"), (JPEG, "image/jpeg"), (GIF, "image/gif"), (WEBP, "image/webp"),
])
def test_image_bytes_become_a_data_uri_of_the_sniffed_type(data, mime):
    at = run(lambda st: st.image(data, caption="pic"))
    assert at.image[0].value == [f"data:{mime};base64,{base64.b64encode(data).decode()}"]


def test_images_from_files_and_several_at_once():
    upload = SimpleUploadedFile("up.png", PNG, content_type="image/png")

    def app(st):
        st.image([io.BytesIO(GIF), upload, "/m/c.png"], caption=["one", "two", "three"],
                 use_container_width=True)

    at = run(app)
    sources = at.image[0].value
    assert sources[0].startswith("data:image/gif;base64,") and sources[1].startswith("data:image/png")
    assert sources[2] == "/m/c.png"
    markup = element_html(at, "image")
    assert markup.count("<figure") == 3 and 'alt="three"' in markup and "rx-image-fill" in markup


def test_image_from_a_model_file_field_uses_its_url():
    from django.core.files.storage import FileSystemStorage
    from django.db.models.fields.files import FieldFile, FileField

    field = FileField(name="photo", storage=FileSystemStorage(base_url="/media/"))
    at = run(lambda st: st.image(FieldFile(None, field, "photos/cat.jpg")))
    assert at.image[0].value == ["/media/photos/cat.jpg"]
    message = error_of(lambda st: st.image(FieldFile(None, field, ""))).message
    assert message == "st.image got the file field 'photo', which has no file."


@pytest.mark.parametrize(("image", "message"), [
    (SVG, "st.image got bytes that are not a PNG, JPEG, GIF or WebP image. SVG is not embedded"),
    (b"hello", "st.image got bytes that are not a PNG"),
    ("javascript:alert(1)", "st.image needs an http(s) URL or a site-relative path"),
    ("data:image/svg+xml;base64,AAAA", "st.image needs an http(s) URL"),
    ("//evil.example/x.png", "st.image needs an http(s) URL"),
    ("photos/cat.png", "st.image needs an http(s) URL"),
    (3.5, "st.image cannot show an object of type `float`"),
])
def test_image_refuses_unsafe_or_unknown_input(image, message):
    error = error_of(lambda st: st.image(image))
    assert error.type == "ReactiveAPIError" and error.message.startswith(message)


@pytest.mark.parametrize(("call", "message"), [
    (lambda st: st.image([PNG, PNG], caption=["only one"]), "Cannot pair 1 captions with 2 images."),
    (lambda st: st.image(PNG, width=0), "Image width must be positive."),
])
def test_image_argument_errors(call, message):
    assert error_of(call).message == message


# -- expander -----------------------------------------------------------------------------------


def test_expander_in_both_forms():
    def app(st):
        with st.expander("Details *here*", icon="🔎"):
            st.text("inside with")
        exp = st.expander("Open", expanded=True)
        exp.text("inside method")
        st.text("after")

    at = run(app)
    assert [e.label for e in at.expander] == ["Details *here*", "Open"]
    assert at.text.values == ["inside with", "inside method", "after"]
    page = html(at)
    first = page[page.index("<details"):page.index("</details>")]
    assert "<summary>" in first and "<em>here</em>" in first and "🔎" in first
    assert "inside with" in first and " open" not in first
    assert '<details class="rx rx-expander" data-reactive-id="m.1" open>' in page
    assert page.index("inside method") < page.index("after")


def test_expander_needs_a_label():
    assert error_of(lambda st: st.expander(None)).message == "The `label` parameter is required."


# -- tabs ---------------------------------------------------------------------------------------


def test_tabs_in_both_forms_and_without_javascript():
    def app(st):
        one, two = st.tabs(["One", "Two <b>"])
        with one:
            st.text("first")
        two.text("second")

    at = run(app)
    assert at.tabs[0].value == ["One", "Two <b>"]
    assert at.text.values == ["first", "second"]
    page = html(at)
    radio = r'<input type="radio" class="rx-tab-radio" name="([^"]+)" value="(\d)"( checked)?>'
    radios = re.findall(radio, page)
    assert [(value, checked) for _, value, checked in radios] == [("0", " checked"), ("1", "")]
    assert len({name for name, _, _ in radios}) == 1
    assert 'role="radiogroup"' in page and "Two &lt;b&gt;" in page and "<b>" not in page
    assert page.index("first") < page.index("second")
    # Each panel is named after its tab and shown by a rule keyed on its position.
    assert '<section class="rx rx-tab" data-reactive-id="m.0.1" aria-label="Two &lt;b&gt;">' in page
    # The stylesheet shows the chosen panel: no inline <style> (strict CSP) up to 20 tabs.
    assert "<style>" not in page


def test_tabs_beyond_twenty_bring_the_rules_for_the_extra_ones():
    page = html(run(lambda st: st.tabs([f"t{n}" for n in range(1, 23)])))
    style = re.search(r"<style>(.*?)</style>", page).group(1)
    assert ":nth-child(21)>:checked)>.rx-tab:nth-of-type(21){display:flex}" in style
    assert ":nth-child(22)>:checked)" in style and ":nth-child(20)>" not in style


def test_two_tab_groups_do_not_share_radio_names():
    def app(st):
        st.tabs(["a", "b"])
        st.tabs(["c", "d"])

    names = set(re.findall(r'class="rx-tab-radio" name="([^"]+)"', html(run(app))))
    assert len(names) == 2


@pytest.mark.parametrize(("labels", "message"), [
    ([], "The input argument to st.tabs must contain at least one tab label."),
    (["a", 1], "The tabs input list to st.tabs is only allowed to contain strings."),
])
def test_tabs_validation(labels, message):
    assert error_of(lambda st: st.tabs(labels)).message == message


def test_a_change_inside_a_tab_patches_only_that_tab():
    def app(st):
        one, two = st.tabs(["One", "Two"])
        one.text("static")
        if two.button("More"):
            two.text("added")

    at = run(app)
    outcome = at.app.handle_event(Event({}, at.button[0].id))
    assert list(outcome.ops) == ["m.0.1"]
    assert "rx-tab-radio" not in outcome.ops["m.0.1"]


# -- empty --------------------------------------------------------------------------------------


def test_empty_keeps_only_the_last_element():
    def app(st):
        ph = st.empty()
        ph.text("a")
        ph.text("b")
        with st.empty():
            st.text("c")
            st.markdown("d")
        cleared = st.empty()
        cleared.text("gone")
        cleared.empty()
        st.text("end")

    at = run(app)
    assert at.text.values == ["b", "end"] and at.markdown.values == ["d"]
    page = html(at)
    assert ">a<" not in page and "gone" not in page and ">c<" not in page


def test_empty_with_a_container_holds_several_elements():
    def app(st):
        ph = st.empty()
        ph.text("old")
        with ph.container():
            st.text("x")
            st.text("y")

    assert run(app).text.values == ["x", "y"]


def test_empty_replaces_its_content_across_reruns():
    def app(st):
        ph = st.empty()
        if st.button("Next"):
            st.session_state.step = st.session_state.get("step", 0) + 1
        step = st.session_state.get("step", 0)
        if step == 0:
            ph.text("waiting")
        elif step == 1:
            ph.metric("Done", 1)
        else:
            ph.empty()

    at = run(app)
    assert at.text.values == ["waiting"]
    at.button[0].click().run()
    assert at.text.values == [] and at.metric[0].value == "1"
    outcome = at.app.handle_event(Event({}, at.button[0].id))
    # The placeholder's single slot now holds an empty placeholder: only that slot is sent.
    assert list(outcome.ops) == ["m.0.0"] and "Done" not in outcome.ops["m.0.0"]
    assert "Done" not in html(at)


def test_dataframe_and_table_take_streamlit_1_67_sizing_and_options():
    def app(st):
        st.dataframe([{"a": 1}], use_container_width=True)
        st.dataframe([{"a": 1}], width=300, height=200, alt="Sales")
        st.dataframe([{"a": 1}], height="auto")
        st.table([{"a": 1}], width="content", hide_header=True, hide_index=False)

    at = run(app)
    assert [d.value for d in at.dataframe] == [[{"a": 1}]] * 3
    assert 'style="width:300px;max-width:100%;height:200px;max-height:none"' in at.dataframe[1].html
    assert 'aria-label="Sales"' in at.dataframe[1].html
    table = at.table[0].html
    assert "width:fit-content" in table and "<thead hidden>" in table and '<th scope="row">0</th>' in table


def test_dataframe_selections_are_refused_with_a_clear_error():
    at = run(lambda st: st.dataframe([{"a": 1}], on_select="rerun"))
    assert "on_select=...) (row and column selections) is not supported" in at.exception[0].message
