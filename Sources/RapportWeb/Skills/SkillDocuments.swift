import Foundation
import Hummingbird
import RapportAPI
import RapportCore
import RapportMatch

/// Aliases and relations to add to a skill.
struct SkillLinksDocument: Codable, Sendable {
    var aliases: [String]?
    var implies: [SkillID]?
    var related: [SkillID]?

    static let schema = Schema.object("Links to add to a skill; what it already has is kept.", [
        optional("aliases", .array(.string(maxLength: 100).nonBlank, maxItems: 30)),
        optional("implies", .array(.integer(minimum: 1), maxItems: 30, unique: true)),
        optional("related", .array(.integer(minimum: 1), maxItems: 30, unique: true)),
    ])
}

/// The taxonomy at a glance: its version, which shipped taxonomy seeded it, and its categories.
struct TaxonomyDocument: ResponseEncodable, Sendable {
    struct Category: Encodable, Sendable {
        var name: String
        var skills: Int
    }

    var version: Int64
    var standardVersion: String?
    var skills: Int
    var aliases: Int
    var implies: Int
    var related: Int
    var categories: [Category]

    init(state: TaxonomyState, skills: [Skill]) {
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

struct NormalizeRequest: Decodable, Sendable {
    var texts: [String]
    var record: Bool?

    static let schema = Schema.object("Free-text skills to resolve to canonical skills.", [
        required("texts", .array(.string(maxLength: 200).nonBlank, "As written: \"k8s\", \"Java 17\", \"ReactJS\".", maxItems: 500)),
        optional("record", .boolean("Keep unresolved texts for curation (default true).")),
    ])
}

struct NormalizeResult: Encodable, Sendable {
    struct SkillRef: Encodable, Sendable {
        var id: SkillID
        var name: String
    }

    var text: String
    var skill: SkillRef?
    var matched: String?
    var rule: String?
    var unresolvedKey: String?

    init(text: String, resolution: SkillResolution, taxonomy: Taxonomy) {
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

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(skill, forKey: .skill)  // null when unresolved, never missing
        try container.encodeIfPresent(matched, forKey: .matched)
        try container.encodeIfPresent(rule, forKey: .rule)
        try container.encodeIfPresent(unresolvedKey, forKey: .unresolvedKey)
    }

    enum CodingKeys: String, CodingKey { case text, skill, matched, rule, unresolvedKey }
}

struct NormalizeDocument: ResponseEncodable, Sendable {
    var taxonomyVersion: Int64
    var results: [NormalizeResult]
    /// How many texts were not resolved (and kept for curation).
    var unresolved: Int
}

struct ExtractRequest: Decodable, Sendable {
    var text: String

    static let schema = Schema.object("Free text to find skills in: a job description, a résumé summary.", [
        required("text", .string(maxLength: 100_000)),
    ])
}

struct ExtractDocument: ResponseEncodable, Sendable {
    struct Mention: Encodable, Sendable {
        var skillID: SkillID
        var skill: String
        var text: String
        var start: Int
        var end: Int
    }

    struct Found: Encodable, Sendable {
        var id: SkillID
        var name: String
        var mentions: Int
    }

    var taxonomyVersion: Int64
    /// Each distinct skill once, in order of first mention.
    var skills: [Found]
    /// Every mention with its evidence span (UTF-16 offsets, end exclusive).
    var mentions: [Mention]

    init(taxonomyVersion: Int64, found: [ExtractedSkill], taxonomy: Taxonomy) {
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

struct UnresolvedListDocument: ResponseEncodable, Sendable {
    struct Item: Encodable, Sendable {
        var key: String
        var example: String
        var occurrences: Int
        var firstSeen: Date
        var lastSeen: Date

        init(_ skill: UnresolvedSkill) {
            key = skill.key
            example = skill.example
            occurrences = skill.occurrences
            firstSeen = skill.firstSeen
            lastSeen = skill.lastSeen
        }
    }

    var items: [Item]
}

/// Response shapes of the taxonomy and matching routes, for the OpenAPI document.
enum SkillResponseSchemas {
    static let all: [String: Schema] = [
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
