// The EU withdrawal function ("withdraw from contract here", Art. 11a CRD): an eligible
// order end to end with the acknowledgement e-mail caught by a real SMTP sink and its
// receipt verified, a form in progress resumed after a reload, an order past the period
// routed to the complaint flow, and a withdrawal without a lookup (typed contract details).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createPublicKey, verify } from 'node:crypto';
import { openPage, screenshot, startBrowser, startServer } from './harness.js';
import { W, axeViolations, daysAgo, openWithdrawal, shopApi } from './flow.js';
import { startSmtpSink } from './smtp_sink.js';

let server;
let browser;
let sink;

before(async () => {
  sink = await startSmtpSink();
  server = await startServer({ args: ['--smtp-url', sink.url] });
  browser = await startBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await sink?.close();
});

async function fillLookup(page, { name = 'Anna de Vries', order = 'RD-1001', email = 'anna@example.com' } = {}) {
  await page.locator(`${W} #redress-w-name`).fill(name);
  await page.locator(`${W} #redress-w-order`).fill(order);
  await page.locator(`${W} #redress-w-lookup-email`).fill(email);
  await page.locator(`${W} button[type=submit]`).click();
}

/** Checks an Ed25519 receipt envelope against the shop's published key. */
async function receiptVerifies(receipt) {
  const key = await (await fetch(`${server.url}/api/receipt-key`)).json();
  assert.equal(receipt.key_id, key.key_id);
  const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(key.public_key, 'hex')]);
  return verify(null, Buffer.from(receipt.signed, 'utf8'), createPublicKey({ key: spki, format: 'der', type: 'spki' }), Buffer.from(receipt.signature, 'hex'));
}

describe('withdrawal', () => {
  test('an eligible order is withdrawn after a separate confirmation, and the e-mail carries a receipt that verifies', async () => {
    const { page, problems } = await openPage(browser.context, `${server.url}/withdraw.html`);
    await openWithdrawal(page);
    await screenshot(page, 'withdraw-start-1280');
    assert.deepEqual(await axeViolations(page), []);
    await fillLookup(page);
    const window = page.locator(`${W} .redress-window-open`);
    await window.waitFor();
    assert.match(await window.textContent(), /^You can withdraw until \w{3} \d{1,2} \w{3}\.$/);
    assert.equal(await page.locator(`${W} #redress-w-item-0`).isChecked(), true, 'all items by default');
    assert.equal(await page.locator(`${W} #redress-w-email`).inputValue(), 'anna@example.com');
    await screenshot(page, 'withdraw-details-1280');
    assert.deepEqual(await axeViolations(page), []);
    await page.locator(`${W} button[type=submit]`).click();

    const confirm = page.locator(`${W} button[type=submit]`);
    await page.locator(`${W} .redress-step-title:text-is("Check and confirm")`).waitFor();
    assert.equal(await confirm.textContent(), 'Confirm withdrawal');
    assert.match(await page.locator(`${W} .redress-review-list`).textContent(), /Anna de Vries.*RD-1001/);
    await screenshot(page, 'withdraw-confirm-1280');
    assert.deepEqual(await axeViolations(page), []);
    await confirm.dblclick();

    const reference = page.locator(`${W} .redress-reference`);
    await reference.waitFor();
    assert.match(await reference.textContent(), /^W-[A-Z0-9]+$/);
    assert.match(await page.locator(`${W} .redress-withdrawn-at`).textContent(), /^Received on \w{3} \d{1,2} \w{3} \d{4} \d{2}:\d{2}\.$/);
    assert.match(await page.locator(`${W} .redress-confirm-by`).textContent(), /refunds you by \d{1,2} \w{3} \d{4}/);
    assert.equal(await page.locator(`${W} .redress-receipt-link`).getAttribute('download'), `withdrawal-${(await reference.textContent()).trim()}.json`);
    await screenshot(page, 'withdraw-done-1280');
    assert.deepEqual(await axeViolations(page), []);

    const { body: listed } = await shopApi(server, '/shop/withdrawals');
    assert.equal(listed.length, 1, 'a double click records one withdrawal');

    const mail = await sink.mailTo('anna@example.com');
    assert.match(mail.body, new RegExp((await reference.textContent()).trim()));
    assert.match(mail.body, /RD-1001/);
    assert.match(mail.body, /\d{2}:\d{2}/, 'the time of receipt');
    const lastLine = mail.body.trim().split(/\r?\n/).pop();
    const receipt = JSON.parse(lastLine);
    assert.equal(await receiptVerifies(receipt), true, 'the e-mailed receipt verifies with the shop key');
    const forged = { ...receipt, signed: receipt.signed.replace('RD-1001', 'RD-1009') };
    assert.equal(await receiptVerifies(forged), false, 'an edited receipt does not');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a withdrawal in progress resumes after a reload, also as an earlier version saved it', async () => {
    const { page, problems } = await openPage(browser.context, `${server.url}/withdraw.html`);
    await openWithdrawal(page);
    await fillLookup(page);
    await page.locator(`${W} .redress-window-open`).waitFor();
    await page.locator(`${W} button[type=submit]`).click();
    const confirmStep = page.locator(`${W} .redress-step-title:text-is("Check and confirm")`);
    await confirmStep.waitFor();
    const reopen = async () => {
      await page.reload({ waitUntil: 'load' });
      await page.locator(`${W} .redress-launcher`).click();
      await confirmStep.waitFor();
      return page.locator(`${W} .redress-review-list`).textContent();
    };
    assert.match(await reopen(), /Anna de Vries.*RD-1001/);

    // Saved before the postcode was part of the draft (it was kept beside it) and before
    // the typed contract and the typed order existed.
    const key = await page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith('redress-withdrawal:')));
    const saved = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), key));
    const { typed, ...order } = saved.order;
    assert.equal(typed, false);
    const older = {
      stage: 'Confirm',
      idempotency_key: saved.idempotency_key,
      draft: { ...saved.draft, name: 'Eva Smit' },
      order,
      lookup_postcode: '',
    };
    await page.evaluate(([k, text]) => localStorage.setItem(k, text), [key, JSON.stringify(older)]);
    assert.match(await reopen(), /Eva Smit.*RD-1001/);
    // The shop turns the confirmation away once (too many filings from this address): the
    // shopper is told about their withdrawal, not a complaint, and the form stays.
    await page.route(`${server.url}/api/withdrawals`, (r) => r.fulfill({
      status: 429, json: { error: 'rate_limited', message: 'too many complaints from this address; wait a few minutes' },
    }), { times: 1 });
    await page.locator(`${W} button[type=submit]:text-is("Confirm withdrawal")`).click();
    const refused = page.locator(`${W} .redress-notice-error`);
    await refused.waitFor();
    assert.equal(await refused.textContent(), 'The shop did not accept your withdrawal just now. Nothing is lost; please try again in a few minutes.');
    assert.match(await page.locator(`${W} .redress-review-list`).textContent(), /Eva Smit.*RD-1001/);
    await page.locator(`${W} button[type=submit]:text-is("Confirm withdrawal")`).click();
    await page.locator(`${W} .redress-reference`).waitFor();
    assert.deepEqual(problems.filter((p) => !/status of 429/.test(p)), []);
    await page.close();
  });

  test('the withdrawal flow is its own bundle: fetched from the complaint widget only when asked for', async () => {
    const { page, requests, problems } = await openPage(browser.context, `${server.url}/`);
    await page.evaluate(() => localStorage.clear());
    await page.reload({ waitUntil: 'load' });
    await page.locator(`${W} .redress-launcher`).click();
    await page.locator(`${W} #redress-order-number`).waitFor();
    const wasm = () => requests.filter((u) => u.endsWith('.wasm')).map((u) => u.split('/').pop());
    assert.equal(wasm().length, 1);
    assert.doesNotMatch(wasm()[0], /withdraw/, 'the complaint widget comes without the withdrawal flow');
    await page.locator(`${W} button:has-text("Withdraw from a purchase")`).click();
    await page.locator(`${W} #redress-w-name`).waitFor();
    assert.equal(wasm().length, 2);
    assert.match(wasm()[1], /^redress-withdraw-[0-9a-f]{10}\.wasm$/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a shop policy that does not load is said in the withdrawal\'s words, with a retry', async () => {
    const { page, problems } = await openPage(browser.context, `${server.url}/withdraw.html`, { width: 375, height: 740 });
    await page.evaluate(() => localStorage.clear());
    await page.route(`${server.url}/api/policy`, (r) => r.fulfill({ status: 503, body: 'busy' }));
    await page.locator(`${W} .redress-launcher`).click();
    const notice = page.locator(`${W} .redress-notice-error`);
    await notice.waitFor();
    assert.equal(await notice.locator('p').textContent(), 'We could not load the form from the shop. Please try again.');
    await page.unroute(`${server.url}/api/policy`);
    await notice.locator('button').click();
    await page.locator(`${W} #redress-w-name`).waitFor();
    assert.deepEqual(problems.filter((p) => !/status of 503/.test(p)), []);
    await page.close();
  });

  test('an order past the period is explained and routed to the complaint flow', async () => {
    const { page } = await openPage(browser.context, `${server.url}/withdraw.html`, { width: 375, height: 740 });
    await openWithdrawal(page);
    await fillLookup(page, { name: 'Bram Jansen', order: 'RD-1002', email: 'bram@example.com' });
    const closed = page.locator(`${W} .redress-notice-error:has-text("withdrawal period")`);
    await closed.waitFor();
    assert.match(await closed.textContent(), /ended on \d{1,2} \w{3} \d{4}.*file a complaint/);
    await screenshot(page, 'withdraw-closed-375');
    await page.locator(`${W} button:has-text("File a complaint instead")`).click();
    await page.locator(`${W} #redress-order-number`).waitFor();
    await page.close();
  });

  test('without a lookup the shopper types the contract details and still withdraws', async () => {
    const { page } = await openPage(browser.context, `${server.url}/withdraw.html`);
    await openWithdrawal(page);
    await fillLookup(page, { name: 'Cas de Boer', order: 'WEB-77', email: 'cas@example.com' });
    await page.locator(`${W} #redress-w-goods`).waitFor();
    assert.match(await page.locator(`${W} .redress-live`).textContent(), /could not find an order.*still withdraw/);
    await page.locator(`${W} button[type=submit]`).click();
    await page.locator(`${W} #redress-w-goods-error`).waitFor();
    await page.locator(`${W} #redress-w-order-date`).fill(daysAgo(5));
    await page.locator(`${W} #redress-w-goods`).fill('A green raincoat, size M');
    await page.locator(`${W} button[type=submit]`).click();
    await page.locator(`${W} button[type=submit]:text-is("Confirm withdrawal")`).click();
    await page.locator(`${W} .redress-reference`).waitFor();
    const mail = await sink.mailTo('cas@example.com');
    assert.match(mail.body, /green raincoat/);
    await page.close();
  });
});
