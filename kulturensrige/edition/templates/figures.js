// Draws each figure's prepared plot (a JSON island beside it) as SVG before the page is printed.
// The numbers, texts and layout come from Python; this only hands them to plotly.js.
// A printer prints edition after edition in one page: it swaps the body in and calls krDraw again
// (edition/printing.py), so plotly.js is loaded and parsed once per printer, not once per edition.
window.krDraw = async () => {
  const root = document.documentElement;
  try {
    const drawn = [];
    for (const island of document.querySelectorAll("script.kr-edition-figure")) {
      const plot = island.closest(".kr-figure").querySelector(".kr-plot");
      const spec = JSON.parse(island.textContent);
      const layout = Object.assign({}, spec.layout, {
        width: 640, autosize: false, paper_bgcolor: "#ffffff", plot_bgcolor: "#ffffff",
      });
      drawn.push(Plotly.newPlot(plot, spec.data, layout, { staticPlot: true, displayModeBar: false, responsive: false }));
    }
    await Promise.all(drawn);
    root.dataset.krReady = "ja";
  } catch (error) {
    root.dataset.krReady = "fejl: " + error;
  }
};
window.krDraw();
