"""The share of Aleppo said to be under Syrian army control, day by day, from the seed articles.

Only seed 003 carries a dateline; the others' publication dates (inferred from their weekday
references and photo captions) come from ``examples/seeds_metadata.csv``, so that "on Friday"
resolves to a date. "Half" counts as 50 percent and "full control of ... Aleppo" as an implied
100 percent (``implied_quantities=True``).

    python examples/aleppo_timeline.py [out.png]    # needs matplotlib (pip install matplotlib, or '.[plot]' from the checkout)
"""
import sys
from pathlib import Path

import newsclaims

ROOT = Path(__file__).resolve().parent.parent


def aleppo_timeline() -> "newsclaims.Extraction":
    extractor = newsclaims.Extractor(implied_quantities=True)
    return extractor.extract_files(ROOT / "seeds", metadata=ROOT / "examples" / "seeds_metadata.csv")


def main(out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ex = aleppo_timeline()
    points = ex.track(counted="Aleppo", unit="percent")
    print(points[["date", "source", "value", "scope"]].to_string(index=False))
    ax = ex.plot_timeline(unit="percent", counted="Aleppo", sources=list(dict.fromkeys(points["source"])))
    # The scope of each point: east, whole city, or not said.
    labelled = points.drop_duplicates(["date", "value"]).reset_index(drop=True)
    for i, row in labelled.iterrows():
        words = row["scope"].split()
        scope = " ".join(words) if len(words) <= 8 else " ".join(words[:3] + ["…"] + words[-6:])
        late = i >= len(labelled) / 2
        ax.annotate(scope, (row["date"], row["value"]), textcoords="offset points", fontsize=7,
                    xytext=(-6 if late else 6, 8 if i % 2 else -14), ha="right" if late else "left")
    ax.set_ylim(0, 110)
    ax.set_title("Share of Aleppo claimed under Syrian army control (seed articles)")
    ax.figure.tight_layout()
    ax.figure.savefig(out, dpi=80)
    plt.close(ax.figure)
    print(f"wrote {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "examples" / "aleppo_timeline.png")
