import Foundation
import RapportCore
import RapportMatch
import RapportOutreach
import RapportSQLite
import Testing

@Suite("Submissions, placements, redeployment and planned surveys")
struct PipelineTests {
    static let terms = PlacementTerms(
        start: LocalDate("2026-12-07")!, end: LocalDate("2027-06-04")!, billRate: Money(major: 750, .gbp, per: .day),
        payRate: Money(major: 600, .gbp, per: .day))

    /// Moves `submission` through `stages` one at a time, as `user`, and returns the last result.
    @discardableResult
    static func walk(
        _ firm: OutreachFixture, _ submission: Submission, _ stages: [SubmissionStage], by user: User? = nil, placement: PlacementTerms? = nil
    ) async throws -> SubmissionMoveResult {
        var current = submission
        var last: SubmissionMoveResult?
        for stage in stages {
            let result = try await firm.service.move(current.id, SubmissionMoveRequest(
                to: stage, version: current.version, reason: stage == .candidateDeclined ? .pay : nil,
                placement: stage == .placed ? placement ?? terms : nil), by: user ?? firm.recruiter)
            current = result.submission
            last = result
        }
        return try #require(last)
    }

    @Test("a placement is recorded with its rates, check-ins a week and a month in, redeployment six weeks before the end, and surveys")
    func placement() async throws {
        let firm = try await OutreachFixture()
        let candidate = try await firm.candidate()
        let submission = try await firm.service.shortlist(candidate: candidate.id, job: firm.job.id, note: "Strong Kubernetes", by: firm.recruiter)
        #expect(submission.stage == .shortlisted && submission.version == 1)
        let result = try await Self.walk(firm, submission, [.presented, .candidateInterested, .submitted, .interview, .interview, .offer, .placed])
        #expect(result.submission.stage == .placed && result.submission.version == 8 && result.submission.history.count == 8)
        #expect(result.submission.history.map(\.to).last == .placed && result.submission.history.allSatisfy { $0.by == firm.recruiter.id })
        let placement = try #require(result.placement)
        #expect(placement.terms == Self.terms && placement.recruiterID == firm.recruiter.id && placement.jobID == firm.job.id)
        #expect(result.obligation == nil)

        let tasks = try await firm.store.relationshipTasks(owner: firm.recruiter.id, dueBy: nil, openOnly: true, limit: 10)
        #expect(tasks.map(\.kind) == [.checkInFirstWeek, .checkInFirstMonth, .redeployment])
        #expect(tasks.map(\.due) == [LocalDate("2026-12-14")!, LocalDate("2027-01-06")!, LocalDate("2027-04-23")!])
        let planned = try await firm.store.scheduledSurveys(candidate: candidate.id)
        #expect(planned.map(\.trigger) == [.placementStart, .assignmentEnd])
        #expect(planned.map(\.dueAt) == [Date.iso("2026-12-14T12:00:00Z"), Date.iso("2027-06-04T12:00:00Z")])
        #expect(try await firm.store.touchSchedule(candidate.id)?.cadenceDays == 21)
        // Nothing is due yet: the tasks list of today is empty, and asking 30 days ahead shows the first week's check-in.
        #expect(try await firm.store.relationshipTasks(owner: firm.recruiter.id, dueBy: LocalDate(firm.clock.now, in: .gmt), openOnly: true,
                                                       limit: 10).isEmpty)
        // The timeline tells the story.
        let timeline = try await firm.service.timeline(for: candidate.id)
        #expect(timeline.filter { $0.kind == .pipeline }.count == 8)
        #expect(timeline.contains { $0.kind == .placementStarted && $0.summary.contains("Platform Engineer until 2027-06-04") })
    }

    @Test("the redeployment setting moves the task; a short assignment opens it at the start and skips check-ins after the end")
    func redeploymentTiming() async throws {
        let firm = try await OutreachFixture(settings: OutreachSettings(mailDomain: "rapport.test", redeploymentWeeks: 4))
        let candidate = try await firm.candidate()
        let submission = try await firm.service.shortlist(candidate: candidate.id, job: firm.job.id, note: "", by: firm.recruiter)
        let short = PlacementTerms(start: LocalDate("2026-12-07")!, end: LocalDate("2026-12-31")!, billRate: nil,
                                   payRate: Money(major: 600, .gbp, per: .day))
        let result = try await Self.walk(firm, submission, [.presented, .candidateInterested, .submitted, .interview, .offer, .placed],
                                         placement: short)
        let tasks = try await firm.store.relationshipTasks(owner: nil, dueBy: nil, openOnly: false, limit: 10)
        #expect(tasks.map(\.kind) == [.redeployment, .checkInFirstWeek])
        #expect(tasks.map(\.due) == [LocalDate("2026-12-07")!, LocalDate("2026-12-14")!])
        #expect(PlacementSchedule(redeploymentWeeks: 4).tasks(for: Self.terms).last?.due == LocalDate("2027-05-07")!)
        #expect(result.placement?.terms.billRate == nil)
    }

    @Test("ending early cancels later check-ins, brings redeployment and the end survey forward, and is refused twice")
    func endEarly() async throws {
        let firm = try await OutreachFixture()
        let candidate = try await firm.candidate()
        let submission = try await firm.service.shortlist(candidate: candidate.id, job: firm.job.id, note: "", by: firm.recruiter)
        let placement = try #require(try await Self.walk(firm, submission, [.presented, .candidateInterested, .submitted, .interview, .offer,
                                                                            .placed]).placement)
        let ended = try await firm.service.endEarly(placement.id, on: LocalDate("2026-12-20")!, note: "Client cut the budget", by: firm.recruiter)
        #expect(ended.endedEarlyOn == LocalDate("2026-12-20")! && ended.lastDay == LocalDate("2026-12-20")!)
        let tasks = try await firm.store.relationshipTasks(owner: nil, dueBy: nil, openOnly: false, limit: 10)
        #expect(tasks.first { $0.kind == .checkInFirstWeek }?.status == .open)
        #expect(tasks.first { $0.kind == .checkInFirstMonth }?.status == .cancelled)
        #expect(tasks.first { $0.kind == .checkInFirstMonth }?.note == "Client cut the budget")
        #expect(tasks.first { $0.kind == .redeployment }?.due == LocalDate("2026-12-20")!)
        let planned = try await firm.store.scheduledSurveys(candidate: candidate.id)
        #expect(planned.first { $0.trigger == .assignmentEnd }?.dueAt == Date.iso("2026-12-20T12:00:00Z"))
        await #expect(throws: RapportError.inUse(entity: "placement", message: "already ended early on 2026-12-20")) {
            _ = try await firm.service.endEarly(placement.id, on: LocalDate("2026-12-21")!, note: "", by: firm.recruiter)
        }
    }

    @Test("moves are validated: the transition table, a stale version, placement terms, a duplicate shortlist and a closed job")
    func validation() async throws {
        let firm = try await OutreachFixture()
        let candidate = try await firm.candidate()
        let submission = try await firm.service.shortlist(candidate: candidate.id, job: firm.job.id, note: "", by: firm.recruiter)
        await #expect(throws: RapportError.invalid(field: "to", "cannot move from shortlisted to submitted; allowed: presented, withdrawn")) {
            _ = try await firm.service.move(submission.id, SubmissionMoveRequest(to: .submitted, version: 1), by: firm.recruiter)
        }
        await #expect(throws: RapportError.staleVersion(entity: "submission", id: "\(submission.id)", expected: 3, actual: 1)) {
            _ = try await firm.service.move(submission.id, SubmissionMoveRequest(to: .presented, version: 3), by: firm.recruiter)
        }
        await #expect(throws: RapportError.duplicate(field: "jobID",
                                                     message: "candidate \(candidate.id) is already in submission \(submission.id) for job \(firm.job.id)")) {
            _ = try await firm.service.shortlist(candidate: candidate.id, job: firm.job.id, note: "", by: firm.colleague)
        }
        let offered = try await Self.walk(firm, submission, [.presented, .candidateInterested, .submitted, .interview, .offer]).submission
        await #expect(throws: RapportError.invalid(field: "placement", "is required for a move to placed: start, end, billRate and payRate")) {
            _ = try await firm.service.move(offered.id, SubmissionMoveRequest(to: .placed, version: offered.version), by: firm.recruiter)
        }
        let loss = PlacementTerms(start: LocalDate("2026-12-07")!, end: LocalDate("2026-12-01")!, billRate: Money(major: 500, .usd, per: .day),
                                  payRate: Money(major: 600, .gbp, per: .day))
        do {
            _ = try await firm.service.move(offered.id, SubmissionMoveRequest(to: .placed, version: offered.version, placement: loss), by: firm.recruiter)
            Issue.record("bad terms were accepted")
        } catch RapportError.invalid(let issues) {
            #expect(issues.map(\.field) == ["placement.end", "placement.billRate.currency"])
        }
        #expect(try await firm.store.submission(offered.id).stage == .offer)
        // A job that is no longer open takes no shortlist.
        var closed = firm.secondJob.details
        closed.status = .filled
        _ = try await firm.records.updateJob(firm.secondJob.id, expectedVersion: firm.secondJob.version, closed)
        await #expect(throws: RapportError.invalid(field: "jobID", "job \(firm.secondJob.id) is filled; only an open job takes a shortlist")) {
            _ = try await firm.service.shortlist(candidate: candidate.id, job: firm.secondJob.id, note: "", by: firm.recruiter)
        }
    }

    @Test("one open submission per person and job; an ended one is reopened only with a written reason, which is kept")
    func reopening() async throws {
        let firm = try await OutreachFixture()
        let candidate = try await firm.candidate()
        let first = try await firm.service.shortlist(candidate: candidate.id, job: firm.job.id, note: "", by: firm.recruiter)
        await #expect(throws: RapportError.invalid(field: "reopenReason", "is only for a pair whose earlier submission has ended; this one has none")) {
            _ = try await firm.service.shortlist(candidate: candidate.id, job: firm.secondJob.id, note: "", reopening: "Because I said so, twice over", by: firm.recruiter)
        }
        try await Self.walk(firm, first, [.presented, .candidateDeclined])
        // MUT: a plain shortlist of the ended pair, then one with too short a reason
        for reason in [nil, "try again"] as [String?] {
            do {
                _ = try await firm.service.shortlist(candidate: candidate.id, job: firm.job.id, note: "", reopening: reason, by: firm.colleague)
                Issue.record("an ended pair was shortlisted again without a reason")
            } catch RapportError.invalid(let issues) {
                // validate
                #expect(issues.map(\.field) == ["reopenReason"])
                #expect(issues.first?.message.contains("submission \(first.id) for this job ended declined by the candidate on 2026-11-24") == true,
                        "\(issues)")
            }
        }
        #expect(try await firm.store.submissions(candidate: candidate.id).count == 1)
        let reopened = try await firm.service.shortlist(
            candidate: candidate.id, job: firm.job.id, note: "", reopening: "The client raised the day rate to 750.", by: firm.colleague)
        #expect(reopened.id != first.id && reopened.stage == .shortlisted)
        #expect(reopened.history.first?.note == "Reopened after submission \(first.id) ended declined by the candidate: The client raised the day rate to 750.")
        await #expect(throws: RapportError.duplicate(field: "jobID", message: "candidate \(candidate.id) is already in submission \(reopened.id) for job \(firm.job.id)")) {
            _ = try await firm.service.shortlist(candidate: candidate.id, job: firm.job.id, note: "", reopening: "The client raised the day rate to 800.", by: firm.lead)
        }
    }

    @Test("a client rejection after presentation opens an obligation to tell the candidate, answered by the next human contact")
    func noBlackHoles() async throws {
        let firm = try await OutreachFixture()
        let candidate = try await firm.candidate()
        let submission = try await firm.service.shortlist(candidate: candidate.id, job: firm.job.id, note: "", by: firm.colleague)
        // Cara presents it; Rob records the client's no: Cara owes the news.
        let submitted = try await Self.walk(firm, submission, [.presented], by: firm.colleague).submission
        let moved = try await Self.walk(firm, submitted, [.candidateInterested, .submitted, .clientRejected])
        let obligation = try #require(moved.obligation)
        #expect(obligation.reason == .tellCandidate && obligation.submissionID == submission.id && obligation.replyID == nil)
        #expect(obligation.ownerID == firm.colleague.id)
        // Tuesday 11:00 in London plus one business day.
        #expect(obligation.dueAt == firm.clock.now.addingTimeInterval(86_400))
        #expect(try await firm.store.scheduledSurveys(candidate: candidate.id).map(\.trigger) == [.submissionOutcome])
        firm.clock.advance(by: 3_600)
        _ = try await firm.service.send(OutreachRequest(candidateID: candidate.id, kind: .checkIn, channel: .phone,
                                                        note: "Told her Harbour Bank went another way", occurredAt: firm.clock.now),
                                        by: firm.colleague)
        let answered = try await firm.store.obligation(obligation.id)
        #expect(answered.status == .fulfilled && answered.metSLA)

        // Withdrawn from the shortlist, before the candidate heard of it: nothing to tell, nothing to ask.
        let other = try await firm.candidate("Ana Lopez")
        let quiet = try await firm.service.shortlist(candidate: other.id, job: firm.job.id, note: "", by: firm.recruiter)
        let withdrawn = try await Self.walk(firm, quiet, [.withdrawn])
        #expect(withdrawn.obligation == nil)
        #expect(try await firm.store.scheduledSurveys(candidate: other.id).isEmpty)
        // A decline carries the candidate's reason and suggests a preference to review.
        let third = try await firm.candidate("Tama Ngata")
        let declined = try await Self.walk(firm, try await firm.service.shortlist(candidate: third.id, job: firm.job.id, note: "", by: firm.recruiter),
                                           [.presented, .candidateDeclined])
        #expect(declined.submission.history.last?.reason == .pay)
        #expect(declined.suggestedChange == .reviewPreference(.pay, suggestion: DeclineReason.pay.suggestion))
        #expect(declined.obligation == nil)
        #expect(PipelineCounts(try await firm.store.submissions(job: firm.job.id)).presented == 2)
    }

    @Test("planned surveys go when due through the contact policy; a recent survey or an opt-out skips one, saying why")
    func plannedSurveys() async throws {
        let firm = try await OutreachFixture()
        let candidate = try await firm.candidate()
        let optedOut = try await firm.candidate("Ana Lopez")
        try await firm.store.suppress(email: optedOut.profile.email, .unsubscribed, reason: "test", at: firm.clock.now)
        let due = firm.clock.now.addingTimeInterval(86_400)
        try await firm.store.scheduleSurveys([
            SurveyPlan(candidateID: candidate.id, recruiterID: firm.recruiter.id, trigger: .discovery, dueAt: due),
            SurveyPlan(candidateID: candidate.id, recruiterID: firm.recruiter.id, trigger: .submissionOutcome, dueAt: due.addingTimeInterval(60)),
            SurveyPlan(candidateID: optedOut.id, recruiterID: firm.recruiter.id, trigger: .discovery, dueAt: due),
        ], at: firm.clock.now)
        #expect(try await firm.service.sendDueSurveys() == 0)
        firm.clock.advance(by: 86_400 + 120)
        #expect(try await firm.service.sendDueSurveys() == 1)
        let planned = try await firm.store.scheduledSurveys(candidate: candidate.id)
        #expect(planned.map(\.status) == [.sent, .skipped])
        #expect(planned[1].note.hasPrefix("asked discovery survey on"))
        let sent = try await firm.store.surveys(candidate: candidate.id)
        #expect(sent.count == 1 && sent[0].outreachID == planned[0].outreachID && sent[0].trigger == .discovery)
        let refused = try await firm.store.scheduledSurveys(candidate: optedOut.id)
        #expect(refused.map(\.status) == [.skipped] && refused[0].note == "refused by the contact policy: opted_out")
        #expect(try await firm.service.sendDueSurveys() == 0)
    }

    @Test("a discovery conversation plans its survey for the next day")
    func discoverySurvey() async throws {
        let firm = try await OutreachFixture()
        let candidate = try await firm.candidate()
        _ = try await firm.service.recordDiscovery(DiscoveryRecord(
            candidateID: candidate.id, channel: .phone, occurredAt: firm.clock.now.addingTimeInterval(-1_800), notes: "Wants to lead a platform team"),
                                                   by: firm.recruiter)
        let planned = try await firm.store.scheduledSurveys(candidate: candidate.id)
        #expect(planned.map(\.trigger) == [.discovery] && planned[0].dueAt == firm.clock.now.addingTimeInterval(86_400))
    }

    @Test("a redeployment task lists the consultant's next openings, not the job they are in; tasks close once")
    func redeploymentOpenings() async throws {
        let firm = try await OutreachFixture()
        let candidate = try await firm.candidate()
        let submission = try await firm.service.shortlist(candidate: candidate.id, job: firm.job.id, note: "", by: firm.recruiter)
        _ = try await Self.walk(firm, submission, [.presented, .candidateInterested, .submitted, .interview, .offer, .placed])
        let tasks = try await firm.store.relationshipTasks(owner: firm.recruiter.id, dueBy: nil, openOnly: true, limit: 10)
        let redeployment = try #require(tasks.first { $0.kind == .redeployment })
        let view = try await firm.service.task(redeployment.id)
        #expect(!view.openings.isEmpty)
        #expect(!view.openings.contains { $0.jobID == firm.job.id })
        #expect(Set(view.openings.map(\.jobID)).isSubset(of: [firm.secondJob.id, firm.thirdJob.id]))
        let checkIn = try #require(tasks.first)
        #expect(try await firm.service.task(checkIn.id).openings.isEmpty)
        await #expect(throws: RapportError.invalid(field: "note", "is required when cancelling: say why the task is no longer needed")) {
            _ = try await firm.service.closeTask(checkIn.id, as: .cancelled, note: "", by: firm.recruiter)
        }
        let done = try await firm.service.closeTask(checkIn.id, as: .done, note: "Settling in well", by: firm.recruiter)
        #expect(done.status == .done && done.closedBy == firm.recruiter.id)
        await #expect(throws: RapportError.inUse(entity: "task", message: "is already done")) {
            _ = try await firm.service.closeTask(checkIn.id, as: .done, note: "", by: firm.recruiter)
        }
    }
}

@Suite("Firm settings an admin changes")
struct FirmSettingsTests {
    @Test("a changed threshold is in force at once for every copy of the service, is kept, and wins over start-up settings")
    func changeAndReload() async throws {
        let firm = try await OutreachFixture()
        let candidate = try await firm.candidate()
        let fit = try await firm.service.preview(OutreachRequest(candidateID: candidate.id, kind: .opportunity, jobIDs: [firm.job.id]),
                                                 by: firm.recruiter).jobs[0].fit.score
        #expect(fit >= 60 && fit < 100)
        let copy = firm.service.observed(by: firm.matching)
        await #expect(throws: RapportError.invalid(field: "threshold", "must be from 0 to 100")) {
            try await firm.service.change(FirmSettings(threshold: 101, slaBusinessDays: 1, redeploymentWeeks: 6))
        }
        try await firm.service.change(FirmSettings(threshold: fit + 1, slaBusinessDays: 2, redeploymentWeeks: 4))
        // In force at once, in a copy made before the change too.
        let codes = try await firm.refusal { _ = try await copy.send(OutreachRequest(candidateID: candidate.id, kind: .opportunity,
                                                                                       jobIDs: [firm.job.id]), by: firm.recruiter) }
        #expect(codes == ["below_threshold"])
        #expect(copy.settings.slaBusinessDays == 2 && copy.settings.redeploymentWeeks == 4)
        // A new service over the same database starts from the flags, then takes what was saved.
        let restarted = OutreachService(records: firm.records, matching: firm.matching, settings: OutreachSettings(threshold: 50))
        #expect(restarted.settings.threshold == 50)
        try await restarted.loadSavedSettings()
        #expect(restarted.settings.threshold == fit + 1 && restarted.settings.placementSchedule.redeploymentWeeks == 4)
    }
}

extension Date {
    static func iso(_ text: String) -> Date {
        (try? Date(text, strategy: .iso8601)) ?? .distantPast
    }
}
