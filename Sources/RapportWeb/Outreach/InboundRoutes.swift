import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import RapportAPI
import RapportCore
import RapportOutreach

/// `POST /api/v1/inbound/email`: a raw RFC 5322 message, as an MTA pipe or a provider's raw-MIME webhook delivers it,
/// authenticated by the shared secret rather than a user's token.
enum InboundRoutes {
    /// Real mail with attachments is large; only the text parts are kept.
    static let maximumBytes = 25 << 20

    static func register(on router: Router<RapportRequestContext>, outreach: OutreachService, secret: String?) {
        router.post("api/v1/inbound/email") { request, context in
            guard let secret, !secret.isEmpty else {
                throw APIError(status: .serviceUnavailable, code: "inbound_not_configured",
                               message: "inbound e-mail is not configured: start the server with --inbound-secret (or RAPPORT_INBOUND_SECRET)")
            }
            guard let given = presentedSecret(request), matches(given, secret) else {
                throw APIError(status: .unauthorized, code: "unauthorized",
                               message: "send the inbound shared secret as 'Authorization: Bearer <secret>' or 'X-Rapport-Inbound-Secret'")
            }
            var request = request
            let buffer = try await request.collectBody(upTo: maximumBytes)
            guard buffer.readableBytes > 0 else {
                throw APIError.badRequest("the request body is empty; send the raw message (message/rfc822)", code: "empty_message")
            }
            let result = try await outreach.receive(raw: Data(buffer.readableBytesView))
            switch result {
            case .stored(let reply, let obligation):
                let document = try await OutreachRoutes.replyDocument(reply, obligation: obligation, outreach: outreach)
                return try EditedResponse(status: .created, response: InboundDocument(status: "stored", reply: document))
                    .response(from: request, context: context)
            case .duplicate(let reply):
                let document = try await OutreachRoutes.replyDocument(reply, obligation: nil, outreach: outreach)
                return try InboundDocument(status: "duplicate", reason: "this Message-ID was received before; nothing changed", reply: document)
                    .response(from: request, context: context)
            case .unsubscribed:
                return try InboundDocument(status: "unsubscribed", reason: "the sender's address is suppressed")
                    .response(from: request, context: context)
            case .ignored(let reason):
                // 200, not an error: the MTA must not retry a message nobody here will ever want.
                return try InboundDocument(status: "ignored", reason: reason).response(from: request, context: context)
            }
        }
    }

    private static func presentedSecret(_ request: Request) -> String? {
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" { return String(parts[1]).trimmingCharacters(in: .whitespaces) }
        }
        if let name = HTTPField.Name("X-Rapport-Inbound-Secret"), let value = request.headers[name] { return value }
        return nil
    }

    /// Compares digests, so the time taken says nothing about how much of the secret was right.
    private static func matches(_ given: String, _ secret: String) -> Bool {
        let lhs = Array(SHA256.hash(data: Data(given.utf8)))
        let rhs = Array(SHA256.hash(data: Data(secret.utf8)))
        return zip(lhs, rhs).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
