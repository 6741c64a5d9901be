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
            skills, goals and pay fit their role and region, then six months of history played through the real \
            services: discovery conversations, job pitches under the contact policy, replies (some answered late or \
            never), submissions through every stage, placements (some ended, some ending soon) and survey answers, so \
            scorecards and market insights have figures. The same seed and day give the same data. The database is \
            built beside PATH and moved into place only when complete, so a failed run leaves nothing half-written.
            """)

    @Option(name: .long, help: ArgumentHelp("Database file to create; must not exist or be empty.", valueName: "path"))
    var db: String

    @Option(help: "Candidates to generate (1 to 1,000,000).")
    var candidates: Int = DemoDatabase.defaultCandidates

    @Option(help: "Seed for the generator.")
    var seed: UInt64 = DemoDatabase.defaultSeed

    @Option(help: "Days of history to play, 0 (none) to 366.")
    var historyDays = DemoDatabase.defaultHistoryDays

    func validate() throws {
        try DemoDatabase.validate(candidates: candidates)
        try DemoDatabase.validate(historyDays: historyDays)
    }

    func run() async throws {
        let summary = try await DemoDatabase.create(path: db, candidates: candidates, seed: seed, historyDays: historyDays)
        print(summary)
    }
}

/// Builds demo databases for `demo` and `serve --demo`.
enum DemoDatabase {
    static let defaultCandidates = 2_000
    static let defaultSeed: UInt64 = 42
    static let defaultHistoryDays = 182
    static let maximumCandidates = 1_000_000
    static let adminEmail = "admin@rapport.test"

    static func validate(historyDays: Int) throws {
        guard (0...366).contains(historyDays) else {
            throw ValidationError("--history-days must be from 0 to 366 (got \(historyDays))")
        }
    }

    static func validate(candidates: Int) throws {
        guard (1...maximumCandidates).contains(candidates) else {
            throw ValidationError("--candidates must be from 1 to 1000000 (got \(candidates))")
        }
    }

    /// Fills the database at `path` when it is missing or empty; leaves existing data alone.
    static func fillIfEmpty(path: String, candidates: Int, seed: UInt64, historyDays: Int = defaultHistoryDays) async throws {
        if FileManager.default.fileExists(atPath: path) {
            let store = try SQLiteStore.open(path: path)
            guard try await store.isEmpty() else { return }
            try FileManager.default.removeItem(atPath: path)
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let summary = try await create(path: path, candidates: candidates, seed: seed, historyDays: historyDays)
        FileHandle.standardError.write(Data((summary + "\n").utf8))
    }

    /// Generates into `PATH.partial`, then renames it to `path`.
    static func create(path: String, candidates: Int, seed: UInt64, historyDays: Int = defaultHistoryDays) async throws -> String {
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
        var historyLine = ""
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
            if historyDays > 0 {
                // The history ends at midnight UTC, so the same seed gives the same history all day.
                let midnight = Date(timeIntervalSince1970: (start.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400)
                let history = try await DemoHistory(store: store, seed: seed, end: midnight, days: historyDays).run { line in
                    FileHandle.standardError.write(Data((line + "\n").utf8))
                }
                historyLine = """
                     History of \(historyDays) days: \(history.discoveries) discovery conversations, \(history.pitches) job pitches, \
                    \(history.replies) replies (\(history.answeredLate) answered late, \(history.leftUnanswered) open), \(history.submissions) \
                    submissions, \(history.placements) placements, \(history.surveysAnswered) of \(history.surveysSent) surveys answered.
                    """
            }
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
            in \(String(format: "%.1f", seconds)) s.\(historyLine)
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
