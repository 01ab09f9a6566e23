"""Streamlit "magic" in script files: a bare expression line is shown as st.write shows it.

Each test names the Streamlit 1.67 rule it checks (streamlit/runtime/scriptrunner/
magic.py, default configuration), observed there with AppTest.from_string.
"""

import textwrap

import pytest

from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db

HEADER = "from django_reactive import st\n"


def run(tmp_path, source, header=True):
    """Run ``source`` (dedented; after the ``st`` import line unless ``header=False``) as app.py."""
    path = tmp_path / "app.py"
    path.write_text((HEADER if header else "") + textwrap.dedent(source).lstrip("\n"))
    return AppTest.from_file(path).run()


def shown(at):
    """(command, value) of every element of the main area, in page order."""
    return [(e.type, e.value) for e in at.main]


def markdown(at):
    return [e.value for e in at.main if e.type == "markdown"]


def test_a_bare_expression_is_shown_as_st_write_shows_it(tmp_path):
    at = run(tmp_path, """
        x = 3
        x
        "**bold**"
        x + 1
        """)
    assert markdown(at) == ["`3`", "**bold**", "`4`"]


def test_a_bare_list_or_dict_is_shown_as_json_as_st_write_does(tmp_path):
    at = run(tmp_path, """
        [1, 2]
        st.write([1, 2])
        """)
    assert shown(at)[0] == shown(at)[1]
    assert len(at.main) == 2


def test_a_tuple_is_written_as_several_arguments(tmp_path):
    # Streamlit: ``a, b`` becomes st.write(a, b), so strings join into one Markdown.
    at = run(tmp_path, """
        name = "Ada"
        "Hello,", name
        """)
    assert markdown(at) == ["Hello, Ada"]


def test_the_module_docstring_is_not_shown_but_a_later_string_is(tmp_path):
    at = run(tmp_path, header=False, source='''
        """The module docstring."""
        from django_reactive import st
        "a later string"
        ''')
    assert markdown(at) == ["a later string"]


def test_the_first_string_is_the_docstring_even_without_imports_after_it(tmp_path):
    at = run(tmp_path, header=False, source='''
        "first string: the docstring"
        "second string: shown"
        ''')
    assert markdown(at) == ["second string: shown"]


def test_a_first_f_string_or_bytes_is_not_a_docstring_and_is_shown(tmp_path):
    at = run(tmp_path, header=False, source='''
        f"f-string {1 + 1}"
        ''')
    assert markdown(at) == ["f-string 2"]
    at = run(tmp_path, header=False, source='''
        b"bytes"
        ''')
    assert markdown(at) == ["`b'bytes'`"]


def test_calls_are_not_shown_neither_st_calls_nor_other_calls(tmp_path):
    # Streamlit skips every expression statement that is a call, not only st.* ones;
    # the return value of len() or of a helper is not written.
    at = run(tmp_path, """
        st.text("from st.text")
        len("abc")
        def helper():
            return "helper's value"
        helper()
        """)
    assert shown(at) == [("text", "from st.text")]


def test_only_the_statement_being_a_call_is_skipped_not_an_expression_using_one(tmp_path):
    at = run(tmp_path, """
        len("abc") + 1
        not len("")
        """)
    assert markdown(at) == ["`4`", "`True`"]


def test_a_trailing_semicolon_does_not_suppress_the_line(tmp_path):
    # Streamlit 1.67: ``;`` only matters with the hidden, off-by-default option
    # magic.displayLastExprIfNoSemicolon; by default ``x;`` is shown like ``x``.
    at = run(tmp_path, """
        x = 5
        x;
        "last line";
        """)
    assert markdown(at) == ["`5`", "last line"]


def test_expressions_inside_if_elif_else_are_shown(tmp_path):
    at = run(tmp_path, """
        for n in (1, 2, 3):
            if n == 1:
                "if"
            elif n == 2:
                "elif"
            else:
                "else"
        """)
    assert markdown(at) == ["if", "elif", "else"]


def test_expressions_inside_for_and_while_and_their_else_are_shown(tmp_path):
    at = run(tmp_path, """
        for i in range(2):
            i
        else:
            "for else"
        n = 0
        while n < 1:
            n += 1
            "in while"
        else:
            "while else"
        """)
    assert markdown(at) == ["`0`", "`1`", "for else", "in while", "while else"]


def test_expressions_inside_with_blocks_are_shown(tmp_path):
    at = run(tmp_path, """
        with st.expander("E"):
            "in with"
        """)
    [expander] = at.expander
    assert [child.value for child in expander.element.children] == ["in with"]


def test_expressions_inside_try_except_else_finally_are_shown(tmp_path):
    at = run(tmp_path, """
        try:
            "in try"
            raise ValueError
        except ValueError:
            "in except"
        finally:
            "in finally"
        try:
            pass
        except ValueError:
            pass
        else:
            "in try else"
        """)
    assert markdown(at) == ["in try", "in except", "in finally", "in try else"]


def test_expressions_inside_match_cases_are_shown(tmp_path):
    at = run(tmp_path, """
        match 3:
            case 3:
                "in case"
        """)
    assert markdown(at) == ["in case"]


def test_expressions_inside_functions_defined_in_the_script_are_shown(tmp_path):
    at = run(tmp_path, """
        def outer():
            "outer's docstring"
            "in outer"
            def inner():
                "inner's docstring"
                "in inner"
            inner()
        outer()
        """)
    assert markdown(at) == ["in outer", "in inner"]


def test_docstrings_of_functions_and_methods_are_not_shown(tmp_path):
    at = run(tmp_path, """
        def f():
            "f's docstring"
        f()
        class A:
            def m(self):
                "m's docstring"
                "in method"
        A().m()
        """)
    assert markdown(at) == ["in method"]


def test_a_class_body_is_not_shown_only_its_methods(tmp_path):
    # Streamlit walks a class only for the methods defined directly in it: its
    # docstring, bare expressions and nested classes are not shown.
    at = run(tmp_path, """
        class A:
            "class docstring"
            "class body"
            if True:
                "in an if of the class body"
            class Inner:
                def m(self):
                    "docstring"
                    "in a nested class's method"
            def m(self):
                "docstring"
                "in method"
        A.Inner().m()
        A().m()
        """)
    assert markdown(at) == ["in method"]


def test_a_string_first_in_a_block_other_than_a_function_is_shown(tmp_path):
    # Only a module's or function's first string is a docstring.
    at = run(tmp_path, """
        def f():
            if True:
                "first in an if inside a function"
        f()
        """)
    assert markdown(at) == ["first in an if inside a function"]


def test_awaits_are_not_shown_but_other_lines_of_async_functions_are(tmp_path):
    at = run(tmp_path, """
        import asyncio
        async def value():
            return "awaited value"
        async def main():
            await value()
            "in async def"
        asyncio.run(main())
        """)
    assert markdown(at) == ["in async def"]


def test_yield_and_yield_from_are_not_shown(tmp_path):
    at = run(tmp_path, """
        def gen():
            yield "yielded"
            (yield "yielded in parentheses")
            yield from ["yielded from"]
            "in generator"
        values = list(gen())
        """)
    assert markdown(at) == ["in generator"]


def test_magic_keeps_the_value_and_its_evaluation(tmp_path):
    # The wrapped line is evaluated once, with its side effects.
    at = run(tmp_path, """
        items = []
        items.append(1) or "appended"
        st.text(str(items))
        """)
    assert shown(at) == [("markdown", "appended"), ("text", "[1]")]


def test_magic_adds_no_name_to_the_script_globals(tmp_path):
    at = run(tmp_path, """
        before = set(globals())
        1
        st.text(str(sorted(set(globals()) - before - {"before"})))
        """)
    assert at.text[0].value == "[]"


def test_line_numbers_in_tracebacks_stay_right(tmp_path):
    at = run(tmp_path, """
        import traceback
        "a shown line"
        data = {}
        try:
            data["missing"]
        except KeyError as error:
            frame = traceback.extract_tb(error.__traceback__)[-1]
            st.text(f"{frame.lineno}: {frame.line}")
        """)
    assert at.text[0].value == "6: data[\"missing\"]"


def test_an_uncaught_error_on_a_magic_line_reports_the_script_line(tmp_path, settings):
    settings.DEBUG = True
    at = run(tmp_path, """
        "line 2"
        x = 0

        1 / x
        """)
    [error] = at.exception
    assert error.type == "ZeroDivisionError"
    assert 'app.py", line 5' in error.element.traceback
    assert "1 / x" in error.element.traceback


def test_a_syntax_error_names_the_script_file_and_line(tmp_path):
    path = tmp_path / "broken.py"
    path.write_text(HEADER + "x = (\n")
    at = AppTest.from_file(path).run()
    [error] = at.exception
    assert error.type == "SyntaxError"
    assert error.value == "'(' was never closed (broken.py, line 2)"


def test_from_future_imports_in_the_script_still_work(tmp_path):
    at = run(tmp_path, header=False, source='''
        """Docstring."""
        from __future__ import annotations
        from django_reactive import st
        def f(x: NotDefined) -> None:
            pass
        "ok"
        ''')
    assert markdown(at) == ["ok"]


def test_reactive_view_functions_do_not_get_magic():
    def page(st):
        "a bare string in a view function"
        "another"
        st.text("only this")

    at = AppTest.from_function(page).run()
    assert shown(at) == [("text", "only this")]


# -- views opt in ---------------------------------------------------------------------------------


def magic_view(st):
    """The view's docstring is not shown."""
    "Hello from a view"
    count = 2
    count * 10
    if count:
        f"count is {count}"


def test_a_view_opts_in_with_magic_true():
    import django_reactive as reactive

    view = reactive.ReactiveView(magic_view, name="tests.magic_view", magic=True)
    at = AppTest.from_view(view).run()
    assert [m.value for m in at.markdown] == ["Hello from a view", "`20`", "count is 2"]
    plain = AppTest.from_view(reactive.ReactiveView(magic_view, name="tests.plain_view")).run()
    assert not plain.markdown


def test_magic_for_a_closure_is_refused_at_definition():
    from django.core.exceptions import ImproperlyConfigured

    import django_reactive as reactive

    outer = 1

    def closure(st):
        outer  # noqa: B018 - a magic line

    with pytest.raises(ImproperlyConfigured, match="uses outer of an enclosing function"):
        reactive.ReactiveView(closure, name="tests.closure", magic=True)


def failing_magic_view(st):
    zero = 0
    "shown first"
    1 / zero


def test_a_magic_views_traceback_points_at_its_own_line():
    import traceback

    import django_reactive as reactive

    view = reactive.ReactiveView(failing_magic_view, name="tests.failing_magic", magic=True)
    at = AppTest.from_view(view).run()
    assert at.markdown[0].value == "shown first"
    error = at.exception[0].element.exception
    line = traceback.extract_tb(error.__traceback__)[-1].lineno
    assert line == failing_magic_view.__code__.co_firstlineno + 3
