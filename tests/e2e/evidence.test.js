// Evidence in the shopper's browser: a phone photo with GPS loses it before upload, a
// file lying about its type and an oversized file are refused with their own message,
// an upload shows progress and can be cancelled and retried, and the shopper's files
// reach the shop with the SHA-256 the tracker shows.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { openPage, screenshot, startBrowser, startServer } from './harness.js';
import { TITLE, W, axeViolations, fillWhatWentWrong, lookUp, shopApi, waitForStep } from './flow.js';

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

/** A 1×1 JPEG whose EXIF holds GPS (latitude 52° N) and a camera make, as phones write. */
function phonePhoto() {
  const tiff = Buffer.from([
    0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8,
    // IFD0: Make (ASCII, 4 bytes at offset 38), GPSInfo -> 44
    0, 2,
    0x01, 0x0f, 0, 2, 0, 0, 0, 4, 0, 0, 0, 38,
    0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 44,
    0, 0, 0, 0,
    0x41, 0x43, 0x4d, 0, // "ACM"
    0, 0, // pad to 44
    // GPS IFD: GPSLatitudeRef 'N', GPSLatitude (RATIONAL x3 at 74)
    0, 2,
    0, 1, 0, 2, 0, 0, 0, 2, 0x4e, 0, 0, 0,
    0, 2, 0, 5, 0, 0, 0, 3, 0, 0, 0, 76,
    0, 0, 0, 0,
    0, 0, // pad to 76
    0, 0, 0, 52, 0, 0, 0, 1, 0, 0, 0, 22, 0, 0, 0, 1, 0, 0, 0, 5, 0, 0, 0, 1,
  ]);
  const app1 = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(app1.length + 2);
  const body = Buffer.from([
    0xff, 0xdb, 0x00, 0x43, 0x00, 8, 6, 6, 7, 6, 5, 8, 7, 7, 7, 9, 9, 8, 10, 12, 20, 13, 12, 11, 11, 12,
    25, 18, 19, 15, 20, 29, 26, 31, 30, 29, 26, 28, 28, 32, 36, 46, 39, 32, 34, 44, 35, 28, 28, 40, 55,
    41, 44, 48, 49, 52, 52, 52, 31, 39, 57, 61, 56, 50, 60, 46, 51, 52, 50,
    0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00,
    0xff, 0xc4, 0x00, 0x14, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x09,
    0xff, 0xc4, 0x00, 0x14, 0x10, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00,
    0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x2a, 0x9f, 0xff, 0xd9,
  ]);
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1]), length, app1, body]);
}

const files = `${W} #redress-evidence-files`;
const line = (name) => `${W} .redress-file:has(.redress-file-name:text-is("${name}"))`;

/** From a fresh page to the evidence step of a complaint about RD-1001. */
async function toEvidence(page) {
  await page.evaluate(() => localStorage.clear());
  await page.reload({ waitUntil: 'load' });
  await lookUp(page);
  await fillWhatWentWrong(page);
  await page.locator(`${W} button[type=submit]`).click();
  await waitForStep(page, 'What you want');
  await page.locator(`${W} input[name=redress-resolution][value=refund]`).check();
  await page.locator(`${W} button[type=submit]`).click();
  await waitForStep(page, 'Photos and documents');
}

describe('evidence', () => {
  test('a phone photo is uploaded without its GPS, and the shop gets the hash the shopper sees', async () => {
    const { page, problems } = await openPage(browser.context, `${server.url}/`);
    await toEvidence(page);
    assert.match(await page.locator(`${W} .redress-privacy`).textContent(), /location and camera details/);
    const photo = phonePhoto();
    assert.ok(photo.includes(Buffer.from('Exif')), 'the test photo carries EXIF');
    await page.locator(files).setInputFiles({ name: 'IMG_0042.jpg', mimeType: 'image/jpeg', buffer: photo });
    const done = page.locator(`${line('IMG_0042.jpg')}.redress-file-done`);
    await done.waitFor();
    assert.match(await done.textContent(), /Uploaded · 1 KB · location and camera details removed/);
    await screenshot(page, 'evidence-uploaded-1280');
    assert.deepEqual(await axeViolations(page), []);

    // A reload keeps the uploaded file on the draft.
    await page.reload({ waitUntil: 'load' });
    await page.locator(`${W} .redress-launcher`).click();
    await done.waitFor();

    await page.locator(`${W} button[type=submit]`).click();
    await page.locator(`${W} #redress-contact-email`).waitFor();
    await page.locator(`${W} button[type=submit]`).click();
    await page.locator(`${W} .redress-review-part`).first().waitFor();
    assert.match(await page.locator(`${W} .redress-filing`).textContent(), /IMG_0042\.jpg/);
    await page.locator(`${W} button[type=submit]`).click();
    const reference = (await page.locator(`${W} .redress-reference`).textContent()).trim();
    const shown = (await page.locator(`${W} .redress-digests code`).textContent()).trim();

    const { body } = await shopApi(server, `/shop/complaints/${reference}`);
    assert.equal(body.evidence.length, 1);
    const stored = await fetch(`${server.url}/api/shop/complaints/${reference}/evidence/${body.evidence[0].id}`, {
      headers: { authorization: `Bearer ${process.env.REDRESS_SHOP_TOKEN}` },
    });
    const bytes = Buffer.from(await stored.arrayBuffer());
    assert.equal(bytes.subarray(0, 2).toString('hex'), 'ffd8', 'still a JPEG');
    assert.ok(!bytes.includes(Buffer.from('Exif')), 'no EXIF left');
    assert.ok(!bytes.includes(Buffer.from('ACM\0')), 'no camera make left');
    assert.ok(bytes.length < photo.length);
    assert.equal(createHash('sha256').update(bytes).digest('hex'), shown, 'the tracker shows the hash of what the shop stored');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a file lying about its type and an oversized file are refused, each with its reason', async () => {
    const { page } = await openPage(browser.context, `${server.url}/`);
    await toEvidence(page);
    await page.locator(files).setInputFiles([
      { name: 'receipt.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('I am a text file, not a photo.') },
      { name: 'video.txt', mimeType: 'text/plain', buffer: Buffer.alloc(11 * 1024 * 1024, 0x61) },
    ]);
    await page.locator(`${line('video.txt')}.redress-file-trouble`).waitFor();
    assert.match(await page.locator(line('receipt.jpg')).textContent(), /“receipt\.jpg” is not what its name says/);
    assert.match(await page.locator(line('video.txt')).textContent(), /“video\.txt” is larger than 10 MB/);
    await screenshot(page, 'evidence-refused-1280');
    assert.deepEqual(await axeViolations(page), []);
    // A refused file is not on the complaint and can be removed.
    await page.locator(`${line('receipt.jpg')} button`).click();
    assert.equal(await page.locator(line('receipt.jpg')).count(), 0);
    await page.close();
  });

  test('a slow upload shows progress, can be cancelled, and a retry finishes it', async () => {
    const { page } = await openPage(browser.context, `${server.url}/`);
    await toEvidence(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 1024 * 1024,
    });
    await page.locator(files).setInputFiles({ name: 'invoice.txt', mimeType: 'text/plain', buffer: Buffer.alloc(4 * 1024 * 1024, 0x62) });
    const progress = page.locator(`${line('invoice.txt')} progress`);
    await progress.waitFor();
    await page.waitForFunction(() => {
      const bar = document.querySelector('[data-redress=launcher]').shadowRoot.querySelector('.redress-file progress');
      return bar && Number(bar.value) > 0;
    });
    // Going on while it uploads is held back with a message.
    await page.locator(`${W} button[type=submit]`).click();
    assert.match(await page.locator(`${W} .redress-live`).textContent(), /wait until every file is uploaded/i);
    await screenshot(page, 'evidence-progress-1280');
    await page.locator(`${line('invoice.txt')} button:has-text("Cancel")`).click();
    await page.locator(`${line('invoice.txt')}:has-text("cancelled")`).waitFor();
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1,
    });
    await page.locator(`${line('invoice.txt')} button:has-text("Try again")`).click();
    await page.locator(`${line('invoice.txt')}.redress-file-done`).waitFor();
    await page.locator(`${W} button[type=submit]`).click();
    await page.locator(`${W} #redress-contact-email`).waitFor();
    await page.close();
  });

  test('at 375 px the evidence step fits the phone', async () => {
    const { page } = await openPage(browser.context, `${server.url}/`, { width: 375, height: 740 });
    await toEvidence(page);
    await page.locator(files).setInputFiles([
      { name: 'IMG_20261119_093412_with_a_long_name.jpg', mimeType: 'image/jpeg', buffer: phonePhoto() },
      { name: 'scan.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not a photo') },
    ]);
    await page.locator(`${line('IMG_20261119_093412_with_a_long_name.jpg')}.redress-file-done`).waitFor();
    await page.locator(TITLE).scrollIntoViewIfNeeded();
    await screenshot(page, 'evidence-375');
    const overflow = await page.evaluate(() => {
      const panel = document.querySelector('[data-redress=launcher]').shadowRoot.querySelector('.redress-panel');
      return panel.scrollWidth - panel.clientWidth;
    });
    assert.equal(overflow, 0, 'nothing overflows sideways');
    await page.close();
  });
});
