import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// One TCP (optionally TLS) connection to an SMTP server with a request/reply interface.
struct SMTPConnection: Sendable {
    private static let decoderName = "smtp-reply-decoder"

    private let channel: any Channel
    private let logger: Logger
    /// Fails with the error that ended the connection (see ``SMTPClientHandler``).
    private let closeReason: EventLoopFuture<Void>

    /// TLS settings for the handshake; `serverHostname` is `nil` for IP addresses (no SNI).
    struct TLS: Sendable {
        var context: NIOSSLContext
        var serverHostname: String?
    }

    /// Opens a connection; with `implicitTLS` the TLS handler is installed before the first byte.
    static func connect(
        host: String,
        port: Int,
        implicitTLS: TLS?,
        timeout: TimeAmount,
        group: any EventLoopGroup,
        logger: Logger
    ) async throws -> SMTPConnection {
        let eventLoop = group.next()
        let closeReason = eventLoop.makePromise(of: Void.self)
        let bootstrap = ClientBootstrap(group: eventLoop)
            .connectTimeout(timeout)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    if let implicitTLS {
                        try pipeline.addHandler(
                            try NIOSSLClientHandler(context: implicitTLS.context, serverHostname: implicitTLS.serverHostname)
                        )
                    }
                    try pipeline.addHandler(ByteToMessageHandler(SMTPReplyDecoder()), name: decoderName)
                    try pipeline.addHandler(SMTPClientHandler(timeout: timeout, closeReason: closeReason))
                }
            }
        do {
            let channel = try await bootstrap.connect(host: host, port: port).get()
            return SMTPConnection(channel: channel, logger: logger, closeReason: closeReason.futureResult)
        } catch {
            closeReason.fail(error)
            throw error
        }
    }

    /// Waits for a reply without sending anything (used for the greeting).
    func readReply() async throws -> SMTPReply {
        try await roundTrip(nil, logAs: nil)
    }

    /// Sends one command line (CRLF is appended) and waits for its reply.
    ///
    /// - Parameter redacted: Text logged instead of the command, for commands carrying credentials.
    func command(_ line: String, redacted: String? = nil) async throws -> SMTPReply {
        var buffer = channel.allocator.buffer(capacity: line.utf8.count + 2)
        buffer.writeString(line)
        buffer.writeString("\r\n")
        return try await roundTrip(buffer, logAs: redacted ?? line)
    }

    /// Sends the (already dot-stuffed and terminated) message content and waits for the final reply.
    func sendData(_ bytes: [UInt8]) async throws -> SMTPReply {
        try await roundTrip(channel.allocator.buffer(bytes: bytes), logAs: "<\(bytes.count) bytes of message data>")
    }

    /// Starts TLS on the existing connection after the server's 220 reply to `STARTTLS`.
    ///
    /// The reply decoder is replaced, so that plaintext the server (or an attacker) sent after the 220 is
    /// rejected instead of being read as if it came over TLS.
    func startTLS(_ tls: TLS) async throws {
        try await channel.pipeline.removeHandler(name: Self.decoderName).flatMapThrowing { [channel] in
            let pipeline = channel.pipeline.syncOperations
            let sslHandler = try NIOSSLClientHandler(context: tls.context, serverHostname: tls.serverHostname)
            try pipeline.addHandler(sslHandler, position: .first)
            try pipeline.addHandler(
                ByteToMessageHandler(SMTPReplyDecoder()),
                name: Self.decoderName,
                position: .after(sslHandler)
            )
        }.get()
    }

    /// Closes the connection; errors (e.g. already closed) are irrelevant at this point.
    func close() async {
        try? await channel.close()
    }

    /// Closes the connection without waiting, failing any outstanding request (used on task cancellation).
    func abort() {
        channel.close(promise: nil)
    }

    private func roundTrip(_ payload: ByteBuffer?, logAs description: String?) async throws -> SMTPReply {
        if let description { logger.trace("C: \(description)") }
        let promise = channel.eventLoop.makePromise(of: SMTPReply.self)
        // If the request never reaches the handler (channel already closed), fail the reply with the reason
        // the connection ended (e.g. a TLS handshake error) rather than "I/O on closed channel".
        // Completing an already completed promise is a no-op.
        channel.writeAndFlush(SMTPRequest(payload: payload, replyPromise: promise)).whenFailure { [closeReason] error in
            closeReason.whenComplete { result in
                if case .failure(let reason) = result {
                    promise.fail(reason)
                } else {
                    promise.fail(error)
                }
            }
        }
        let reply = try await promise.futureResult.get()
        logger.trace("S: \(reply.code) \(reply.text)")
        return reply
    }
}
