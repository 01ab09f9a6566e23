"""The library's own texts (widget chrome, notices) follow the active language; English is the default."""

import datetime as dt

import pytest
from django.contrib import messages
from django.utils import translation

from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db


def chrome(st):
    st.selectbox("Pick", ["a", "b"], index=None)
    with st.form("f"):
        st.text_input("Name")
        st.form_submit_button()
    with st.form("g"):
        st.text_input("Other")
    st.metric("Sales", 10, 2)
    st.metric("Costs", 10, -2)
    st.progress(50)
    st.tabs(["One", "Two"])
    st.slider("Range", 0, 10, (2, 5))
    st.select_slider("Size", ["S", "M", "L"], value=("S", "L"))
    st.date_input("Dates", (dt.date(2024, 1, 1), dt.date(2024, 1, 5)))
    st.multiselect("Tags", ["x", "y"], max_selections=1)
    st.table([])
    st.dataframe([{"n": i} for i in range(5)])
    messages.error(st.request, "Failed")


#: (English, French) for every text the library itself puts on the page above.
TEXTS = [
    (">Choose an option</option>", ">Choisissez une option</option>"),
    (">Submit</button>", ">Envoyer</button>"),
    ("<strong>Missing Submit Button</strong><br>This form has no submit button",
     "<strong>Bouton d’envoi manquant</strong><br>Ce formulaire n’a pas de bouton d’envoi"),
    ('aria-label="Up"', 'aria-label="Hausse"'),
    ('aria-label="Down"', 'aria-label="Baisse"'),
    ('aria-label="Progress"', 'aria-label="Progression"'),
    ('role="radiogroup" aria-label="Tabs"', 'role="radiogroup" aria-label="Onglets"'),
    ('aria-label="Range (low)"', 'aria-label="Range (minimum)"'),
    ('aria-label="Size (high)"', 'aria-label="Size (maximum)"'),
    ('aria-label="Dates (start)"', 'aria-label="Dates (début)"'),
    ('aria-label="Dates (end)"', 'aria-label="Dates (fin)"'),
    (">Select at most 1.</small>", ">Choisissez-en 1 au plus.</small>"),
    ('aria-label="Table"', 'aria-label="Tableau"'),
    ("No rows.", "Aucune ligne."),
    ('aria-label="Data frame"', 'aria-label="Tableau de données"'),
    ('<span class="rx-message-level">Error:</span>', '<span class="rx-message-level">Erreur:</span>'),
]


def page(at) -> str:
    return at.page_html


def test_english_by_default():
    html = page(AppTest.from_function(chrome).run())
    for english, french in TEXTS:
        assert english in html and french not in html


def test_french_when_french_is_active():
    with translation.override("fr"):
        html = page(AppTest.from_function(chrome).run())
    for english, french in TEXTS:
        assert french in html and english not in html


def test_a_page_follows_a_change_of_language():
    at = AppTest.from_function(chrome).run()
    with translation.override("fr"):
        assert ">Choisissez une option<" in page(at.run())
    assert ">Choose an option<" in page(at.run())


def test_state_does_not_depend_on_the_language():
    at = AppTest.from_function(chrome).run()
    with translation.override("fr"):
        french = AppTest.from_function(chrome).run()
    assert [w.id for w in at.button] == [w.id for w in french.button]
    assert at.selectbox[0].id == french.selectbox[0].id
    # Streamlit's automatic key of a submit button keeps Streamlit's English label.
    assert "FormSubmitter:f-Submit" in french.session_state
    assert french.button[0].label == "Submit"


def test_truncated_tables_in_french(monkeypatch):
    from django_reactive.elements import data

    monkeypatch.setattr(data, "MAX_ROWS", 3)

    def app(st):
        st.table([{"n": i} for i in range(1500)])
        st.table({"n": i} for i in range(10))

    with translation.override("fr"):
        html = page(AppTest.from_function(app).run())
    assert "<caption>Affichage des 3 premières lignes sur 1\xa0500.</caption>" in html
    assert "<caption>Affichage des 3 premières lignes.</caption>" in html
    assert "<caption>Showing the first 3 of 1,500 rows.</caption>" in page(AppTest.from_function(app).run())


def test_the_spinners_default_text():
    def app(st):
        with st.spinner():
            st.text("working")

    for language, text in (("en", "In progress..."), ("fr", "En cours…")):
        at = AppTest.from_function(app)
        patches = []
        at.app.stream(patches.append)
        with translation.override(language):
            at.run()
        assert any(text in html for ops in patches for html in ops.values())


def test_the_page_declares_its_language(client):
    assert '<html lang="en-us">' in client.get("/counter/").content.decode()
    with translation.override("fr"):
        assert '<html lang="fr">' in client.get("/counter/").content.decode()
