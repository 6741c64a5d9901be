import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// Delivers already-rendered RFC 5322 messages to an SMTP server (submission or relay).
///
/// Each ``send(_:from:to:)`` call opens its own connection, runs the whole SMTP conversation and closes
/// the connection again, so a client can be shared freely between tasks.
///
/// ```swift
/// let client = SMTPClient(configuration: .init(
///     host: "smtp.example.com",
///     credentials: .init(username: "me", password: "secret")
/// ))
/// let receipt = try await client.send(rfc5322Bytes, from: "me@example.com", to: ["you@example.org"])
/// ```
public struct SMTPClient: Sendable {
    /// The server and connection settings.
    public let configuration: SMTPConfiguration
    private let eventLoopGroup: any EventLoopGroup
    private let logger: Logger

    /// Creates a client. No connection is opened until ``send(_:from:to:)``.
    public init(
        configuration: SMTPConfiguration,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "rapport.smtp")
    ) {
        self.configuration = configuration
        self.eventLoopGroup = eventLoopGroup
        self.logger = logger
    }

    /// Sends one message.
    ///
    /// - Parameters:
    ///   - message: The complete message (headers and body). Bare LF or CR line endings are converted to
    ///     CRLF and lines starting with "." are dot-stuffed; the message is not otherwise changed.
    ///   - sender: The envelope sender (`MAIL FROM`), without angle brackets; empty for the null sender.
    ///   - recipients: The envelope recipients (`RCPT TO`), without angle brackets; at least one.
    /// - Returns: The server's reply to the message data and which recipients were accepted or rejected.
    ///   If only some recipients are rejected, the message is delivered to the others.
    /// - Throws: ``SMTPError``; check ``SMTPError/isPermanent`` to decide whether to retry.
    public func send(
        _ message: some Collection<UInt8>,
        from sender: String,
        to recipients: [String]
    ) async throws -> SMTPReceipt {
        try configuration.validate()
        try Self.validateEnvelope(sender: sender, recipients: recipients)
        let content = SMTPMessageData.encode(message)
        let tls = try makeTLS()

        var logger = self.logger
        logger[metadataKey: "smtp.server"] = "\(configuration.host):\(configuration.port)"

        let connection: SMTPConnection
        do {
            connection = try await SMTPConnection.connect(
                host: configuration.host,
                port: configuration.port,
                implicitTLS: configuration.security == .tls ? tls : nil,
                timeout: TimeAmount(configuration.timeout),
                group: eventLoopGroup,
                logger: logger
            )
        } catch {
            throw Self.connectError(error, configuration: configuration)
        }

        let session = SMTPSession(connection: connection, configuration: configuration, tls: tls, logger: logger)
        do {
            let receipt = try await withTaskCancellationHandler {
                try await session.deliver(content, from: sender, to: recipients)
            } onCancel: {
                connection.abort()
            }
            await session.quit()
            await connection.close()
            logger.debug("delivered message", metadata: ["smtp.reply": "\(receipt.code) \(receipt.message)"])
            return receipt
        } catch {
            await session.quit()
            await connection.close()
            try Task.checkCancellation()
            logger.debug("delivery failed", metadata: ["smtp.error": "\(error)"])
            throw error
        }
    }

    /// Refuses addresses that could inject SMTP commands or break the `<...>` path syntax.
    private static func validateEnvelope(sender: String, recipients: [String]) throws(SMTPError) {
        func isValid(_ address: String) -> Bool {
            !address.contains { $0.isSMTPUnsafe || $0 == "<" || $0 == ">" || $0 == " " }
        }
        guard isValid(sender) else {
            throw SMTPError(stage: .envelope, message: "invalid sender address \(sender.debugDescription)")
        }
        guard !recipients.isEmpty else {
            throw SMTPError(stage: .envelope, message: "no recipients")
        }
        for recipient in recipients where recipient.isEmpty || !isValid(recipient) {
            throw SMTPError(stage: .envelope, message: "invalid recipient address \(recipient.debugDescription)")
        }
    }

    private func makeTLS() throws(SMTPError) -> SMTPConnection.TLS? {
        guard configuration.security != .none else { return nil }
        var tlsConfiguration = TLSConfiguration.makeClientConfiguration()
        if case .certificateFile(let path) = configuration.trustRoots {
            tlsConfiguration.trustRoots = .file(path)
        }
        if configuration.certificateVerification == .insecureNoVerification {
            tlsConfiguration.certificateVerification = .none
        }
        let context: NIOSSLContext
        do {
            context = try NIOSSLContext(configuration: tlsConfiguration)
        } catch {
            throw SMTPError(stage: .configuration, message: "cannot set up TLS (trustRoots): \(error)")
        }
        // SNI and hostname verification only make sense for names, not IP addresses.
        let isIPAddress = (try? SocketAddress(ipAddress: configuration.host, port: 0)) != nil
        return SMTPConnection.TLS(context: context, serverHostname: isIPAddress ? nil : configuration.host)
    }

    private static func connectError(_ error: any Error, configuration: SMTPConfiguration) -> SMTPError {
        let target = "\(configuration.host):\(configuration.port)"
        if let channelError = error as? ChannelError, case .connectTimeout = channelError {
            return SMTPError(stage: .timeout, message: "connecting to \(target) timed out")
        }
        return SMTPError(stage: .connect, message: "cannot connect to \(target): \(error)")
    }
}
