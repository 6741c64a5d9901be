import Foundation
import Hummingbird
import RapportAPI
import RapportCore

/// A practice as the API reads and writes it.
struct PracticeDocument: VersionedDocument {
    var id: PracticeID?
    var version: Int?
    var name: String
    var description: String?
    var leadID: UserID?

    init(_ practice: Practice) {
        id = practice.id
        version = practice.version
        name = practice.details.name
        description = practice.details.description
        leadID = practice.details.leadID
    }

    var details: PracticeDetails {
        PracticeDetails(name: name, description: description ?? "", leadID: leadID)
    }

    static let schema = Schema.object("A skill-set desk that recruiters work in.", [
        readOnly("id", .id),
        optional("version", .integer("The version you last read; required for PUT and PATCH.", minimum: 1)),
        required("name", .string("Unique practice name.", maxLength: 100).nonBlank),
        optional("description", .string(maxLength: 2_000)),
        optional("leadID", .integer("The practice lead.", minimum: 1)),
    ])
}

/// A member of staff as the API reads and writes it.
struct UserDocument: VersionedDocument {
    var id: UserID?
    var version: Int?
    var email: String
    var name: String
    var role: Role
    var region: Region
    var practiceIDs: [PracticeID]?
    var active: Bool?

    init(_ user: User) {
        id = user.id
        version = user.version
        email = user.details.email
        name = user.details.name
        role = user.details.role
        region = user.details.region
        practiceIDs = user.details.practiceIDs
        active = user.details.active
    }

    var details: UserDetails {
        UserDetails(email: email.trimmingCharacters(in: .whitespaces), name: name, role: role, region: region,
                    practiceIDs: practiceIDs ?? [], active: active ?? true)
    }

    static let schema = Schema.object("A recruiter, practice lead or admin.", [
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
struct SkillDocument: Codable, Sendable, ResponseEncodable {
    var id: SkillID?
    var name: String
    var aliases: [String]?
    var category: String
    var practiceID: PracticeID?
    var implies: [SkillID]?
    var related: [SkillID]?

    init(_ skill: Skill) {
        id = skill.id
        name = skill.name
        aliases = skill.aliases
        category = skill.category
        practiceID = skill.practiceID
        implies = skill.implies
        related = skill.related
    }

    var draft: SkillDraft {
        SkillDraft(name: name, aliases: aliases ?? [], category: category, practiceID: practiceID, implies: implies ?? [],
                   related: related ?? [])
    }

    static let schema = Schema.object("A canonical skill with its aliases, home practice and relations.", [
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

enum PracticeRoutes {
    static func resource(records: FirmRecords) -> ResourceRoutes<PracticeDocument> {
        ResourceRoutes(
            name: "practices",
            schema: PracticeDocument.schema,
            list: { _, page in
                return try await records.store.practices(page: page).map(PracticeDocument.init)
            },
            read: { id in PracticeDocument(try await records.store.practice(PracticeID(id))) },
            create: { document, _, context in
                try context.requireAdmin("create practices")
                return PracticeDocument(try await records.createPractice(document.details))
            },
            update: { id, version, document, _, context in
                try context.requireAdmin("change practices")
                return PracticeDocument(try await records.updatePractice(PracticeID(id), expectedVersion: version, document.details))
            },
            delete: { id, context in
                try context.requireAdmin("delete practices")
                try await records.store.deletePractice(PracticeID(id))
            })
    }
}

enum UserRoutes {
    static func resource(records: FirmRecords) -> ResourceRoutes<UserDocument> {
        ResourceRoutes(
            name: "users",
            schema: UserDocument.schema,
            list: { _, page in
                return try await records.store.users(page: page).map(UserDocument.init)
            },
            read: { id in UserDocument(try await records.store.user(UserID(id))) },
            create: { document, _, context in
                try context.requireAdmin("create users")
                return UserDocument(try await records.createUser(document.details))
            },
            update: { id, version, document, _, context in
                try context.requireAdmin("change users")
                return UserDocument(try await records.updateUser(UserID(id), expectedVersion: version, document.details,
                                                                 by: try context.requireUser().id))
            },
            delete: { id, context in
                try context.requireAdmin("delete users")
                if try context.requireUser().id.rawValue == id {
                    throw APIError(status: .conflict, code: "in_use", message: "you cannot delete your own user")
                }
                try await records.store.deleteUser(UserID(id))
            })
    }
}
