// The shop desk at /desk/: sign-in, the inbox, a complaint's view and its next steps, the
// shopper's tracker seeing the handler, the complaint log export, Dutch, axe on each view,
// screenshots at 1280 and 375 px.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENSHOTS, openPage, startBrowser, startServer } from './harness.js';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import { SHOP_TOKEN, fileThroughWidget, shopApi } from './flow.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

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

/** An ISO date `n` days from today (the browser's and the server's today agree here). */
function daysAhead(n) {
  return new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);
}

/** A whole-page screenshot at 1280 px and at 375 px wide. */
async function shots(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const before = page.viewportSize();
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 800 });
    await page.waitForTimeout(50);
    await page.screenshot({ path: join(SCREENSHOTS, `desk-${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize(before);
}

/**
 * axe-core's violations on the whole page. The desk's CSP refuses injected script tags
 * (flow.js's way), so axe is evaluated through the DevTools protocol instead.
 */
async function axe(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
    return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
}

/** Files a complaint through the API (the widget path is tested once, below). */
async function fileByApi({ orderNumber = 'RD-1002', email = 'bram@example.com', reason = 'wrong_item', evidence = [] } = {}) {
  const response = await fetch(`${server.url}/api/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      language: 'en',
      draft: {
        order_number: orderNumber, email, reason, resolution: 'refund',
        description: 'The parcel held a blue jacket; I ordered the green one.',
        evidence: evidence.map((e) => ({ file_name: e.name, media_type: e.media_type, size_bytes: e.size_bytes, sha256: e.sha256 })),
      },
      evidence_ids: evidence.map((e) => e.id),
    }),
  });
  const body = await response.json();
  assert.equal(response.status, 201, JSON.stringify(body));
  trackingTokens.set(body.reference, body.tracking_token);
  return body.reference;
}

/** The shopper's tracking token of each complaint filed by `fileByApi`. */
const trackingTokens = new Map();

/** Uploads evidence as the widget would; resolves with the server's record. */
async function upload(bytes, mediaType, name) {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const response = await fetch(`${server.url}/api/evidence?sha256=${sha256}&name=${encodeURIComponent(name)}`, {
    method: 'POST', headers: { 'content-type': mediaType }, body: bytes,
  });
  const body = await response.json();
  assert.equal(response.status, 201, JSON.stringify(body));
  return body;
}

/** A plain RGB PNG of `width` x `height`: a warm gradient, no metadata chunks. */
function png(width, height) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'ascii');
    data.copy(out, 8);
    out.writeUInt32BE(crc(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      rows.set([200 + (x % 56), 90 + y, 40 + x], y * (1 + width * 3) + 1 + x * 3);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function openDesk(context = browser.context) {
  const opened = await openPage(context, `${server.url}/desk/`);
  await opened.page.locator('#desk-token').waitFor();
  return opened;
}

async function signIn(page, token = SHOP_TOKEN) {
  await page.locator('#desk-token').fill(token);
  await page.locator('.signin button[type=submit]').click();
}

async function openComplaint(page, reference) {
  await page.locator('#inbox-search').fill(reference);
  await page.locator('.filters button[type=submit]').click();
  await page.locator(`.inbox-table a.reference:text-is("${reference}")`).click();
  await page.locator('#complaint-title').waitFor();
  assert.equal(await page.locator('#complaint-title').textContent(), reference);
}

/** The event kinds the complaint view offers a form for. */
const offered = (page) => page.locator('details.action').evaluateAll((all) => all.map((d) => d.dataset.event));

/** Opens the form of `kind`, fills `fields` (suffix -> value), submits, waits for "Saved". */
async function record(page, kind, fields) {
  await page.locator(`details.action-${kind} summary`).click();
  for (const [suffix, value] of Object.entries(fields)) {
    const control = page.locator(`#${kind}-${suffix}`);
    if (await control.evaluate((el) => el.tagName === 'SELECT')) await control.selectOption(value);
    else await control.fill(value);
  }
  const events = await page.locator('.timeline .event').count();
  await page.locator(`details.action-${kind} button[type=submit]`).click();
  await page.locator(`.timeline .event >> nth=${events}`).waitFor();
  assert.match(await page.locator('.notice.success').textContent(), /^Saved: /);
}

/** The references listed, once the inbox shows exactly one row (the filter's answer). */
async function listedOnce(page) {
  await page.waitForFunction(() => document.querySelectorAll('.inbox-table tbody tr').length === 1);
  return page.locator('.inbox-table a.reference').allTextContents();
}

const stateShown = (page) => page.locator('.complaint-head .state').textContent();

describe('the shop desk', () => {
  test('sign-in: a wrong token gets a clear message, the right one opens the inbox, sign-out forgets it', async () => {
    const { page, problems } = await openDesk();
    assert.deepEqual(await axe(page), []);
    await shots(page, 'signin');

    await page.locator('.signin button[type=submit]').click();
    assert.equal(await page.locator('#desk-token-error').textContent(), 'Enter the desk token.');
    await signIn(page, 'not-the-shop-token');
    const alert = page.locator('.signin [role=alert] .notice');
    await alert.waitFor();
    assert.match(await alert.textContent(), /This token is not right/);
    assert.equal(await page.evaluate(() => sessionStorage.getItem('redress-desk-token')), null);

    // By keyboard only: Tab to the token, type it, Enter.
    await page.locator('#desk-token').fill('');
    for (let i = 0; i < 6 && !(await page.evaluate(() => document.activeElement?.id === 'desk-token')); i += 1) {
      await page.keyboard.press('Tab');
    }
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'desk-token');
    await page.keyboard.type(SHOP_TOKEN);
    await page.keyboard.press('Enter');
    await page.locator('#inbox-title').waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.getItem('redress-desk-token')), SHOP_TOKEN);
    // A reload keeps the tab signed in.
    await page.reload();
    await page.locator('#inbox-title').waitFor();
    // A token the shop has since changed ends the session with a word why.
    await page.evaluate(() => sessionStorage.setItem('redress-desk-token', 'a-token-since-replaced'));
    await page.reload();
    await page.locator('#desk-token').waitFor();
    assert.equal(await page.locator('.signin .notice').textContent(), 'Your session has ended. Sign in again.');
    await signIn(page);
    await page.locator('#inbox-title').waitFor();

    await page.locator('.sign-out').click();
    await page.locator('#desk-token').waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.getItem('redress-desk-token')), null);
    assert.deepEqual(problems.filter((p) => !p.includes('401')), []);
    await page.close();
  });

  test('a complaint filed through the widget is in the inbox; acknowledged at the desk, the shopper sees the handler and date', async () => {
    const shop = await openPage(browser.context, `${server.url}/`);
    const reference = await fileThroughWidget(shop.page);
    const trackerHref = await shop.page.locator('[data-redress=launcher] .redress-tracker-link').getAttribute('href');
    const token = /[0-9a-f]{32}/.exec(trackerHref)?.[0];
    assert.ok(token, `a tracking token in ${trackerHref}`);
    await shop.page.close();

    const { page } = await openDesk();
    await signIn(page);
    const row = page.locator('.inbox-table tbody tr', { has: page.locator(`a.reference:text-is("${reference}")`) });
    await row.waitFor();
    assert.match(await row.textContent(), /RD-1001/);
    assert.match(await row.textContent(), /anna@example\.com/);
    assert.match(await row.textContent(), /Defective or damaged/);
    assert.match(await row.textContent(), /Received/);
    assert.match(await page.locator('.counts').textContent(), /^\d+ in total, \d+ open, 0 overdue$/);
    assert.deepEqual(await axe(page), []);
    await shots(page, 'inbox');

    await openComplaint(page, reference);
    await page.locator('.receipt-result .verified').waitFor();
    assert.match(await page.locator('.receipt-result').textContent(), /Valid: signed with the shop's key/);
    assert.equal(await stateShown(page), 'Received');
    // The core lifecycle decides: before an acknowledgement names a handler, no assignment.
    assert.deepEqual(await offered(page), ['acknowledged', 'resolved', 'rejected']);
    assert.deepEqual(await axe(page), []);
    await shots(page, 'complaint');

    // The core's own checks, before anything is sent.
    await page.locator('details.action-acknowledged summary').click();
    await page.locator('details.action-acknowledged button[type=submit]').click();
    assert.equal(await page.locator('#acknowledged-handler-error').textContent(), 'Fill this in.');
    assert.equal(await page.locator('#acknowledged-expected-error').textContent(), 'Choose a date.');
    assert.deepEqual(await axe(page), []);
    await shots(page, 'acknowledge-form');

    const expected = daysAhead(6);
    await page.locator('#acknowledged-handler').fill('Sanne de Vries');
    await page.locator('#acknowledged-expected').fill(expected);
    await page.locator('details.action-acknowledged button[type=submit]').click();
    await page.locator('.timeline .event >> nth=1').waitFor();
    assert.equal(await page.locator('.notice.success').textContent(), 'Saved: Acknowledged.');
    assert.equal(await stateShown(page), 'Acknowledged');
    assert.match(await page.locator('.timeline').textContent(), /Sanne de Vries/);
    assert.deepEqual(await offered(page), ['assigned', 'progress_reported', 'resolved', 'rejected']);

    // The shopper, in a browser of their own, sees who handles it and when to expect an answer.
    const shopper = await startBrowser();
    try {
      const tracker = await shopper.context.newPage();
      const answer = await tracker.goto(`${server.url}/api/complaints/${reference}?token=${token}`);
      const view = (await answer.json()).tracking;
      assert.equal(view.handler, 'Sanne de Vries');
      assert.equal(view.expected_answer_on, expected);
      assert.equal(view.status, 'acknowledged');
      // And the widget's tracker, opened from the link the shopper was given.
      const widgetTracker = await shopper.context.newPage();
      await widgetTracker.goto(trackerHref);
      const handler = widgetTracker.locator('.redress-tracker-handler');
      await handler.waitFor();
      assert.match(await handler.textContent(), /Sanne de Vries/);
      assert.match(await handler.textContent(), new RegExp(String(Number(expected.slice(8)))));
    } finally {
      await shopper.close();
    }
    await page.close();
  });

  test('progress, resolve and reject; a forbidden step is not offered and the API refuses it; the export holds it all', async () => {
    const resolved = await fileByApi();
    const rejected = await fileByApi({ orderNumber: 'RD-1001', email: 'anna@example.com', reason: 'late_delivery' });
    const { page } = await openDesk();
    await signIn(page);
    await page.locator('#inbox-title').waitFor();

    await openComplaint(page, resolved);
    await record(page, 'acknowledged', { handler: 'Sanne de Vries', expected: daysAhead(5) });
    await record(page, 'assigned', { handler: 'Jan Jansen' });
    assert.equal(await stateShown(page), 'Under investigation');
    await record(page, 'progress_reported', { message: 'The warehouse is checking the returned jacket.', expected: daysAhead(9) });
    assert.equal(await stateShown(page), 'Progress reported');
    await page.locator('details.action-resolved summary').click();
    await page.locator('details.action-resolved button[type=submit]').click();
    assert.equal(await page.locator('#resolved-remedy-error').textContent(), 'Choose a remedy.');
    assert.equal(await page.locator('#resolved-conclusions-error').textContent(), 'Fill this in.');
    await page.locator('details.action-resolved summary').click();
    await record(page, 'resolved', {
      remedy: 'refund', amount: '24,99',
      investigation: 'We compared the packing slip with the order.',
      conclusions: 'The wrong colour was picked.',
      actions: 'Refunded in full; the picking list now shows colours.',
    });
    assert.equal(await stateShown(page), 'Resolved');
    // The shop has answered: what is left is the shopper's (accept, escalate).
    assert.deepEqual(await offered(page), []);
    assert.match(await page.locator('.actions').textContent(), /No step is open for the shop now/);
    assert.match(await page.locator('.timeline').textContent(), /Refund \(24\.99 EUR\)/);
    assert.deepEqual(await axe(page), []);
    await shots(page, 'resolved');

    // Forced through the API anyway: refused by the core lifecycle.
    const forced = await shopApi(server, `/shop/complaints/${resolved}/events`, {
      method: 'POST', body: { event: { type: 'assigned', handler: 'Eve' } },
    });
    assert.equal(forced.status, 409);
    assert.equal(forced.body.error, 'transition.not_allowed');

    await page.locator('.back a').click();
    await openComplaint(page, rejected);
    await record(page, 'rejected', { reasons: 'The carrier delivered within the promised window; see the scan of 3 May.' });
    assert.equal(await stateShown(page), 'Rejected');
    assert.deepEqual(await offered(page), []);
    // What the shopper was told, and where they can turn now (the core's routes).
    assert.equal(await page.locator('.messages li').count(), 2);
    assert.match(await page.locator('.routes').textContent(), /The shop's board: open now/);

    // The shopper asks the shop's board to review it; the desk records the board's answer.
    const escalated = await fetch(`${server.url}/api/complaints/${rejected}/escalate`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: trackingTokens.get(rejected) }),
    });
    assert.equal(escalated.status, 200, await escalated.text());
    await page.reload();
    await page.locator('#complaint-title').waitFor();
    assert.equal(await stateShown(page), 'With the board');
    assert.deepEqual(await offered(page), ['board_answered']);
    await record(page, 'board_answered', {
      investigation: 'The board read the carrier scans and the shopper\'s account.',
      conclusions: 'The delivery was on time.',
      actions: 'None; the shop\'s answer stands.',
    });
    assert.equal(await stateShown(page), 'Board answered');
    assert.match(await page.locator('.timeline').textContent(), /Board answered · .* · Board/);

    // The inbox filters by state and finds by e-mail.
    await page.locator('.back a').click();
    await page.locator('.inbox-table').waitFor();
    await page.locator('#inbox-state').selectOption('board_answered');
    assert.deepEqual(await listedOnce(page), [rejected]);
    await page.locator('#inbox-state').selectOption('');
    await page.locator('#inbox-search').fill('bram@example');
    await page.locator('.filters button[type=submit]').click();
    assert.deepEqual(await listedOnce(page), [resolved]);

    // The complaint log, as the handler downloads it.
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.desk-header button', { hasText: 'Export log (CSV)' }).click(),
    ]);
    assert.equal(csvDownload.suggestedFilename(), 'complaints.csv');
    const csv = readFileSync(await csvDownload.path(), 'utf8');
    const rows = csv.trim().split('\r\n');
    assert.match(rows[0], /^reference,order_number,email,reason,status,handler,filed_at,event_number,event_at,actor,event,details$/);
    const resolvedRows = rows.filter((r) => r.startsWith(`${resolved},`));
    assert.deepEqual(resolvedRows.map((r) => r.split(',')[10]), ['received', 'acknowledged', 'assigned', 'progress_reported', 'resolved']);
    assert.ok(resolvedRows.every((r) => r.includes(',resolved,Jan Jansen,')));
    assert.ok(rows.some((r) => r.startsWith(`${rejected},`) && r.includes(',shop,rejected,')));
    assert.ok(rows.some((r) => r.startsWith(`${rejected},`) && r.includes(',board,board_answered,')));

    const [jsonDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.desk-header button', { hasText: 'Export log (JSON)' }).click(),
    ]);
    const log = JSON.parse(readFileSync(await jsonDownload.path(), 'utf8'));
    const entry = log.complaints.find((c) => c.reference === resolved);
    assert.equal(entry.status, 'resolved');
    const last = entry.timeline.at(-1).event;
    assert.equal(last.remedy.amount.minor_units, 2499);
    assert.equal(last.outcome.conclusions, 'The wrong colour was picked.');
    assert.ok(entry.receipt.signature);
    await page.close();
  });

  test('evidence: a photo shows as a thumbnail, a PDF is only downloaded; printed, the complaint is its dossier', async () => {
    const photo = png(96, 64);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const files = [await upload(photo, 'image/png', 'cracked-lid.png'), await upload(pdf, 'application/pdf', 'invoice.pdf')];
    const reference = await fileByApi({ evidence: files });
    const { page } = await openDesk();
    await signIn(page);
    await page.locator('#inbox-title').waitFor();
    await openComplaint(page, reference);

    const thumb = page.locator('.thumb img');
    await thumb.waitFor();
    assert.match(await thumb.getAttribute('src'), /^blob:/);
    assert.equal(await thumb.getAttribute('alt'), 'Photo cracked-lid.png sent by the shopper');
    await page.waitForFunction(() => document.querySelector('.thumb img')?.naturalWidth === 96);
    const items = page.locator('.evidence-item');
    // In the order the shopper filed them (the receipt's order).
    assert.deepEqual(await items.locator('.file-name').allTextContents(), ['cracked-lid.png', 'invoice.pdf']);
    const pdfItem = items.filter({ hasText: 'invoice.pdf' });
    assert.equal(await pdfItem.locator('img').count(), 0);
    assert.match(await pdfItem.textContent(), new RegExp(files[1].sha256));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      pdfItem.locator('button', { hasText: 'Download invoice.pdf' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'invoice.pdf');
    assert.deepEqual(readFileSync(await download.path()), pdf);
    assert.deepEqual(await axe(page), []);
    await shots(page, 'evidence');

    // The dossier: no navigation or forms on paper, every event and evidence hash kept.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.desk-header').isVisible(), false);
    assert.equal(await page.locator('.actions').isVisible(), false);
    assert.equal(await page.locator('.dossier-note').isVisible(), true);
    assert.equal(await page.locator('.timeline').isVisible(), true);
    assert.match(await page.locator('.evidence').textContent(), new RegExp(files[0].sha256));
    await page.screenshot({ path: join(SCREENSHOTS, 'desk-dossier-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.close();
  });

  test('in Dutch: the inbox and a complaint, axe clean', async () => {
    const reference = await fileByApi({ reason: 'not_received' });
    const { page } = await openDesk();
    await signIn(page);
    await page.locator('#inbox-title').waitFor();
    await page.locator('.desk-header button[lang=nl]').click();
    await page.locator('#inbox-title:text-is("Klachten")').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl');
    assert.equal(await page.title(), 'Klachtenbalie · Redress');
    assert.deepEqual(await axe(page), []);
    await shots(page, 'inbox-nl');
    await page.locator('#inbox-search').fill(reference);
    await page.locator('.filters button[type=submit]').click();
    await page.locator(`.inbox-table a.reference:text-is("${reference}")`).click();
    await page.locator('#complaint-title').waitFor();
    assert.equal(await stateShown(page), 'Ontvangen');
    assert.match(await page.locator('#s-timeline').textContent(), /Verloop/);
    await page.locator('.receipt-result .verified').waitFor();
    assert.deepEqual(await axe(page), []);
    await shots(page, 'complaint-nl');
    // Back to English for the next run of this browser profile.
    await page.locator('.desk-header button[lang=en]').click();
    await page.close();
  });

  test('withdrawals are listed apart, with the refund deadline counted down', async () => {
    const withdrawn = await fetch(`${server.url}/api/withdrawals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'desk-withdrawal-1' },
      body: JSON.stringify({
        language: 'en',
        draft: { name: 'Anna de Vries', order_number: 'RD-1001', lookup_email: 'anna@example.com', email: 'anna@example.com' },
      }),
    });
    assert.equal(withdrawn.status, 201);
    const { reference, refund_due: refundDue } = await withdrawn.json();
    const { page } = await openDesk();
    await signIn(page);
    await page.locator('.inbox-table, .empty').first().waitFor();
    await page.locator('a.nav-link:text-is("Withdrawals")').click();
    const row = page.locator(`.withdrawals-table tr:has-text("${reference}")`);
    await row.waitFor();
    const text = await row.textContent();
    assert.match(text, /RD-1001/);
    assert.match(text, /Wireless headphones/);
    // 14 days from the shop's date of receipt, counted from the shop's today.
    assert.match(text, /14 days left/);
    // Times read on the shop's clock (Amsterdam), its zone named; never in UTC.
    assert.match(text, /\d{4}-\d{2}-\d{2} \d{2}:\d{2} CES?T/);
    assert.doesNotMatch(text, /UTC/);
    // 14 calendar days from the shop's date of receipt (Amsterdam may be a day ahead of UTC).
    assert.ok([daysAhead(14), daysAhead(15)].includes(refundDue), refundDue);
    assert.deepEqual(await axe(page), []);
    await shots(page, 'withdrawals');
    await page.close();
  });
});
