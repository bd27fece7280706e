// Evidence preparation in the browser, for `cargo xtask bench`: opens evidence.html
// (served with the bench's wasm build of the core crate and a 12-megapixel phone photo)
// and prints its measurements as one JSON line.
//
// usage: node bench/evidence.mjs PAGE_URL [RUNS]

import { launch } from './browser.mjs';

const [url, runs] = process.argv.slice(2);
const browser = await launch();
try {
  const page = await browser.context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${url}?runs=${Number(runs ?? 5)}`);
  const handle = await page.waitForFunction(() => window.__result, null, { timeout: 300000 });
  const result = await handle.jsonValue();
  if (problems.length) result.problems = problems;
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
}
