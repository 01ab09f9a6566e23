"""numpy arrays and pandas objects in the value codec (see ``codec``).

Arrays keep their dtype and shape exactly (raw bytes); a DataFrame or Series
keeps its index, column names and each column's dtype. numpy and pandas are
imported only when a value of theirs is met, so neither is a dependency.
"""

from __future__ import annotations

import base64
import sys
from typing import Any

from . import codec

ARRAY_KINDS = frozenset("biufcmMUS")  # bool, ints, floats, complex, timedelta/datetime64, str, bytes


def encode_ndarray(arr: Any) -> list[Any]:
    """``[dtype, shape, base64 bytes]``: exact for every fixed-size dtype, NaN and NaT included."""
    if arr.dtype.kind not in ARRAY_KINDS:
        raise codec.Unpersistable(arr, f"numpy dtype {arr.dtype} holds Python objects or records")
    return [arr.dtype.str, list(arr.shape), base64.b64encode(arr.tobytes()).decode("ascii")]


def encode_column(pd: Any, values: Any) -> list[Any]:
    """One column or index level, by the kind of its dtype."""
    dtype = values.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        codes = encode_ndarray(values.array.codes)
        return ["cat", encode_column(pd, dtype.categories), codes, dtype.ordered]
    if not isinstance(dtype, pd.api.extensions.ExtensionDtype):
        if dtype.kind == "O":
            return ["obj", [codec.encode(v) for v in values.tolist()]]
        return ["np", encode_ndarray(values.to_numpy())]
    items = values.astype(object).tolist()  # nullable ints, strings, tz-aware datetimes...
    return ["ext", str(dtype), [None if v is pd.NA or v is pd.NaT else codec.encode(v) for v in items]]


def encode_index(pd: Any, index: Any) -> list[Any]:
    if type(index) is pd.RangeIndex:
        return ["range", index.start, index.stop, index.step, codec.encode(index.name)]
    if isinstance(index, pd.MultiIndex):
        levels = [encode_column(pd, index.get_level_values(i)) for i in range(index.nlevels)]
        return ["multi", levels, codec.encode(list(index.names))]
    freq = index.freqstr if isinstance(index, (pd.DatetimeIndex, pd.TimedeltaIndex)) else None
    return ["index", encode_column(pd, index), codec.encode(index.name), freq]


def encode_series(pd: Any, series: Any) -> list[Any]:
    return [encode_index(pd, series.index), encode_column(pd, series), codec.encode(series.name)]


def encode_dataframe(pd: Any, frame: Any) -> list[Any]:
    columns = [encode_column(pd, frame.iloc[:, i]) for i in range(frame.shape[1])]
    return [encode_index(pd, frame.index), encode_index(pd, frame.columns), columns]


def decode_ndarray(v: list[Any]) -> Any:
    import numpy as np

    dtype = np.dtype(v[0])
    if dtype.kind not in ARRAY_KINDS:
        raise ValueError(f"refusing to decode a numpy array of dtype {dtype}")
    if dtype.itemsize == 0:
        return np.zeros(v[1], dtype=dtype)
    return np.frombuffer(base64.b64decode(v[2]), dtype=dtype).reshape(v[1]).copy()


def decode_column(pd: Any, v: list[Any]) -> Any:
    import numpy as np

    kind = v[0]
    if kind == "np":
        return decode_ndarray(v[1])
    if kind == "obj":
        arr = np.empty(len(v[1]), dtype=object)
        for i, item in enumerate(v[1]):  # item by item: nested lists must not become dimensions
            arr[i] = codec.decode(item)
        return arr
    if kind == "cat":
        categories = _wrap(pd.Index, decode_column(pd, v[1]))
        return pd.Categorical.from_codes(decode_ndarray(v[2]), categories=categories, ordered=v[3])
    dtype = pd.api.types.pandas_dtype(v[1])
    return pd.array([codec.decode(item) for item in v[2]], dtype=dtype)


def _wrap(cls: Any, values: Any, **kwargs: Any) -> Any:
    """An Index or Series of ``values``, keeping a numpy array's dtype (pandas 3 infers str from object)."""
    dtype = values.dtype if isinstance(values, sys.modules["numpy"].ndarray) else None
    return cls(values, dtype=dtype, **kwargs)


def decode_index(pd: Any, v: list[Any]) -> Any:
    if v[0] == "range":
        return pd.RangeIndex(v[1], v[2], v[3], name=codec.decode(v[4]))
    if v[0] == "multi":
        levels = [_wrap(pd.Index, decode_column(pd, level)) for level in v[1]]
        return pd.MultiIndex.from_arrays(levels, names=codec.decode(v[2]))
    index = _wrap(pd.Index, decode_column(pd, v[1]), name=codec.decode(v[2]))
    return type(index)(index, freq=v[3]) if v[3] else index


def decode_series(v: list[Any]) -> Any:
    import pandas as pd

    return _wrap(pd.Series, decode_column(pd, v[1]), index=decode_index(pd, v[0]), name=codec.decode(v[2]))


def decode_dataframe(v: list[Any]) -> Any:
    import pandas as pd

    index, columns = decode_index(pd, v[0]), decode_index(pd, v[1])
    if not v[2]:
        return pd.DataFrame(index=index, columns=columns)
    # Positional keys and a default index: duplicate labels neither collide nor realign.
    frame = pd.DataFrame({i: _wrap(pd.Series, decode_column(pd, col)) for i, col in enumerate(v[2])})
    frame.index, frame.columns = index, columns
    return frame
