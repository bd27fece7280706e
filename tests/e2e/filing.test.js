// Filing a complaint after the order is found: the steps, field errors from the core
// crate, a reload mid-way, a double click on submit, axe on each step, screenshots.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, openWidget, screenshot, startBrowser, startServer } from './harness.js';
import {
  TITLE as title, W as w, axeViolations, fillWhatWentWrong, lookUp, shopComplaints as listed, waitForStep,
} from './flow.js';

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

async function shot(page, name) {
  await page.locator(title).scrollIntoViewIfNeeded();
  await screenshot(page, name);
}

const shopComplaints = () => listed(server);

describe('filing a complaint', () => {
  test('from lookup to Done for RD-1001: errors, a reload mid-way, one complaint after a double click', async () => {
    const { page, problems } = await openPage(browser.context, `${server.url}/`);
    await lookUp(page);
    assert.equal(await page.locator(title).textContent(), 'What went wrong');
    assert.match(await page.locator(`${w} .redress-choice-note`).first().textContent(), /Possible until|No longer possible/);
    await shot(page, 'filing-what-1280');
    assert.deepEqual(await axeViolations(page), []);

    // Continue with nothing chosen: the core crate's errors, next to each field and in
    // the summary, which takes focus.
    await page.locator(`${w} button[type=submit]`).click();
    const summary = page.locator(`${w} .redress-summary`);
    await summary.waitFor();
    assert.match(await summary.textContent(), /Choose what the problem is/);
    assert.match(await page.locator(`${w} #redress-reason-error`).textContent(), /Choose what the problem is/);
    assert.match(await page.locator(`${w} #redress-description-error`).textContent(), /Describe the problem/);
    const focused = await page.evaluate(() => document.querySelector('[data-redress=launcher]').shadowRoot.activeElement?.className);
    assert.equal(focused, 'redress-summary');
    await shot(page, 'filing-what-errors-1280');
    assert.deepEqual(await axeViolations(page), []);

    await fillWhatWentWrong(page);
    assert.match(await page.locator(`${w} #redress-description-count`).textContent(), /^56 of \d+ characters$/);
    await page.locator(`${w} button[type=submit]`).click();
    await page.waitForFunction(() => document.querySelector('[data-redress=launcher]').shadowRoot
      .querySelector('.redress-step-title')?.textContent === 'What you want');
    await page.locator(`${w} input[name=redress-resolution][value=repair]`).check();

    // A reload mid-way resumes the draft on the step the shopper was on.
    await page.reload({ waitUntil: 'load' });
    await page.locator(`${w} .redress-launcher`).click();
    await page.locator(title).waitFor();
    assert.equal(await page.locator(title).textContent(), 'What you want');
    assert.equal(await page.locator(`${w} input[name=redress-resolution][value=repair]`).isChecked(), true);
    await shot(page, 'filing-want-1280');
    assert.deepEqual(await axeViolations(page), []);
    await page.locator(`${w} button[type=submit]`).click();

    await waitForStep(page, 'Photos and documents');
    await shot(page, 'filing-evidence-1280');
    assert.deepEqual(await axeViolations(page), []);
    await page.locator(`${w} button[type=submit]`).click();
    await page.locator(`${w} #redress-contact-email`).waitFor();
    assert.equal(await page.locator(`${w} #redress-contact-email`).inputValue(), 'anna@example.com');
    await shot(page, 'filing-contact-1280');
    assert.deepEqual(await axeViolations(page), []);
    await page.locator(`${w} button[type=submit]`).click();

    await page.locator(`${w} .redress-review-part`).first().waitFor();
    const review = await page.locator(`${w} .redress-filing`).textContent();
    assert.match(review, /The kettle stopped heating/);
    assert.match(review, /Repair it/);
    await shot(page, 'filing-review-1280');
    assert.deepEqual(await axeViolations(page), []);

    await page.locator(`${w} button[type=submit]`).dblclick();
    const reference = page.locator(`${w} .redress-reference`);
    await reference.waitFor();
    assert.match(await reference.textContent(), /^C-[A-Z0-9]+$/);
    assert.match(await page.locator(`${w} .redress-confirm-by`).textContent(), /^We confirm by \w{3} \d{1,2} \w{3}/);
    assert.match(await page.locator(`${w} .redress-tracker-link`).getAttribute('href'), /^http/);
    await shot(page, 'filing-done-1280');
    assert.deepEqual(await axeViolations(page), []);

    const filed = await shopComplaints();
    assert.equal(filed.length, 1, 'a double click files once');

    // Filed: the draft is gone, a reload starts at the lookup again.
    await page.reload({ waitUntil: 'load' });
    await openWidget(page);
    assert.equal(await page.locator(title).count(), 0);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('at 375 px every step fits the phone screen', async () => {
    const { page } = await openPage(browser.context, `${server.url}/`, { width: 375, height: 740 });
    await page.evaluate(() => localStorage.clear());
    await lookUp(page);
    await shot(page, 'filing-what-375');
    await page.locator(`${w} button[type=submit]`).click();
    await page.locator(`${w} .redress-summary`).waitFor();
    await shot(page, 'filing-what-errors-375');
    await fillWhatWentWrong(page);
    await page.locator(`${w} button[type=submit]`).click();
    await page.locator(`${w} input[name=redress-resolution][value=compensation]`).check();
    await page.locator(`${w} #redress-amount`).fill('12.50');
    await shot(page, 'filing-want-375');
    await page.locator(`${w} button[type=submit]`).click();
    await waitForStep(page, 'Photos and documents');
    await shot(page, 'filing-evidence-375');
    await page.locator(`${w} button[type=submit]`).click();
    await page.locator(`${w} #redress-contact-email`).waitFor();
    await shot(page, 'filing-contact-375');
    await page.locator(`${w} button[type=submit]`).click();
    await page.locator(`${w} .redress-review-part`).first().waitFor();
    await shot(page, 'filing-review-375');
    // The amount as the shopper's locale writes money, in the shop's currency.
    assert.match(await page.locator(`${w} .redress-filing`).textContent(), /Compensate me with an amount \(€12\.50\)/);
    const overflow = await page.evaluate(() => {
      const panel = document.querySelector('[data-redress=launcher]').shadowRoot.querySelector('.redress-panel');
      return panel.scrollWidth - panel.clientWidth;
    });
    assert.equal(overflow, 0, 'nothing overflows sideways');
    await page.locator(`${w} button[type=submit]`).click();
    await page.locator(`${w} .redress-reference`).waitFor();
    await shot(page, 'filing-done-375');
    await page.close();
  });
});

describe('keyboard only', () => {
  /**
   * Presses Tab until the element with id `target` (or, for a button, that text) has
   * focus; fails if it cannot be reached.
   */
  async function tabTo(page, target) {
    for (let i = 0; i < 40; i += 1) {
      const focused = await page.evaluate(() => {
        const active = document.querySelector('[data-redress=launcher]').shadowRoot.activeElement;
        return { id: active?.id, text: active?.textContent?.trim() };
      });
      if (focused.id === target || focused.text === target) return;
      await page.keyboard.press('Tab');
    }
    assert.fail(`${target} cannot be reached with Tab`);
  }

  test('a complaint can be filed with the keyboard alone', async () => {
    const { page } = await openPage(browser.context, `${server.url}/`);
    await page.evaluate(() => localStorage.clear());
    await page.reload({ waitUntil: 'load' });
    await page.locator(`${w} .redress-launcher`).focus();
    await page.keyboard.press('Enter');
    await page.locator(`${w} #redress-order-number`).waitFor();
    await tabTo(page, 'redress-order-number');
    await page.keyboard.type('RD-1001');
    await tabTo(page, 'redress-email');
    await page.keyboard.type('anna@example.com');
    await page.keyboard.press('Enter');
    await page.locator(title).waitFor();

    await tabTo(page, 'redress-reason-0');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator(`${w} #redress-reason-1`).isChecked(), true, 'arrows choose within the group');
    await tabTo(page, 'redress-item-0');
    await page.keyboard.press('Space');
    assert.equal(await page.locator(`${w} #redress-item-0`).isChecked(), true);
    await tabTo(page, 'redress-incident-date');
    // Typed as the browser's date field takes it (en-US: month, day, year).
    const day = new Date(Date.now() - 2 * 86400000);
    const pad = (n) => String(n).padStart(2, '0');
    await page.keyboard.type(`${pad(day.getUTCMonth() + 1)}${pad(day.getUTCDate())}${day.getUTCFullYear()}`);
    assert.equal(await page.locator(`${w} #redress-incident-date`).inputValue(), day.toISOString().slice(0, 10));
    await tabTo(page, 'redress-description');
    await page.keyboard.type('The lid does not close any more since the second day.');
    await tabTo(page, 'Continue');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-redress=launcher]').shadowRoot
      .querySelector('.redress-step-title')?.textContent === 'What you want');

    await tabTo(page, 'redress-resolution-0');
    await page.keyboard.press('Space');
    // Enter in a radio group submits the step's form, like any form field.
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-redress=launcher]').shadowRoot
      .querySelector('.redress-step-title')?.textContent === 'Photos and documents');
    await tabTo(page, 'redress-evidence-files');
    await tabTo(page, 'Continue');
    await page.keyboard.press('Enter');
    await page.locator(`${w} #redress-contact-email`).waitFor();
    await tabTo(page, 'redress-contact-email');
    await page.keyboard.press('Enter');
    await page.locator(`${w} .redress-review-part`).first().waitFor();
    await tabTo(page, 'Send complaint');
    await page.keyboard.press('Enter');
    await page.locator(`${w} .redress-reference`).waitFor();
    await page.close();
  });
});

describe('small screens and zoom', () => {
  for (const [label, width, height] of [['320 px wide', 320, 640], ['200 % zoom of a 1280 px screen', 640, 400]]) {
    test(`at ${label} every step can be read without scrolling sideways`, async () => {
      const { page } = await openPage(browser.context, `${server.url}/`, { width, height });
      await page.evaluate(() => localStorage.clear());
      await page.reload({ waitUntil: 'load' });
      await lookUp(page);
      const sideways = () => page.evaluate(() => {
        const panel = document.querySelector('[data-redress=launcher]').shadowRoot.querySelector('.redress-panel');
        return panel.scrollWidth - panel.clientWidth;
      });
      assert.equal(await sideways(), 0, 'what went wrong');
      await fillWhatWentWrong(page);
      await page.locator(`${w} button[type=submit]`).click();
      await waitForStep(page, 'What you want');
      await page.locator(`${w} input[name=redress-resolution][value=compensation]`).check();
      await page.locator(`${w} #redress-amount`).fill('12,50');
      assert.equal(await sideways(), 0, 'what you want');
      await page.locator(`${w} button[type=submit]`).click();
      await waitForStep(page, 'Photos and documents');
      assert.equal(await sideways(), 0, 'evidence');
      await page.locator(`${w} button[type=submit]`).click();
      await page.locator(`${w} #redress-contact-email`).waitFor();
      await page.locator(`${w} button[type=submit]`).click();
      await page.locator(`${w} .redress-review-part`).first().waitFor();
      assert.equal(await sideways(), 0, 'review');
      await screenshot(page, `filing-review-${width}x${height}`);
      await page.close();
    });
  }
});
