/// How the connection to the SMTP server is secured.
public enum SMTPSecurity: Sendable, Hashable {
    /// Plain TCP. Credentials are only sent if ``SMTPConfiguration/allowInsecureAuth`` is `true`.
    case none
    /// Plain TCP upgraded with `STARTTLS` (RFC 3207). Delivery fails if the server does not offer it.
    case startTLS
    /// Implicit TLS from the first byte ("SMTPS", RFC 8314), usually on port 465.
    case tls

    /// The conventional port for this kind of security: 465 for implicit TLS, 587 otherwise.
    public var defaultPort: Int {
        self == .tls ? 465 : 587
    }
}

/// A user name and password used with `AUTH PLAIN` or `AUTH LOGIN`.
public struct SMTPCredentials: Sendable, Hashable {
    public var username: String
    public var password: String

    /// Creates credentials.
    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }
}

/// The certificates trusted when verifying the server's TLS certificate.
public enum SMTPTrustRoots: Sendable, Hashable {
    /// The operating system's default trust store.
    case system
    /// Only the certificate(s) in the given PEM file, e.g. a self-signed test certificate.
    case certificateFile(path: String)
}

/// Whether the server's TLS certificate is verified.
public enum SMTPCertificateVerification: Sendable, Hashable {
    /// Verify the certificate chain and that it matches the configured host (the default).
    case fullVerification
    /// Accept any certificate. **Insecure**: allows man-in-the-middle attacks; never use in production.
    case insecureNoVerification
}

/// Everything ``SMTPClient`` needs to know to reach and talk to an SMTP server.
public struct SMTPConfiguration: Sendable {
    /// Host name or IP address of the server.
    public var host: String
    /// TCP port, 1...65535.
    public var port: Int
    /// Transport security; see ``SMTPSecurity``.
    public var security: SMTPSecurity
    /// Credentials for SMTP AUTH, or `nil` to skip authentication.
    public var credentials: SMTPCredentials?
    /// Allows sending credentials over an unencrypted connection. Defaults to `false`.
    public var allowInsecureAuth: Bool
    /// The name announced in `EHLO`/`HELO`.
    public var heloName: String
    /// Upper bound for connecting and for each command/reply round trip (including TLS handshakes).
    public var timeout: Duration
    /// Certificates trusted for TLS; see ``SMTPTrustRoots``.
    public var trustRoots: SMTPTrustRoots
    /// Whether the server certificate is verified; see ``SMTPCertificateVerification``.
    public var certificateVerification: SMTPCertificateVerification

    /// Creates a configuration.
    ///
    /// - Parameter port: The server port; `nil` picks ``SMTPSecurity/defaultPort`` (587, or 465 for implicit TLS).
    public init(
        host: String,
        port: Int? = nil,
        security: SMTPSecurity = .startTLS,
        credentials: SMTPCredentials? = nil,
        allowInsecureAuth: Bool = false,
        heloName: String = "localhost",
        timeout: Duration = .seconds(30),
        trustRoots: SMTPTrustRoots = .system,
        certificateVerification: SMTPCertificateVerification = .fullVerification
    ) {
        self.host = host
        self.port = port ?? security.defaultPort
        self.security = security
        self.credentials = credentials
        self.allowInsecureAuth = allowInsecureAuth
        self.heloName = heloName
        self.timeout = timeout
        self.trustRoots = trustRoots
        self.certificateVerification = certificateVerification
    }

    /// Checks the configuration for values that can never work.
    ///
    /// - Throws: ``SMTPError`` with stage ``SMTPError/Stage/configuration`` naming the offending field.
    public func validate() throws(SMTPError) {
        func invalid(_ message: String) -> SMTPError {
            SMTPError(stage: .configuration, message: message)
        }
        if host.isEmpty || host.contains(where: \.isSMTPUnsafe) {
            throw invalid("host must be a non-empty host name or IP address")
        }
        guard (1...65535).contains(port) else {
            throw invalid("port must be in 1...65535, got \(port)")
        }
        if heloName.isEmpty || heloName.contains(where: { $0.isSMTPUnsafe || $0 == " " }) {
            throw invalid("heloName must be a non-empty name without spaces or control characters")
        }
        guard timeout > .zero else {
            throw invalid("timeout must be positive")
        }
        if credentials != nil, security == .none, !allowInsecureAuth {
            throw invalid(
                "credentials would be sent unencrypted (security is .none); use .startTLS/.tls or set allowInsecureAuth"
            )
        }
    }
}

extension Character {
    /// Control characters (CR, LF, NUL, ...) that must never reach an SMTP command line.
    var isSMTPUnsafe: Bool {
        unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }
}
