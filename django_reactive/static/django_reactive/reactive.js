/**
 * django_reactive client entry point (wire protocol v1, see docs/protocol.md).
 *
 * Every `.reactive-view` element on the page is a `ReactiveView`; all of them
 * share one WebSocket, the page's `Connection`, and their messages carry the
 * view's id. When WebSockets do not get through, each view posts its events
 * over HTTP instead.
 */
import { ReactiveView } from "./view.js";

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
