/*! Redress shop desk loader. https://example.invalid/redress
 *
 * An ES module: imports the desk's glue, fetches its wasm with Subresource Integrity and
 * mounts the desk into the page's #desk element. No inline script, no eval: the desk page
 * needs only `script-src 'self' 'wasm-unsafe-eval'`.
 *
 * `cargo xtask build` replaces the __REDRESS_*__ names with the content-hashed files.
 */
const GLUE = '__REDRESS_GLUE__';
const WASM = '__REDRESS_WASM__';
const WASM_SRI = '__REDRESS_WASM_SRI__';

const base = new URL('.', import.meta.url).href;
const root = document.getElementById('desk');

async function start() {
  const glue = await import(base + GLUE);
  await glue.default({ module_or_path: fetch(base + WASM, { integrity: WASM_SRI }) });
  root.textContent = '';
  root.removeAttribute('aria-busy');
  glue.mount(root, { endpoint: root.dataset.endpoint || '/api', lang: document.documentElement.lang });
}

if (root) {
  start().catch(() => {
    const failed = root.querySelector('[data-failed]');
    if (failed) failed.hidden = false;
    const loading = root.querySelector('[data-loading]');
    if (loading) loading.hidden = true;
    root.removeAttribute('aria-busy');
  });
}
