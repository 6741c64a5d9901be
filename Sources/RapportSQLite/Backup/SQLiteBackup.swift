import Foundation
import GRDB

/// What a database file holds, as a backup or restore reports it.
public struct DatabaseSummary: Sendable, Equatable {
    public var migrations: [String]
    public var candidates: Int
    public var jobs: Int
    public var users: Int
    public var bytes: Int64

    public var text: String {
        "\(candidates) candidates, \(jobs) jobs, \(users) users; schema at \(migrations.last ?? "none") (\(bytes / 1024) KiB)"
    }
}

/// Why a backup or restore did not happen, in words for the person running it.
public struct BackupError: Error, CustomStringConvertible, Equatable {
    public var description: String

    init(_ description: String) { self.description = description }
}

/// Consistent copies of the embedded database, taken while `serve` keeps writing, and putting one back.
public enum SQLiteBackup {
    /// Copies the database at `path` into the new file `destination` with `VACUUM INTO`: one read transaction, so the
    /// copy is the database as of one moment even while others write, and compacted. The source is opened read-only
    /// and never migrated; the copy is written beside `destination` and moved into place only once it checks out.
    public static func backup(database path: String, to destination: String) throws -> DatabaseSummary {
        guard FileManager.default.fileExists(atPath: path) else { throw BackupError("\(path) does not exist") }
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw BackupError("\(destination) already exists; choose a new file, so no backup is overwritten")
        }
        let partial = destination + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        do {
            let source = try DatabaseQueue(path: path, configuration: configuration)
            // Outside any transaction, as VACUUM must be; it reads in one transaction of its own.
            try source.inDatabase { db in try db.execute(sql: "VACUUM INTO ?", arguments: [partial]) }
            try source.close()
            let summary = try check(partial)
            try FileManager.default.moveItem(atPath: partial, toPath: destination)
            return summary
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            if let error = error as? BackupError { throw error }
            throw BackupError("could not copy \(path): \(error)")
        }
    }

    /// Checks that `path` is a whole Rapport database this version can open: SQLite's integrity check passes, and its
    /// migrations are ones this code knows (a backup from a newer version is refused).
    public static func check(_ path: String) throws -> DatabaseSummary {
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in
                let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                guard integrity == ["ok"] else {
                    throw BackupError("\(path) is damaged: \(integrity.prefix(3).joined(separator: "; "))")
                }
                guard try db.tableExists("grdb_migrations"), try db.tableExists("candidate") else {
                    throw BackupError("\(path) is not a Rapport database")
                }
                let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
                let unknown = applied.filter { !SQLiteStore.knownMigrations.contains($0) }
                guard unknown.isEmpty else {
                    throw BackupError("\(path) comes from a newer Rapport (migration \(unknown[0])); restore it with that version")
                }
                let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64) ?? 0
                return DatabaseSummary(migrations: applied, candidates: try Int.fetchOne(db, sql: "SELECT count(*) FROM candidate") ?? 0,
                                       jobs: try Int.fetchOne(db, sql: "SELECT count(*) FROM job") ?? 0,
                                       users: try Int.fetchOne(db, sql: "SELECT count(*) FROM app_user") ?? 0, bytes: bytes)
            }
        } catch let error as BackupError {
            throw error
        } catch {
            throw BackupError("\(path) is not a SQLite database Rapport can read (\(error))")
        }
    }

    /// Puts the backup at `backup` in place as the database at `path`, after checking it. An existing database is
    /// replaced only with `replace`, and is kept aside as `path.before-restore-…`, never deleted. Run it with the
    /// server stopped: a running server would go on writing to the file it has open.
    public static func restore(from backup: String, to path: String, replace: Bool, now: Date = Date()) throws -> (DatabaseSummary, keptAside: String?) {
        let summary = try check(backup)
        let files = FileManager.default
        let staging = path + ".restoring"
        try? files.removeItem(atPath: staging)
        do {
            try files.copyItem(atPath: backup, toPath: staging)
        } catch {
            throw BackupError("could not copy \(backup) beside \(path): \(error)")
        }
        var keptAside: String?
        if files.fileExists(atPath: path) {
            guard replace else {
                try? files.removeItem(atPath: staging)
                throw BackupError("\(path) exists; pass --replace to put the backup in its place (the current file is kept aside)")
            }
            let stamp = ISO8601DateFormatter().string(from: now).replacingOccurrences(of: ":", with: "")
            let aside = "\(path).before-restore-\(stamp)"
            // Fold the old file's write-ahead log into it first, so what is kept aside is whole.
            if let old = try? DatabaseQueue(path: path) {
                _ = try? old.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
                try? old.close()
            }
            try files.moveItem(atPath: path, toPath: aside)
            for suffix in ["-wal", "-shm"] { try? files.removeItem(atPath: path + suffix) }
            keptAside = aside
        }
        try files.moveItem(atPath: staging, toPath: path)
        return (summary, keptAside)
    }
}
