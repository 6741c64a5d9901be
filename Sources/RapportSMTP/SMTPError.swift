/// A failed delivery attempt.
///
/// Use ``isPermanent`` to decide whether retrying later can help.
public struct SMTPError: Error, Sendable, CustomStringConvertible {
    /// The step of the SMTP conversation that failed.
    public enum Stage: Sendable, Hashable, CustomStringConvertible {
        /// The ``SMTPConfiguration`` is invalid (detected before connecting).
        case configuration
        /// The sender or a recipient address is invalid (detected before connecting).
        case envelope
        /// Resolving the host or opening the TCP connection failed.
        case connect
        /// The TLS handshake (implicit TLS or after `STARTTLS`) failed.
        case tlsHandshake
        /// The server's initial 220 greeting.
        case greeting
        /// `EHLO` (or the `HELO` fallback).
        case ehlo
        /// `STARTTLS` was not offered or was refused.
        case startTLS
        /// `AUTH` failed or no supported mechanism was offered.
        case auth
        /// `MAIL FROM` was refused.
        case mailFrom
        /// A recipient was rejected (the associated value is the address).
        case recipient(String)
        /// `DATA` or the message content was refused.
        case data
        /// The server did not answer within ``SMTPConfiguration/timeout``.
        case timeout

        public var description: String {
            switch self {
            case .configuration: "configuration"
            case .envelope: "envelope"
            case .connect: "connect"
            case .tlsHandshake: "TLS handshake"
            case .greeting: "greeting"
            case .ehlo: "EHLO"
            case .startTLS: "STARTTLS"
            case .auth: "AUTH"
            case .mailFrom: "MAIL FROM"
            case .recipient(let address): "RCPT TO <\(address)>"
            case .data: "DATA"
            case .timeout: "timeout"
            }
        }
    }

    /// Where the conversation failed.
    public var stage: Stage
    /// The server's reply code, if the failure was a reply.
    public var code: Int?
    /// The enhanced status code (RFC 3463) of the server's reply, e.g. `"5.1.1"`, if present.
    public var enhancedCode: String?
    /// A human-readable explanation; for reply failures the server's text without the enhanced status code.
    public var message: String

    /// Creates an error; normally only ``SMTPClient`` does this.
    public init(stage: Stage, code: Int? = nil, enhancedCode: String? = nil, message: String) {
        self.stage = stage
        self.code = code
        self.enhancedCode = enhancedCode
        self.message = message
    }

    init(stage: Stage, reply: SMTPReply) {
        self.init(stage: stage, code: reply.code, enhancedCode: reply.enhancedCode, message: reply.text)
    }

    /// `true` when retrying the same delivery cannot succeed: 5xx replies and invalid input.
    ///
    /// `false` for 4xx replies, timeouts, connection and TLS failures, which callers should retry later.
    public var isPermanent: Bool {
        if let code {
            return (500..<600).contains(code)
        }
        switch stage {
        case .configuration, .envelope: return true
        default: return false
        }
    }

    public var description: String {
        var result = "SMTP error at \(stage)"
        if let code { result += ": \(code)" }
        if let enhancedCode { result += " \(enhancedCode)" }
        result += code == nil ? ": \(message)" : " \(message)"
        return result
    }
}
