"""Network guard for tests: put this folder on PYTHONPATH and every Python process started with it (the app
server, its threads, any Python child) records each outgoing network attempt, and can refuse it.

Python imports `sitecustomize` at interpreter start, so the hook is in place before Streamlit is imported.
It is a PEP 578 audit hook on the events that reach or resolve another host (see "Audit events table" in the
Python docs; `connect_ex` raises `socket.connect` too):

- `socket.connect`, `socket.sendto`, `socket.sendmsg`: the address a socket talks to;
- `socket.getaddrinfo`, `socket.gethostbyname` (also `gethostbyname_ex`), `socket.gethostbyaddr`,
  `socket.getnameinfo`: a name lookup, which may itself send a DNS query.

Environment:
- `NETGUARD_LOG=FILE`: append one line per attempt, `<time> pid=<pid> <event> <address> LOOPBACK|EXTERNAL`.
  A `socket.bind` (a server's own listening socket; nothing leaves) is recorded as `... BIND` and never refused:
  it shows that the hook sees the process's sockets even when it connects nowhere.
- `NETGUARD=block`: raise PermissionError for every EXTERNAL attempt, before any packet or DNS query leaves.

Loopback is 127.0.0.0/8, ::1 (also IPv4-mapped), "localhost", an empty host or None (a passive lookup), and any
AF_UNIX address. Every other address or name is EXTERNAL. Code outside Python's socket module (a C library with
its own sockets, a non-Python child process) is not seen.
"""

import ipaddress
import os
import socket
import sys
import time

_LOG = os.environ.get("NETGUARD_LOG", "")
_BLOCK = os.environ.get("NETGUARD", "") == "block"

_SOCKET_EVENTS = {"socket.connect", "socket.sendto", "socket.sendmsg"}
_LOOKUP_EVENTS = {"socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr", "socket.getnameinfo"}
_AF_UNIX = getattr(socket, "AF_UNIX", None)


def _is_loopback_host(host: object) -> bool:
    if isinstance(host, bytes):
        host = host.decode("idna", "replace")
    if host is None or host == "":
        return True
    if not isinstance(host, str):
        return False
    name = host.strip().rstrip(".").lower()
    if name in ("localhost", "localhost.localdomain") or name.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(name.strip("[]").split("%")[0])
    except ValueError:
        return False  # any other name: resolving it may ask a DNS server
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback


def _target(event: str, args: tuple[object, ...]) -> tuple[object, bool] | None:
    """(what the event reaches, whether it stays on this machine), or None when it reaches nothing new."""
    if event in _SOCKET_EVENTS:
        sock, address = args[0], args[1]
        if address is None:
            return None  # sendto/sendmsg on a connected socket: its connect was recorded
        if _AF_UNIX is not None and getattr(sock, "family", None) == _AF_UNIX:
            return address, True
        host = address[0] if isinstance(address, tuple) and address else address
        return address, _is_loopback_host(host)
    if event in _LOOKUP_EVENTS:
        first = args[0] if args else None
        if event == "socket.getaddrinfo":
            return (first, args[1]), _is_loopback_host(first)
        if event == "socket.getnameinfo":
            host = first[0] if isinstance(first, tuple) and first else first
            return first, _is_loopback_host(host)
        return first, _is_loopback_host(first)
    return None


def _hook(event: str, args: tuple[object, ...]) -> None:
    if not event.startswith("socket."):
        return
    if event == "socket.bind":
        if _LOG:
            with open(_LOG, "a", encoding="utf-8") as log:
                log.write(f"{time.time():.3f} pid={os.getpid()} {event} {args[1]!r} BIND\n")
        return
    found = _target(event, args)
    if found is None:
        return
    address, loopback = found
    if _LOG:
        line = f"{time.time():.3f} pid={os.getpid()} {event} {address!r} {'LOOPBACK' if loopback else 'EXTERNAL'}\n"
        with open(_LOG, "a", encoding="utf-8") as log:
            log.write(line)
    if _BLOCK and not loopback:
        raise PermissionError(f"netguard: blocked {event} to {address!r}")


if _LOG or _BLOCK:
    sys.addaudithook(_hook)
    if _LOG:  # proof that the guard is loaded in this process, whatever it goes on to do
        with open(_LOG, "a", encoding="utf-8") as _log:
            _log.write(f"{time.time():.3f} pid={os.getpid()} netguard.active block={_BLOCK} argv={sys.argv!r}\n")
