/*! Redress complaint widget loader · MIT OR Apache-2.0 */
/*
 * A few KB of plain JS, loaded with `async`: it never blocks the host page and fetches the
 * wasm only when the shopper opens the launcher or an inline <redress-complaint> element
 * scrolls into view. Everything renders inside a shadow root: the page's CSS cannot reach
 * in and ours cannot leak out. No inline script, no eval: under a strict CSP it needs only
 * `script-src <origin of this file> 'wasm-unsafe-eval'`, `style-src <same origin>` and
 * `connect-src <endpoint>`.
 *
 * `cargo xtask build` replaces the __REDRESS_*__ names with the content-hashed files.
 */
(function () {
  'use strict';
  var GLUE = '__REDRESS_GLUE__';
  var WASM = '__REDRESS_WASM__';
  var WASM_SRI = '__REDRESS_WASM_SRI__';
  var CSS = '__REDRESS_CSS__';
  var CSS_SRI = '__REDRESS_CSS_SRI__';
  // The other flows, fetched only when asked for: {"withdraw": [glue, wasm, sri], ...}.
  var BUNDLES = JSON.parse('__REDRESS_BUNDLES__');
  // Language packs: {"hash": "<hash>", "langs": ["en", ...]}; the wasm holds no words.
  var PACKS = JSON.parse('__REDRESS_LANGS__');

  // The launcher's own words, before the wasm (and its catalogue) is loaded.
  var WORDS = {
    en: { withdraw: 'Withdraw from contract here', open: 'Problem with an order?', dialog: 'Complaint about an order', close: 'Close', loading: 'Loading…', failed: 'The complaint form could not load. Check your connection and try again.', retry: 'Try again' },
    nl: { withdraw: 'Overeenkomst hier herroepen', open: 'Probleem met een bestelling?', dialog: 'Klacht over een bestelling', close: 'Sluiten', loading: 'Laden…', failed: 'Het klachtformulier kon niet laden. Controleer je verbinding en probeer het opnieuw.', retry: 'Opnieuw proberen' },
    fr: { withdraw: 'Se rétracter du contrat ici', open: 'Un problème avec une commande\u00a0?', dialog: 'Réclamation concernant une commande', close: 'Fermer', loading: 'Chargement…', failed: 'Le formulaire de réclamation n’a pas pu se charger. Vérifiez votre connexion et réessayez.', retry: 'Réessayer' },
    de: { withdraw: 'Vertrag hier widerrufen', open: 'Problem mit einer Bestellung?', dialog: 'Beschwerde zu einer Bestellung', close: 'Schließen', loading: 'Wird geladen…', failed: 'Das Beschwerdeformular konnte nicht geladen werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.', retry: 'Erneut versuchen' },
    fy: { withdraw: 'Oerienkomst hjir herroppe', open: 'Probleem mei in bestelling?', dialog: 'Klacht oer in bestelling', close: 'Slute', loading: 'Laden…', failed: 'It klachtformulier koe net laden wurde. Kontrolearje jo ferbining en besykje it opnij.', retry: 'Opnij besykje' },
    ru: { withdraw: 'Отказаться от договора здесь', open: 'Проблема с заказом?', dialog: 'Жалоба на заказ', close: 'Закрыть', loading: 'Загрузка…', failed: 'Не удалось загрузить форму жалобы. Проверьте подключение и попробуйте ещё раз.', retry: 'Повторить' }
  };

  var script = document.currentScript;
  var base = new URL('.', script && script.src ? script.src : location.href).href;
  if (window.__redressLoaded) return;
  window.__redressLoaded = true;

  function words(lang) {
    var primary = String(lang || '').toLowerCase().split(/[-_]/)[0];
    return WORDS[primary] || WORDS.en;
  }

  function pageLang(explicit) {
    return explicit || document.documentElement.lang || navigator.language || 'en';
  }

  // A flow's glue and wasm, fetched once for every widget on the page.
  var booting = {};
  function boot(mode) {
    var b = BUNDLES[mode] || [GLUE, WASM, WASM_SRI];
    if (!booting[b[1]]) {
      booting[b[1]] = import(base + b[0]).then(function (glue) {
        var wasm = fetch(base + b[1], { integrity: b[2] });
        return glue.default({ module_or_path: wasm }).then(function () { return glue; });
      });
      booting[b[1]].catch(function () { booting[b[1]] = null; });
    }
    return booting[b[1]];
  }

  // The shopper's language pack (English for a language the widget does not speak),
  // fetched beside the wasm: the complaint widget's words, or every flow's for the
  // withdrawal and trustmark bundles. A pack that fails to load fails the mount like the
  // wasm would, with a retry.
  var packs = {};
  function pack(lang, mode) {
    var primary = String(lang || '').toLowerCase().split(/[-_]/)[0];
    if (PACKS.langs.indexOf(primary) < 0) primary = 'en';
    var path = 'redress-' + (BUNDLES[mode] ? 'flows-' : '') + primary + '-' + PACKS.hash + '.txt';
    if (!packs[path]) {
      packs[path] = fetch(base + path).then(function (r) {
        if (!r.ok) throw new Error('language pack: HTTP ' + r.status);
        return r.text();
      });
      packs[path].catch(function () { packs[path] = null; });
    }
    return packs[path];
  }

  // Host sizing that must hold before the stylesheet arrives (zero layout shift). A
  // constructed stylesheet is not inline style, so `style-src` without 'unsafe-inline'
  // allows it.
  var hostSheet = null;
  function hostRules() {
    if (hostSheet === null) {
      try {
        hostSheet = new CSSStyleSheet();
        hostSheet.replaceSync(
          ':host{display:block!important;contain:layout style}' +
          ':host([data-redress=launcher]){all:initial!important;display:block!important;position:fixed!important;right:16px!important;bottom:16px!important;width:0!important;height:0!important;z-index:2147483000!important}' +
          ':host(redress-complaint){min-height:var(--redress-reserve,440px)!important}' +
          '[hidden]{display:none!important}.redress-launcher{display:none}'
        );
      } catch (e) {
        hostSheet = undefined;
      }
    }
    return hostSheet;
  }

  function shadow(host) {
    var root = host.attachShadow({ mode: 'open' });
    var sheet = hostRules();
    if (sheet) root.adoptedStyleSheets = [sheet];
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = base + CSS;
    link.integrity = CSS_SRI;
    root.appendChild(link);
    return root;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // Loads the bundle and mounts the widget into `target`; a failure shows a retry button
  // instead of an empty box.
  function mountInto(target, config, onMounted) {
    var w = words(config.lang);
    target.textContent = '';
    var status = el('p', 'redress-loading', w.loading);
    status.setAttribute('role', 'status');
    target.appendChild(status);
    Promise.all([boot(config.mode), pack(config.lang, config.mode)]).then(function (loaded) {
      var glue = loaded[0];
      target.textContent = '';
      config.pack = loaded[1];
      // A flow this bundle lacks (the complaint widget's "withdraw" entry) is mounted
      // from its own bundle in the same place.
      config.switch = function (mode) { mountInto(target, Object.assign({}, config, { mode: mode }), onMounted); };
      glue.mount(target, config);
      if (onMounted) onMounted();
    }).catch(function (error) {
      target.textContent = '';
      var box = el('div', 'redress-notice redress-notice-error');
      box.setAttribute('role', 'alert');
      box.appendChild(el('p', '', w.failed));
      var retry = el('button', 'redress-button', w.retry);
      retry.type = 'button';
      retry.addEventListener('click', function () { mountInto(target, config, onMounted); });
      box.appendChild(retry);
      target.appendChild(box);
      if (window.console) console.error('redress: the widget could not load', error);
    });
  }

  // `trustmark`: the URL of the shop's signed membership attestation (the badge).
  function configFrom(endpoint, lang, mode, trustmark) {
    var absolute = '';
    try { absolute = endpoint ? new URL(endpoint, location.href).href.replace(/\/+$/, '') : ''; } catch (e) { absolute = ''; }
    return { endpoint: absolute, lang: pageLang(lang), mode: /^(withdraw|trustmark)$/.test(mode) ? mode : 'complaint', trustmark: trustmark || '' };
  }

  // Script-tag mode: a launcher button bottom right that opens the widget panel.
  function launcher(config) {
    var w = words(config.lang);
    var host = el('div');
    host.setAttribute('data-redress', 'launcher');
    var root = shadow(host);
    var withdraw = config.mode === 'withdraw';
    var button = el('button', 'redress-launcher', withdraw ? w.withdraw : w.open);
    button.type = 'button';
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-controls', 'redress-panel');
    var panel = el('div', 'redress-panel');
    panel.id = 'redress-panel';
    panel.hidden = true;
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', withdraw ? w.withdraw : w.dialog);
    panel.tabIndex = -1;
    var close = el('button', 'redress-close', '×');
    close.type = 'button';
    close.setAttribute('aria-label', w.close);
    var body = el('div', 'redress-body');
    panel.appendChild(close);
    panel.appendChild(body);
    root.appendChild(panel);
    root.appendChild(button);
    var mounted = false;

    function focusFirstField() {
      var field = body.querySelector('input, select, textarea');
      (field || panel).focus();
    }
    function open() {
      panel.hidden = false;
      button.setAttribute('aria-expanded', 'true');
      if (mounted) { focusFirstField(); return; }
      mounted = true;
      panel.focus();
      mountInto(body, config, focusFirstField);
    }
    function shut() {
      panel.hidden = true;
      button.setAttribute('aria-expanded', 'false');
      button.focus();
    }
    button.addEventListener('click', function () { panel.hidden ? open() : shut(); });
    // Start fetching as the pointer heads for the button: the click then waits less.
    button.addEventListener('pointerenter', function () { boot(config.mode).catch(function () {}); pack(config.lang, config.mode).catch(function () {}); }, { once: true });
    close.addEventListener('click', shut);
    panel.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') shut();
    });
    document.body.appendChild(host);
    // A tracking link (`#redress-track=C-...`) opens the widget on the complaint.
    var tracked = function () { if (/^#redress-track=/.test(location.hash) && panel.hidden) open(); };
    tracked();
    window.addEventListener('hashchange', tracked);
  }

  // Inline mode: <redress-complaint endpoint="https://shop.example/api" lang="nl">.
  if (window.customElements && !customElements.get('redress-complaint')) {
    customElements.define('redress-complaint', class extends HTMLElement {
      connectedCallback() {
        if (this.shadowRoot) return;
        var host = this;
        var root = shadow(host);
        var body = el('div', 'redress-body redress-inline');
        root.appendChild(body);
        var config = configFrom(host.getAttribute('endpoint'), host.getAttribute('lang'), host.getAttribute('mode'), host.getAttribute('trustmark'));
        var seen = new IntersectionObserver(function (entries) {
          if (entries.some(function (entry) { return entry.isIntersecting; })) {
            seen.disconnect();
            mountInto(body, config);
          }
        }, { rootMargin: '200px' });
        seen.observe(host);
      }
    });
  }

  if (script && script.hasAttribute('data-endpoint') && script.getAttribute('data-launcher') !== 'off') {
    var config = configFrom(script.getAttribute('data-endpoint'), script.getAttribute('data-lang'), script.getAttribute('data-mode'), script.getAttribute('data-trustmark'));
    if (document.body) launcher(config);
    else document.addEventListener('DOMContentLoaded', function () { launcher(config); });
  }
})();
