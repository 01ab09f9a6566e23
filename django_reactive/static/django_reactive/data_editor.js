/**
 * st.data_editor in the browser.
 *
 * The widget's value is Streamlit's edit state, {edited_rows, added_rows,
 * deleted_rows}, kept as JSON in the editor's hidden control. A committed
 * change of a cell's control updates that state and fires the hidden
 * control's `change`, so reactive.js sends it like any widget value (or keeps
 * it for the submit of the editor's form). The table changes at once (a new
 * row appears, a deleted one goes), so an editor inside a form shows what
 * its submit will send; elsewhere the server's patch follows.
 *
 * A new row is sent once each of its required columns has a value, as in
 * Streamlit. Listeners are delegated from the document, once.
 */
const EDITOR = ".rx-editor";
const CELL = "[data-rx-col]";

const stateControl = (editor) => editor.querySelector(':scope > input[data-reactive-kind="editor"]');

/** The edit state `editor` shows. */
const readState = (editor) => JSON.parse(stateControl(editor).value);

/** Keep `state` as the editor's value and let reactive.js send it (unless nothing changed). */
function writeState(editor, state) {
  const control = stateControl(editor);
  const text = JSON.stringify(state);
  if (text === JSON.stringify(JSON.parse(control.value))) return;
  control.value = text;
  control.dispatchEvent(new Event("change", { bubbles: true }));
}

/** A cell control's value in the edit state's form (JSON; dates and times as ISO text; empty is null). */
function cellValue(el) {
  switch (el.dataset.rxEditor) {
    case "checkbox":
      return el.checked;
    case "number": {
      const n = el.value.trim() === "" ? NaN : Number(el.value);
      return Number.isFinite(n) ? n : null;
    }
    case "selectbox": // each option's value is the JSON of the option
      return el.value === "" ? null : JSON.parse(el.value);
    default: // text, date, time, datetime
      return el.value === "" ? null : el.value;
  }
}

/** A new row's values, by column; an untouched, unchecked checkbox leaves its column empty (None). */
function rowValues(tr) {
  const values = {};
  for (const el of tr.querySelectorAll(CELL)) {
    if (el.type !== "checkbox" || el.checked || el.dataset.rxTouched !== undefined) {
      values[el.dataset.rxCol] = cellValue(el);
    }
  }
  return values;
}

/** Whether each required column of a new row has a value. */
const complete = (tr) => [...tr.querySelectorAll(`${CELL}[required]`)].every((el) => cellValue(el) !== null);

/** Turn a complete draft row into an added row of `state`. */
function addDraft(tr, state) {
  delete tr.dataset.rxDraft;
  tr.dataset.rxAdded = String(state.added_rows.length);
  state.added_rows.push(rowValues(tr));
}

/** A cell's committed change: an edit of a row, of an added row, or a draft row's value. */
function commitCell(el) {
  const tr = el.closest("tr");
  const editor = el.closest(EDITOR);
  const state = readState(editor);
  const column = el.dataset.rxCol;
  if (tr.dataset.rxRow !== undefined) {
    const row = tr.dataset.rxRow;
    state.edited_rows[row] = { ...state.edited_rows[row], [column]: cellValue(el) };
  } else if (tr.dataset.rxAdded !== undefined) {
    state.added_rows[Number(tr.dataset.rxAdded)][column] = cellValue(el);
  } else {
    el.dataset.rxTouched = ""; // a draft row: sent once complete
    if (!complete(tr)) return;
    addDraft(tr, state);
  }
  writeState(editor, state);
}

/** "Add row": a copy of the editor's draft row (a template), sent at once if nothing is required. */
function addRow(editor) {
  const draft = editor.querySelector("template.rx-editor-draft");
  const tr = draft.content.firstElementChild.cloneNode(true);
  for (const el of tr.querySelectorAll("[id]")) el.removeAttribute("id");
  draft.before(tr);
  if (complete(tr)) {
    const state = readState(editor);
    addDraft(tr, state);
    writeState(editor, state);
  }
  tr.querySelector(CELL)?.focus();
}

/** A row's delete button: a row of the data is listed in deleted_rows, an added row dropped. */
function deleteRow(tr) {
  const editor = tr.closest(EDITOR);
  const state = readState(editor);
  if (tr.dataset.rxRow !== undefined) {
    state.deleted_rows.push(Number(tr.dataset.rxRow));
  } else if (tr.dataset.rxAdded !== undefined) {
    const gone = Number(tr.dataset.rxAdded);
    state.added_rows.splice(gone, 1);
    for (const other of editor.querySelectorAll("tr[data-rx-added]")) {
      if (Number(other.dataset.rxAdded) > gone) other.dataset.rxAdded = String(Number(other.dataset.rxAdded) - 1);
    }
  }
  tr.remove();
  writeState(editor, state);
}

document.addEventListener("change", (ev) => {
  if (ev.target.matches?.(CELL) && ev.target.closest(EDITOR)) commitCell(ev.target);
});

// Enter commits a cell (and, in a form, does not submit it): captured before reactive.js sees it.
document.addEventListener("keydown", (ev) => {
  const el = ev.target;
  if (ev.key !== "Enter" || ev.isComposing || !el.matches?.(`input${CELL}`) || !el.closest(EDITOR)) return;
  ev.preventDefault();
  ev.stopPropagation();
  commitCell(el);
}, true);

document.addEventListener("click", (ev) => {
  const button = ev.target.closest?.(".rx-editor-add, .rx-editor-delete");
  if (!button?.closest(EDITOR)) return;
  if (button.classList.contains("rx-editor-add")) addRow(button.closest(EDITOR));
  else deleteRow(button.closest("tr"));
});
