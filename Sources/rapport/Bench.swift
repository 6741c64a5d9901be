import ArgumentParser
import Foundation
import RapportMatch
import RapportSQLite

/// `rapport bench …`: measurements to compare against the targets in BENCHMARKS.md.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmarks on seeded synthetic data; nothing outside a temporary folder is touched.",
        subcommands: [Bench.Match.self, Bench.Import.self])
}

extension Bench {
    /// `rapport bench match`: the matching indexes against a brute-force SQLite ranking on one synthetic population.
    struct Match: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time exact top-50 matching on a seeded synthetic population, and SQLite on the same queries.",
            discussion: """
                Generates candidates and jobs in memory (~2,000 skills, Zipf-like popularity mixed with 24 role \
                clusters), builds the forward index (job → candidates) and the reverse index (candidate → jobs), and \
                times top-50 queries one at a time on one core: forward, forward with an eligibility filter, and \
                reverse with the filter (region, availability, profession, hours and posting flags). Then loads the \
                candidates' skills into an in-memory SQLite table with a covering index and \
                runs the same ranking in SQL on the first 200 forward queries, reporting its p50, whether every top 50 \
                agrees with the index, and how many times faster the index is. Progress goes to stderr.
                """)

        static let maximumCandidates = 5_000_000
        static let maximumJobs = 1_000_000
        static let maximumQueries = 1_000_000

        @Option(help: "Candidates to generate (1 to 5,000,000).")
        var candidates = 1_000_000

        @Option(help: "Open jobs to generate (1 to 1,000,000).")
        var jobs = 100_000

        @Option(help: "Queries to time in each direction (1 to 1,000,000); SQLite answers the first 200 of them.")
        var queries = 1_000

        @Option(help: "Seed for the synthetic population and the choice of queries.")
        var seed: UInt64 = 1

        @Flag(help: "Print one JSON object with the figures instead of the report.")
        var json = false

        func validate() throws {
            guard (1...Self.maximumCandidates).contains(candidates) else {
                throw ValidationError("--candidates must be from 1 to 5000000 (got \(candidates))")
            }
            guard (1...Self.maximumJobs).contains(jobs) else {
                throw ValidationError("--jobs must be from 1 to 1000000 (got \(jobs))")
            }
            guard (1...Self.maximumQueries).contains(queries) else {
                throw ValidationError("--queries must be from 1 to 1000000 (got \(queries))")
            }
        }

        func run() throws {
            let configuration = MatchBenchmark.Configuration(candidates: candidates, jobs: jobs, queries: queries, seed: seed)
            let started = Date()
            let report = try MatchBenchmark.run(
                configuration,
                progress: { line in
                    let elapsed = String(format: "%6.1f s", Date().timeIntervalSince(started))
                    FileHandle.standardError.write(Data("[\(elapsed)] \(line)\n".utf8))
                },
                baseline: { population in
                    let rows = population.rowsBySkill()
                    return SQLiteBaseline(
                        engine: try MatchBaseline(skillIDs: rows.skills, candidateIDs: rows.candidates, weights: rows.strengths))
                })
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
            } else {
                print(report.text)
            }
        }
    }
}

/// Lets the benchmark drive SQLite through plain arrays (RapportSQLite knows nothing of the index's types).
private struct SQLiteBaseline: ForwardRankingBaseline {
    let engine: MatchBaseline

    func topK(_ query: [QueryTerm], k: Int) throws -> [ScoredSlot] {
        try engine.topCandidates(skills: query.map(\.term), weights: query.map(\.weight), limit: k)
            .map { ScoredSlot(slot: $0.candidateID, score: $0.score) }
    }
}
