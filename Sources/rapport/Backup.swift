import ArgumentParser
import Foundation
import RapportSQLite

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database to a new file, consistent as of one moment, while the server keeps running.",
        discussion: """
            Uses SQLite's VACUUM INTO in one read transaction, so writes during the backup are either all in the copy \
            or not at all, and the copy is compacted. The database is opened read-only and never migrated. The copy is \
            checked (SQLite's integrity check, a known schema) before it takes the name given; an existing file is never \
            overwritten.
            """)

    @Option(help: ArgumentHelp("The database to back up.", valueName: "path"))
    var db: String = "rapport.sqlite"

    @Option(help: ArgumentHelp("The new backup file.", valueName: "file"))
    var to: String

    func run() throws {
        do {
            let summary = try SQLiteBackup.backup(database: db, to: to)
            print("Backed up \(db) to \(to): \(summary.text).")
        } catch let error as BackupError {
            throw CLIError(error.description)
        }
    }
}

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Put a backup in place as the database, after checking it. Stop the server first.",
        discussion: """
            The backup must pass SQLite's integrity check and come from this version of Rapport or an older one (it is \
            migrated when next opened). An existing database is replaced only with --replace, and is kept aside as \
            PATH.before-restore-TIME rather than deleted.
            """)

    @Option(help: ArgumentHelp("The backup file to restore.", valueName: "file"))
    var from: String

    @Option(help: ArgumentHelp("Where the database goes.", valueName: "path"))
    var db: String = "rapport.sqlite"

    @Flag(help: "Replace an existing database (kept aside, not deleted).")
    var replace = false

    func run() throws {
        do {
            let (summary, aside) = try SQLiteBackup.restore(from: from, to: db, replace: replace)
            print("Restored \(from) as \(db): \(summary.text).")
            if let aside { print("The database it replaced is kept as \(aside).") }
        } catch let error as BackupError {
            throw CLIError(error.description)
        }
    }
}
