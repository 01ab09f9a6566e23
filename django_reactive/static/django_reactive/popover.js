/**
 * st.popover: ties each popover's button to its panel (an HTML `popover`).
 *
 * By reference rather than by `popovertarget` and an id: ids of containers
 * follow their position on the page, and an element whose id changes is
 * replaced by a patch, which would close an open popover. Without ids the
 * patch morphs the panel in place and an open popover stays open.
 */
export function mount(el) {
  const button = el.querySelector(":scope > .rx-popover-btn");
  const panel = el.querySelector(":scope > .rx-popover-panel");
  if (button && panel) button.popoverTargetElement = panel;
}
