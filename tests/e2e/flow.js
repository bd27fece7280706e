// Shared steps of the shopper's flow for every end-to-end suite: the widget's selectors
// live here once, so a change to the widget's steps is one edit, not one per suite.

import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { openWidget } from './harness.js';

const require = createRequire(import.meta.url);

/** The shop token every suite starts the server with (see harness.js). */
export const SHOP_TOKEN = 'e2e-shop-token-0123456789';
process.env.REDRESS_SHOP_TOKEN = SHOP_TOKEN;

/** The widget's host element; Playwright's CSS locators pierce its shadow root. */
export const W = '[data-redress=launcher]';
export const TITLE = `${W} .redress-step-title`;

/** An ISO date `n` days before today. */
export function daysAgo(n) {
  return new Date(Date.now() - n * 86400000).toISOString().slice(0, 10);
}

/** axe-core's violations inside `scope` (default: the widget), as readable lines. */
export async function axeViolations(page, scope = W) {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  }
  return page.evaluate(async (include) => {
    const { violations } = await window.axe.run(
      { include: [[include]] },
      { resultTypes: ['violations'] },
    );
    return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  }, scope);
}

/**
 * On a withdrawal page, starts from an empty device (no saved form) and opens the
 * withdrawal form from its launcher; resolves once the form is shown.
 */
export async function openWithdrawal(page) {
  await page.evaluate(() => localStorage.clear());
  await page.reload({ waitUntil: 'load' });
  const launcher = page.locator(`${W} .redress-launcher`);
  assert.equal(await launcher.textContent(), 'Withdraw from contract here');
  await launcher.click();
  await page.locator(`${W} #redress-w-name`).waitFor();
}

/** Opens the widget and looks up a demo order; resolves on the first filing step. */
export async function lookUp(page, { orderNumber = 'RD-1001', email = 'anna@example.com' } = {}) {
  await openWidget(page);
  await page.locator(`${W} #redress-order-number`).fill(orderNumber);
  await page.locator(`${W} #redress-email`).fill(email);
  await page.locator(`${W} button[type=submit]`).click();
  await page.locator(TITLE).waitFor();
}

/** Fills "What went wrong" with a defective first item. */
export async function fillWhatWentWrong(page, description = 'The kettle stopped heating after two days of normal use.') {
  await page.locator(`${W} input[name=redress-reason][value=defective_or_damaged]`).check();
  await page.locator(`${W} #redress-item-0`).check();
  await page.locator(`${W} #redress-incident-date`).fill(daysAgo(2));
  await page.locator(`${W} #redress-description`).fill(description);
}

/** Waits until the widget shows the step titled `text`. */
export async function waitForStep(page, text) {
  await page.waitForFunction((wanted) => document.querySelector('[data-redress=launcher]')
    .shadowRoot.querySelector('.redress-step-title')?.textContent === wanted, text);
}

/**
 * Files a whole complaint through the widget on `page` (the demo shop, widget closed)
 * and resolves with its reference, e.g. `C-7K2M9Q`. Steps that need nothing (evidence,
 * contact pre-filled from the order) are passed with their Continue button.
 */
export async function fileThroughWidget(page, {
  orderNumber = 'RD-1001', email = 'anna@example.com', description, resolution = 'repair',
} = {}) {
  await lookUp(page, { orderNumber, email });
  await fillWhatWentWrong(page, description);
  await page.locator(`${W} button[type=submit]`).click();
  await waitForStep(page, 'What you want');
  await page.locator(`${W} input[name=redress-resolution][value=${resolution}]`).check();
  // Continue until the review shows the send button (evidence and contact in between).
  for (let i = 0; i < 4; i += 1) {
    await page.locator(`${W} button[type=submit]`).click();
    await page.waitForTimeout(50);
    if (await page.locator(`${W} .redress-review-part`).count()) break;
  }
  await page.locator(`${W} .redress-review-part`).first().waitFor();
  await page.locator(`${W} button[type=submit]`).click();
  const reference = page.locator(`${W} .redress-reference`);
  await reference.waitFor();
  return (await reference.textContent()).trim();
}

/** Calls the shop-side API with the shop token; resolves with `{status, body}`. */
export async function shopApi(server, path, { method = 'GET', body } = {}) {
  const response = await fetch(`${server.url}/api${path}`, {
    method,
    headers: {
      authorization: `Bearer ${SHOP_TOKEN}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed = text;
  try { parsed = JSON.parse(text); } catch { /* not JSON: keep the text */ }
  return { status: response.status, body: parsed };
}

/** The shop's complaints as the shop-side API lists them. */
export async function shopComplaints(server) {
  const { status, body } = await shopApi(server, '/shop/complaints');
  assert.equal(status, 200);
  return Array.isArray(body) ? body : (body.complaints ?? body.items ?? []);
}
