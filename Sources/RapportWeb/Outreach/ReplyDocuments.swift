import Foundation
import Hummingbird
import RapportAPI
import RapportCore
import RapportOutreach

/// A reply a recruiter logs by hand.
struct LoggedReplyDocument: Decodable, Sendable {
    var candidateID: CandidateID
    var outreachID: OutreachID?
    var channel: OutreachChannel
    var text: String
    var receivedAt: Date?

    static let schema = Schema.object("A reply received outside e-mail: a call back, a LinkedIn message, a text.", [
        required("candidateID", .integer(minimum: 1)),
        optional("outreachID", .integer("The message it answers.", minimum: 1)),
        required("channel", .enumeration(OutreachChannel.self)),
        required("text", .string("What the candidate said.", maxLength: 20_000).nonBlank),
        optional("receivedAt", .dateTime.described("When it was received (default now).")),
    ])
}

/// A recruiter's reading of a reply.
struct ClassificationDocument: Decodable, Sendable {
    var intent: String
    var reason: DeclineReason?
    var until: LocalDate?
    var referralEmail: String?
    var referralName: String?

    static let intents = ["interested", "not_interested", "not_now", "referral", "question", "unsubscribe", "unclear"]

    static let schema = Schema.object("The intent the recruiter reads in the reply; replaces the rules' classification.", [
        required("intent", Schema.string(maxLength: 20).oneOf(intents)),
        optional("reason", .enumeration(DeclineReason.self, "For not_interested: why.")),
        optional("until", Schema.date.described("For not_now: when to get back in touch.")),
        optional("referralEmail", .string(maxLength: 254)),
        optional("referralName", .string(maxLength: 200)),
    ])

    var replyIntent: ReplyIntent {
        switch intent {
        case "interested": .interested
        case "not_interested": .notInterested(reason)
        case "not_now": .notNow(until: until)
        case "referral": .referral(email: referralEmail, name: referralName)
        case "question": .question
        case "unsubscribe": .unsubscribe
        default: .unclear
        }
    }
}

/// Apply or dismiss one suggested change, with the values the recruiter chose.
struct SettleDocument: Decodable, Sendable {
    var action: String
    var minimumPay: Money?
    var employmentTypes: [EmploymentType]?
    var remotePreference: RemotePreference?
    var openToRelocation: Bool?
    var email: String?
    var name: String?

    static let schema = Schema.object("Apply or dismiss a suggested change.", [
        required("action", Schema.string(maxLength: 10).oneOf(["apply", "dismiss"])),
        optional("minimumPay", .ref("Money")),
        optional("employmentTypes", .array(.enumeration(EmploymentType.self), maxItems: 3)),
        optional("remotePreference", .enumeration(RemotePreference.self)),
        optional("openToRelocation", .boolean()),
        optional("email", .string("For a referral: the address of the person referred.", maxLength: 254)),
        optional("name", .string(maxLength: 200)),
    ])

    var change: PreferenceChange {
        PreferenceChange(minimumPay: minimumPay, employmentTypes: employmentTypes, remotePreference: remotePreference,
                         openToRelocation: openToRelocation, email: email, name: name)
    }
}

struct ReplyDocument: ResponseEncodable, Sendable {
    struct Suggestion: Encodable, Sendable {
        var index: Int
        var kind: String
        var description: String
        var needsConfirmation: Bool
        var settled: Bool
    }

    struct Classification: Encodable, Sendable {
        var intent: String
        var reason: String?
        var until: LocalDate?
        var referralEmail: String?
        var referralName: String?
        var confidence: Double
        var evidence: [String]
        var corrected: Bool
    }

    var id: ReplyID
    var candidateID: CandidateID
    var outreachID: OutreachID?
    var channel: String
    var receivedAt: Date
    var subject: String
    var text: String
    var messageID: String?
    var classification: Classification
    var suggestions: [Suggestion]
    var referralID: CandidateID?
    var loggedBy: UserID?
    var obligation: ObligationDocument?
    /// A close-the-loop answer, pre-filled for a decline.
    var suggestedAnswer: MessageDocument?

    init(_ reply: Reply, obligation: FollowUpObligation?, suggestedAnswer: MessageContent? = nil) {
        id = reply.id
        candidateID = reply.candidateID
        outreachID = reply.outreachID
        channel = reply.channel.rawValue
        receivedAt = reply.receivedAt
        subject = reply.subject
        text = reply.text
        messageID = reply.messageID
        let intent = reply.classification.intent
        var classification = Classification(intent: intent.code, confidence: reply.classification.confidence,
                                            evidence: reply.classification.evidence, corrected: reply.classification.isCorrected)
        switch intent {
        case .notInterested(let reason): classification.reason = reason?.rawValue
        case .notNow(let until): classification.until = until
        case .referral(let email, let name):
            classification.referralEmail = email
            classification.referralName = name
        default: break
        }
        self.classification = classification
        suggestions = reply.classification.suggestedChanges.enumerated().map { index, change in
            Suggestion(index: index, kind: Self.kind(change), description: Self.describe(change), needsConfirmation: change.needsConfirmation,
                       settled: reply.settledChanges.contains(index))
        }
        referralID = reply.referralID
        loggedBy = reply.loggedBy
        self.obligation = obligation.map { ObligationDocument($0) }
        self.suggestedAnswer = suggestedAnswer.map(MessageDocument.init)
    }

    static func kind(_ change: SuggestedChange) -> String {
        switch change {
        case .suppressContact: "suppress_contact"
        case .setAvailability: "set_availability"
        case .reviewPreference: "review_preference"
        case .addReferral: "add_referral"
        }
    }

    static func describe(_ change: SuggestedChange) -> String {
        switch change {
        case .suppressContact: "Stop all contact: the candidate asked to unsubscribe (applied at once)."
        case .setAvailability(let availability):
            "Set availability to \(availability.status.rawValue)" + (availability.until.map { " until \($0)" } ?? "") + " (applied at once)."
        case .reviewPreference(_, let suggestion): suggestion + "."
        case .addReferral(let email, let name):
            "Add \([name, email.map { "<\($0)>" }].compactMap { $0 }.joined(separator: " ")) as a candidate referred by this one."
        }
    }
}

struct ReplyListDocument: ResponseEncodable, Sendable {
    var items: [ReplyDocument]
}

/// A follow-up obligation and, when read alone, its history.
struct ObligationDocument: ResponseEncodable, Sendable {
    struct Event: Encodable, Sendable {
        var kind: String
        var at: Date
        var actorID: UserID?
        var subjectID: UserID?
        var note: String
    }

    var id: ObligationID
    var reason: String
    var replyID: ReplyID?
    var submissionID: SubmissionID?
    var candidateID: CandidateID
    var ownerID: UserID
    var openedAt: Date
    var dueAt: Date
    var status: String
    var overdue: Bool
    var fulfilledAt: Date?
    var fulfilledBy: OutreachID?
    var escalatedAt: Date?
    var escalatedTo: UserID?
    var events: [Event]?

    init(_ obligation: FollowUpObligation, now: Date = Date(), events: [ObligationEvent]? = nil) {
        id = obligation.id
        reason = obligation.reason.rawValue
        replyID = obligation.replyID
        submissionID = obligation.submissionID
        candidateID = obligation.candidateID
        ownerID = obligation.ownerID
        openedAt = obligation.openedAt
        dueAt = obligation.dueAt
        status = obligation.status.rawValue
        overdue = obligation.isOverdue(at: now)
        fulfilledAt = obligation.fulfilledAt
        fulfilledBy = obligation.fulfilledBy
        escalatedAt = obligation.escalatedAt
        escalatedTo = obligation.escalatedTo
        self.events = events?.map {
            Event(kind: $0.kind.rawValue, at: $0.at, actorID: $0.actorID, subjectID: $0.subjectID, note: $0.note)
        }
    }
}

struct ObligationListDocument: ResponseEncodable, Sendable {
    var items: [ObligationDocument]
    var overdue: Int
}

struct FulfilDocument: Decodable, Sendable {
    var outreachID: OutreachID

    static let schema = Schema.object("The message or logged call that answered the reply.", [
        required("outreachID", .integer(minimum: 1)),
    ])
}

struct ReassignDocument: Decodable, Sendable {
    var userID: UserID
    var note: String?

    static let schema = Schema.object("Who takes the obligation over; the deadline stays.", [
        required("userID", .integer(minimum: 1)),
        optional("note", .string(maxLength: 1000)),
    ])
}

/// What became of an inbound e-mail.
struct InboundDocument: ResponseEncodable, Sendable {
    var status: String
    var reason: String?
    var reply: ReplyDocument?
}
