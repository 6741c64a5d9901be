import Foundation
import GRDB
import RapportCore

extension SQLiteStore {
    public func createReply(_ draft: ReplyDraft, at now: Date) async throws -> Reply {
        let now = now.truncatedToMilliseconds
        let classification = try OutreachRows.classification(draft.classification)
        return try await write { db in
            try Self.requireReply(db, ReplyID(try Self.insertReply(db, draft, classification: classification, at: now)))
        }
    }

    /// Inserts a reply and opens its obligation; shared by replies and by detractors' survey answers.
    static func insertReply(_ db: Database, _ draft: ReplyDraft, classification: String, at now: Date) throws -> Int64 {
        var references = [EntityReference(field: "candidateID", kind: .candidate, id: draft.candidateID.rawValue)]
        if let owner = draft.obligation?.ownerID { references.append(EntityReference(field: "ownerID", kind: .user, id: owner.rawValue)) }
        try db.checkReferences(references)
        if let messageID = draft.messageID,
           try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM reply WHERE message_id = ?)", arguments: [messageID]) == true {
            throw RapportError.duplicate(field: "messageID", message: "a reply with Message-ID \(messageID) is already stored")
        }
        try db.execute(sql: """
            INSERT INTO reply (candidate_id, outreach_id, channel, received_at, subject, body_text, message_id, intent,
                classification, logged_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                draft.candidateID.rawValue, draft.outreachID?.rawValue, draft.channel.rawValue,
                StoredTime.milliseconds(draft.receivedAt), draft.subject, draft.text, draft.messageID,
                draft.classification.intent.code, classification, draft.loggedBy?.rawValue,
            ])
        let replyID = db.lastInsertedRowID
        if let obligation = draft.obligation {
            try db.execute(sql: """
                INSERT INTO obligation (reason, reply_id, candidate_id, owner_id, opened_at, due_at, status) VALUES ('reply', ?, ?, ?, ?, ?, 'open')
                """, arguments: [
                    replyID, draft.candidateID.rawValue, obligation.ownerID.rawValue, StoredTime.milliseconds(draft.receivedAt),
                    StoredTime.milliseconds(obligation.dueAt),
                ])
            try OutreachRows.addEvent(db, obligation: db.lastInsertedRowID, ObligationEvent(
                kind: .opened, at: now, actorID: nil, subjectID: obligation.ownerID,
                note: "reply \(replyID) (\(draft.classification.intent.code)) received"))
        }
        return replyID
    }

    static func requireReply(_ db: Database, _ id: ReplyID) throws -> Reply {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM reply WHERE id = ?", arguments: [id.rawValue]) else {
            throw RapportError.notFound(entity: "reply", id: id.description)
        }
        return try OutreachRows.reply(row)
    }

    public func reply(_ id: ReplyID) async throws -> Reply {
        try await read { db in try Self.requireReply(db, id) }
    }

    public func reply(messageID: String) async throws -> Reply? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM reply WHERE message_id = ?", arguments: [messageID]).map(OutreachRows.reply)
        }
    }

    public func replies(candidate: CandidateID) async throws -> [Reply] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM reply WHERE candidate_id = ? ORDER BY received_at DESC, id DESC",
                             arguments: [candidate.rawValue]).map(OutreachRows.reply)
        }
    }

    public func updateReply(_ reply: Reply) async throws -> Reply {
        let classification = try OutreachRows.classification(reply.classification)
        let settled = try OutreachRows.json(reply.settledChanges)
        return try await write { db in
            try db.requireRow(table: "reply", entity: "reply", id: reply.id.rawValue)
            try db.execute(sql: "UPDATE reply SET intent = ?, classification = ?, settled_changes = ?, referral_id = ? WHERE id = ?",
                           arguments: [reply.classification.intent.code, classification, settled, reply.referralID?.rawValue, reply.id.rawValue])
            return try Self.requireReply(db, reply.id)
        }
    }

    public func obligation(_ id: ObligationID) async throws -> FollowUpObligation {
        try await read { db in try OutreachRows.requireObligation(db, id) }
    }

    public func obligation(reply: ReplyID) async throws -> FollowUpObligation? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM obligation WHERE reply_id = ?", arguments: [reply.rawValue]).map(OutreachRows.obligation)
        }
    }

    public func obligations(owner: UserID?, openOnly: Bool, limit: Int) async throws -> [FollowUpObligation] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM obligation
                WHERE (? IS NULL OR owner_id = ?) AND (? = 0 OR status = 'open')
                ORDER BY status = 'fulfilled', due_at, id LIMIT ?
                """, arguments: [owner?.rawValue, owner?.rawValue, openOnly, max(0, limit)]).map(OutreachRows.obligation)
        }
    }

    public func obligations(candidate: CandidateID) async throws -> [FollowUpObligation] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM obligation WHERE candidate_id = ? ORDER BY opened_at, id",
                             arguments: [candidate.rawValue]).map(OutreachRows.obligation)
        }
    }

    public func obligationEvents(_ id: ObligationID) async throws -> [ObligationEvent] {
        try await read { db in
            try db.requireRow(table: "obligation", entity: "obligation", id: id.rawValue)
            return try Row.fetchAll(db, sql: "SELECT * FROM obligation_event WHERE obligation_id = ? ORDER BY position",
                                    arguments: [id.rawValue]).map { row in
                ObligationEvent(
                    kind: ObligationEvent.Kind(rawValue: row["kind"]) ?? .opened, at: OutreachRows.time(row, "at")!,
                    actorID: (row["actor_id"] as Int64?).map { UserID($0) }, subjectID: (row["subject_id"] as Int64?).map { UserID($0) },
                    note: row["note"])
            }
        }
    }

    public func fulfilObligation(_ id: ObligationID, by outreach: OutreachID, actor: UserID, at now: Date) async throws -> FollowUpObligation {
        try await write { db in
            let obligation = try OutreachRows.requireObligation(db, id)
            guard obligation.status == .open else {
                throw RapportError.inUse(entity: "obligation", message: "is already fulfilled")
            }
            let answer = try OutreachRows.requireOutreach(db, outreach)
            let openedBy = try obligation.replyID.map { try Self.requireReply(db, $0).receivedAt } ?? obligation.openedAt
            guard answer.candidateID == obligation.candidateID else {
                throw RapportError.invalid(field: "outreachID", "must be a message to or contact with the candidate who replied")
            }
            guard !answer.isAutomated, answer.status == .sent || answer.status == .logged || answer.status == .queued
                || answer.status == .sending else {
                throw RapportError.invalid(field: "outreachID", "must be a message a person wrote that went out, or a logged call or meeting")
            }
            let answeredAt = answer.sentAt ?? answer.createdAt
            guard answeredAt >= openedBy else {
                let what = obligation.reason == .reply ? "the reply it answers" : "the submission's ending it tells of"
                throw RapportError.invalid(field: "outreachID", "must come after \(what)")
            }
            try db.execute(sql: "UPDATE obligation SET status = 'fulfilled', fulfilled_at = ?, fulfilled_by = ? WHERE id = ?",
                           arguments: [StoredTime.milliseconds(answeredAt), outreach.rawValue, id.rawValue])
            try OutreachRows.addEvent(db, obligation: id.rawValue, ObligationEvent(
                kind: .fulfilled, at: now, actorID: actor, subjectID: nil, note: "answered by outreach \(outreach)"))
            return try OutreachRows.requireObligation(db, id)
        }
    }

    public func reassignObligation(_ id: ObligationID, to owner: UserID, actor: UserID, note: String, at now: Date) async throws -> FollowUpObligation {
        try await write { db in
            let obligation = try OutreachRows.requireObligation(db, id)
            try db.checkReferences([EntityReference(field: "userID", kind: .user, id: owner.rawValue)])
            guard obligation.status == .open else {
                throw RapportError.inUse(entity: "obligation", message: "is already fulfilled")
            }
            try db.execute(sql: "UPDATE obligation SET owner_id = ? WHERE id = ?", arguments: [owner.rawValue, id.rawValue])
            try OutreachRows.addEvent(db, obligation: id.rawValue, ObligationEvent(
                kind: .reassigned, at: now, actorID: actor, subjectID: owner, note: note))
            return try OutreachRows.requireObligation(db, id)
        }
    }

    public func overdueObligations(now: Date, limit: Int) async throws -> [FollowUpObligation] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM obligation WHERE status = 'open' AND due_at <= ? AND escalated_at IS NULL ORDER BY due_at, id LIMIT ?
                """, arguments: [StoredTime.milliseconds(now), max(0, limit)]).map(OutreachRows.obligation)
        }
    }

    public func escalateObligation(
        _ id: ObligationID, to lead: UserID?, notice: (envelope: MailEnvelope, messageID: String)?, at now: Date
    ) async throws -> Bool {
        let envelope = try notice.map { try OutreachRows.envelope($0.envelope) }
        let messageID = notice?.messageID
        let stamp = StoredTime.milliseconds(now)
        return try await write { db in
            try db.execute(sql: """
                UPDATE obligation SET escalated_at = ?, escalated_to = ? WHERE id = ? AND status = 'open' AND escalated_at IS NULL
                """, arguments: [stamp, lead?.rawValue, id.rawValue])
            guard db.changesCount == 1 else { return false }
            try OutreachRows.addEvent(db, obligation: id.rawValue, ObligationEvent(
                kind: .escalated, at: now, actorID: nil, subjectID: lead,
                note: lead == nil ? "overdue; no practice lead to tell" : "overdue; the practice lead was told"))
            if let envelope, let messageID {
                try db.execute(sql: "INSERT INTO outbox (message_id, envelope, status, send_after) VALUES (?, ?, 'queued', ?)",
                               arguments: [messageID, envelope, stamp])
            }
            return true
        }
    }
}
