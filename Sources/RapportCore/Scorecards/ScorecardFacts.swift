import Foundation

/// Everything a scorecard is computed from, as the store read it for one subject. It may reach outside the period (a
/// subject's whole history, say): `Scorecard` picks the period's share itself.
public struct ScorecardFacts: Sendable, Equatable {
    /// Surveys sent about the subject's work.
    public var surveys: [SurveyFact]
    /// One entry per follow-up obligation a candidate's reply opened.
    public var replies: [ReplyFact]
    /// The due dates of the subject's obligations still open now, whatever opened them and whenever.
    public var openObligationDueDates: [Date]
    /// Opportunity messages that reached a candidate.
    public var pitches: [PitchFact]
    /// One entry per candidate the subject has pitched: their first pitch and first discovery conversation.
    public var firstPitches: [FirstPitchFact]
    /// When each of the subject's submissions reached "presented".
    public var presentations: [Date]
    /// The subject's placements.
    public var placements: [PlacementFact]
    /// Activity counted for the period by the store; shown beside the scorecard, never scored.
    public var activity: ActivityCounts

    public init(
        surveys: [SurveyFact] = [], replies: [ReplyFact] = [], openObligationDueDates: [Date] = [], pitches: [PitchFact] = [],
        firstPitches: [FirstPitchFact] = [], presentations: [Date] = [], placements: [PlacementFact] = [],
        activity: ActivityCounts = ActivityCounts()
    ) {
        self.surveys = surveys
        self.replies = replies
        self.openObligationDueDates = openObligationDueDates
        self.pitches = pitches
        self.firstPitches = firstPitches
        self.presentations = presentations
        self.placements = placements
        self.activity = activity
    }
}

/// One survey sent to a candidate and, once they answered, what they said.
public struct SurveyFact: Sendable, Equatable {
    public var sentAt: Date
    /// When the candidate answered; nil while unanswered.
    public var answeredAt: Date?
    /// Likelihood to recommend, 0–10; present once answered.
    public var nps: Int?
    /// "My recruiter understood my goals", 1–5; optional even in an answer.
    public var understood: Int?

    public init(sentAt: Date, answeredAt: Date? = nil, nps: Int? = nil, understood: Int? = nil) {
        self.sentAt = sentAt
        self.answeredAt = answeredAt
        self.nps = nps
        self.understood = understood
    }
}

/// A candidate's reply that opened a follow-up obligation, and when (if yet) a person answered it.
public struct ReplyFact: Sendable, Equatable {
    public var receivedAt: Date
    /// When the answer was due under the SLA.
    public var dueAt: Date
    /// The first human answer; nil while unanswered.
    public var answeredAt: Date?

    public init(receivedAt: Date, dueAt: Date, answeredAt: Date? = nil) {
        self.receivedAt = receivedAt
        self.dueAt = dueAt
        self.answeredAt = answeredAt
    }
}

/// One job pitch that reached a candidate, and how it landed.
public struct PitchFact: Sendable, Equatable {
    public var sentAt: Date
    public var candidateID: CandidateID
    /// The fit, 0–100, of each job pitched in the message.
    public var fits: [Int]
    /// The candidate's feedback: true for relevant, false for not relevant, nil when they gave none.
    public var relevant: Bool?
    /// Whether the relevance gate was overridden to send it.
    public var overridden: Bool
    /// Whether the candidate unsubscribed within 7 days after it.
    public var optedOutAfter: Bool

    public init(sentAt: Date, candidateID: CandidateID, fits: [Int], relevant: Bool? = nil, overridden: Bool = false, optedOutAfter: Bool = false) {
        self.sentAt = sentAt
        self.candidateID = candidateID
        self.fits = fits
        self.relevant = relevant
        self.overridden = overridden
        self.optedOutAfter = optedOutAfter
    }
}

/// A candidate's first pitch from the subject, and their first discovery conversation, if any.
public struct FirstPitchFact: Sendable, Equatable {
    public var candidateID: CandidateID
    public var firstPitchAt: Date
    /// The first discovery conversation, whenever it happened; nil when there was none.
    public var firstDiscoveryAt: Date?

    public init(candidateID: CandidateID, firstPitchAt: Date, firstDiscoveryAt: Date? = nil) {
        self.candidateID = candidateID
        self.firstPitchAt = firstPitchAt
        self.firstDiscoveryAt = firstDiscoveryAt
    }
}

/// One placement's dates, and when its consultant next started somewhere.
public struct PlacementFact: Sendable, Equatable {
    public var candidateID: CandidateID
    /// The first day of the assignment.
    public var start: LocalDate
    /// The last day: the day it was cut short, or the planned end; nil for a permanent hire still in post.
    public var end: LocalDate?
    /// Whether the assignment was cut short.
    public var endedEarly: Bool
    /// The start of the consultant's next placement, if any.
    public var nextStart: LocalDate?

    public init(candidateID: CandidateID, start: LocalDate, end: LocalDate? = nil, endedEarly: Bool = false, nextStart: LocalDate? = nil) {
        self.candidateID = candidateID
        self.start = start
        self.end = end
        self.endedEarly = endedEarly
        self.nextStart = nextStart
    }
}

/// How busy the subject was in the period. Shown apart from the scorecard: busy is not good, so it never scores or ranks.
public struct ActivityCounts: Sendable, Equatable {
    public var emailsSent: Int
    /// Calls and meetings logged.
    public var contactsLogged: Int
    public var submissionsCreated: Int

    public init(emailsSent: Int = 0, contactsLogged: Int = 0, submissionsCreated: Int = 0) {
        self.emailsSent = emailsSent
        self.contactsLogged = contactsLogged
        self.submissionsCreated = submissionsCreated
    }
}
