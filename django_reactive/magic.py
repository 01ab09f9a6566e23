"""Streamlit "magic" for script files.

A bare expression on its own line in a script file is shown as ``st.write``
shows it, with Streamlit 1.67's rules (its default configuration):

- every expression statement is shown, at the top level and inside ``if``/
  ``elif``/``else``, ``for``/``while`` (and their ``else``), ``with``, ``try``
  (``except``, ``else``, ``finally``), ``match`` cases, functions (also nested
  and ``async``) and the methods of classes;
- not shown: calls (``st.title(...)``, ``len(x)``; only when the statement *is*
  the call), ``await ...``, ``yield``/``yield from``, the module's docstring and
  a function's or method's docstring (its first statement being a string), and
  anything written directly in a class body;
- a tuple (``a, b``) is shown as ``st.write(a, b)``;
- a trailing ``;`` suppresses nothing.

The statement's value is kept (the helper returns it), so line numbers and the
statement's effects are unchanged.
"""

from __future__ import annotations
import __future__

import ast
import inspect
import textwrap
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ImproperlyConfigured

__all__ = ["compile_script", "magic_function", "magic_write", "transform"]

#: Where magic lines find :func:`magic_write` at run time (through ``__import__``,
#: so no name is added to the script's globals).
_HELPER_MODULE = __name__
_HELPER_NAME = "magic_write"

# A string first in these bodies is a docstring, not shown.
_DOCSTRING_PARENTS = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef)
# Expression statements that are not shown.
_NOT_SHOWN = (ast.Call, ast.Await, ast.Yield, ast.YieldFrom)


def magic_write(*values: Any) -> Any:
    """What a magic line runs: ``st.write(*values)`` on the current run, then the value."""
    from . import st

    st.write(*values)
    return values[0] if len(values) == 1 else values


class _Magic(ast.NodeTransformer):
    """Wraps the expression statements that Streamlit's magic shows.

    Only statement bodies are walked (expressions hold no statements), and a
    class body only for the methods defined directly in it, as Streamlit does.
    """

    def __init__(self) -> None:
        self._docstrings: set[int] = set()

    def _mark_docstring(self, node: ast.Module | ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        first = node.body[0] if node.body else None
        if (isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)):
            self._docstrings.add(id(first))

    def visit_Module(self, node: ast.Module) -> ast.AST:
        self._mark_docstring(node)
        return self.generic_visit(node)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.AST:
        self._mark_docstring(node)
        return self.generic_visit(node)

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> ast.AST:
        self._mark_docstring(node)
        return self.generic_visit(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> ast.AST:
        # The class body itself (docstring, attributes, nested classes) is not
        # shown; its methods are walked like functions.
        node.body = [self.visit(stmt) if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef))
                     else stmt for stmt in node.body]
        return node

    def visit_Expr(self, node: ast.Expr) -> ast.AST:
        value = node.value
        if id(node) in self._docstrings or isinstance(value, _NOT_SHOWN):
            return node
        args = list(value.elts) if isinstance(value, ast.Tuple) else [value]
        helper = ast.Attribute(
            value=ast.Call(
                func=ast.Name(id="__import__", ctx=ast.Load()),
                args=[ast.Constant(_HELPER_MODULE)],
                keywords=[ast.keyword(arg="fromlist", value=ast.List(
                    elts=[ast.Constant(_HELPER_NAME)], ctx=ast.Load()))],
            ),
            attr=_HELPER_NAME, ctx=ast.Load(),
        )
        # The new nodes get the expression's position, so tracebacks point at
        # the script's own line.
        for new in ast.walk(helper):
            ast.copy_location(new, value)
        call = ast.copy_location(ast.Call(func=helper, args=args, keywords=[]), value)
        node.value = call
        return node


def transform(tree: ast.Module) -> ast.Module:
    """Apply magic to a parsed script, in place; returns it."""
    return _Magic().visit(tree)


def compile_script(source: str, filename: str) -> Any:
    """The code object of a script file's source, with magic applied.

    Compiled as a module of its own: ``from __future__`` imports come from the
    script, not from this module (``dont_inherit``), as Streamlit does.
    """
    tree = ast.parse(source, filename, "exec")
    return compile(transform(tree), filename, "exec", dont_inherit=True)


def magic_function(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn`` compiled again from its source with magic in its body (``@reactive.view(magic=True)``).

    The new function has ``fn``'s globals, defaults and line numbers. It needs
    the source file, and no variables of an enclosing function (a closure's
    cells cannot be given to a function compiled anew).
    """
    name = getattr(fn, "__qualname__", repr(fn))
    code = getattr(fn, "__code__", None)
    if code is None:
        raise ImproperlyConfigured(f"magic=True needs a Python function, not {name}.")
    if code.co_freevars:
        raise ImproperlyConfigured(
            f"magic=True needs a function defined at module level: {name} uses "
            f"{', '.join(code.co_freevars)} of an enclosing function.")
    try:
        lines, first_line = inspect.getsourcelines(fn)
    except (OSError, TypeError) as exc:
        raise ImproperlyConfigured(f"magic=True needs the source of {name}: {exc}") from None
    tree = ast.parse(textwrap.dedent("".join(lines)))
    definition = tree.body[0]
    if not isinstance(definition, (ast.FunctionDef, ast.AsyncFunctionDef)):
        raise ImproperlyConfigured(f"magic=True needs a function defined with def, not {name}.")
    definition.decorator_list = []  # the decorators were applied already (this one among them)
    ast.increment_lineno(tree, first_line - 1)
    flags = code.co_flags & __future__.annotations.compiler_flag
    compiled = compile(_Magic().visit(tree), code.co_filename, "exec", flags=flags, dont_inherit=True)
    namespace: dict[str, Any] = {}
    exec(compiled, fn.__globals__, namespace)
    new = namespace[definition.name]
    new.__defaults__, new.__kwdefaults__ = fn.__defaults__, fn.__kwdefaults__
    new.__qualname__, new.__doc__ = fn.__qualname__, fn.__doc__
    return new
