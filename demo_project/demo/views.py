"""The demos: Streamlit's session-state examples, written as Django views."""

from django.shortcuts import render

import django_reactive as reactive

DEMOS = [
    ("counter", "Counter", "Increment and decrement a count kept in session state."),
    ("mirrored", "Mirrored inputs", "Two text inputs whose callbacks copy each value into the other."),
]


def home(request):
    return render(request, "home.html", {"demos": DEMOS})


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
