import Foundation
import GRDB
import RapportCore

/// The embedded store: one SQLite file in WAL mode, foreign keys on, a busy timeout, and one immediate
/// transaction per store method.
public struct SQLiteStore: RapportStore {
    let writer: any DatabaseWriter

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    public init(path: String, busyTimeout: TimeInterval = 5) throws {
        let pool = try DatabasePool(path: path, configuration: Self.configuration(busyTimeout: busyTimeout))
        try self.init(writer: pool)
    }

    /// A private in-memory database, for tests.
    public static func inMemory() throws -> SQLiteStore {
        try SQLiteStore(writer: DatabaseQueue(configuration: configuration(busyTimeout: 5)))
    }

    init(writer: any DatabaseWriter) throws {
        self.writer = writer
        try Migrations.migrator.migrate(writer)
    }

    static func configuration(busyTimeout: TimeInterval) -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "rapport"
        configuration.prepareDatabase { db in
            // Durable enough in WAL mode: a power cut may lose the last transactions, never corrupt the file.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // The one writer keeps up to 32 MiB of pages (SQLite's default is 2 MiB), so that a large import's
            // transaction does not spill its pages to the WAL and read them back as it goes.
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA cache_size = -32768") }
        }
        return configuration
    }

    /// The migrations this database has applied, oldest first.
    public func appliedMigrations() async throws -> [String] {
        try await writer.read { db in try Migrations.migrator.appliedMigrations(db) }
    }

    /// Every migration the code knows, oldest first.
    public static var knownMigrations: [String] { Migrations.all.map(\.0) }

    public func isReachable() async -> Bool {
        (try? await writer.read { db in try Int.fetchOne(db, sql: "SELECT 1") }) == 1
    }

    /// Runs `body` in one immediate write transaction, translating SQLite's constraint errors into domain errors.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writer.write(body)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw Self.domainError(for: error)
        }
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await writer.read(body)
    }

    /// The checks above each write should catch these first; this is the safety net, with no SQL in the message.
    static func domainError(for error: DatabaseError) -> RapportError {
        let message = error.message ?? ""
        if error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE, let column = message.split(separator: ".").last {
            return .duplicate(field: String(column), message: "is already taken")
        }
        if error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
            return .inUse(entity: "record", message: "is still referred to by other records")
        }
        return .invalid(field: "", "breaks a database rule")
    }
}

/// Timestamps are stored as integer milliseconds since 1970: exact to read back, cheap to compare and index.
enum StoredTime {
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}

extension Date {
    /// The instant as it reads back from the database.
    var truncatedToMilliseconds: Date { StoredTime.date(StoredTime.milliseconds(self)) }
}

extension Database {
    /// Which of `ids` exist in `table`.
    func existingIDs(in table: String, _ ids: Set<Int64>) throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        let found = try Int64.fetchAll(cachedStatement(sql: "SELECT id FROM \(table) WHERE id IN (SELECT value FROM json_each(?))"),
                                       arguments: [Self.jsonArray(ids.sorted())])
        return Set(found)
    }

    /// Fails with a validation error naming the field of every id that points at nothing.
    func checkReferences(_ references: [EntityReference]) throws {
        try EntityReference.check(references) { kind, ids in
            (try? existingIDs(in: kind.tableName, ids)) ?? []
        }
    }

    /// Reads the stored version of a row, failing with `notFound` or `staleVersion`.
    func checkVersion(table: String, entity: String, id: Int64, expected: Int) throws {
        guard let actual = try Int.fetchOne(self, sql: "SELECT version FROM \(table) WHERE id = ?", arguments: [id]) else {
            throw RapportError.notFound(entity: entity, id: String(id))
        }
        if actual != expected {
            throw RapportError.staleVersion(entity: entity, id: String(id), expected: expected, actual: actual)
        }
    }

    func requireRow(table: String, entity: String, id: Int64) throws {
        guard try Bool.fetchOne(self, sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE id = ?)", arguments: [id]) == true else {
            throw RapportError.notFound(entity: entity, id: String(id))
        }
    }

    static func jsonArray(_ ids: [Int64]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }
}

extension EntityKind {
    /// Table names are fixed strings chosen here, never user input.
    var tableName: String {
        switch self {
        case .candidate: "candidate"
        case .job: "job"
        case .client: "client"
        case .practice: "practice"
        case .user: "app_user"
        case .skill: "skill"
        }
    }
}

/// The page slicing every list shares: fetch one row more than asked to know whether another page follows.
func makePage<Item>(_ items: [Item], limit: Int, total: Int, id: (Item) -> Int64) -> Page<Item> {
    if items.count > limit {
        let shown = Array(items.prefix(limit))
        return Page(items: shown, total: total, nextAfter: shown.last.map(id))
    }
    return Page(items: items, total: total, nextAfter: nil)
}

extension SQLiteStore {
    /// The value of a connection setting (`journal_mode`, `foreign_keys`, `busy_timeout`), for checks and diagnostics.
    public func pragma(_ name: String) async throws -> String? {
        guard name.allSatisfy({ $0.isLetter || $0 == "_" }) else { return nil }
        // The writer's connection: WAL readers never wait on locks, so only it carries the busy timeout.
        return try await writer.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA \(name)") }
    }
}

extension SQLiteStore {
    /// Writes a consistent copy of the whole database to a new file at `path` (which must not exist).
    public func copy(to path: String) async throws {
        try await writer.writeWithoutTransaction { db in
            try db.execute(sql: "VACUUM INTO ?", arguments: [path])
        }
    }
}
