"""Charts on paper come from slik.core.charts (the same spec the browser renders)."""

from slik.core.charts import chart_png, chart_svg, paper_spec

__all__ = ["chart_png", "chart_svg", "paper_spec"]
