"""A page showing st.context, for the transport and browser tests."""

import django_reactive as reactive


@reactive.view(name="tests.context")
def context_view(st):
    c = st.context
    st.text(f"tz={c.timezone} offset={c.timezone_offset} locale={c.locale} theme={c.theme.type}")
    st.text(f"url={c.url} embedded={c.is_embedded} ip={c.ip_address}")
    st.text(f"agent={c.headers['user-agent']} cookie={c.cookies.get('flavour')}")
