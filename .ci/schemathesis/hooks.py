"""Schemathesis hooks for Rapport's API: inbound e-mail arrives as message/rfc822, which is text to send as it is."""
import schemathesis

schemathesis.serializer.alias("message/rfc822", "text/plain")
