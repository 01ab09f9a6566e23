"""Battleship against the computer: its fleet is drawn from a seed kept in session state."""

import random

import django_reactive as reactive

from . import show_source

SIZE = 6           # the board is SIZE x SIZE cells, numbered row by row
SHIPS = (3, 2, 2)  # ship lengths
SHOTS = 20         # shots the player has
# Cell marks: geometric shapes that the common text fonts have (emoji need an emoji font).
MISS, HIT, SHIP = "○", "✕", "■"


def place_ships(seed):
    """The fleet for `seed`: a list of ships, each a list of cells."""
    rng = random.Random(seed)
    fleet, taken = [], set()
    while len(fleet) < len(SHIPS):
        length = SHIPS[len(fleet)]
        across = rng.random() < 0.5
        row = rng.randrange(SIZE if across else SIZE - length + 1)
        col = rng.randrange(SIZE - length + 1 if across else SIZE)
        step = 1 if across else SIZE
        ship = [row * SIZE + col + i * step for i in range(length)]
        if taken.isdisjoint(ship):
            fleet.append(ship)
            taken.update(ship)
    return fleet


@reactive.view(title="Battleship")
def battleship(st):
    state = st.session_state

    def new_game():
        # Only the seed is stored: each run draws the same fleet from it.
        state.seed = random.randrange(1_000_000)
        state.shots = []

    def fire(cell):
        state.shots.append(cell)

    if "seed" not in state:
        new_game()

    st.title("Battleship")
    fleet = place_ships(state.seed)
    ship_cells = {cell for ship in fleet for cell in ship}
    shots = set(state.shots)
    sunk = sum(shots.issuperset(ship) for ship in fleet)
    won = sunk == len(fleet)
    lost = not won and len(shots) >= SHOTS

    shots_left, hits, ships_sunk = st.columns(3)
    shots_left.metric("Shots left", SHOTS - len(shots))
    hits.metric("Hits", len(shots & ship_cells))
    ships_sunk.metric("Ships sunk", f"{sunk} of {len(fleet)}")

    for row in range(SIZE):
        for col, column in enumerate(st.columns(SIZE)):
            cell = row * SIZE + col
            if cell in shots:
                symbol = HIT if cell in ship_cells else MISS
            elif lost and cell in ship_cells:
                symbol = SHIP
            else:
                symbol = " "
            column.button(symbol, key=f"cell-{cell}",
                          on_click=fire, args=(cell,),
                          disabled=won or lost or cell in shots,
                          use_container_width=True)
    st.caption(f"{MISS} miss · {HIT} hit · {SHIP} a ship you did not find")

    if won:
        st.success(f"You sank the whole fleet with {len(shots)} shots!")
    elif lost:
        st.error("Out of shots: the fleet got away.")
    st.button("New game", on_click=new_game, type="primary")

    show_source(st, battleship, place_ships)
