import Foundation
import RapportCore
import RapportOutreach
import RapportSQLite
import Testing

@Suite("Surveys through the outreach pipeline")
struct SurveyTests {
    static func token(_ outreach: Outreach) throws -> String {
        String(try #require(outreach.content.text.firstMatch(of: /survey\/([a-z0-9]+)/)?.1))
    }

    @Test("a survey goes out as an automated message carrying its own link, under the contact policy")
    func sending() async throws {
        let firm = try await OutreachFixture()
        let candidate = try await firm.candidate()
        let (outreach, _) = try await firm.service.sendSurvey(to: candidate.id, trigger: .discovery, by: firm.recruiter)
        #expect(outreach.kind == .survey && outreach.isAutomated)
        let survey = try #require(try await firm.store.survey(token: try Self.token(outreach)))
        #expect(survey.outreachID == outreach.id && survey.trigger == .discovery && survey.practiceID == firm.practice.id)
        #expect(survey.expiresAt == survey.sentAt.addingTimeInterval(Survey.validity))
        // A person who opted out gets no survey either.
        let other = try await firm.candidate("Ana Lopez")
        try await firm.store.suppress(email: other.profile.email, .unsubscribed, reason: "test", at: firm.clock.now)
        #expect(try await firm.refusal { _ = try await firm.service.sendSurvey(to: other.id, trigger: .discovery, by: firm.recruiter) }
                == ["opted_out"])
        await #expect(throws: RapportError.invalid(field: "surveyTrigger",
                                                   "is required for a survey: discovery, submission_outcome, placement_start or assignment_end")) {
            _ = try await firm.service.send(OutreachRequest(candidateID: candidate.id, kind: .survey), by: firm.recruiter)
        }
    }

    @Test("one answer per link; a used link and an expired one say so and change nothing")
    func oneAnswer() async throws {
        let firm = try await OutreachFixture()
        let candidate = try await firm.candidate()
        let (first, _) = try await firm.service.sendSurvey(to: candidate.id, trigger: .placementStart, by: firm.recruiter)
        let (second, _) = try await firm.service.sendSurvey(to: candidate.id, trigger: .assignmentEnd, by: firm.recruiter)
        guard case .recorded(let answered) = try await firm.service.answerSurvey(token: try Self.token(first),
                                                                                  SurveyAnswer(nps: 9, understood: 5, comment: "Great")) else {
            Issue.record("not recorded")
            return
        }
        #expect(answered.answer == SurveyAnswer(nps: 9, understood: 5, comment: "Great"))
        guard case .refused(_, .answered) = try await firm.service.answerSurvey(token: try Self.token(first), SurveyAnswer(nps: 0)) else {
            Issue.record("a second answer was accepted")
            return
        }
        #expect(try await firm.store.survey(token: try Self.token(first))?.answer?.nps == 9)
        firm.clock.advance(by: Survey.validity)
        guard case .refused(_, .expired) = try await firm.service.answerSurvey(token: try Self.token(second), SurveyAnswer(nps: 8)) else {
            Issue.record("an expired link was answered")
            return
        }
        #expect(try await firm.service.answerSurvey(token: "nope", SurveyAnswer(nps: 8)) == .unknownToken)
        await #expect(throws: RapportError.self) { _ = try await firm.service.answerSurvey(token: try Self.token(second), SurveyAnswer(nps: 11)) }
        // No promoter or passive answer opens an obligation.
        #expect(try await firm.service.unanswered().isEmpty)
    }

    @Test("a detractor's answer opens a follow-up for the practice lead, carrying the comment")
    func detractor() async throws {
        let firm = try await OutreachFixture()
        let candidate = try await firm.candidate()
        let (outreach, _) = try await firm.service.sendSurvey(to: candidate.id, trigger: .submissionOutcome, by: firm.recruiter)
        _ = try await firm.service.answerSurvey(token: try Self.token(outreach),
                                                SurveyAnswer(nps: 3, understood: 2, comment: "Nobody told me I was rejected."))
        let obligation = try #require(try await firm.service.unanswered().first)
        #expect(obligation.ownerID == firm.lead.id)
        let reply = try await firm.store.reply(try #require(obligation.replyID))
        #expect(reply.text == "Nobody told me I was rejected.")
        #expect(reply.subject == "Survey (submission_outcome): 3/10")
        #expect(reply.outreachID == outreach.id)
    }
}

@Suite("The candidate's timeline")
struct TimelineTests {
    @Test("messages, replies, follow-ups and surveys in the order they happened")
    func order() async throws {
        let firm = try await OutreachFixture()
        let (candidate, outreach) = try await ReplyAndObligationTests.conversation(firm)
        firm.clock.advance(by: 3600)
        _ = try await firm.service.receive(raw: ReplyAndObligationTests.raw(from: candidate.profile.email, inReplyTo: outreach.messageID,
                                                                             body: "Is it remote?"))
        firm.clock.advance(by: 3600)
        let answer = OutreachRequest(candidateID: candidate.id, kind: .checkIn, channel: .phone, note: "Yes, two days a week in the office.",
                                     occurredAt: firm.clock.now)
        _ = try await firm.service.send(answer, by: firm.recruiter)
        firm.clock.advance(by: 60)
        let (survey, _) = try await firm.service.sendSurvey(to: candidate.id, trigger: .discovery, by: firm.recruiter)
        _ = try await firm.service.answerSurvey(token: try SurveyTests.token(survey), SurveyAnswer(nps: 10))
        // MUT
        let timeline = try await firm.service.timeline(for: candidate.id)
        // validate
        #expect(timeline.map(\.kind) == [.message, .reply, .contact, .followUpAnswered, .message, .surveySent, .surveyAnswered, .followUpDue])
        #expect(timeline[0].summary == "Opportunity e-mail (sent): Platform Engineer: why I thought of you")
        #expect(timeline[1].summary == "Reply by email, read as question: Is it remote?")
        #expect(timeline[6].summary == "Survey answered: 10/10 (promoter)")
        await #expect(throws: RapportError.notFound(entity: "candidate", id: "999")) { _ = try await firm.service.timeline(for: CandidateID(999)) }
    }
}
