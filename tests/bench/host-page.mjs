// Host-page cost, for `cargo xtask bench`: the demo shop page with the widget against the
// same page without it (plus a native <dialog> as the floor of "click -> a form to type
// in"), cold and warm cache, in headless Chromium.
//
// usage: node bench/host-page.mjs BASE_URL [RUNS]
// BASE_URL serves /index.html (with the widget) and /plain.html (without). Prints one
// JSON line: {pages: {widget|plain: {cold|warm: {...medians}}}, runs}.

import { launch, median } from './browser.mjs';

const [base, runsArg] = process.argv.slice(2);
const RUNS = Number(runsArg ?? 3);

const PAGES = {
  widget: {
    path: '/index.html',
    launcher: '[data-redress=launcher] .redress-launcher',
    // The first step is interactive when its input is shown and enabled.
    ready: () => {
      const root = document.querySelector('[data-redress=launcher]')?.shadowRoot;
      const input = root?.querySelector('#redress-order-number');
      return input && !input.disabled && input.getClientRects().length > 0 ? performance.now() : null;
    },
  },
  plain: {
    path: '/plain.html',
    launcher: '#plain-launcher',
    ready: () => {
      const input = document.querySelector('#plain-order-number');
      return input && input.getClientRects().length > 0 ? performance.now() : null;
    },
  },
};

// Installed before any page script: long tasks and layout shifts from the first byte.
function observe() {
  window.__longTasks = [];
  window.__cls = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  addEventListener('click', (event) => { window.__clickAt = event.timeStamp; }, { capture: true });
}

// Bytes this page has fetched over the network so far (cache hits count 0, revalidations
// their headers), and how many of them were wasm.
function fetched() {
  const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
  return {
    files: entries.filter((e) => e.transferSize > 0)
      .map((e) => ({ path: new URL(e.name).pathname, bytes: e.transferSize })),
    bytes: entries.reduce((sum, e) => sum + (e.transferSize || 0), 0),
    wasm: entries.filter((e) => e.name.endsWith('.wasm') && e.transferSize > 0).length,
    requests: entries.length,
  };
}

async function visit(context, page) {
  const tab = await context.newPage();
  await tab.addInitScript(observe);
  await tab.goto(base + page.path, { waitUntil: 'load' });
  // Let the page settle the way a shopper reads it before acting: idle network, 1 s.
  await tab.waitForLoadState('networkidle');
  await tab.waitForTimeout(1000);
  const before = await tab.evaluate(fetched);
  const tasksBefore = await tab.evaluate(() => window.__longTasks.length);
  await tab.locator(page.launcher).click();
  const readyAt = await (await tab.waitForFunction(page.ready, null, { polling: 'raf', timeout: 30000 })).jsonValue();
  await tab.waitForTimeout(500);
  const after = await tab.evaluate(() => ({
    clickAt: window.__clickAt,
    longTasks: window.__longTasks,
    cls: window.__cls,
  }));
  const open = await tab.evaluate(fetched);
  await tab.close();
  return {
    filesBefore: before.files,
    bytesBefore: before.bytes,
    wasmBefore: before.wasm,
    requestsBefore: before.requests,
    longTasksBefore: tasksBefore,
    longTasks: after.longTasks.length,
    longestTask: after.longTasks.reduce((max, t) => Math.max(max, t.duration), 0),
    cls: after.cls,
    clickToReady: readyAt - after.clickAt,
    bytesOpen: open.bytes,
  };
}

function summarise(visits) {
  const out = { filesBefore: visits[0].filesBefore };
  for (const key of Object.keys(visits[0]).filter((k) => k !== 'filesBefore')) {
    out[key] = median(visits.map((v) => v[key]));
  }
  out.longestTaskMax = Math.max(...visits.map((v) => v.longestTask));
  out.wasmBeforeMax = Math.max(...visits.map((v) => v.wasmBefore));
  out.longTasksMax = Math.max(...visits.map((v) => v.longTasks));
  out.clsMax = Math.max(...visits.map((v) => v.cls));
  return out;
}

const results = {};
for (const [name, page] of Object.entries(PAGES)) {
  const cold = [];
  const warm = [];
  for (let run = 0; run < RUNS; run += 1) {
    // A fresh profile: nothing cached. The second visit in it finds everything the first
    // one fetched, the widget's wasm included.
    const browser = await launch();
    try {
      cold.push(await visit(browser.context, page));
      warm.push(await visit(browser.context, page));
    } finally {
      await browser.close();
    }
  }
  results[name] = { cold: summarise(cold), warm: summarise(warm) };
}
console.log(JSON.stringify({ runs: RUNS, pages: results }));
