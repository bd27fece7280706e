// The withdrawal on a shop whose policy looks orders up by delivery postcode and does not
// require the lookup: the pre-lookup asks for the postcode (not the e-mail), checks it as
// the complaint lookup does, finds the order by it; the confirmation goes to the contact
// e-mail the shopper types apart; and the lookup may be skipped for typed contract details.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPage, screenshot, startBrowser, startServer } from './harness.js';
import { W, axeViolations, daysAgo, openWithdrawal, shopApi } from './flow.js';
import { startSmtpSink } from './smtp_sink.js';

let server;
let browser;
let sink;

before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'redress-e2e-policy-'));
  const policy = join(dir, 'policy.json');
  writeFileSync(policy, JSON.stringify({ order_lookup: { key: 'post_code', required: false } }));
  sink = await startSmtpSink();
  server = await startServer({ args: ['--smtp-url', sink.url, '--policy-file', policy] });
  browser = await startBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await sink?.close();
});

describe('withdrawal on a shop that looks orders up by postcode', () => {
  test('asks for the postcode, names a wrong one, finds the order by it and confirms to the contact e-mail', async () => {
    const { page, problems } = await openPage(browser.context, `${server.url}/withdraw.html`);
    await openWithdrawal(page);
    const postcode = page.locator(`${W} #redress-w-lookup-postcode`);
    await postcode.waitFor();
    assert.equal(await page.locator(`${W} #redress-w-lookup-email`).count(), 0, 'no lookup e-mail on a postcode shop');
    assert.equal(await page.locator(`${W} label[for=redress-w-lookup-postcode]`).textContent(), 'Postcode');
    assert.equal(await postcode.getAttribute('autocomplete'), 'postal-code');

    await page.locator(`${W} #redress-w-name`).fill('Anna de Vries');
    await page.locator(`${W} #redress-w-order`).fill('RD-1001');
    await page.locator(`${W} button[type=submit]`).click();
    const error = page.locator(`${W} #redress-w-lookup-postcode-error`);
    await error.waitFor();
    assert.equal((await error.textContent()).trim(), 'Enter the postcode the order was delivered to.');
    await postcode.fill('anna@example.com');
    await page.locator(`${W} button[type=submit]`).click();
    await page.locator(`${W} #redress-w-lookup-postcode-error:has-text("such as 1011 AB")`).waitFor();
    assert.equal(await postcode.getAttribute('aria-invalid'), 'true');
    await screenshot(page, 'withdraw-postcode-error-1280');

    await postcode.fill('1011 ab');
    await page.locator(`${W} button[type=submit]`).click();
    const window = page.locator(`${W} .redress-window-open`);
    await window.waitFor();
    assert.match(await window.textContent(), /^You can withdraw until /, 'the order was found by its postcode');
    assert.equal(await page.locator(`${W} #redress-w-item-0`).isChecked(), true);
    const contact = page.locator(`${W} #redress-w-email`);
    assert.equal(await contact.inputValue(), '', 'the contact e-mail is asked for apart');
    assert.equal(await page.locator(`${W} #redress-w-email-error`).count(), 0, 'and not blamed before it is typed');
    assert.deepEqual(await axeViolations(page), []);
    await contact.fill('anna.private@example.net');
    await screenshot(page, 'withdraw-postcode-found-1280');
    await page.locator(`${W} button[type=submit]`).click();

    await page.locator(`${W} .redress-step-title:text-is("Check and confirm")`).waitFor();
    assert.match(await page.locator(`${W} .redress-review-list`).textContent(), /RD-1001.*anna\.private@example\.net/);
    await page.locator(`${W} button[type=submit]:text-is("Confirm withdrawal")`).click();
    const reference = page.locator(`${W} .redress-reference`);
    await reference.waitFor();
    const ref = (await reference.textContent()).trim();
    assert.match(ref, /^W-[A-Z0-9]+$/);
    assert.match(await page.locator(`${W} .redress-confirm-by`).textContent(), /refunds you by/);

    const { body: recorded } = await shopApi(server, `/shop/withdrawals/${ref}`);
    assert.equal(recorded.order_number, 'RD-1001');
    assert.notEqual(recorded.withdrawal.window, null, 'the shop matched the order, not typed details');
    assert.equal(recorded.withdrawal.lookup_postcode, '1011 AB', 'the postcode is part of the recorded withdrawal');
    assert.equal(JSON.parse(recorded.receipt.signed).order_found_by, 'post_code', 'the receipt names the proof that matched');
    const mail = await sink.mailTo('anna.private@example.net');
    assert.match(mail.body, new RegExp(ref));
    assert.match(mail.body, /Wireless headphones/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a wrong postcode is not found, and the lookup may be skipped for typed contract details', async () => {
    const { page } = await openPage(browser.context, `${server.url}/withdraw.html`, { width: 375, height: 740 });
    await openWithdrawal(page);
    await page.locator(`${W} #redress-w-name`).fill('Cas de Boer');
    await page.locator(`${W} #redress-w-order`).fill('RD-1001');
    await page.locator(`${W} #redress-w-lookup-postcode`).fill('9999 ZZ');
    await page.locator(`${W} button[type=submit]`).click();
    await page.locator(`${W} #redress-w-goods`).waitFor();
    assert.match(await page.locator(`${W} .redress-live`).textContent(), /number and postcode.*still withdraw/);

    await openWithdrawal(page);
    await page.locator(`${W} #redress-w-name`).fill('Cas de Boer');
    await page.locator(`${W} #redress-w-order`).fill('WEB-77');
    await page.locator(`${W} button:text-is("Withdraw without looking up the order")`).click();
    await page.locator(`${W} #redress-w-order-date`).fill(daysAgo(5));
    await page.locator(`${W} #redress-w-goods`).fill('A green raincoat, size M');
    await page.locator(`${W} #redress-w-email`).fill('cas@example.com');
    await page.locator(`${W} button[type=submit]`).click();
    await page.locator(`${W} button[type=submit]:text-is("Confirm withdrawal")`).click();
    await page.locator(`${W} .redress-reference`).waitFor();
    assert.match((await sink.mailTo('cas@example.com')).body, /green raincoat/);
    await page.close();
  });
});
