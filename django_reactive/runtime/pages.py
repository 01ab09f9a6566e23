"""``st.Page``: one page of a multipage app (a script file, a function or an external URL).

Titles, icons and URL paths are inferred from file and function names as
Streamlit 1.67 infers them, with its errors. A page runs only when
``st.navigation`` returned it for the current run (``page.run()``).
"""

from __future__ import annotations

import inspect
import re
import textwrap
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import InvalidParameterTypeError, ReactiveAPIError, ReactiveValueError
from ..url_safety import safe_url
from .context import current_st


class PageNotFoundError(ReactiveAPIError):
    """A page file does not exist, or a page given to switch_page / page_link is not the app's."""


def missing_parameter(parameter: str, detail: str) -> ReactiveValueError:
    """Streamlit's "required parameter" error."""
    return ReactiveValueError(f"The `{parameter}` parameter is required. {detail}")


PAGE_FILENAME_RE = re.compile(r"([0-9]*)[_ -]*(.*)\.py")


def page_sort_key(path: Path) -> tuple[float, str]:
    """The order of the files of a ``pages/`` folder: by leading number, then by name."""
    number, label = PAGE_FILENAME_RE.findall(path.name)[0]
    return (float(number) if number else float("inf"), label.lower())


def _is_emoji_char(char: str) -> bool:
    # Pictographs are "Symbol, other"; joiners, variation selectors and skin tones hold sequences together.
    return unicodedata.category(char) == "So" or char in "\u200d\ufe0f" or 0x1F3FB <= ord(char) <= 0x1F3FF


def leading_emoji(text: str) -> tuple[str, str]:
    """A leading emoji of ``text`` and the rest (after an optional ``_``, `` `` or ``-``)."""
    end = 0
    while end < len(text) and _is_emoji_char(text[end]):
        end += 1
    if end == 0:
        return "", text
    return text[:end], text[end:].lstrip("_ -")


def page_icon_and_name(path: Path) -> tuple[str, str]:
    """``01_📈_Charts.py`` -> ("📈", "Charts"): the icon and URL name of a page file."""
    match = PAGE_FILENAME_RE.search(path.name)
    if match is None:
        return "", ""
    name = re.sub(r"[_ ]+", "_", match.group(2)).strip() or match.group(1)
    return leading_emoji(name)


def is_url(text: str) -> bool:
    """An http(s) URL with a host, as a browser reads it (url_safety): an external page."""
    return safe_url(text, relative="none") is not None


def check_page_path(path: str, prefix: str = "") -> None:
    if "\x00" in path:
        raise ReactiveAPIError(f"{prefix}Page paths must not contain null bytes.")


def valid_icon(icon: Any) -> str:
    """An icon as given (an emoji, ``":material/name:"``), stripped; "" for none."""
    if icon is None:
        return ""
    if not isinstance(icon, str):
        raise InvalidParameterTypeError(
            f"Invalid `icon` type. Expected one of: str, None. Provided type: {type(icon).__name__}.")
    return icon.strip()


def help_text(help: str | None) -> str:
    """A page's help, dedented; "" when it has none."""
    return "" if help is None or not help.strip() else textwrap.dedent(help).strip()


def _no_nested_path(url_path: str) -> None:
    if "/" in url_path:
        raise ReactiveAPIError(
            f"The `url_path` `{url_path}` cannot include `/`. Nested URL pathnames are not supported, "
            "so use a single path segment (e.g. `foo_bar`).")


def _title_path(title: str) -> str:
    """An external page's URL path from its title (lowercase, underscores, URL-safe)."""
    path = re.sub(r"\s+", "_", title.lower())
    path = re.sub(r"[&#?/\\:*\"<>|']", "", path).strip("_")
    return re.sub(r"_+", "_", path)


def main_script_dir(runner: Any = None) -> Path:
    """Where relative page paths start: the folder of the script file (or of the view function)."""
    if runner is None:
        st = current_st.get()
        runner = st._runner if st is not None else None
    if runner is None:
        return Path.cwd()
    script = getattr(runner.fn, "script_path", None)
    if script is None:
        source = inspect.getsourcefile(inspect.unwrap(runner.fn)) if callable(runner.fn) else None
        script = Path(source) if source else Path.cwd() / "app.py"
    return Path(script).resolve().parent


class Page:
    """``st.Page(page, *, title=None, icon=None, url_path=None, default=False, visibility="visible",
    help=None)``: a page for ``st.navigation``; run the one it returns with ``.run()``."""

    def __init__(self, page: str | Path | Callable[..., Any], *, title: str | None = None,
                 icon: str | None = None, url_path: str | None = None, default: bool = False,
                 visibility: str = "visible", help: str | None = None) -> None:
        if visibility not in ("visible", "hidden"):
            raise ReactiveValueError("Invalid `visibility` value. Supported values: visible, hidden.")
        self._default = default
        self._visibility = visibility
        self._help = help_text(help)
        self._external_url: str | None = None
        self._can_be_called = False
        if isinstance(page, str) and is_url(page):
            self._external(page, title, icon, url_path, default)
            return
        if isinstance(page, (str, Path)):
            check_page_path(str(page), "Unable to create Page. ")
            page = (main_script_dir() / page).resolve()
            if not page.is_file():
                raise PageNotFoundError(f"Unable to create Page. The file `{page.name}` could not be found.")
        inferred_icon, inferred_name = "", ""
        if isinstance(page, Path):
            inferred_icon, inferred_name = page_icon_and_name(page)
        elif hasattr(page, "__name__"):
            inferred_name = str(page.__name__)
        elif title is None:
            raise missing_parameter("title", "Cannot infer a title from this callable.")
        self._page: Path | Callable[..., Any] | None = page
        self._title = title or inferred_name.replace("_", " ")
        self._icon = valid_icon(inferred_icon if icon is None else icon)
        if not self._title.strip():
            raise missing_parameter("title", "It cannot be empty or consist of underscores/spaces only.")
        self._url_path = inferred_name
        if url_path is not None:
            stripped = url_path.strip().strip("/")
            if not stripped and not default:
                raise missing_parameter("url_path", "It can only be empty for the default page.")
            self._url_path = stripped
            _no_nested_path(stripped)

    def _external(self, url: str, title: str | None, icon: str | None, url_path: str | None,
                  default: bool) -> None:
        if title is None or not title.strip():
            raise missing_parameter("title", "External URL pages require a non-empty title. "
                                             f"Please provide a title for the URL: {url}")
        if default:
            raise ReactiveAPIError("`page=<external URL>` and `default=True` cannot be used together. "
                                   "External URL pages cannot be the default page.")
        self._external_url = url
        self._page = None
        self._title = title
        self._icon = valid_icon(icon)
        self._url_path = (_title_path(title) if url_path is None else url_path).strip().strip("/")
        if not self._url_path:
            raise missing_parameter("url_path", "Provide a non-empty `url_path`, or omit it and provide a "
                                    "`title` that can be converted to a valid URL path.")
        _no_nested_path(self._url_path)

    @property
    def title(self) -> str:
        return self._title

    @property
    def icon(self) -> str:
        return self._icon

    @property
    def help(self) -> str:
        return self._help

    @property
    def url_path(self) -> str:
        """The page's URL path relative to the app's root; "" for the default page."""
        return "" if self._default else self._url_path

    @property
    def visibility(self) -> str:
        return self._visibility

    @property
    def is_external(self) -> bool:
        return self._external_url is not None

    @property
    def external_url(self) -> str | None:
        return self._external_url

    @property
    def script_path(self) -> str:
        """The page's file ("" for a function or an external URL)."""
        return str(self._page) if isinstance(self._page, Path) else ""

    @property
    def key(self) -> str:
        """What identifies the page among the app's pages (its own URL path, even when default)."""
        return self._url_path

    def run(self) -> None:
        """Run the page: only the one ``st.navigation`` returned, once per run."""
        if not self._can_be_called:
            raise ReactiveAPIError("This page cannot be called directly. Only the page returned from "
                                   "st.navigation can be called once.")
        self._can_be_called = False
        if self.is_external:
            return
        from .navigation import run_page

        run_page(self)

    def __repr__(self) -> str:
        return f"Page(title={self._title!r}, url_path={self.url_path!r})"
