import Foundation
import GRDB
import RapportCore

/// Reading and writing outreach, outbox, reply and obligation rows.
enum OutreachRows {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return decoder
    }()

    static func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try decoder.decode(type, from: Data(text.utf8))
    }

    static func envelope(_ envelope: MailEnvelope) throws -> String {
        try json(EnvelopeRow(envelope))
    }

    static func classification(_ classification: ReplyClassification) throws -> String {
        try json(ClassificationRow(classification))
    }

    static func time(_ row: Row, _ column: String) -> Date? {
        (row[column] as Int64?).map(StoredTime.date)
    }

    static func outreach(_ db: Database, where condition: String, _ arguments: StatementArguments, suffix: String = "") throws -> [Outreach] {
        // Conditions name columns as `outreach.…`: the outbox joined in has columns of the same names.
        let rows = try Row.fetchAll(db, sql: """
            SELECT outreach.*, coalesce(outbox.attempts, 0) AS outbox_attempts
            FROM outreach LEFT JOIN outbox ON outbox.outreach_id = outreach.id
            WHERE \(condition) \(suffix)
            """, arguments: arguments)
        guard !rows.isEmpty else { return [] }
        let ids: [Int64] = rows.map { $0["id"] }
        var jobs: [Int64: [OutreachJob]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT outreach_id, job_id, fit FROM outreach_job WHERE outreach_id IN (SELECT value FROM json_each(?))
            ORDER BY outreach_id, position
            """, arguments: [Database.jsonArray(ids)]) {
            jobs[row["outreach_id"], default: []].append(OutreachJob(jobID: JobID(row["job_id"] as Int64), fit: row["fit"]))
        }
        return try rows.map { row in
            let id: Int64 = row["id"]
            guard let kind = OutreachKind(rawValue: row["kind"]), let channel = OutreachChannel(rawValue: row["channel"]),
                  let status = OutreachStatus(rawValue: row["status"])
            else { throw RapportError.invalid(field: "outreach", "stored row \(id) has an unknown kind, channel or status") }
            let feedback = (row["feedback_relevant"] as Bool?).map { RelevanceFeedback(relevant: $0, at: time(row, "feedback_at") ?? .distantPast) }
            return Outreach(
                id: OutreachID(id), candidateID: CandidateID(row["candidate_id"] as Int64), recruiterID: UserID(row["recruiter_id"] as Int64),
                kind: kind, channel: channel, status: status, jobs: jobs[id] ?? [],
                content: MessageContent(subject: row["subject"], text: row["body_text"], html: row["body_html"]),
                createdAt: time(row, "created_at")!, sendAfter: time(row, "send_after")!, sentAt: time(row, "sent_at"),
                overrideReason: row["override_reason"], isAutomated: row["automated"], messageID: row["message_id"],
                attempts: row["outbox_attempts"],
                lastError: row["last_error"], feedback: feedback)
        }
    }

    static func requireOutreach(_ db: Database, _ id: OutreachID) throws -> Outreach {
        guard let outreach = try outreach(db, where: "outreach.id = ?", [id.rawValue]).first else {
            throw RapportError.notFound(entity: "outreach", id: id.description)
        }
        return outreach
    }

    static func outboxEntry(_ row: Row) throws -> OutboxEntry {
        let id: Int64 = row["id"]
        guard let status = OutboxEntry.Status(rawValue: row["status"]) else {
            throw RapportError.invalid(field: "outbox", "stored entry \(id) has an unknown status")
        }
        return OutboxEntry(
            id: OutboxID(id), outreachID: (row["outreach_id"] as Int64?).map { OutreachID($0) }, messageID: row["message_id"],
            envelope: try decode(EnvelopeRow.self, row["envelope"]).envelope, status: status, sendAfter: time(row, "send_after")!,
            attempts: row["attempts"], lastError: row["last_error"], sentAt: time(row, "sent_at"))
    }

    static func reply(_ row: Row) throws -> Reply {
        let id: Int64 = row["id"]
        guard let channel = OutreachChannel(rawValue: row["channel"]) else {
            throw RapportError.invalid(field: "reply", "stored reply \(id) has an unknown channel")
        }
        return Reply(
            id: ReplyID(id), candidateID: CandidateID(row["candidate_id"] as Int64),
            outreachID: (row["outreach_id"] as Int64?).map { OutreachID($0) }, channel: channel, receivedAt: time(row, "received_at")!,
            subject: row["subject"], text: row["body_text"], messageID: row["message_id"],
            classification: try decode(ClassificationRow.self, row["classification"]).classification(),
            loggedBy: (row["logged_by"] as Int64?).map { UserID($0) }, settledChanges: try decode([Int].self, row["settled_changes"]),
            referralID: (row["referral_id"] as Int64?).map { CandidateID($0) })
    }

    static func obligation(_ row: Row) throws -> FollowUpObligation {
        let id: Int64 = row["id"]
        guard let status = FollowUpObligation.Status(rawValue: row["status"]) else {
            throw RapportError.invalid(field: "obligation", "stored obligation \(id) has an unknown status")
        }
        return FollowUpObligation(
            id: ObligationID(id), reason: FollowUpObligation.Reason(rawValue: row["reason"]) ?? .reply,
            replyID: (row["reply_id"] as Int64?).map { ReplyID($0) }, submissionID: (row["submission_id"] as Int64?).map { SubmissionID($0) },
            candidateID: CandidateID(row["candidate_id"] as Int64),
            ownerID: UserID(row["owner_id"] as Int64), openedAt: time(row, "opened_at")!, dueAt: time(row, "due_at")!, status: status,
            fulfilledAt: time(row, "fulfilled_at"), fulfilledBy: (row["fulfilled_by"] as Int64?).map { OutreachID($0) },
            escalatedAt: time(row, "escalated_at"), escalatedTo: (row["escalated_to"] as Int64?).map { UserID($0) })
    }

    static func requireObligation(_ db: Database, _ id: ObligationID) throws -> FollowUpObligation {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM obligation WHERE id = ?", arguments: [id.rawValue]) else {
            throw RapportError.notFound(entity: "obligation", id: id.description)
        }
        return try obligation(row)
    }

    static func addEvent(_ db: Database, obligation: Int64, _ event: ObligationEvent) throws {
        try db.execute(sql: """
            INSERT INTO obligation_event (obligation_id, position, kind, at, actor_id, subject_id, note)
            VALUES (?, (SELECT coalesce(max(position), -1) + 1 FROM obligation_event WHERE obligation_id = ?), ?, ?, ?, ?, ?)
            """, arguments: [
                obligation, obligation, event.kind.rawValue, StoredTime.milliseconds(event.at), event.actorID?.rawValue,
                event.subjectID?.rawValue, event.note,
            ])
    }

    /// Fulfils the candidate's open obligations for replies received (or endings to tell them about) before `answeredAt`:
    /// the message answers them.
    static func fulfilAnswered(_ db: Database, candidate: CandidateID, by outreach: Int64, actor: UserID, answeredAt: Date) throws {
        let open = try Row.fetchAll(db, sql: """
            SELECT o.id FROM obligation o LEFT JOIN reply r ON r.id = o.reply_id
            WHERE o.candidate_id = ? AND o.status = 'open' AND coalesce(r.received_at, o.opened_at) <= ?
            """, arguments: [candidate.rawValue, StoredTime.milliseconds(answeredAt)])
        for row in open {
            let id: Int64 = row["id"]
            try db.execute(sql: "UPDATE obligation SET status = 'fulfilled', fulfilled_at = ?, fulfilled_by = ? WHERE id = ?",
                           arguments: [StoredTime.milliseconds(answeredAt), outreach, id])
            try addEvent(db, obligation: id, ObligationEvent(kind: .fulfilled, at: answeredAt, actorID: actor, subjectID: nil,
                                                             note: "answered by outreach \(outreach)"))
        }
    }
}
