import Foundation
import GRDB
import RapportCore

extension SQLiteStore {
    public func mergeCandidates(_ merge: CandidateMerge, profile: CandidateProfile, by user: UserID?, at now: Date) async throws -> Candidate {
        let now = now.truncatedToMilliseconds
        let kept = merge.kept.id.rawValue
        let absorbed = merge.absorbed.id.rawValue
        return try await write { db in
            try db.checkVersion(table: "candidate", entity: "candidate", id: kept, expected: merge.kept.version)
            try db.checkVersion(table: "candidate", entity: "candidate", id: absorbed, expected: merge.absorbed.version)
            // Two live submissions to one job cannot become one person's two: a recruiter closes one first.
            if let title = try String.fetchOne(db, sql: """
                SELECT j.title FROM submission a JOIN submission b ON b.job_id = a.job_id AND b.active = 1 JOIN job j ON j.id = a.job_id
                WHERE a.candidate_id = ? AND a.active = 1 AND b.candidate_id = ? LIMIT 1
                """, arguments: [kept, absorbed]) {
                throw RapportError.inUse(entity: "candidate", message: "both records are in the pipeline for \(title); close one of the two first")
            }
            try Self.moveEverything(db, from: absorbed, to: kept, at: now)
            try db.execute(sql: "DELETE FROM candidate WHERE id = ?", arguments: [absorbed])
            try db.execute(sql: "INSERT INTO candidate_alias (old_id, candidate_id, email, merged_at, merged_by) VALUES (?, ?, ?, ?, ?)",
                           arguments: [absorbed, kept, merge.aliasEmail, StoredTime.milliseconds(now), user?.rawValue])
            return try Self.updateCandidateRow(db, merge.kept.id, expectedVersion: merge.kept.version, CandidateWrite(profile), at: now)
        }
    }

    /// Points every row that refers to `from` at `to`, whatever table it is in: the schema's own foreign keys say
    /// which, so a table added later moves too. A row that cannot move because `to` already has its match (a touch
    /// schedule, the same import run, a skill or key recomputed anyway) stays and goes with `from`.
    private static func moveEverything(_ db: Database, from: Int64, to: Int64, at now: Date) throws {
        let references = try Row.fetchAll(db, sql: """
            SELECT m.name AS tableName, f."from" AS column FROM sqlite_master m, pragma_foreign_key_list(m.name) f
            WHERE m.type = 'table' AND f."table" = 'candidate' ORDER BY m.name, f."from"
            """)
        for reference in references {
            let table: String = reference["tableName"]
            let column: String = reference["column"]
            if table == "candidate" {
                // People the absorbed record referred are now referred by the kept one: their record changed.
                try db.execute(sql: """
                    UPDATE candidate SET referrer_id = ?, version = version + 1, updated_at = ? WHERE referrer_id = ? AND id != ?
                    """, arguments: [to, StoredTime.milliseconds(now), from, to])
            } else {
                try db.execute(sql: "UPDATE OR IGNORE \"\(table)\" SET \"\(column)\" = ? WHERE \"\(column)\" = ?", arguments: [to, from])
            }
        }
    }

    public func mergedCandidate(_ id: CandidateID) async throws -> CandidateID? {
        try await read { db in
            let merged = try Int64.fetchOne(db, sql: "SELECT candidate_id FROM candidate_alias WHERE old_id = ?", arguments: [id.rawValue])
            return merged.map { CandidateID($0) }
        }
    }
}
