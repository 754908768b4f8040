"""The serving mode and the signed-in person, decided from plain values so the rules can be tested without a server.

Three ways to run: local single-user mode (bound to this machine, no sign-in: the one user is the local
admin), Streamlit's OpenID Connect sign-in, or a trusted reverse proxy that passes the identity in a header.
Bound to any other address without sign-in the app refuses to show data: anyone on the network could read it.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum


class Mode(StrEnum):
    LOCAL = "local"  # bound to loopback, no sign-in configured
    OIDC = "oidc"  # st.login with [auth] in secrets.toml
    PROXY = "proxy"  # server.trustedUserHeaders maps a proxy's identity header into st.user
    REFUSED = "refused"  # reachable from the network without sign-in


EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")  # what a role entry by e-mail must look like
LOCAL_ACTOR = "local-admin"  # the name the audit log gives the one user of local mode and the command line


@dataclass(frozen=True)
class Identity:
    actor: str  # the e-mail address (lower case) or LOCAL_ACTOR
    name: str
    groups: tuple[str, ...] = ()


LOCAL_ADMIN = Identity(LOCAL_ACTOR, "Local admin")


def is_loopback(address: str | None) -> bool:
    """True if a server bound to ``address`` is reachable from this machine only.

    No address (Streamlit's default) means every interface.
    """
    if not address:
        return False
    if address.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(address.strip().strip("[]")).is_loopback
    except ValueError:
        return False  # a host name may resolve to anything: not provably local


def serving_mode(address: str | None, oidc: bool, proxy: bool) -> Mode:
    """How this server must treat its visitors. Sign-in wins over the address: a signed-in app may listen anywhere."""
    if oidc:
        return Mode.OIDC
    if proxy:
        return Mode.PROXY
    return Mode.LOCAL if is_loopback(address) else Mode.REFUSED


TRUSTED_PROXIES_VARIABLE = "RESONANZ_TRUSTED_PROXIES"


class InvalidProxyList(ValueError):
    """An entry of RESONANZ_TRUSTED_PROXIES that is no address or network (``entry``)."""

    def __init__(self, entry: str) -> None:
        super().__init__(f"{TRUSTED_PROXIES_VARIABLE}: {entry!r} is no IP address or network")
        self.entry = entry


def trusted_networks(text: str | None) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    """The proxies' addresses or networks from RESONANZ_TRUSTED_PROXIES ("10.0.0.5, 10.1.0.0/16").

    Raises ValueError naming the entry that is no address: a typo must not open the app to everyone.
    """
    networks = []
    for entry in (part.strip() for part in (text or "").split(",")):
        if entry:
            try:
                networks.append(ipaddress.ip_network(entry, strict=False))
            except ValueError:
                raise InvalidProxyList(entry) from None
    return tuple(networks)


def proxy_request_trusted(address: str | None, peer: str | None, trusted: str | None) -> bool:
    """Whether a request's identity headers may be believed in proxy mode.

    Bound to loopback, only this machine can connect: the proxy runs here. Bound to the network, the
    app's port can be reached by anyone the firewall lets through, who could send the headers
    themselves: only a peer among RESONANZ_TRUSTED_PROXIES (or this machine, ``peer`` None) counts.
    Without that list a network-bound proxy mode trusts no request.
    """
    networks = trusted_networks(trusted)
    if is_loopback(address):
        return True
    if not networks or peer is None:
        return bool(networks)
    try:
        ip = ipaddress.ip_address(peer)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def _groups(value: object) -> tuple[str, ...]:
    """A group claim as IdPs send it: a list, or one comma-separated string (proxy headers)."""
    if value is None:
        return ()
    items = value if isinstance(value, list | tuple) else str(value).split(",")
    return tuple(text for text in (str(item).strip() for item in items) if text)


def identity_from_claims(claims: Mapping[str, object]) -> Identity | None:
    """The person behind OIDC claims or proxy headers; None when no e-mail address came with them."""
    email = str(claims.get("email") or "").strip().lower()
    if not email:
        return None
    name = str(claims.get("name") or email)
    return Identity(email, name, _groups(claims.get("groups")))
