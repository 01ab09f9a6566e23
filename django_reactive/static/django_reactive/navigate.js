/**
 * `st.switch_page`: the run left a link to the page it switched to; load that
 * page (its URL selects it, so a reload shows it too). A switch made by the
 * page's first run replaces the history entry, so Back does not return to it.
 */
export function mount(el) {
  const link = el.querySelector("a[data-rx-navigate]");
  if (!link) return;
  if (link.hasAttribute("data-rx-replace")) location.replace(link.href);
  else location.assign(link.href);
}
