"""Reactive views that exist only for the benchmarks."""

from __future__ import annotations

from typing import Any

import django_reactive as reactive
from demo_project.demo.views import counter

#: Rows of the table shown under the counter.
TABLE_ROWS = 200


def product_rows(count: int = TABLE_ROWS) -> list[dict[str, Any]]:
    """A deterministic table of ``count`` products, four columns of text and numbers."""
    return [
        {"#": i, "Product": f"Product {i:03d}", "Price": round(2.5 + (i * 37 % 1000) / 10, 2),
         "In stock": i * 7 % 50}
        for i in range(1, count + 1)
    ]


@reactive.view(name="bench.table_counter", title="Counter and table")
def table_counter(st: Any) -> None:
    """The demo's counter, unchanged, with a 200-row ``st.table`` under it that no click changes.

    The rows are built on every run, as a script that reads its data would.
    """
    counter(st)
    st.table(product_rows())
