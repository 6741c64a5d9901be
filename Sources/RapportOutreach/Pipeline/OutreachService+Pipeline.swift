import Foundation
import Logging
import RapportCore
import RapportMatch

/// A request to move a submission, as a recruiter makes it.
public struct SubmissionMoveRequest: Sendable {
    public var to: SubmissionStage
    /// The version the recruiter saw; a move made against an older one is refused, so two people cannot both move it.
    public var version: Int
    public var reason: DeclineReason?
    public var note: String
    /// When it happened, if earlier than now (a call recorded afterwards).
    public var at: Date?
    /// Required for a move to `placed`, refused otherwise.
    public var placement: PlacementTerms?

    public init(to: SubmissionStage, version: Int, reason: DeclineReason? = nil, note: String = "", at: Date? = nil, placement: PlacementTerms? = nil) {
        self.to = to
        self.version = version
        self.reason = reason
        self.note = note
        self.at = at
        self.placement = placement
    }
}

/// What a move did: the submission after it, the placement it made, and the preference the recruiter should review.
public struct SubmissionMoveResult: Sendable {
    public var submission: Submission
    public var placement: Placement?
    public var suggestedChange: SuggestedChange?
    /// The obligation opened to tell the candidate, when the move ended their submission after they heard of it.
    public var obligation: FollowUpObligation?
}

/// A redeployment task with the consultant's next openings, best fit first.
public struct RedeploymentView: Sendable {
    public var task: RelationshipTask
    public var placement: Placement
    public var openings: [JobMatch]
}

extension OutreachService {
    /// Puts a candidate on the shortlist for an open job: one open submission per person and job, and a pair whose
    /// submission has ended is reopened only on purpose, with a written reason (`reopening`, at least 20 characters) that
    /// the new submission's first event keeps.
    public func shortlist(
        candidate candidateID: CandidateID, job jobID: JobID, note: String, reopening: String? = nil, by user: User
    ) async throws -> Submission {
        var validator = Validator()
        validator.text("note", note, required: false, maxLength: Submission.maxNoteLength)
        let reason = reopening?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        validator.text("reopenReason", reason, required: false, maxLength: 1000)
        try validator.check()
        let job: Job
        do {
            job = try await store.job(jobID)
        } catch RapportError.notFound {
            throw RapportError.invalid([.missing("jobID", "no job has id \(jobID)")])
        }
        guard job.details.status == .open else {
            throw RapportError.invalid(field: "jobID", "job \(jobID) is \(job.details.status.rawValue); only an open job takes a shortlist")
        }
        do {
            _ = try await store.candidate(candidateID)
        } catch RapportError.notFound {
            throw RapportError.invalid(field: "candidateID", "no candidate has id \(candidateID)")
        }
        let earlier = try await store.submissions(candidate: candidateID).filter { $0.jobID == jobID }
        if let open = earlier.first(where: \.stage.isActive) {
            throw RapportError.duplicate(field: "jobID", message: "candidate \(candidateID) is already in submission \(open.id) for job \(jobID)")
        }
        var firstNote = note
        if let ended = earlier.standing(for: jobID) {
            let minimum = settings.policy.minimumOverrideReason
            guard reason.count >= minimum else {
                let day = LocalDate(ended.lastMovedAt, in: records.timeZone)
                throw RapportError.invalid(field: "reopenReason", """
                    is required to shortlist them again: submission \(ended.id) for this job ended \(ended.stage.phrase) on \(day); \
                    say why it is worth another try, in at least \(minimum) characters (got \(reason.count))
                    """)
            }
            firstNote = "Reopened after submission \(ended.id) ended \(ended.stage.phrase): \(reason)" + (note.isEmpty ? "" : "\n\(note)")
        } else if !reason.isEmpty {
            throw RapportError.invalid(field: "reopenReason", "is only for a pair whose earlier submission has ended; this one has none")
        }
        return try await store.createSubmission(candidate: candidateID, job: jobID, by: user.id, note: firstNote, at: now)
    }

    /// Moves a submission one step, validated by the pipeline's transition table, and saves what the move sets off in the
    /// same transaction: the obligation to tell the candidate of an ending, the placement with its check-in and
    /// redeployment tasks, and the surveys that ask the candidate how it went.
    public func move(_ id: SubmissionID, _ request: SubmissionMoveRequest, by user: User) async throws -> SubmissionMoveResult {
        let submission = try await store.submission(id)
        let at = request.at ?? now
        var validator = Validator()
        if request.at.map({ $0 > now.addingTimeInterval(300) }) ?? false { validator.fail("at", "must not be in the future") }
        if request.to == .placed, request.placement == nil {
            validator.fail("placement", "is required for a move to placed: start, end, billRate and payRate")
        } else if request.to != .placed, request.placement != nil {
            validator.fail("placement", "goes only with a move to placed")
        }
        if let terms = request.placement {
            for issue in Self.issues(terms) { validator.fail("placement.\(issue.field)", issue.message) }
        }
        try validator.check()
        guard request.version == submission.version else {
            throw RapportError.staleVersion(entity: "submission", id: id.description, expected: request.version, actual: submission.version)
        }
        let advance = try submission.advanced(SubmissionChange(to: request.to, by: user.id, at: at, reason: request.reason, note: request.note))

        // The recruiter who put the opening to the candidate owes them the news, and is who the survey asks about.
        let presenterID = submission.history.last { $0.to == .presented }?.by ?? user.id
        let presenter = (try? await store.user(presenterID)).flatMap { $0.details.active ? $0 : nil } ?? user
        var move = PipelineMove(advance: advance)
        if advance.opensObligationToTellCandidate {
            move.obligation = ObligationDraft(ownerID: presenter.id, dueAt: dueDate(at, for: presenter))
        }
        if request.to.isTerminal, request.to != .placed, advance.submission.reachedPresentation {
            move.surveys.append(SurveyPlan(candidateID: submission.candidateID, recruiterID: presenter.id, trigger: .submissionOutcome,
                                           dueAt: at.addingTimeInterval(86_400)))
        }
        if request.to == .candidateDeclined, let reason = request.reason.flatMap(FeedbackSignal.Reason.init) {
            let job = try await store.job(submission.jobID)
            move.feedback = FeedbackSignal(reason: reason, job: job.id, details: job.details, on: LocalDate(at, in: .gmt))
        }
        if let terms = request.placement {
            let schedule = settings.placementSchedule
            move.placement = terms
            move.tasks = schedule.tasks(for: terms)
            move.surveys += schedule.surveys(for: terms).map {
                SurveyPlan(candidateID: submission.candidateID, recruiterID: user.id, trigger: $0.trigger, dueAt: $0.due.middayUTC)
            }
        }
        let (saved, placement) = try await store.saveMove(move, at: now)
        if move.feedback != nil {
            // The match index scores with the profile it keeps: give it the one with the new signal.
            await matching.recordChanged(.candidateSaved(try await store.candidate(submission.candidateID)))
        }
        if placement != nil {
            // After a placement, keep in touch every three weeks until the assignment ends.
            _ = try await store.setTouchCadence(submission.candidateID, days: 21, at: now)
        }
        var obligation: FollowUpObligation?
        if move.obligation != nil {
            obligation = try await store.obligations(candidate: submission.candidateID).last { $0.submissionID == id }
        }
        logger.info("submission moved", metadata: [
            "submission": "\(id)", "from": "\(submission.stage.rawValue)", "to": "\(request.to.rawValue)", "by": "\(user.id)",
        ])
        return SubmissionMoveResult(submission: saved, placement: placement, suggestedChange: advance.suggestedChange, obligation: obligation)
    }

    /// Ends an assignment before its planned end: later check-ins are cancelled, redeployment comes up now.
    public func endEarly(_ id: PlacementID, on day: LocalDate, note: String, by user: User) async throws -> Placement {
        var validator = Validator()
        validator.text("note", note, required: false, maxLength: 2000)
        try validator.check()
        return try await store.endPlacementEarly(id, on: day, by: user.id, note: note, at: now)
    }

    /// A redeployment task with the openings that fit the consultant now; other tasks come back with none.
    public func task(_ id: RelationshipTaskID, openings limit: Int = 5) async throws -> RedeploymentView {
        let task = try await store.relationshipTask(id)
        let placement = try await store.placement(task.placementID)
        var openings: [JobMatch] = []
        if task.kind == .redeployment {
            openings = try await matching.opportunities(for: task.candidateID, limit: limit + 1)
                .filter { $0.jobID != placement.jobID && $0.fit.ineligibility.isEmpty && $0.fit.score >= settings.threshold }
            openings = Array(openings.prefix(limit))
        }
        return RedeploymentView(task: task, placement: placement, openings: openings)
    }

    /// Marks a task done (or no longer needed) with what happened.
    public func closeTask(_ id: RelationshipTaskID, as status: RelationshipTask.Status, note: String, by user: User) async throws -> RelationshipTask {
        var validator = Validator()
        if status == .open { validator.fail("status", "must be done or cancelled") }
        if status == .cancelled, note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            validator.fail("note", "is required when cancelling: say why the task is no longer needed")
        } else {
            validator.text("note", note, required: false, maxLength: 2000)
        }
        try validator.check()
        return try await store.closeRelationshipTask(id, as: status, by: user.id, note: note, at: now)
    }

    /// Sends the planned surveys that have come due, each through the outreach pipeline as the recruiter it asks about.
    /// A candidate asked within the rest period, a recruiter who has left, or the contact policy's refusal skips one, with
    /// the reason kept. Returns how many were sent.
    @discardableResult
    public func sendDueSurveys(limit: Int = 100) async throws -> Int {
        var sent = 0
        for planned in try await store.dueScheduledSurveys(now: now, limit: limit) {
            let recent = try await store.surveys(candidate: planned.candidateID).first
            if let recent, recent.sentAt > now.addingTimeInterval(-Double(settings.surveyRestDays) * 86_400) {
                try await store.settleScheduledSurvey(planned.id, as: .skipped, outreach: nil,
                                                      note: "asked \(recent.trigger.rawValue) survey on \(recent.sentAt.formatted(.iso8601)); resting")
                continue
            }
            guard let recruiter = try? await store.user(planned.recruiterID), recruiter.details.active else {
                try await store.settleScheduledSurvey(planned.id, as: .skipped, outreach: nil, note: "the recruiter is no longer active")
                continue
            }
            do {
                let (outreach, _) = try await sendSurvey(to: planned.candidateID, trigger: planned.trigger, by: recruiter)
                try await store.settleScheduledSurvey(planned.id, as: .sent, outreach: outreach.id, note: "")
                sent += 1
            } catch let refused as OutreachRefused {
                let why = refused.verdict.codes.joined(separator: ", ")
                try await store.settleScheduledSurvey(planned.id, as: .skipped, outreach: nil, note: "refused by the contact policy: \(why)")
            } catch RapportError.notFound {
                try await store.settleScheduledSurvey(planned.id, as: .skipped, outreach: nil, note: "the candidate is gone")
            }
        }
        return sent
    }

    /// What is wrong with placement terms, each issue under its field.
    static func issues(_ terms: PlacementTerms) -> [ValidationIssue] {
        do {
            try terms.validate()
            return []
        } catch {
            guard case .invalid(let issues) = error else { return [ValidationIssue(field: "", message: "\(error)")] }
            return issues
        }
    }

}
