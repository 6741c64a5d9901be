import ArgumentParser
import Foundation
import RapportCore
import RapportImport
import RapportMatch
import RapportOutreach
import RapportSQLite

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Take data out: a person as JSON Resume, a filtered list of people as CSV, the open jobs as schema.org JSON-LD.",
        discussion: """
            The same files the API and the web app give. Each is written to --to, or to standard output; an existing \
            file is never overwritten. `rapport import` reads the résumés and the CSV back.
            """,
        subcommands: [Resume.self, Candidates.self, Jobs.self])

    /// Options every export shares.
    struct Output: ParsableArguments {
        @OptionGroup var database: DatabaseOptions

        @Option(help: ArgumentHelp("The file to write; standard output when left out.", valueName: "file"))
        var to: String?

        /// The store and taxonomy, from a database that must already exist: an export never creates one.
        func open() async throws -> FirmExport {
            guard FileManager.default.fileExists(atPath: database.db) else { throw CLIError("\(database.db) does not exist") }
            let store = try database.open()
            return FirmExport(store: store, taxonomy: try await Taxonomy.current(in: store))
        }

        func write(_ data: Data) throws {
            try CommandOutput.write(data, to: to)
        }

        func validate() throws {
            if let to, FileManager.default.fileExists(atPath: to) { throw ValidationError("--to \(to) already exists; choose a new file") }
        }
    }

    struct Resume: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One person as a JSON Resume document, with Rapport's own sections (goals, preferences, consents, notes).")

        @OptionGroup var output: Output

        @Option(help: ArgumentHelp("The person's id.", valueName: "id"))
        var candidate: Int64

        func validate() throws {
            if candidate < 1 { throw ValidationError("--candidate must be a candidate's id, 1 or more (got \(candidate))") }
        }

        func run() async throws {
            let export = try await output.open()
            do {
                try output.write(try await export.resume(CandidateID(candidate)).data)
            } catch RapportError.notFound {
                throw CLIError("no candidate has id \(candidate)")
            }
        }
    }

    struct Candidates: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The people matching the filters as CSV, in id order, at most \(FirmExport.maximumRows).")

        @OptionGroup var output: Output

        @Option(help: ArgumentHelp("Only people with this skill (name or alias); repeat for every one of several.", valueName: "skill"))
        var skill: [String] = []

        @Option(help: ArgumentHelp("Only people looked after by this desk: US, UK, NZ or HK.", valueName: "region"))
        var region: String?

        @Option(help: ArgumentHelp("Only people whose availability is one of these, comma-separated: active, passive, not_looking, "
                                   + "on_assignment.", valueName: "list"))
        var availability: String?

        @Option(help: ArgumentHelp("Only people whose name contains this, any case.", valueName: "text"))
        var name: String?

        func validate() throws {
            if let region, Region(rawValue: region) == nil {
                throw ValidationError("--region must be one of US, UK, NZ, HK (got \(region))")
            }
            if let availability {
                for part in availability.split(separator: ",", omittingEmptySubsequences: false)
                where Availability.Status(rawValue: String(part)) == nil {
                    throw ValidationError("--availability must list active, passive, not_looking or on_assignment (got \(part))")
                }
            }
        }

        func run() async throws {
            let export = try await output.open()
            var query = CandidateQuery(region: region.flatMap(Region.init(rawValue:)), name: name)
            query.availability = availability.map { $0.split(separator: ",").compactMap { Availability.Status(rawValue: String($0)) } } ?? []
            for text in skill {
                guard let found = export.taxonomy.named(text) else { throw CLIError("no skill is called \"\(text)\"") }
                query.skillIDs.append(found.id)
            }
            try output.write(try await export.candidatesCSV(query))
        }
    }

    struct Jobs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every open job as one schema.org JobPosting JSON-LD document, as the careers pages publish them.")

        @OptionGroup var output: Output

        @Option(help: "The firm's name, as the postings give the hiring organisation.")
        var firmName: String = OutreachSettings().firmName

        @Option(help: ArgumentHelp("The address the careers pages are served at, for each posting's URL.", valueName: "url"))
        var publicURL: String = OutreachSettings().publicURL

        func validate() throws {
            if URL(string: publicURL)?.scheme.map({ ["http", "https"].contains($0) }) != true {
                throw ValidationError("--public-url must be an http or https URL (got \(publicURL))")
            }
        }

        func run() async throws {
            let export = try await output.open()
            let url = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
            try output.write(try await export.jobsFeed(firmName: firmName, publicURL: url))
        }
    }
}
