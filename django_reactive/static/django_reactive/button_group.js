/**
 * Pills, segmented controls and feedback (st.pills, st.segmented_control, st.feedback).
 *
 * Their options are checkboxes drawn as buttons. In a single-selection group,
 * checking one unchecks the others before the view reads the group (this
 * listener captures the `change` first), so a form sends one option too; a
 * `required` group's chosen option cannot be unchecked.
 */
const SINGLE = '[data-reactive-kind="pills"]:not([data-reactive-multi])';

document.addEventListener("click", (ev) => {
  const el = ev.target;
  // The click has already unchecked the box: cancelling it puts the check back.
  if (el.matches?.(`${SINGLE}[data-reactive-required]`) && !el.checked) ev.preventDefault();
}, true);

document.addEventListener("change", (ev) => {
  const el = ev.target;
  if (!el.matches?.(SINGLE) || !el.checked) return;
  for (const other of el.closest("fieldset").querySelectorAll(SINGLE)) {
    if (other !== el) other.checked = false;
  }
}, true);
