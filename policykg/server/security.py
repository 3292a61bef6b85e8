"""Who may ask what: the Host header (DNS rebinding), CORS, the update token, the owner channel's secret.

Reads are public and cross-origin (``Access-Control-Allow-Origin: *``, no credentials): a SPARQL endpoint is
meant to be queried from other pages. Writes are not: they need ``Authorization: Bearer TOKEN``, which a
cross-site page cannot send (the preflight does not allow the Authorization header, and a form cannot set
it), they never get CORS headers, and a request whose Origin is another site is refused outright. Every
request must name this server in its Host header, so a rebound DNS name pointing at 127.0.0.1 gets nothing.
"""
from __future__ import annotations

import hashlib
import hmac
import ipaddress
import re
from collections.abc import Mapping

from policykg.server.protocol import HttpError, Reply, ServerSettings

READ_ORIGINS = {"Access-Control-Allow-Origin": "*"}
_HOST = re.compile(r"(?P<name>[A-Za-z0-9.\-]+|\[[0-9A-Fa-f:.]+\])(?::(?P<port>\d{1,5}))?")


def allowed_hosts(settings: ServerSettings, bound: str) -> frozenset[str]:
    """Host names (lower case, IPv6 in brackets) that may appear in the Host header, besides any IP literal
    when the server listens on every interface."""
    names = {"localhost", "127.0.0.1", "[::1]", *(name.lower() for name in settings.allowed_hosts)}
    names.add(f"[{bound}]" if ":" in bound else bound)
    return frozenset(names)


def check_host(header: str | None, names: frozenset[str], port: int, every_interface: bool) -> None:
    """421 unless the Host header names this server: one of ``names`` (or an IP literal when bound to every
    interface) at the bound port."""
    match = _HOST.fullmatch((header or "").strip())
    if match is not None:
        name, given_port = match["name"].lower(), int(match["port"] or 80)
        if given_port == port and (name in names or every_interface and _is_ip(name.strip("[]"))):
            return
    raise HttpError(421, f"the Host header {header!r} does not name this server: use its address "
                         "(names other than localhost need `policykg serve --allow-host NAME`)")


def check_write_access(headers: Mapping[str, str], settings: ServerSettings, own_origin: str) -> None:
    """403 on a read-only server or from another site's page, 401 without the token."""
    if not settings.allow_update:
        raise HttpError(403, "this endpoint is read-only: updates and graph writes need "
                             "`policykg serve --allow-update --token TOKEN`")
    origin = headers.get("Origin")
    if origin is not None and origin.rstrip("/").lower() != own_origin.lower():
        raise HttpError(403, f"writes from another site's page ({origin}) are refused")
    scheme, _, given = (headers.get("Authorization") or "").strip().partition(" ")
    if scheme.lower() != "bearer" or settings.token is None or not same_secret(given.strip(), settings.token):
        raise HttpError(401, "updates need the server's token: Authorization: Bearer TOKEN",
                        {"WWW-Authenticate": 'Bearer realm="policykg"'})


def preflight(methods: str) -> Reply:
    """CORS preflight for the read methods; no Authorization header, so no cross-site write can carry a token."""
    return Reply(204, headers={**READ_ORIGINS, "Access-Control-Allow-Methods": methods,
                               "Access-Control-Allow-Headers": "Accept, Content-Type",
                               "Access-Control-Max-Age": "86400"})


def same_secret(given: str, expected: str) -> bool:
    """Constant-time comparison that does not reveal the length either."""
    return hmac.compare_digest(hashlib.sha256(given.encode("utf-8", "replace")).digest(),
                               hashlib.sha256(expected.encode("utf-8")).digest())


def is_loopback(address: str) -> bool:
    try:
        return ipaddress.ip_address(address.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
        return True
    except ValueError:
        return False
