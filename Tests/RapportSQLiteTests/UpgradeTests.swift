import Foundation
import GRDB
import RapportCore
@testable import RapportSQLite
import Testing

@Suite("Upgrading a database that holds data")
struct UpgradeTests {
    /// A new database file migrated up to `migration`, holding what `sql` inserts.
    private static func file(at migration: String, _ sql: String) async throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-upgrade-\(UUID().uuidString).sqlite").path
        let queue = try DatabaseQueue(path: path, configuration: SQLiteStore.configuration(busyTimeout: 5))
        try Migrations.migrator.migrate(queue, upTo: migration)
        try await queue.write { db in try db.execute(sql: sql) }
        return path
    }

    @Test("migration 0006 rebuilds the obligation table and keeps every obligation, its reply and its history")
    func obligationsSurviveTheRebuild() async throws {
        // setup: a file at migration 0005 with a candidate, a reply, an open obligation and its history.
        let path = try await Self.file(at: "0005-touch-schedule", """
            INSERT INTO app_user (id, email, name, role, region, active, version) VALUES (1, 'rob@rapport.test', 'Rob', 'recruiter', 'UK', 1, 1);
            INSERT INTO candidate (id, name, email, city, country, time_zone, region, remote_preference, open_to_relocation, headline,
                summary, availability, do_not_contact, owner_id, source_kind, details, created_at, updated_at, version)
            VALUES (7, 'Mere Tane', 'mere@example.com', 'London', 'GB', 'Europe/London', 'UK', 'hybrid', 0, '', '', 'active', 0, 1,
                'sourced', '{}', 0, 0, 1);
            INSERT INTO reply (id, candidate_id, channel, received_at, subject, body_text, intent, classification)
            VALUES (3, 7, 'phone', 1795000000000, 'Re: role', 'Call me', 'question', '{}');
            INSERT INTO obligation (id, reply_id, candidate_id, owner_id, opened_at, due_at, status)
            VALUES (5, 3, 7, 1, 1795000000000, 1795086400000, 'open');
            INSERT INTO obligation_event (obligation_id, position, kind, at, actor_id, subject_id, note)
            VALUES (5, 0, 'opened', 1795000000000, NULL, 1, 'reply 3 received');
            """)
        // MUT: opening the file with the current code applies 0006.
        let store = try SQLiteStore(path: path)
        // validate
        #expect(try await store.appliedMigrations() == SQLiteStore.knownMigrations)
        let obligation = try await store.obligation(ObligationID(5))
        #expect(obligation.reason == .reply && obligation.replyID == ReplyID(3) && obligation.submissionID == nil)
        #expect(obligation.candidateID == CandidateID(7) && obligation.ownerID == UserID(1) && obligation.status == .open)
        #expect(obligation.dueAt == Date(timeIntervalSince1970: 1_795_086_400))
        #expect(try await store.obligationEvents(ObligationID(5)).map(\.note) == ["reply 3 received"])
        #expect(try await store.obligation(reply: ReplyID(3))?.id == ObligationID(5))
        // The rebuilt table still cascades: erasing the candidate removes the obligation and its history.
        try await store.deleteCandidate(CandidateID(7))
        await #expect(throws: RapportError.notFound(entity: "obligation", id: "5")) { _ = try await store.obligation(ObligationID(5)) }
    }

    @Test("migration 0008 rebuilds jobs and placements: every row keeps its id and pay, and old remote jobs stay in their country")
    func jobsSurviveTheRebuild() async throws {
        // setup: a file at migration 0007 with a remote and an on-site job, a submission placed on one of them.
        let path = try await Self.file(at: "0007-web-sessions", """
            INSERT INTO app_user (id, email, name, role, region, active, version) VALUES (1, 'rob@rapport.test', 'Rob', 'recruiter', 'UK', 1, 1);
            INSERT INTO client (id, name, industry, region, version) VALUES (2, 'Acme', 'Banking', 'UK', 1);
            INSERT INTO skill (id, name, category) VALUES (3, 'Swift', 'language');
            INSERT INTO job (id, client_id, title, description, city, country, region, remote_policy, employment_type,
                pay_currency, pay_unit, pay_minimum, pay_maximum, seniority, openings, status, created_at, updated_at, version)
            VALUES (10, 2, 'Remote Engineer', '', 'London', 'GB', 'UK', 'remote', 'contract', 'GBP', 'day', 50000, 65000,
                'senior', 1, 'open', 0, 0, 1),
                (11, 2, 'Office Engineer', '', 'London', 'GB', 'UK', 'onsite', 'permanent', 'GBP', 'year', 8000000, 9000000,
                'mid', 1, 'open', 0, 0, 3);
            INSERT INTO job_skill (job_id, skill_id, minimum_level, minimum_years, importance, weight, position)
            VALUES (10, 3, 3, 2, 'must', 5, 0);
            INSERT INTO candidate (id, name, email, city, country, time_zone, region, remote_preference, open_to_relocation, headline,
                summary, availability, do_not_contact, owner_id, source_kind, details, created_at, updated_at, version)
            VALUES (7, 'Mere Tane', 'mere@example.com', 'London', 'GB', 'Europe/London', 'UK', 'hybrid', 0, '', '', 'active', 0, 1,
                'sourced', '{}', 0, 0, 1);
            INSERT INTO submission (id, candidate_id, job_id, stage, active, created_at, created_by, version)
            VALUES (20, 7, 10, 'placed', 1, 0, 1, 1);
            INSERT INTO placement (id, submission_id, candidate_id, job_id, recruiter_id, start_day, currency, unit, pay_minor, created_at)
            VALUES (30, 20, 7, 10, 1, 20000, 'GBP', 'day', 60000, 0);
            """)
        // MUT: opening the file with the current code applies 0008.
        let store = try SQLiteStore(path: path)
        // validate
        #expect(try await store.appliedMigrations() == SQLiteStore.knownMigrations)
        let remote = try await store.job(JobID(10))
        #expect(remote.details.pay == PayRange(minimum: Money(major: 500, .gbp, per: .day), maximum: Money(major: 650, .gbp, per: .day)))
        #expect(remote.details.requiredSkills.map(\.skillID) == [SkillID(3)])
        #expect(try await store.job(JobID(11)).version == 3)
        let remoteScope = try await store.read { db in
            try String.fetchAll(db, sql: """
                SELECT coalesce(remote_area, '-') || ' ' || coalesce(remote_places, '-') || ' ' || contractors_abroad FROM job ORDER BY id
                """)
        }
        #expect(remoteScope == [#"countries ["GB"] 0"#, "- - 0"])
        #expect(try await store.placements(candidate: CandidateID(7)).map(\.id) == [PlacementID(30)])
        // The rebuilt job table takes what it could not before, and still refuses a job with half a pay band.
        var undisclosed = remote.details
        undisclosed.pay = nil
        _ = try await store.updateJob(JobID(10), expectedVersion: 1, undisclosed, at: Date())
        #expect(try await store.job(JobID(10)).details.pay == nil)
        await #expect(throws: RapportError.invalid([ValidationIssue(field: "", message: "breaks a database rule")])) {
            try await store.write { db in try db.execute(sql: "UPDATE job SET pay_unit = 'month' WHERE id = 11") }
            try await store.write { db in try db.execute(sql: "UPDATE job SET pay_currency = NULL WHERE id = 11") }
        }
        #expect(try await store.job(JobID(11)).details.pay?.minimum.unit == .month)
    }
}
