import Foundation
import GRDB
import RapportCore

extension SQLiteStore {
    public func savePendingImport(_ pending: PendingImport) async throws {
        try await write { db in
            try db.execute(sql: """
                INSERT INTO pending_import (token, file_name, format, region, commit_valid, mapping, content, uploaded_by, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [pending.token, String(pending.fileName.prefix(255)), pending.format, pending.region?.rawValue,
                                 pending.commitValid, pending.mapping, pending.content, pending.uploadedBy.rawValue,
                                 StoredTime.milliseconds(pending.uploadedAt)])
        }
    }

    public func pendingImport(token: String) async throws -> PendingImport? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM pending_import WHERE token = ?", arguments: [token]).map { row in
                PendingImport(token: row["token"], fileName: row["file_name"], format: row["format"],
                              region: (row["region"] as String?).flatMap(Region.init(rawValue:)), commitValid: row["commit_valid"],
                              mapping: row["mapping"], content: row["content"], uploadedBy: UserID(row["uploaded_by"] as Int64),
                              uploadedAt: StoredTime.date(row["uploaded_at"]))
            }
        }
    }

    public func deletePendingImport(token: String) async throws {
        try await write { db in try db.execute(sql: "DELETE FROM pending_import WHERE token = ?", arguments: [token]) }
    }

    public func deletePendingImports(before cutoff: Date) async throws -> Int {
        try await write { db in
            try db.execute(sql: "DELETE FROM pending_import WHERE uploaded_at < ?", arguments: [StoredTime.milliseconds(cutoff)])
            return db.changesCount
        }
    }
}
