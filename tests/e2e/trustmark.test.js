// Trustmark mode end to end: a trustmark's registry signed with the real CLI
// (`redress-server trustmark keygen/sign`), its complaint page (www/trustmark.html) for a
// member with the gate passed and too early, a non-member, a lapsed member, a travel member,
// a receipt from the shop's widget imported (and one edited by a byte refused), and the
// member badge in the shop's widget on its own host only (shop.localhost vs other.localhost);
// and a complaint filed with the trustmark through the widget's filing flow, refused once by
// the server (too early) and then filed, as the trustmark's desk then shows it.

import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { createHash, createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, openPage, screenshot, startBrowser } from './harness.js';
import { SHOP_TOKEN, axeViolations, fileThroughWidget, shopApi, W } from './flow.js';

const SERVER_BIN = process.env.REDRESS_SERVER_BIN ?? join(ROOT, 'target/debug/redress-server');
const PAGE = 'redress-complaint';

/** The server in a data directory the test can also hand to the trustmark CLI. */
async function startTrustmarkServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'redress-e2e-trustmark-'));
  const child = spawn(SERVER_BIN, [
    '--listen', '127.0.0.1:0', '--data-dir', dataDir, '--demo',
    '--www-dir', join(ROOT, 'www'), '--pkg-dir', join(ROOT, 'pkg'),
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const url = await new Promise((ok, fail) => {
    child.stdout.on('data', (chunk) => {
      log += chunk;
      const found = /listening on (http:\/\/\S+)/.exec(log);
      if (found) ok(found[1].replace(/\/$/, ''));
    });
    child.stderr.on('data', (chunk) => { log += chunk; });
    child.once('exit', (code) => fail(new Error(`redress-server exited (${code}):\n${log}`)));
  });
  const cli = (...args) => execFileSync(SERVER_BIN, ['--data-dir', dataDir, 'trustmark', ...args], { encoding: 'utf8' });
  return {
    url,
    port: new URL(url).port,
    cli,
    dataDir,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((ok) => (child.exitCode !== null ? ok() : child.once('exit', ok)));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `n` working days (Monday to Friday) after the ISO day `from`, as the core counts. */
function workingDaysAfter(from, n) {
  const day = new Date(`${from}T12:00:00Z`);
  let left = n;
  while (left > 0) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) left -= 1;
  }
  return day.toISOString().slice(0, 10);
}

/** The ISO day `n` days before today. */
function daysAgo(n) {
  return new Date(Date.now() - n * 86400000).toISOString().slice(0, 10);
}

/** The Ed25519 public key of the all-zero seed: a valid key that signed none of these receipts. */
const RETIRED_RECEIPT_KEY = '3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29';

let server;
let browser;

before(async () => {
  server = await startTrustmarkServer();
  const receiptKey = (await (await fetch(`${server.url}/api/receipt-key`)).json()).public_key;
  assert.match(server.cli('keygen', '--trustmark', 'Becom'), /public_key [0-9a-f]{64}/);
  const members = join(server.dataDir, 'members.json');
  writeFileSync(members, JSON.stringify([
    // An older receipt key of the shop listed first: the page picks the key the receipt
    // names (its key_id), not the first in the list.
    { shop_name: 'Kade Store', member_id: 'B-1', domains: ['shop.localhost'], valid_from: '2020-01-01', valid_until: '2099-12-31', categories: ['general'], receipt_keys: [RETIRED_RECEIPT_KEY, receiptKey] },
    { shop_name: 'Zonnereizen', member_id: 'B-2', domains: ['zonnereizen.localhost'], valid_from: '2020-01-01', valid_until: '2099-12-31', categories: ['travel'] },
    { shop_name: 'Oud Winkeltje', member_id: 'B-3', domains: ['oud.localhost'], valid_from: '2020-01-01', valid_until: '2020-12-31', categories: ['general'] },
  ]));
  server.cli('sign', '--members', members);
  browser = await startBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** The trustmark page with its member list verified. */
async function openTrustmarkPage(width = 1280) {
  const opened = await openPage(browser.context, `${server.url}/trustmark.html`, { width });
  await opened.page.locator(`${PAGE} #redress-tm-search`).waitFor();
  return opened;
}

async function pickShop(page, query, name) {
  await page.locator(`${PAGE} #redress-tm-search`).fill(query);
  await page.locator(`${PAGE} .redress-tm-results button`, { hasText: name }).click();
  await page.locator(`${PAGE} .redress-tm-shop`).waitFor();
}

async function route(page) {
  const notice = page.locator(`${PAGE} .redress-tm-route`);
  await notice.waitFor();
  return { code: await notice.getAttribute('data-route'), text: await notice.textContent(), opensOn: await notice.getAttribute('data-opens-on') };
}

async function answerGate(page, complainedOn) {
  await page.locator(`${PAGE} input[name=redress-tm-complained][value=yes]`).check();
  await page.locator(`${PAGE} #redress-tm-complained-on`).fill(complainedOn);
  await page.locator(`${PAGE} button`, { hasText: 'Check where my complaint goes' }).click();
}

describe('the trustmark page', () => {
  test('a member the shopper complained to 10 days ago: the trustmark takes it now', async () => {
    const { page, problems } = await openTrustmarkPage();
    await pickShop(page, 'kade', 'Kade Store');
    assert.match(await page.locator(`${PAGE} .redress-tm-shop`).textContent(), /Member B-1/);
    await answerGate(page, daysAgo(10));
    const answer = await route(page);
    assert.equal(answer.code, 'trustmark_route.trustmark');
    assert.match(answer.text, /Becom can take your complaint about Kade Store now/);
    assert.deepEqual(await axeViolations(page, PAGE), []);
    await screenshot(page, 'trustmark-member-open-1280');
    assert.deepEqual(problems, []);
  });

  test('a member complained to today: too early, with the day the trustmark can take it', async () => {
    const { page } = await openTrustmarkPage(375);
    await pickShop(page, 'shop.localhost', 'Kade Store');
    const today = daysAgo(0);
    await answerGate(page, today);
    const answer = await route(page);
    assert.equal(answer.code, 'trustmark_route.too_early');
    assert.equal(answer.opensOn, workingDaysAfter(today, 5));
    assert.match(answer.text, /Becom can take your complaint from \d{1,2} \S+ \d{4}/);
    await screenshot(page, 'trustmark-too-early-375');
    // Not complained yet: complain to the shop first.
    await page.locator(`${PAGE} input[name=redress-tm-complained][value=no]`).check();
    await page.locator(`${PAGE} button`, { hasText: 'Check where my complaint goes' }).click();
    assert.equal((await route(page)).code, 'trustmark_route.shop_first');
  });

  test('a shop not in the list, or no longer, goes to the consumer ombudsman', async () => {
    const { page } = await openTrustmarkPage();
    await page.locator(`${PAGE} #redress-tm-search`).fill('cheap-bikes');
    await page.locator(`${PAGE} .redress-notice`, { hasText: 'No member shop matches' }).waitFor();
    await page.locator(`${PAGE} button`, { hasText: 'My shop is not in the list' }).click();
    let answer = await route(page);
    assert.equal(answer.code, 'trustmark_route.consumer_ombudsman');
    assert.match(answer.text, /not a member of Becom.*consumer ombudsman/);
    await page.locator(`${PAGE} button`, { hasText: 'Choose another shop' }).click();
    await pickShop(page, 'oud', 'Oud Winkeltje');
    answer = await route(page);
    assert.equal(answer.code, 'trustmark_route.consumer_ombudsman');
    assert.match(answer.text, /ended on .*2020.*consumer ombudsman/);
    assert.equal(await page.locator(`${PAGE} input[name=redress-tm-complained]`).count(), 0, 'no gate for a lapsed member');
    await screenshot(page, 'trustmark-lapsed-1280');
  });

  test('a travel member goes to the travel disputes committee; cross-border to the ECC', async () => {
    const { page } = await openTrustmarkPage(375);
    await pickShop(page, 'reizen', 'Zonnereizen');
    const answer = await route(page);
    assert.equal(answer.code, 'trustmark_route.travel');
    assert.match(answer.text, /travel disputes committee/);
    await screenshot(page, 'trustmark-travel-375');
    await page.locator(`${PAGE} button`, { hasText: 'Choose another shop' }).click();
    await pickShop(page, 'kade', 'Kade Store');
    await page.locator(`${PAGE} #redress-tm-cross-border`).check();
    await answerGate(page, daysAgo(10));
    const ecc = await route(page);
    assert.equal(ecc.code, 'trustmark_route.ecc');
    assert.match(ecc.text, /European Consumer Centre/);
  });

  test('in Dutch: the same gate, its words from the Dutch pack', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 375, height: 800 });
    await page.route(`${server.url}/trustmark-nl.html`, async (r) => {
      const english = await (await r.fetch({ url: `${server.url}/trustmark.html` })).text();
      await r.fulfill({ contentType: 'text/html', body: english.replace('lang="en" mode="trustmark"', 'lang="nl" mode="trustmark"') });
    });
    await page.goto(`${server.url}/trustmark-nl.html`);
    await pickShop(page, 'kade', 'Kade Store');
    await page.locator(`${PAGE} input[name=redress-tm-complained][value=yes]`).check();
    await page.locator(`${PAGE} #redress-tm-complained-on`).fill(daysAgo(0));
    await page.locator(`${PAGE} button`, { hasText: 'Bekijk waar mijn klacht heen kan' }).click();
    const answer = await route(page);
    assert.equal(answer.code, 'trustmark_route.too_early');
    assert.match(answer.text, /Becom kan je klacht vanaf .+ in behandeling nemen/);
    await screenshot(page, 'trustmark-too-early-nl-375');
    await page.close();
  });

  test('a member list changed by one byte on the way is refused in the browser', async () => {
    const page = await browser.context.newPage();
    await page.route('**/api/trustmark/registry', async (r) => {
      const original = await (await r.fetch()).json();
      original.signed = original.signed.replace('Kade Store', 'Kade Storf');
      await r.fulfill({ contentType: 'application/json', body: JSON.stringify(original) });
    });
    await page.goto(`${server.url}/trustmark.html`);
    const failed = page.locator(`${PAGE} .redress-notice-error`);
    await failed.waitFor();
    assert.match(await failed.textContent(), /signature did not verify/);
    assert.equal(await page.locator(`${PAGE} #redress-tm-search`).count(), 0);
    await page.close();
  });

  test('a receipt from the shop\'s widget fills in the gate; one edited by a byte is refused', async () => {
    const shop = await openPage(browser.context, `${server.url}/`);
    const reference = await fileThroughWidget(shop.page);
    const link = shop.page.locator(`${W} .redress-receipt-link`);
    const receipt = await link.evaluate((a) => fetch(a.href).then((r) => r.text()));
    await shop.page.close();
    assert.equal(JSON.parse(receipt).key_id.length, 16);

    const { page } = await openTrustmarkPage();
    await pickShop(page, 'kade', 'Kade Store');
    const upload = (text) => page.locator(`${PAGE} #redress-tm-receipt`).setInputFiles({ name: 'receipt.json', mimeType: 'application/json', buffer: Buffer.from(text) });

    // One byte changed inside the signed text (the reference's last character).
    const envelope = JSON.parse(receipt);
    const last = reference.slice(-1);
    envelope.signed = envelope.signed.replace(reference, reference.slice(0, -1) + (last === 'A' ? 'B' : 'A'));
    assert.notEqual(JSON.stringify(envelope), receipt);
    await upload(JSON.stringify(envelope));
    const refused = page.locator(`${PAGE} [data-receipt=refused]`);
    await refused.waitFor();
    assert.match(await refused.textContent(), /does not verify/);
    assert.equal(await page.locator(`${PAGE} #redress-tm-complained-on`).count(), 0, 'nothing filled in');

    await upload(receipt);
    const verified = page.locator(`${PAGE} [data-receipt=verified]`);
    await verified.waitFor();
    assert.match(await verified.textContent(), new RegExp(`Receipt verified: complaint ${reference}`));
    const today = daysAgo(0);
    assert.equal(await page.locator(`${PAGE} #redress-tm-complained-on`).inputValue(), today);
    assert.equal(await page.locator(`${PAGE} #redress-tm-reference`).inputValue(), reference);
    await page.locator(`${PAGE} button`, { hasText: 'Check where my complaint goes' }).click();
    assert.equal((await route(page)).opensOn, workingDaysAfter(today, 5));
    assert.deepEqual(await axeViolations(page, PAGE), []);
    await screenshot(page, 'trustmark-receipt-1280');
  });
});

describe('the member badge in the shop\'s widget', () => {
  /** A shop page with the badge configured, served as if from `host`. */
  async function shopPageOn(host, width = 1280) {
    const origin = `http://${host}:${server.port}`;
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: 800 });
    await page.route(`${origin}/member-shop.html`, (r) => r.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kade Store</title>
        <link rel="stylesheet" href="/shop.css">
        <script src="/pkg/redress.js" data-endpoint="/api" data-lang="en"
          data-trustmark="/api/trustmark/attestations/B-1" async></script></head>
        <body><main><h1>Kade Store</h1></main></body></html>`,
    }));
    await page.goto(`${origin}/member-shop.html`);
    const attestation = page.waitForResponse((r) => r.url().endsWith('/api/trustmark/attestations/B-1'));
    await page.locator(`${W} .redress-launcher`).click();
    await page.locator(`${W} #redress-order-number`).waitFor();
    await attestation;
    return page;
  }

  test('shows "Member of Becom" on the member\'s own host', async () => {
    const page = await shopPageOn('shop.localhost');
    const badge = page.locator(`${W} .redress-member-badge`);
    await badge.waitFor();
    assert.equal((await badge.textContent()).trim(), 'Member of Becom');
    assert.equal(await badge.getAttribute('data-member'), 'B-1');
    await screenshot(page, 'trustmark-badge-1280');
    await page.close();
    const narrow = await shopPageOn('shop.localhost', 375);
    await narrow.locator(`${W} .redress-member-badge`).waitFor();
    await screenshot(narrow, 'trustmark-badge-375');
    await narrow.close();
  });

  test('an attestation changed by one byte shows nothing, even on the member\'s host', async () => {
    await browser.context.route('**/api/trustmark/attestations/B-1', async (r) => {
      // Node cannot resolve shop.localhost: fetch the real attestation from the loopback address.
      const original = await (await r.fetch({ url: `${server.url}/api/trustmark/attestations/B-1` })).json();
      original.signed = original.signed.replace('2099-12-31', '2099-12-30');
      await r.fulfill({ contentType: 'application/json', body: JSON.stringify(original) });
    });
    try {
      const page = await shopPageOn('shop.localhost');
      await page.evaluate(() => new Promise((ok) => setTimeout(ok, 500)));
      assert.equal(await page.locator(`${W} .redress-member-badge`).count(), 0);
      await page.close();
    } finally {
      await browser.context.unrouteAll();
    }
  });

  test('a copy of the same embed on another host shows nothing', async () => {
    const page = await shopPageOn('other.localhost');
    // The attestation arrived; give WebCrypto and the core their turn, then look.
    await page.evaluate(() => new Promise((ok) => setTimeout(ok, 500)));
    assert.equal(await page.locator(`${W} .redress-member-badge`).count(), 0);
    await page.close();
  });
});

/**
 * A receipt as the member shop's widget issued it for a complaint received on `day`,
 * signed with the server's own receipt key (the shop's key the registry lists): the shop's
 * widget only issues receipts dated today, and the trustmark takes a complaint only once
 * the shop's time ran out.
 */
function shopReceipt(reference, day) {
  const seed = readFileSync(join(server.dataDir, 'receipt-signing-key'), 'utf8').trim();
  const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from(seed, 'hex')]);
  const key = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(key).export({ format: 'der', type: 'spki' }).subarray(-32);
  const signed = JSON.stringify({
    complaint: { contact: { email: 'anna@example.com' }, order_number: 'RD-1001' },
    evidence: [],
    received_at: `${day}T09:30:00Z`,
    reference,
  });
  return JSON.stringify({
    version: 1,
    algorithm: 'Ed25519',
    key_id: createHash('sha256').update(publicKey).digest('hex').slice(0, 16),
    signed,
    signature: sign(null, Buffer.from(signed), key).toString('hex'),
  });
}

describe('a complaint filed with the trustmark', () => {
  const submit = (page) => page.locator(`${PAGE} .redress-filing button[type=submit]`);
  const title = (page) => page.locator(`${PAGE} .redress-step-title`).textContent();

  /** Walks the filing flow from "What went wrong" to the review step. */
  async function walkToReview(page) {
    await page.locator(`${PAGE} input[name=redress-reason][value=defective_or_damaged]`).check();
    await page.locator(`${PAGE} #redress-incident-date`).fill(daysAgo(20));
    await page.locator(`${PAGE} #redress-description`).fill('The bicycle bell broke on the first ride and the shop never answered.');
    await submit(page).click();
    await page.locator(`${PAGE} input[name=redress-resolution][value=repair]`).waitFor();
    await page.locator(`${PAGE} input[name=redress-resolution][value=repair]`).check();
    // Step by step until the review, each click waiting for the next step's title.
    let contactSeen = false;
    for (let i = 0; i < 5 && (await title(page)) !== 'Check and send'; i += 1) {
      const shown = await title(page);
      if (shown === 'Contact') {
        // The trustmark, not the shop, contacts the shopper and holds the details.
        assert.match(await page.locator(`${PAGE} .redress-consent`).textContent(), /^Becom uses these details only/);
        await page.locator(`${PAGE} legend`, { hasText: 'How should Becom contact you?' }).waitFor();
        contactSeen = true;
      }
      await submit(page).click();
      await page.waitForFunction(
        (previous) => document.querySelector('redress-complaint').shadowRoot.querySelector('.redress-step-title')?.textContent !== previous,
        shown,
      );
    }
    await page.locator(`${PAGE} .redress-review-part`).first().waitFor();
    assert.ok(contactSeen, 'the contact step was shown');
  }

  test('a verified receipt, the gate passed: filed through the widget, refused once, tracked, on the desk', async () => {
    const { page, problems } = await openTrustmarkPage(375);
    await pickShop(page, 'kade', 'Kade Store');
    const received = daysAgo(14);
    await page.locator(`${PAGE} #redress-tm-receipt`).setInputFiles({
      name: 'receipt.json', mimeType: 'application/json', buffer: Buffer.from(shopReceipt('C-KADE00001', received)),
    });
    await page.locator(`${PAGE} [data-receipt=verified]`).waitFor();
    await page.locator(`${PAGE} button`, { hasText: 'Check where my complaint goes' }).click();
    assert.equal((await route(page)).code, 'trustmark_route.trustmark');
    assert.equal(await page.locator(`${PAGE} #redress-tm-order`).inputValue(), 'RD-1001', 'the order number from the receipt');
    await screenshot(page, 'trustmark-file-offer-375');
    await page.locator(`${PAGE} #redress-tm-file`).click();

    const theCase = page.locator(`${PAGE} .redress-tm-case`);
    await theCase.waitFor();
    const caseText = await theCase.textContent();
    assert.match(caseText, /Your complaint about Kade Store/);
    assert.match(caseText, /Member B-1 of Becom/);
    assert.match(caseText, /C-KADE00001/);
    assert.match(caseText, /receipt is attached and verified/);
    assert.equal(await page.locator(`${PAGE} #redress-tm-search`).count(), 0);
    assert.equal(await page.locator(`${PAGE} .redress-tm-gate`).isVisible(), false, 'the gate gives way to the flow');
    assert.equal(await title(page), 'What went wrong');
    await screenshot(page, 'trustmark-file-what-375');
    await walkToReview(page);
    assert.match(await theCase.textContent(), /Kade Store/, 'the case stays on the review step');
    await page.setViewportSize({ width: 1280, height: 800 });
    await screenshot(page, 'trustmark-file-review-1280');
    await page.setViewportSize({ width: 375, height: 800 });
    assert.deepEqual(await axeViolations(page, PAGE), []);

    // The server judges again: a body claiming a complaint to the shop today (and no
    // receipt) is refused as too early; the flow says so and keeps everything typed.
    await page.route('**/api/trustmark/complaints', async (r) => {
      const body = JSON.parse(r.request().postData());
      body.complained_to_shop.on = daysAgo(0);
      delete body.shop_receipt;
      await r.continue({ postData: JSON.stringify(body) });
    });
    await submit(page).click();
    const summary = page.locator(`${PAGE} .redress-summary`);
    await summary.waitFor();
    assert.match(await summary.textContent(), /cannot take this complaint yet: the shop still has time to answer/);
    await screenshot(page, 'trustmark-file-refused-375');
    await page.unroute('**/api/trustmark/complaints');
    // Back to the answers about the shop and on again: the draft resumes where it was.
    await page.locator(`${PAGE} #redress-tm-change`).click();
    await page.locator(`${PAGE} .redress-tm-gate`).waitFor();
    assert.equal(await page.locator(`${PAGE} #redress-tm-complained-on`).inputValue(), received);
    await page.locator(`${PAGE} #redress-tm-file`).click();
    await page.locator(`${PAGE} .redress-review-part`).first().waitFor();
    assert.match(await page.locator(`${PAGE} .redress-review-list`).first().textContent(), /The bicycle bell broke/);

    const filed = page.waitForResponse((r) => r.url().endsWith('/api/trustmark/complaints') && r.status() === 201);
    await submit(page).click();
    await filed;
    const referenceShown = page.locator(`${PAGE} .redress-reference`);
    await referenceShown.waitFor();
    const reference = (await referenceShown.textContent()).trim();
    assert.match(reference, /^C-/);
    const tracker = page.locator(`${PAGE} .redress-tracker`);
    await tracker.waitFor();
    assert.match(await page.locator(`${PAGE} .redress-tracker-reference`).textContent(), new RegExp(reference));
    // The trustmark, not the shop, signs this receipt and keeps these deadlines.
    assert.match(await page.locator(`${PAGE} .redress-done`).textContent(), /The receipt is signed by Becom/);
    await tracker.locator('h4', { hasText: 'Deadlines of Becom' }).waitFor();
    await screenshot(page, 'trustmark-file-done-375');
    // The private tracking link opens the tracker on the trustmark's page.
    const link = await page.locator(`${PAGE} .redress-tracker-link`).getAttribute('href');
    const tracked = await openPage(browser.context, link, { width: 375 });
    await tracked.page.locator(`${PAGE} .redress-tracker-reference`, { hasText: reference }).waitFor();
    await tracked.page.locator(`${PAGE} .redress-tracker h4`, { hasText: 'Deadlines of Becom' }).waitFor();
    // The trustmark's staff confirm and reject: the tracker and the e-mails name Becom as
    // the one acting, never the shop (the complaint is about the shop, not handled by it).
    for (const event of [
      { type: 'acknowledged', handler: 'Sanne de Vries', expected_answer_on: daysAgo(-10), message: 'We have asked Kade Store for its side.' },
      { type: 'rejected', reasons: 'The bell is a wearing part the warranty leaves out.' },
    ]) {
      const acted = await shopApi(server, `/shop/complaints/${reference}/events`, { method: 'POST', body: { event } });
      assert.equal(acted.status, 200, JSON.stringify(acted.body));
      if (event.type === 'acknowledged') {
        const trackedTracker = tracked.page.locator(`${PAGE} .redress-tracker`);
        await trackedTracker.locator('button:has-text("Refresh")').click();
        await trackedTracker.locator('.redress-tracker-status strong', { hasText: 'Confirmed by Becom' }).waitFor();
        assert.match(await trackedTracker.locator('.redress-timeline li').first().textContent(), /Becom confirmed receipt/);
        assert.doesNotMatch(await trackedTracker.textContent(), /the shop|The shop/);
        await screenshot(tracked.page, 'trustmark-tracker-confirmed-375');
      }
    }
    const tracker2 = tracked.page.locator(`${PAGE} .redress-tracker`);
    await tracker2.locator('button:has-text("Refresh")').click();
    await tracker2.locator('.redress-tracker-status strong', { hasText: 'Rejected' }).waitFor();
    assert.match(await tracker2.locator('.redress-timeline li').first().textContent(), /Becom rejected the complaint/);
    const { body: read } = await shopApi(server, `/shop/complaints/${reference}`);
    const mails = read.notifications.map((n) => `${n.subject}\n${n.body}`);
    assert.ok(mails.some((m) => /Confirmed by Becom/.test(m) && /Becom confirmed receipt\./.test(m) && /Message from Becom:/.test(m)), mails.join('\n---\n'));
    assert.ok(mails.some((m) => /Becom rejected the complaint\./.test(m) && /Why Becom rejected it:/.test(m)), mails.join('\n---\n'));
    for (const mail of mails) assert.doesNotMatch(mail, /the shop|The shop/, mail);
    await tracked.page.close();
    assert.deepEqual(problems.filter((p) => !/422/.test(p)), []);

    // The trustmark's desk, signed in on the same server.
    const desk = await openPage(browser.context, `${server.url}/desk/`, { width: 1280 });
    await desk.page.locator('#desk-token').fill(SHOP_TOKEN);
    await desk.page.locator('.signin button[type=submit]').click();
    const row = desk.page.locator('.inbox-table tbody tr', { has: desk.page.locator(`a.reference:text-is("${reference}")`) });
    await row.waitFor();
    assert.equal((await row.locator('.member-shop').textContent()).trim(), 'About Kade Store');
    await screenshot(desk.page, 'trustmark-desk-inbox-1280');
    await row.locator('a.reference').click();
    const panel = desk.page.locator('.trustmark-case');
    await panel.waitFor();
    const shown = await panel.textContent();
    for (const words of ['Kade Store', 'B-1', received, 'C-KADE00001', 'Receipt verified']) {
      assert.ok(shown.includes(words), `${words} in ${shown}`);
    }
    await screenshot(desk.page, 'trustmark-desk-case-1280');
    await desk.page.setViewportSize({ width: 375, height: 800 });
    await panel.scrollIntoViewIfNeeded();
    await screenshot(desk.page, 'trustmark-desk-case-375');
    await desk.page.close();
  });
});
