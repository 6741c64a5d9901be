import Foundation
import RapportCore
@testable import RapportOutreach
import Logging
import RapportSQLite
import ServiceLifecycle
import Testing

@Suite("The durable outbox and the delivery service")
struct DeliveryTests {
    @Test("with no mail server, each message is written once to the mail folder as <Message-ID>.eml")
    func folder() async throws {
        let firm = try await OutreachFixture()
        let candidate = try await firm.candidate()
        let (outreach, _) = try await firm.pitch(candidate, [firm.job])
        let report = try await firm.delivery().deliverDue()
        #expect(report.sent == 1)
        #expect(try firm.deliveredFiles() == ["m1_rapport.test.eml"])
        let raw = try String(contentsOf: firm.folder.appendingPathComponent("m1_rapport.test.eml"), encoding: .utf8)
        #expect(raw.contains("Message-ID: <m1@rapport.test>"))
        let stored = try await firm.service.outreach(outreach.id)
        #expect(stored.status == .sent)
        #expect(stored.sentAt == OutreachFixture.start)
        #expect(stored.attempts == 1)
        // A second pass finds nothing to do.
        #expect(try await firm.delivery().deliverDue().touched == 0)
    }

    @Test("a worker that dies after the server accepted leaves the claim to lapse; the retry carries the same Message-ID")
    func crashAfterAcceptance() async throws {
        let firm = try await OutreachFixture()
        let candidate = try await firm.candidate()
        let (outreach, _) = try await firm.pitch(candidate, [firm.job])
        let entry = try #require(try await firm.store.outboxEntry(outreach: outreach.id))
        // The crashed worker reserved the entry (as `deliverDue` does) and never recorded the outcome.
        let start = try await firm.store.beginSending(entry.id, now: firm.clock.now) { _ in .send(claimedUntil: firm.clock.now.addingTimeInterval(300)) }
        guard case .send = start else { Issue.record("the entry was not reserved"); return }
        // While the claim holds, no other worker takes it, and it already counts against the candidate's limits.
        let transport = ScriptedTransport()
        #expect(try await firm.delivery(transport).deliverDue().touched == 0)
        #expect(try await firm.refusal { _ = try await firm.pitch(candidate, [firm.job], by: firm.colleague) } == ["already_pitched"])
        // Once it lapses the entry goes again, with the same Message-ID, and its own reservation does not block it.
        firm.clock.advance(by: 301)
        #expect(try await firm.delivery(transport).deliverDue().sent == 1)
        #expect(transport.delivered == [entry.messageID])
        #expect(try await firm.store.outboxEntry(entry.id).attempts == 2)
    }

    @Test("two workers draining one outbox send every message exactly once")
    func concurrentWorkers() async throws {
        let firm = try await OutreachFixture()
        var expected: [String] = []
        for index in 0..<12 {
            let candidate = try await firm.candidate("Person \(index)")
            let (outreach, _) = try await firm.service.send(OutreachRequest(candidateID: candidate.id, kind: .discovery), by: firm.recruiter)
            expected.append(try #require(outreach.messageID))
        }
        let first = ScriptedTransport()
        let second = ScriptedTransport()
        async let one = firm.delivery(first).deliverDue()
        async let two = firm.delivery(second).deliverDue()
        let (a, b) = try await (one, two)
        #expect(a.sent + b.sent == 12)
        #expect((first.delivered + second.delivered).sorted() == expected.sorted())
    }

    @Test("a temporary failure is retried with backoff; after the last attempt the message is given up")
    func retries() async throws {
        let settings = OutreachSettings(mailDomain: "rapport.test", maximumAttempts: 3)
        let firm = try await OutreachFixture(settings: settings)
        let candidate = try await firm.candidate()
        let (outreach, _) = try await firm.pitch(candidate, [firm.job])
        let transport = ScriptedTransport([.transient("421 busy"), .transient("421 busy"), .transient("421 busy")])
        let delivery = try firm.delivery(transport)
        #expect(try await delivery.deliverDue().retrying == 1)
        #expect(try await firm.service.outreach(outreach.id).status == .queued)
        // Not before the backoff: one minute, then two.
        firm.clock.advance(by: 59)
        #expect(try await delivery.deliverDue().touched == 0)
        firm.clock.advance(by: 1)
        #expect(try await delivery.deliverDue().retrying == 1)
        firm.clock.advance(by: 120)
        #expect(try await delivery.deliverDue().failed == 1)
        let failed = try await firm.service.outreach(outreach.id)
        #expect(failed.status == .failed)
        #expect(failed.lastError?.contains("gave up after 3 attempts") == true)
        // A failed pitch never reached the candidate, so it does not count against them.
        #expect(try await firm.store.pitchHistory(candidate: candidate.id, includingQueued: true).isEmpty)
    }

    @Test("a permanent refusal of the address marks it undeliverable, and nobody writes to it again until it is fixed")
    func bounce() async throws {
        let firm = try await OutreachFixture()
        let candidate = try await firm.candidate()
        _ = try await firm.pitch(candidate, [firm.job])
        let report = try await firm.delivery(ScriptedTransport([.permanent("550 5.1.1 no such user", addressRejected: true)])).deliverDue()
        #expect(report.failed == 1)
        #expect(try await firm.store.addressStatus(candidate.profile.email)?.suppression == .undeliverable)
        #expect(try await firm.refusal { _ = try await firm.pitch(candidate, [firm.secondJob]) } == ["undeliverable"])
        // An unsubscribe later outranks the bounce; a bounce never overwrites an unsubscribe.
        try await firm.store.suppress(email: candidate.profile.email, .unsubscribed, reason: "test", at: firm.clock.now)
        try await firm.store.suppress(email: candidate.profile.email, .undeliverable, reason: "test", at: firm.clock.now)
        #expect(try await firm.store.addressStatus(candidate.profile.email)?.suppression == .unsubscribed)
    }

    @Test("a cancelled message never goes; one already sent cannot be cancelled")
    func cancel() async throws {
        let firm = try await OutreachFixture()
        let candidate = try await firm.candidate()
        let (first, _) = try await firm.pitch(candidate, [firm.job])
        #expect(try await firm.service.cancel(first.id).status == .cancelled)
        let (second, _) = try await firm.pitch(candidate, [firm.secondJob])
        #expect(try await firm.delivery(ScriptedTransport()).deliverDue().sent == 1)
        await #expect(throws: RapportError.self) { _ = try await firm.service.cancel(second.id) }
        // The cancelled pitch did not use up the job: it may be pitched again.
        _ = try await firm.pitch(candidate, [firm.job])
    }

    @Test("as a service it delivers on its own and stops on graceful shutdown", .timeLimit(.minutes(3)))
    func lifecycle() async throws {
        let firm = try await OutreachFixture()
        let candidate = try await firm.candidate()
        _ = try await firm.pitch(candidate, [firm.job])
        let transport = ScriptedTransport()
        let delivery = DeliveryService(outreach: firm.service, transport: transport, interval: .milliseconds(20))
        let group = ServiceGroup(configuration: .init(services: [delivery], logger: Logger(label: "test")))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            for _ in 0..<250 where transport.delivered.isEmpty {
                try await Task.sleep(for: .milliseconds(20))
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        #expect(transport.delivered == ["m1@rapport.test"])
    }

    @Test("backoff doubles from one minute up to six hours")
    func backoff() {
        #expect(DeliveryService.backoff(afterAttempt: 1) == 60)
        #expect(DeliveryService.backoff(afterAttempt: 2) == 120)
        #expect(DeliveryService.backoff(afterAttempt: 5) == 960)
        #expect(DeliveryService.backoff(afterAttempt: 30) == 6 * 3600)
    }
}

@Suite("Staff with a history")
struct StaffHistoryTests {
    @Test("a recruiter who has written to candidates is deactivated, not deleted")
    func keepsHistory() async throws {
        let firm = try await OutreachFixture()
        let candidate = try await firm.candidate()
        _ = try await firm.pitch(candidate, [firm.job], by: firm.colleague)
        await #expect(throws: RapportError.inUse(entity: "user", message: "has sent messages, owns follow-ups or moved submissions; set active to false instead")) {
            try await firm.store.deleteUser(firm.colleague.id)
        }
        #expect(try await firm.store.user(firm.colleague.id).details.active)
    }
}
