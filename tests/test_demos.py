"""The demos of Streamlit's session-state announcement, through AppTest.

The test database is built by the migrations, so the demo data (books,
countries and cities) comes from the data migrations, as after ``migrate``.
"""

import pytest
from django.contrib.auth.models import User

from demo_project.demo import views
from demo_project.demo.demos import annotation, battleship, cities, pagination, signup, tictactoe
from demo_project.demo.models import Book, City, Country
from django_reactive.testing import AppTest

pytestmark = pytest.mark.django_db


def button(at, label):
    """The button labelled ``label`` (the demos' buttons of one label are unique)."""
    [found] = [b for b in at.button if b.label == label]
    return found


def source_shown(at, view):
    """The demo shows its own view function in a "Source" expander."""
    return (at.expander[-1].label == "Source"
            and f"def {view.fn.__name__}(st):" in at.code[-1].value)


def test_the_data_migrations_fill_the_demo_tables():
    assert Book.objects.count() == 5_000
    assert Book.objects.filter(year__range=(1850, 2024)).count() == 5_000
    # Drawn with random.Random(0): the same books on every database.
    first = Book.objects.order_by("pk").values_list("title", "author", "year").first()
    assert first == ("Rosa and the Secret Garden", "Pablo Moreau", 1927)
    assert Country.objects.count() == 12
    assert City.objects.filter(country__name="Japan").count() == 4


GALLERY = ["pagination", "dependent-selects", "tic-tac-toe", "battleship", "annotation", "signup"]


@pytest.mark.parametrize("slug", GALLERY)
def test_each_demo_is_linked_from_the_home_page_and_shows_its_source(client, slug):
    assert slug in [demo[0] for demo in views.DEMOS]
    assert f'href="/{slug}/"' in client.get("/").content.decode()
    response = client.get(f"/{slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert ">Source<" in html and "@reactive.view(" in html


# -- pagination ----------------------------------------------------------------------------


def page_rows(start, stop):
    books = Book.objects.order_by("title", "author", "pk").values("title", "author", "year")
    return list(books[start:stop])


def test_pagination_next_previous_and_ends():
    at = AppTest.from_view(pagination.pagination).run()
    assert source_shown(at, pagination.pagination)
    assert at.markdown[0].value == "Page 1 of 500 (5,000 books)"
    assert at.dataframe[0].value == page_rows(0, 10)
    assert button(at, "Previous").disabled and not button(at, "Next").disabled

    button(at, "Next").click().run()
    button(at, "Next").click().run()
    assert at.session_state["page"] == 3
    assert at.number_input(key="page").value == 3
    assert at.dataframe[0].value == page_rows(20, 30)
    button(at, "Previous").click().run()
    assert at.markdown[0].value == "Page 2 of 500 (5,000 books)"
    assert at.dataframe[0].value == page_rows(10, 20)
    assert not button(at, "Previous").disabled


def test_pagination_jump_to_page():
    at = AppTest.from_view(pagination.pagination).run()
    at.number_input(key="page").set_value(500).run()
    assert at.markdown[0].value == "Page 500 of 500 (5,000 books)"
    assert at.dataframe[0].value == page_rows(4_990, 5_000)
    assert button(at, "Next").disabled
    button(at, "Previous").click().run()
    assert at.session_state["page"] == 499


def test_pagination_page_size_goes_back_to_the_first_page():
    at = AppTest.from_view(pagination.pagination).run()
    at.number_input(key="page").set_value(42).run()
    at.selectbox(key="size").select(25).run()
    assert at.session_state["page"] == 1
    assert at.markdown[0].value == "Page 1 of 200 (5,000 books)"
    assert at.dataframe[0].value == page_rows(0, 25)
    button(at, "Next").click().run()
    assert at.dataframe[0].value == page_rows(25, 50)
    at.selectbox(key="size").select(50).run()
    assert at.markdown[0].value == "Page 1 of 100 (5,000 books)"
    assert len(at.dataframe[0].value) == 50


# -- dependent selects ---------------------------------------------------------------------


def city_pk(name):
    return City.objects.get(name=name).pk


def test_dependent_selects_reset_the_city_when_the_country_changes():
    at = AppTest.from_view(cities.dependent_selects).run()
    assert source_shown(at, cities.dependent_selects)
    country, city = at.selectbox(key="country"), at.selectbox(key="city")
    assert country.element.labels[:3] == ["Australia", "Brazil", "Canada"]
    assert city.element.labels == ["Sydney", "Melbourne", "Brisbane", "Perth"]
    assert (at.metric[0].label, at.metric[0].value) == ("Population of Sydney", "5,450,000")

    at.selectbox(key="city").select(city_pk("Perth")).run()
    assert at.metric[0].value == "2,309,000"

    japan = Country.objects.get(name="Japan").pk
    at.selectbox(key="country").select(japan).run()
    assert at.selectbox(key="city").element.labels == ["Tokyo", "Yokohama", "Osaka", "Nagoya"]
    assert at.selectbox(key="city").value == city_pk("Tokyo")
    assert (at.metric[0].label, at.metric[0].value) == ("Population of Tokyo", "14,094,000")

    at.selectbox(key="city").select(city_pk("Osaka")).run()
    assert at.metric[0].value == "2,754,000"
    # The city stays when something reruns the view without changing the country.
    at.selectbox(key="country").select(japan).run()
    assert at.metric[0].label == "Population of Osaka"


# -- tic tac toe ---------------------------------------------------------------------------


def play(at, *cells):
    for cell in cells:
        at.button(key=f"cell-{cell}").click().run()
    return at


def board(at):
    return "".join(at.button(key=f"cell-{i}").label.strip() or "." for i in range(9))


def test_tic_tac_toe_to_a_win_and_a_new_game():
    at = AppTest.from_view(tictactoe.tic_tac_toe).run()
    assert source_shown(at, tictactoe.tic_tac_toe)
    assert at.markdown[0].value == "Player **X** to play."
    play(at, 0, 3)
    assert board(at) == "X..O....."
    assert at.button(key="cell-0").disabled and not at.button(key="cell-1").disabled
    assert at.markdown[0].value == "Player **X** to play."
    play(at, 1, 4, 2)
    assert board(at) == "XXXOO...."
    assert at.success[0].value == "X wins!"
    assert all(at.button(key=f"cell-{i}").disabled for i in range(9))

    button(at, "New game").click().run()
    assert board(at) == "........."
    assert not at.success and at.markdown[0].value == "Player **X** to play."


def test_tic_tac_toe_to_a_draw():
    at = play(AppTest.from_view(tictactoe.tic_tac_toe).run(), 0, 1, 2, 4, 3, 5, 7, 6, 8)
    assert board(at) == "XOXXOOOXX"
    assert at.info[0].value == "It's a draw."
    assert not at.success


def test_tic_tac_toe_o_can_win():
    at = play(AppTest.from_view(tictactoe.tic_tac_toe).run(), 0, 2, 1, 4, 8, 6)
    assert at.success[0].value == "O wins!"


# -- battleship ----------------------------------------------------------------------------

SEED = 7


def start_battleship(seed=SEED):
    at = AppTest.from_view(battleship.battleship)
    at.session_state["seed"] = seed
    at.session_state["shots"] = []
    at.run()
    fleet = battleship.place_ships(seed)
    return at, fleet, {cell for ship in fleet for cell in ship}


def fire(at, cell):
    return at.button(key=f"cell-{cell}").click().run()


def metrics(at):
    return {m.label: m.value for m in at.metric}


def test_battleship_fleet_is_drawn_from_the_seed():
    fleet = battleship.place_ships(SEED)
    assert fleet == battleship.place_ships(SEED)
    assert [len(ship) for ship in fleet] == list(battleship.SHIPS)
    cells = [cell for ship in fleet for cell in ship]
    assert len(set(cells)) == len(cells) and all(0 <= c < 36 for c in cells)
    for ship in fleet:
        steps = {b - a for a, b in zip(ship, ship[1:])}
        assert steps in ({1}, {6})
        if steps == {1}:
            assert len({cell // 6 for cell in ship}) == 1  # does not wrap around a row


def test_battleship_hit_and_miss():
    at, fleet, ship_cells = start_battleship()
    assert source_shown(at, battleship.battleship)
    assert metrics(at) == {"Shots left": "20", "Hits": "0", "Ships sunk": "0 of 3"}
    water = min(set(range(36)) - ship_cells)
    fire(at, fleet[0][0])
    fire(at, water)
    assert at.button(key=f"cell-{fleet[0][0]}").label == battleship.HIT
    assert at.button(key=f"cell-{water}").label == battleship.MISS
    assert at.button(key=f"cell-{water}").disabled
    assert metrics(at) == {"Shots left": "18", "Hits": "1", "Ships sunk": "0 of 3"}
    assert at.session_state["shots"] == [fleet[0][0], water]


def test_battleship_marks_and_legend_need_no_emoji_font():
    """Board and legend use the same plain symbols (emoji show as empty boxes without an emoji font)."""
    import emoji

    at, fleet, ship_cells = start_battleship()
    fire(at, fleet[0][0])
    fire(at, min(set(range(36)) - ship_cells))
    legend = at.caption[0].value
    assert emoji.emoji_count(legend) == 0
    for mark in (battleship.MISS, battleship.HIT, battleship.SHIP):
        assert mark in legend and not emoji.is_emoji(mark)
    assert not any(emoji.emoji_count(button.label) for button in at.button)


def test_battleship_sinking_every_ship_wins():
    at, fleet, ship_cells = start_battleship()
    for ship in fleet:
        for cell in ship:
            fire(at, cell)
    assert metrics(at) == {"Shots left": "13", "Hits": "7", "Ships sunk": "3 of 3"}
    assert at.success[0].value == "You sank the whole fleet with 7 shots!"
    assert all(at.button(key=f"cell-{i}").disabled for i in range(36))

    button(at, "New game").click().run()
    assert at.session_state["shots"] == []
    assert metrics(at)["Shots left"] == "20" and not at.success


@pytest.mark.parametrize("seed", range(5))
def test_battleship_firing_at_every_cell_ends_the_game(seed):
    at, fleet, ship_cells = start_battleship(seed)
    fired = 0
    for cell in range(36):
        if at.button(key=f"cell-{cell}").disabled:
            break
        fire(at, cell)
        fired += 1
    won = max(ship_cells) < battleship.SHOTS
    assert fired == (max(ship_cells) + 1 if won else battleship.SHOTS)
    if won:
        assert at.success[0].value == f"You sank the whole fleet with {fired} shots!"
    else:
        assert at.error[0].value == "Out of shots: the fleet got away."
        missed = ship_cells - set(range(fired))
        assert {at.button(key=f"cell-{c}").label for c in missed} == {battleship.SHIP}
    assert all(at.button(key=f"cell-{i}").disabled for i in range(36))


def test_battleship_running_out_of_shots_loses():
    at, fleet, ship_cells = start_battleship()
    for cell in sorted(set(range(36)) - ship_cells)[:battleship.SHOTS]:
        fire(at, cell)
    assert metrics(at) == {"Shots left": "0", "Hits": "0", "Ships sunk": "0 of 3"}
    assert at.error[0].value == "Out of shots: the fleet got away."
    assert {at.button(key=f"cell-{c}").label for c in ship_cells} == {battleship.SHIP}


# -- image annotation ----------------------------------------------------------------------


def test_annotation_label_undo_and_finish():
    at = AppTest.from_view(annotation.image_annotation).run()
    assert source_shown(at, annotation.image_annotation)
    assert at.image[0].value == ["/static/demo/shapes/shape-1.png"]
    assert at.progress[0].value == 0
    assert button(at, "Undo").disabled

    button(at, "Circle").click().run()
    button(at, "Triangle").click().run()
    assert at.session_state["labels"] == ["circle", "triangle"]
    assert at.image[0].value == ["/static/demo/shapes/shape-3.png"]
    assert at.progress[0].value == 40

    button(at, "Undo").click().run()
    assert at.session_state["labels"] == ["circle"]
    assert at.image[0].value == ["/static/demo/shapes/shape-2.png"]
    assert at.progress[0].value == 20

    for label in ("Triangle", "Square", "Triangle", "Circle"):
        button(at, label).click().run()
    assert at.progress[0].value == 100
    assert not at.image
    assert at.success[0].value == "All images are labelled."
    assert at.table[0].value == [
        {"image": 1, "label": "circle"}, {"image": 2, "label": "triangle"},
        {"image": 3, "label": "square"}, {"image": 4, "label": "triangle"},
        {"image": 5, "label": "circle"},
    ]

    button(at, "Undo").click().run()
    assert not at.table
    assert at.image[0].value == ["/static/demo/shapes/shape-5.png"]


def test_annotation_images_are_served_as_static_files():
    from django.contrib.staticfiles import finders

    for url in annotation.IMAGES:
        path = finders.find(url.removeprefix("/static/"))
        assert path is not None
        with open(path, "rb") as image:
            assert image.read(8) == b"\x89PNG\r\n\x1a\n"


# -- signup --------------------------------------------------------------------------------


def fill(at, username="", email="", password="", accept=False):
    at.text_input[0].input(username)
    at.text_input[1].input(email)
    at.text_input[2].input(password)
    at.checkbox[0].set_value(accept)
    return at


def submit(at):
    return button(at, "Sign up").click().run()


def test_signup_shows_each_problem():
    at = AppTest.from_view(signup.signup).run()
    assert source_shown(at, signup.signup)
    assert [w.label for w in at.text_input] == ["Username", "Email", "Password"]
    submit(at)
    assert at.error.values == [
        "Choose a username.",
        "Enter your email address.",
        "The password needs at least 8 characters.",
        "Please accept the terms.",
    ]
    assert not at.success

    User.objects.create_user("alice")
    submit(fill(at, "Alice", "alice@example", "short", accept=True))
    assert at.error.values == [
        "The username 'Alice' is taken.",
        "'alice@example' is not an email address.",
        "The password needs at least 8 characters.",
    ]
    assert at.session_state["signed_up"] == []


def test_signup_edits_are_sent_only_on_submit():
    at = AppTest.from_view(signup.signup).run()
    fill(at, "ann", "ann@example.com", "correct horse", accept=True).run()
    # Nothing was submitted: the server saw no values and shows no message.
    assert not at.error and not at.success
    assert at.session_state["signed_up"] == []

    submit(at)
    assert not at.error
    assert at.success[0].value == "Welcome, ann!"
    assert at.session_state["signed_up"] == ["ann"]
    assert at.markdown[-1].value == "- ann"
    assert not User.objects.filter(username="ann").exists()

    # The same name again is taken; another one joins the list.
    submit(at)
    assert at.error.values == ["The username 'ann' is taken."]
    submit(fill(at, "bob", "bob@example.com", "12345678", accept=True))
    assert at.success[0].value == "Welcome, bob!"
    assert at.markdown[-1].value == "- ann\n- bob"
