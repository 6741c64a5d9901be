import Foundation

/// Identifies one candidate's submission to one job.
public typealias SubmissionID = Identifier<Submission>

/// One recorded move of a submission: from where, to where, when, by whom, and why.
public struct SubmissionEvent: Hashable, Sendable {
    /// The stage left; nil for the event that created the submission on the shortlist.
    public var from: SubmissionStage?
    /// The stage entered.
    public var to: SubmissionStage
    /// When the move happened.
    public var at: Date
    /// The user who recorded the move.
    public var by: UserID
    /// The candidate's why-not; set only on a move to `candidate_declined`.
    public var reason: DeclineReason?
    /// Free text from the recruiter; may be empty.
    public var note: String

    /// An event as recorded or as loaded from storage.
    public init(from: SubmissionStage?, to: SubmissionStage, at: Date, by: UserID, reason: DeclineReason? = nil, note: String = "") {
        self.from = from
        self.to = to
        self.at = at
        self.by = by
        self.reason = reason
        self.note = note
    }
}

/// One candidate moving through the pipeline for one job, with every move kept as history.
public struct Submission: Equatable, Sendable, Identifiable {
    /// The longest note a move may carry, in characters.
    public static let maxNoteLength = 2000

    /// The submission's identifier.
    public var id: SubmissionID
    /// The candidate put up for the job.
    public var candidateID: CandidateID
    /// The job the candidate is put up for.
    public var jobID: JobID
    /// The current stage: always the `to` of the last event in `history`.
    public var stage: SubmissionStage
    /// When the candidate was shortlisted.
    public var createdAt: Date
    /// The user who shortlisted the candidate.
    public var createdBy: UserID
    /// Every move in order, starting with the creation into `shortlisted` (`from` nil).
    public var history: [SubmissionEvent]
    /// Bumped on every move; a store refuses a move made against an older version.
    public var version: Int

    /// A submission as loaded from storage.
    public init(
        id: SubmissionID, candidateID: CandidateID, jobID: JobID, stage: SubmissionStage, createdAt: Date, createdBy: UserID,
        history: [SubmissionEvent], version: Int
    ) {
        self.id = id
        self.candidateID = candidateID
        self.jobID = jobID
        self.stage = stage
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.history = history
        self.version = version
    }

    /// A new submission on the shortlist, at version 1, with its creation as the first event.
    public static func shortlisted(
        id: SubmissionID, candidateID: CandidateID, jobID: JobID, by: UserID, at: Date, note: String = ""
    ) -> Submission {
        Submission(
            id: id, candidateID: candidateID, jobID: jobID, stage: .shortlisted, createdAt: at, createdBy: by,
            history: [SubmissionEvent(from: nil, to: .shortlisted, at: at, by: by, note: note)], version: 1)
    }

    /// Whether the opening was ever put to the candidate: a `presented` event exists, whatever happened after.
    public var reachedPresentation: Bool {
        history.contains { $0.to == .presented }
    }

    /// When the last move happened; a new move may not be earlier.
    public var lastMovedAt: Date {
        history.map(\.at).max() ?? createdAt
    }

    /// The submission after `change`, with what the move sets off; nothing is changed when any rule is broken.
    ///
    /// Every problem is reported at once as `RapportError.invalid`, by the request's field: `to` (a move the transition
    /// table does not allow, listing the allowed stages; a final stage is refused the same way, as an invalid request
    /// rather than `inUse`, because no record refers to it), `reason` (required for `candidate_declined`, refused
    /// otherwise), `at` (before the last move) and `note` (over 2000 characters or with control characters).
    public func advanced(_ change: SubmissionChange) throws(RapportError) -> SubmissionAdvance {
        var validator = Validator()
        if stage.isTerminal {
            validator.fail("to", "cannot move from \(stage.rawValue) to \(change.to.rawValue): \(stage.rawValue) is final; allowed: none")
        } else if !stage.allows(change.to) {
            let allowed = stage.next.map(\.rawValue).joined(separator: ", ")
            validator.fail("to", "cannot move from \(stage.rawValue) to \(change.to.rawValue); allowed: \(allowed)")
        }
        if change.to == .candidateDeclined, change.reason == nil {
            let reasons = DeclineReason.allCases.map(\.rawValue).joined(separator: ", ")
            validator.fail("reason", "is required for a move to candidate_declined: one of \(reasons)")
        } else if change.to != .candidateDeclined, let reason = change.reason {
            validator.fail("reason", "is only allowed for a move to candidate_declined (got \(reason.rawValue) for a move to \(change.to.rawValue))")
        }
        let last = lastMovedAt
        if change.at < last {
            validator.fail("at", "must not be before the last move at \(last.formatted(.iso8601)) (got \(change.at.formatted(.iso8601)))")
        }
        validator.text("note", change.note, required: false, maxLength: Self.maxNoteLength)
        try validator.check()

        let event = SubmissionEvent(from: stage, to: change.to, at: change.at, by: change.by, reason: change.reason, note: change.note)
        var moved = self
        moved.stage = change.to
        moved.history.append(event)
        moved.version += 1

        let suggestion = change.reason.map { SuggestedChange.reviewPreference($0, suggestion: $0.suggestion) }
        let ending = change.to == .clientRejected || change.to == .withdrawn
        return SubmissionAdvance(
            submission: moved, event: event,
            opensObligationToTellCandidate: ending && moved.reachedPresentation,
            suggestedChange: suggestion,
            countsAsPresentation: change.to == .presented)
    }
}

/// A request to move a submission: to which stage, by whom, when, and why.
public struct SubmissionChange: Hashable, Sendable {
    /// The stage to enter.
    public var to: SubmissionStage
    /// The user making the move.
    public var by: UserID
    /// When the move happened; not before the submission's last move.
    public var at: Date
    /// The candidate's why-not; required for `candidate_declined` and refused for any other stage.
    public var reason: DeclineReason?
    /// Free text from the recruiter, at most 2000 characters; may be empty.
    public var note: String

    /// A move request; `reason` and `note` are usually left out.
    public init(to: SubmissionStage, by: UserID, at: Date, reason: DeclineReason? = nil, note: String = "") {
        self.to = to
        self.by = by
        self.at = at
        self.reason = reason
        self.note = note
    }
}

/// A validated move and what it sets off, for the caller to store and act on.
public struct SubmissionAdvance: Equatable, Sendable {
    /// The submission after the move, its version bumped.
    public var submission: Submission
    /// The move as recorded, the last entry of the new history.
    public var event: SubmissionEvent
    /// Whether someone must now tell the candidate it is over: a client rejection, or a withdrawal after the opening was
    /// presented (a candidate withdrawn from the shortlist never heard of the job, so there is nothing to tell).
    public var opensObligationToTellCandidate: Bool
    /// The preference a recruiter is asked to review after a decline; nil for every other move.
    public var suggestedChange: SuggestedChange?
    /// Whether this move put an opening to the candidate, counted once per submission.
    public var countsAsPresentation: Bool

    /// A move's outcome, as `Submission.advanced(_:)` builds it.
    public init(
        submission: Submission, event: SubmissionEvent, opensObligationToTellCandidate: Bool, suggestedChange: SuggestedChange?,
        countsAsPresentation: Bool
    ) {
        self.submission = submission
        self.event = event
        self.opensObligationToTellCandidate = opensObligationToTellCandidate
        self.suggestedChange = suggestedChange
        self.countsAsPresentation = countsAsPresentation
    }
}

extension Sequence<Submission> {
    /// The submission that speaks for one job among a candidate's: an open one, else the one moved last; nil when none.
    public func standing(for job: JobID) -> Submission? {
        filter { $0.jobID == job }.max { ($0.stage.isActive ? 1 : 0, $0.lastMovedAt) < ($1.stage.isActive ? 1 : 0, $1.lastMovedAt) }
    }
}
