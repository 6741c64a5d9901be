import ArgumentParser
import Foundation
import RapportCore
import RapportMatch
import RapportSQLite
import RapportWeb

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create the database or bring its schema up to date.",
        discussion: """
            Migrations are numbered and append-only; running this twice changes nothing the second time. A database \
            without skills also gets the standard skill taxonomy and its practices.
            """)

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let store = try database.open()
        let applied = try await store.appliedMigrations()
        print("\(database.db): schema up to date (\(applied.count) migration\(applied.count == 1 ? "" : "s"): \(applied.joined(separator: ", ")))")
        if let installed = try await StandardTaxonomy.installIfEmpty(into: FirmRecords(store: store)) {
            print("Installed the standard skill taxonomy \(StandardTaxonomy.version): \(installed) skills and the standard practices.")
        }
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

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage staff users.",
        subcommands: [Create.self, Password.self])

    struct Password: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a user's password for the web app, read from RAPPORT_PASSWORD or the first line of standard input.",
            discussion: "At least 12 characters. Every web session of the user ends. Stored only as a Bcrypt hash.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: ArgumentHelp("The user's e-mail address.", valueName: "email"))
        var email: String

        func run() async throws {
            let store = try database.open()
            guard let user = try await store.user(email: email) else { throw CLIError("no user has the e-mail address \(email)") }
            let password = ProcessInfo.processInfo.environment["RAPPORT_PASSWORD"] ?? readLine(strippingNewline: true) ?? ""
            if let problem = PasswordHasher.problem(password) { throw CLIError("the password \(problem)") }
            try await store.setPasswordHash(PasswordHasher().hash(password), for: user.id)
            print("Password set for \(user.details.email).")
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a user, such as the first admin of a new database, and print its id.",
            discussion: "Then give it an API token with `rapport token create --user EMAIL`.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: ArgumentHelp("E-mail address; unique among users.", valueName: "email"))
        var email: String

        @Option(help: "Full name.")
        var name: String

        @Option(help: "Role: recruiter, practice_lead or admin.")
        var role: Role = .admin

        @Option(help: "Region: US, UK, NZ or HK.")
        var region: Region = .us

        @Option(name: .customLong("practice"), help: ArgumentHelp("Practice id the user works in; repeat for several.", valueName: "id"))
        var practices: [Int64] = []

        func run() async throws {
            let records = FirmRecords(store: try database.open())
            let details = UserDetails(email: email.trimmingCharacters(in: .whitespaces), name: name, role: role, region: region,
                                      practiceIDs: practices.map { PracticeID($0) })
            do {
                let user = try await records.createUser(details)
                print(user.id)
            } catch let error as RapportError {
                throw CLIError(error.cliDescription)
            }
        }
    }
}

extension Role: ExpressibleByArgument {}
extension Region: ExpressibleByArgument {}

extension RapportError {
    /// The error as one line for the terminal, naming the option at fault.
    var cliDescription: String {
        switch self {
        case .invalid(let issues):
            issues.map { "--\($0.field.replacingOccurrences(of: "practiceIDs", with: "practice")) \($0.message)" }.joined(separator: "; ")
        case .duplicate(let field, let message):
            "--\(field) \(message)"
        case .notFound(let entity, let id):
            "no \(entity) has id \(id)"
        case .staleVersion, .inUse, .likelyDuplicate:
            "\(self)"
        }
    }
}
