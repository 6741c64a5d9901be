import Foundation
import GRDB
import RapportCore

extension SQLiteStore {
    public func scorecardFacts(recruiters: [UserID], period: DateInterval, asOf: Date) async throws -> ScorecardFacts {
        let users = Database.jsonArray(recruiters.map(\.rawValue))
        let start = StoredTime.milliseconds(period.start)
        let end = StoredTime.milliseconds(period.end)
        let asOf = StoredTime.milliseconds(asOf)
        return try await read { db in
            var facts = ScorecardFacts()
            // Surveys sent in the period (for the response rate), and those answered in it (for NPS), whenever sent.
            facts.surveys = try Row.fetchAll(db, sql: """
                SELECT sent_at, answered_at, nps, understood FROM survey
                WHERE recruiter_id IN (SELECT value FROM json_each(?1)) AND sent_at <= ?4
                  AND ((sent_at >= ?2 AND sent_at < ?3) OR (answered_at >= ?2 AND answered_at < ?3))
                """, arguments: [users, start, end, asOf]).map { row in
                SurveyFact(sentAt: OutreachRows.time(row, "sent_at")!, answeredAt: OutreachRows.time(row, "answered_at"),
                           nps: row["nps"], understood: row["understood"])
            }
            // Replies received in the period that opened an obligation now owned by one of them.
            facts.replies = try Row.fetchAll(db, sql: """
                SELECT r.received_at, o.due_at, o.fulfilled_at FROM obligation o JOIN reply r ON r.id = o.reply_id
                WHERE o.owner_id IN (SELECT value FROM json_each(?)) AND r.received_at >= ? AND r.received_at < ? AND r.received_at <= ?
                """, arguments: [users, start, end, asOf]).map { row in
                ReplyFact(receivedAt: OutreachRows.time(row, "received_at")!, dueAt: OutreachRows.time(row, "due_at")!,
                          answeredAt: OutreachRows.time(row, "fulfilled_at"))
            }
            facts.openObligationDueDates = try Int64.fetchAll(db, sql: """
                SELECT due_at FROM obligation WHERE owner_id IN (SELECT value FROM json_each(?)) AND status = 'open'
                """, arguments: [users]).map(StoredTime.date)
            // Job pitches that reached the candidate in the period, each with its fits, feedback, override, and whether the
            // candidate's address was unsubscribed within seven days after it.
            let pitchRows = try Row.fetchAll(db, sql: """
                SELECT o.id, o.candidate_id, coalesce(o.sent_at, o.send_after) AS at, o.feedback_relevant, o.override_reason IS NOT NULL AS overridden,
                    EXISTS (SELECT 1 FROM candidate c JOIN address_status a ON a.email = c.email
                            WHERE c.id = o.candidate_id AND a.suppression = 'unsubscribed'
                              AND a.at >= coalesce(o.sent_at, o.send_after) AND a.at <= coalesce(o.sent_at, o.send_after) + 604800000) AS opted_out,
                    (SELECT json_group_array(fit) FROM outreach_job j WHERE j.outreach_id = o.id) AS fits
                FROM outreach o
                WHERE o.recruiter_id IN (SELECT value FROM json_each(?)) AND o.kind = 'opportunity' AND (o.status = 'sent' OR o.status = 'logged')
                  AND coalesce(o.sent_at, o.send_after) >= ? AND coalesce(o.sent_at, o.send_after) < ? AND coalesce(o.sent_at, o.send_after) <= ?
                """, arguments: [users, start, end, asOf])
            facts.pitches = try pitchRows.map { row in
                PitchFact(sentAt: OutreachRows.time(row, "at")!, candidateID: CandidateID(row["candidate_id"] as Int64),
                          fits: try OutreachRows.decode([Int].self, row["fits"]), relevant: row["feedback_relevant"],
                          overridden: row["overridden"], optedOutAfter: row["opted_out"])
            }
            // Each candidate whose first pitch from them fell in the period, with their first discovery by anyone.
            facts.firstPitches = try Row.fetchAll(db, sql: """
                SELECT p.candidate_id, p.first_at,
                    (SELECT min(coalesce(d.sent_at, d.send_after)) FROM outreach d
                     WHERE d.candidate_id = p.candidate_id AND d.kind = 'discovery' AND (d.status = 'sent' OR d.status = 'logged')) AS discovery_at
                FROM (SELECT candidate_id, min(coalesce(sent_at, send_after)) AS first_at FROM outreach
                      WHERE recruiter_id IN (SELECT value FROM json_each(?)) AND kind = 'opportunity' AND (status = 'sent' OR status = 'logged')
                      GROUP BY candidate_id) p
                WHERE p.first_at >= ? AND p.first_at < ? AND p.first_at <= ?
                """, arguments: [users, start, end, asOf]).map { row in
                FirstPitchFact(candidateID: CandidateID(row["candidate_id"] as Int64), firstPitchAt: OutreachRows.time(row, "first_at")!,
                               firstDiscoveryAt: OutreachRows.time(row, "discovery_at"))
            }
            facts.presentations = try Int64.fetchAll(db, sql: """
                SELECT at FROM submission_event WHERE to_stage = 'presented' AND by_user IN (SELECT value FROM json_each(?))
                  AND at >= ? AND at < ? AND at <= ?
                """, arguments: [users, start, end, asOf]).map(StoredTime.date)
            facts.placements = try Row.fetchAll(db, sql: """
                SELECT p.candidate_id, p.start_day, coalesce(p.ended_early_on, p.end_day) AS last_day, p.ended_early_on IS NOT NULL AS early,
                    (SELECT min(n.start_day) FROM placement n WHERE n.candidate_id = p.candidate_id AND n.start_day > p.start_day) AS next_start
                FROM placement p WHERE p.recruiter_id IN (SELECT value FROM json_each(?))
                """, arguments: [users]).map { row in
                PlacementFact(candidateID: CandidateID(row["candidate_id"] as Int64), start: LocalDate(daysSinceEpoch: row["start_day"]),
                              end: (row["last_day"] as Int?).map { LocalDate(daysSinceEpoch: $0) }, endedEarly: row["early"],
                              nextStart: (row["next_start"] as Int?).map { LocalDate(daysSinceEpoch: $0) })
            }
            let activity = try Row.fetchOne(db, sql: """
                SELECT
                    (SELECT count(*) FROM outreach WHERE recruiter_id IN (SELECT value FROM json_each(?1)) AND channel = 'email'
                        AND status = 'sent' AND automated = 0 AND sent_at >= ?2 AND sent_at < ?3 AND sent_at <= ?4) AS emails,
                    (SELECT count(*) FROM outreach WHERE recruiter_id IN (SELECT value FROM json_each(?1)) AND status = 'logged'
                        AND send_after >= ?2 AND send_after < ?3 AND send_after <= ?4) AS logged,
                    (SELECT count(*) FROM submission WHERE created_by IN (SELECT value FROM json_each(?1))
                        AND created_at >= ?2 AND created_at < ?3 AND created_at <= ?4) AS submissions
                """, arguments: [users, start, end, asOf])
            facts.activity = ActivityCounts(emailsSent: activity?["emails"] ?? 0, contactsLogged: activity?["logged"] ?? 0,
                                            submissionsCreated: activity?["submissions"] ?? 0)
            return facts
        }
    }

    public func payObservations(since: LocalDate) async throws -> [PayObservation] {
        let from = StoredTime.milliseconds(Date(timeIntervalSince1970: TimeInterval(since.daysSinceEpoch) * 86_400))
        return try await read { db in
            var observations: [PayObservation] = []
            for row in try Row.fetchAll(db, sql: """
                SELECT j.region, j.pay_currency, j.pay_unit, (j.pay_minimum + j.pay_maximum) / 2 AS pay, j.created_at,
                    (SELECT json_group_array(skill_id) FROM job_skill s WHERE s.job_id = j.id) AS skills
                FROM job j WHERE j.created_at >= ? AND j.pay_currency IS NOT NULL
                """, arguments: [from]) {
                guard let region = Region(rawValue: row["region"]), let currency = Currency(rawValue: row["pay_currency"]),
                      let unit = PayUnit(rawValue: row["pay_unit"]) else { continue }
                let created = OutreachRows.time(row, "created_at")!
                observations.append(PayObservation(
                    skillIDs: try OutreachRows.decode([Int64].self, row["skills"]).map { SkillID($0) }, region: region,
                    month: YearMonth(LocalDate(created, in: .gmt)), pay: Money(minorUnits: row["pay"], currency: currency, unit: unit),
                    source: .job))
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT j.region, p.currency, p.unit, p.pay_minor, p.start_day,
                    (SELECT json_group_array(skill_id) FROM job_skill s WHERE s.job_id = p.job_id) AS skills
                FROM placement p JOIN job j ON j.id = p.job_id WHERE p.start_day >= ?
                """, arguments: [since.daysSinceEpoch]) {
                guard let region = Region(rawValue: row["region"]), let currency = Currency(rawValue: row["currency"]),
                      let unit = PayUnit(rawValue: row["unit"]) else { continue }
                observations.append(PayObservation(
                    skillIDs: try OutreachRows.decode([Int64].self, row["skills"]).map { SkillID($0) }, region: region,
                    month: YearMonth(LocalDate(daysSinceEpoch: row["start_day"])),
                    pay: Money(minorUnits: row["pay_minor"], currency: currency, unit: unit), source: .placement))
            }
            return observations
        }
    }

    public func openJobSkills() async throws -> [(practiceID: PracticeID?, skills: [SkillID])] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT j.practice_id, (SELECT json_group_array(skill_id) FROM job_skill s WHERE s.job_id = j.id) AS skills
                FROM job j WHERE j.status = 'open'
                """).map { row in
                ((row["practice_id"] as Int64?).map { PracticeID($0) }, try OutreachRows.decode([Int64].self, row["skills"]).map { SkillID($0) })
            }
        }
    }

    public func availableCandidateSkills(today: LocalDate) async throws -> [[CandidateSkill]] {
        try await read { db in
            var skills: [Int64: [CandidateSkill]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT s.candidate_id, s.skill_id, s.level, s.years, s.last_used FROM candidate_skill s JOIN candidate c ON c.id = s.candidate_id
                WHERE c.do_not_contact = 0 AND (c.availability = 'active' OR c.availability = 'passive'
                    OR (c.available_until IS NOT NULL AND c.available_until <= ?))
                """, arguments: [today.description]) {
                skills[row["candidate_id"], default: []].append(CandidateSkill(
                    skillID: SkillID(row["skill_id"] as Int64), level: row["level"], years: row["years"], lastUsed: row["last_used"]))
            }
            return Array(skills.values)
        }
    }
}
