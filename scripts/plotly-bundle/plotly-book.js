// The book's plotly.js: the core (its scatter trace and the cartesian axes, legend, hover and modebar) and the two
// trace types the package draws besides (tests/test_plotly_bundle.py holds the list to kulturensrige's charts).

const Plotly = require("plotly.js/lib/core");

Plotly.register([require("plotly.js/lib/bar"), require("plotly.js/lib/heatmap")]);

module.exports = Plotly;
