import Foundation

/// Messages to candidates, the durable outbox, address suppression, replies and follow-up obligations.
/// Each method is one transaction.
public protocol OutreachStore: Sendable {
    /// Stores a message with its link tokens; an e-mail's outbox entry (`envelope`) is queued in the same transaction.
    /// A message written by a person answers the candidate's open obligations for replies received before it.
    func createOutreach(_ draft: OutreachDraft, envelope: MailEnvelope?, at now: Date) async throws -> Outreach
    func outreach(_ id: OutreachID) async throws -> Outreach
    /// The candidate's messages, newest first.
    func outreach(candidate: CandidateID, limit: Int) async throws -> [Outreach]
    /// The message that carried one of these Message-IDs (threading by In-Reply-To and References), latest first.
    func outreach(messageIDs: [String]) async throws -> Outreach?
    func outreach(token: String, purpose: TokenPurpose) async throws -> Outreach?
    /// Job pitches that reached the candidate, from every recruiter; with `includingQueued`, also those waiting in the
    /// outbox (dated when they are due), which will reach them unless something stops them.
    func pitchHistory(candidate: CandidateID, includingQueued: Bool) async throws -> [PitchRecord]
    /// Withdraws a message still waiting in the outbox; refuses with `inUse` once it is being sent or gone.
    func cancelOutreach(_ id: OutreachID, at now: Date) async throws -> Outreach
    /// Records the candidate's answer to "was this relevant?": the first answer stands.
    func recordFeedback(token: String, relevant: Bool, at now: Date) async throws -> FeedbackResult

    /// Entries due at `now`, oldest first: queued, or claimed by a worker whose claim has lapsed.
    func dueOutbox(now: Date, limit: Int) async throws -> [OutboxID]
    /// Reads what the policy needs and applies `decide`'s answer in one transaction: the entry reserved for sending, or
    /// why not (held, blocked, or no longer due because another worker took it).
    func beginSending(_ id: OutboxID, now: Date, decide: @escaping @Sendable (SendingCheck) -> SendingDecision) async throws -> SendingStart
    /// Records how the attempt ended; a permanent refusal of the address suppresses it.
    func finishSending(_ id: OutboxID, outcome: DeliveryOutcome, at now: Date) async throws
    func outboxEntry(_ id: OutboxID) async throws -> OutboxEntry
    func outboxEntry(outreach: OutreachID) async throws -> OutboxEntry?

    func addressStatus(_ email: String) async throws -> AddressStatus?
    /// Suppresses an address; suppressing it again changes nothing (the first reason and time stand).
    func suppress(email: String, _ suppression: AddressSuppression, reason: String, at now: Date) async throws

    /// Stores a reply and opens its obligation; a reply whose Message-ID is already stored is refused with `duplicate`.
    func createReply(_ draft: ReplyDraft, at now: Date) async throws -> Reply
    func reply(_ id: ReplyID) async throws -> Reply
    func reply(messageID: String) async throws -> Reply?
    /// The candidate's replies, newest first.
    func replies(candidate: CandidateID) async throws -> [Reply]
    /// Saves a corrected classification, settled suggestions or the referral created.
    func updateReply(_ reply: Reply) async throws -> Reply

    func obligation(_ id: ObligationID) async throws -> FollowUpObligation
    func obligation(reply: ReplyID) async throws -> FollowUpObligation?
    /// Obligations, overdue and soonest due first; `owner` nil means the whole firm.
    func obligations(owner: UserID?, openOnly: Bool, limit: Int) async throws -> [FollowUpObligation]
    /// Every obligation towards the candidate, oldest first.
    func obligations(candidate: CandidateID) async throws -> [FollowUpObligation]
    func obligationEvents(_ id: ObligationID) async throws -> [ObligationEvent]
    /// Fulfils an open obligation with a message or logged contact with the same candidate after the reply.
    func fulfilObligation(_ id: ObligationID, by outreach: OutreachID, actor: UserID, at now: Date) async throws -> FollowUpObligation
    func reassignObligation(_ id: ObligationID, to owner: UserID, actor: UserID, note: String, at now: Date) async throws -> FollowUpObligation
    /// Open obligations past due and not yet escalated.
    func overdueObligations(now: Date, limit: Int) async throws -> [FollowUpObligation]
    /// Records the escalation and queues the e-mail to the lead in one transaction; false when another worker did it first.
    func escalateObligation(_ id: ObligationID, to lead: UserID?, notice: (envelope: MailEnvelope, messageID: String)?, at now: Date) async throws -> Bool
}

/// Surveys and their answers.
public protocol SurveyStore: Sendable {
    func survey(token: String) async throws -> Survey?
    /// A survey's link token, for the candidate it was sent to (in their portal).
    func surveyToken(_ id: SurveyID) async throws -> String?
    /// The candidate's surveys, newest first.
    func surveys(candidate: CandidateID) async throws -> [Survey]
    /// Detractors' answers (0–6) since `since`, about `recruiter` or in one of `practices`, newest first.
    func detractors(recruiter: UserID, practices: [PracticeID], since: Date, limit: Int) async throws -> [Survey]
    /// Records the answer if the link is still open, in one transaction with the follow-up a detractor's answer opens
    /// (`followUp`, a reply with its obligation); otherwise changes nothing and says why.
    func answerSurvey(token: String, _ answer: SurveyAnswer, followUp: ReplyDraft?, at now: Date) async throws -> SurveyAnswerResult
}

/// Keeping in touch on a schedule.
public protocol TouchStore: Sendable {
    /// Sets how often the candidate wants to hear from us; the next touch is `cadence` days after the last contact
    /// (or after `now` when there was none).
    func setTouchCadence(_ candidate: CandidateID, days: Int, at now: Date) async throws -> TouchSchedule
    func touchSchedule(_ candidate: CandidateID) async throws -> TouchSchedule?
    /// Touches due by `before`, soonest first, for candidates owned by `owner` (nil: everyone's).
    func dueTouches(owner: UserID?, before: Date, limit: Int) async throws -> [TouchSchedule]
}

/// When to get in touch with a candidate next.
public struct TouchSchedule: Equatable, Sendable {
    public var candidateID: CandidateID
    public var cadenceDays: Int
    public var nextTouchAt: Date
    public var lastTouchAt: Date?

    public init(candidateID: CandidateID, cadenceDays: Int, nextTouchAt: Date, lastTouchAt: Date?) {
        self.candidateID = candidateID
        self.cadenceDays = cadenceDays
        self.nextTouchAt = nextTouchAt
        self.lastTouchAt = lastTouchAt
    }
}

/// What became of a survey answer.
public enum SurveyAnswerResult: Equatable, Sendable {
    case recorded(Survey)
    /// The link was used before, or has expired; nothing changed.
    case refused(Survey, Survey.LinkState)
    case unknownToken
}

/// The result of a one-click feedback link.
public enum FeedbackResult: Equatable, Sendable {
    /// The answer is kept (given again the same, nothing changes).
    case recorded(OutreachID)
    /// The person changed their mind: the later answer replaces `from`.
    case changed(OutreachID, from: RelevanceFeedback)
    case unknownToken
}
