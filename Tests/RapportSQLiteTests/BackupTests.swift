import Foundation
import GRDB
import RapportCore
@testable import RapportSQLite
import Testing

@Suite("Backup and restore of the embedded database")
struct BackupTests {
    private static func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("rapport-backup-\(UUID().uuidString)-\(name)").path
    }

    private static func person(_ index: Int) -> CandidateProfile {
        CandidateProfile(name: "Person \(index)", email: "person\(index)@example.com", location: Location(city: "Leeds", country: "GB"),
                         timeZone: "Europe/London", region: .uk)
    }

    @Test("a backup taken during a burst of writes is whole: it opens, passes the integrity check, and holds a moment of the burst")
    func duringWrites() async throws {
        let path = Self.temporary("live.sqlite")
        let store = try SQLiteStore(path: path)
        for index in 0..<50 { _ = try await store.createCandidate(Self.person(index), at: Date()) }
        let writer = Task {
            for index in 50..<450 { _ = try await store.createCandidate(Self.person(index), at: Date()) }
        }
        try await Task.sleep(for: .milliseconds(20))
        let copy = Self.temporary("copy.sqlite")
        let summary = try SQLiteBackup.backup(database: path, to: copy)
        try await writer.value
        #expect((50...450).contains(summary.candidates))
        #expect(summary.migrations == SQLiteStore.knownMigrations)
        // Every candidate in the copy reads whole, and their ids run without a gap: one moment, not a mixture.
        let restored = try SQLiteStore(path: copy)
        let people = try await restored.candidates(after: nil, limit: 1_000)
        #expect(people.count == summary.candidates)
        #expect(people.map(\.id.rawValue) == Array(1...Int64(people.count)))
        // The backup never overwrites a file.
        #expect(throws: BackupError.self) { _ = try SQLiteBackup.backup(database: path, to: copy) }
    }

    @Test("a restore puts a checked backup in place and keeps the database it replaces; it refuses what is not a whole Rapport database")
    func restore() async throws {
        let path = Self.temporary("db.sqlite")
        let store = try SQLiteStore(path: path)
        _ = try await store.createCandidate(Self.person(1), at: Date())
        let backup = Self.temporary("backup.sqlite")
        _ = try SQLiteBackup.backup(database: path, to: backup)
        _ = try await store.createCandidate(Self.person(2), at: Date())

        let target = Self.temporary("target.sqlite")
        #expect(try SQLiteBackup.restore(from: backup, to: target, replace: false).0.candidates == 1)
        let refused = #expect(throws: BackupError.self) { _ = try SQLiteBackup.restore(from: backup, to: target, replace: false) }
        #expect(refused?.description.contains("pass --replace") == true)
        let (_, aside) = try SQLiteBackup.restore(from: backup, to: target, replace: true)
        #expect(aside.map { FileManager.default.fileExists(atPath: $0) } == true)
        #expect(try await SQLiteStore(path: target).candidates(after: nil, limit: 10).map(\.profile.name) == ["Person 1"])

        let text = Self.temporary("notes.txt")
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: text))
        #expect(throws: BackupError.self) { _ = try SQLiteBackup.restore(from: text, to: Self.temporary("x.sqlite"), replace: false) }

        let newer = Self.temporary("newer.sqlite")
        _ = try SQLiteBackup.backup(database: path, to: newer)
        try await DatabaseQueue(path: newer).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('9999-from-the-future')")
        }
        let future = #expect(throws: BackupError.self) { _ = try SQLiteBackup.restore(from: newer, to: Self.temporary("y.sqlite"), replace: false) }
        #expect(future?.description.contains("newer Rapport") == true)
    }
}
