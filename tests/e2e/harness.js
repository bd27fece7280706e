// The real things the end-to-end tests talk to: the redress-server binary built by
// `cargo xtask test`, on a free loopback port with a fresh data directory, and Debian's
// Chromium driven by playwright-core (never a downloaded browser).

import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = process.env.REDRESS_ROOT ?? resolve(fileURLToPath(new URL('../..', import.meta.url)));
const SERVER_BIN = process.env.REDRESS_SERVER_BIN ?? join(ROOT, 'target/debug/redress-server');
export const SCREENSHOTS = join(ROOT, 'target/screenshots');

function freePort() {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

/**
 * Starts redress-server with the demo orders; resolves once it says it listens.
 * `args` are extra command-line options (e.g. `--smtp-url`).
 * `halt()` stops it but keeps its port and data, and `resume()` starts it again there:
 * a server that is down for a while, then back, as a shopper's browser meets it.
 */
export async function startServer({ args = [] } = {}) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'redress-e2e-'));
  let child;
  let log = '';
  const launch = () => new Promise((ok, fail) => {
    child = spawn(SERVER_BIN, [
      '--listen', `127.0.0.1:${port}`, '--data-dir', dataDir, '--demo',
      '--www-dir', join(ROOT, 'www'), '--pkg-dir', join(ROOT, 'pkg'), ...args,
    ], { stdio: ['ignore', 'pipe', 'pipe'] });
    let started = false;
    const from = log.length;
    const onData = (chunk) => {
      log += chunk;
      const found = /listening on (http:\/\/\S+)/.exec(log.slice(from));
      if (found && !started) {
        started = true;
        ok(found[1].replace(/\/$/, ''));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => { log += chunk; });
    child.once('exit', (code) => { if (!started) fail(new Error(`redress-server exited (${code}):\n${log}`)); });
    child.once('error', fail);
  });
  const halt = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((ok) => (child.exitCode !== null ? ok() : child.once('exit', ok)));
  };
  const url = await launch();
  return {
    url,
    log: () => log,
    halt,
    async resume() { await launch(); },
    async stop() {
      await halt();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless, with a fresh profile per launch. */
export async function startBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'redress-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 800 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * A page that records what a test asserts on: requests, CSP violations, console errors,
 * uncaught exceptions, and layout shifts.
 */
export async function openPage(context, url, { width = 1280, height = 800 } = {}) {
  const page = await context.newPage();
  await page.setViewportSize({ width, height });
  const requests = [];
  const problems = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) window.__shifts.push(entry.value);
        window.__shiftSources = (window.__shiftSources || []).concat((entry.sources || []).map((s) => `${s.node?.nodeName}.${s.node?.className} ${JSON.stringify(s.previousRect)} -> ${JSON.stringify(s.currentRect)}`));
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, requests, problems };
}

/** Clicks the launcher and waits for the lookup form inside its shadow root. */
export async function openWidget(page) {
  await page.locator('[data-redress=launcher] .redress-launcher').click();
  await page.locator('[data-redress=launcher] #redress-order-number').waitFor();
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}
