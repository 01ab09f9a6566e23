"""The demo's admin tool in a browser: the action on selected shapes, labels saved over the WebSocket."""

from __future__ import annotations

import json

from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.pages import log_in


def labels(reactive_server) -> dict[str, str]:
    out = reactive_server.shell(
        "import json; from demo_project.demo.models import Shape; "
        "print(json.dumps({str(s.pk): s.label for s in Shape.objects.order_by('pk')}))")
    return json.loads(out)


def test_the_action_opens_the_tool_on_the_selected_shapes_and_labels_them(
    context: BrowserContext, page: Page, reactive_server
) -> None:
    reactive_server.create_user("root", "pw-for-tests", superuser=True)
    reactive_server.shell("from demo_project.demo.models import Shape; Shape.objects.update(label='')")
    log_in(page, "root", "pw-for-tests")
    page.goto("/admin/demo/shape/")
    expect(page.get_by_role("link", name="Label shapes")).to_be_visible()  # the change-list link
    pks = sorted(labels(reactive_server), key=int)
    for pk in pks[1:3]:  # the second and third shapes
        page.locator(f'input[name="_selected_action"][value="{pk}"]').check()
    page.locator('select[name="action"]').select_option(label="Open Label shapes")
    page.get_by_role("button", name="Go").click()

    expect(page).to_have_url(f"/admin/demo/shape/tools/demo.label_shapes/?ids={pks[1]},{pks[2]}")
    expect(page.locator(".breadcrumbs")).to_contain_text("Shapes › Label shapes")
    view = page.locator(".reactive-view")
    expect(view).to_have_attribute("data-reactive-ready", "true")
    expect(view.get_by_text("0 of 2 labelled")).to_be_visible()
    view.get_by_role("button", name="Circle").click()
    expect(view.get_by_text("1 of 2 labelled")).to_be_visible()
    view.get_by_role("button", name="Square").click()
    expect(view.get_by_text("Done: 2 of 2 shapes have a label.")).to_be_visible()

    saved = labels(reactive_server)
    assert (saved[pks[1]], saved[pks[2]]) == ("circle", "square")
    assert saved[pks[0]] == "" and saved[pks[3]] == ""
