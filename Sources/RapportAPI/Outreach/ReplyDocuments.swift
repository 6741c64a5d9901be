import Foundation
import RapportCore
import RapportOutreach

/// A reply a recruiter logs by hand.
public struct LoggedReplyDocument: Decodable, Sendable {
    public var candidateID: CandidateID
    public var outreachID: OutreachID?
    public var channel: OutreachChannel
    public var text: String
    public var receivedAt: Date?

    public static let schema = Schema.object("A reply received outside e-mail: a call back, a LinkedIn message, a text.", [
        required("candidateID", .integer(minimum: 1)),
        optional("outreachID", .integer("The message it answers.", minimum: 1)),
        required("channel", .enumeration(OutreachChannel.self)),
        required("text", .string("What the candidate said.", maxLength: 20_000).nonBlank),
        optional("receivedAt", .dateTime.described("When it was received (default now).")),
    ])
}

/// A recruiter's reading of a reply.
public struct ClassificationDocument: Decodable, Sendable {
    public var intent: String
    public var reason: DeclineReason?
    public var until: LocalDate?
    public var referralEmail: String?
    public var referralName: String?

    public static let intents = ["interested", "not_interested", "not_now", "referral", "question", "unsubscribe", "unclear"]

    public static let schema = Schema.object("The intent the recruiter reads in the reply; replaces the rules' classification.", [
        required("intent", Schema.string(maxLength: 20).oneOf(intents)),
        optional("reason", .enumeration(DeclineReason.self, "For not_interested: why.")),
        optional("until", Schema.date.described("For not_now: when to get back in touch.")),
        optional("referralEmail", .string(maxLength: 254)),
        optional("referralName", .string(maxLength: 200)),
    ])

    public var replyIntent: ReplyIntent {
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
public struct SettleDocument: Decodable, Sendable {
    public var action: String
    public var minimumPay: MoneyDocument?
    public var employmentTypes: [EmploymentType]?
    public var remotePreference: RemotePreference?
    public var openToRelocation: Bool?
    public var email: String?
    public var name: String?

    public static let schema = Schema.object("Apply or dismiss a suggested change.", [
        required("action", Schema.string(maxLength: 10).oneOf(["apply", "dismiss"])),
        optional("minimumPay", .ref("Money")),
        optional("employmentTypes", .array(.enumeration(EmploymentType.self), maxItems: 3)),
        optional("remotePreference", .enumeration(RemotePreference.self)),
        optional("openToRelocation", .boolean()),
        optional("email", .string("For a referral: the address of the person referred.", maxLength: 254)),
        optional("name", .string(maxLength: 200)),
    ])

    public var change: PreferenceChange {
        PreferenceChange(minimumPay: minimumPay?.money, employmentTypes: employmentTypes, remotePreference: remotePreference,
                         openToRelocation: openToRelocation, email: email, name: name)
    }
}

public struct ReplyDocument: Encodable, Sendable {
    public struct Suggestion: Encodable, Sendable {
        public var index: Int
        public var kind: String
        public var description: String
        public var needsConfirmation: Bool
        public var settled: Bool
    }

    public struct Classification: Encodable, Sendable {
        public var intent: String
        public var reason: String?
        public var until: LocalDate?
        public var referralEmail: String?
        public var referralName: String?
        public var confidence: Double
        public var evidence: [String]
        public var corrected: Bool
    }

    public var id: ReplyID
    public var candidateID: CandidateID
    public var outreachID: OutreachID?
    public var channel: String
    public var receivedAt: Date
    public var subject: String
    public var text: String
    public var messageID: String?
    public var classification: Classification
    public var suggestions: [Suggestion]
    public var referralID: CandidateID?
    public var loggedBy: UserID?
    public var obligation: ObligationDocument?
    /// A close-the-loop answer, pre-filled for a decline.
    public var suggestedAnswer: MessageDocument?

    public init(_ reply: Reply, obligation: FollowUpObligation?, suggestedAnswer: MessageContent? = nil) {
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

    public static func kind(_ change: SuggestedChange) -> String {
        switch change {
        case .suppressContact: "suppress_contact"
        case .setAvailability: "set_availability"
        case .reviewPreference: "review_preference"
        case .addReferral: "add_referral"
        }
    }

    public static func describe(_ change: SuggestedChange) -> String {
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

public struct ReplyListDocument: Encodable, Sendable {
    public var items: [ReplyDocument]

    public init(items: [ReplyDocument]) {
        self.items = items
    }
}

/// A follow-up obligation and, when read alone, its history.
public struct ObligationDocument: Encodable, Sendable {
    public struct Event: Encodable, Sendable {
        public var kind: String
        public var at: Date
        public var actorID: UserID?
        public var subjectID: UserID?
        public var note: String
    }

    public var id: ObligationID
    public var reason: String
    public var replyID: ReplyID?
    public var submissionID: SubmissionID?
    public var candidateID: CandidateID
    public var ownerID: UserID
    public var openedAt: Date
    public var dueAt: Date
    public var status: String
    public var overdue: Bool
    public var fulfilledAt: Date?
    public var fulfilledBy: OutreachID?
    public var escalatedAt: Date?
    public var escalatedTo: UserID?
    public var events: [Event]?

    public init(_ obligation: FollowUpObligation, now: Date = Date(), events: [ObligationEvent]? = nil) {
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

public struct ObligationListDocument: Encodable, Sendable {
    public var items: [ObligationDocument]
    public var overdue: Int

    public init(items: [ObligationDocument], overdue: Int) {
        self.items = items
        self.overdue = overdue
    }
}

public struct FulfilDocument: Decodable, Sendable {
    public var outreachID: OutreachID

    public static let schema = Schema.object("The message or logged call that answered the reply.", [
        required("outreachID", .integer(minimum: 1)),
    ])
}

public struct ReassignDocument: Decodable, Sendable {
    public var userID: UserID
    public var note: String?

    public static let schema = Schema.object("Who takes the obligation over; the deadline stays.", [
        required("userID", .integer(minimum: 1)),
        optional("note", .string(maxLength: 1000)),
    ])
}

/// What became of an inbound e-mail.
public struct InboundDocument: Encodable, Sendable {
    public var status: String
    public var reason: String?
    public var reply: ReplyDocument?

    public init(status: String, reason: String? = nil, reply: ReplyDocument? = nil) {
        self.status = status
        self.reason = reason
        self.reply = reply
    }
}
