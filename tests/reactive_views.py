"""Views used by the transport tests, registered under fixed names."""

import django_reactive as reactive


@reactive.view(name="tests.counter")
def counter(st):
    st.title("Counter Example")
    if "count" not in st.session_state:
        st.session_state.count = 0
    if st.button("Increment"):
        st.session_state.count += 1
    if st.button("Decrement"):
        st.session_state.count -= 1
    st.write("Count = ", st.session_state.count)


@reactive.view(name="tests.widgets")
def widgets(st):
    st.slider("Volume", 0, 10, key="vol")
    st.selectbox("Color", ["red", "green"], key="color")
    st.number_input("Amount", 0, 100, key="amount")
    st.text_input("Code", max_chars=4, key="code")
    st.checkbox("Agree", key="agree")
    st.button("Locked", disabled=True)
    st.text(f"{st.session_state.vol} {st.session_state.color}")


@reactive.view(name="tests.tab_counter", scope="tab")
def tab_counter(st):
    st.session_state.setdefault("n", 0)
    if st.button("Add"):
        st.session_state.n += 1
    st.text(f"n={st.session_state.n}")


@reactive.view(name="tests.staff_only", permission=lambda user: user.is_staff)
def staff_only(st):
    st.text("secret")


@reactive.view(name="tests.members", login_required=True)
def members(st):
    st.text(f"hello {st.user.username}")


@reactive.view(name="tests.can_change_user", permission="auth.change_user")
def can_change_user(st):
    st.text("allowed")


@reactive.view(name="tests.query")
def query(st):
    if st.button("Rename"):
        st.query_params.who = "Cy"
    st.text(f"hello {st.query_params.get('who', 'nobody')}")


@reactive.view(name="tests.kitchen")
def kitchen(st):
    """Forms, an expander and query parameters on one page, for the browser suite."""
    st.session_state.setdefault("outside_clicks", 0)
    if st.button("Outside"):
        st.session_state.outside_clicks += 1
    st.text(f"outside clicks: {st.session_state.outside_clicks}")
    with st.form("profile"):
        name = st.text_input("Name", key="name")
        agree = st.checkbox("Agree", key="agree")
        sent = st.form_submit_button("Save")
    st.text(f"saved: {name!r} {agree} {sent}")
    if st.session_state.outside_clicks % 2:
        st.info("An odd number of clicks")  # changes the page's structure above the expander
    with st.expander("Details"):
        st.text(f"details after {st.session_state.outside_clicks} clicks")
    if st.button("Page 3"):
        st.query_params.page = 3


@reactive.view(name="tests.slow")
def slow(st):
    """A long run: its spinner and progress reach the page while it works."""
    import time

    if st.button("Work"):
        with st.spinner("Working..."):
            bar = st.progress(0, text="step 0")
            for step in range(1, 6):
                time.sleep(0.06)
                bar.progress(step * 20, text=f"step {step}")
        st.text("done")


@reactive.view(name="tests.upload")
def upload(st):
    data = st.file_uploader("CSV file", type="csv")
    if data is None:
        st.text("no file")
    else:
        rows = data.read().decode().splitlines()
        st.text(f"{data.name}: {len(rows)} rows")


@reactive.view(name="tests.news")
def news(st):
    from django.contrib.auth.models import Group

    st.subscribe("groups")
    st.text(f"groups: {Group.objects.count()}")


@reactive.view(name="tests.upload_form")
def upload_form(st):
    with st.form("report"):
        data = st.file_uploader("Attachment")
        st.form_submit_button("Send report")
    st.text(f"attached: {data.name if data else 'nothing'}")


@reactive.view(name="tests.clock")
def clock(st):
    st.session_state.setdefault("full_runs", 0)
    st.session_state.full_runs += 1

    @st.fragment(run_every=0.2)
    def ticker():
        st.session_state.ticks = st.session_state.get("ticks", 0) + 1
        st.text(f"ticks: {st.session_state.ticks}")

    ticker()


@reactive.view(name="tests.everything")
def everything(st):
    """One of each input widget, for the robustness tests."""
    import datetime

    st.checkbox("Check", key="check")
    st.toggle("Toggle", key="toggle")
    st.radio("Radio", ["a", "b"], key="radio")
    st.selectbox("Select", ["a", "b"], key="select")
    st.multiselect("Multi", ["a", "b", "c"], key="multi", max_selections=2)
    st.slider("Slide", 0, 10, key="slide")
    st.slider("Range", 0.0, 1.0, (0.2, 0.8), key="range")
    st.select_slider("Steps", ["lo", "mid", "hi"], key="steps")
    st.text_input("Text", max_chars=5, key="text")
    st.text_area("Area", key="area")
    st.number_input("Number", 0, 100, key="number")
    st.date_input("Date", datetime.date(2025, 1, 1), key="date")
    st.time_input("Time", datetime.time(8, 0), key="time")
    st.color_picker("Color", key="color")
    st.file_uploader("File", key="file")
    st.button("Press")
    st.text("alive")


# -- admin tools (tests/admin_site.py) ------------------------------------------------------


@reactive.view(name="tests.user_tool", title="Inspect users")
def user_tool(st):
    from django.contrib.auth.models import User

    from django_reactive.admin import selected_objects

    users = selected_objects(st, User)
    st.text("selected: " + (", ".join(user.username for user in users) or "none"))
    st.session_state.setdefault("clicks", 0)
    if st.button("Click"):
        st.session_state.clicks += 1
    st.text(f"clicks: {st.session_state.clicks}")


@reactive.view(name="tests.user_count")
def user_count(st):
    from django.contrib.auth.models import User

    st.text(f"users: {User.objects.count()}")


@reactive.view(name="tests.group_tool")
def group_tool(st):
    st.text("groups tool")


@reactive.view(name="tests.tabs")
def tabs(st):
    one, two = st.tabs(["One", "Two"])
    one.text("first panel")
    two.text("second panel")
    many = st.tabs([f"T{n}" for n in range(1, 23)])
    for n, tab in enumerate(many, 1):
        tab.text(f"panel {n}")


@reactive.view(name="tests.notes")
def notes(st):
    """A view about one object: its keyword arguments name it."""
    st.text(f"pk={st.kwargs.get('pk')}")
    st.session_state.setdefault("n", 0)
    if st.button("Add"):
        st.session_state.n += 1
    st.text(f"n={st.session_state.n}")


#: Runs of ``tests.idle`` in this process: a page that hibernated replays its view first.
IDLE_RUNS = []


class Basket:
    """Not storable in the session: it stays with the page (its working copy)."""

    def __init__(self) -> None:
        self.items = []


@reactive.view(name="tests.idle")
def idle(st):
    IDLE_RUNS.append(1)
    if "basket" not in st.session_state:
        st.session_state.basket = Basket()
    basket = st.session_state.basket
    st.button("Add", on_click=lambda: basket.items.append(len(basket.items)))
    with st.sidebar:
        st.text("side")
    st.write("Items = ", len(basket.items))


@reactive.view(name="tests.idle_edit")
def idle_edit(st):
    IDLE_RUNS.append(1)
    if st.button("Edit"):
        st.text_input("Name", key="name")  # only in the run of the Edit click
    st.text(f"name={st.session_state.get('name', '')}")
