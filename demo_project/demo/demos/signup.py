"""A signup form: its values reach the server only when it is submitted, then they are checked."""

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

import django_reactive as reactive

from . import show_source


def problems(username, email, password, accepted, taken):
    """What is wrong with a signup, one message per problem."""
    errors = []
    if not username:
        errors.append("Choose a username.")
    elif (username.lower() in map(str.lower, taken)
          or User.objects.filter(username__iexact=username).exists()):
        errors.append(f"The username {username!r} is taken.")
    if not email:
        errors.append("Enter your email address.")
    else:
        try:
            validate_email(email)
        except ValidationError:
            errors.append(f"{email!r} is not an email address.")
    if len(password) < 8:
        errors.append("The password needs at least 8 characters.")
    if not accepted:
        errors.append("Please accept the terms.")
    return errors


@reactive.view(title="Sign up")
def signup(st):
    state = st.session_state
    if "signed_up" not in state:
        state.signed_up = []

    st.title("Sign up")
    with st.form("signup"):
        username = st.text_input("Username").strip()
        email = st.text_input("Email").strip()
        password = st.text_input("Password", type="password")
        accepted = st.checkbox("I accept the terms")
        submitted = st.form_submit_button("Sign up", type="primary")

    if submitted:
        errors = problems(username, email, password, accepted,
                          taken=state.signed_up)
        for error in errors:
            st.error(error)
        if not errors:
            # A demo: no user is created, the name is kept in session state.
            state.signed_up.append(username)
            st.success(f"Welcome, {username}!")

    if state.signed_up:
        st.subheader("Signed up so far")
        st.markdown("\n".join(f"- {name}" for name in state.signed_up))

    show_source(st, signup, problems)
