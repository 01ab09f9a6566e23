"""``st.balloons()`` and ``st.snow()``: a few seconds of shapes crossing the window.

Drawn with CSS only (``celebrations.css``, loaded by the pages that show one):
fixed-position shapes that rise (balloons) or fall (snow) and are gone after
a few seconds, nothing for a screen reader, nothing at all when the visitor
asks for reduced motion. As with ``st.toast``, it is an element of the run
that called it: it plays when it reaches the page, and a later patch that
leaves it unchanged does not play it again.
"""

from __future__ import annotations

from typing import Any, ClassVar

from .base import Element

#: Streamlit's palette, one colour a balloon.
_COLOURS = ("#ff4b4b", "#ffa421", "#ffe312", "#21c354", "#1c83e1", "#803df5", "#ff8fab")


def _spread(i: int, step: float) -> float:
    """The ``i``-th of a sequence spread evenly over [0, 1): positions, delays, sizes that look random."""
    return ((i + 1) * step) % 1.0


def _balloons(count: int = 20) -> tuple[str, ...]:
    return tuple(
        f"--x:{_spread(i, 0.6180339887) * 94:.1f}%;--d:{_spread(i, 0.7548776662) * 1.2:.2f}s;"
        f"--t:{3 + _spread(i, 0.5698402910) * 1.5:.2f}s;--s:{0.8 + _spread(i, 0.4142135624) * 0.4:.2f};"
        f"--c:{_COLOURS[i % len(_COLOURS)]}"
        for i in range(count))


def _snowflakes(count: int = 50) -> tuple[str, ...]:
    return tuple(
        f"--x:{_spread(i, 0.6180339887) * 98:.1f}%;--d:{_spread(i, 0.7548776662) * 1.5:.2f}s;"
        f"--t:{4 + _spread(i, 0.5698402910) * 2.5:.2f}s;--s:{0.6 + _spread(i, 0.4142135624) * 0.8:.2f};"
        f"--w:{(_spread(i, 0.3247179572) - 0.5) * 6:.2f}rem"
        for i in range(count))


class Balloons(Element):
    """``st.balloons()``: coloured balloons rise across the window for a few seconds."""

    command = "balloons"
    template = "django_reactive/elements/celebration.html"
    assets: ClassVar[tuple[str, ...]] = ("django_reactive/celebrations.css",)
    #: The inline styles of the shapes, the same on every run (so an unchanged element is not sent again).
    pieces: ClassVar[tuple[str, ...]] = _balloons()

    def memo_key(self) -> str:
        return self.command  # the context is the class's: no need to compare its pieces each run

    def context(self) -> dict[str, Any]:
        return {"kind": self.command, "pieces": self.pieces}


class Snow(Balloons):
    """``st.snow()``: snowflakes fall across the window for a few seconds."""

    command = "snow"
    pieces: ClassVar[tuple[str, ...]] = _snowflakes()
