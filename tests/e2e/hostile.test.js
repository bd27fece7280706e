// A hostile host page (global resets, `* { all: unset }`, a 10 px root font, a strict CSP
// without inline script or style) must show the same widget as the demo shop.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, openWidget, screenshot, startBrowser, startServer } from './harness.js';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await startBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Boxes and computed styles of the widget's parts, to compare between host pages. */
async function measure(page) {
  return page.evaluate(() => {
    const root = document.querySelector('[data-redress=launcher]').shadowRoot;
    const parts = {
      launcher: '.redress-launcher',
      panel: '.redress-panel',
      title: 'h2',
      label: 'label',
      input: '#redress-order-number',
      submit: 'button[type=submit]',
    };
    const out = {};
    for (const [name, selector] of Object.entries(parts)) {
      const node = root.querySelector(selector);
      const box = node.getBoundingClientRect();
      const style = getComputedStyle(node);
      out[name] = {
        width: Math.round(box.width),
        height: Math.round(box.height),
        fontSize: style.fontSize,
        fontWeight: style.fontWeight,
        display: style.display,
        padding: style.padding,
        borderTopWidth: style.borderTopWidth,
      };
    }
    return out;
  });
}

test('the widget on the hostile page is the widget of the demo shop', async () => {
  const demo = await openPage(browser.context, `${server.url}/`);
  await openWidget(demo.page);
  const expected = await measure(demo.page);
  await demo.page.close();

  const { page, problems } = await openPage(browser.context, `${server.url}/hostile.html`);
  await openWidget(page);
  const actual = await measure(page);
  // Widths follow the text, and the demo shop themes the font: compare them loosely.
  for (const part of Object.keys(expected)) {
    const { width: w1, ...rest1 } = expected[part];
    const { width: w2, ...rest2 } = actual[part];
    assert.deepEqual(rest2, rest1, `${part} looks the same`);
    assert.ok(Math.abs(w1 - w2) <= 24, `${part} width ${w2} is close to ${w1}`);
  }
  await screenshot(page, 'hostile-open-1280');
  assert.deepEqual(problems, []);
  await page.close();
});

test('under the strict CSP the widget loads, looks up an order, and violates nothing', async () => {
  const { page, problems } = await openPage(browser.context, `${server.url}/hostile.html`);
  await openWidget(page);
  const scope = page.locator('[data-redress=launcher]');
  await scope.locator('#redress-order-number').fill('RD-1001');
  await scope.locator('#redress-email').fill('anna@example.com');
  await scope.locator('button[type=submit]').click();
  await scope.locator('.redress-order').waitFor();
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  await screenshot(page, 'hostile-found-1280');
  await page.close();
});
