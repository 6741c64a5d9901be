import ArgumentParser
import Foundation
import RapportSQLite

/// The `rapport` command: a thin shell over the libraries.
@main
struct Rapport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rapport",
        abstract: "Relationship recruiting for IT professionals: the server, demo data and administration.",
        discussion: """
            Quick start: `rapport serve --demo` creates rapport.sqlite with realistic demo data, prints the URL and an \
            API token, and serves the JSON API (described at /api/v1/openapi.json).
            """,
        subcommands: [Serve.self, Demo.self, Match.self, Simulate.self, ScorecardCommand.self, InsightsCommand.self, ImportCommand.self, CVDraftCommand.self, ExportCommand.self, BackupCommand.self,
                      RestoreCommand.self, Migrate.self,
                      UserCommand.self,
                      Token.self, Bench.self, Eval.self])
}

/// The database option every command shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("SQLite database file; created if missing.", valueName: "path"))
    var db: String = "rapport.sqlite"
}

/// A failure while a command runs (not a mistake in its arguments): printed as `Error: …` without the usage text.
struct CLIError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Where a command puts the file it makes: a new file at `path`, never over an existing one, or standard output.
enum CommandOutput {
    static func write(_ data: Data, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        } catch {
            throw CLIError("\(path) cannot be written: \(error.localizedDescription)")
        }
    }
}

extension DatabaseOptions {
    /// Opens the database, saying which file could not be opened and why.
    func open() throws -> SQLiteStore {
        try SQLiteStore.open(path: db)
    }
}

extension SQLiteStore {
    static func open(path: String) throws -> SQLiteStore {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder) else {
            throw CLIError("cannot open the database \(path): the folder \(folder) does not exist")
        }
        do {
            return try SQLiteStore(path: path)
        } catch {
            throw CLIError("cannot open the database \(path): \(error)")
        }
    }
}
