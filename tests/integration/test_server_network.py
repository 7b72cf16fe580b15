"""The app server on the network: it listens on loopback only, and the running server connects to nothing outside.

The server is started with `make run`'s own command line (read from `make -n run`) or with a bare
`streamlit run app.py`, so both rely on `.streamlit/config.toml`. Outgoing attempts are recorded inside the server
process by the audit hook in tests/support/netguard (on PYTHONPATH, with NETGUARD=block it refuses external ones).
"""

from __future__ import annotations

import base64
import ipaddress
import os
import shlex
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, signed_in_cookie, wait_for_app

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
NETGUARD = ROOT / "tests" / "support" / "netguard"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def make_run_command(port: int) -> list[str]:
    """The command `make run PORT=port` starts the server with (its `migrate` step and installs left out)."""
    printed = subprocess.run(["make", "-n", "run", f"PORT={port}"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout
    lines = [line for line in printed.splitlines() if " streamlit run " in line]
    assert len(lines) == 1, printed
    command = shlex.split(lines[0])
    assert (ROOT / command[0]).exists(), f"{command[0]} is missing: run `make test` first"
    return command


def bare_command(port: int) -> list[str]:
    """`streamlit run app.py` with only a port: everything else from .streamlit/config.toml."""
    return [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)]


def guarded_env(data_dir: Path, log: Path) -> dict[str, str]:
    """The environment of a server or child process under the network guard, refusing external targets."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["MOEDETAVLEN_DATA_DIR"] = str(data_dir)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(NETGUARD), env.get("PYTHONPATH")]))
    env["NETGUARD"] = "block"
    env["NETGUARD_LOG"] = str(log)
    return env


@contextmanager
def running_server(
    command: list[str], env: dict[str, str], output: Path, port: int,
) -> Iterator[subprocess.Popen[bytes]]:
    """The server started with `command` from the repository root, once it answers /_stcore/health."""
    with output.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 60
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"streamlit exited with code {process.returncode}: {output.read_text()}")
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1) as answer:
                        if answer.status == 200:
                            break
                except OSError:
                    if time.monotonic() > deadline:
                        raise TimeoutError(f"no answer on port {port}: {output.read_text()}") from None
                    time.sleep(0.2)
            yield process
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _proc_address(hex_address: str) -> tuple[str, int]:
    """An address of /proc/net/tcp{,6} or udp{,6}: the host's 32-bit words in the machine's byte order."""
    host, port = hex_address.split(":")
    raw = b"".join(int(host[i:i + 8], 16).to_bytes(4, sys.byteorder) for i in range(0, len(host), 8))
    return str(ipaddress.ip_address(raw)), int(port, 16)


def listening_addresses(pid: int) -> set[tuple[str, str, int]]:
    """(protocol, host, port) of every TCP socket in LISTEN and every bound UDP socket the process holds."""
    inodes = set()
    for fd in (Path(f"/proc/{pid}/fd")).iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue  # closed meanwhile
        if target.startswith("socket:["):
            inodes.add(target[len("socket:["):-1])
    found = set()
    for table, waiting_state in (("tcp", "0A"), ("tcp6", "0A"), ("udp", "07"), ("udp6", "07")):
        path = Path(f"/proc/{pid}/net/{table}")
        if not path.exists():
            continue
        for row in path.read_text().splitlines()[1:]:
            fields = row.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if inode in inodes and state == waiting_state:
                host, port = _proc_address(local)
                found.add((table, host, port))
    return found


def log_lines(log: Path) -> list[str]:
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


@pytest.mark.parametrize("start", [make_run_command, bare_command], ids=["make-run", "bare-streamlit-run"])
def test_the_app_server_started_as_make_run_starts_it_listens_on_loopback_only(start, tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["MOEDETAVLEN_DATA_DIR"] = str(tmp_path)
    with running_server(start(port), env, tmp_path / "streamlit.log", port) as server:
        listening = listening_addresses(server.pid)
        output = (tmp_path / "streamlit.log").read_text()
    assert ("tcp", "127.0.0.1", port) in listening, listening
    assert {host for _, host, _ in listening} == {"127.0.0.1"}, listening
    assert f"URL: http://127.0.0.1:{port}" in output, output  # the printed address, no lookup of the machine's IPs
    assert "Network URL" not in output and "External URL" not in output, output


def test_the_running_server_makes_no_outbound_connection_while_a_browser_uses_the_app(tmp_path: Path) -> None:
    port = free_port()
    log = tmp_path / "netguard.log"
    url = f"http://127.0.0.1:{port}"
    with running_server(make_run_command(port), guarded_env(tmp_path, log), tmp_path / "streamlit.log", port) as server:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                context = browser.new_context(viewport={"width": 1600, "height": 1000}, locale="da-DK")
                context.add_cookies([signed_in_cookie(tmp_path, url)])  # type: ignore[list-item]  # a Cookie
                page = context.new_page()
                page.set_default_timeout(45_000)
                page.goto(url)
                wait_for_app(page)
                page.get_by_role("link", name="Netværk").click()
                expect(page.locator("h1")).to_have_text("Netværk")
                expect(page.frame_locator("[data-testid='stIFrame']").first.locator("#mynetwork canvas")).to_be_visible(
                    timeout=20_000)
                page.goto(f"{url}/projektor")
                page.wait_for_selector("[data-testid='stApp']")
                page.wait_for_load_state("networkidle")
                page.wait_for_timeout(3_000)  # the projector polls for changes; let it run a few rounds
            finally:
                browser.close()
        assert server.poll() is None, "the server stopped while the browser used it"
        pid = server.pid
    lines = log_lines(log)
    mine = [line for line in lines if f" pid={pid} " in line]
    # The guard was loaded in the server and saw its sockets: it recorded the server binding its own port.
    assert any("netguard.active block=True" in line for line in mine), lines
    assert any(f"socket.bind ('127.0.0.1', {port}) BIND" in line for line in mine), lines
    external = [line for line in lines if line.endswith(" EXTERNAL")]
    assert not external, external
    reaching_out = [line for line in lines if not line.endswith(" BIND") and "netguard.active" not in line]
    assert all(line.endswith(" LOOPBACK") for line in reaching_out), reaching_out
    assert "netguard: blocked" not in (tmp_path / "streamlit.log").read_text()


CONTROL_ATTEMPTS = {
    "create_connection": "socket.create_connection(('192.0.2.1', 80), timeout=0.1)",
    "connect_ex": "s = socket.socket(); s.settimeout(0.1); s.connect_ex(('192.0.2.1', 80))",
    "udp_sendto": "socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'x', ('192.0.2.1', 9))",
    "udp_connect_like_streamlit_internal_ip":
        "socket.socket(socket.AF_INET, socket.SOCK_DGRAM).connect(('8.8.8.8', 1))",
    "dns_lookup_like_streamlit_external_ip": "socket.getaddrinfo('checkip.amazonaws.com', 443)",
}


@pytest.mark.parametrize("attempt", CONTROL_ATTEMPTS.values(), ids=CONTROL_ATTEMPTS.keys())
def test_the_guard_refuses_and_records_an_external_attempt_before_anything_leaves(attempt: str, tmp_path: Path) -> None:
    log = tmp_path / "netguard.log"
    done = subprocess.run([sys.executable, "-c", f"import socket\n{attempt}"], env=guarded_env(tmp_path, log),
                          capture_output=True, text=True, timeout=30)
    assert done.returncode != 0
    assert "PermissionError: netguard: blocked" in done.stderr, done.stderr
    events = [line for line in log_lines(log) if "netguard.active" not in line and not line.endswith(" BIND")]
    assert events and events[0].endswith(" EXTERNAL"), events
    assert ("192.0.2.1" in events[0]) or ("8.8.8.8" in events[0]) or ("checkip.amazonaws.com" in events[0]), events


def test_the_guard_lets_a_loopback_connection_through_and_records_it_as_loopback(tmp_path: Path) -> None:
    log = tmp_path / "netguard.log"
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        connect = f"import socket; socket.create_connection(('127.0.0.1', {port}), timeout=5).close()"
        done = subprocess.run(
            [sys.executable, "-c", connect],
            env=guarded_env(tmp_path, log), capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    events = [line for line in log_lines(log) if "netguard.active" not in line and not line.endswith(" BIND")]
    assert any(f"socket.connect ('127.0.0.1', {port}) LOOPBACK" in line for line in events), events
    assert all(line.endswith(" LOOPBACK") for line in events), events


def _websocket_handshake(port: int, origin: str) -> bytes:
    key = base64.b64encode(os.urandom(16)).decode()
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall((f"GET /_stcore/stream HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                      f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                      f"Sec-WebSocket-Protocol: streamlit\r\nOrigin: {origin}\r\n\r\n").encode())
        return sock.recv(200).split(b"\r\n")[0]


class OutboundAttempt(AssertionError):
    """The server tried to reach outside this machine (the one failure the known-gap test below expects)."""


def test_a_websocket_from_another_site_is_refused_without_any_outbound_lookup(tmp_path: Path) -> None:
    port = free_port()
    log = tmp_path / "netguard.log"
    with running_server(make_run_command(port), guarded_env(tmp_path, log), tmp_path / "streamlit.log", port):
        assert b"101" in _websocket_handshake(port, f"http://127.0.0.1:{port}")  # same origin: the app's own page
        assert b"403" in _websocket_handshake(port, "http://another-site.example")
    external = [line for line in log_lines(log) if line.endswith(" EXTERNAL")]
    if external:
        raise OutboundAttempt(external)
