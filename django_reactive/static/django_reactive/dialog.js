/**
 * st.dialog: shows the server's `<dialog>` as a modal and tells the server when the user closes it.
 *
 * The server never renders `open`: each opening has a number (`data-rx-opening`),
 * and a dialog is shown once per opening, so one the user dismissed stays closed
 * until the view calls its function in a new run. The user closes a dismissible
 * dialog with its close button, Escape or a click outside; a dialog with
 * `on_dismiss` then sends its hidden trigger button's click, as any button does.
 */
export function mount(dialog) {
  if (!dialog.rxDialog) {
    dialog.rxDialog = true;
    const dismissible = () => dialog.hasAttribute("data-rx-dismissible");
    dialog.addEventListener("cancel", (ev) => dismissible() || ev.preventDefault());
    dialog.addEventListener("click", (ev) => {
      const box = dialog.getBoundingClientRect();
      const outside = ev.target === dialog && (ev.clientX < box.left || ev.clientX > box.right ||
        ev.clientY < box.top || ev.clientY > box.bottom);
      if (ev.target.closest(".rx-dialog-close") || (outside && dismissible())) dialog.close();
    });
    dialog.addEventListener("close", () => {
      if (!dialog.isConnected) return;
      if (!dismissible()) dialog.showModal(); // (a browser may let a second Escape through)
      else dialog.querySelector(":scope > .rx-dialog-dismiss")?.click();
    });
  }
  const opening = dialog.dataset.rxOpening;
  if (dialog.rxOpening !== opening) {
    dialog.rxOpening = opening;
    if (!dialog.open) dialog.showModal();
  }
}
