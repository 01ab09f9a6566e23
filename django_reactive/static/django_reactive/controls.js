/**
 * django_reactive client: reading and restoring the values of the controls
 * widgets render (docs/protocol.md lists the `data-reactive-kind`s).
 */

/** `[data-reactive-…="value"]` selector with the value safely escaped. */
export const attr = (name, value) => `[data-reactive-${name}="${CSS.escape(value)}"]`;

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
export function readValue(el, root) {
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
export function showQuery(qs) {
  const url = new URL(location.href);
  url.search = qs;
  history.replaceState(history.state, "", url);
}

/** The `st.form` element around a control, if any. */
export const formOf = (el) => el.closest?.("[data-reactive-form]") ?? null;

/**
 * Every value a form shows, by widget id: what a submit sends.
 * @param {HTMLElement} form a `[data-reactive-form]` element
 * @param {HTMLElement} root the view element
 */
export function formValues(form, root) {
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
export const snapshot = (c) => ({
  value: c.value,
  checked: c.checked,
  selected: [...(c.selectedOptions ?? [])].map((o) => o.value),
  tokens: c.dataset.reactiveTokens,
});

export function restore(control, snap) {
  if (control.type === "file") control.dataset.reactiveTokens = snap.tokens ?? "";
  else if (control.type === "checkbox" || control.type === "radio") control.checked = snap.checked;
  else if (control.multiple) for (const o of control.options) o.selected = snap.selected.includes(o.value);
  else control.value = snap.value;
}
