"""The counter page of the multipage demo: its count lives in the app's session state."""

from django_reactive import st

st.title("Counter")
if st.button("Increment"):
    st.session_state.count += 1
st.write(f"Count = {st.session_state.count}, for {st.session_state.name}")
