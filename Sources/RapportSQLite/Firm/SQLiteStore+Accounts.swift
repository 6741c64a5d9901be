import Foundation
import GRDB
import RapportCore

extension SQLiteStore {
    public func setPasswordHash(_ hash: String?, for user: UserID) async throws {
        try await write { db in
            try db.requireRow(table: "app_user", entity: "user", id: user.rawValue)
            try db.execute(sql: "UPDATE app_user SET password_hash = ? WHERE id = ?", arguments: [hash, user.rawValue])
            try db.execute(sql: "DELETE FROM web_session WHERE user_id = ?", arguments: [user.rawValue])
        }
    }

    public func passwordHash(for user: UserID) async throws -> String? {
        try await read { db in
            try db.requireRow(table: "app_user", entity: "user", id: user.rawValue)
            return try String.fetchOne(db, sql: "SELECT password_hash FROM app_user WHERE id = ?", arguments: [user.rawValue])
        }
    }

    public func createSession(_ session: WebSession) async throws {
        try await write { db in
            let (user, candidate): (Int64?, Int64?) = switch session.subject {
            case .staff(let id): (id.rawValue, nil)
            case .candidate(let id): (nil, id.rawValue)
            }
            try db.execute(sql: """
                INSERT INTO web_session (id_hash, user_id, candidate_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [session.idHash, user, candidate, session.csrfToken, StoredTime.milliseconds(session.createdAt),
                                 StoredTime.milliseconds(session.expiresAt)])
        }
    }

    public func session(idHash: String, now: Date) async throws -> WebSession? {
        try await read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM web_session WHERE id_hash = ? AND expires_at > ?",
                                             arguments: [idHash, StoredTime.milliseconds(now)]) else { return nil }
            let subject: SessionSubject
            if let user = row["user_id"] as Int64? {
                subject = .staff(UserID(user))
            } else if let candidate = row["candidate_id"] as Int64? {
                subject = .candidate(CandidateID(candidate))
            } else {
                return nil
            }
            return WebSession(idHash: idHash, subject: subject, csrfToken: row["csrf_token"],
                              createdAt: StoredTime.date(row["created_at"]), expiresAt: StoredTime.date(row["expires_at"]))
        }
    }

    public func deleteSession(idHash: String) async throws {
        try await write { db in try db.execute(sql: "DELETE FROM web_session WHERE id_hash = ?", arguments: [idHash]) }
    }

    public func deleteExpiredSessions(now: Date) async throws -> Int {
        let dayAgo = StoredTime.milliseconds(now.addingTimeInterval(-86_400))
        return try await write { db in
            try db.execute(sql: "DELETE FROM web_session WHERE expires_at <= ?", arguments: [StoredTime.milliseconds(now)])
            let sessions = db.changesCount
            try db.execute(sql: "DELETE FROM sign_in_failure WHERE at < ?", arguments: [dayAgo])
            try db.execute(sql: "DELETE FROM portal_link WHERE expires_at < ?", arguments: [dayAgo])
            return sessions
        }
    }

    public func recordSignInFailure(key: String, at now: Date) async throws {
        try await write { db in
            try db.execute(sql: "INSERT INTO sign_in_failure (key, at) VALUES (?, ?)", arguments: [key, StoredTime.milliseconds(now)])
        }
    }

    public func signInFailures(key: String, since: Date) async throws -> Int {
        try await read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM sign_in_failure WHERE key = ? AND at >= ?",
                             arguments: [key, StoredTime.milliseconds(since)]) ?? 0
        }
    }

    public func clearSignInFailures(key: String) async throws {
        try await write { db in try db.execute(sql: "DELETE FROM sign_in_failure WHERE key = ?", arguments: [key]) }
    }

    public func createPortalLink(
        tokenHash: String, candidate: CandidateID, expiresAt: Date, mail: MailEnvelope, messageID: String, at now: Date
    ) async throws {
        let envelope = try OutreachRows.envelope(mail)
        try await write { db in
            try db.execute(sql: "INSERT INTO portal_link (token_hash, candidate_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                           arguments: [tokenHash, candidate.rawValue, StoredTime.milliseconds(now), StoredTime.milliseconds(expiresAt)])
            try db.execute(sql: "INSERT INTO outbox (message_id, envelope, status, send_after) VALUES (?, ?, 'queued', ?)",
                           arguments: [messageID, envelope, StoredTime.milliseconds(now)])
        }
    }

    public func usePortalLink(tokenHash: String, at now: Date) async throws -> PortalLinkUse {
        let stamp = StoredTime.milliseconds(now)
        return try await write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM portal_link WHERE token_hash = ?", arguments: [tokenHash]) else {
                return .unknown
            }
            if (row["used_at"] as Int64?) != nil { return .alreadyUsed }
            if (row["expires_at"] as Int64) <= stamp { return .expired }
            try db.execute(sql: "UPDATE portal_link SET used_at = ? WHERE token_hash = ?", arguments: [stamp, tokenHash])
            return .signedIn(CandidateID(row["candidate_id"] as Int64))
        }
    }

    public func firmSettings() async throws -> [String: Int] {
        try await read { db in
            var values: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT name, value FROM firm_setting") { values[row["name"]] = row["value"] }
            return values
        }
    }

    public func saveFirmSettings(_ values: [String: Int]) async throws {
        try await write { db in
            for (name, value) in values.sorted(by: { $0.key < $1.key }) {
                try db.execute(sql: "INSERT INTO firm_setting (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                               arguments: [name, value])
            }
        }
    }
}
