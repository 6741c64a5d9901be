import Foundation
import GRDB
import RapportCore

extension SQLiteStore {
    // MARK: Submissions

    public func createSubmission(candidate: CandidateID, job: JobID, by user: UserID, note: String, at now: Date) async throws -> Submission {
        let now = now.truncatedToMilliseconds
        return try await write { db in
            try db.checkReferences([
                EntityReference(field: "candidateID", kind: .candidate, id: candidate.rawValue),
                EntityReference(field: "jobID", kind: .job, id: job.rawValue),
            ])
            if let existing = try Int64.fetchOne(db, sql: "SELECT id FROM submission WHERE candidate_id = ? AND job_id = ? AND active = 1",
                                                 arguments: [candidate.rawValue, job.rawValue]) {
                throw RapportError.duplicate(field: "jobID", message: "candidate \(candidate) is already in submission \(existing) for job \(job)")
            }
            try db.execute(sql: """
                INSERT INTO submission (candidate_id, job_id, stage, active, created_at, created_by, version)
                VALUES (?, ?, 'shortlisted', 1, ?, ?, 1)
                """, arguments: [candidate.rawValue, job.rawValue, StoredTime.milliseconds(now), user.rawValue])
            let id = SubmissionID(db.lastInsertedRowID)
            let created = Submission.shortlisted(id: id, candidateID: candidate, jobID: job, by: user, at: now, note: note)
            try Self.insertEvent(db, created.history[0], submission: id, position: 0)
            return try Self.requireSubmission(db, id)
        }
    }

    public func submission(_ id: SubmissionID) async throws -> Submission {
        try await read { db in try Self.requireSubmission(db, id) }
    }

    public func submissions(candidate: CandidateID) async throws -> [Submission] {
        try await read { db in try Self.submissions(db, where: "candidate_id = ?", [candidate.rawValue]) }
    }

    public func submissions(job: JobID) async throws -> [Submission] {
        try await read { db in try Self.submissions(db, where: "job_id = ?", [job.rawValue]) }
    }

    public func submissions(createdBy user: UserID, limit: Int) async throws -> [Submission] {
        try await read { db in try Self.submissions(db, where: "created_by = ?", [user.rawValue], limit: limit) }
    }

    public func saveMove(_ move: PipelineMove, at now: Date) async throws -> (Submission, Placement?) {
        let now = now.truncatedToMilliseconds
        let moved = move.advance.submission
        let event = move.advance.event
        return try await write { db in
            try db.checkVersion(table: "submission", entity: "submission", id: moved.id.rawValue, expected: moved.version - 1)
            let at = StoredTime.milliseconds(event.at)
            try db.execute(sql: """
                UPDATE submission SET stage = ?, active = ?, version = ?,
                    presented_at = coalesce(presented_at, CASE WHEN ? = 'presented' THEN ? END),
                    closed_at = CASE WHEN ? = 0 THEN ? END
                WHERE id = ?
                """, arguments: [
                    moved.stage.rawValue, moved.stage.isActive, moved.version, moved.stage.rawValue, at, moved.stage.isActive, at,
                    moved.id.rawValue,
                ])
            try Self.insertEvent(db, event, submission: moved.id, position: moved.history.count - 1)
            if let obligation = move.obligation {
                try db.checkReferences([EntityReference(field: "ownerID", kind: .user, id: obligation.ownerID.rawValue)])
                try db.execute(sql: """
                    INSERT INTO obligation (reason, submission_id, candidate_id, owner_id, opened_at, due_at, status)
                    VALUES ('tell_candidate', ?, ?, ?, ?, ?, 'open')
                    """, arguments: [moved.id.rawValue, moved.candidateID.rawValue, obligation.ownerID.rawValue, at,
                                     StoredTime.milliseconds(obligation.dueAt)])
                try OutreachRows.addEvent(db, obligation: db.lastInsertedRowID, ObligationEvent(
                    kind: .opened, at: now, actorID: event.by, subjectID: obligation.ownerID,
                    note: "submission \(moved.id) ended (\(moved.stage.rawValue)): the candidate must be told"))
            }
            var placement: Placement?
            if let terms = move.placement {
                try db.execute(sql: """
                    INSERT INTO placement (submission_id, candidate_id, job_id, recruiter_id, start_day, end_day, currency, unit,
                        pay_minor, bill_minor, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [
                        moved.id.rawValue, moved.candidateID.rawValue, moved.jobID.rawValue, event.by.rawValue,
                        terms.start.daysSinceEpoch, terms.end?.daysSinceEpoch, terms.payRate.currency.rawValue, terms.payRate.unit.rawValue,
                        terms.payRate.minorUnits, terms.billRate?.minorUnits, StoredTime.milliseconds(now),
                    ])
                let placementID = PlacementID(db.lastInsertedRowID)
                for task in move.tasks {
                    try db.execute(sql: """
                        INSERT INTO relationship_task (kind, placement_id, candidate_id, owner_id, due_day, status)
                        VALUES (?, ?, ?, ?, ?, 'open')
                        """, arguments: [task.kind.rawValue, placementID.rawValue, moved.candidateID.rawValue, event.by.rawValue,
                                         task.due.daysSinceEpoch])
                }
                placement = try Self.requirePlacement(db, placementID)
            }
            try Self.insertSurveyPlans(db, move.surveys, placement: placement?.id)
            if let signal = move.feedback {
                // Appended inside the details column, so the rest of the profile is neither read nor rewritten.
                try db.execute(sql: """
                    UPDATE candidate SET details = json_set(details, '$.feedback',
                            json_insert(coalesce(json_extract(details, '$.feedback'), json('[]')), '$[#]', json(?))),
                        version = version + 1, updated_at = ?
                    WHERE id = ?
                    """, arguments: [DetailsJSON.encode(signal), StoredTime.milliseconds(now), moved.candidateID.rawValue])
            }
            return (try Self.requireSubmission(db, moved.id), placement)
        }
    }

    // MARK: Placements

    public func placement(_ id: PlacementID) async throws -> Placement {
        try await read { db in try Self.requirePlacement(db, id) }
    }

    public func placements(candidate: CandidateID) async throws -> [Placement] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM placement WHERE candidate_id = ? ORDER BY start_day DESC, id DESC",
                             arguments: [candidate.rawValue]).map(Self.placement)
        }
    }

    public func placements(ending days: ClosedRange<LocalDate>, limit: Int) async throws -> [Placement] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM placement WHERE coalesce(ended_early_on, end_day) BETWEEN ? AND ?
                ORDER BY coalesce(ended_early_on, end_day), id LIMIT ?
                """, arguments: [days.lowerBound.daysSinceEpoch, days.upperBound.daysSinceEpoch, max(0, limit)]).map(Self.placement)
        }
    }

    public func endPlacementEarly(_ id: PlacementID, on day: LocalDate, by user: UserID, note: String, at now: Date) async throws -> Placement {
        let now = now.truncatedToMilliseconds
        return try await write { db in
            let placement = try Self.requirePlacement(db, id)
            if let ended = placement.endedEarlyOn {
                throw RapportError.inUse(entity: "placement", message: "already ended early on \(ended)")
            }
            if day < placement.terms.start {
                throw RapportError.invalid(field: "on", "must not be before the start (\(placement.terms.start))")
            }
            if let end = placement.terms.end, day >= end {
                throw RapportError.invalid(field: "on", "must be before the planned end (\(end)); an assignment that runs its course needs no change")
            }
            try db.execute(sql: "UPDATE placement SET ended_early_on = ? WHERE id = ?", arguments: [day.daysSinceEpoch, id.rawValue])
            let reason = note.isEmpty ? "the assignment ended early on \(day)" : note
            try db.execute(sql: """
                UPDATE relationship_task SET status = 'cancelled', closed_at = ?, closed_by = ?, note = ?
                WHERE placement_id = ? AND status = 'open' AND due_day > ? AND kind != 'redeployment'
                """, arguments: [StoredTime.milliseconds(now), user.rawValue, reason, id.rawValue, day.daysSinceEpoch])
            // Finding the next role is more urgent now, not cancelled: it comes up on the last day.
            try db.execute(sql: "UPDATE relationship_task SET due_day = min(due_day, ?) WHERE placement_id = ? AND status = 'open' AND kind = 'redeployment'",
                           arguments: [day.daysSinceEpoch, id.rawValue])
            try db.execute(sql: """
                UPDATE scheduled_survey SET due_at = min(due_at, ?) WHERE placement_id = ? AND status = 'pending' AND trigger = 'assignment_end'
                """, arguments: [StoredTime.milliseconds(day.middayUTC), id.rawValue])
            try db.execute(sql: """
                UPDATE scheduled_survey SET status = 'skipped', note = ? WHERE placement_id = ? AND status = 'pending'
                    AND trigger = 'placement_start' AND due_at > ?
                """, arguments: [reason, id.rawValue, StoredTime.milliseconds(day.middayUTC)])
            return try Self.requirePlacement(db, id)
        }
    }

    // MARK: Tasks

    public func relationshipTask(_ id: RelationshipTaskID) async throws -> RelationshipTask {
        try await read { db in try Self.requireTask(db, id) }
    }

    public func relationshipTasks(owner: UserID?, dueBy: LocalDate?, openOnly: Bool, limit: Int) async throws -> [RelationshipTask] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM relationship_task
                WHERE (? IS NULL OR owner_id = ?) AND (? IS NULL OR due_day <= ?) AND (? = 0 OR status = 'open')
                ORDER BY status != 'open', due_day, id LIMIT ?
                """, arguments: [
                    owner?.rawValue, owner?.rawValue, dueBy?.daysSinceEpoch, dueBy?.daysSinceEpoch, openOnly, max(0, limit),
                ]).map(Self.task)
        }
    }

    public func closeRelationshipTask(
        _ id: RelationshipTaskID, as status: RelationshipTask.Status, by user: UserID, note: String, at now: Date
    ) async throws -> RelationshipTask {
        let now = now.truncatedToMilliseconds
        return try await write { db in
            let task = try Self.requireTask(db, id)
            guard task.status == .open else {
                throw RapportError.inUse(entity: "task", message: "is already \(task.status.rawValue)")
            }
            try db.execute(sql: "UPDATE relationship_task SET status = ?, closed_at = ?, closed_by = ?, note = ? WHERE id = ?",
                           arguments: [status.rawValue, StoredTime.milliseconds(now), user.rawValue, note, id.rawValue])
            return try Self.requireTask(db, id)
        }
    }

    // MARK: Planned surveys

    public func scheduleSurveys(_ plans: [SurveyPlan], at now: Date) async throws {
        try await write { db in try Self.insertSurveyPlans(db, plans, placement: nil) }
    }

    public func dueScheduledSurveys(now: Date, limit: Int) async throws -> [ScheduledSurvey] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM scheduled_survey WHERE status = 'pending' AND due_at <= ? ORDER BY due_at, id LIMIT ?",
                             arguments: [StoredTime.milliseconds(now), max(0, limit)]).map(Self.scheduledSurvey)
        }
    }

    public func scheduledSurveys(candidate: CandidateID) async throws -> [ScheduledSurvey] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM scheduled_survey WHERE candidate_id = ? ORDER BY due_at, id",
                             arguments: [candidate.rawValue]).map(Self.scheduledSurvey)
        }
    }

    public func settleScheduledSurvey(_ id: ScheduledSurveyID, as status: ScheduledSurvey.Status, outreach: OutreachID?, note: String) async throws {
        try await write { db in
            try db.requireRow(table: "scheduled_survey", entity: "scheduled survey", id: id.rawValue)
            try db.execute(sql: "UPDATE scheduled_survey SET status = ?, outreach_id = ?, note = ? WHERE id = ? AND status = 'pending'",
                           arguments: [status.rawValue, outreach?.rawValue, note, id.rawValue])
        }
    }

    // MARK: Practices

    public func recordHandover(_ handover: PracticeHandover) async throws {
        try await write { db in
            try db.execute(sql: """
                INSERT INTO practice_handover (candidate_id, from_practice_id, to_practice_id, from_owner_id, to_owner_id, by_user, at, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    handover.candidateID.rawValue, handover.fromPracticeID?.rawValue, handover.toPracticeID.rawValue,
                    handover.fromOwnerID?.rawValue, handover.toOwnerID?.rawValue, handover.by.rawValue, StoredTime.milliseconds(handover.at),
                    handover.note,
                ])
        }
    }

    public func handovers(candidate: CandidateID) async throws -> [PracticeHandover] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM practice_handover WHERE candidate_id = ? ORDER BY at, id",
                             arguments: [candidate.rawValue]).map { row in
                PracticeHandover(
                    candidateID: candidate, fromPracticeID: (row["from_practice_id"] as Int64?).map { PracticeID($0) },
                    toPracticeID: PracticeID(row["to_practice_id"] as Int64), fromOwnerID: (row["from_owner_id"] as Int64?).map { UserID($0) },
                    toOwnerID: (row["to_owner_id"] as Int64?).map { UserID($0) }, by: UserID(row["by_user"] as Int64),
                    at: OutreachRows.time(row, "at")!, note: row["note"])
            }
        }
    }

    public func recordOverlap(_ overlap: PitchOverlap, notices: [(envelope: MailEnvelope, messageID: String)]) async throws {
        let envelopes = try notices.map { (try OutreachRows.envelope($0.envelope), $0.messageID) }
        let stamp = StoredTime.milliseconds(overlap.at)
        try await write { db in
            try db.execute(sql: """
                INSERT INTO pitch_overlap (candidate_id, earlier_practice_id, earlier_recruiter_id, earlier_at, later_practice_id,
                    later_recruiter_id, later_outreach_id, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    overlap.candidateID.rawValue, overlap.earlierPracticeID.rawValue, overlap.earlierRecruiterID.rawValue,
                    StoredTime.milliseconds(overlap.earlierAt), overlap.laterPracticeID.rawValue, overlap.laterRecruiterID.rawValue,
                    overlap.laterOutreachID?.rawValue, stamp,
                ])
            for (envelope, messageID) in envelopes {
                try db.execute(sql: "INSERT INTO outbox (message_id, envelope, status, send_after) VALUES (?, ?, 'queued', ?)",
                               arguments: [messageID, envelope, stamp])
            }
        }
    }

    public func overlaps(practice: PracticeID?, since: Date, limit: Int) async throws -> [PitchOverlap] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM pitch_overlap WHERE at >= ? AND (? IS NULL OR earlier_practice_id = ? OR later_practice_id = ?)
                ORDER BY at DESC, id DESC LIMIT ?
                """, arguments: [StoredTime.milliseconds(since), practice?.rawValue, practice?.rawValue, practice?.rawValue, max(0, limit)]).map { row in
                PitchOverlap(
                    candidateID: CandidateID(row["candidate_id"] as Int64), earlierPracticeID: PracticeID(row["earlier_practice_id"] as Int64),
                    earlierRecruiterID: UserID(row["earlier_recruiter_id"] as Int64), earlierAt: OutreachRows.time(row, "earlier_at")!,
                    laterPracticeID: PracticeID(row["later_practice_id"] as Int64), laterRecruiterID: UserID(row["later_recruiter_id"] as Int64),
                    laterOutreachID: (row["later_outreach_id"] as Int64?).map { OutreachID($0) }, at: OutreachRows.time(row, "at")!)
            }
        }
    }

    // MARK: Rows

    static func insertSurveyPlans(_ db: Database, _ plans: [SurveyPlan], placement: PlacementID?) throws {
        for plan in plans {
            try db.checkReferences([
                EntityReference(field: "candidateID", kind: .candidate, id: plan.candidateID.rawValue),
                EntityReference(field: "recruiterID", kind: .user, id: plan.recruiterID.rawValue),
            ])
            let forPlacement = plan.trigger == .placementStart || plan.trigger == .assignmentEnd
            try db.execute(sql: """
                INSERT INTO scheduled_survey (candidate_id, recruiter_id, trigger, placement_id, due_at, status) VALUES (?, ?, ?, ?, ?, 'pending')
                """, arguments: [plan.candidateID.rawValue, plan.recruiterID.rawValue, plan.trigger.rawValue,
                                 forPlacement ? placement?.rawValue : nil, StoredTime.milliseconds(plan.dueAt)])
        }
    }

    static func insertEvent(_ db: Database, _ event: SubmissionEvent, submission: SubmissionID, position: Int) throws {
        try db.execute(sql: """
            INSERT INTO submission_event (submission_id, position, from_stage, to_stage, at, by_user, reason, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                submission.rawValue, position, event.from?.rawValue, event.to.rawValue, StoredTime.milliseconds(event.at),
                event.by.rawValue, event.reason?.rawValue, event.note,
            ])
    }

    static func requireSubmission(_ db: Database, _ id: SubmissionID) throws -> Submission {
        guard let submission = try submissions(db, where: "id = ?", [id.rawValue]).first else {
            throw RapportError.notFound(entity: "submission", id: id.description)
        }
        return submission
    }

    static func submissions(_ db: Database, where condition: String, _ arguments: StatementArguments, limit: Int = -1) throws -> [Submission] {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM submission WHERE \(condition) ORDER BY created_at DESC, id DESC LIMIT \(limit)",
                                    arguments: arguments)
        guard !rows.isEmpty else { return [] }
        let ids: [Int64] = rows.map { $0["id"] }
        var history: [Int64: [SubmissionEvent]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT * FROM submission_event WHERE submission_id IN (SELECT value FROM json_each(?)) ORDER BY submission_id, position
            """, arguments: [Database.jsonArray(ids)]) {
            guard let to = SubmissionStage(rawValue: row["to_stage"]) else {
                throw RapportError.invalid(field: "submission", "a stored move of submission \(row["submission_id"] as Int64) has an unknown stage")
            }
            history[row["submission_id"], default: []].append(SubmissionEvent(
                from: (row["from_stage"] as String?).flatMap(SubmissionStage.init(rawValue:)), to: to, at: OutreachRows.time(row, "at")!,
                by: UserID(row["by_user"] as Int64), reason: (row["reason"] as String?).flatMap(DeclineReason.init(rawValue:)),
                note: row["note"]))
        }
        return try rows.map { row in
            let id: Int64 = row["id"]
            guard let stage = SubmissionStage(rawValue: row["stage"]) else {
                throw RapportError.invalid(field: "submission", "stored submission \(id) has an unknown stage")
            }
            return Submission(
                id: SubmissionID(id), candidateID: CandidateID(row["candidate_id"] as Int64), jobID: JobID(row["job_id"] as Int64),
                stage: stage, createdAt: OutreachRows.time(row, "created_at")!, createdBy: UserID(row["created_by"] as Int64),
                history: history[id] ?? [], version: row["version"])
        }
    }

    static func requirePlacement(_ db: Database, _ id: PlacementID) throws -> Placement {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM placement WHERE id = ?", arguments: [id.rawValue]) else {
            throw RapportError.notFound(entity: "placement", id: id.description)
        }
        return try placement(row)
    }

    static func placement(_ row: Row) throws -> Placement {
        let id: Int64 = row["id"]
        guard let currency = Currency(rawValue: row["currency"]), let unit = PayUnit(rawValue: row["unit"]) else {
            throw RapportError.invalid(field: "placement", "stored placement \(id) has an unknown currency or unit")
        }
        let terms = PlacementTerms(
            start: LocalDate(daysSinceEpoch: row["start_day"]), end: (row["end_day"] as Int?).map { LocalDate(daysSinceEpoch: $0) },
            billRate: (row["bill_minor"] as Int64?).map { Money(minorUnits: $0, currency: currency, unit: unit) },
            payRate: Money(minorUnits: row["pay_minor"], currency: currency, unit: unit))
        return Placement(
            id: PlacementID(id), submissionID: SubmissionID(row["submission_id"] as Int64), candidateID: CandidateID(row["candidate_id"] as Int64),
            jobID: JobID(row["job_id"] as Int64), recruiterID: UserID(row["recruiter_id"] as Int64), terms: terms,
            endedEarlyOn: (row["ended_early_on"] as Int?).map { LocalDate(daysSinceEpoch: $0) }, createdAt: OutreachRows.time(row, "created_at")!)
    }

    static func requireTask(_ db: Database, _ id: RelationshipTaskID) throws -> RelationshipTask {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM relationship_task WHERE id = ?", arguments: [id.rawValue]) else {
            throw RapportError.notFound(entity: "task", id: id.description)
        }
        return try task(row)
    }

    static func task(_ row: Row) throws -> RelationshipTask {
        let id: Int64 = row["id"]
        guard let kind = RelationshipTask.Kind(rawValue: row["kind"]), let status = RelationshipTask.Status(rawValue: row["status"]) else {
            throw RapportError.invalid(field: "task", "stored task \(id) has an unknown kind or status")
        }
        return RelationshipTask(
            id: RelationshipTaskID(id), kind: kind, placementID: PlacementID(row["placement_id"] as Int64),
            candidateID: CandidateID(row["candidate_id"] as Int64), ownerID: UserID(row["owner_id"] as Int64),
            due: LocalDate(daysSinceEpoch: row["due_day"]), status: status, closedAt: OutreachRows.time(row, "closed_at"),
            closedBy: (row["closed_by"] as Int64?).map { UserID($0) }, note: row["note"])
    }

    static func scheduledSurvey(_ row: Row) throws -> ScheduledSurvey {
        let id: Int64 = row["id"]
        guard let trigger = SurveyTrigger(rawValue: row["trigger"]), let status = ScheduledSurvey.Status(rawValue: row["status"]) else {
            throw RapportError.invalid(field: "scheduledSurvey", "stored planned survey \(id) has an unknown trigger or status")
        }
        return ScheduledSurvey(
            id: ScheduledSurveyID(id), candidateID: CandidateID(row["candidate_id"] as Int64), recruiterID: UserID(row["recruiter_id"] as Int64),
            trigger: trigger, dueAt: OutreachRows.time(row, "due_at")!, status: status,
            outreachID: (row["outreach_id"] as Int64?).map { OutreachID($0) }, note: row["note"])
    }
}
