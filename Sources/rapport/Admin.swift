import ArgumentParser
import Foundation
import RapportCore
import RapportSQLite
import RapportWeb

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create the database or bring its schema up to date.",
        discussion: "Migrations are numbered and append-only; running this twice changes nothing the second time.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let store = try database.open()
        let applied = try await store.appliedMigrations()
        print("\(database.db): schema up to date (\(applied.count) migration\(applied.count == 1 ? "" : "s"): \(applied.joined(separator: ", ")))")
    }
}

struct Token: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage API tokens.",
        subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an API token for a user and print it (only the token, so scripts can capture it).",
            discussion: "The token is shown once; the database keeps only its SHA-256 hash.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: ArgumentHelp("E-mail address of an existing, active user.", valueName: "email"))
        var user: String

        @Option(help: "A note saying what the token is for.")
        var label: String = "cli"

        func run() async throws {
            guard FileManager.default.fileExists(atPath: database.db) else {
                throw CLIError("no database at \(database.db); create one with `rapport migrate` or `rapport demo`")
            }
            let store = try database.open()
            guard let found = try await store.user(email: user.trimmingCharacters(in: .whitespaces)) else {
                throw CLIError("no user has the e-mail address \(user)")
            }
            guard found.details.active else { throw CLIError("user \(user) is inactive") }
            print(try await APIToken.issue(for: found, label: label, store: store, now: Date()))
        }
    }
}
