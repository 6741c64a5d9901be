import Foundation
import GRDB
import RapportCore

extension SQLiteStore {
    public func setTouchCadence(_ candidate: CandidateID, days: Int, at now: Date) async throws -> TouchSchedule {
        guard (7...365).contains(days) else { throw RapportError.invalid(field: "cadenceDays", "must be from 7 to 365 days") }
        let stamp = StoredTime.milliseconds(now)
        return try await write { db in
            try db.requireRow(table: "candidate", entity: "candidate", id: candidate.rawValue)
            // The last human contact, whenever it was, sets the clock; with none, it starts now.
            let last = try Int64.fetchOne(db, sql: """
                SELECT max(coalesce(sent_at, created_at)) FROM outreach
                WHERE candidate_id = ? AND automated = 0 AND (status = 'sent' OR status = 'logged' OR status = 'queued' OR status = 'sending')
                """, arguments: [candidate.rawValue])
            let next = (last ?? stamp) + Int64(days) * 86_400_000
            try db.execute(sql: """
                INSERT INTO touch_schedule (candidate_id, cadence_days, next_touch_at, last_touch_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (candidate_id) DO UPDATE SET cadence_days = excluded.cadence_days, next_touch_at = excluded.next_touch_at,
                    last_touch_at = excluded.last_touch_at
                """, arguments: [candidate.rawValue, days, next, last])
            return try Self.touchSchedule(db, candidate)!
        }
    }

    public func touchSchedule(_ candidate: CandidateID) async throws -> TouchSchedule? {
        try await read { db in try Self.touchSchedule(db, candidate) }
    }

    public func dueTouches(owner: UserID?, before: Date, limit: Int) async throws -> [TouchSchedule] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT t.* FROM touch_schedule t JOIN candidate c ON c.id = t.candidate_id
                WHERE t.next_touch_at <= ? AND (? IS NULL OR c.owner_id = ?) AND c.do_not_contact = 0
                ORDER BY t.next_touch_at, t.candidate_id LIMIT ?
                """, arguments: [StoredTime.milliseconds(before), owner?.rawValue, owner?.rawValue, max(0, limit)]).map(Self.touch)
        }
    }

    static func touchSchedule(_ db: Database, _ candidate: CandidateID) throws -> TouchSchedule? {
        try Row.fetchOne(db, sql: "SELECT * FROM touch_schedule WHERE candidate_id = ?", arguments: [candidate.rawValue]).map(touch)
    }

    static func touch(_ row: Row) -> TouchSchedule {
        TouchSchedule(candidateID: CandidateID(row["candidate_id"] as Int64), cadenceDays: row["cadence_days"],
                      nextTouchAt: OutreachRows.time(row, "next_touch_at")!, lastTouchAt: OutreachRows.time(row, "last_touch_at"))
    }
}
