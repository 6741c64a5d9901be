import ArgumentParser
import Foundation
import RapportCore
import RapportDemo
import RapportSQLite

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a database filled with realistic, deterministic demo data.",
        discussion: """
            Four regions, eight practices, staff including admin@rapport.test, clients, jobs and candidates whose \
            skills, goals and pay fit their role and region. The same seed and day give the same data. The database \
            is built beside PATH and moved into place only when complete, so a failed run leaves nothing half-written.
            """)

    @Option(name: .long, help: ArgumentHelp("Database file to create; must not exist or be empty.", valueName: "path"))
    var db: String

    @Option(help: "Candidates to generate (1 to 1,000,000).")
    var candidates: Int = DemoDatabase.defaultCandidates

    @Option(help: "Seed for the generator.")
    var seed: UInt64 = DemoDatabase.defaultSeed

    func validate() throws {
        try DemoDatabase.validate(candidates: candidates)
    }

    func run() async throws {
        let summary = try await DemoDatabase.create(path: db, candidates: candidates, seed: seed)
        print(summary)
    }
}

/// Builds demo databases for `demo` and `serve --demo`.
enum DemoDatabase {
    static let defaultCandidates = 2_000
    static let defaultSeed: UInt64 = 42
    static let maximumCandidates = 1_000_000
    static let adminEmail = "admin@rapport.test"

    static func validate(candidates: Int) throws {
        guard (1...maximumCandidates).contains(candidates) else {
            throw ValidationError("--candidates must be from 1 to 1000000 (got \(candidates))")
        }
    }

    /// Fills the database at `path` when it is missing or empty; leaves existing data alone.
    static func fillIfEmpty(path: String, candidates: Int, seed: UInt64) async throws {
        if FileManager.default.fileExists(atPath: path) {
            let store = try SQLiteStore.open(path: path)
            guard try await store.isEmpty() else { return }
            try FileManager.default.removeItem(atPath: path)
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let summary = try await create(path: path, candidates: candidates, seed: seed)
        FileHandle.standardError.write(Data((summary + "\n").utf8))
    }

    /// Generates into `PATH.partial`, then renames it to `path`.
    static func create(path: String, candidates: Int, seed: UInt64) async throws -> String {
        let files = FileManager.default
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard files.fileExists(atPath: folder) else {
            throw CLIError("cannot create the database \(path): the folder \(folder) does not exist")
        }
        if files.fileExists(atPath: path) {
            let store = try SQLiteStore.open(path: path)
            guard try await store.isEmpty() else {
                throw CLIError("\(path) already holds data; choose a new path or delete it first")
            }
        }
        let partial = path + ".partial"
        for suffix in ["", "-wal", "-shm"] { try? files.removeItem(atPath: partial + suffix) }
        let start = Date()
        let generator = DemoGenerator(seed: seed, candidateCount: candidates, today: LocalDate(start, in: TimeZone(identifier: "UTC")!))
        let firm = generator.firm()
        do {
            let store = try SQLiteStore.open(path: partial)
            let progress = Progress(total: candidates)
            try await store.bulkLoad(
                firm,
                candidateCount: candidates,
                candidate: { generator.candidate(at: $0) },
                progress: { progress.report($0) })
            progress.finish()
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? files.removeItem(atPath: partial + suffix) }
            throw error
        }
        for suffix in ["", "-wal", "-shm"] { try? files.removeItem(atPath: path + suffix) }
        try files.moveItem(atPath: partial, toPath: path)
        for suffix in ["-wal", "-shm"] { try? files.removeItem(atPath: partial + suffix) }
        let seconds = Date().timeIntervalSince(start)
        return """
            Demo data in \(path): \(firm.practices.count) practices, \(firm.users.count) users, \(firm.skills.count) skills, \
            \(firm.clients.count) clients, \(firm.jobs.count) jobs, \(candidates) candidates (seed \(seed)) \
            in \(String(format: "%.1f", seconds)) s.
            """
    }

    /// A progress line on standard error, redrawn in place when it is a terminal.
    final class Progress: @unchecked Sendable {
        private let total: Int
        private let lock = NSLock()
        private let interactive = isatty(STDERR_FILENO) == 1
        private var lastPercent = -1

        init(total: Int) {
            self.total = total
        }

        func report(_ done: Int) {
            lock.withLock {
                let percent = total == 0 ? 100 : done * 100 / total
                guard percent != lastPercent, interactive || percent % 10 == 0 || done == total else { return }
                lastPercent = percent
                var line = "Generating candidates: \(done)/\(total) (\(percent)%)"
                if done == total { line += "; building search indexes…" }
                FileHandle.standardError.write(Data((interactive ? "\r" + line : line + "\n").utf8))
            }
        }

        func finish() {
            if interactive { FileHandle.standardError.write(Data("\n".utf8)) }
        }
    }
}
