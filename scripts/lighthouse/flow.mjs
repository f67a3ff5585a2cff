// A Lighthouse user flow per page: the page is loaded, then a timespan scrolls it to its end, chart by chart,
// each drawn before the next scroll. Its total blocking time is what a reader on a slow phone waits through while
// the charts appear, which a navigation run (measured before the charts load) never sees.
// Input on stdin: {"chromium": PATH, "args": [...], "throttle": 4, "urls": [...]}. Output on stdout: one JSON
// object, url -> {tbt_ms, charts}.
import { startFlow } from "lighthouse";
import puppeteer from "puppeteer-core";

const SCROLL_TO_END = async () => {
  await window.KR_FILTER?.ready;
  const plots = [...document.querySelectorAll("figure.kr-figure .kr-plot")];
  for (const plot of plots) {
    plot.scrollIntoView({ block: "center" });
    const start = performance.now();
    while (!plot.querySelector(".main-svg") && performance.now() - start < 60000) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  }
  window.scrollTo(0, document.documentElement.scrollHeight);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return plots.length;
};

async function readInput() {
  let text = "";
  for await (const chunk of process.stdin) text += chunk;
  return JSON.parse(text);
}

const input = await readInput();
const browser = await puppeteer.launch({ executablePath: input.chromium, headless: true, args: input.args });
const flags = {
  formFactor: "mobile",
  screenEmulation: { mobile: true, width: 375, height: 812, deviceScaleFactor: 2, disabled: false },
  // Timespans cannot use Lighthouse's simulated throttling: the CPU is slowed for real, as the chart benchmark does.
  throttlingMethod: "devtools",
  throttling: {
    cpuSlowdownMultiplier: input.throttle,
    requestLatencyMs: 0,
    downloadThroughputKbps: 0,
    uploadThroughputKbps: 0,
  },
  onlyCategories: ["performance"],
};
const results = {};
try {
  for (const url of input.urls) {
    const page = await browser.newPage();
    const flow = await startFlow(page, { flags });
    await flow.navigate(url);
    await flow.startTimespan();
    const charts = await page.evaluate(SCROLL_TO_END);
    await flow.endTimespan();
    const steps = (await flow.createFlowResult()).steps;
    const audits = steps[steps.length - 1].lhr.audits;
    results[url] = { tbt_ms: audits["total-blocking-time"].numericValue, charts };
    await page.close();
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(results));
