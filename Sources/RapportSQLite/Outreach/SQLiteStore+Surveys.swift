import Foundation
import GRDB
import RapportCore

extension SQLiteStore {
    public func survey(token: String) async throws -> Survey? {
        try await read { db in try Row.fetchOne(db, sql: "SELECT * FROM survey WHERE token = ?", arguments: [token]).map(Self.survey) }
    }

    public func surveyToken(_ id: SurveyID) async throws -> String? {
        try await read { db in try String.fetchOne(db, sql: "SELECT token FROM survey WHERE id = ?", arguments: [id.rawValue]) }
    }

    public func surveys(candidate: CandidateID) async throws -> [Survey] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM survey WHERE candidate_id = ? ORDER BY sent_at DESC, id DESC",
                             arguments: [candidate.rawValue]).map(Self.survey)
        }
    }

    public func detractors(recruiter: UserID, practices: [PracticeID], since: Date, limit: Int) async throws -> [Survey] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM survey WHERE nps <= 6 AND answered_at >= ?
                  AND (recruiter_id = ? OR practice_id IN (SELECT value FROM json_each(?)))
                ORDER BY answered_at DESC, id DESC LIMIT ?
                """, arguments: [StoredTime.milliseconds(since), recruiter.rawValue, Database.jsonArray(practices.map(\.rawValue)), max(0, limit)])
                .map(Self.survey)
        }
    }

    public func answerSurvey(token: String, _ answer: SurveyAnswer, followUp: ReplyDraft?, at now: Date) async throws -> SurveyAnswerResult {
        let now = now.truncatedToMilliseconds
        let classification = try followUp.map { try OutreachRows.classification($0.classification) }
        return try await write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM survey WHERE token = ?", arguments: [token]) else { return .unknownToken }
            let survey = try Self.survey(row)
            let state = survey.linkState(at: now)
            guard state == .open else { return .refused(survey, state) }
            try db.execute(sql: "UPDATE survey SET answered_at = ?, nps = ?, understood = ?, comment = ? WHERE id = ?", arguments: [
                StoredTime.milliseconds(now), answer.nps, answer.understood, answer.comment, survey.id.rawValue,
            ])
            if let followUp, let classification {
                _ = try Self.insertReply(db, followUp, classification: classification, at: now)
            }
            var answered = survey
            answered.answeredAt = now
            answered.answer = answer
            return .recorded(answered)
        }
    }

    static func survey(_ row: Row) throws -> Survey {
        let id: Int64 = row["id"]
        guard let trigger = SurveyTrigger(rawValue: row["trigger"]) else {
            throw RapportError.invalid(field: "survey", "stored survey \(id) has an unknown trigger")
        }
        let answer = (row["nps"] as Int?).map { SurveyAnswer(nps: $0, understood: row["understood"], comment: row["comment"] ?? "") }
        return Survey(
            id: SurveyID(id), candidateID: CandidateID(row["candidate_id"] as Int64), recruiterID: UserID(row["recruiter_id"] as Int64),
            practiceID: (row["practice_id"] as Int64?).map { PracticeID($0) }, trigger: trigger,
            outreachID: (row["outreach_id"] as Int64?).map { OutreachID($0) }, sentAt: OutreachRows.time(row, "sent_at")!,
            expiresAt: OutreachRows.time(row, "expires_at")!, answeredAt: OutreachRows.time(row, "answered_at"), answer: answer)
    }
}
