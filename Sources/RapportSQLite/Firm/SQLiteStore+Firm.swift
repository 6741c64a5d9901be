import Foundation
import GRDB
import RapportCore

extension SQLiteStore {
    public func createPractice(_ details: PracticeDetails) async throws -> Practice {
        try await write { db in
            try db.checkReferences(details.references)
            try Self.checkPracticeNameIsFree(db, details.name, except: nil)
            try db.execute(sql: "INSERT INTO practice (name, description, lead_id, version) VALUES (?, ?, ?, 1)",
                           arguments: [details.name, details.description, details.leadID?.rawValue])
            return Practice(id: PracticeID(db.lastInsertedRowID), version: 1, details: details)
        }
    }

    public func practice(_ id: PracticeID) async throws -> Practice {
        try await read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM practice WHERE id = ?", arguments: [id.rawValue]) else {
                throw RapportError.notFound(entity: "practice", id: id.description)
            }
            return Self.practice(row)
        }
    }

    public func updatePractice(_ id: PracticeID, expectedVersion: Int, _ details: PracticeDetails) async throws -> Practice {
        try await write { db in
            try db.checkVersion(table: "practice", entity: "practice", id: id.rawValue, expected: expectedVersion)
            try db.checkReferences(details.references)
            try Self.checkPracticeNameIsFree(db, details.name, except: id)
            try db.execute(sql: "UPDATE practice SET name = ?, description = ?, lead_id = ?, version = version + 1 WHERE id = ?",
                           arguments: [details.name, details.description, details.leadID?.rawValue, id.rawValue])
            return Practice(id: id, version: expectedVersion + 1, details: details)
        }
    }

    public func deletePractice(_ id: PracticeID) async throws {
        try await write { db in
            try db.requireRow(table: "practice", entity: "practice", id: id.rawValue)
            let usage = try Row.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM user_practice WHERE practice_id = :id) AS members,
                       (SELECT count(*) FROM job WHERE practice_id = :id) AS jobs,
                       (SELECT count(*) FROM candidate WHERE home_practice_id = :id) AS candidates
                """, arguments: ["id": id.rawValue])!
            let members: Int = usage["members"], jobs: Int = usage["jobs"], candidates: Int = usage["candidates"]
            if members + jobs + candidates > 0 {
                throw RapportError.inUse(entity: "practice", message: """
                    practice \(id) still has \(members) member(s), \(jobs) job(s) and \(candidates) candidate(s); move them first
                    """)
            }
            try db.execute(sql: "DELETE FROM practice WHERE id = ?", arguments: [id.rawValue])
        }
    }

    public func practices(page: PageRequest) async throws -> Page<Practice> {
        try await read { db in
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM practice") ?? 0
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM practice WHERE id > ? ORDER BY id LIMIT ?", arguments: [page.after ?? 0, page.limit + 1])
            return makePage(rows.map(Self.practice), limit: page.limit, total: total) { $0.id.rawValue }
        }
    }

    public func createUser(_ details: UserDetails) async throws -> User {
        try await write { db in
            try db.checkReferences(details.references)
            try Self.checkUserEmailIsFree(db, details.email, except: nil)
            try db.execute(sql: "INSERT INTO app_user (email, name, role, region, active, version) VALUES (?, ?, ?, ?, ?, 1)",
                           arguments: [details.email, details.name, details.role.rawValue, details.region.rawValue, details.active])
            let id = db.lastInsertedRowID
            try Self.insertMemberships(db, userID: id, details.practiceIDs)
            return User(id: UserID(id), version: 1, details: details)
        }
    }

    public func user(_ id: UserID) async throws -> User {
        try await read { db in
            guard let user = try Self.users(db, where: "id = ?", [id.rawValue]).first else {
                throw RapportError.notFound(entity: "user", id: id.description)
            }
            return user
        }
    }

    public func user(email: String) async throws -> User? {
        try await read { db in try Self.users(db, where: "email = ?", [email]).first }
    }

    public func updateUser(_ id: UserID, expectedVersion: Int, _ details: UserDetails) async throws -> User {
        try await write { db in
            try db.checkVersion(table: "app_user", entity: "user", id: id.rawValue, expected: expectedVersion)
            try db.checkReferences(details.references)
            try Self.checkUserEmailIsFree(db, details.email, except: id)
            try db.execute(sql: "UPDATE app_user SET email = ?, name = ?, role = ?, region = ?, active = ?, version = version + 1 WHERE id = ?",
                           arguments: [details.email, details.name, details.role.rawValue, details.region.rawValue, details.active, id.rawValue])
            try db.execute(sql: "DELETE FROM user_practice WHERE user_id = ?", arguments: [id.rawValue])
            try Self.insertMemberships(db, userID: id.rawValue, details.practiceIDs)
            return User(id: id, version: expectedVersion + 1, details: details)
        }
    }

    public func deleteUser(_ id: UserID) async throws {
        try await write { db in
            try db.requireRow(table: "app_user", entity: "user", id: id.rawValue)
            // Messages and follow-ups keep who wrote and who owes them; such a user is deactivated, not deleted.
            let history = try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM outreach WHERE recruiter_id = ?) OR EXISTS (SELECT 1 FROM obligation WHERE owner_id = ?)
                    OR EXISTS (SELECT 1 FROM submission_event WHERE by_user = ?) OR EXISTS (SELECT 1 FROM placement WHERE recruiter_id = ?)
                """, arguments: [id.rawValue, id.rawValue, id.rawValue, id.rawValue]) ?? false
            if history {
                throw RapportError.inUse(
                    entity: "user", message: "has sent messages, owns follow-ups or moved submissions; set active to false instead")
            }
            try db.execute(sql: "DELETE FROM app_user WHERE id = ?", arguments: [id.rawValue])
        }
    }

    public func users(page: PageRequest) async throws -> Page<User> {
        try await read { db in
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM app_user") ?? 0
            let users = try Self.users(db, where: "id > ? ORDER BY id LIMIT ?", [page.after ?? 0, page.limit + 1])
            return makePage(users, limit: page.limit, total: total) { $0.id.rawValue }
        }
    }

    public func saveAPIToken(hash: String, userID: UserID, label: String, at now: Date) async throws {
        try await write { db in
            try db.requireRow(table: "app_user", entity: "user", id: userID.rawValue)
            try db.execute(sql: "INSERT INTO api_token (token_hash, user_id, label, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [hash, userID.rawValue, label, StoredTime.milliseconds(now)])
        }
    }

    public func user(apiTokenHash: String) async throws -> User? {
        try await read { db in
            try Self.users(db, where: "active = 1 AND id = (SELECT user_id FROM api_token WHERE token_hash = ?)", [apiTokenHash]).first
        }
    }

    // MARK: Rows

    static func practice(_ row: Row) -> Practice {
        Practice(id: PracticeID(row["id"] as Int64), version: row["version"], details: PracticeDetails(
            name: row["name"], description: row["description"], leadID: (row["lead_id"] as Int64?).map { UserID($0) }))
    }

    /// Users matching a fixed condition, with their practices, in one pass.
    static func users(_ db: Database, where condition: String, _ arguments: StatementArguments) throws -> [User] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT u.*, (SELECT json_group_array(practice_id) FROM
                (SELECT practice_id FROM user_practice WHERE user_id = u.id ORDER BY position)) AS practice_ids
            FROM app_user u WHERE \(condition)
            """, arguments: arguments)
        return try rows.map { row in
            let practices = try JSONDecoder().decode([Int64].self, from: Data((row["practice_ids"] as String).utf8))
            return User(id: UserID(row["id"] as Int64), version: row["version"], details: UserDetails(
                email: row["email"], name: row["name"], role: Role(rawValue: row["role"])!, region: Region(rawValue: row["region"])!,
                practiceIDs: practices.map { PracticeID($0) }, active: row["active"]))
        }
    }

    static func insertMemberships(_ db: Database, userID: Int64, _ practices: [PracticeID]) throws {
        for (position, practice) in practices.enumerated() {
            try db.execute(sql: "INSERT INTO user_practice (user_id, practice_id, position) VALUES (?, ?, ?)",
                           arguments: [userID, practice.rawValue, position])
        }
    }

    static func checkPracticeNameIsFree(_ db: Database, _ name: String, except id: PracticeID?) throws {
        let owner = try Int64.fetchOne(db, sql: "SELECT id FROM practice WHERE name = ?", arguments: [name])
        if let owner, owner != id?.rawValue {
            throw RapportError.duplicate(field: "name", message: "is the name of another practice")
        }
    }

    static func checkUserEmailIsFree(_ db: Database, _ email: String, except id: UserID?) throws {
        let owner = try Int64.fetchOne(db, sql: "SELECT id FROM app_user WHERE email = ?", arguments: [email])
        if let owner, owner != id?.rawValue {
            throw RapportError.duplicate(field: "email", message: "belongs to another user")
        }
    }
}
