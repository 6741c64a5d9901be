import Foundation
import RapportCore
import RapportOutreach

/// A discovery conversation to record.
public struct DiscoveryDocument: Decodable, Sendable {
    public var channel: OutreachChannel
    public var occurredAt: Date
    public var notes: String
    public var verifiedSkills: [CandidateSkillDocument]?
    public var goals: CareerGoalsDocument?
    public var interests: InterestsDocument?
    public var cadenceDays: Int?

    public static let schema = Schema.object("A conversation about the person, not a job: what was learnt, and how often to keep in touch.", [
        required("channel", .enumeration(OutreachChannel.self, "How it happened: phone, meeting, linkedin or sms.")),
        required("occurredAt", .dateTime),
        required("notes", .string("What they said about themselves.", maxLength: 10_000).nonBlank),
        optional("verifiedSkills", .array(.ref("CandidateSkill"), "Each replaces the profile's entry for that skill.", maxItems: 100)),
        optional("goals", .ref("CareerGoals")),
        optional("interests", .ref("Interests")),
        optional("cadenceDays", .integer("How often they want to hear from us, 7 to 365 days.", minimum: 7, maximum: 365)),
    ])
}

public struct CadenceDocument: Decodable, Sendable {
    public var cadenceDays: Int

    public static let schema = Schema.object("How often the candidate wants to hear from us.", [
        required("cadenceDays", .integer("7 to 365 days.", minimum: 7, maximum: 365)),
    ])
}

public struct TouchDocument: Encodable, Sendable {
    public var candidateID: CandidateID
    public var cadenceDays: Int
    public var nextTouchAt: Date
    public var lastTouchAt: Date?
    public var due: Bool

    public init(_ touch: TouchSchedule, now: Date) {
        candidateID = touch.candidateID
        cadenceDays = touch.cadenceDays
        nextTouchAt = touch.nextTouchAt
        lastTouchAt = touch.lastTouchAt
        due = touch.nextTouchAt <= now
    }
}

public struct TouchListDocument: Encodable, Sendable {
    public var items: [TouchDocument]

    public init(items: [TouchDocument]) {
        self.items = items
    }
}

public struct RelationshipDocument: Encodable, Sendable {
    public var candidateID: CandidateID
    public var firstDiscoveryAt: Date?
    public var firstPitchAt: Date?
    public var discoveryBeforeFirstPitch: Bool?
    public var touch: TouchDocument?

    public init(candidateID: CandidateID, firstDiscoveryAt: Date? = nil, firstPitchAt: Date? = nil, discoveryBeforeFirstPitch: Bool? = nil, touch: TouchDocument? = nil) {
        self.candidateID = candidateID
        self.firstDiscoveryAt = firstDiscoveryAt
        self.firstPitchAt = firstPitchAt
        self.discoveryBeforeFirstPitch = discoveryBeforeFirstPitch
        self.touch = touch
    }
}

public struct DiscoveryResultDocument: Encodable, Sendable {
    public var outreach: OutreachDocument
    public var candidateVersion: Int
    public var touch: TouchDocument?

    public init(outreach: OutreachDocument, candidateVersion: Int, touch: TouchDocument? = nil) {
        self.outreach = outreach
        self.candidateVersion = candidateVersion
        self.touch = touch
    }
}
