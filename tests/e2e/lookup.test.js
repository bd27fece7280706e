// A shop whose policy looks orders up by delivery postcode, does not require the lookup
// and asks which items a complaint is about: the widget asks for the postcode, checks it
// as the server does, and lets a shopper whose order cannot be found file with the order
// number alone, naming the product themselves.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPage, openWidget, screenshot, startBrowser, startServer } from './harness.js';
import { W, axeViolations, daysAgo, shopApi, waitForStep } from './flow.js';

let server;
let browser;

before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'redress-e2e-policy-'));
  const policy = join(dir, 'policy.json');
  writeFileSync(policy, JSON.stringify({
    order_lookup: { key: 'post_code', required: false },
    required: { order_number: true, description: true, items: true },
  }));
  server = await startServer({ args: ['--policy-file', policy] });
  browser = await startBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a shop that looks orders up by postcode', () => {
  test('asks for the postcode, names a wrong one, and finds the order by it', async () => {
    const { page, problems } = await openPage(browser.context, `${server.url}/`, { width: 375, height: 740 });
    await openWidget(page);
    const postcode = page.locator(`${W} #redress-postcode`);
    await postcode.waitFor();
    assert.equal(await page.locator(`${W} #redress-email`).count(), 0, 'no e-mail field');
    assert.equal(await page.locator(`${W} label[for=redress-postcode]`).textContent(), 'Postcode');
    assert.equal(await postcode.getAttribute('autocomplete'), 'postal-code');

    await page.locator(`${W} #redress-order-number`).fill('RD-1001');
    await postcode.fill('anna@example.com');
    await page.locator(`${W} button[type=submit]`).click();
    const summary = page.locator(`${W} .redress-summary`);
    await summary.waitFor();
    assert.match(await summary.textContent(), /Enter a postcode such as 1011 AB/);
    const described = (await postcode.getAttribute('aria-describedby')).split(' ');
    assert.ok(described.includes('redress-postcode-error'), 'the error is tied to the postcode field');
    await summary.locator('a').click();
    assert.equal(await page.evaluate(() => document.querySelector('[data-redress=launcher]').shadowRoot.activeElement?.id), 'redress-postcode');
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'lookup-postcode-error-375');

    // A well-formed postcode of another address: the notice speaks of the postcode, not
    // of an e-mail address the shopper was never asked for.
    await postcode.fill('9999 ZZ');
    await page.locator(`${W} button[type=submit]`).click();
    const notice = page.locator(`${W} .redress-live:has-text("could not find an order")`);
    await notice.waitFor();
    assert.match(await notice.textContent(), /this order number and postcode/);
    await screenshot(page, 'lookup-postcode-not-found-375');

    await postcode.fill('1011 ab');
    await page.locator(`${W} button[type=submit]`).click();
    const card = page.locator(`${W} .redress-order`);
    await card.waitFor();
    assert.match(await card.textContent(), /We found your order/);
    assert.equal(await card.locator('.redress-order-number').textContent(), 'RD-1001');
    // The contact step asks for the e-mail the lookup did not. The browser logs the
    // not-found answer's 404 status; that is not an error of the widget.
    assert.deepEqual(problems.filter((p) => !/status of 404/.test(p)), []);
    await page.close();
  });

  test('a policy that does not load is said on the lookup screen, and its retry brings the postcode field', async () => {
    const { page, problems } = await openPage(browser.context, `${server.url}/`, { width: 375, height: 740 });
    await page.route(`${server.url}/api/policy`, (r) => r.fulfill({ status: 503, body: 'busy' }));
    await openWidget(page);
    const notice = page.locator(`${W} .redress-notice-error`);
    await notice.waitFor();
    assert.match(await notice.textContent(), /We could not load the form from the shop/);
    await screenshot(page, 'lookup-policy-failed-375');
    await page.unroute(`${server.url}/api/policy`);
    await notice.locator('button').click();
    await page.locator(`${W} #redress-postcode`).waitFor();
    assert.equal(await notice.count(), 0);
    assert.equal(await page.locator(`${W} #redress-email`).count(), 0, 'no e-mail field');
    assert.deepEqual(problems.filter((p) => !/status of 503/.test(p)), []);
    await page.close();
  });

  test('an order that cannot be found is filed with its number alone', async () => {
    const { page, problems } = await openPage(browser.context, `${server.url}/`);
    await page.evaluate(() => localStorage.clear());
    await openWidget(page);
    await page.locator(`${W} #redress-postcode`).waitFor();
    const skip = page.locator(`${W} button:has-text("File without looking up the order")`);
    // Without an order number there is nothing to file about.
    await skip.click();
    await page.locator(`${W} .redress-summary`).waitFor();
    assert.match(await page.locator(`${W} .redress-summary`).textContent(), /order number/i);
    assert.doesNotMatch(await page.locator(`${W} .redress-summary`).textContent(), /postcode/i);

    await page.locator(`${W} #redress-order-number`).fill('RD-2077');
    await skip.click();
    const card = page.locator(`${W} .redress-order`);
    await card.waitFor();
    assert.match(await card.textContent(), /Order not looked up/);
    assert.doesNotMatch(await card.textContent(), /We found|Delivered on/);
    assert.equal(await card.locator('.redress-order-number').textContent(), 'RD-2077');

    // No item list came from the shop: the shopper names the product.
    await page.locator(`${W} input[name=redress-reason][value=defective_or_damaged]`).check();
    await page.locator(`${W} button[type=submit]`).click();
    const items = page.locator(`${W} #redress-item-0`);
    assert.equal(await items.getAttribute('type'), 'text');
    assert.equal(await items.getAttribute('aria-invalid'), 'true', 'the policy asks which product');
    await items.fill('Espresso machine');
    await page.locator(`${W} #redress-incident-date`).fill(daysAgo(2));
    await page.locator(`${W} #redress-description`).fill('The espresso machine leaks water from the bottom.');
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'filing-without-lookup-1280');
    await page.locator(`${W} button[type=submit]`).click();
    await waitForStep(page, 'What you want');
    await page.locator(`${W} input[name=redress-resolution][value=repair]`).check();
    for (let i = 0; i < 4 && !(await page.locator(`${W} #redress-contact-email`).count()); i += 1) {
      await page.locator(`${W} button[type=submit]`).click();
      await page.waitForTimeout(50);
    }
    const contact = page.locator(`${W} #redress-contact-email`);
    assert.equal(await contact.inputValue(), '', 'no e-mail was given, so none is pre-filled');
    await contact.fill('noor@example.com');
    await page.locator(`${W} button[type=submit]`).click();
    const review = page.locator(`${W} .redress-review-part`);
    await review.first().waitFor();
    assert.match(await page.locator(`${W} .redress-screen`).textContent(), /Espresso machine/);
    await page.locator(`${W} button[type=submit]`).click();
    const reference = (await page.locator(`${W} .redress-reference`).textContent()).trim();

    const filed = await shopApi(server, `/shop/complaints/${reference}`);
    assert.equal(filed.status, 200);
    const text = JSON.stringify(filed.body);
    assert.match(text, /RD-2077/);
    assert.match(text, /Espresso machine/);
    assert.match(text, /noor@example\.com/);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
