import ArgumentParser
import Foundation
import RapportCore
import RapportDemo
import RapportImport
import RapportMatch
import RapportSQLite

extension Bench {
    /// `rapport bench import`: a firm's worth of JSON Resume documents imported the way `rapport import` does it.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time importing N JSON Resume documents (JSON Lines) into a fresh database, against the 30 s target for 100,000.",
            discussion: """
                Writes N seeded synthetic résumés (names, addresses and phones of their own, two or three jobs with \
                highlights naming skills, education, a few skill names the taxonomy does not know, people in eleven \
                countries) to a JSON Lines file in a temporary folder, creates a database there with the standard \
                taxonomy, and imports the file through the same importer as `rapport import`: first as a dry run \
                (reading, converting and checking, nothing written), then for real (one transaction). Reports both \
                times, the rate, the peak memory of the process before and after, and the database's size. Progress \
                goes to stderr. The folder is removed afterwards unless --keep is given.
                """)

        @Option(help: "Résumés to generate and import (1 to 1,000,000).")
        var people = 100_000

        @Option(help: "Seed for the synthetic résumés.")
        var seed: UInt64 = 1

        @Flag(help: "Keep the temporary folder (the file and the database) and print where it is.")
        var keep = false

        func validate() throws {
            guard (1...1_000_000).contains(people) else { throw ValidationError("--people must be from 1 to 1000000 (got \(people))") }
        }

        func run() async throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-bench-import-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { if !keep { try? FileManager.default.removeItem(at: folder) } }
            let file = folder.appendingPathComponent("people.jsonl")
            let clock = ContinuousClock()

            let generating = clock.now
            var generator = SyntheticResumes(seed: seed)
            let data = try generator.jsonLines(count: people)
            try data.write(to: file)
            let generated = clock.now - generating
            FileHandle.standardError.write(Data("Wrote \(people) résumés (\(data.count / 1_048_576) MiB) in \(Self.seconds(generated)).\n".utf8))

            let database = folder.appendingPathComponent("bench.sqlite").path
            let store = try SQLiteStore(path: database)
            let records = FirmRecords(store: store)
            _ = try await StandardTaxonomy.installIfEmpty(into: records)
            let admin = try await records.createUser(UserDetails(email: "admin@rapport.test", name: "Ada Admin", role: .admin, region: .uk))
            let importer = FirmImporter(records: records, taxonomy: try await Taxonomy.current(in: store))
            let before = Self.peakMemory()
            let input = ImportFile(name: "people.jsonl", data: try Data(contentsOf: file, options: .alwaysMapped))

            FileHandle.standardError.write(Data("Dry run (read, convert, check; nothing written)…\n".utf8))
            let checking = clock.now
            let trial = try await importer.run(input, options: ImportOptions(dryRun: true, region: .uk, runBy: admin.id, progress: Self.progress))
            let checked = clock.now - checking
            FileHandle.standardError.write(Data("Import…\n".utf8))
            let importing = clock.now
            let report = try await importer.run(input, options: ImportOptions(region: .uk, runBy: admin.id, progress: Self.progress))
            let imported = clock.now - importing
            let after = Self.peakMemory()

            let stored = try await store.candidates(after: nil, limit: people + 1).count
            let size = (try? FileManager.default.attributesOfItem(atPath: database)[.size] as? Int) ?? 0
            let target = Duration.seconds(30) * (Double(people) / 100_000)
            print("""
                Imported \(report.count(.created)) of \(people) résumés (\(report.count(.rejected)) refused, \(trial.count(.created)) in the dry run); \
                \(stored) people stored.
                  import:   \(Self.seconds(imported)) (\(Int(Double(people) / Self.double(imported))) per second); \
                target \(Self.seconds(target)) for \(people) (30 s per 100,000): \(imported <= target ? "met" : "NOT met"), \
                \(String(format: "%.2f", Self.double(target) / Self.double(imported)))x the target's allowance
                  dry run:  \(Self.seconds(checked)) reading, converting and checking; the rest of the import, \
                \(Self.seconds(max(.zero, imported - checked))), is the one transaction that writes
                  memory:   peak \(after / 1_048_576) MiB (\(before / 1_048_576) MiB before importing; the file is \(data.count / 1_048_576) MiB)
                  database: \(size / 1_048_576) MiB
                """)
            if keep { print("Kept \(folder.path)") }
        }

        @Sendable static func progress(_ done: Int, _ total: Int) {
            guard total >= 10_000, done % (total / 10) == 0, done > 0 else { return }
            FileHandle.standardError.write(Data("  \(done * 100 / total)% (\(done) of \(total))\n".utf8))
        }

        /// The process's peak resident memory (VmHWM), in bytes; 0 where /proc is not there.
        static func peakMemory() -> Int {
            guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
                  let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
                  let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
            return kilobytes * 1024
        }

        static func double(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }

        static func seconds(_ duration: Duration) -> String { String(format: "%.1f s", double(duration)) }
    }
}
