import Foundation
import RapportCore
import RapportSQLite
import Testing

/// The `rapport` command as built beside the tests.
enum RapportBinary {
    static let url: URL? = {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("rapport"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("rapport"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/debug/rapport").standardized,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Runs `rapport` with `arguments` to the end; fails when it exits other than 0.
    static func run(_ arguments: [String]) async throws {
        let (process, exited) = try start(arguments)
        await exited.value
        guard process.terminationStatus == 0 else { throw Failed(arguments: arguments, status: process.terminationStatus) }
    }

    /// Runs `rapport` to its end and gives its exit status.
    static func status(_ arguments: [String]) async throws -> Int32 {
        let (process, exited) = try start(arguments)
        await exited.value
        return process.terminationStatus
    }

    /// Starts `rapport`; the task ends when the process does. Waiting on it never blocks a thread of the test
    /// runner's pool, which other tests' timers need.
    static func start(_ arguments: [String]) throws -> (Process, Task<Void, Never>) {
        guard let url else { throw Failed(arguments: arguments, status: -1) }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let (ended, continuation) = AsyncStream<Void>.makeStream()
        process.terminationHandler = { _ in continuation.finish() }
        try process.run()
        return (process, Task { for await _ in ended {} })
    }

    struct Failed: Error, CustomStringConvertible {
        var arguments: [String]
        var status: Int32
        var description: String { "rapport \(arguments.joined(separator: " ")) exited \(status)" }
    }
}

@Suite("rapport import killed with SIGKILL")
struct KilledImportTests {
    static let people = 800

    @Test("killed at any moment, an import leaves the database as it was before the file, or with the whole file")
    func killed() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("people.jsonl")
        let lines = (0..<Self.people).map { index in
            #"{"basics": {"name": "Person \#(index)", "email": "person\#(index)@example.com", "location": {"city": "Leeds", "countryCode": "GB"}}, "#
                + #""skills": ["Kubernetes", "Go"], "work": [{"name": "Acme", "position": "Engineer", "startDate": "2020-01", "highlights": ["Ran Kubernetes"]}]}"#
        }
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)

        // A first import runs to the end: the whole file, and how long it takes here. The kills then come at fractions
        // of that time, the late ones while the file's one transaction is being written.
        func firm(_ name: String) async throws -> String {
            let database = folder.appendingPathComponent(name).path
            try await RapportBinary.run(["migrate", "--db", database])
            try await RapportBinary.run(["user", "create", "--db", database, "--email", "admin@rapport.test", "--name", "Ada Admin"])
            return database
        }
        let whole = try await firm("whole.sqlite")
        let started = ContinuousClock.now
        try await RapportBinary.run(["import", file.path, "--db", whole, "--as", "admin@rapport.test"])
        var duration = ContinuousClock.now - started
        #expect(try SQLiteBackup.check(whole).candidates == Self.people)

        // A run that ends before its kill (the machine was busier during the first) teaches how long a run takes now;
        // the fractions go on until at least one run was killed, eight runs at most.
        var outcomes: [Int] = []
        var interrupted = 0
        for fraction in [0.3, 0.8, 0.9, 0.97, 0.5, 0.7, 0.2, 0.6] where outcomes.count < 4 || interrupted == 0 {
            let database = try await firm("killed-\(outcomes.count).sqlite")
            let start = ContinuousClock.now
            let (process, exited) = try RapportBinary.start(["import", file.path, "--db", database, "--as", "admin@rapport.test"])
            try await Task.sleep(for: duration * fraction)
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                interrupted += 1
                await exited.value
            } else {
                await exited.value
                duration = min(duration, ContinuousClock.now - start)
            }
            let store = try SQLiteStore(path: database)
            let count = try await store.candidates(after: nil, limit: Self.people + 1).count
            outcomes.append(count)
            #expect(count == 0 || count == Self.people, "killed at \(fraction) of the run: \(count) people, neither none nor the whole file")
            let summary = try SQLiteBackup.check(database)
            #expect(summary.candidates == count, "killed at \(fraction) of the run")
        }
        #expect(interrupted > 0, "no run was killed before it finished: \(outcomes)")
    }
}
