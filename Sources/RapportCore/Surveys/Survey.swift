import Foundation

public typealias SurveyID = Identifier<Survey>

/// The moments a candidate is asked how it went.
public enum SurveyTrigger: String, CaseIterable, Codable, Sendable {
    case discovery
    case submissionOutcome = "submission_outcome"
    case placementStart = "placement_start"
    case assignmentEnd = "assignment_end"
}

/// Net Promoter groups: 9–10 promote, 7–8 are passive, 0–6 detract.
public enum NPSCategory: String, Sendable {
    case promoter
    case passive
    case detractor

    public init(score: Int) {
        self = score >= 9 ? .promoter : score >= 7 ? .passive : .detractor
    }
}

/// A candidate's answer: how likely they are to recommend us (0–10), whether their recruiter understood their goals
/// (1–5, optional) and what they would say.
public struct SurveyAnswer: Equatable, Sendable {
    public var nps: Int
    public var understood: Int?
    public var comment: String

    public init(nps: Int, understood: Int? = nil, comment: String = "") {
        self.nps = nps
        self.understood = understood
        self.comment = comment
    }

    public func validate() throws(RapportError) {
        var validator = Validator()
        if !(0...10).contains(nps) { validator.fail("nps", "must be a whole number from 0 to 10") }
        if let understood, !(1...5).contains(understood) { validator.fail("understood", "must be a whole number from 1 to 5") }
        validator.text("comment", comment, required: false, maxLength: 2000)
        try validator.check()
    }

    public var category: NPSCategory { NPSCategory(score: nps) }
}

/// One survey sent to one candidate, answerable once through its link until it expires.
public struct Survey: Equatable, Sendable, Identifiable {
    /// Where a survey link stands.
    public enum LinkState: Equatable, Sendable {
        case open
        case answered(at: Date)
        case expired(at: Date)
    }

    /// How long a link stays open.
    public static let validity: TimeInterval = 30 * 86_400

    public var id: SurveyID
    public var candidateID: CandidateID
    public var recruiterID: UserID
    public var practiceID: PracticeID?
    public var trigger: SurveyTrigger
    public var outreachID: OutreachID?
    public var sentAt: Date
    public var expiresAt: Date
    public var answeredAt: Date?
    public var answer: SurveyAnswer?

    public init(
        id: SurveyID, candidateID: CandidateID, recruiterID: UserID, practiceID: PracticeID?, trigger: SurveyTrigger, outreachID: OutreachID?,
        sentAt: Date, expiresAt: Date, answeredAt: Date? = nil, answer: SurveyAnswer? = nil
    ) {
        self.id = id
        self.candidateID = candidateID
        self.recruiterID = recruiterID
        self.practiceID = practiceID
        self.trigger = trigger
        self.outreachID = outreachID
        self.sentAt = sentAt
        self.expiresAt = expiresAt
        self.answeredAt = answeredAt
        self.answer = answer
    }

    /// A link answers once, and not after it expires; a used link says so rather than "expired".
    public func linkState(at now: Date) -> LinkState {
        if let answeredAt { return .answered(at: answeredAt) }
        if now >= expiresAt { return .expired(at: expiresAt) }
        return .open
    }
}

/// A survey to create with its message.
public struct SurveyDraft: Equatable, Sendable {
    public var token: String
    public var trigger: SurveyTrigger
    public var practiceID: PracticeID?

    public init(token: String, trigger: SurveyTrigger, practiceID: PracticeID?) {
        self.token = token
        self.trigger = trigger
        self.practiceID = practiceID
    }
}
