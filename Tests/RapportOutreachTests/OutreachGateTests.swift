import Foundation
import RapportCore
import RapportOutreach
import RapportSQLite
import Testing

@Suite("Outreach through the relevance gate and the firm-wide contact policy")
struct OutreachGateTests {
    @Test("a well-fitting opportunity is queued with its fit, tokens and a fixed Message-ID")
    func queued() async throws {
        let firm = try await OutreachFixture()
        let candidate = try await firm.candidate()
        // MUT
        let (outreach, verdict) = try await firm.pitch(candidate, [firm.job])
        // validate
        #expect(verdict.decision == .allowed(at: OutreachFixture.start))
        #expect(outreach.status == .queued)
        #expect(outreach.jobs.first?.fit ?? 0 >= 60)
        #expect(outreach.messageID == "m1@rapport.test")
        #expect(outreach.content.text.contains("Platform Engineer at Harbour Bank"))
        #expect(outreach.content.text.contains("/unsubscribe/"))
        #expect(outreach.content.text.contains(OutreachSettings().postalAddress))
        let entry = try #require(try await firm.store.outboxEntry(outreach: outreach.id))
        #expect(entry.envelope.headers.map(\.name) == ["List-Unsubscribe", "List-Unsubscribe-Post"])
        #expect(entry.envelope.replyTo?.hasPrefix("replies+") == true)
    }

    @Test("a job below the threshold is refused; a written reason of 20 characters lifts it and is recorded")
    func threshold() async throws {
        let firm = try await OutreachFixture()
        let candidate = try await firm.candidate()
        #expect(try await firm.refusal { _ = try await firm.pitch(candidate, [firm.javaJob]) } == ["below_threshold"])
        #expect(try await firm.refusal { _ = try await firm.pitch(candidate, [firm.javaJob], override: "they asked") }
                == ["below_threshold", "override_too_short"])
        let (outreach, verdict) = try await firm.pitch(candidate, [firm.javaJob], override: "Told me on Friday they want to move to Java.")
        #expect(verdict.overridden)
        #expect(outreach.overrideReason == "Told me on Friday they want to move to Java.")
    }

    @Test("the same job never goes twice, even while the first pitch is still in the outbox")
    func sameJobTwice() async throws {
        let firm = try await OutreachFixture()
        let candidate = try await firm.candidate()
        _ = try await firm.pitch(candidate, [firm.job])
        #expect(try await firm.refusal { _ = try await firm.pitch(candidate, [firm.job], by: firm.colleague) } == ["already_pitched"])
    }

    @Test("the candidate's limit counts pitches from every recruiter in the firm")
    func firmWideLimit() async throws {
        let firm = try await OutreachFixture()
        let candidate = try await firm.candidate(limit: 2)
        _ = try await firm.pitch(candidate, [firm.job], by: firm.recruiter)
        _ = try await firm.pitch(candidate, [firm.secondJob], by: firm.colleague)
        #expect(try await firm.refusal { _ = try await firm.pitch(candidate, [firm.thirdJob], by: firm.lead) } == ["pitch_limit_reached"])
        // Thirty days later the first two have left the window.
        firm.clock.advance(by: 30 * 86_400 + 1)
        _ = try await firm.pitch(candidate, [firm.thirdJob], by: firm.lead)
    }

    @Test("inside the candidate's quiet hours a message waits for 08:00 their time, across the date line")
    func quietHours() async throws {
        let firm = try await OutreachFixture()
        // 11:00 UTC is 00:00 in Auckland (NZDT, UTC+13).
        let candidate = try await firm.candidate("Aroha Ngata", region: .uk, zone: "Pacific/Auckland")
        let (outreach, verdict) = try await firm.pitch(candidate, [firm.job])
        let morning = OutreachFixture.start.addingTimeInterval(8 * 3600)
        #expect(verdict.sendAt == morning)
        #expect(outreach.sendAfter == morning)
        // Nothing goes before then; at 08:00 it does.
        let transport = ScriptedTransport()
        let delivery = try firm.delivery(transport)
        firm.clock.advance(by: 7 * 3600)
        #expect(try await delivery.deliverDue().sent == 0)
        firm.clock.set(morning)
        #expect(try await delivery.deliverDue().sent == 1)
        #expect(transport.delivered == [outreach.messageID])
    }

    @Test("Hong Kong: no job pitch without recorded direct-marketing consent, but a discovery conversation is fine")
    func hongKongConsent() async throws {
        let firm = try await OutreachFixture()
        let candidate = try await firm.candidate("Wing Chan", region: .hk, city: "Hong Kong", country: "HK", zone: "Asia/Hong_Kong",
                                                 marketingConsent: false)
        let codes = try await firm.refusal { _ = try await firm.pitch(candidate, [firm.job]) }
        #expect(codes.contains("consent_missing"))
        let (discovery, _) = try await firm.service.send(OutreachRequest(candidateID: candidate.id, kind: .discovery), by: firm.recruiter)
        #expect(discovery.status == .queued)
    }

    @Test("nobody is e-mailed who has not agreed to e-mail; a call they took can still be recorded")
    func channels() async throws {
        let firm = try await OutreachFixture()
        let candidate = try await firm.candidate()
        var profile = candidate.profile
        profile.contactPreferences.channels = [.phone, .linkedin]
        _ = try await firm.records.updateCandidate(candidate.id, expectedVersion: candidate.version, profile)
        #expect(try await firm.refusal { _ = try await firm.pitch(candidate, [firm.job]) } == ["channel_not_wanted"])
        let call = OutreachRequest(candidateID: candidate.id, kind: .opportunity, channel: .phone, jobIDs: [firm.job.id],
                                   note: "Rang them about the platform role.", occurredAt: OutreachFixture.start)
        #expect(try await firm.service.send(call, by: firm.recruiter).0.status == .logged)
    }

    @Test("a message queued before an opt-out is never sent")
    func optOutBeforeSending() async throws {
        let firm = try await OutreachFixture()
        let candidate = try await firm.candidate()
        let (queued, _) = try await firm.pitch(candidate, [firm.job])
        let (other, _) = try await firm.service.send(OutreachRequest(candidateID: candidate.id, kind: .checkIn), by: firm.colleague)
        let token = try #require(queued.content.text.firstMatch(of: /unsubscribe\/([a-z0-9]+)/)?.1)
        // MUT
        #expect(try await firm.service.unsubscribe(token: String(token)) == candidate.profile.email)
        let transport = ScriptedTransport()
        let report = try await firm.delivery(transport).deliverDue()
        // validate
        #expect(report.blocked == 2)
        #expect(transport.delivered.isEmpty)
        #expect(try await firm.service.outreach(queued.id).status == .blocked)
        #expect(try await firm.service.outreach(other.id).lastError?.contains("opted_out") == true)
        let profile = try await firm.store.candidate(candidate.id).profile
        #expect(profile.consents.contains { $0.purpose == .directMarketing && $0.withdrawnAt != nil })
        // Unsubscribing twice changes nothing more.
        #expect(try await firm.service.unsubscribe(token: String(token)) == candidate.profile.email)
        #expect(try await firm.store.candidate(candidate.id).version == 2)
    }

    @Test("a job that closes before the message goes out stops it at send time")
    func jobClosedBeforeSending() async throws {
        let firm = try await OutreachFixture()
        let candidate = try await firm.candidate()
        let (queued, _) = try await firm.pitch(candidate, [firm.job])
        var details = firm.job.details
        details.status = .closed
        _ = try await firm.records.updateJob(firm.job.id, expectedVersion: firm.job.version, details)
        let report = try await firm.delivery(ScriptedTransport()).deliverDue()
        #expect(report.blocked == 1)
        #expect(try await firm.service.outreach(queued.id).lastError?.contains("ineligible") == true)
    }

    @Test("a logged call is checked by the same gate, but quiet hours do not apply to what already happened")
    func loggedCall() async throws {
        let firm = try await OutreachFixture()
        let candidate = try await firm.candidate("Aroha Ngata", zone: "Pacific/Auckland")
        let call = OutreachRequest(candidateID: candidate.id, kind: .opportunity, channel: .phone, jobIDs: [firm.job.id],
                                   note: "Talked through the platform role.", occurredAt: OutreachFixture.start.addingTimeInterval(-600))
        let (logged, _) = try await firm.service.send(call, by: firm.recruiter)
        #expect(logged.status == .logged)
        #expect(try await firm.store.pitchHistory(candidate: candidate.id, includingQueued: false).count == 1)
        #expect(try await firm.refusal { _ = try await firm.pitch(candidate, [firm.job]) } == ["already_pitched"])
        let missing = OutreachRequest(candidateID: candidate.id, kind: .checkIn, channel: .phone, note: "hi")
        await #expect(throws: RapportError.invalid(field: "occurredAt", "is required for a logged phone contact")) {
            _ = try await firm.service.send(missing, by: firm.recruiter)
        }
    }

    @Test("a job the person is already further along for in the pipeline is refused at compose and again at send")
    func pipelineBlocksPitch() async throws {
        let firm = try await OutreachFixture()
        let candidate = try await firm.candidate()
        let submission = try await firm.service.shortlist(candidate: candidate.id, job: firm.job.id, note: "", by: firm.colleague)
        try await PipelineTests.walk(firm, submission, [.presented, .candidateInterested, .submitted, .interview], by: firm.colleague)
        // MUT
        do {
            _ = try await firm.pitch(candidate, [firm.job])
            Issue.record("a pitch of a job at interview was allowed")
        } catch let refused as OutreachRefused {
            // validate
            #expect(refused.verdict.codes == ["in_pipeline"])
            #expect(refused.verdict.explanation.first?.hasPrefix("Platform Engineer at Harbour Bank: already put to them: interview since") == true)
        }
        // A pitch queued before a colleague presented the same job by phone is stopped when the worker picks it up.
        let (queued, _) = try await firm.pitch(candidate, [firm.secondJob])
        let second = try await firm.service.shortlist(candidate: candidate.id, job: firm.secondJob.id, note: "", by: firm.colleague)
        try await PipelineTests.walk(firm, second, [.presented], by: firm.colleague)
        let report = try await firm.delivery(ScriptedTransport()).deliverDue()
        #expect(report.blocked == 1)
        #expect(try await firm.service.outreach(queued.id).lastError?.contains("in_pipeline") == true)
    }

    @Test("an admin's pitch goes out under the name of the recruiter who owns the relationship, from the firm's address, opening with the person's own goals")
    func sentForTheOwner() async throws {
        let firm = try await OutreachFixture()
        let admin = try await firm.store.createUser(UserDetails(email: "ada@rapport.test", name: "Ada Admin", role: .admin, region: .uk))
        let candidate = try await firm.candidate()
        // MUT
        let (outreach, _) = try await firm.pitch(candidate, [firm.job], by: admin)
        // validate
        #expect(outreach.recruiterID == firm.recruiter.id, "replies are threaded to the owner")
        let entry = try #require(try await firm.store.outboxEntry(outreach: outreach.id))
        #expect(entry.envelope.fromName == "Rob Recruiter at Rapport Talent")
        #expect(entry.envelope.fromEmail == "talent@rapport.test")
        #expect(entry.envelope.replyTo?.hasPrefix("replies+") == true)
        #expect(outreach.content.text.hasPrefix(
            "Hi Mere,\n\nYou told us you're looking for contract Platform Engineer work, so Platform Engineer at Harbour Bank made me think of you."))
        #expect(outreach.content.text.contains("Rob Recruiter\nRapport Talent | rob@rapport.test"))
        #expect(!outreach.content.text.contains("Ada"))
        // A recruiter of another relationship writes in their own name.
        let (colleagues, _) = try await firm.pitch(candidate, [firm.secondJob], by: firm.colleague)
        #expect(colleagues.recruiterID == firm.colleague.id)
        #expect(try await firm.store.outboxEntry(outreach: colleagues.id)?.envelope.fromName == "Cara Colleague at Rapport Talent")
    }
}
