import Foundation
import RapportSMTP
import RapportTestSupport
import Testing

private let user = "rapport"
private let password = "s3cret"

private func message(_ text: String) -> [UInt8] { Array(text.utf8) }

private func plainClient(port: Int, timeout: Duration = .seconds(10)) -> SMTPClient {
    SMTPClient(configuration: SMTPConfiguration(host: "127.0.0.1", port: port, security: .none, timeout: timeout))
}

private func startTLSClient(server: SMTPTestServer, password: String) throws -> SMTPClient {
    let certificate = try #require(server.certificatePath)
    return SMTPClient(
        configuration: SMTPConfiguration(
            host: "localhost",
            port: server.port,
            security: .startTLS,
            credentials: SMTPCredentials(username: user, password: password),
            timeout: .seconds(10),
            trustRoots: .certificateFile(path: certificate)
        )
    )
}

@Suite("SMTPClient against aiosmtpd")
struct SMTPClientTests {
    @Test func plainDeliveryRoundTripsBytesWithDotStuffingAndNonASCII() async throws {
        let server = try await SMTPTestServer.start()
        defer { server.stop() }

        // Mixed line endings (CRLF, bare LF), lines starting with dots, 8-bit UTF-8, no final newline.
        let sent = message(
            "From: a@example.com\r\nTo: b@example.com\nSubject: Grüße\r\n\r\n"
                + ".leading dot\n..two dots\r\n.\r\nGrüße aus Köln ✉️\nlast line"
        )
        let expected = message(
            "From: a@example.com\r\nTo: b@example.com\r\nSubject: Grüße\r\n\r\n"
                + ".leading dot\r\n..two dots\r\n.\r\nGrüße aus Köln ✉️\r\nlast line\r\n"
        )

        let receipt = try await plainClient(port: server.port)
            .send(sent, from: "a@example.com", to: ["b@example.com", "c@example.com"])

        #expect(receipt.code == 250)
        #expect(receipt.enhancedCode == "2.0.0")
        #expect(receipt.message == "Ok: queued as 1")
        #expect(receipt.acceptedRecipients == ["b@example.com", "c@example.com"])
        #expect(receipt.rejectedRecipients.isEmpty)

        let received = try server.received()
        try #require(received.count == 1)
        #expect(received[0].data == expected)
        #expect(received[0].mailFrom == "a@example.com")
        #expect(received[0].recipients == ["b@example.com", "c@example.com"])
        #expect(!received[0].usedTLS)
        #expect(!received[0].usedAuth)
    }

    @Test func startTLSWithTrustedCertificateAndAuthPlain() async throws {
        let server = try await SMTPTestServer.start(tls: true, user: user, password: password)
        defer { server.stop() }

        let client = try startTLSClient(server: server, password: password)
        let receipt = try await client.send(message("Subject: tls\r\n\r\nhello\r\n"), from: "a@x.test", to: ["b@x.test"])

        #expect(receipt.code == 250)
        let received = try server.received()
        try #require(received.count == 1)
        #expect(received[0].usedTLS)
        #expect(received[0].usedAuth)
        #expect(received[0].data == message("Subject: tls\r\n\r\nhello\r\n"))
    }

    @Test func implicitTLSToAnIPAddressWithAuth() async throws {
        let server = try await SMTPTestServer.start(implicitTLS: true, user: user, password: password)
        defer { server.stop() }

        // An IP address host: no SNI, the certificate is verified against its IP subjectAltName.
        let client = SMTPClient(
            configuration: SMTPConfiguration(
                host: "127.0.0.1",
                port: server.port,
                security: .tls,
                credentials: SMTPCredentials(username: user, password: password),
                timeout: .seconds(10),
                trustRoots: .certificateFile(path: try #require(server.certificatePath))
            )
        )
        _ = try await client.send(message("x\r\n"), from: "a@x.test", to: ["b@x.test"])
        let received = try server.received()
        try #require(received.count == 1)
        #expect(received[0].usedTLS)
        #expect(received[0].usedAuth)
    }

    @Test func requiredStartTLSFailsWhenServerDoesNotOfferIt() async throws {
        let server = try await SMTPTestServer.start()
        defer { server.stop() }

        let client = SMTPClient(
            configuration: SMTPConfiguration(host: "127.0.0.1", port: server.port, security: .startTLS)
        )
        let error = await #expect(throws: SMTPError.self) {
            try await client.send(message("x\r\n"), from: "a@x.test", to: ["b@x.test"])
        }
        #expect(error?.stage == .startTLS)
        #expect(error?.isPermanent == false)
        #expect(try server.received().isEmpty)
    }

    @Test func untrustedCertificateFailsTheHandshake() async throws {
        let server = try await SMTPTestServer.start(tls: true)
        defer { server.stop() }

        // The system trust store does not know the self-signed certificate.
        let client = SMTPClient(
            configuration: SMTPConfiguration(host: "localhost", port: server.port, security: .startTLS)
        )
        let error = await #expect(throws: SMTPError.self) {
            try await client.send(message("x\r\n"), from: "a@x.test", to: ["b@x.test"])
        }
        #expect(error?.stage == .tlsHandshake, "\(String(describing: error))")
        #expect(error?.isPermanent == false)
        #expect(try server.received().isEmpty)
    }

    @Test func fallsBackToAuthLoginWhenPlainIsNotOffered() async throws {
        let server = try await SMTPTestServer.start(tls: true, user: user, password: password, onlyAuthLogin: true)
        defer { server.stop() }

        let client = try startTLSClient(server: server, password: password)
        _ = try await client.send(message("x\r\n"), from: "a@x.test", to: ["b@x.test"])
        let received = try server.received()
        try #require(received.count == 1)
        #expect(received[0].usedAuth)
        #expect(received[0].usedTLS)
    }

    @Test func wrongPasswordIsAPermanentAuthFailure() async throws {
        let server = try await SMTPTestServer.start(tls: true, user: user, password: password)
        defer { server.stop() }

        let client = try startTLSClient(server: server, password: "wrong")
        let error = await #expect(throws: SMTPError.self) {
            try await client.send(message("x\r\n"), from: "a@x.test", to: ["b@x.test"])
        }
        #expect(error?.stage == .auth)
        #expect(error?.code == 535)
        #expect(error?.isPermanent == true)
    }

    @Test func credentialsAreNotSentOverPlaintextUnlessAllowed() async throws {
        let server = try await SMTPTestServer.start(user: user, password: password)
        defer { server.stop() }

        var configuration = SMTPConfiguration(
            host: "127.0.0.1",
            port: server.port,
            security: .none,
            credentials: SMTPCredentials(username: user, password: password)
        )
        let error = await #expect(throws: SMTPError.self) {
            try await SMTPClient(configuration: configuration)
                .send(message("x\r\n"), from: "a@x.test", to: ["b@x.test"])
        }
        #expect(error?.stage == .configuration)
        #expect(error?.message.contains("allowInsecureAuth") == true)
        #expect(try server.received().isEmpty)

        // Explicitly allowed, the same configuration authenticates in plaintext.
        configuration.allowInsecureAuth = true
        _ = try await SMTPClient(configuration: configuration)
            .send(message("x\r\n"), from: "a@x.test", to: ["b@x.test"])
        let received = try server.received()
        try #require(received.count == 1)
        #expect(received[0].usedAuth)
        #expect(!received[0].usedTLS)
    }

    @Test func bouncedRecipientIsPermanent() async throws {
        let server = try await SMTPTestServer.start()
        defer { server.stop() }

        let error = await #expect(throws: SMTPError.self) {
            try await plainClient(port: server.port)
                .send(message("x\r\n"), from: "a@x.test", to: ["bounce@x.test"])
        }
        #expect(error?.stage == .recipient("bounce@x.test"))
        #expect(error?.code == 550)
        #expect(error?.enhancedCode == "5.1.1")
        #expect(error?.message == "No such user")
        #expect(error?.description == "SMTP error at RCPT TO <bounce@x.test>: 550 5.1.1 No such user")
        #expect(error?.isPermanent == true)
        #expect(try server.received().isEmpty)
    }

    @Test func temporarilyFailedRecipientIsNotPermanent() async throws {
        let server = try await SMTPTestServer.start()
        defer { server.stop() }

        let error = await #expect(throws: SMTPError.self) {
            try await plainClient(port: server.port)
                .send(message("x\r\n"), from: "a@x.test", to: ["tempfail@x.test"])
        }
        #expect(error?.stage == .recipient("tempfail@x.test"))
        #expect(error?.code == 451)
        #expect(error?.enhancedCode == "4.3.0")
        #expect(error?.isPermanent == false)
    }

    @Test func mixedRecipientsDeliverToAcceptedAndReportRejected() async throws {
        let server = try await SMTPTestServer.start()
        defer { server.stop() }

        let receipt = try await plainClient(port: server.port)
            .send(message("x\r\n"), from: "a@x.test", to: ["good@x.test", "bounce.me@x.test"])

        #expect(receipt.acceptedRecipients == ["good@x.test"])
        #expect(receipt.rejectedRecipients.map(\.address) == ["bounce.me@x.test"])
        #expect(receipt.rejectedRecipients.first?.code == 550)
        #expect(receipt.rejectedRecipients.first?.isPermanent == true)
        let received = try server.received()
        try #require(received.count == 1)
        #expect(received[0].recipients == ["good@x.test"])
    }

    @Test func connectionRefusedIsNotPermanent() async throws {
        // Start and stop a server to obtain a port that is (almost certainly) closed.
        let server = try await SMTPTestServer.start(silent: true)
        let closedPort = server.port
        server.stop()

        let error = await #expect(throws: SMTPError.self) {
            try await plainClient(port: closedPort).send(message("x\r\n"), from: "a@x.test", to: ["b@x.test"])
        }
        #expect(error?.stage == .connect)
        #expect(error?.isPermanent == false)
    }

    @Test(arguments: [
        ("evil@x.test>\r\nRCPT TO:<victim@x.test", "b@x.test"),
        ("a@x.test", "b@x.test\r\nDATA"),
        ("a@x.test", "b@x.test\nQUIT"),
        ("a@x.test", "<b@x.test>"),
    ])
    func injectedAddressesAreRefusedBeforeConnecting(sender: String, recipient: String) async throws {
        // Port 9 on localhost would fail at connect; the error must come earlier.
        let error = await #expect(throws: SMTPError.self) {
            try await plainClient(port: 9).send(message("x\r\n"), from: sender, to: [recipient])
        }
        #expect(error?.stage == .envelope)
        #expect(error?.isPermanent == true)
    }

    @Test func silentServerTimesOut() async throws {
        let server = try await SMTPTestServer.start(silent: true)
        defer { server.stop() }

        let clock = ContinuousClock()
        let start = clock.now
        let error = await #expect(throws: SMTPError.self) {
            try await plainClient(port: server.port, timeout: .milliseconds(500))
                .send(message("x\r\n"), from: "a@x.test", to: ["b@x.test"])
        }
        let elapsed = clock.now - start
        #expect(error?.stage == .timeout)
        #expect(error?.isPermanent == false)
        #expect(elapsed >= .milliseconds(450))
        // The bound only proves the client gives up instead of waiting forever: on a loaded two-core CI machine running
        // the whole suite in parallel, scheduling alone has added five seconds (seen once).
        #expect(elapsed < .seconds(30))
    }

    @Test func invalidConfigurationNamesTheField() async throws {
        for (configuration, field) in [
            (SMTPConfiguration(host: ""), "host"),
            (SMTPConfiguration(host: "mail.example.com", port: 0), "port"),
            (SMTPConfiguration(host: "mail.example.com", port: 65536), "port"),
            (SMTPConfiguration(host: "mail.example.com", heloName: "bad name"), "heloName"),
        ] {
            let error = await #expect(throws: SMTPError.self) {
                try await SMTPClient(configuration: configuration)
                    .send(message("x\r\n"), from: "a@x.test", to: ["b@x.test"])
            }
            #expect(error?.stage == .configuration)
            #expect(error?.message.contains(field) == true, "\(error?.message ?? "no error")")
        }
        #expect(SMTPConfiguration(host: "h", security: .tls).port == 465)
        #expect(SMTPConfiguration(host: "h").port == 587)
    }
}
