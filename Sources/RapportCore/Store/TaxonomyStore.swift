import Foundation

/// A skill to add to the taxonomy.
public struct SkillDraft: Equatable, Sendable {
    public var name: String
    public var aliases: [String]
    public var category: String
    public var practiceID: PracticeID?
    public var implies: [SkillID]
    public var related: [SkillID]

    public init(
        name: String, aliases: [String] = [], category: String, practiceID: PracticeID? = nil, implies: [SkillID] = [],
        related: [SkillID] = []
    ) {
        self.name = name
        self.aliases = aliases
        self.category = category
        self.practiceID = practiceID
        self.implies = implies
        self.related = related
    }
}

/// Where the taxonomy stands: `version` grows with every change; `standardVersion` says which shipped taxonomy seeded it.
public struct TaxonomyState: Equatable, Sendable {
    public var version: Int64
    public var standardVersion: String?

    public init(version: Int64, standardVersion: String?) {
        self.version = version
        self.standardVersion = standardVersion
    }
}

/// Free text someone wrote as a skill that the taxonomy could not resolve, kept for curation.
public struct UnresolvedSkill: Equatable, Sendable {
    /// The normalised text: "Foo-Bar" and "foo bar" count as one.
    public var key: String
    /// The text as first written.
    public var example: String
    public var occurrences: Int
    public var firstSeen: Date
    public var lastSeen: Date

    public init(key: String, example: String, occurrences: Int, firstSeen: Date, lastSeen: Date) {
        self.key = key
        self.example = example
        self.occurrences = occurrences
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
    }
}

/// The skill taxonomy: canonical skills, aliases, relations, its version and the unresolved skills.
public protocol TaxonomyStore: Sendable {
    /// Adds a skill; names and aliases are unique across the taxonomy. Bumps the version.
    func createSkill(_ draft: SkillDraft) async throws -> Skill
    /// Adds aliases and relations to a skill (the taxonomy grows; removing a link is a curation job). Bumps the version.
    func extendSkill(_ id: SkillID, aliases: [String], implies: [SkillID], related: [SkillID]) async throws -> Skill
    func skill(_ id: SkillID) async throws -> Skill
    /// Every skill, in id order.
    func allSkills() async throws -> [Skill]
    func taxonomyState() async throws -> TaxonomyState
    /// Seeds an empty taxonomy with skills under their own ids; returns false (and changes nothing) if it has skills.
    func installSkills(_ skills: [Skill], standardVersion: String) async throws -> Bool
    /// Counts each text once more; a new key keeps `example` as written.
    func recordUnresolvedSkills(_ texts: [(key: String, example: String)], at now: Date) async throws
    /// The unresolved skills seen most often first.
    func unresolvedSkills(limit: Int) async throws -> [UnresolvedSkill]
}
