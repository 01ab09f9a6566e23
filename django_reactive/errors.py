"""Errors raised to view code, named after Streamlit's so ported code reads the same.

Every class derives from :class:`ReactiveAPIError`. The Streamlit names are
kept as aliases-by-subclass so ``except StreamlitAPIException`` style code keeps
its meaning after an import change.
"""

from __future__ import annotations


class MarkdownFormattedException(Exception):  # noqa: N818 - Streamlit's name
    """An exception whose message is Markdown: ``st.exception`` shows it formatted, as Streamlit's."""


class ReactiveAPIError(MarkdownFormattedException):
    """Base class of every error django_reactive raises at view code (its message is Markdown)."""


# Streamlit's base name, for code ported by changing its import line.
StreamlitAPIException = ReactiveAPIError


class ReactiveValueError(ReactiveAPIError):
    """A parameter or session-state key has an invalid value."""


class WidgetAlreadyInstantiatedError(ReactiveAPIError):
    """``st.session_state[key]`` was assigned after its widget was created in this run."""


class ValueAssignmentNotAllowedError(ReactiveAPIError):
    """The key belongs to a read-only widget (buttons, forms) and was assigned."""


class DuplicateElementId(ReactiveAPIError):
    """Two keyless widgets of one run have the same type and parameters."""


class DuplicateElementKey(ReactiveAPIError):
    """Two elements of one run were given the same ``key``."""


class InvalidLayoutContextError(ReactiveAPIError):
    """An element was used where it is not allowed (for example outside a fragment)."""


class ValueAboveMaxError(ReactiveValueError):
    pass


class ValueBelowMinError(ReactiveValueError):
    pass


class InvalidMinMaxError(ReactiveValueError):
    pass


class ValueOutOfRangeError(ReactiveValueError):
    pass


class InvalidParameterTypeError(ReactiveValueError):
    pass


class MixedNumericTypesError(ReactiveValueError):
    pass


class DefaultNotInOptionsError(ReactiveValueError):
    """A multiselect ``default`` names a value that is not one of its options."""


class SelectionCountExceedsMaxError(ReactiveValueError):
    """A multiselect holds more selections than its ``max_selections``."""


class UnserializableSessionStateError(ReactiveAPIError):
    """A value assigned to session state cannot be stored in the Django session."""


class CachedWidgetWarning(ReactiveAPIError, Warning):
    """A widget command ran inside a cached function: shown where it was called, as Streamlit's."""

    def __init__(self) -> None:
        super().__init__(
            "Your script uses a widget command in a cached function\n(function decorated with "
            "`@st.cache_data` or `@st.cache_resource`).\nThis code will only be called when we detect "
            'a cache "miss",\nwhich can lead to unexpected results.\n\nTo fix this, move all widget '
            "commands outside the cached function.")


class ClientValueError(ValueError):
    """A value sent by the browser does not fit the widget: wrong type, range or option.

    Raised by widgets while decoding client values; the transports turn it into
    an ``invalid_value`` protocol error and change nothing.
    """


class InvalidFormCallbackError(ReactiveAPIError):
    """A widget inside a form was given a callback (only submit buttons may have one)."""


# Streamlit 1.67's names of the same errors, for ported code that catches them by name.
StreamlitValueError = ReactiveValueError
StreamlitWidgetAlreadyInstantiatedError = WidgetAlreadyInstantiatedError
StreamlitValueAssignmentNotAllowedError = ValueAssignmentNotAllowedError
StreamlitDuplicateElementId = DuplicateElementId
StreamlitDuplicateElementKey = DuplicateElementKey
StreamlitInvalidLayoutContextError = InvalidLayoutContextError
StreamlitValueAboveMaxError = ValueAboveMaxError
StreamlitValueBelowMinError = ValueBelowMinError
StreamlitInvalidMinMaxError = InvalidMinMaxError
StreamlitValueOutOfRangeError = ValueOutOfRangeError
StreamlitInvalidParameterTypeError = InvalidParameterTypeError
StreamlitMixedNumericTypesError = MixedNumericTypesError
StreamlitDefaultNotInOptionsError = DefaultNotInOptionsError
StreamlitSelectionCountExceedsMaxError = SelectionCountExceedsMaxError
StreamlitInvalidFormCallbackError = InvalidFormCallbackError
