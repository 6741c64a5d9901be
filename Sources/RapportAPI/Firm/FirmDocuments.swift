import Foundation
import RapportCore

/// A practice as the API reads and writes it.
public struct PracticeDocument: VersionedDocument {
    public var id: PracticeID?
    public var version: Int?
    public var name: String
    public var description: String?
    public var leadID: UserID?

    public init(_ practice: Practice) {
        id = practice.id
        version = practice.version
        name = practice.details.name
        description = practice.details.description
        leadID = practice.details.leadID
    }

    public var details: PracticeDetails {
        PracticeDetails(name: name, description: description ?? "", leadID: leadID)
    }

    public static let schema = Schema.object("A skill-set desk that recruiters work in.", [
        readOnly("id", .id),
        optional("version", .integer("The version you last read; required for PUT and PATCH.", minimum: 1)),
        required("name", .string("Unique practice name.", maxLength: 100).nonBlank),
        optional("description", .string(maxLength: 2_000)),
        optional("leadID", .integer("The practice lead.", minimum: 1)),
    ])
}

/// A member of staff as the API reads and writes it.
public struct UserDocument: VersionedDocument {
    public var id: UserID?
    public var version: Int?
    public var email: String
    public var name: String
    public var role: Role
    public var region: Region
    public var practiceIDs: [PracticeID]?
    public var active: Bool?

    public init(_ user: User) {
        id = user.id
        version = user.version
        email = user.details.email
        name = user.details.name
        role = user.details.role
        region = user.details.region
        practiceIDs = user.details.practiceIDs
        active = user.details.active
    }

    public var details: UserDetails {
        UserDetails(email: email.trimmingCharacters(in: .whitespaces), name: name, role: role, region: region,
                    practiceIDs: practiceIDs ?? [], active: active ?? true)
    }

    public static let schema = Schema.object("A recruiter, practice lead or admin.", [
        readOnly("id", .id),
        optional("version", .integer("The version you last read; required for PUT and PATCH.", minimum: 1)),
        required("email", .string("Unique among users.", format: "email", maxLength: 254)),
        required("name", .string(maxLength: 200).nonBlank),
        required("role", .enumeration(Role.self)),
        required("region", .enumeration(Region.self)),
        optional("practiceIDs", .array(.integer(minimum: 1), maxItems: 20)),
        optional("active", .boolean("Inactive users cannot use their API tokens.")),
    ])
}

/// A skill of the taxonomy.
public struct SkillDocument: Codable, Sendable {
    public var id: SkillID?
    public var name: String
    public var aliases: [String]?
    public var category: String
    public var practiceID: PracticeID?
    public var implies: [SkillID]?
    public var related: [SkillID]?

    public init(_ skill: Skill) {
        id = skill.id
        name = skill.name
        aliases = skill.aliases
        category = skill.category
        practiceID = skill.practiceID
        implies = skill.implies
        related = skill.related
    }

    public var draft: SkillDraft {
        SkillDraft(name: name, aliases: aliases ?? [], category: category, practiceID: practiceID, implies: implies ?? [],
                   related: related ?? [])
    }

    public static let schema = Schema.object("A canonical skill with its aliases, home practice and relations.", [
        readOnly("id", .id),
        required("name", .string(maxLength: 100).nonBlank),
        optional("aliases", .array(.string(maxLength: 100).nonBlank, maxItems: 30)),
        required("category", .string(maxLength: 50).nonBlank),
        optional("practiceID", .integer(minimum: 1)),
        optional("implies", .array(.integer("Skills anyone with this one also has (Spring implies Java).", minimum: 1), maxItems: 30,
                                   unique: true)),
        optional("related", .array(.integer("Neighbouring skills that transfer with ramp-up (React ~ Vue).", minimum: 1),
                                   maxItems: 30, unique: true)),
    ])
}
