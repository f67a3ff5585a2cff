// Builds book/_static/plotly.min.js from the pinned plotly.js (package-lock.json) as plotly.js builds its own dist
// bundles (its esbuild-config.js: an iife named Plotly, es2016), minified, its licence header first. Run by
// `make plotly-bundle`; the same lock gives the same file.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { build } from "esbuild";

const require = createRequire(import.meta.url);
const { version } = require("plotly.js/package.json");
const banner = `/**
* plotly.js (bar, heatmap, scatter - minified) v${version}
* Copyright 2012-2026, Plotly, Inc.
* All rights reserved.
* Licensed under the MIT license
*/`;
const out = new URL("../../book/_static/plotly.min.js", import.meta.url).pathname;

await build({
  entryPoints: [new URL("plotly-book.js", import.meta.url).pathname],
  outfile: out,
  format: "iife",
  globalName: "Plotly",
  bundle: true,
  minify: true,
  target: "es2016",
  banner: { js: banner },
  // Only a map trace's module brings maplibre-gl's stylesheet (plotly.js src/registry.js); the book has none.
  loader: { ".css": "empty" },
  define: { global: "window", "define.amd": "false" },
  logLevel: "warning",
});
if (!readFileSync(out, "utf8").startsWith(banner)) throw new Error(`${out}: the licence header is missing`);
