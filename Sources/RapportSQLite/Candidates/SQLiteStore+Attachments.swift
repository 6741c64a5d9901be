import Crypto
import Foundation
import GRDB
import RapportCore

extension SQLiteStore {
    public func saveAttachment(_ content: Data, fileName: String, kind: AttachmentKind, candidate: CandidateID?, by user: UserID?,
                               at now: Date) async throws -> Attachment {
        let now = now.truncatedToMilliseconds
        let digest = SHA256.hash(data: content).map { String(format: "%02x", $0) }.joined()
        let name = String(fileName.prefix(255))
        return try await write { db in
            if let candidate { try db.requireRow(table: "candidate", entity: "candidate", id: candidate.rawValue) }
            try db.execute(sql: """
                INSERT INTO attachment (candidate_id, file_name, kind, size, sha256, content, uploaded_by, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [candidate?.rawValue, name, kind.rawValue, content.count, digest, content, user?.rawValue,
                                 StoredTime.milliseconds(now)])
            return Attachment(id: AttachmentID(db.lastInsertedRowID), candidateID: candidate, fileName: name, kind: kind,
                              size: content.count, sha256: digest, uploadedBy: user, uploadedAt: now)
        }
    }

    public func attachment(_ id: AttachmentID) async throws -> Attachment {
        try await read { db in try Self.attachment(db, id) }
    }

    public func attachmentContent(_ id: AttachmentID) async throws -> Data {
        try await read { db in
            guard let content = try Data.fetchOne(db, sql: "SELECT content FROM attachment WHERE id = ?", arguments: [id.rawValue]) else {
                throw RapportError.notFound(entity: "attachment", id: id.description)
            }
            return content
        }
    }

    public func attachments(candidate id: CandidateID) async throws -> [Attachment] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.attachmentColumns) FROM attachment WHERE candidate_id = ? ORDER BY uploaded_at DESC, id DESC",
                             arguments: [id.rawValue]).map(Self.attachment)
        }
    }

    public func attach(_ id: AttachmentID, to candidate: CandidateID) async throws -> Attachment {
        try await write { db in
            try db.requireRow(table: "candidate", entity: "candidate", id: candidate.rawValue)
            try db.execute(sql: "UPDATE attachment SET candidate_id = ? WHERE id = ?", arguments: [candidate.rawValue, id.rawValue])
            return try Self.attachment(db, id)
        }
    }

    public func deleteUnattachedAttachments(before cutoff: Date) async throws -> Int {
        try await write { db in
            try db.execute(sql: "DELETE FROM attachment WHERE candidate_id IS NULL AND uploaded_at < ?",
                           arguments: [StoredTime.milliseconds(cutoff)])
            return db.changesCount
        }
    }

    /// Every column but the bytes, which only a download reads.
    private static let attachmentColumns = "id, candidate_id, file_name, kind, size, sha256, uploaded_by, uploaded_at"

    private static func attachment(_ db: Database, _ id: AttachmentID) throws -> Attachment {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(attachmentColumns) FROM attachment WHERE id = ?", arguments: [id.rawValue]) else {
            throw RapportError.notFound(entity: "attachment", id: id.description)
        }
        return attachment(row)
    }

    private static func attachment(_ row: Row) -> Attachment {
        Attachment(id: AttachmentID(row["id"] as Int64), candidateID: (row["candidate_id"] as Int64?).map { CandidateID($0) },
                   fileName: row["file_name"], kind: AttachmentKind(rawValue: row["kind"]) ?? .text, size: row["size"],
                   sha256: row["sha256"], uploadedBy: (row["uploaded_by"] as Int64?).map { UserID($0) },
                   uploadedAt: StoredTime.date(row["uploaded_at"]))
    }
}
