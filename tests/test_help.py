"""st.help: an object's name, type, value, docstring and members, as Streamlit 1.67 describes them.

What is shown and in which order was observed with Streamlit's AppTest
(``at.help``: ``name``, ``value``, ``doc_string``); the page shows it in an
accessible layout, and members that look like secrets are masked.
"""

import pytest

from django_reactive.errors import ReactiveValueError
from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db


class Dog:
    """A typical dog.

    It barks."""

    legs = 4
    password = "hunter2"

    def __init__(self, breed):
        self.breed = breed

    def bark(self):
        """Say woof.

        Loudly."""
        return "Woof"

    @property
    def loud(self):
        """Whether it is loud."""
        raise AssertionError("st.help must not run a property")

    class Puppy:
        """A small dog."""


class Undocumented:
    pass


def run(app, **kwargs):
    at = AppTest.from_function(app, **kwargs).run()
    assert not at.exception, at.exception[0].message
    return at


def test_an_instance_shows_its_name_type_signature_docstring_and_members():
    def app(st):
        fido = Dog("poodle")
        st.help(fido)

    helped = run(app).help[0]
    assert helped.type == "help_info"
    assert helped.name == "fido" and helped.value == "fido"  # the value is a signature: the name is shown
    assert helped.object_type == "Dog"
    assert helped.shown_value == "tests.test_help.Dog(breed)"
    assert helped.doc_string == "A typical dog.\n\nIt barks."
    # Values and properties first, then callables, then classes; each group by name.
    assert [(m.name, m.type, m.value, m.doc_string) for m in helped.members] == [
        ("breed", "str", "'poodle'", None),
        ("legs", "int", "4", None),
        ("loud", "property", None, "Whether it is loud."),
        ("password", "str", "'********************'", None),
        ("bark", "method", None, "Say woof."),
        ("Puppy", "class", None, "A small dog."),
    ]


def test_the_name_is_what_the_caller_wrote():
    def app(st):
        st.help(Dog("a").bark)
        st.help(dog := Dog("b"))
        st.text(dog.breed)
        st.help("hello")
        st.help(42)

    at = run(app)
    assert [h.name for h in at.help] == ["Dog(\"a\").bark", "dog", "", ""]
    assert [h.value for h in at.help] == ["Dog(\"a\").bark", "dog", "'hello'", "42"]
    assert at.help[3].object_type == "int" and at.help[3].doc_string.startswith("int([x]) -> integer")


def test_a_long_value_is_cut_at_300_characters():
    at = run(lambda st: st.help("x" * 400))
    assert at.help[0].value == "'" + "x" * 299 + "..."


def test_without_an_argument_it_describes_st_and_its_commands():
    helped = run(lambda st: st.help()).help[0]
    assert helped.name == "" and helped.object_type == "module"
    assert helped.value == "django_reactive.st"
    members = {m.name: m for m in helped.members}
    assert members["button"].type == "function" and members["write"].type == "function"
    assert members["write"].doc_string.startswith("Show each argument as Streamlit 1.67's")
    assert members["help"].doc_string.startswith("``st.help(obj)``")
    # Properties are described, never read: st.secrets and st.session_state show no values.
    assert (members["secrets"].type, members["secrets"].value) == ("property", None)
    assert (members["session_state"].type, members["session_state"].value) == ("property", None)


def test_st_secrets_show_no_values():
    at = AppTest.from_function(lambda st: st.help(st.secrets))
    at.secrets["api"] = {"token": "s3cr3t"}
    at.run()
    assert "s3cr3t" not in at.help[0].shown_value and "s3cr3t" not in at.help[0].html
    assert all(m.value is None for m in at.help[0].members)


def test_an_object_without_a_docstring_says_so_on_the_page():
    at = run(lambda st: st.help(Undocumented))
    assert at.help[0].doc_string == ""
    assert "No docs available" in at.help[0].html


def test_the_page_shows_a_labelled_section_and_a_table_of_members():
    def app(st):
        st.help(Dog("<b>bold</b>"))

    html = run(app).help[0].html
    assert 'data-rx-assets="/static/django_reactive/help.css"' in html
    assert '<section class="rx-doc" aria-labelledby="rx-apptest-app-m.0-doc">' in html
    assert ('id="rx-apptest-app-m.0-doc"><code class="rx-doc-name">'
            'Dog(&quot;&lt;b&gt;bold&lt;/b&gt;&quot;)</code>') in html
    assert '<th scope="col">Member</th><th scope="col">Type</th><th scope="col">Value or summary</th>' in html
    assert '<th scope="row"><code>breed</code></th><td class="rx-doc-type">str</td>' in html
    assert "<b>bold</b>" not in html and "&#x27;&lt;b&gt;bold&lt;/b&gt;&#x27;" in html
    assert 'role="region" aria-label="Members" tabindex="0"' in html


def test_help_returns_a_handle_and_takes_a_width():
    def app(st):
        st.help(len, width=300)

    at = run(app)
    assert 'style="width:300px;max-width:100%"' in at.help[0].html
    failed = AppTest.from_function(lambda st: st.help(len, width=0)).run()
    assert failed.exception[0].type == ReactiveValueError.__name__
    assert failed.exception[0].message == (
        "Invalid width value: 0. Width must be either a positive integer (pixels) or 'stretch'.")


def test_a_container_handle_shows_help_inside_it():
    def app(st):
        with st.expander("Docs"):
            st.help(len)

    at = run(app)
    assert at.expander[0].help[0].name == "len"


def test_help_on_a_user_and_a_model_class_does_not_show_the_password_hash():
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user("ada", password="correct horse")

    def app(st):
        st.help(user)
        st.help(Group)

    at = run(app)
    members = {m.name: m for m in at.help[0].members}
    assert members["username"].value == "'ada'"
    assert members["password"].value == "'********************'"
    assert user.password not in at.page_html
    assert at.help[1].object_type == "class" and at.help[1].name == "Group"
