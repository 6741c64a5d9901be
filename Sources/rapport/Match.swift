import ArgumentParser
import Foundation
import RapportCore
import RapportMatch
import RapportSQLite

struct Match: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rank candidates for a job, or open jobs for a candidate, with the reasons.",
        discussion: """
            Builds the match index from the database, then prints the ranked list: score, eligibility and what is met, \
            partly met and missing. With --job, ineligible candidates are left out unless --include-ineligible is given.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Rank candidates for this job id.")
    var job: Int64?

    @Option(help: "Rank open jobs for this candidate id.")
    var candidate: Int64?

    @Option(help: "How many to show, 1 to 200.")
    var limit: Int = 10

    @Flag(help: "With --job, also list candidates whose deal-breakers rule them out, with the reasons.")
    var includeIneligible = false

    @Option(help: ArgumentHelp("JSON file of matching settings (see MATCHING.md).", valueName: "file"))
    var matchConfig: String?

    func validate() throws {
        guard (job == nil) != (candidate == nil) else { throw ValidationError("give exactly one of --job ID or --candidate ID") }
        if let id = job ?? candidate, id < 1 { throw ValidationError("--\(job != nil ? "job" : "candidate") must be a positive id") }
        guard (1...200).contains(limit) else { throw ValidationError("--limit must be from 1 to 200 (got \(limit))") }
        if includeIneligible && job == nil { throw ValidationError("--include-ineligible goes with --job") }
    }

    func run() async throws {
        guard FileManager.default.fileExists(atPath: database.db) else {
            throw CLIError("\(database.db) does not exist; create one with `rapport demo --db \(database.db)`")
        }
        let settings = try MatchSettings.open(path: matchConfig)
        let records = FirmRecords(store: try database.open())
        let matching = try await MatchService.start(records: records, settings: settings)
        do {
            if let job {
                try await printMatches(for: JobID(job), records: records, matching: matching)
            } else if let candidate {
                try await printOpportunities(for: CandidateID(candidate), records: records, matching: matching)
            }
        } catch RapportError.notFound(let entity, let id) {
            throw CLIError("no \(entity) has id \(id)")
        }
    }

    private func printMatches(for id: JobID, records: FirmRecords, matching: MatchService) async throws {
        let job = try await records.store.job(id)
        let client = try await records.store.client(job.details.clientID)
        let matches = try await matching.matches(for: id, limit: limit, includeIneligible: includeIneligible)
        print("Job \(id): \(job.details.title) at \(client.details.name) (\(job.details.status.rawValue))")
        if matches.isEmpty {
            print(includeIneligible ? "No candidate has any of its skills." : "No eligible candidate has any of its skills.")
        }
        for (rank, match) in matches.enumerated() {
            print("")
            print("\(rank + 1). \(match.fit.score)  \(match.name) (candidate \(match.candidateID)) — \(match.headline)")
            for line in match.fit.forRecruiter {
                print("     \(line)")
            }
        }
    }

    private func printOpportunities(for id: CandidateID, records: FirmRecords, matching: MatchService) async throws {
        let candidate = try await records.store.candidate(id)
        let matches = try await matching.opportunities(for: id, limit: limit)
        print("Candidate \(id): \(candidate.profile.name) — \(candidate.profile.headline)")
        if matches.isEmpty {
            print("No open job fits this person's skills and deal-breakers.")
        }
        for (rank, match) in matches.enumerated() {
            let client = try? await records.store.client(match.clientID)
            print("")
            print("\(rank + 1). \(match.fit.score)  \(match.title) at \(client?.details.name ?? "client \(match.clientID)") (job \(match.jobID))")
            for line in match.fit.forCandidate {
                print("     \(line)")
            }
        }
    }
}

extension MatchSettings {
    /// The settings in `path`, or the defaults without one; a bad file is a CLI error naming the field.
    static func open(path: String?) throws -> MatchSettings {
        guard let path else { return MatchSettings() }
        do {
            return try MatchSettings.load(contentsOf: URL(fileURLWithPath: path))
        } catch RapportError.invalid(let issues) {
            throw CLIError("\(path): " + issues.map { "\($0.field) \($0.message)" }.joined(separator: "; "))
        } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
            throw CLIError("\(path) does not exist")
        } catch let error as DecodingError {
            throw CLIError("\(path) is not valid JSON: \(error)")
        }
    }
}

extension MatchService {
    /// Installs the standard taxonomy into a database without one, then builds the index, reporting on stderr.
    static func start(records: FirmRecords, settings: MatchSettings) async throws -> MatchService {
        if let installed = try await StandardTaxonomy.installIfEmpty(into: records) {
            FileHandle.standardError.write(Data("Installed the standard skill taxonomy \(StandardTaxonomy.version) (\(installed) skills).\n".utf8))
        }
        let service = MatchService(store: records.store, settings: settings, today: { records.today })
        try await service.load()
        let status = service.status
        let message = "Match index: \(status.candidates) candidates, \(status.openJobs) open jobs, "
            + "\(status.memoryBytes / 1_048_576) MiB, built in \(Int(status.buildMilliseconds)) ms.\n"
        FileHandle.standardError.write(Data(message.utf8))
        return service
    }
}
