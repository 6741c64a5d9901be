import Foundation
import RapportCore
import RapportOutreach

/// A survey to send.
public struct SurveyRequestDocument: Decodable, Sendable {
    public var candidateID: CandidateID
    public var trigger: SurveyTrigger

    public static let schema = Schema.object("A survey to send through the outreach pipeline (the contact policy applies).", [
        required("candidateID", .integer(minimum: 1)),
        required("trigger", .enumeration(SurveyTrigger.self, "The moment it asks about.")),
    ])
}

/// A survey and, once given, its answer.
public struct SurveyDocument: Encodable, Sendable {
    public var id: SurveyID
    public var candidateID: CandidateID
    public var recruiterID: UserID
    public var practiceID: PracticeID?
    public var trigger: String
    public var outreachID: OutreachID?
    public var sentAt: Date
    public var expiresAt: Date
    public var state: String
    public var answeredAt: Date?
    public var nps: Int?
    public var category: String?
    public var understood: Int?
    public var comment: String?

    public init(_ survey: Survey, now: Date) {
        id = survey.id
        candidateID = survey.candidateID
        recruiterID = survey.recruiterID
        practiceID = survey.practiceID
        trigger = survey.trigger.rawValue
        outreachID = survey.outreachID
        sentAt = survey.sentAt
        expiresAt = survey.expiresAt
        state = switch survey.linkState(at: now) {
        case .open: "open"
        case .answered: "answered"
        case .expired: "expired"
        }
        answeredAt = survey.answeredAt
        nps = survey.answer?.nps
        category = survey.answer?.category.rawValue
        understood = survey.answer?.understood
        comment = survey.answer?.comment
    }
}

public struct SurveyListDocument: Encodable, Sendable {
    public var items: [SurveyDocument]

    public init(items: [SurveyDocument]) {
        self.items = items
    }
}

/// A candidate's timeline, oldest first.
public struct TimelineDocument: Encodable, Sendable {
    public struct Entry: Encodable, Sendable {
        public var at: Date
        public var kind: String
        public var summary: String
        public var outreachID: OutreachID?
        public var replyID: ReplyID?
        public var surveyID: SurveyID?
        public var obligationID: ObligationID?
        public var submissionID: SubmissionID?
        public var placementID: PlacementID?
        public var userID: UserID?

        public init(_ entry: TimelineEntry) {
            at = entry.at
            kind = entry.kind.rawValue
            summary = entry.summary
            outreachID = entry.outreachID
            replyID = entry.replyID
            surveyID = entry.surveyID
            obligationID = entry.obligationID
            submissionID = entry.submissionID
            placementID = entry.placementID
            userID = entry.userID
        }
    }

    public var items: [Entry]

    public init(items: [Entry]) {
        self.items = items
    }
}
