import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `scripts/smtp-test-server.py` (aiosmtpd) as a child process for integration tests.
///
/// Start it with ``start(tls:implicitTLS:user:password:onlyAuthLogin:silent:startupTimeout:)``, point a client at ``port`` and always call ``stop()``
/// (e.g. in a `defer`). Requires `python3` with `aiosmtpd` (`pip install aiosmtpd`) and, for TLS, `openssl`.
public final class SMTPTestServer {
    /// A message the server accepted, as written by the script.
    public struct ReceivedMessage: Sendable, Equatable {
        /// The DATA bytes as received (dot-unstuffed, without the terminating ".").
        public var data: [UInt8]
        public var mailFrom: String
        public var recipients: [String]
        public var usedTLS: Bool
        public var usedAuth: Bool
    }

    public struct SetupError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The TCP port the server listens on (127.0.0.1).
    public let port: Int
    /// The self-signed certificate (PEM) for `localhost` and 127.0.0.1, when started with TLS.
    public let certificatePath: String?

    private let process: Process
    private let directory: URL
    private let messageDirectory: URL

    /// The package root, derived from this file's location (Sources/RapportTestSupport/SMTPTestServer.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    private init(port: Int, certificatePath: String?, process: Process, directory: URL) {
        self.port = port
        self.certificatePath = certificatePath
        self.process = process
        self.directory = directory
        self.messageDirectory = directory.appendingPathComponent("messages")
    }

    deinit {
        stop()
    }

    /// Starts a server.
    ///
    /// - Parameters:
    ///   - tls: Offer STARTTLS with a freshly generated self-signed certificate.
    ///   - implicitTLS: Speak TLS from the first byte (like port 465) instead of offering STARTTLS.
    ///   - user: Require AUTH with this user name and `password`.
    ///   - onlyAuthLogin: Offer only `AUTH LOGIN` (not `PLAIN`).
    ///   - silent: Accept connections but never reply (for timeout tests).
    public static func start(
        tls: Bool = false,
        implicitTLS: Bool = false,
        user: String? = nil,
        password: String? = nil,
        onlyAuthLogin: Bool = false,
        silent: Bool = false,
        startupTimeout: Duration = .seconds(15)
    ) async throws -> SMTPTestServer {
        try checkPythonAndAiosmtpd()
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("smtp-test-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)

        let script = packageRoot.appendingPathComponent("scripts/smtp-test-server.py").path
        var arguments = [script, "--port", "0", "--dir", directory.appendingPathComponent("messages").path]
        var certificatePath: String?
        if tls || implicitTLS {
            let certificate = directory.appendingPathComponent("cert.pem").path
            let key = directory.appendingPathComponent("key.pem").path
            try generateSelfSignedCertificate(certificate: certificate, key: key)
            arguments += ["--tls-cert", certificate, "--tls-key", key]
            certificatePath = certificate
            if implicitTLS { arguments.append("--implicit-tls") }
        }
        if let user { arguments += ["--user", user, "--password", password ?? ""] }
        if onlyAuthLogin { arguments.append("--no-auth-plain") }
        if silent { arguments.append("--silent") }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let stdout = Pipe()
        process.standardOutput = stdout
        let stderrPath = directory.appendingPathComponent("stderr.log")
        _ = FileManager.default.createFile(atPath: stderrPath.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: stderrPath)
        try process.run()

        do {
            let port = try await readPort(from: stdout.fileHandleForReading, timeout: startupTimeout)
            return SMTPTestServer(port: port, certificatePath: certificatePath, process: process, directory: directory)
        } catch {
            process.terminate()
            process.waitUntilExit()
            let log = (try? String(contentsOf: stderrPath, encoding: .utf8)) ?? ""
            try? FileManager.default.removeItem(at: directory)
            throw SetupError(description: "SMTP test server did not start: \(error)\n\(log)")
        }
    }

    /// Messages received so far, in arrival order.
    public func received() throws -> [ReceivedMessage] {
        struct Envelope: Decodable {
            var mail_from: String
            var rcpt_tos: [String]
            var tls: Bool
            var auth: Bool
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: messageDirectory.path)) ?? []
        let numbers = names.filter { $0.hasSuffix(".json") }.compactMap { Int($0.dropLast(5)) }.sorted()
        return try numbers.map { number in
            let base = messageDirectory.appendingPathComponent(String(number))
            let data = try Data(contentsOf: base.appendingPathExtension("eml"))
            let envelope = try JSONDecoder().decode(
                Envelope.self,
                from: Data(contentsOf: base.appendingPathExtension("json"))
            )
            return ReceivedMessage(
                data: Array(data),
                mailFrom: envelope.mail_from,
                recipients: envelope.rcpt_tos,
                usedTLS: envelope.tls,
                usedAuth: envelope.auth
            )
        }
    }

    /// Terminates the server, waits for it to exit and deletes its files. Safe to call more than once.
    public func stop() {
        if process.isRunning {
            process.terminate()
            // Fall back to SIGKILL if the server does not react to SIGTERM in time.
            let deadline = ContinuousClock.now + .seconds(5)
            while process.isRunning && ContinuousClock.now < deadline {
                usleep(20_000)
            }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    // MARK: - Helpers

    private static func checkPythonAndAiosmtpd() throws {
        let status = try? runQuietly("/usr/bin/env", ["python3", "-c", "import aiosmtpd"])
        guard status == 0 else {
            throw SetupError(
                description: "python3 with aiosmtpd is required for the SMTP integration tests; "
                    + "install it with: pip install aiosmtpd"
            )
        }
    }

    private static func generateSelfSignedCertificate(certificate: String, key: String) throws {
        let status = try runQuietly(
            "/usr/bin/env",
            [
                "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-keyout", key, "-out", certificate, "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            ]
        )
        guard status == 0 else {
            throw SetupError(description: "openssl failed to create a test certificate (exit status \(status))")
        }
    }

    private static func runQuietly(_ executable: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Reads stdout until a `PORT <n>` line appears, the stream ends or the timeout passes.
    private static func readPort(from handle: FileHandle, timeout: Duration) async throws -> Int {
        let (chunks, continuation) = AsyncStream.makeStream(of: Data.self)
        handle.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty {
                continuation.finish()
            } else {
                continuation.yield(data)
            }
        }
        defer { handle.readabilityHandler = nil }

        return try await withThrowingTaskGroup(of: Int?.self) { group in
            group.addTask {
                var output = ""
                for await chunk in chunks {
                    output += String(decoding: chunk, as: UTF8.self)
                    // Only complete lines: the last element is whatever follows the final newline.
                    let lines = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                    for line in lines where line.hasPrefix("PORT ") {
                        if let port = Int(line.dropFirst(5).trimmingCharacters(in: .whitespaces)) { return port }
                    }
                }
                throw SetupError(description: "server exited without printing its port")
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let port = try await group.next() ?? nil else {
                continuation.finish()
                throw SetupError(description: "no PORT line within \(timeout)")
            }
            return port
        }
    }
}
