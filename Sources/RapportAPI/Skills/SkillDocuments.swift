import Foundation
import RapportCore
import RapportMatch

/// Aliases and relations to add to a skill.
public struct SkillLinksDocument: Codable, Sendable {
    public var aliases: [String]?
    public var implies: [SkillID]?
    public var related: [SkillID]?

    public static let schema = Schema.object("Links to add to a skill; what it already has is kept.", [
        optional("aliases", .array(.string(maxLength: 100).nonBlank, maxItems: 30)),
        optional("implies", .array(.integer(minimum: 1), maxItems: 30, unique: true)),
        optional("related", .array(.integer(minimum: 1), maxItems: 30, unique: true)),
    ])
}

/// The taxonomy at a glance: its version, which shipped taxonomy seeded it, and its categories.
public struct TaxonomyDocument: Encodable, Sendable {
    public struct Category: Encodable, Sendable {
        public var name: String
        public var skills: Int
    }

    public var version: Int64
    public var standardVersion: String?
    public var skills: Int
    public var aliases: Int
    public var implies: Int
    public var related: Int
    public var categories: [Category]

    public init(state: TaxonomyState, skills: [Skill]) {
        version = state.version
        standardVersion = state.standardVersion
        self.skills = skills.count
        aliases = skills.reduce(0) { $0 + $1.aliases.count }
        implies = skills.reduce(0) { $0 + $1.implies.count }
        related = skills.reduce(0) { $0 + $1.related.count }
        categories = Dictionary(grouping: skills, by: \.category)
            .map { Category(name: $0.key, skills: $0.value.count) }
            .sorted { $0.skills != $1.skills ? $0.skills > $1.skills : $0.name < $1.name }
    }
}

public struct NormalizeRequest: Decodable, Sendable {
    public var texts: [String]
    public var record: Bool?

    public static let schema = Schema.object("Free-text skills to resolve to canonical skills.", [
        required("texts", .array(.string(maxLength: 200).nonBlank, "As written: \"k8s\", \"Java 17\", \"ReactJS\".", maxItems: 500)),
        optional("record", .boolean("Keep unresolved texts for curation (default true).")),
    ])
}

public struct NormalizeResult: Encodable, Sendable {
    public struct SkillRef: Encodable, Sendable {
        public var id: SkillID
        public var name: String
    }

    public var text: String
    public var skill: SkillRef?
    public var matched: String?
    public var rule: String?
    public var unresolvedKey: String?

    public init(text: String, resolution: SkillResolution, taxonomy: Taxonomy) {
        self.text = text
        switch resolution {
        case .resolved(let id, let matched, let how):
            skill = SkillRef(id: id, name: taxonomy.name(id))
            self.matched = matched
            rule = how.rawValue
        case .unresolved(let key):
            unresolvedKey = key
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(skill, forKey: .skill)  // null when unresolved, never missing
        try container.encodeIfPresent(matched, forKey: .matched)
        try container.encodeIfPresent(rule, forKey: .rule)
        try container.encodeIfPresent(unresolvedKey, forKey: .unresolvedKey)
    }

    enum CodingKeys: String, CodingKey { case text, skill, matched, rule, unresolvedKey }
}

public struct NormalizeDocument: Encodable, Sendable {
    public var taxonomyVersion: Int64
    public var results: [NormalizeResult]
    /// How many texts were not resolved (and kept for curation).
    public var unresolved: Int

    public init(taxonomyVersion: Int64, results: [NormalizeResult], unresolved: Int) {
        self.taxonomyVersion = taxonomyVersion
        self.results = results
        self.unresolved = unresolved
    }
}

public struct ExtractRequest: Decodable, Sendable {
    public var text: String

    public static let schema = Schema.object("Free text to find skills in: a job description, a résumé summary.", [
        required("text", .string(maxLength: 100_000)),
    ])
}

public struct ExtractDocument: Encodable, Sendable {
    public struct Mention: Encodable, Sendable {
        public var skillID: SkillID
        public var skill: String
        public var text: String
        public var start: Int
        public var end: Int
    }

    public struct Found: Encodable, Sendable {
        public var id: SkillID
        public var name: String
        public var mentions: Int
    }

    public var taxonomyVersion: Int64
    /// Each distinct skill once, in order of first mention.
    public var skills: [Found]
    /// Every mention with its evidence span (UTF-16 offsets, end exclusive).
    public var mentions: [Mention]

    public init(taxonomyVersion: Int64, found: [ExtractedSkill], taxonomy: Taxonomy) {
        self.taxonomyVersion = taxonomyVersion
        mentions = found.map {
            Mention(skillID: $0.skillID, skill: taxonomy.name($0.skillID), text: $0.text, start: $0.range.lowerBound,
                    end: $0.range.upperBound)
        }
        var counts: [SkillID: Int] = [:]
        var order: [SkillID] = []
        for mention in found {
            if counts[mention.skillID] == nil {
                order.append(mention.skillID)
            }
            counts[mention.skillID, default: 0] += 1
        }
        skills = order.map { Found(id: $0, name: taxonomy.name($0), mentions: counts[$0] ?? 0) }
    }
}

public struct UnresolvedListDocument: Encodable, Sendable {
    public struct Item: Encodable, Sendable {
        public var key: String
        public var example: String
        public var occurrences: Int
        public var firstSeen: Date
        public var lastSeen: Date

        public init(_ skill: UnresolvedSkill) {
            key = skill.key
            example = skill.example
            occurrences = skill.occurrences
            firstSeen = skill.firstSeen
            lastSeen = skill.lastSeen
        }
    }

    public var items: [Item]

    public init(items: [Item]) {
        self.items = items
    }
}

/// Response shapes of the taxonomy and matching routes, for the OpenAPI document.
public enum SkillResponseSchemas {
    public static let all: [String: Schema] = [
        "NormalizeResult": .object(nil, [
            required("taxonomyVersion", .integer()),
            required("unresolved", .integer("How many texts were not resolved (and were kept for curation).")),
            required("results", .array(.object(nil, [
                required("text", .string()),
                required("skill", Schema.object("Null when unresolved.", [required("id", .integer()), required("name", .string())])
                    .orNull),
                optional("matched", .string("The name or alias that matched.")),
                optional("rule", .string("name, alias, spelling, plural, suffix or version.")),
                optional("unresolvedKey", .string("The key unknown texts are counted under.")),
            ]))),
        ]),
        "ExtractResult": .object(nil, [
            required("taxonomyVersion", .integer()),
            required("skills", .array(.object(nil, [
                required("id", .integer()), required("name", .string()), required("mentions", .integer()),
            ]))),
            required("mentions", .array(.object("Evidence: UTF-16 offsets into the text, end exclusive.", [
                required("skillID", .integer()), required("skill", .string()), required("text", .string()),
                required("start", .integer()), required("end", .integer()),
            ]))),
        ]),
        "UnresolvedList": .object(nil, [
            required("items", .array(.object(nil, [
                required("key", .string()), required("example", .string()), required("occurrences", .integer()),
                required("firstSeen", .string(format: "date-time")), required("lastSeen", .string(format: "date-time")),
            ]))),
        ]),
        "Taxonomy": .object(nil, [
            required("version", .integer("Grows with every change.")),
            optional("standardVersion", .string("The shipped taxonomy that seeded this one.")),
            required("skills", .integer()), required("aliases", .integer()), required("implies", .integer()),
            required("related", .integer()),
            required("categories", .array(.object(nil, [required("name", .string()), required("skills", .integer())]))),
        ]),
        "JobMatches": .object(nil, [
            required("jobID", .integer()), required("taxonomyVersion", .integer()),
            required("items", .array(.object(nil, [
                required("candidate", .object(nil, [
                    required("id", .integer()), required("name", .string()), required("headline", .string()),
                ])),
                required("fit", .ref("Fit")),
            ]))),
        ]),
        "Opportunities": .object(nil, [
            required("candidateID", .integer()), required("taxonomyVersion", .integer()),
            required("items", .array(.object(nil, [
                required("job", .object(nil, [
                    required("id", .integer()), required("title", .string()), required("clientID", .integer()),
                ])),
                required("fit", .ref("Fit")),
            ]))),
        ]),
    ]
}
