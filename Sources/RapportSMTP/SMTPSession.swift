import Logging
import NIOSSL

/// The SMTP conversation over one ``SMTPConnection``: greeting, EHLO, STARTTLS, AUTH and the transaction.
struct SMTPSession: Sendable {
    let connection: SMTPConnection
    let configuration: SMTPConfiguration
    let tls: SMTPConnection.TLS?
    let logger: Logger

    /// Runs the conversation up to and including the final reply to `DATA`.
    func deliver(
        _ content: (bytes: [UInt8], is8Bit: Bool),
        from sender: String,
        to recipients: [String]
    ) async throws -> SMTPReceipt {
        let greeting = try await exchange(nil, stage: .greeting)
        guard greeting.code == 220 else { throw SMTPError(stage: .greeting, reply: greeting) }

        var extensions = try await hello()
        var isEncrypted = configuration.security == .tls
        if configuration.security == .startTLS, let tls {
            try await startTLS(tls, extensions: extensions)
            isEncrypted = true
            extensions = try await hello()
        }

        if let credentials = configuration.credentials {
            guard isEncrypted || configuration.allowInsecureAuth else {
                throw SMTPError(stage: .auth, message: "refusing to send credentials over an unencrypted connection")
            }
            try await authenticate(credentials, mechanisms: extensions["AUTH"] ?? [])
        }

        var mailFrom = "MAIL FROM:<\(sender)>"
        if content.is8Bit, extensions["8BITMIME"] != nil { mailFrom += " BODY=8BITMIME" }
        if extensions["SIZE"] != nil { mailFrom += " SIZE=\(content.bytes.count)" }
        try await expect(mailFrom, stage: .mailFrom) { $0.isPositiveCompletion }

        let (accepted, rejected) = try await addRecipients(recipients)

        try await expect("DATA", stage: .data) { $0.code == 354 }
        let final = try await exchange(stage: .data) { try await connection.sendData(content.bytes) }
        guard final.isPositiveCompletion else { throw SMTPError(stage: .data, reply: final) }

        return SMTPReceipt(
            code: final.code,
            enhancedCode: final.enhancedCode,
            message: final.text,
            acceptedRecipients: accepted,
            rejectedRecipients: rejected
        )
    }

    /// Says goodbye; failures are ignored because the outcome of the delivery is already known.
    func quit() async {
        _ = try? await connection.command("QUIT")
    }

    /// Sends EHLO (or HELO if the server rejects EHLO) and returns the advertised extensions.
    private func hello() async throws -> [String: [String]] {
        let ehlo = try await exchange("EHLO \(configuration.heloName)", stage: .ehlo)
        if ehlo.isPositiveCompletion { return ehlo.extensions }
        guard (500..<600).contains(ehlo.code) else { throw SMTPError(stage: .ehlo, reply: ehlo) }

        try await expect("HELO \(configuration.heloName)", stage: .ehlo) { $0.isPositiveCompletion }
        return [:]
    }

    private func startTLS(_ tls: SMTPConnection.TLS, extensions: [String: [String]]) async throws {
        guard extensions["STARTTLS"] != nil else {
            throw SMTPError(stage: .startTLS, message: "server does not offer STARTTLS, which is required")
        }
        try await expect("STARTTLS", stage: .startTLS) { $0.code == 220 }
        try await exchange(stage: .startTLS) { try await connection.startTLS(tls) }
    }

    private func authenticate(_ credentials: SMTPCredentials, mechanisms: [String]) async throws {
        if mechanisms.contains("PLAIN") {
            let token = Base64.encode([0] + Array(credentials.username.utf8) + [0] + Array(credentials.password.utf8))
            try await expect("AUTH PLAIN \(token)", redacted: "AUTH PLAIN <credentials>", stage: .auth) {
                $0.code == 235
            }
        } else if mechanisms.contains("LOGIN") {
            try await expect("AUTH LOGIN", stage: .auth) { $0.code == 334 }
            try await expect(Base64.encode(credentials.username.utf8), redacted: "<username>", stage: .auth) {
                $0.code == 334
            }
            try await expect(Base64.encode(credentials.password.utf8), redacted: "<password>", stage: .auth) {
                $0.code == 235
            }
        } else {
            let offered = mechanisms.isEmpty ? "none" : mechanisms.joined(separator: " ")
            throw SMTPError(stage: .auth, message: "server offers no supported AUTH mechanism (offered: \(offered))")
        }
    }

    /// Sends `RCPT TO` for each recipient. Throws only if no recipient was accepted, preferring a temporary
    /// failure (so that the caller retries) over a permanent one.
    private func addRecipients(
        _ recipients: [String]
    ) async throws -> (accepted: [String], rejected: [SMTPRejectedRecipient]) {
        var accepted: [String] = []
        var rejected: [SMTPRejectedRecipient] = []
        for recipient in recipients {
            let reply = try await exchange("RCPT TO:<\(recipient)>", stage: .recipient(recipient))
            if reply.isPositiveCompletion {
                accepted.append(recipient)
            } else {
                logger.debug("recipient rejected", metadata: ["smtp.reply": "\(reply.code)"])
                rejected.append(
                    SMTPRejectedRecipient(
                        address: recipient,
                        code: reply.code,
                        enhancedCode: reply.enhancedCode,
                        message: reply.text
                    )
                )
            }
        }
        if accepted.isEmpty, let reported = rejected.first(where: { !$0.isPermanent }) ?? rejected.first {
            throw SMTPError(
                stage: .recipient(reported.address),
                code: reported.code,
                enhancedCode: reported.enhancedCode,
                message: reported.message
            )
        }
        return (accepted, rejected)
    }

    // MARK: - Request helpers

    /// Sends a command and throws an ``SMTPError`` for the stage unless the reply is acceptable.
    @discardableResult
    private func expect(
        _ command: String,
        redacted: String? = nil,
        stage: SMTPError.Stage,
        where isAcceptable: (SMTPReply) -> Bool
    ) async throws -> SMTPReply {
        let reply = try await exchange(command, redacted: redacted, stage: stage)
        guard isAcceptable(reply) else { throw SMTPError(stage: stage, reply: reply) }
        return reply
    }

    /// Sends a command (or just awaits a reply when `command` is `nil`), mapping transport errors.
    private func exchange(_ command: String?, redacted: String? = nil, stage: SMTPError.Stage) async throws -> SMTPReply {
        try await exchange(stage: stage) {
            if let command {
                try await connection.command(command, redacted: redacted)
            } else {
                try await connection.readReply()
            }
        }
    }

    /// Runs a connection operation, turning transport failures into an ``SMTPError`` for the stage.
    @discardableResult
    private func exchange<Result>(
        stage: SMTPError.Stage,
        _ operation: () async throws -> Result
    ) async throws -> Result {
        do {
            return try await operation()
        } catch {
            throw transportError(error, stage: stage)
        }
    }

    private func transportError(_ error: any Error, stage: SMTPError.Stage) -> SMTPError {
        switch error {
        case let error as SMTPError:
            return error
        case is SMTPTimeoutError:
            return SMTPError(stage: .timeout, message: "no reply within \(configuration.timeout) during \(stage)")
        case is SMTPConnectionClosedError:
            return SMTPError(stage: stage, message: "connection closed by the server")
        case SMTPProtocolError.unexpectedReply(let reply):
            return SMTPError(stage: stage, reply: reply)
        case let error as SMTPProtocolError:
            return SMTPError(stage: stage, message: "protocol violation: \(error)")
        case NIOSSLError.handshakeFailed(let reason):
            return SMTPError(stage: .tlsHandshake, message: "TLS handshake failed: \(reason)")
        case let error as NIOSSLError:
            return SMTPError(stage: stage, message: "TLS error: \(error)")
        default:
            return SMTPError(stage: stage, message: "\(error)")
        }
    }
}
