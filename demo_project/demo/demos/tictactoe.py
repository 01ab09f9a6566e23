"""Tic Tac Toe for two players on one page: the board lives in session state."""

import django_reactive as reactive

from . import show_source

LINES = [(0, 1, 2), (3, 4, 5), (6, 7, 8),  # rows
         (0, 3, 6), (1, 4, 7), (2, 5, 8),  # columns
         (0, 4, 8), (2, 4, 6)]             # diagonals


def winner(board):
    """"X" or "O" when they have three in a line, else None."""
    for a, b, c in LINES:
        if board[a] and board[a] == board[b] == board[c]:
            return board[a]
    return None


@reactive.view(title="Tic Tac Toe")
def tic_tac_toe(st):
    state = st.session_state

    def new_game():
        state.board = [""] * 9
        state.player = "X"

    def play(cell):
        state.board[cell] = state.player
        state.player = "O" if state.player == "X" else "X"

    if "board" not in state:
        new_game()

    st.title("Tic Tac Toe")
    won = winner(state.board)
    over = won is not None or all(state.board)
    for row in range(3):
        for col, column in enumerate(st.columns(3)):
            cell = 3 * row + col
            column.button(state.board[cell] or " ", key=f"cell-{cell}",
                          on_click=play, args=(cell,),
                          disabled=over or bool(state.board[cell]),
                          use_container_width=True)

    if won:
        st.success(f"{won} wins!")
    elif over:
        st.info("It's a draw.")
    else:
        st.markdown(f"Player **{state.player}** to play.")
    st.button("New game", on_click=new_game, type="primary")

    show_source(st, tic_tac_toe, winner)
