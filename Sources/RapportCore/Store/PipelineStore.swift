import Foundation

/// Submissions, placements, the tasks that keep in touch after them, and surveys waiting for their moment.
/// Each method is one transaction.
public protocol PipelineStore: Sendable {
    /// Shortlists a candidate for a job; refused with `duplicate` while the candidate has an active submission to it.
    func createSubmission(candidate: CandidateID, job: JobID, by user: UserID, note: String, at now: Date) async throws -> Submission
    func submission(_ id: SubmissionID) async throws -> Submission
    /// The candidate's submissions, newest first.
    func submissions(candidate: CandidateID) async throws -> [Submission]
    /// The job's submissions, newest first.
    func submissions(job: JobID) async throws -> [Submission]
    /// The submissions a recruiter made, newest first, at most `limit`.
    func submissions(createdBy user: UserID, limit: Int) async throws -> [Submission]
    /// Saves a validated move and everything it sets off in one transaction; refused with `staleVersion` when the
    /// submission moved since the move was validated against it.
    func saveMove(_ move: PipelineMove, at now: Date) async throws -> (Submission, Placement?)

    func placement(_ id: PlacementID) async throws -> Placement
    /// The candidate's placements, latest start first.
    func placements(candidate: CandidateID) async throws -> [Placement]
    /// Placements whose last day falls in `days`, soonest first.
    func placements(ending days: ClosedRange<LocalDate>, limit: Int) async throws -> [Placement]
    /// Ends an assignment early: its open tasks due after that day are cancelled and its end-of-assignment survey moves to it.
    func endPlacementEarly(_ id: PlacementID, on day: LocalDate, by user: UserID, note: String, at now: Date) async throws -> Placement

    func relationshipTask(_ id: RelationshipTaskID) async throws -> RelationshipTask
    /// Tasks soonest due first; `owner` nil means the whole firm, `dueBy` nil means whenever.
    func relationshipTasks(owner: UserID?, dueBy: LocalDate?, openOnly: Bool, limit: Int) async throws -> [RelationshipTask]
    /// Closes an open task as done or cancelled; refused with `inUse` when it is already closed.
    func closeRelationshipTask(
        _ id: RelationshipTaskID, as status: RelationshipTask.Status, by user: UserID, note: String, at now: Date
    ) async throws -> RelationshipTask

    /// Plans surveys for later (see `PipelineMove.surveys` for those a move plans).
    func scheduleSurveys(_ plans: [SurveyPlan], at now: Date) async throws
    /// Pending surveys due at `now`, oldest first.
    func dueScheduledSurveys(now: Date, limit: Int) async throws -> [ScheduledSurvey]
    /// The candidate's planned surveys, soonest first.
    func scheduledSurveys(candidate: CandidateID) async throws -> [ScheduledSurvey]
    /// Records what became of a pending survey: sent with its message, or skipped with why.
    func settleScheduledSurvey(_ id: ScheduledSurveyID, as status: ScheduledSurvey.Status, outreach: OutreachID?, note: String) async throws

    /// Keeps the note of a candidate handed to another practice.
    func recordHandover(_ handover: PracticeHandover) async throws
    /// The candidate's handovers, oldest first.
    func handovers(candidate: CandidateID) async throws -> [PracticeHandover]
    /// Records two practices pitching one person and queues the notices to their leads, in one transaction.
    func recordOverlap(_ overlap: PitchOverlap, notices: [(envelope: MailEnvelope, messageID: String)]) async throws
    /// Overlaps involving `practice` (nil: all) since `since`, newest first.
    func overlaps(practice: PracticeID?, since: Date, limit: Int) async throws -> [PitchOverlap]
}

/// A validated submission move with what it sets off, saved together.
public struct PipelineMove: Sendable {
    /// The move, as `Submission.advanced(_:)` made it; its submission carries the new version.
    public var advance: SubmissionAdvance
    /// The obligation to tell the candidate, when the move opens one.
    public var obligation: ObligationDraft?
    /// The assignment's terms, for a move to `placed`.
    public var placement: PlacementTerms?
    /// The tasks the placement opens, each with its owner and due day.
    public var tasks: [(kind: RelationshipTask.Kind, due: LocalDate)]
    /// Surveys the move plans: after an outcome, at the assignment's start and end.
    public var surveys: [SurveyPlan]
    /// What the candidate's reason for declining tells about other roles, kept on their profile.
    public var feedback: FeedbackSignal?

    public init(
        advance: SubmissionAdvance, obligation: ObligationDraft? = nil, placement: PlacementTerms? = nil,
        tasks: [(kind: RelationshipTask.Kind, due: LocalDate)] = [], surveys: [SurveyPlan] = []
    ) {
        self.advance = advance
        self.obligation = obligation
        self.placement = placement
        self.tasks = tasks
        self.surveys = surveys
    }
}
