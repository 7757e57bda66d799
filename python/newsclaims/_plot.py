"""Numeric claims over time per source (``Extraction.plot_timeline``; needs matplotlib).

Owns the timeline plot; it takes the tables it reads (``_tables.Tables``) and must not import
``_extract``, whose ``Extraction`` methods call it."""
from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any, Optional, Sequence, Union

import pandas as pd

if TYPE_CHECKING:
    import matplotlib.axes

    from ._tables import Tables


def timeline_points(ex: "Tables", *, unit: Optional[str] = None, counted: Optional[str] = None) -> pd.DataFrame:
    """The points of the timeline: the rows of :meth:`Extraction.track` (quantities with a value
    inside claims; with ``unit="percent"`` fractions as percent; ``counted`` matched against
    ``counted`` or the scope phrase), with ``when`` = their ``date`` (the claim's date, else the
    quantity's, else the publication date)."""
    return _points(ex, unit=unit, counted=counted)[0]


def _points(ex: "Tables", *, unit: Optional[str], counted: Optional[str]) -> "tuple[pd.DataFrame, int]":
    """:func:`timeline_points` and how many rows it left out as undated."""
    from ._across import claimed_quantities

    m = claimed_quantities(ex, unit=unit, counted=counted)
    dated = m["date"].notna()
    m = m[dated]
    return m.assign(when=m["date"]).sort_values("when", kind="stable"), int((~dated).sum())


def plot_timeline(ex: "Tables", *, unit: Optional[str] = None, counted: Optional[str] = None,
                  sources: Union[int, Sequence[str]] = 8, ax: "Optional[matplotlib.axes.Axes]" = None
                  ) -> "matplotlib.axes.Axes":
    try:
        import matplotlib.dates as mdates
        import matplotlib.pyplot as plt
    except ImportError as e:
        raise ImportError("plot_timeline() needs matplotlib: pip install matplotlib "
                          "(from a newsclaims checkout: pip install '.[plot]')") from e
    points, undated = _points(ex, unit=unit, counted=counted)
    if undated:
        # Said twice: as a warning where the call is, and on the figure that is shared.
        note = (f"{undated} of {undated + len(points)} numeric claims left out as undated "
                "(no claim date and no publication date; pass published= to place them)")
        warnings.warn(f"plot_timeline: {note}", UserWarning, stacklevel=3)
    if isinstance(sources, int):
        keep = list(points["source"].value_counts().index[:sources])
    else:
        keep = [str(s) for s in sources]
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 4.5))
    for source in keep:
        rows = points[points["source"] == source]
        if len(rows):
            ax.plot(rows["when"], rows["value"], marker="o", linestyle="-", label=str(source))
    units = sorted(str(u) for u in points["unit"].dropna().unique())
    ax.set_ylabel(", ".join(units) if units else "value")
    ax.set_xlabel("date of the claim")
    title: Any = "numeric claims per source" + (f": {counted}" if counted else "")
    ax.set_title(title)
    if keep and len(points):
        ax.legend(fontsize="small")
    if undated:
        ax.annotate(note, xy=(0, 0), xycoords="axes fraction", xytext=(0, -28), textcoords="offset points",
                    fontsize="x-small", color="0.35", va="top")
    locator = mdates.AutoDateLocator()  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    return ax
