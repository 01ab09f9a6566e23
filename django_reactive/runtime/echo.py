"""``with st.echo():``: show the code of the block, then what it shows (Streamlit's ``st.echo``)."""

from __future__ import annotations

import ast
import linecache
import textwrap


def block_source(filename: str, with_line: int) -> str | None:
    """The dedented source of the body of the ``with`` statement on ``with_line`` of ``filename``.

    None when the file cannot be read (code typed into a shell) or holds no
    such statement.
    """
    linecache.checkcache(filename)  # a script file may have changed since it was last read
    lines = linecache.getlines(filename)
    if not lines:
        return None
    try:
        tree = ast.parse("".join(lines))
    except SyntaxError:
        return None
    for node in ast.walk(tree):
        if isinstance(node, (ast.With, ast.AsyncWith)) and node.lineno == with_line and node.body:
            first, last = node.body[0].lineno, node.body[-1].end_lineno or node.body[-1].lineno
            return textwrap.dedent("".join(lines[first - 1:last])).rstrip("\n")
    return None
