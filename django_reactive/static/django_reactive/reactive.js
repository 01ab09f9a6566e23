/**
 * django_reactive client (wire protocol v1, see docs/protocol.md).
 *
 * Every `.reactive-view` element on the page is a `ReactiveView`: user
 * interactions become `event` messages, and the server's `patch` messages are
 * morphed into the page with Idiomorph. All views of a page share one
 * WebSocket, the page's `Connection`, and their messages carry the view's id.
 * When WebSockets do not get through, each view posts its events over HTTP.
 *
 * One module on purpose, with no build step: a cold page load fetches the
 * page, the stylesheet, idiomorph and this file, nothing more.
 */
// The vendored idiomorph build (vendor/idiomorph-0.8.0/idiomorph.min.js, 10 KB)
// is a classic script defining `Idiomorph`; {% reactive_head %} loads it first.
const { Idiomorph } = globalThis;
if (!Idiomorph) {
  throw new Error("django_reactive: idiomorph is not loaded; use {% reactive_head %} in the page's <head>.");
}

const PROTOCOL_VERSION = 1;
const BUSY_RETRIES = 3;
/** How often an event answered `unavailable` (the server could not save it) is sent again. */
const UNAVAILABLE_RETRIES = 8;
/** Error codes refusing a view's `hello`: the view stays as rendered, without events. */
const REFUSED = new Set(["unknown_view", "login_required", "forbidden", "too_many_views", "unsupported_version"]);

/** `[data-reactive-…="value"]` selector with the value safely escaped. */
const attr = (name, value) => `[data-reactive-${name}="${CSS.escape(value)}"]`;

/**
 * The controls of the same widget as `el` (a radio group, the parts of a range).
 * @param {HTMLElement} el a control carrying `data-reactive-widget`
 * @param {HTMLElement} root the view element
 * @returns {HTMLElement[]}
 */
const siblingsOf = (el, root) => [...root.querySelectorAll(attr("widget", el.dataset.reactiveWidget))];

/** The `data-reactive-part` controls of `el`'s widget, in part order. */
const partsOf = (el, root) => siblingsOf(el, root)
  .filter((p) => p.dataset.reactivePart !== undefined)
  .sort((a, b) => a.dataset.reactivePart - b.dataset.reactivePart);

/**
 * Read the value of a control as the protocol expects it.
 * @param {HTMLElement} el a control carrying `data-reactive-widget`
 * @param {HTMLElement} root the view element (to find the other parts of a widget)
 * @returns {*} the JSON value to send
 */
function readValue(el, root) {
  switch (el.dataset.reactiveKind) {
    case "checkbox":
      return el.checked;
    case "radio": {
      // Each radio's value is its option's index.
      const checked = siblingsOf(el, root).find((r) => r.checked);
      return checked ? Number(checked.value) : null;
    }
    case "number": {
      const text = el.value.trim();
      const n = text === "" ? NaN : Number(text);
      return Number.isFinite(n) ? n : null;
    }
    case "select": {
      // Each option's value is its index among the widget's options; the
      // placeholder option ("nothing selected") has none.
      const option = el.options[el.selectedIndex];
      if (!option || option.hasAttribute("data-reactive-none")) return null;
      return Number(option.value);
    }
    case "multiselect": // the selected options' indices, in option order
      return [...el.selectedOptions].map((o) => Number(o.value));
    case "pills": { // the checked indices; single selection: one or null
      const on = siblingsOf(el, root).filter((p) => p.checked).map((p) => +p.value);
      return el.hasAttribute("data-reactive-multi") ? on : el.checked ? +el.value : on[0] ?? null;
    }
    case "range": {
      if (el.dataset.reactivePart === undefined) return el.valueAsNumber;
      const [low, high] = partsOf(el, root).map((p) => p.valueAsNumber);
      return low > high ? [high, low] : [low, high];
    }
    case "date": // "YYYY-MM-DD"; a range sends the dates it has (0 to 2)
      if (el.dataset.reactivePart === undefined) return el.value || null;
      return partsOf(el, root).map((p) => p.value).filter(Boolean);
    case "time": // "HH:MM" or "HH:MM:SS"
      return el.value || null;
    case "file": // the tokens of the files uploaded for it (see `upload`)
      return el.dataset.reactiveTokens ? JSON.parse(el.dataset.reactiveTokens) : null;
    default: // "text", "color" ("#rrggbb")
      return el.value;
  }
}

/** Put a query string written with `st.query_params` in the address bar (no navigation). */
function showQuery(qs) {
  const url = new URL(location.href);
  url.search = qs;
  history.replaceState(history.state, "", url);
}

/** The `st.form` element around a control, if any. */
const formOf = (el) => el.closest?.("[data-reactive-form]") ?? null;

/**
 * Every value a form shows, by widget id: what a submit sends.
 * @param {HTMLElement} form a `[data-reactive-form]` element
 * @param {HTMLElement} root the view element
 */
function formValues(form, root) {
  const values = {};
  for (const control of form.querySelectorAll("[data-reactive-widget]")) {
    const wid = control.dataset.reactiveWidget;
    if (control.dataset.reactiveKind !== "button" && !(wid in values)) {
      values[wid] = readValue(control, root);
    }
  }
  return values;
}

/** What a control shows, to put back after a patch re-rendered it. */
const snapshot = (c) => ({
  value: c.value,
  checked: c.checked,
  selected: [...(c.selectedOptions ?? [])].map((o) => o.value),
  tokens: c.dataset.reactiveTokens,
});

function restore(control, snap) {
  if (control.type === "file") control.dataset.reactiveTokens = snap.tokens ?? "";
  else if (control.type === "checkbox" || control.type === "radio") control.checked = snap.checked;
  else if (control.multiple) for (const o of control.options) o.selected = snap.selected.includes(o.value);
  else control.value = snap.value;
}

/**
 * What the user opened stays open: a patch never changes an expander's `open`,
 * the chosen tab or the hidden sidebar, which live only in the browser (as in Streamlit), unless
 * the expander tracks its state (on_change): then the server says.
 */
function keepDisclosureState(attribute, element) {
  if (attribute === "open" && element.tagName === "DETAILS") return "reactiveWidget" in element.dataset;
  if (attribute === "open" && element.tagName === "DIALOG") return false; // shown by dialog.js
  return !(attribute === "checked" && element.matches(".rx-tab-radio, .rx-sidebar-toggle"));
}

/**
 * Load the `data-rx-assets` of elements in `root` (charts, chat...): each
 * stylesheet and module once; a module's `mount(el)` runs for each new or changed element.
 */
function useAssets(root) {
  for (const el of [root, ...root.querySelectorAll("[data-rx-assets]")]) {
    for (const url of el.dataset.rxAssets?.split(" ") || []) {
      if (!url.endsWith(".css")) import(url).then((m) => m.mount?.(el));
      else if (!document.querySelector(`link[href="${url}"]`)) {
        document.head.append(Object.assign(document.createElement("link"), { rel: "stylesheet", href: url }));
      }
    }
  }
}

const MORPH_OPTIONS = {
  morphStyle: "outerHTML",
  ignoreActiveValue: true,
  restoreFocus: true,
  // A drawn chart (same data-rx-digest) is left as it is.
  callbacks: { beforeAttributeUpdated: keepDisclosureState,
    beforeNodeMorphed: (a, b) => !a.dataset?.rxDigest || a.dataset.rxDigest !== b.dataset?.rxDigest },
};

/** Parses each op's HTML: a template's content costs a fraction of a new document per op. */
const PARSER = document.createElement("template");
/** Elements a morph does more to than copy attributes and text (values, focus, open state, drawn charts). */
const LIVE_ELEMENTS = new Set(["INPUT", "SELECT", "OPTION", "TEXTAREA", "DETAILS", "DIALOG"]);

/**
 * Collect into `texts` the text nodes of `a` (in the page) that differ from
 * those of `b` (parsed); false unless the two are otherwise the same: same
 * elements, same attributes, no live elements, no comments.
 */
function onlyTextDiffers(a, b, texts) {
  if (a.nodeType === Node.TEXT_NODE && b.nodeType === Node.TEXT_NODE) {
    if (a.nodeValue !== b.nodeValue) texts.push([a, b.nodeValue]);
    return true;
  }
  if (a.nodeType !== Node.ELEMENT_NODE || a.tagName !== b.tagName || LIVE_ELEMENTS.has(a.tagName)
      || a.dataset.rxDigest !== undefined || a.attributes.length !== b.attributes.length) return false;
  for (const { name, value } of a.attributes) if (b.getAttribute(name) !== value) return false;
  let x = a.firstChild, y = b.firstChild;
  for (; x && y; x = x.nextSibling, y = y.nextSibling) if (!onlyTextDiffers(x, y, texts)) return false;
  return !x && !y;
}

/**
 * Make `target` show `html`. Where only text changed (a count, a metric, a
 * line of text: most patches), the text nodes are set directly, as a morph
 * would set them, at half its cost in the page; anything else is morphed.
 */
function morph(target, html, options) {
  PARSER.innerHTML = html;
  const fresh = PARSER.content;
  const texts = [];
  if (fresh.childNodes.length === 1 && onlyTextDiffers(target, fresh.firstChild, texts)) {
    for (const [node, text] of texts) node.nodeValue = text;
  } else {
    Idiomorph.morph(target, fresh, options);
  }
  PARSER.innerHTML = "";
}

/**
 * One `.reactive-view` element: its controls, its events and the patches it
 * receives. It talks through the page's `Connection` (one WebSocket for every
 * view on the page), which adds the view's `id` to what it sends.
 */
export class ReactiveView {
  /**
   * @param {HTMLElement} el the `.reactive-view` element
   * @param {string} id the view's id on the page's connection
   * @param {{send: function(object): boolean}} connection
   */
  constructor(el, id, connection) {
    this.el = el;
    this.id = id;
    this.connection = connection;
    this.seq = 0; // last seq used on the current connection
    this.live = false; // socket open and `ready` received
    this.stopped = false; // no more hellos (refused, reload, removed)
    this.helloSent = false; // `rev` goes only into the first hello
    this.pending = {}; // text typed but not committed yet: {wid: value}
    this.dirty = new Set(); // widgets edited (`input` events) since their value was last sent
    this.lastSent = new Map(); // wid -> last value sent (dedupes Enter + change)
    this.queue = { values: {}, triggers: [] }; // events waiting for `ready`
    this.unacked = new Map(); // seq -> {msg, tries}, to resend on `busy`
    this.formEdits = new Set(); // widgets inside a form edited since that form's last submit

    // Delegated listeners: controls get replaced by morphing, the view does not.
    el.addEventListener("click", (ev) => this.onClick(ev));
    el.addEventListener("change", (ev) => this.onChange(ev));
    el.addEventListener("input", (ev) => this.onInput(ev));
    el.addEventListener("keydown", (ev) => this.onKeydown(ev));
    // st.expander(on_change=...): send a `toggle` (captured: it does not bubble) not yet rendered or sent.
    el.addEventListener("toggle", ({ target: d }) => {
      if (d.dataset.reactiveKind === "expander" && String(d.open) !== d.dataset.reactiveOpen) {
        this.emit({ [d.dataset.reactiveWidget]: (d.dataset.reactiveOpen = String(d.open)) === "true" });
      }
    }, true);
    // The first run of the page may have written st.query_params.
    if (el.dataset.reactiveQs !== undefined) showQuery(el.dataset.reactiveQs);
    useAssets(el);
    // Forms are submitted through their submit buttons' events, never natively.
    el.addEventListener("submit", (ev) => ev.preventDefault());
    this.http = false; // events go over the HTTP fallback
    this.rev = el.dataset.reactiveRev; // what the page shows (the HTTP fallback sends it)
    this.httpChain = Promise.resolve(); // HTTP events are posted one after the other
  }

  /** The `hello` that shows this view on a (new) connection. */
  hello() {
    this.seq = 0;
    const { reactiveView: view, reactiveTab: tab } = this.el.dataset;
    const hello = { t: "hello", v: PROTOCOL_VERSION, id: this.id, view, tab };
    if (location.search) hello.qs = location.search.slice(1);
    if (!this.helloSent && this.el.dataset.reactiveRev) hello.rev = this.el.dataset.reactiveRev;
    if (this.el.dataset.reactiveKw) hello.kw = this.el.dataset.reactiveKw; // the view's signed arguments
    hello.cx = { timezone: Intl.DateTimeFormat().resolvedOptions().timeZone, timezone_offset: new Date().getTimezoneOffset(),
      locale: navigator.language, url: location.origin + location.pathname, // st.context
      theme: matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light" };
    this.helloSent = true;
    return hello;
  }

  /** Stop talking to the server (the view was refused, or the page reloads). */
  stop() {
    this.stopped = true;
    this.live = false;
    this.el.dataset.reactiveReady = "false";
  }

  /** The page's connection closed: events wait in the queue until the next `ready`. */
  disconnected() {
    this.live = false;
    this.unacked.clear(); // their outcome is unknown; the resync after reconnect covers it
    this.el.dataset.reactiveReady = "false";
  }

  /** Switch to the HTTP fallback: each event is posted and answered with its patch. */
  useHttp() {
    this.http = true;
    this.live = true;
    this.el.dataset.reactiveTransport = "http";
    this.el.dataset.reactiveReady = "true";
    this.flush();
  }

  /** Post one event to the view's HTTP endpoint (with the CSRF token) and apply the answer. */
  async post(event) {
    try {
      const response = await fetch(this.el.dataset.reactiveEvent, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": this.el.dataset.reactiveCsrf },
        body: JSON.stringify({
          ...event, tab: this.el.dataset.reactiveTab, rev: this.rev, qs: location.search.slice(1),
          kw: this.el.dataset.reactiveKw,
        }),
      });
      const reply = await response.json();
      if (reply.rev) this.rev = reply.rev;
      this.handle(reply);
    } catch (error) {
      this.onError({ code: "network", message: String(error.message || error), ack: event.seq });
    }
  }

  /** Act on one server message (from the WebSocket or an HTTP answer). */
  handle(msg) {
    if (msg.ack !== undefined && msg.t !== "error") {
      this.unacked.delete(msg.ack);
      if (this.live) this.el.dataset.reactiveReady = "true"; // saved again after `unavailable`
    }
    switch (msg.t) {
      case "ready":
        this.live = true;
        this.el.dataset.reactiveReady = "true";
        this.flush();
        break;
      case "patch":
        this.applyPatch(msg);
        break;
      case "error":
        this.onError(msg);
        break;
      case "reload":
        this.stop();
        location.reload();
        break;
      // Unknown message types are ignored (forward compatibility).
    }
  }

  /**
   * Morph every `id: html` op into the element with that `data-reactive-id`.
   * @param {{ops: Object<string, string>, ack?: number}} msg
   */
  applyPatch(msg) {
    if (typeof msg.qs === "string") showQuery(msg.qs);
    const ops = Object.entries(msg.ops || {});
    const focus = this.saveFocus();
    // Keep the focused control's value only while the user is editing it; once
    // sent, the server's value wins (it may have been cleared or clamped).
    const options = { ...MORPH_OPTIONS, ignoreActiveValue: !focus || focus.dirty };
    const edits = this.saveFormEdits();
    for (const [id, html] of ops) {
      // Ops for elements that are gone are skipped; a later full resync fixes them.
      const target = this.el.querySelector(attr("id", id));
      // Morphing also drops our aria-invalid marks: the server's HTML lacks them.
      if (target) morph(target, html, options);
    }
    for (const [id] of ops) {
      const target = this.el.querySelector(attr("id", id));
      if (target) useAssets(target);
    }
    this.restoreFormEdits(edits);
    this.restoreFocus(focus);
    this.el.dispatchEvent(new CustomEvent("reactive:patch", { detail: msg }));
  }

  /** Unsubmitted form edits stay in the browser: snapshot them before a patch... */
  saveFormEdits() {
    return [...this.formEdits].map((wid) => [wid, [...this.el.querySelectorAll(attr("widget", wid))].map(snapshot)]);
  }

  /** ...and show them again on the re-rendered controls. */
  restoreFormEdits(edits) {
    for (const [wid, snaps] of edits) {
      const controls = this.el.querySelectorAll(attr("widget", wid));
      controls.forEach((control, i) => snaps[i] && restore(control, snaps[i]));
    }
  }

  /** Remember which control has focus, and its caret, before a patch. */
  saveFocus() {
    const el = document.activeElement;
    if (!el?.dataset?.reactiveWidget || !this.el.contains(el)) return null;
    let start = null, end = null;
    try {
      ({ selectionStart: start, selectionEnd: end } = el);
    } catch {} // input types without a caret
    const wid = el.dataset.reactiveWidget;
    return { el, wid, part: el.dataset.reactivePart, value: el.value, dirty: this.dirty.has(wid), start, end };
  }

  /**
   * After a patch, make sure the control that had focus (or its replacement)
   * still has it, with the user's unsent edit and caret intact.
   */
  restoreFocus(saved) {
    if (!saved) return;
    let el = document.activeElement;
    if (el?.dataset?.reactiveWidget !== saved.wid || el.dataset.reactivePart !== saved.part) {
      let sel = attr("widget", saved.wid);
      if (saved.part !== undefined) sel += attr("part", saved.part);
      el = this.el.querySelector(sel);
      if (!el || el.disabled) return;
      el.focus({ preventScroll: true });
    }
    // (Removing a focused input may fire its `change`: rely on the saved state.)
    if (saved.dirty && el.value !== saved.value) el.value = saved.value;
    try {
      if (saved.start !== null && (el.selectionStart !== saved.start || el.selectionEnd !== saved.end)) {
        el.setSelectionRange(saved.start, saved.end);
      }
    } catch {} // input types without a caret
  }

  /** @param {{code: string, message?: string, widget?: string, ack?: number}} msg */
  onError(msg) {
    const sent = this.unacked.get(msg.ack);
    this.unacked.delete(msg.ack);
    if (msg.code === "busy" && sent && sent.tries < BUSY_RETRIES) {
      // The view's lock was taken: the protocol asks us to send the event again.
      setTimeout(() => this.sendEvent(sent.msg, sent.tries + 1), 100 * 2 ** sent.tries);
      return;
    }
    if (msg.code === "unavailable" && sent && sent.tries < UNAVAILABLE_RETRIES) {
      // Nothing was saved: the page keeps what the user entered, shows it is
      // waiting, and sends the event again until the server can save it.
      this.el.dataset.reactiveReady = "false";
      setTimeout(() => this.sendEvent(sent.msg, sent.tries + 1), Math.min(250 * 2 ** sent.tries, 5000));
      return;
    }
    if (REFUSED.has(msg.code) && msg.ack === undefined) {
      this.stop(); // the server will not show this view here: retrying cannot help
      this.el.dataset.reactiveRefused = msg.code;
    }
    console.warn(`django_reactive: ${msg.code}: ${msg.message ?? ""}`, msg);
    if (msg.widget) {
      for (const c of this.el.querySelectorAll(attr("widget", msg.widget))) {
        c.setAttribute("aria-invalid", "true");
      }
    }
    this.el.dispatchEvent(new CustomEvent("reactive:error", { detail: msg, bubbles: true }));
  }

  /**
   * Queue an interaction (with any pending text) and send it when the view is live.
   * @param {Object<string, *>} [values] changed widget values, by widget id
   * @param {string} [trigger] id of the clicked button
   */
  emit(values = {}, trigger) {
    const all = { ...this.pending, ...values };
    this.pending = {};
    for (const [wid, value] of Object.entries(all)) {
      this.lastSent.set(wid, value);
      this.dirty.delete(wid);
    }
    Object.assign(this.queue.values, all);
    if (trigger) this.queue.triggers.push(trigger);
    if (this.live) this.flush();
  }

  /** Send the queued values and triggers: merged values go with the first event. */
  flush() {
    const { values, triggers } = this.queue;
    this.queue = { values: {}, triggers: [] };
    const hasValues = Object.keys(values).length > 0;
    if (!hasValues && triggers.length === 0) return;
    (triggers.length ? triggers : [undefined]).forEach((trigger, i) => {
      const msg = { t: "event" };
      if (i === 0 && hasValues) msg.values = values;
      if (trigger) msg.trigger = trigger;
      this.sendEvent(msg);
    });
  }

  /** Send one event with a fresh `seq`, remembering it until acknowledged. */
  sendEvent(msg, tries = 0) {
    if (this.http) {
      const event = { ...msg, seq: ++this.seq };
      this.unacked.set(event.seq, { msg, tries });
      this.httpChain = this.httpChain.then(() => this.post(event));
      return;
    }
    if (!this.live) {
      // Lost the connection meanwhile: put it back in the queue.
      Object.assign(this.queue.values, msg.values);
      if (msg.trigger) this.queue.triggers.push(msg.trigger);
      return;
    }
    const event = { ...msg, id: this.id, seq: ++this.seq };
    this.unacked.set(event.seq, { msg, tries });
    if (!this.connection.send(event)) this.unacked.delete(event.seq);
  }

  /** A click on an enabled button is sent as `trigger`; a form's button submits the form. */
  onClick(ev) {
    const btn = ev.target.closest?.('[data-reactive-kind="button"]');
    if (!btn || btn.disabled || btn.getAttribute("aria-disabled") === "true") return;
    const form = formOf(btn);
    if (form) this.submitForm(form, btn);
    else this.emit({}, btn.dataset.reactiveWidget);
  }

  /** Send every value of `form` with the click of its submit button, in one event. */
  submitForm(form, btn) {
    const values = formValues(form, this.el);
    for (const wid of Object.keys(values)) {
      this.formEdits.delete(wid);
      delete this.pending[wid];
    }
    this.emit(values, btn.dataset.reactiveWidget);
  }

  /** A committed change of a value control sends its new value. */
  onChange(ev) {
    const el = ev.target;
    const wid = el.dataset?.reactiveWidget;
    const kind = el.dataset?.reactiveKind;
    if (!wid || !kind || kind === "button") return;
    if (kind === "file") {
      this.upload(el);
      return;
    }
    if (formOf(el)) {
      this.formEdits.add(wid); // sent with the form's submit
    } else if (kind === "text") {
      this.commitText(el);
    } else if (el.hasAttribute("data-reactive-ignore")) {
      this.pending[wid] = readValue(el, this.el); // on_change="ignore": with the next event
    } else {
      this.emit({ [wid]: readValue(el, this.el) });
    }
  }

  /**
   * Post the chosen files over HTTP (CSRF-protected), then send their tokens as the value.
   * @param {HTMLInputElement} input a `type="file"` control
   */
  async upload(input) {
    const wid = input.dataset.reactiveWidget;
    const url = this.el.dataset.reactiveUpload;
    if (!url) {
      console.warn("django_reactive: uploads need path('reactive/', include('django_reactive.urls'))");
      return;
    }
    const body = new FormData();
    for (const file of input.files) body.append("files", file);
    try {
      const response = await fetch(url, {
        method: "POST",
        body,
        credentials: "same-origin",
        // The grant names the session, view and widget the server offered this upload to.
        headers: { "X-CSRFToken": this.el.dataset.reactiveCsrf, "X-Reactive-Grant": input.dataset.reactiveGrant ?? "" },
      });
      const reply = await response.json();
      if (!response.ok) throw new Error(reply.error || response.statusText);
      input.dataset.reactiveTokens = JSON.stringify(reply.files);
      if (formOf(input)) this.formEdits.add(wid); // sent with the form's submit
      else this.emit({ [wid]: reply.files });
    } catch (error) {
      this.onError({ code: "upload_failed", message: String(error.message || error), widget: wid });
    }
  }

  /** Typing only records the text as pending; it goes out with the next event. */
  onInput(ev) {
    const el = ev.target;
    const wid = el.dataset?.reactiveWidget;
    if (!wid) return;
    this.dirty.add(wid);
    if (formOf(el)) this.formEdits.add(wid);
    else if (el.dataset.reactiveKind === "text") this.pending[wid] = el.value;
  }

  /** Enter in a one-line text input commits it, like a `change`; in a form it submits the form. */
  onKeydown(ev) {
    const el = ev.target;
    if (ev.key !== "Enter" || ev.isComposing || el.tagName !== "INPUT") return;
    const form = formOf(el);
    if (form) {
      ev.preventDefault();
      const btn = form.querySelector('[data-reactive-kind="button"]:not([disabled])');
      if (btn && form.hasAttribute("data-reactive-enter-submits")) this.submitForm(form, btn);
      return;
    }
    if (el.dataset.reactiveKind !== "text") return;
    if (el.dataset.reactiveWidget in this.pending) this.commitText(el);
  }

  /**
   * Send a text control's value unless that exact value was already sent
   * (Enter followed by the `change` of the blur) and nothing was typed since.
   * @param {HTMLInputElement|HTMLTextAreaElement} el
   */
  commitText(el) {
    const wid = el.dataset.reactiveWidget;
    if (!(wid in this.pending) && this.lastSent.get(wid) === el.value) return;
    this.emit({ [wid]: el.value });
  }
}

/** Close codes after which reconnecting cannot help (4401: no session cookie). */
const FINAL_CLOSE_CODES = new Set([4401]);
const BACKOFF_MIN_MS = 200;
const BACKOFF_MAX_MS = 5000;
/** Failed WebSocket attempts (none ever worked) before events go over HTTP instead. */
const HTTP_AFTER_FAILURES = 2;

/** Registry of live views (exposed as `window.djangoReactive.views`). */
export const views = [];
/** The page's connections, by WebSocket URL (one, unless views name different URLs). */
export const connections = new Map();
let lastId = 0;

/** One WebSocket carrying the messages of every view that names its URL. */
export class Connection {
  /** @param {string} url the views' `data-reactive-ws` */
  constructor(url) {
    this.url = url;
    this.views = new Map(); // id -> ReactiveView
    this.ws = null;
    this.everReady = false; // a WebSocket has worked on this page
    this.failures = 0; // attempts that failed before one ever worked
    this.backoff = BACKOFF_MIN_MS;
    this.timer = null;
    this.stopped = false;
  }

  /** Show `view` over this connection: say its hello now if the socket is open. */
  add(view) {
    this.views.set(view.id, view);
    if (typeof WebSocket === "undefined") view.useHttp();
    else if (this.ws?.readyState === WebSocket.OPEN) this.send(view.hello());
    else if (!this.ws && !this.timer) this.connect();
  }

  /** Open the WebSocket (`ws:` for http pages, `wss:` for https). */
  connect() {
    this.timer = null;
    const url = new URL(this.url, location.href);
    if (url.protocol === "http:") url.protocol = "ws:";
    else if (url.protocol === "https:") url.protocol = "wss:";
    const ws = (this.ws = new WebSocket(url));
    ws.onopen = () => {
      for (const view of this.views.values()) if (!view.stopped && !view.http) this.send(view.hello());
    };
    ws.onmessage = (ev) => this.onMessage(ev.data);
    ws.onclose = (ev) => this.onClose(ev);
  }

  /** Send a JSON message if the socket is open; false when it is not. */
  send(msg) {
    if (this.ws?.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(msg));
    return true;
  }

  /** Close the socket for good (used on `reload`, or by tests). */
  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    this.ws?.close(1000);
  }

  /** Hand a server message to the view it names; `reload` concerns the whole page. */
  onMessage(data) {
    let msg;
    try {
      msg = JSON.parse(data);
    } catch {
      console.warn("django_reactive: bad frame from server", data);
      return;
    }
    if (msg.t === "ready") {
      this.everReady = true;
      this.backoff = BACKOFF_MIN_MS;
    }
    if (msg.t === "reload") {
      this.stop();
      for (const view of this.views.values()) view.stop();
      location.reload();
    } else if (this.views.has(msg.id)) {
      this.views.get(msg.id).handle(msg);
    } else {
      console.warn(`django_reactive: ${msg.code ?? msg.t}: ${msg.message ?? ""}`, msg);
    }
  }

  /** @param {CloseEvent} ev */
  onClose(ev) {
    if (ev.target !== this.ws) return; // an old socket
    this.ws = null;
    for (const view of this.views.values()) if (!view.http) view.disconnected();
    const wanted = [...this.views.values()].filter((v) => !v.stopped && !v.http && v.el.isConnected);
    // No session cookie (blocked cookies, a page not served by the site): say so on each view.
    if (ev.code === 4401) {
      for (const v of wanted) {
        v.stop();
        v.el.dataset.reactiveRefused = "no_session";
      }
    }
    if (this.stopped || FINAL_CLOSE_CODES.has(ev.code) || wanted.length === 0) return;
    if (!this.everReady && ++this.failures >= HTTP_AFTER_FAILURES) {
      // WebSockets do not get through: the views that can post events over HTTP do.
      for (const view of wanted) if (view.el.dataset.reactiveEvent) view.useHttp();
      return;
    }
    // Exponential backoff with jitter: wait between 50 % and 100 % of the step.
    const delay = this.backoff * (0.5 + Math.random() / 2);
    this.backoff = Math.min(this.backoff * 2, BACKOFF_MAX_MS);
    this.timer = setTimeout(() => this.connect(), delay);
  }
}

/**
 * Start every `.reactive-view` inside `root` (and `root` itself) not yet started.
 * @param {ParentNode} [root=document]
 * @returns {ReactiveView[]} the views started by this call
 */
export function init(root = document) {
  const found = [...root.querySelectorAll(".reactive-view")];
  if (root instanceof Element && root.matches(".reactive-view")) found.unshift(root);
  const started = [];
  for (const el of found) {
    if (views.some((v) => v.el === el)) continue;
    const url = el.dataset.reactiveWs;
    if (!connections.has(url)) connections.set(url, new Connection(url));
    const connection = connections.get(url);
    const view = new ReactiveView(el, String(++lastId), connection);
    views.push(view);
    started.push(view);
    connection.add(view);
  }
  return started;
}

window.djangoReactive = { views, connections, init };

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", () => init());
} else {
  init();
}
