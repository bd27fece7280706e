// The demo shop: the embed loads lazily, mounts in a shadow root, finds orders, and is
// accessible.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, openPage, openWidget, screenshot, startBrowser, startServer } from './harness.js';

const require = createRequire(import.meta.url);
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

const launcher = '[data-redress=launcher]';

describe('demo shop', () => {
  test('loads with only the loader: no wasm before the shopper asks for the widget', async () => {
    const { page, requests, problems } = await openPage(browser.context, `${server.url}/`);
    await page.locator(`${launcher} .redress-launcher`).waitFor();
    assert.equal(await page.locator('h1').textContent(), 'Everyday things, delivered tomorrow');
    assert.deepEqual(requests.filter((u) => /\.wasm$|redress-[0-9a-f]+\.js$/.test(u)), []);
    const shadowed = await page.evaluate(() => {
      const host = document.querySelector('[data-redress=launcher]');
      return host.shadowRoot !== null && document.querySelector('.redress-launcher') === null;
    });
    assert.ok(shadowed, 'the launcher lives in a shadow root, invisible to page selectors');
    assert.deepEqual(await page.evaluate(() => window.__shifts), [], 'no layout shift');
    await screenshot(page, 'demo-closed-1280');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the launcher mounts the lookup form, and focus lands in its first field', async () => {
    const { page, requests, problems } = await openPage(browser.context, `${server.url}/`);
    await openWidget(page);
    assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the wasm is fetched on open');
    const focused = await page.evaluate(
      () => document.querySelector('[data-redress=launcher]').shadowRoot.activeElement?.id,
    );
    assert.equal(focused, 'redress-order-number');
    assert.equal(await page.locator(`${launcher} h2`).textContent(), 'Find your order');
    assert.deepEqual(await page.evaluate(() => window.__shifts), [], 'opening shifts nothing');
    await screenshot(page, 'demo-open-1280');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a submit with empty fields names each field, tied to its input', async () => {
    const { page } = await openPage(browser.context, `${server.url}/`);
    await openWidget(page);
    await page.locator(`${launcher} button[type=submit]`).click();
    const summary = page.locator(`${launcher} .redress-summary`);
    await summary.waitFor();
    assert.match(await summary.textContent(), /Enter your order number\.[\s\S]*Enter your e-mail address\./);
    const input = page.locator(`${launcher} #redress-email`);
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    const describedBy = (await input.getAttribute('aria-describedby')).split(' ');
    assert.ok(describedBy.includes('redress-email-error'));
    assert.equal(
      await page.locator(`${launcher} #redress-email-error`).textContent(),
      'Enter your e-mail address.',
    );
    await page.locator(`${launcher} #redress-email`).fill('anna@');
    await page.locator(`${launcher} #redress-order-number`).focus();
    assert.equal(
      await page.locator(`${launcher} #redress-email-error`).textContent(),
      'Enter an e-mail address like name@example.com.',
    );
    await screenshot(page, 'demo-errors-1280');
    await page.close();
  });

  test('pressing the button never lets a field error move it away: the press checks the form', async () => {
    const { page } = await openPage(browser.context, `${server.url}/`);
    await openWidget(page);
    await page.locator(`${launcher} #redress-order-number`).fill('RD-1001');
    const email = page.locator(`${launcher} #redress-email`);
    await email.fill('anna@');
    // Leaving the field by the keyboard shows its error at once.
    await page.keyboard.press('Shift+Tab');
    await page.locator(`${launcher} #redress-email-error`).waitFor();
    await page.reload({ waitUntil: 'load' });
    await openWidget(page);
    await page.locator(`${launcher} #redress-order-number`).fill('RD-1001');
    await email.fill('anna@');
    // A press as Safari does it: the button takes no focus, the field simply blurs.
    const submit = page.locator(`${launcher} button[type=submit]`);
    const before = await submit.boundingBox();
    await submit.dispatchEvent('pointerdown', { bubbles: true, composed: true });
    await email.evaluate((input) => input.blur());
    await page.waitForTimeout(100);
    assert.equal(await page.locator(`${launcher} #redress-email-error`).count(), 0, 'no error under the pointer yet');
    assert.deepEqual(await submit.boundingBox(), before, 'the button stayed where it was pressed');
    await submit.click();
    const summary = page.locator(`${launcher} .redress-summary`);
    await summary.waitFor();
    assert.match(await summary.textContent(), /Enter an e-mail address like name@example\.com\./);
    await page.close();
  });

  test('finds a demo order, and a wrong e-mail gets the neutral not-found message', async () => {
    const { page, problems } = await openPage(browser.context, `${server.url}/`);
    await openWidget(page);
    await page.locator(`${launcher} #redress-order-number`).fill('RD-1001');
    await page.locator(`${launcher} #redress-email`).fill('someone-else@example.com');
    await page.locator(`${launcher} button[type=submit]`).click();
    const notice = page.locator(`${launcher} .redress-live .redress-notice`);
    await notice.waitFor();
    assert.match(await notice.textContent(), /could not find an order with this order number and e-mail/);
    await screenshot(page, 'demo-not-found-1280');

    await page.locator(`${launcher} #redress-email`).fill('anna@example.com');
    await page.locator(`${launcher} button[type=submit]`).click();
    const order = page.locator(`${launcher} .redress-order`);
    await order.waitFor();
    assert.equal(await order.locator('.redress-order-number').textContent(), 'RD-1001');
    assert.ok((await order.locator('.redress-order-items li').count()) >= 1);
    await screenshot(page, 'demo-found-1280');
    // Problems from the 404 answer are the browser logging the status, not our errors.
    assert.deepEqual(problems.filter((p) => !/status of 404/.test(p)), []);
    await page.close();
  });

  test('axe-core finds no accessibility violations in the open widget', async () => {
    const { page } = await openPage(browser.context, `${server.url}/`);
    await openWidget(page);
    await page.locator(`${launcher} button[type=submit]`).click();
    await page.locator(`${launcher} .redress-summary`).waitFor();
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const result = await page.evaluate(async () => {
      // axe walks open shadow roots; the context is the widget's host element.
      const { violations } = await window.axe.run(
        { include: [['[data-redress=launcher]']] },
        { resultTypes: ['violations'] },
      );
      return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    });
    assert.deepEqual(result, []);
    await page.close();
  });

  test('at 375 px the panel fills the phone screen and nothing overflows sideways', async () => {
    const { page } = await openPage(browser.context, `${server.url}/`, { width: 375, height: 740 });
    await screenshot(page, 'demo-closed-375');
    await openWidget(page);
    const box = await page.locator(`${launcher} .redress-panel`).boundingBox();
    assert.equal(Math.round(box.width), 375);
    const input = await page.locator(`${launcher} #redress-email`).boundingBox();
    assert.ok(input.x >= 0 && input.x + input.width <= 375, 'the input fits the screen');
    await page.locator(`${launcher} button[type=submit]`).click();
    await page.locator(`${launcher} .redress-summary`).waitFor();
    await screenshot(page, 'demo-errors-375');
    await page.locator(`${launcher} #redress-order-number`).fill('RD-1003');
    await page.locator(`${launcher} #redress-email`).fill('olga@example.com');
    await page.locator(`${launcher} button[type=submit]`).click();
    await page.locator(`${launcher} .redress-order`).waitFor();
    await screenshot(page, 'demo-found-375');
    await page.close();
  });

  test('the keyboard opens the widget, Escape closes it and focus returns to the launcher', async () => {
    const { page } = await openPage(browser.context, `${server.url}/`);
    const button = page.locator(`${launcher} .redress-launcher`);
    await button.focus();
    await page.keyboard.press('Enter');
    await page.locator(`${launcher} #redress-order-number`).waitFor();
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    await page.keyboard.type('RD-1001');
    await page.keyboard.press('Tab');
    await page.keyboard.type('anna@example.com');
    await page.keyboard.press('Enter');
    await page.locator(`${launcher} .redress-order`).waitFor();
    await page.keyboard.press('Escape');
    assert.equal(await page.locator(`${launcher} .redress-panel`).isHidden(), true);
    const focused = await page.evaluate(
      () => document.querySelector('[data-redress=launcher]').shadowRoot.activeElement?.className,
    );
    assert.equal(focused, 'redress-launcher');
    await page.close();
  });

  test('the manifest lists every file with its SRI hash: two packs per language (for the complaint widget, for every flow), a bundle per flow', async () => {
    const response = await fetch(`${server.url}/pkg/manifest.json`);
    const manifest = await response.json();
    assert.deepEqual(Object.keys(manifest.files).sort(), [
      'css', 'glue', 'glue-trustmark', 'glue-withdraw',
      'lang-de', 'lang-en', 'lang-flows-de', 'lang-flows-en', 'lang-flows-fr', 'lang-flows-fy', 'lang-flows-nl', 'lang-flows-ru',
      'lang-fr', 'lang-fy', 'lang-nl', 'lang-ru',
      'loader', 'wasm', 'wasm-trustmark', 'wasm-withdraw',
    ]);
    for (const file of Object.values(manifest.files)) {
      assert.match(file.integrity, /^sha384-[A-Za-z0-9+/]{64}$/);
      const served = await fetch(`${server.url}/pkg/${file.path}`);
      assert.equal(served.status, 200, file.path);
      assert.equal((await served.arrayBuffer()).byteLength, file.bytes, file.path);
    }
    // The npm package ships every file the manifest lists: a shop installing it from npm
    // gets the language packs too, without which the widget has no words.
    const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: join(ROOT, 'pkg') }));
    const shipped = new Set(packed[0].files.map((f) => f.path));
    for (const file of Object.values(manifest.files)) {
      if (!file.path.startsWith('desk/')) assert.ok(shipped.has(file.path), `${file.path} is not in the npm package`);
    }
    const wasm = await fetch(`${server.url}/pkg/${manifest.files.wasm.path}`);
    assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  });

  test('the words come as a pack: one that fails to load is reported with a retry, never a blank form', async () => {
    const { page, requests, problems } = await openPage(browser.context, `${server.url}/`);
    let refused = 0;
    await page.route(/redress-en-[0-9a-f]+\.txt$/, (r) => {
      refused += 1;
      return r.fulfill({ status: 503, body: 'busy' });
    });
    await page.locator(`${launcher} .redress-launcher`).click();
    const notice = page.locator(`${launcher} .redress-notice-error`);
    await notice.waitFor();
    assert.match(await notice.textContent(), /could not load/);
    assert.equal(await page.locator(`${launcher} #redress-order-number`).count(), 0);
    assert.ok(refused >= 1);
    await page.unroute(/redress-en-[0-9a-f]+\.txt$/);
    await page.locator(`${launcher} .redress-notice-error button`).click();
    await page.locator(`${launcher} #redress-order-number`).waitFor();
    assert.equal(await page.locator(`${launcher} h2`).textContent(), 'Find your order');
    // English is a pack like any other, and the shopper fetched only that one: the
    // complaint widget's words, not the other flows'.
    const packs = () => requests.filter((u) => /\.txt$/.test(u)).map((u) => u.replace(/^.*\/redress-([a-z-]+)-[0-9a-f]+\.txt$/, '$1'));
    assert.deepEqual(packs(), ['en', 'en']);
    // The withdrawal is its own bundle, with every flow's words.
    await page.locator(`${launcher} button:has-text("Withdraw from a purchase")`).click();
    await page.locator(`${launcher} #redress-w-name`).waitFor();
    assert.deepEqual(packs(), ['en', 'en', 'flows-en']);
    assert.deepEqual(problems.filter((p) => !/could not load|503/.test(p)), []);
    await page.close();
  });

  test('a shop policy the core cannot use: the shopper gets a retry, the shop developer the path and the rule', async () => {
    const { page, problems } = await openPage(browser.context, `${server.url}/`);
    const policy = await (await fetch(`${server.url}/api/policy`)).json();
    policy.windows = { ...policy.windows, return_or_withdrawal: { days: 7 } };
    await page.route(`${server.url}/api/policy`, (r) => r.fulfill({ json: policy }));
    await openWidget(page);
    // Said on the lookup screen at once, before the shopper types a lookup the shop may
    // not match; what they type meanwhile stays.
    const notice = page.locator(`${launcher} .redress-notice-error`);
    await notice.waitFor();
    assert.match(await notice.textContent(), /We could not load the form from the shop/);
    assert.ok(
      problems.some((p) => p.includes('/api/policy cannot be used: windows.return_or_withdrawal: must be at least 14 days')),
      problems.join('\n'),
    );
    await page.locator(`${launcher} #redress-order-number`).fill('RD-1001');
    await page.locator(`${launcher} #redress-email`).fill('anna@example.com');
    await page.unroute(`${server.url}/api/policy`);
    await notice.locator('button').click();
    await notice.waitFor({ state: 'detached' });
    assert.equal(await page.locator(`${launcher} #redress-order-number`).inputValue(), 'RD-1001');
    await page.locator(`${launcher} button[type=submit]`).click();
    await page.locator(`${launcher} .redress-step-title`).waitFor();
    await page.close();
  });

  test('the inline element loads when scrolled into view, in the language it asks for', async () => {
    const { page, requests } = await openPage(browser.context, `${server.url}/inline.html`);
    await page.waitForFunction(() => customElements.get('redress-complaint') !== undefined);
    assert.deepEqual(requests.filter((u) => u.endsWith('.wasm')), [], 'below the fold: not loaded');
    assert.equal(await page.locator('[data-redress=launcher]').count(), 0, 'no launcher in inline mode');
    await page.locator('redress-complaint').scrollIntoViewIfNeeded();
    await page.locator('redress-complaint h2').waitFor();
    assert.equal(await page.locator('redress-complaint h2').textContent(), 'Zoek je bestelling');
    await screenshot(page, 'inline-nl-1280');
    await page.close();
  });
});
