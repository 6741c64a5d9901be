import Foundation
import GRDB
import RapportCore

/// The `candidate_key` rows of each person, written with their row.
enum CandidateKeys {
    static func write(_ db: Database, candidateID: Int64, keys: [String]) throws {
        try db.cachedStatement(sql: "DELETE FROM candidate_key WHERE candidate_id = ?").execute(arguments: [candidateID])
        let statement = try db.cachedStatement(sql: "INSERT OR IGNORE INTO candidate_key (key, candidate_id) VALUES (?, ?)")
        for key in keys { try statement.execute(arguments: [key, candidateID]) }
    }

    /// Keys as a JSON list of strings, for `json_each`.
    static func jsonList(_ keys: [String]) -> String {
        (try? String(decoding: JSONEncoder().encode(keys), as: UTF8.self)) ?? "[]"
    }

    /// Every person's keys, from their stored name, phone and links: for the migration that adds the table, and
    /// after a bulk load.
    static func rebuild(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM candidate_key")
        let statement = try db.cachedStatement(sql: "INSERT OR IGNORE INTO candidate_key (key, candidate_id) VALUES (?, ?)")
        let rows = try Row.fetchCursor(db, sql: "SELECT id, name, phone, json_extract(details, '$.links') AS links FROM candidate")
        while let row = try rows.next() {
            let links = (row["links"] as String?).flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? []
            for key in IdentityKeys.keys(name: row["name"], phone: row["phone"], links: links) {
                try statement.execute(arguments: [key, row["id"] as Int64])
            }
        }
    }
}

extension SQLiteStore {
    public func likelyDuplicates(keys: [String], excluding: CandidateID?) async throws -> [LikelyDuplicate] {
        guard !keys.isEmpty else { return [] }
        return try await read { db in
            // One statement whatever the number of keys (a JSON list), so it is compiled once and kept.
            let holders = try CandidateKeys.holders(db, sql: """
                SELECT k.key, c.id, c.name FROM candidate_key k JOIN candidate c ON c.id = k.candidate_id
                WHERE k.key IN (SELECT value FROM json_each(?1)) AND c.id != ?2 ORDER BY c.id LIMIT 20
                """, arguments: [CandidateKeys.jsonList(keys), excluding?.rawValue ?? 0])
            return LikelyDuplicate.found(in: holders, excluding: excluding)
        }
    }

    public func keyHolders(_ keys: [String]) async throws -> [KeyHolder] {
        guard !keys.isEmpty else { return [] }
        return try await read { db in try CandidateKeys.holders(db, of: keys) }
    }
}

extension CandidateKeys {
    static func holders(_ db: Database, of keys: [String]) throws -> [KeyHolder] {
        try holders(db, sql: """
            SELECT k.key, c.id, c.name FROM candidate_key k JOIN candidate c ON c.id = k.candidate_id
            WHERE k.key IN (SELECT value FROM json_each(?1)) ORDER BY c.id
            """, arguments: [jsonList(keys)])
    }

    static func holders(_ db: Database, sql: String, arguments: StatementArguments) throws -> [KeyHolder] {
        try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map { row in
            KeyHolder(key: row["key"], candidateID: CandidateID(row["id"] as Int64), name: row["name"])
        }
    }
}
