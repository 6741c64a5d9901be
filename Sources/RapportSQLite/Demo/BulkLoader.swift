import Foundation
import GRDB
import RapportCore

extension SQLiteStore {
    /// True when the database holds no candidates, users or practices yet.
    public func isEmpty() async throws -> Bool {
        try await read { db in
            try Bool.fetchOne(db, sql: """
                SELECT NOT EXISTS (SELECT 1 FROM candidate) AND NOT EXISTS (SELECT 1 FROM app_user)
                    AND NOT EXISTS (SELECT 1 FROM practice)
                """) ?? false
        }
    }

    /// Loads a whole generated data set into an empty database: candidates are made by `candidate(index)` for index
    /// `0..<candidateCount`, in chunks generated on one core while the previous chunk is written on another, with
    /// raw binds, secondary indexes rebuilt once at the end and references checked once (BENCHMARKS.md has the
    /// figures). A load commits chunk by chunk, so a failed one leaves an incomplete database: load into a new file
    /// and move it into place when this returns, as `rapport demo` does.
    public func bulkLoad(
        _ firm: FirmDataset,
        candidateCount: Int,
        candidate: @escaping @Sendable (Int) -> Candidate,
        progress: @escaping @Sendable (Int) -> Void = { _ in }
    ) async throws {
        guard try await isEmpty() else {
            throw RapportError.inUse(entity: "database", message: "already holds data; bulk loads go into an empty database only")
        }
        try await writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = OFF")
            // Checked once for the whole load (foreign_key_check below) instead of twice for every row: a third
            // of the insert time on the million-candidate load.
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            // 256 MiB of page cache while loading (2 GiB measured slower: the index sorts spill less but fault more).
            try db.execute(sql: "PRAGMA cache_size = -262144")
        }
        do {
            try await writer.write { db in try Self.insertFirm(db, firm) }
            let chunkSize = 20_000
            let chunks = (candidateCount + chunkSize - 1) / chunkSize
            let prepare: @Sendable (Int) -> [PreparedCandidate] = { chunk in
                let range = (chunk * chunkSize)..<min(candidateCount, (chunk + 1) * chunkSize)
                return range.map { index in
                    let made = candidate(index)
                    return PreparedCandidate(candidate: made, details: CandidateDetailsDocument.encode(made.profile))
                }
            }
            // Secondary indexes are built once at the end: sorting a million keys beats a million B-tree inserts.
            let indexes = try await writer.write { db in try Self.dropIndexes(db, tables: ["candidate", "candidate_skill"]) }
            var batch = chunks > 0 ? prepare(0) : []
            for chunk in 0..<chunks {
                async let upcoming = chunk + 1 < chunks ? prepare(chunk + 1) : []
                let current = batch
                try await writer.write { db in try Self.insertCandidates(db, current) }
                progress(min(candidateCount, (chunk + 1) * chunkSize))
                batch = await upcoming
            }
            try await writer.write { db in
                if try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") != nil {
                    throw RapportError.invalid(field: "", "the loaded data refers to records that do not exist")
                }
                for sql in indexes { try db.execute(sql: sql) }
                // The loaded people's identity keys, computed from their rows once, as the migration does.
                try CandidateKeys.rebuild(db)
            }
        } catch {
            try? await restoreSettings()
            throw error
        }
        try await restoreSettings()
    }

    private func restoreSettings() async throws {
        try await writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            try db.execute(sql: "PRAGMA cache_size = -2000")
            if db.configuration.readonly == false, try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal" {
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
        }
    }

    struct PreparedCandidate: Sendable {
        var candidate: Candidate
        var details: String
    }

    /// Drops the named indexes of `tables` and returns the SQL that recreates them.
    private static func dropIndexes(_ db: Database, tables: [String]) throws -> [String] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master
            WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (SELECT value FROM json_each(?))
            """, arguments: ["[" + tables.map { "\"\($0)\"" }.joined(separator: ",") + "]"])
        for row in rows {
            let name: String = row["name"]
            try db.execute(sql: "DROP INDEX \"\(name)\"")
        }
        return rows.map { $0["sql"] }
    }

    private static func insertFirm(_ db: Database, _ firm: FirmDataset) throws {
        for practice in firm.practices {
            try db.execute(sql: "INSERT INTO practice (id, name, description, lead_id, version) VALUES (?, ?, ?, NULL, ?)",
                           arguments: [practice.id.rawValue, practice.details.name, practice.details.description, practice.version])
        }
        for user in firm.users {
            let details = user.details
            try db.execute(sql: "INSERT INTO app_user (id, email, name, role, region, active, version) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [user.id.rawValue, details.email, details.name, details.role.rawValue, details.region.rawValue,
                                       details.active, user.version])
            try insertMemberships(db, userID: user.id.rawValue, details.practiceIDs)
        }
        for practice in firm.practices {
            try db.execute(sql: "UPDATE practice SET lead_id = ? WHERE id = ?", arguments: [practice.details.leadID?.rawValue, practice.id.rawValue])
        }
        try insertSkills(db, firm.skills)
        try db.execute(sql: "UPDATE taxonomy_state SET version = version + 1, standard_version = ?",
                       arguments: [firm.standardTaxonomyVersion])
        for client in firm.clients {
            let details = client.details
            try db.execute(sql: "INSERT INTO client (id, name, industry, region, website, notes, version) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [client.id.rawValue, details.name, details.industry, details.region.rawValue, details.website,
                                       details.notes, client.version])
        }
        for job in firm.jobs {
            _ = try JobRows.insert(db, id: job.id.rawValue, job.details, createdAt: job.createdAt, updatedAt: job.updatedAt, version: job.version)
        }
    }

    private static func insertCandidates(_ db: Database, _ batch: [PreparedCandidate]) throws {
        var candidateRow = try RawInsert(db, sql: CandidateRows.insertSQL)
        var skillRow = try RawInsert(db, sql: CandidateRows.insertSkillSQL)
        for prepared in batch {
            let candidate = prepared.candidate
            try candidateRow.insert(candidate, details: prepared.details)
            for (position, skill) in candidate.profile.skills.enumerated() {
                try skillRow.insert(skill, candidateID: candidate.id.rawValue, position: position)
            }
        }
    }
}
