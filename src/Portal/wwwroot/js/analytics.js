// SecondaryPortal analytics: draws the charts from the numbers each chart element carries (data-chart); the tables
// beside the charts hold the same numbers, so the page reads the same without this file.
(() => {
  const rcodeColors = { NOERROR: "#198754", NXDOMAIN: "#fd7e14", REFUSED: "#6c757d", SERVFAIL: "#dc3545", FORMERR: "#6f42c1", NOTIMP: "#0dcaf0" };
  const palette = ["#0d6efd", "#20c997", "#6610f2", "#d63384", "#ffc107", "#adb5bd"];
  const charts = [];

  function seriesOption(data) {
    const marks = (data.marks || []).map((m) => ({ xAxis: m.at, name: m.label }));
    return {
      useUTC: true,
      color: palette,
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { top: 0, type: "scroll" },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: "time", axisLabel: { hideOverlap: true } },
      yAxis: { type: "value", minInterval: 1 },
      series: data.series.map((s, i) => ({
        name: s.name,
        type: "bar",
        stack: "queries",
        barCategoryGap: "10%",
        itemStyle: rcodeColors[s.name] ? { color: rcodeColors[s.name] } : undefined,
        data: s.data.map((count, j) => [data.times[j], count]),
        markLine: i === 0 && marks.length > 0 ? {
          symbol: "none",
          silent: false,
          lineStyle: { color: "#0d6efd", type: "dashed" },
          label: { show: marks.length <= 5, formatter: (p) => p.name, position: "insideEndTop", fontSize: 10 },
          tooltip: { formatter: (p) => p.name },
          data: marks,
        } : undefined,
      })),
    };
  }

  function barsOption(data) {
    return {
      color: ["#0d6efd"],
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value", minInterval: 1, axisLabel: { hideOverlap: true } },
      yAxis: { type: "category", inverse: true, data: data.labels, axisLabel: { width: 110, overflow: "truncate" } },
      series: [{ type: "bar", data: data.values, barMaxWidth: 18 }],
    };
  }

  function draw() {
    if (!window.echarts) return;
    document.documentElement.classList.add("charts");
    for (const element of document.querySelectorAll("[data-chart]")) {
      const data = JSON.parse(element.dataset.chart);
      const chart = echarts.init(element); // canvas, the default renderer
      chart.setOption(data.kind === "series" ? seriesOption(data) : barsOption(data));
      charts.push(chart);
    }
    window.addEventListener("resize", () => charts.forEach((c) => c.resize()));
  }

  // The custom range's inputs matter only when "Custom" is chosen: hide them otherwise.
  function toggleCustom() {
    const range = document.getElementById("range");
    if (!range) return;
    const update = () => document.querySelectorAll(".analytics-custom").forEach((e) => e.classList.toggle("d-none", range.value !== "custom"));
    range.addEventListener("change", update);
    update();
  }

  const start = () => { toggleCustom(); draw(); };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
