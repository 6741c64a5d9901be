import Foundation
import RapportCore
import RapportOutreach
import RapportSQLite
import Testing

@Suite("Replies, follow-up obligations and escalation")
struct ReplyAndObligationTests {
    /// A raw reply as an MTA would pipe it.
    static func raw(from: String, to: String = "Rob <rob@rapport.test>", inReplyTo: String? = nil, references: String? = nil,
                    id: String = "reply-1@mail.example", body: String, headers: String = "") -> Data {
        var lines = ["From: Mere Tane <\(from)>", "To: \(to)", "Subject: Re: Platform Engineer", "Date: Tue, 24 Nov 2026 12:00:00 +0000",
                     "Message-ID: <\(id)>"]
        if let inReplyTo { lines.append("In-Reply-To: <\(inReplyTo)>") }
        if let references { lines.append("References: \(references)") }
        if !headers.isEmpty { lines.append(headers) }
        lines += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "", body]
        return Data(lines.joined(separator: "\r\n").utf8)
    }

    /// A candidate with one delivered opportunity from the fixture's recruiter.
    static func conversation(_ firm: OutreachFixture) async throws -> (Candidate, Outreach) {
        let candidate = try await firm.candidate()
        let (outreach, _) = try await firm.pitch(candidate, [firm.job])
        _ = try await firm.delivery(ScriptedTransport()).deliverDue()
        return (candidate, try await firm.service.outreach(outreach.id))
    }

    @Test("a reply threads by In-Reply-To, is classified, and opens an obligation due in one business day")
    func threadsAndOpens() async throws {
        let firm = try await OutreachFixture()
        let (candidate, outreach) = try await Self.conversation(firm)
        firm.clock.advance(by: 3600)
        // MUT
        let result = try await firm.service.receive(raw: Self.raw(from: candidate.profile.email, inReplyTo: outreach.messageID,
                                                                  body: "Yes, I'm interested. Could we talk on Thursday?\r\n\r\nOn Tue, Rob wrote:\r\n> I have a role"))
        // validate
        guard case .stored(let reply, let obligation?) = result else { Issue.record("not stored with an obligation: \(result)"); return }
        #expect(reply.outreachID == outreach.id)
        #expect(reply.classification.intent == .interested)
        #expect(!reply.text.contains("I have a role"))
        #expect(obligation.ownerID == firm.recruiter.id)
        // Received Tuesday 12:00 UTC (12:00 in London): due Wednesday 12:00.
        #expect(obligation.dueAt == Date(timeIntervalSince1970: 1_795_521_600 + 86_400))
        // The same message delivered again changes nothing.
        guard case .duplicate = try await firm.service.receive(raw: Self.raw(from: candidate.profile.email, inReplyTo: outreach.messageID,
                                                                             body: "Yes, I'm interested.")) else {
            Issue.record("a repeated Message-ID was stored twice")
            return
        }
        #expect(try await firm.service.unanswered().count == 1)
    }

    @Test("threading falls back to References, then the reply token in the address, then the sender")
    func threadingFallbacks() async throws {
        let firm = try await OutreachFixture()
        let (candidate, outreach) = try await Self.conversation(firm)
        let references = try await firm.service.receive(raw: Self.raw(
            from: "someone.else@example.com", references: "<old@elsewhere> <\(outreach.messageID!)>", id: "r1@x", body: "Is it remote?"))
        guard case .stored(let first, _) = references else { Issue.record("References did not thread"); return }
        #expect(first.outreachID == outreach.id && first.candidateID == candidate.id)
        let entry = try #require(try await firm.store.outboxEntry(outreach: outreach.id))
        let byToken = try await firm.service.receive(raw: Self.raw(
            from: "forwarded@example.com", to: try #require(entry.envelope.replyTo), id: "r2@x", body: "What is the day rate?"))
        guard case .stored(let second, _) = byToken else { Issue.record("the reply token did not thread"); return }
        #expect(second.outreachID == outreach.id)
        let bySender = try await firm.service.receive(raw: Self.raw(from: candidate.profile.email.uppercased(), id: "r3@x", body: "Any news?"))
        guard case .stored(let third, _) = bySender else { Issue.record("the sender did not thread"); return }
        #expect(third.candidateID == candidate.id && third.outreachID == outreach.id)
        guard case .ignored = try await firm.service.receive(raw: Self.raw(from: "stranger@example.com", id: "r4@x", body: "Hello")) else {
            Issue.record("a stranger's message was stored")
            return
        }
        await #expect(throws: RapportError.invalid(field: "message", "The message has no usable From address.")) {
            _ = try await firm.service.receive(raw: Data("Subject: hi\r\n\r\nbody".utf8))
        }
    }

    @Test("an unsubscribe reply suppresses at once and opens no obligation")
    func unsubscribeReply() async throws {
        let firm = try await OutreachFixture()
        let (candidate, outreach) = try await Self.conversation(firm)
        let result = try await firm.service.receive(raw: Self.raw(from: candidate.profile.email, inReplyTo: outreach.messageID,
                                                                  body: "Please remove me from your list."))
        guard case .stored(let reply, let obligation) = result else { Issue.record("not stored"); return }
        #expect(reply.classification.intent == .unsubscribe)
        #expect(obligation == nil)
        #expect(try await firm.store.addressStatus(candidate.profile.email)?.suppression == .unsubscribed)
        #expect(try await firm.refusal {
            _ = try await firm.service.send(OutreachRequest(candidateID: candidate.id, kind: .checkIn), by: firm.recruiter)
        } == ["opted_out"])
    }

    @Test("mail to the unsubscribe address of the List-Unsubscribe header suppresses the sender")
    func mailtoUnsubscribe() async throws {
        let firm = try await OutreachFixture()
        let (candidate, outreach) = try await Self.conversation(firm)
        let entry = try #require(try await firm.store.outboxEntry(outreach: outreach.id))
        let header = try #require(entry.envelope.headers.first { $0.name == "List-Unsubscribe" }?.value)
        let address = try #require(header.firstMatch(of: /mailto:([^?>]+)/)?.1)
        guard case .unsubscribed = try await firm.service.receive(raw: Self.raw(from: candidate.profile.email, to: String(address),
                                                                                 body: "unsubscribe")) else {
            Issue.record("not unsubscribed")
            return
        }
        #expect(try await firm.store.addressStatus(candidate.profile.email)?.suppression == .unsubscribed)
    }

    @Test("'not now, try me in March' sets availability at once; a reason waits for the recruiter")
    func declines() async throws {
        let firm = try await OutreachFixture()
        let (candidate, outreach) = try await Self.conversation(firm)
        _ = try await firm.service.receive(raw: Self.raw(from: candidate.profile.email, inReplyTo: outreach.messageID, id: "a@x",
                                                         body: "Not right now, maybe get back to me in March."))
        let availability = try await firm.store.candidate(candidate.id).profile.availability
        #expect(availability.status == .notLooking)
        #expect(availability.until == LocalDate("2027-03-01"))
        let notNow = try #require(try await firm.store.replies(candidate: candidate.id).first)
        #expect(try await firm.service.suggestedAnswer(to: notNow)?.text.contains("I'll get back in touch in March 2027, not before.") == true)
        let result = try await firm.service.receive(raw: Self.raw(from: candidate.profile.email, inReplyTo: outreach.messageID, id: "b@x",
                                                                  body: "Thanks, but the pay is too low for me."))
        guard case .stored(let reply, _) = result else { Issue.record("not stored"); return }
        #expect(reply.classification.intent == .notInterested(.pay))
        let index = try #require(reply.classification.suggestedChanges.firstIndex { if case .reviewPreference = $0 { true } else { false } })
        #expect(!reply.settledChanges.contains(index))
        // The pre-filled close-the-loop answer.
        let answer = try #require(try await firm.service.suggestedAnswer(to: reply))
        #expect(answer.subject == "Re: Re: Platform Engineer" || answer.subject == "Re: Platform Engineer")
        #expect(answer.text.contains("Let's stay in touch"))
        // Applying needs the new minimum; with it, the profile changes.
        await #expect(throws: RapportError.invalid(field: "minimumPay", "give the new minimum pay to apply this change")) {
            _ = try await firm.service.settle(reply.id, suggestion: index, apply: true, values: PreferenceChange(), by: firm.recruiter)
        }
        let settled = try await firm.service.settle(reply.id, suggestion: index, apply: true,
                                                    values: PreferenceChange(minimumPay: Money(major: 750, .gbp, per: .day)), by: firm.recruiter)
        #expect(settled.settledChanges.contains(index))
        #expect(try await firm.store.candidate(candidate.id).profile.goals.minimumPay == Money(major: 750, .gbp, per: .day))
    }

    @Test("a referral becomes a new candidate linked to the referrer, and an address already known is not duplicated")
    func referral() async throws {
        let firm = try await OutreachFixture()
        let (candidate, outreach) = try await Self.conversation(firm)
        let known = try await firm.candidate("Sam Lee", email: "sam.lee@example.org")
        for (id, email) in [("x1@x", "jo.bloggs@example.org"), ("x2@x", "SAM.LEE@example.org")] {
            let result = try await firm.service.receive(raw: Self.raw(from: candidate.profile.email, inReplyTo: outreach.messageID, id: id,
                                                                      body: "Not for me, but my friend \(email) might be interested."))
            guard case .stored(let reply, _) = result else { Issue.record("not stored"); return }
            let index = try #require(reply.classification.suggestedChanges.firstIndex { if case .addReferral = $0 { true } else { false } })
            let settled = try await firm.service.settle(reply.id, suggestion: index, apply: true, values: PreferenceChange(), by: firm.recruiter)
            let referred = try await firm.store.candidate(try #require(settled.referralID))
            if email.hasPrefix("SAM") {
                #expect(referred.id == known.id)
            } else {
                #expect(referred.profile.source == CandidateSource(kind: .referral, referrerID: candidate.id))
                #expect(referred.profile.ownerID == firm.recruiter.id)
                #expect(referred.profile.consents.isEmpty)
            }
        }
    }

    @Test("only a human answer after the reply fulfils the obligation: a message, or a logged call")
    func fulfilment() async throws {
        let firm = try await OutreachFixture()
        let (candidate, outreach) = try await Self.conversation(firm)
        firm.clock.advance(by: 600)
        _ = try await firm.service.receive(raw: Self.raw(from: candidate.profile.email, inReplyTo: outreach.messageID, body: "Is it remote?"))
        var open = try await firm.service.obligations(of: firm.recruiter.id)
        #expect(open.count == 1)
        // An automated survey answers nothing.
        let survey = OutreachDraft(candidateID: candidate.id, recruiterID: firm.recruiter.id, kind: .survey, channel: .email,
                                   content: MessageContent(subject: "How are we doing?", text: "…"), sendAfter: firm.clock.now,
                                   isAutomated: true, messageID: "survey@rapport.test")
        let automated = try await firm.store.createOutreach(survey, envelope: nil, at: firm.clock.now)
        #expect(try await firm.service.obligations(of: firm.recruiter.id).count == 1)
        let obligationID = open[0].id
        await #expect(throws: RapportError.self) { _ = try await firm.service.fulfil(obligationID, by: automated.id, actor: firm.recruiter) }
        // The message sent before the reply does not answer it either.
        await #expect(throws: RapportError.invalid(field: "outreachID", "must come after the reply it answers")) {
            _ = try await firm.service.fulfil(obligationID, by: outreach.id, actor: firm.recruiter)
        }
        // A colleague's logged call does.
        firm.clock.advance(by: 3600)
        let call = OutreachRequest(candidateID: candidate.id, kind: .checkIn, channel: .phone, note: "Explained the hybrid pattern.",
                                   occurredAt: firm.clock.now.addingTimeInterval(-300))
        let (logged, _) = try await firm.service.send(call, by: firm.colleague)
        open = try await firm.service.obligations(of: firm.recruiter.id)
        #expect(open.isEmpty)
        let done = try await firm.store.obligation(obligationID)
        #expect(done.status == .fulfilled && done.fulfilledBy == logged.id && done.metSLA)
        let events = try await firm.store.obligationEvents(obligationID).map(\.kind)
        #expect(events == [.opened, .fulfilled])
    }

    @Test("an overdue obligation escalates once to the practice lead, recorded and e-mailed")
    func escalation() async throws {
        let firm = try await OutreachFixture()
        let (candidate, outreach) = try await Self.conversation(firm)
        _ = try await firm.service.receive(raw: Self.raw(from: candidate.profile.email, inReplyTo: outreach.messageID, body: "Interested!"))
        #expect(try await firm.service.escalateOverdue() == 0)
        firm.clock.advance(by: 86_400 + 3600)
        // MUT
        #expect(try await firm.service.escalateOverdue() == 1)
        #expect(try await firm.service.escalateOverdue() == 0)
        // validate
        let obligation = try #require(try await firm.service.unanswered().first)
        #expect(obligation.escalatedTo == firm.lead.id)
        #expect(try await firm.store.obligationEvents(obligation.id).map(\.kind) == [.opened, .escalated])
        // The notice links to the page a lead opens in a browser, not to the API.
        let notices = try await firm.store.dueOutbox(now: firm.clock.now, limit: 10)
        let notice = try await firm.store.outboxEntry(try #require(notices.first)).envelope.content.text
        #expect(notice.contains("/candidates/\(candidate.id)#waiting"))
        #expect(!notice.contains("/api/"))
        let transport = ScriptedTransport()
        _ = try await firm.delivery(transport).deliverDue()
        #expect(transport.delivered.count == 1)
        let files = try firm.deliveredFiles()
        #expect(files.isEmpty)
        // Reassigning keeps the deadline and records who did it.
        let reassigned = try await firm.service.reassign(obligation.id, to: firm.colleague.id, note: "Rob is away", actor: firm.lead)
        #expect(reassigned.ownerID == firm.colleague.id && reassigned.dueAt == obligation.dueAt)
        await #expect(throws: RapportError.invalid([.missing("userID", "no user has id 999")])) {
            _ = try await firm.service.reassign(obligation.id, to: UserID(999), note: "", actor: firm.lead)
        }
    }

    @Test("relevance feedback keeps the latest answer: the same one twice changes nothing, a different one replaces it")
    func feedback() async throws {
        let firm = try await OutreachFixture()
        let (_, outreach) = try await Self.conversation(firm)
        let token = String(try #require(outreach.content.text.firstMatch(of: /feedback\/([a-z0-9]+)\/relevant/)?.1))
        #expect(try await firm.service.feedback(token: token, relevant: false) == .recorded(outreach.id))
        #expect(try await firm.service.feedback(token: token, relevant: false) == .recorded(outreach.id))
        guard case .changed(let id, let earlier) = try await firm.service.feedback(token: token, relevant: true) else {
            Issue.record("a later answer did not replace the earlier one")
            return
        }
        #expect(id == outreach.id && !earlier.relevant)
        #expect(try await firm.service.outreach(outreach.id).feedback?.relevant == true)
        #expect(try await firm.service.feedback(token: "nope", relevant: true) == .unknownToken)
    }
}
