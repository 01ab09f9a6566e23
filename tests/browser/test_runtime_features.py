"""Forms, disclosure state and query parameters in a real browser."""

from playwright.sync_api import expect


def test_form_edits_stay_in_the_browser_until_submit(reactive_server, page, open_view):
    open_view(page, f"{reactive_server.url}/t/kitchen/")
    page.get_by_label("Name").fill("Ann")
    page.get_by_label("Agree").check()
    # A rerun caused outside the form neither sends nor wipes the unsent edits.
    page.get_by_role("button", name="Outside").click()
    expect(page.get_by_text("outside clicks: 1")).to_be_visible()
    expect(page.get_by_text("saved: '' False False")).to_be_visible()
    expect(page.get_by_label("Name")).to_have_value("Ann")
    expect(page.get_by_label("Agree")).to_be_checked()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("saved: 'Ann' True True")).to_be_visible()


def test_enter_in_a_form_field_submits_the_form(reactive_server, page, open_view):
    open_view(page, f"{reactive_server.url}/t/kitchen/")
    page.get_by_label("Name").fill("Bo")
    page.get_by_label("Name").press("Enter")
    expect(page.get_by_text("saved: 'Bo' False True")).to_be_visible()


def test_an_open_expander_stays_open_when_its_content_changes(reactive_server, page, open_view):
    open_view(page, f"{reactive_server.url}/t/kitchen/")
    page.get_by_text("Details", exact=True).click()
    expect(page.get_by_text("details after 0 clicks")).to_be_visible()
    # The next click adds an element above the expander: the whole area is re-sent.
    page.get_by_role("button", name="Outside").click()
    expect(page.get_by_text("An odd number of clicks")).to_be_visible()
    expect(page.get_by_text("details after 1 clicks")).to_be_visible()


def test_query_params_written_by_the_view_show_in_the_address_bar(reactive_server, page, open_view):
    open_view(page, f"{reactive_server.url}/t/kitchen/?from=test")
    page.evaluate("window.__marker = 1")
    page.get_by_role("button", name="Page 3").click()
    expect(page).to_have_url(f"{reactive_server.url}/t/kitchen/?from=test&page=3")
    assert page.evaluate("window.__marker") == 1


def test_a_file_upload_reaches_the_view(reactive_server, page, open_view, tmp_path):
    csv = tmp_path / "scores.csv"
    csv.write_text("name,score\nann,3\nbo,5\n")
    open_view(page, f"{reactive_server.url}/t/upload/")
    expect(page.get_by_text("no file")).to_be_visible()
    page.get_by_label("CSV file").set_input_files(str(csv))
    expect(page.get_by_text("scores.csv: 3 rows")).to_be_visible()


def test_a_file_in_a_form_is_sent_with_the_submit(reactive_server, page, open_view, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text("all good")
    open_view(page, f"{reactive_server.url}/t/upload-form/")
    page.get_by_label("Attachment").set_input_files(str(report))
    # The file is uploaded at once, but its token waits in the form for the submit.
    page.wait_for_function("document.querySelector('[data-reactive-kind=file]').dataset.reactiveTokens")
    expect(page.get_by_text("attached: nothing")).to_be_visible()
    page.get_by_role("button", name="Send report").click()
    expect(page.get_by_text("attached: report.txt")).to_be_visible()
