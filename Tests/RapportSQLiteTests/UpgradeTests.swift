import Foundation
import GRDB
import RapportCore
@testable import RapportSQLite
import Testing

@Suite("Upgrading a database that holds data")
struct UpgradeTests {
    @Test("migration 0006 rebuilds the obligation table and keeps every obligation, its reply and its history")
    func obligationsSurviveTheRebuild() async throws {
        // setup: a file at migration 0005 with a candidate, a reply, an open obligation and its history.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-upgrade-\(UUID().uuidString).sqlite").path
        do {
            let queue = try DatabaseQueue(path: path, configuration: SQLiteStore.configuration(busyTimeout: 5))
            try Migrations.migrator.migrate(queue, upTo: "0005-touch-schedule")
            try await queue.write { db in
                try db.execute(sql: """
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
            }
        }
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
}
