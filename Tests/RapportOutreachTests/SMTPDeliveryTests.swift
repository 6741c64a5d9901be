import Foundation
import RapportCore
import RapportMail
import RapportOutreach
import RapportSMTP
import RapportSQLite
import RapportTestSupport
import Testing

@Suite("Delivery through a real SMTP server")
struct SMTPDeliveryTests {
    @Test("an opportunity arrives over STARTTLS with AUTH as proper MIME, with one-click unsubscribe headers")
    func endToEnd() async throws {
        // setup
        let server = try await SMTPTestServer.start(tls: true, user: "rapport", password: "s3cret-pass")
        defer { server.stop() }
        let firm = try await OutreachFixture()
        let candidate = try await firm.candidate("Zoë O'Brien", email: "zoe@example.com")
        let (outreach, _) = try await firm.pitch(candidate, [firm.job, firm.secondJob])
        let client = SMTPClient(configuration: SMTPConfiguration(
            host: "localhost", port: server.port, security: .startTLS,
            credentials: SMTPCredentials(username: "rapport", password: "s3cret-pass"),
            trustRoots: .certificateFile(path: try #require(server.certificatePath))))
        // MUT
        let report = try await firm.delivery(SMTPTransport(client: client)).deliverDue()
        // validate
        #expect(report.sent == 1)
        let received = try server.received()
        try #require(received.count == 1)
        #expect(received[0].usedTLS && received[0].usedAuth)
        #expect(received[0].recipients == ["zoe@example.com"])
        #expect(received[0].mailFrom == "talent@rapport.test", "the firm's sending address, under the recruiter's name")
        let raw = String(decoding: received[0].data, as: UTF8.self)
        #expect(raw.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"))
        #expect(raw.contains("Content-Type: multipart/alternative"))
        let message = try InboundMessage.parse(Data(received[0].data))
        #expect(message.messageID == outreach.messageID)
        #expect(message.subject == "2 roles that fit what you told us")
        #expect(message.to.first?.name == "Zoë O'Brien")
        #expect(message.textBody.contains("Cloud Engineer at Harbour Bank"))
        #expect(message.htmlBody?.contains("<strong>Platform Engineer</strong>") == true)
        let unsubscribe = try #require(message.headers["List-Unsubscribe"])
        #expect(unsubscribe.contains("<http://127.0.0.1:8080/unsubscribe/"))
        #expect(unsubscribe.contains("<mailto:unsubscribe+"))
        #expect(try await firm.service.outreach(outreach.id).status == .sent)
    }

    @Test("a recipient the server refuses for good marks the address undeliverable; a busy server is retried")
    func refusals() async throws {
        let server = try await SMTPTestServer.start()
        defer { server.stop() }
        let firm = try await OutreachFixture()
        let bouncing = try await firm.candidate("Bounce Person", email: "bounce.person@example.com")
        let busy = try await firm.candidate("Tempfail Person", email: "tempfail.person@example.com")
        let (bounced, _) = try await firm.pitch(bouncing, [firm.job])
        let (retried, _) = try await firm.pitch(busy, [firm.job])
        let client = SMTPClient(configuration: SMTPConfiguration(host: "127.0.0.1", port: server.port, security: .none))
        let report = try await firm.delivery(SMTPTransport(client: client)).deliverDue()
        #expect(report.failed == 1 && report.retrying == 1)
        #expect(try await firm.service.outreach(bounced.id).status == .failed)
        #expect(try await firm.store.addressStatus(bouncing.profile.email)?.suppression == .undeliverable)
        let waiting = try await firm.service.outreach(retried.id)
        #expect(waiting.status == .queued)
        #expect(waiting.lastError?.contains("451") == true)
        #expect(try await firm.store.addressStatus(busy.profile.email) == nil)
        #expect(try server.received().isEmpty)
    }
}
