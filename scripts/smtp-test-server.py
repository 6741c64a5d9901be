#!/usr/bin/env python3
"""Small SMTP server for RapportSMTP's integration tests (requires aiosmtpd).

Every accepted message is stored in --dir as `<n>.eml` (the DATA bytes exactly
as received, after dot-unstuffing) plus `<n>.json` describing the envelope.

Failure injection by recipient local part:
  bounce...    -> 550 5.1.1 No such user
  tempfail...  -> 451 4.3.0 Try again later

With --tls-cert/--tls-key the server offers STARTTLS (or, with --implicit-tls, speaks TLS from the start);
with --user/--password it requires AUTH (PLAIN or LOGIN; over TLS when TLS is available).

With --silent the server accepts connections but never says anything (for client timeout tests).

Once listening, prints `PORT <n>` on stdout. Exits cleanly on SIGTERM/SIGINT.
"""

import argparse
import asyncio
import json
import logging
import signal
import ssl
import sys
from pathlib import Path

try:
    from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword
except ImportError:
    sys.exit("aiosmtpd is not installed; install it with: pip install aiosmtpd")


# aiosmtpd warns about its own deprecated internals on every AUTH; keep test output clean.
logging.getLogger("mail.log").setLevel(logging.ERROR)


class SilentProtocol(asyncio.Protocol):
    """Accepts a connection and never sends a byte."""


class RecordingHandler:
    def __init__(self, directory: Path):
        self.directory = directory
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local_part = address.split("@", 1)[0].lower()
        if local_part.startswith("bounce"):
            return "550 5.1.1 No such user"
        if local_part.startswith("tempfail"):
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        stem = self.directory / str(self.count)
        stem.with_suffix(".eml").write_bytes(envelope.original_content)
        info = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            # session.ssl is only set after STARTTLS; implicit TLS shows on the transport.
            "tls": session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None,
            "auth": bool(session.authenticated),
        }
        stem.with_suffix(".json").write_text(json.dumps(info))
        return f"250 2.0.0 Ok: queued as {self.count}"


class Authenticator:
    def __init__(self, user: str, password: str):
        self.user = user.encode()
        self.password = password.encode()

    def __call__(self, server, session, envelope, mechanism, auth_data):
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login == self.user
            and auth_data.password == self.password
        )
        # handled=False: let aiosmtpd send the standard 535 reply on failure.
        return AuthResult(success=ok, handled=False)


async def serve(args) -> None:
    directory = Path(args.dir)
    directory.mkdir(parents=True, exist_ok=True)
    handler = RecordingHandler(directory)

    tls_context = None
    if args.tls_cert and args.tls_key:
        tls_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls_context.load_cert_chain(args.tls_cert, args.tls_key)

    authenticator = None
    if args.user is not None:
        authenticator = Authenticator(args.user, args.password or "")

    # With --implicit-tls the whole connection is TLS; otherwise the certificate is offered via STARTTLS.
    starttls_context = None if args.implicit_tls else tls_context

    def make_protocol():
        return SMTP(
            handler,
            hostname="localhost",
            tls_context=starttls_context,
            authenticator=authenticator,
            auth_required=authenticator is not None,
            auth_require_tls=starttls_context is not None,
            auth_exclude_mechanism=["PLAIN"] if args.no_auth_plain else None,
        )

    loop = asyncio.get_running_loop()
    factory = SilentProtocol if args.silent else make_protocol
    server = await loop.create_server(
        factory,
        host="127.0.0.1",
        port=args.port,
        ssl=tls_context if args.implicit_tls else None,
    )
    port = server.sockets[0].getsockname()[1]
    print(f"PORT {port}", flush=True)

    stop = asyncio.Event()
    # A parent process (e.g. a test runner) may have left these signals blocked for its children.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    # Not awaiting wait_closed(): it would wait for clients that are still connected.
    server.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--dir", required=True, help="where received messages are written")
    parser.add_argument("--tls-cert", help="PEM certificate; enables STARTTLS")
    parser.add_argument("--tls-key", help="PEM private key for --tls-cert")
    parser.add_argument("--implicit-tls", action="store_true", help="TLS from the first byte instead of STARTTLS")
    parser.add_argument("--user", help="require AUTH with this user name")
    parser.add_argument("--password", help="password for --user")
    parser.add_argument("--no-auth-plain", action="store_true", help="offer only AUTH LOGIN")
    parser.add_argument("--silent", action="store_true", help="accept connections but never reply")
    asyncio.run(serve(parser.parse_args()))


if __name__ == "__main__":
    main()
