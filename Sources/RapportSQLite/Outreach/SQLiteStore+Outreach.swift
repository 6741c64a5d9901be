import Foundation
import GRDB
import RapportCore

extension SQLiteStore {
    public func createOutreach(_ draft: OutreachDraft, envelope: MailEnvelope?, at now: Date) async throws -> Outreach {
        let now = now.truncatedToMilliseconds
        let envelopeJSON = try envelope.map(OutreachRows.envelope)
        return try await write { db in
            try db.checkReferences([
                EntityReference(field: "candidateID", kind: .candidate, id: draft.candidateID.rawValue),
                EntityReference(field: "recruiterID", kind: .user, id: draft.recruiterID.rawValue),
            ] + draft.jobs.enumerated().map { EntityReference(field: "jobIDs[\($0.offset)]", kind: .job, id: $0.element.jobID.rawValue) })
            let status: OutreachStatus = draft.channel.isSentByRapport ? .queued : .logged
            let sentAt: Date? = status == .logged ? draft.sendAfter : nil
            try db.execute(sql: """
                INSERT INTO outreach (candidate_id, recruiter_id, kind, channel, status, subject, body_text, body_html, created_at,
                    send_after, sent_at, override_reason, automated, message_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    draft.candidateID.rawValue, draft.recruiterID.rawValue, draft.kind.rawValue, draft.channel.rawValue, status.rawValue,
                    draft.content.subject, draft.content.text, draft.content.html, StoredTime.milliseconds(now),
                    StoredTime.milliseconds(draft.sendAfter), sentAt.map(StoredTime.milliseconds), draft.overrideReason, draft.isAutomated,
                    draft.messageID,
                ])
            let id = db.lastInsertedRowID
            for (position, job) in draft.jobs.enumerated() {
                try db.execute(sql: "INSERT INTO outreach_job (outreach_id, job_id, fit, position) VALUES (?, ?, ?, ?)",
                               arguments: [id, job.jobID.rawValue, job.fit, position])
            }
            if let tokens = draft.tokens {
                for (purpose, token) in [(TokenPurpose.unsubscribe, tokens.unsubscribe), (.feedback, tokens.feedback),
                                         (.preferences, tokens.preferences), (.reply, tokens.reply)] {
                    try db.execute(sql: "INSERT INTO outreach_token (token, outreach_id, purpose) VALUES (?, ?, ?)",
                                   arguments: [token, id, purpose.rawValue])
                }
            }
            if let survey = draft.survey {
                try db.execute(sql: """
                    INSERT INTO survey (candidate_id, recruiter_id, practice_id, trigger, token, outreach_id, sent_at, expires_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [
                        draft.candidateID.rawValue, draft.recruiterID.rawValue, survey.practiceID?.rawValue, survey.trigger.rawValue,
                        survey.token, id, StoredTime.milliseconds(draft.sendAfter),
                        StoredTime.milliseconds(draft.sendAfter.addingTimeInterval(Survey.validity)),
                    ])
            }
            if let envelopeJSON {
                guard let messageID = draft.messageID else {
                    throw RapportError.invalid(field: "messageID", "an e-mail needs a Message-ID before it is queued")
                }
                try db.execute(sql: """
                    INSERT INTO outbox (outreach_id, message_id, envelope, status, send_after) VALUES (?, ?, ?, 'queued', ?)
                    """, arguments: [id, messageID, envelopeJSON, StoredTime.milliseconds(draft.sendAfter)])
            }
            if !draft.isAutomated {
                // An e-mail answers when the recruiter writes it (quiet hours may hold it, but they have answered); a
                // logged call answers when it happened. Either is a touch: the next one is a cadence later.
                let answeredAt = status == .logged ? min(draft.sendAfter, now) : now
                try OutreachRows.fulfilAnswered(db, candidate: draft.candidateID, by: id, actor: draft.recruiterID, answeredAt: answeredAt)
                try db.execute(sql: """
                    UPDATE touch_schedule SET last_touch_at = ?1, next_touch_at = ?1 + cadence_days * 86400000
                    WHERE candidate_id = ?2 AND (last_touch_at IS NULL OR last_touch_at < ?1)
                    """, arguments: [StoredTime.milliseconds(answeredAt), draft.candidateID.rawValue])
            }
            return try OutreachRows.requireOutreach(db, OutreachID(id))
        }
    }

    public func outreach(_ id: OutreachID) async throws -> Outreach {
        try await read { db in try OutreachRows.requireOutreach(db, id) }
    }

    public func outreach(candidate: CandidateID, limit: Int) async throws -> [Outreach] {
        try await read { db in
            try OutreachRows.outreach(db, where: "outreach.candidate_id = ?", [candidate.rawValue],
                                      suffix: "ORDER BY outreach.created_at DESC, outreach.id DESC LIMIT \(max(0, limit))")
        }
    }

    public func outreach(messageIDs: [String]) async throws -> Outreach? {
        guard !messageIDs.isEmpty else { return nil }
        let list = try OutreachRows.json(messageIDs)
        return try await read { db in
            try OutreachRows.outreach(db, where: "outreach.message_id IN (SELECT value FROM json_each(?))", [list],
                                      suffix: "ORDER BY outreach.created_at DESC LIMIT 1").first
        }
    }

    public func outreach(token: String, purpose: TokenPurpose) async throws -> Outreach? {
        try await read { db in
            try OutreachRows.outreach(db, where: """
                outreach.id = (SELECT outreach_id FROM outreach_token WHERE token = ? AND purpose = ?)
                """, [token, purpose.rawValue]).first
        }
    }

    public func pitchHistory(candidate: CandidateID, includingQueued: Bool) async throws -> [PitchRecord] {
        try await read { db in try Self.pitchHistory(db, candidate: candidate, includingQueued: includingQueued) }
    }

    static func pitchHistory(
        _ db: Database, candidate: CandidateID, includingQueued: Bool = false, excluding: OutreachID? = nil
    ) throws -> [PitchRecord] {
        try OutreachRows.outreach(db, where: """
            outreach.candidate_id = ? AND outreach.kind = 'opportunity' AND outreach.id <> ?
            AND (outreach.status = 'sending' OR outreach.status = 'sent' OR outreach.status = 'logged'
                 OR (? AND outreach.status = 'queued'))
            """, [candidate.rawValue, excluding?.rawValue ?? 0, includingQueued]).map { outreach in
            PitchRecord(jobIDs: outreach.jobs.map(\.jobID), recruiterID: outreach.recruiterID, sentAt: outreach.sentAt ?? outreach.sendAfter)
        }
    }

    public func cancelOutreach(_ id: OutreachID, at now: Date) async throws -> Outreach {
        try await write { db in
            let outreach = try OutreachRows.requireOutreach(db, id)
            guard outreach.status == .queued else {
                throw RapportError.inUse(entity: "outreach", message: "is \(outreach.status.rawValue); only a queued message can be cancelled")
            }
            try db.execute(sql: "UPDATE outreach SET status = 'cancelled', last_error = 'cancelled by a recruiter' WHERE id = ?",
                           arguments: [id.rawValue])
            try db.execute(sql: "UPDATE outbox SET status = 'cancelled' WHERE outreach_id = ?", arguments: [id.rawValue])
            return try OutreachRows.requireOutreach(db, id)
        }
    }

    public func recordFeedback(token: String, relevant: Bool, at now: Date) async throws -> FeedbackResult {
        let now = now.truncatedToMilliseconds
        return try await write { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT outreach_id FROM outreach_token WHERE token = ? AND purpose = 'feedback'",
                                              arguments: [token]) else { return .unknownToken }
            let outreach = try OutreachRows.requireOutreach(db, OutreachID(id))
            if let given = outreach.feedback, given.relevant == relevant { return .recorded(OutreachID(id)) }
            try db.execute(sql: "UPDATE outreach SET feedback_relevant = ?, feedback_at = ? WHERE id = ?",
                           arguments: [relevant, StoredTime.milliseconds(now), id])
            return outreach.feedback.map { .changed(OutreachID(id), from: $0) } ?? .recorded(OutreachID(id))
        }
    }

    public func addressStatus(_ email: String) async throws -> AddressStatus? {
        try await read { db in try Self.addressStatus(db, email) }
    }

    static func addressStatus(_ db: Database, _ email: String) throws -> AddressStatus? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM address_status WHERE email = ?", arguments: [email]),
              let suppression = AddressSuppression(rawValue: row["suppression"])
        else { return nil }
        return AddressStatus(email: row["email"], suppression: suppression, reason: row["reason"], at: OutreachRows.time(row, "at")!)
    }

    public func suppress(email: String, _ suppression: AddressSuppression, reason: String, at now: Date) async throws {
        try await write { db in try Self.suppress(db, email: email, suppression, reason: reason, at: now) }
    }

    /// An unsubscribe outranks a bounce: it is the person's own word and must survive the address being fixed.
    static func suppress(_ db: Database, email: String, _ suppression: AddressSuppression, reason: String, at now: Date) throws {
        try db.execute(sql: """
            INSERT INTO address_status (email, suppression, reason, at) VALUES (?, ?, ?, ?)
            ON CONFLICT (email) DO UPDATE SET suppression = excluded.suppression, reason = excluded.reason, at = excluded.at
            WHERE address_status.suppression = 'undeliverable' AND excluded.suppression = 'unsubscribed'
            """, arguments: [email, suppression.rawValue, reason, StoredTime.milliseconds(now)])
    }
}
