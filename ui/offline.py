"""Keep the server from ever looking itself up on the internet.

Streamlit finds its own addresses by a UDP connect to 8.8.8.8 and a request to checkip.amazonaws.com,
both when it prints its address at start (avoided by `server.address` in .streamlit/config.toml) and when
a WebSocket arrives from another site's page (no setting avoids that). Its answers are cached in two
module variables; giving them the loopback address once, before any request, means it never asks.
"""

from __future__ import annotations

from streamlit import net_util

LOOPBACK = "127.0.0.1"


def never_look_up_own_address() -> None:
    """Fill Streamlit's address caches so it makes no outbound lookup (private names: checked by a test)."""
    net_util._internal_ip = LOOPBACK  # noqa: SLF001  # Streamlit has no setting for this
    net_util._external_ip = LOOPBACK  # noqa: SLF001
