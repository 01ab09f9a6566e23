"""The demos: Streamlit's session-state examples, written as Django views."""

import datetime

from django.shortcuts import render

import django_reactive as reactive

DEMOS = [
    ("counter", "Counter", "Increment and decrement a count kept in session state."),
    ("mirrored", "Mirrored inputs", "Two text inputs whose callbacks copy each value into the other."),
    ("widgets", "Widget gallery", "Toggle, radio, multiselect, select slider, text area, date, time, color."),
    ("pagination", "Pagination", "Page through 5,000 books with Previous/Next, a page size and a jump."),
    ("dependent-selects", "Dependent selects", "A country, then one of its cities, from the database."),
    ("charts", "Charts", "A bar chart of city populations from a values() queryset, filtered by country."),
    ("tic-tac-toe", "Tic Tac Toe", "Two players on one page, the board in session state."),
    ("battleship", "Battleship", "Find the computer's fleet before you run out of shots."),
    ("annotation", "Image annotation", "Label images one after another, with undo."),
    ("signup", "Signup form", "A form whose values are checked when it is submitted."),
    ("chat", "Chat", "An echo assistant streaming its reply word by word, the history in session state."),
    ("embedded", "Embedded views", "A plain Django template embedding two views with {% reactive_view %}."),
]


def home(request):
    return render(request, "home.html", {"demos": DEMOS})


def embedded(request):
    """An ordinary Django view whose template embeds reactive views."""
    return render(request, "embedded.html")


@reactive.view(title="Counter")
def counter(st):
    st.title("Counter Example")
    if "count" not in st.session_state:
        st.session_state.count = 0
    increment = st.button("Increment")
    if increment:
        st.session_state.count += 1
    decrement = st.button("Decrement")
    if decrement:
        st.session_state.count -= 1
    st.write("Count = ", st.session_state.count)


@reactive.view(title="Mirrored inputs")
def mirrored(st):
    def first_changed():
        st.session_state.second = st.session_state.first

    def second_changed():
        st.session_state.first = st.session_state.second

    st.title("Mirrored inputs")
    st.text_input("First", key="first", on_change=first_changed)
    st.text_input("Second", key="second", on_change=second_changed)


@reactive.view(title="Widget gallery")
def widgets(st):
    st.title("Widget gallery")
    st.caption(":material/touch_app: Change any widget: what the view reads is written below it.")
    dark = st.toggle("Dark mode")
    st.write("Dark mode:", dark)
    size = st.radio("Size", ["Small", "Medium", "Large"], index=1, horizontal=True)
    st.write("Size:", size)
    toppings = st.multiselect("Toppings", ["Cheese", "Ham", "Mushrooms", "Olives"], default=["Cheese"])
    st.write("Toppings:", ", ".join(toppings) or "none")
    spice = st.select_slider("Spice", ["mild", "medium", "hot", "very hot"], value="medium")
    st.write("Spice:", spice)
    notes = st.text_area("Notes", placeholder="Anything else?")
    st.write("Notes:", notes or "none")
    day = st.date_input("Delivery date", datetime.date(2025, 6, 1))
    st.write("Delivery date:", day)
    hour = st.time_input("Delivery time", datetime.time(18, 30))
    st.write("Delivery time:", hour)
    color = st.color_picker("Box color", "#1e90ff")
    st.write("Box color:", color)
