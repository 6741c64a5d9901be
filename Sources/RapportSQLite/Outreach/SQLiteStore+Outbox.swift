import Foundation
import GRDB
import RapportCore

extension SQLiteStore {
    public func dueOutbox(now: Date, limit: Int) async throws -> [OutboxID] {
        let now = StoredTime.milliseconds(now)
        return try await read { db in
            try Int64.fetchAll(db, sql: """
                SELECT id FROM outbox
                WHERE (status = 'queued' AND send_after <= ?) OR (status = 'sending' AND claimed_until <= ?)
                ORDER BY send_after, id LIMIT ?
                """, arguments: [now, now, max(0, limit)]).map { OutboxID($0) }
        }
    }

    public func beginSending(
        _ id: OutboxID, now: Date, decide: @escaping @Sendable (SendingCheck) -> SendingDecision
    ) async throws -> SendingStart {
        let stamp = StoredTime.milliseconds(now)
        return try await write { db in
            // Due and not claimed by a live worker; otherwise another worker has it, or it is gone.
            guard let row = try Row.fetchOne(db, sql: """
                SELECT * FROM outbox WHERE id = ?
                AND ((status = 'queued' AND send_after <= ?) OR (status = 'sending' AND claimed_until <= ?))
                """, arguments: [id.rawValue, stamp, stamp])
            else { return .notDue }
            let entry = try OutreachRows.outboxEntry(row)
            let check: SendingCheck
            if let outreachID = entry.outreachID {
                let outreach = try OutreachRows.requireOutreach(db, outreachID)
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM candidate WHERE id = ?", arguments: [outreach.candidateID.rawValue])
                guard let candidate = try CandidateRows.candidates(db, rows: rows).first else { return .notDue }
                // This message's own reservation, left by an attempt that crashed, must not count against it.
                let others = try Self.pitchHistory(db, candidate: outreach.candidateID, excluding: outreach.id)
                let submissions = outreach.jobs.isEmpty
                    ? [] : try Self.submissions(db, where: "candidate_id = ?", [outreach.candidateID.rawValue])
                check = .outreach(outreach, candidate: candidate, history: others, submissions: submissions,
                                  address: try Self.addressStatus(db, candidate.profile.email))
            } else {
                check = .notice
            }
            switch decide(check) {
            case .send(let claimedUntil):
                try db.execute(sql: "UPDATE outbox SET status = 'sending', claimed_until = ?, attempts = attempts + 1 WHERE id = ?",
                               arguments: [StoredTime.milliseconds(claimedUntil), id.rawValue])
                if let outreachID = entry.outreachID {
                    try db.execute(sql: "UPDATE outreach SET status = 'sending' WHERE id = ?", arguments: [outreachID.rawValue])
                }
                var sending = entry
                sending.status = .sending
                sending.attempts += 1
                return .send(sending)
            case .hold(let until):
                try db.execute(sql: "UPDATE outbox SET status = 'queued', send_after = ?, claimed_until = NULL WHERE id = ?",
                               arguments: [StoredTime.milliseconds(until), id.rawValue])
                if let outreachID = entry.outreachID {
                    try db.execute(sql: "UPDATE outreach SET status = 'queued', send_after = ? WHERE id = ?",
                                   arguments: [StoredTime.milliseconds(until), outreachID.rawValue])
                }
                return .held(until: until)
            case .block(let codes):
                let reason = "blocked at send time: " + codes.joined(separator: ", ")
                try db.execute(sql: "UPDATE outbox SET status = 'cancelled', last_error = ?, claimed_until = NULL WHERE id = ?",
                               arguments: [reason, id.rawValue])
                if let outreachID = entry.outreachID {
                    try db.execute(sql: "UPDATE outreach SET status = 'blocked', last_error = ? WHERE id = ?",
                                   arguments: [reason, outreachID.rawValue])
                }
                return .blocked(codes: codes)
            }
        }
    }

    public func finishSending(_ id: OutboxID, outcome: DeliveryOutcome, at now: Date) async throws {
        let stamp = StoredTime.milliseconds(now)
        try await write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM outbox WHERE id = ?", arguments: [id.rawValue]) else {
                throw RapportError.notFound(entity: "outbox entry", id: id.description)
            }
            let entry = try OutreachRows.outboxEntry(row)
            let outreachID = entry.outreachID?.rawValue
            switch outcome {
            case .accepted(let serverReply):
                try db.execute(sql: """
                    UPDATE outbox SET status = 'sent', sent_at = ?, server_reply = ?, claimed_until = NULL, last_error = NULL WHERE id = ?
                    """, arguments: [stamp, serverReply, id.rawValue])
                try db.execute(sql: "UPDATE outreach SET status = 'sent', sent_at = ?, last_error = NULL WHERE id = ?",
                               arguments: [stamp, outreachID])
            case .transientFailure(let message, let retryAt):
                // Back in the queue: it does not count as a pitch until a server accepts it.
                try db.execute(sql: """
                    UPDATE outbox SET status = 'queued', send_after = ?, claimed_until = NULL, last_error = ? WHERE id = ?
                    """, arguments: [StoredTime.milliseconds(retryAt), message, id.rawValue])
                try db.execute(sql: "UPDATE outreach SET status = 'queued', last_error = ? WHERE id = ?", arguments: [message, outreachID])
            case .permanentFailure(let message, let addressRejected):
                try db.execute(sql: "UPDATE outbox SET status = 'failed', claimed_until = NULL, last_error = ? WHERE id = ?",
                               arguments: [message, id.rawValue])
                try db.execute(sql: "UPDATE outreach SET status = 'failed', last_error = ? WHERE id = ?", arguments: [message, outreachID])
                if addressRejected {
                    try Self.suppress(db, email: entry.envelope.toEmail, .undeliverable, reason: message, at: now)
                }
            }
        }
    }

    public func outboxEntry(_ id: OutboxID) async throws -> OutboxEntry {
        try await read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM outbox WHERE id = ?", arguments: [id.rawValue]) else {
                throw RapportError.notFound(entity: "outbox entry", id: id.description)
            }
            return try OutreachRows.outboxEntry(row)
        }
    }

    public func outboxEntry(outreach: OutreachID) async throws -> OutboxEntry? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM outbox WHERE outreach_id = ?", arguments: [outreach.rawValue]).map(OutreachRows.outboxEntry)
        }
    }
}
