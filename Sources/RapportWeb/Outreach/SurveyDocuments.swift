import Foundation
import Hummingbird
import RapportAPI
import RapportCore
import RapportOutreach

/// A survey to send.
struct SurveyRequestDocument: Decodable, Sendable {
    var candidateID: CandidateID
    var trigger: SurveyTrigger

    static let schema = Schema.object("A survey to send through the outreach pipeline (the contact policy applies).", [
        required("candidateID", .integer(minimum: 1)),
        required("trigger", .enumeration(SurveyTrigger.self, "The moment it asks about.")),
    ])
}

/// A survey and, once given, its answer.
struct SurveyDocument: Encodable, Sendable {
    var id: SurveyID
    var candidateID: CandidateID
    var recruiterID: UserID
    var practiceID: PracticeID?
    var trigger: String
    var outreachID: OutreachID?
    var sentAt: Date
    var expiresAt: Date
    var state: String
    var answeredAt: Date?
    var nps: Int?
    var category: String?
    var understood: Int?
    var comment: String?

    init(_ survey: Survey, now: Date) {
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

struct SurveyListDocument: ResponseEncodable, Sendable {
    var items: [SurveyDocument]
}

/// A candidate's timeline, oldest first.
struct TimelineDocument: ResponseEncodable, Sendable {
    struct Entry: Encodable, Sendable {
        var at: Date
        var kind: String
        var summary: String
        var outreachID: OutreachID?
        var replyID: ReplyID?
        var surveyID: SurveyID?
        var obligationID: ObligationID?
        var submissionID: SubmissionID?
        var placementID: PlacementID?
        var userID: UserID?

        init(_ entry: TimelineEntry) {
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

    var items: [Entry]
}
