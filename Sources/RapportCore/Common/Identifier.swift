/// A typed database identifier: a `CandidateID` can never be passed where a `JobID` is expected.
public struct Identifier<Entity>: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: Int64

    public init(rawValue: Int64) {
        self.rawValue = rawValue
    }

    public init(_ rawValue: Int64) {
        self.rawValue = rawValue
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { String(rawValue) }
}

public typealias CandidateID = Identifier<Candidate>
public typealias JobID = Identifier<Job>
public typealias ClientID = Identifier<Client>
public typealias PracticeID = Identifier<Practice>
public typealias UserID = Identifier<User>
public typealias SkillID = Identifier<Skill>
