"""st.secrets: Streamlit's read-only secrets, from REACTIVE["SECRETS"] (and AppTest.secrets)."""

import pytest
from django.test import override_settings

from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db


def script():
    from django_reactive import st

    st.text(st.secrets["api_key"])
    st.text(st.secrets.db.user)
    st.text(str("missing" in st.secrets))
    st.write(st.secrets.db)


@override_settings(REACTIVE={"SECRETS": {"api_key": "k-1", "db": {"user": "ann", "port": 5432}}})
def test_secrets_come_from_the_setting_with_items_attributes_and_sections():
    at = AppTest.from_function(script).run()
    assert at.text.values == ["k-1", "ann", "False"]
    assert at.json[0].body == {"user": "ann", "port": 5432}


def test_a_test_sets_its_own_secrets_as_with_streamlits_apptest():
    at = AppTest.from_function(script)
    at.secrets["api_key"] = "test-key"
    at.secrets["db"] = {"user": "bob"}
    at.run()
    assert at.text.values[:2] == ["test-key", "bob"]


def test_a_missing_secret_and_writes_are_errors_with_streamlits_words():
    def app(st):
        try:
            st.secrets["nope"]
        except KeyError as exc:
            st.text(exc.args[0])
        try:
            st.secrets.nope  # noqa: B018
        except AttributeError as exc:
            st.text(str(exc))
        try:
            st.secrets["x"] = 1
        except TypeError as exc:
            st.text(str(exc))

    at = AppTest.from_function(app).run()
    assert at.text.values[0].startswith('st.secrets has no key "nope".')
    assert at.text.values[1].startswith('st.secrets has no attribute "nope".')
    assert at.text.values[2] == "Secrets does not support item assignment."
