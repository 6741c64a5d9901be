import ArgumentParser
import Foundation
import RapportCore
import RapportImport
import RapportMatch
import RapportSQLite

/// `rapport eval …`: how good the product's judgements are, measured against people's own.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure the ranking against a gold set of judgements; nothing outside memory is touched.",
        subcommands: [Eval.Ranking.self])
}

extension Eval {
    /// `rapport eval ranking`: P@5, P@10, NDCG@10 and never-show jobs in a top 10, over a gold set.
    struct Ranking: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rank a gold set's jobs for each of its people and score the rankings against their judgements.",
            discussion: """
                Imports the gold file's jobs (schema.org JobPosting or JSON Resume job) and people (JSON Resume) into an \
                empty in-memory firm with the standard taxonomy, exactly as `rapport import` reads them, records every \
                consent each person's desk asks for, and asks the live match index for each judged person's top 10 \
                openings. Prints P@5 and P@10 (the share of the top 5 and 10 judged 2 or 3), NDCG@10 (gains 2^grade − 1, \
                against the best order of the person's judged jobs), and how many jobs judged never-show reached a top \
                10, with each person's line. EVAL.md documents the gold file. --minimum-ndcg and --maximum-never-show make \
                it a gate: exit status 2 when the ranking falls short.
                """)

        @Option(help: ArgumentHelp("The gold set, a JSON file (see EVAL.md).", valueName: "file"))
        var gold: String

        @Flag(help: "Print the figures as JSON.")
        var json = false

        @Option(help: ArgumentHelp("Exit 2 when the mean NDCG@10 is below this (0 to 1).", valueName: "ndcg"))
        var minimumNdcg: Double?

        @Option(help: ArgumentHelp("Exit 2 when more never-show jobs than this reach a top 10.", valueName: "count"))
        var maximumNeverShow: Int?

        func validate() throws {
            if let minimumNdcg, !(0...1).contains(minimumNdcg) {
                throw ValidationError("--minimum-ndcg must be from 0 to 1 (got \(minimumNdcg))")
            }
            if let maximumNeverShow, maximumNeverShow < 0 {
                throw ValidationError("--maximum-never-show must be 0 or more (got \(maximumNeverShow))")
            }
        }

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: gold) else { throw CLIError("--gold \(gold) cannot be read") }
            let set: GoldSet
            do {
                set = try JSONDecoder().decode(GoldSet.self, from: data)
            } catch let error as DecodingError {
                throw CLIError("--gold \(gold) is not a gold set: \(Self.describe(error)); see EVAL.md")
            }
            let problems = set.problems
            guard problems.isEmpty else { throw CLIError("--gold \(gold) has problems:\n" + problems.joined(separator: "\n")) }
            let store = try SQLiteStore.inMemory()
            let records = FirmRecords(store: store)
            _ = try await StandardTaxonomy.installIfEmpty(into: records)
            let user = try await records.createUser(UserDetails(email: "eval@rapport.test", name: "Ranking evaluation", role: .admin,
                                                                region: .us))
            let matching = MatchService(store: store, today: { records.today })
            let report = try await RankingEval(records: records.observed(by: matching), matching: matching).run(set, by: user.id)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
            } else {
                print(report.text)
            }
            var short: [String] = []
            if let minimumNdcg, report.ndcgAt10 < minimumNdcg {
                short.append(String(format: "NDCG@10 %.3f is below the minimum %.3f", report.ndcgAt10, minimumNdcg))
            }
            if let maximumNeverShow, report.neverShowInTop10 > maximumNeverShow {
                short.append("\(report.neverShowInTop10) never-show jobs reached a top 10; at most \(maximumNeverShow) may")
            }
            if !short.isEmpty {
                FileHandle.standardError.write(Data(("The ranking falls short: " + short.joined(separator: "; ") + ".\n").utf8))
                throw ExitCode(2)
            }
        }

        /// "judgements[2].grade: expected a number", from what the decoder says.
        private static func describe(_ error: DecodingError) -> String {
            func path(_ context: DecodingError.Context) -> String {
                context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined().trimmingCharacters(in: ["."])
            }
            switch error {
            case .keyNotFound(let key, let context): return "\(path(context)).\(key.stringValue) is missing".trimmingCharacters(in: ["."])
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                return (path(context).isEmpty ? "" : path(context) + ": ") + context.debugDescription
            @unknown default: return "\(error)"
            }
        }
    }
}
