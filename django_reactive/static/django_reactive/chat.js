/**
 * st.chat_input in the browser: Enter (or the send button) submits the text,
 * Shift+Enter starts a new line.
 *
 * A submission is one event whose trigger is the chat input, carrying its
 * text (see docs/protocol.md); the box is cleared at once. Listeners are
 * delegated from the document, once, so patches that re-render the box need
 * no new ones.
 */

/** The `ReactiveView` (of reactive.js) showing `el`. */
const viewOf = (el) => {
  const root = el.closest(".reactive-view");
  return window.djangoReactive?.views.find((view) => view.el === root);
};

/** Send the text of `box`'s textarea, unless it is blank (or waiting, with `submit_mode="disable"`). */
function submit(box) {
  const input = box.querySelector("textarea[data-reactive-widget]");
  const view = input && viewOf(input);
  if (!view || input.disabled || !input.value.trim()) return;
  if (input.dataset.rxSubmitMode === "disable" && view.el.dataset.rxChatBusy !== undefined) return;
  const wid = input.dataset.reactiveWidget;
  view.emit({ [wid]: input.value }, wid);
  input.value = "";
  if (input.dataset.rxSubmitMode === "disable") {
    // Until the run the submission caused is over (its answer carries `ack`).
    view.el.dataset.rxChatBusy = "";
    const done = (ev) => {
      if (ev.type === "reactive:error" || ev.detail.ack !== undefined) {
        delete view.el.dataset.rxChatBusy;
        view.el.removeEventListener("reactive:patch", done);
        view.el.removeEventListener("reactive:error", done);
      }
    };
    view.el.addEventListener("reactive:patch", done);
    view.el.addEventListener("reactive:error", done);
  }
}

document.addEventListener("keydown", (ev) => {
  if (ev.key !== "Enter" || ev.shiftKey || ev.isComposing) return;
  const box = ev.target.closest?.(".rx-chat-box");
  if (!box || ev.target.tagName !== "TEXTAREA") return;
  ev.preventDefault();
  submit(box);
});

document.addEventListener("click", (ev) => {
  const button = ev.target.closest?.(".rx-chat-send");
  if (button && !button.disabled) submit(button.closest(".rx-chat-box"));
});
