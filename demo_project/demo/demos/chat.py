"""A chat: an echo assistant streams its reply word by word, the history kept in session state.

Written as Streamlit's tutorial "Build a basic LLM chat app" writes it; the
reply comes from a local generator instead of a language model.
"""

import time

import django_reactive as reactive

from . import show_source

#: Seconds between two words of the reply, as a model's tokens would arrive.
WORD_DELAY = 0.08


def echo_reply(prompt):
    """The assistant's reply, one word at a time."""
    reply = f"You wrote: {prompt}. Ask me anything else, I will say it back to you, word by word."
    for word in reply.split(" "):
        yield word + " "
        time.sleep(WORD_DELAY)


@reactive.view(title="Chat")
def chat(st):
    st.title("Echo chat")
    if "messages" not in st.session_state:
        st.session_state.messages = []

    for message in st.session_state.messages:
        with st.chat_message(message["role"]):
            st.markdown(message["content"])

    if prompt := st.chat_input("Say something"):
        st.session_state.messages.append({"role": "user", "content": prompt})
        with st.chat_message("user"):
            st.markdown(prompt)
        with st.chat_message("assistant"):
            response = st.write_stream(echo_reply(prompt))
        st.session_state.messages.append({"role": "assistant", "content": response})

    show_source(st, chat, echo_reply)
