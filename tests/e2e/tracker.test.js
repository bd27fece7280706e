// After filing: the tracker on the Done screen follows the shop's actions, the tracking
// link opens it in another browser, a submit while the shop's server is down goes
// through once it is back, and a Dutch shopper files in Dutch.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshot, startBrowser, startServer } from './harness.js';
import {
  W, axeViolations, daysAgo, fileThroughWidget, fillWhatWentWrong, lookUp, shopApi, shopComplaints, waitForStep,
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

describe('tracker', () => {
  test('shows the handler and deadlines after the shop acts, also from the tracking link elsewhere', async () => {
    const { page, problems } = await openPage(browser.context, `${server.url}/`);
    await page.evaluate(() => localStorage.clear());
    const reference = await fileThroughWidget(page);
    const tracker = page.locator(`${W} .redress-tracker`);
    await tracker.locator('.redress-timeline li').first().waitFor();
    assert.match(await tracker.textContent(), /Status: Received/);
    assert.match(await tracker.locator('.redress-due').textContent(), /Confirmation of receipt.*by \w{3} \d{1,2} \w{3} · \d working days? left/);
    assert.match(await tracker.textContent(), /If you are not satisfied.*possible from/);

    const answer = daysAgo(-10);
    const acted = await shopApi(server, `/shop/complaints/${reference}/events`, {
      method: 'POST',
      body: { event: { type: 'acknowledged', handler: 'Sanne de Vries', expected_answer_on: answer } },
    });
    assert.equal(acted.status, 200);
    await tracker.locator('button:has-text("Refresh")').click();
    await tracker.locator('.redress-tracker-handler').waitFor();
    assert.match(await tracker.locator('.redress-tracker-handler').textContent(), /^Handled by Sanne de Vries; answer expected by \w{3} \d{1,2} \w{3}$/);
    assert.match(await tracker.locator('.redress-timeline li').first().textContent(), /The shop confirmed receipt/);
    assert.match(await tracker.locator('.redress-due').textContent(), /Confirmation of receipt.*Done in time/);
    // The shop's promised date and the policy's latest one are told apart.
    assert.equal(
      await tracker.locator('h4:text-is("Deadlines of the shop") + .redress-hint').textContent(),
      'The latest date allowed for each step.',
    );
    assert.match(await tracker.locator('.redress-due').textContent(), /Assigned for investigation/);
    await screenshot(page, 'tracker-1280');
    assert.deepEqual(await axeViolations(page), []);

    // The tracking link, opened in a fresh browser profile, opens the tracker at once.
    const link = await page.locator(`${W} .redress-tracker-link`).getAttribute('href');
    assert.match(link, new RegExp(`#redress-track=${reference}\\.[0-9a-f]{32}$`));
    const other = await startBrowser();
    try {
      const { page: elsewhere } = await openPage(other.context, link, { width: 375, height: 740 });
      const handler = elsewhere.locator(`${W} .redress-tracker-handler`);
      await handler.waitFor();
      assert.match(await handler.textContent(), /Sanne de Vries/);
      await screenshot(elsewhere, 'tracker-375');
      // On a phone the tracker takes the panel's whole width, beside the close button too.
      const [deadlines, room] = await elsewhere.evaluate(() => {
        const root = document.querySelector('[data-redress=launcher]').shadowRoot;
        const panel = root.querySelector('.redress-panel');
        const style = getComputedStyle(panel);
        return [
          root.querySelector('.redress-due').getBoundingClientRect().width,
          panel.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
        ];
      });
      assert.ok(Math.abs(deadlines - room) < 1, `deadlines ${deadlines} px wide in ${room} px`);
      // A wrong token shows a clear message, not the complaint.
      await elsewhere.goto(link.replace(/\.[0-9a-f]{32}$/, '.00000000000000000000000000000000'));
      await elsewhere.reload();
      await elsewhere.locator(`${W} .redress-notice-error`).waitFor();
      assert.match(await elsewhere.locator(`${W} .redress-tracker`).textContent(), /not valid/);
    } finally {
      await other.close();
    }

    // The shop rejects: the board opens at once, and the shopper asks it from the tracker.
    const rejected = await shopApi(server, `/shop/complaints/${reference}/events`, {
      method: 'POST',
      body: { event: { type: 'rejected', reasons: 'The kettle was used with limescale; see our manual.' } },
    });
    assert.equal(rejected.status, 200);
    await tracker.locator('button:has-text("Refresh")').click();
    const ask = tracker.locator('button:has-text("Ask the complaints board to review it")');
    await ask.waitFor();
    await ask.click();
    await tracker.locator('.redress-tracker-status:has-text("With the shop\'s complaints board")').waitFor();
    assert.match(await tracker.locator('.redress-timeline li').first().textContent(), /You asked the complaints board/);

    // Back on the shop's page later: the complaint is listed to follow again.
    await page.reload({ waitUntil: 'load' });
    await page.locator(`${W} .redress-launcher`).click();
    await page.locator(`${W} .redress-filed-here button`).click();
    await page.locator(`${W} .redress-tracker-handler`).waitFor();

    // On a shared computer the shopper removes the list; it stays gone after a reload.
    await page.reload({ waitUntil: 'load' });
    await page.locator(`${W} .redress-launcher`).click();
    await page.locator(`${W} button:has-text("Remove this list from this device")`).click();
    assert.equal(await page.locator(`${W} .redress-filed-here`).count(), 0);
    await page.reload({ waitUntil: 'load' });
    await page.locator(`${W} .redress-launcher`).click();
    await page.locator(`${W} #redress-order-number`).waitFor();
    assert.equal(await page.locator(`${W} .redress-filed-here`).count(), 0);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a tracker in a background tab asks nothing, and shows the news the moment the shopper looks again', async () => {
    const { page } = await openPage(browser.context, `${server.url}/`);
    await page.clock.install();
    await page.reload({ waitUntil: 'load' });
    await page.evaluate(() => localStorage.clear());
    const reference = await fileThroughWidget(page);
    const tracker = page.locator(`${W} .redress-tracker`);
    await tracker.locator('.redress-timeline li').first().waitFor();
    const asked = [];
    page.on('request', (request) => {
      if (request.url().includes(`/complaints/${reference}?`)) asked.push(request.url());
    });
    const showTab = (hidden) => page.evaluate((value) => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => value });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);

    await showTab(true);
    await page.clock.runFor('01:05');
    assert.deepEqual(asked, [], 'no refresh while the tab is hidden');

    const acted = await shopApi(server, `/shop/complaints/${reference}/events`, {
      method: 'POST',
      body: { event: { type: 'acknowledged', handler: 'Noor Bakker', expected_answer_on: daysAgo(-10) } },
    });
    assert.equal(acted.status, 200);
    await showTab(false);
    await tracker.locator('.redress-tracker-handler:has-text("Noor Bakker")').waitFor();
    assert.equal(asked.length, 1, 'one refresh on coming back, no click needed');
    await page.clock.runFor('00:31');
    await page.waitForTimeout(200);
    assert.equal(asked.length, 2, 'a shown tab keeps refreshing every 30 s');
    await page.close();
  });

  test('a submit while the shop is down says so, keeps everything, and files once when it is back', async () => {
    const { page } = await openPage(browser.context, `${server.url}/`);
    await page.evaluate(() => localStorage.clear());
    const before = (await shopComplaints(server)).length;
    await lookUp(page, { orderNumber: 'RD-1002', email: 'bram@example.com' });
    await page.locator(`${W} input[name=redress-reason][value=wrong_item]`).check();
    await page.locator(`${W} #redress-item-0`).check();
    await page.locator(`${W} #redress-incident-date`).fill(daysAgo(1));
    await page.locator(`${W} #redress-description`).fill('I ordered the black model and received a white one.');
    for (let i = 0; i < 4 && !(await page.locator(`${W} .redress-review-part`).count()); i += 1) {
      if (await page.locator(`${W} input[name=redress-resolution][value=replacement]`).count()) {
        await page.locator(`${W} input[name=redress-resolution][value=replacement]`).check();
      }
      await page.locator(`${W} button[type=submit]`).click();
      await page.waitForTimeout(100);
    }
    await server.halt();
    await page.locator(`${W} button[type=submit]`).click();
    const notice = page.locator(`${W} .redress-live .redress-notice-error`);
    await notice.waitFor();
    assert.match(await notice.textContent(), /could not|not reach/i);
    assert.equal(await page.locator(`${W} button[type=submit]`).isEnabled(), true, 'never a dead end');
    await server.resume();
    await page.locator(`${W} button[type=submit]`).click();
    await page.locator(`${W} .redress-reference`).waitFor();
    assert.equal((await shopComplaints(server)).length, before + 1);
    await page.close();
  });

  test('on another device the complaint is found again by order number and e-mail', async () => {
    const other = await startBrowser();
    try {
      const { page } = await openPage(other.context, `${server.url}/`);
      await page.locator(`${W} .redress-launcher`).click();
      const follow = page.locator(`${W} button:text-is("Follow my complaint")`);
      await follow.waitFor();
      await page.locator(`${W} #redress-order-number`).fill('RD-1003');
      await page.locator(`${W} #redress-email`).fill('olga@example.com');
      await follow.click();
      await page.locator(`${W} .redress-live:has-text("no complaint about this order yet")`).waitFor();
      await page.locator(`${W} #redress-email`).fill('someone@example.com');
      await follow.click();
      await page.locator(`${W} .redress-live:has-text("could not find an order")`).waitFor();
      // RD-1002 has the one complaint filed while the server was down: it opens at once.
      await page.locator(`${W} #redress-order-number`).fill('RD-1002');
      await page.locator(`${W} #redress-email`).fill('bram@example.com');
      await follow.click();
      await page.locator(`${W} .redress-tracker .redress-timeline li`).first().waitFor();
      assert.match(await page.locator(`${W} .redress-tracker`).textContent(), /Complaint received/);
      await screenshot(page, 'tracker-found-again-1280');
    } finally {
      await other.close();
    }
  });

  test('a Dutch shopper files in Dutch, with Dutch dates', async () => {
    const { page, problems } = await openPage(browser.context, `${server.url}/nl.html`);
    await page.evaluate(() => localStorage.clear());
    await page.locator(`${W} .redress-launcher`).click();
    await page.locator(`${W} #redress-order-number`).waitFor();
    assert.equal(await page.locator(`${W} .redress-title`).textContent(), 'Zoek je bestelling');
    await page.locator(`${W} #redress-order-number`).fill('RD-1001');
    await page.locator(`${W} #redress-email`).fill('anna@example.com');
    await page.locator(`${W} button[type=submit]`).click();
    await waitForStep(page, 'Wat ging er mis');
    await page.locator(`${W} button[type=submit]`).click();
    assert.match(await page.locator(`${W} .redress-summary`).textContent(), /Kies wat het probleem is/);
    await fillWhatWentWrong(page, 'De waterkoker werd na twee dagen normaal gebruik niet meer warm.');
    await page.locator(`${W} button[type=submit]`).click();
    await waitForStep(page, 'Wat wil je');
    await page.locator(`${W} input[name=redress-resolution][value=repair]`).check();
    for (let i = 0; i < 3 && !(await page.locator(`${W} .redress-review-part`).count()); i += 1) {
      await page.locator(`${W} button[type=submit]`).click();
      await page.waitForTimeout(100);
    }
    await page.locator(`${W} button[type=submit]`).click();
    await page.locator(`${W} .redress-reference`).waitFor();
    assert.match(await page.locator(`${W} .redress-confirm-by`).textContent(), /^We bevestigen uiterlijk (ma|di|wo|do|vr|za|zo) \d{1,2} \w+/);
    await page.locator(`${W} .redress-tracker .redress-timeline li`).first().waitFor();
    assert.match(await page.locator(`${W} .redress-tracker`).textContent(), /Klacht ontvangen/);
    await screenshot(page, 'tracker-nl-1280');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
