"""Pagination: page through thousands of rows, reading only the current page from the database."""

import math

import django_reactive as reactive

from ..models import Book
from . import show_source


@reactive.view(title="Pagination")
def pagination(st):
    def turn(step):
        st.session_state.page += step

    def back_to_first_page():
        st.session_state.page = 1

    st.title("Pagination")
    books = Book.objects.order_by("title", "author", "pk")
    total = books.count()
    size = st.selectbox("Books per page", [10, 25, 50], key="size",
                        on_change=back_to_first_page)
    pages = max(1, math.ceil(total / size))
    # The page number is session state, bound to the number input by its key.
    page = st.number_input("Jump to page", min_value=1, max_value=pages,
                           key="page")

    start = (page - 1) * size
    rows = books[start:start + size].values("title", "author", "year")
    st.dataframe(rows, hide_index=True)

    back, where, forward = st.columns([1, 2, 1], vertical_alignment="center")
    back.button("Previous", on_click=turn, args=(-1,), disabled=page == 1)
    where.markdown(f"Page {page} of {pages} ({total:,} books)")
    forward.button("Next", on_click=turn, args=(1,), disabled=page == pages)

    show_source(st, pagination)
