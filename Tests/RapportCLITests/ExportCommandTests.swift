import Foundation
import RapportCore
import RapportSQLite
import Testing

@Suite("rapport export")
struct ExportCommandTests {
    /// Runs `rapport` to the end and answers its exit status.
    @Test("a person, a filtered list and the open jobs come out as the files the API gives; bad requests write nothing")
    func exports() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("firm.sqlite").path
        try await RapportBinary.run(["demo", "--db", database, "--candidates", "40", "--history-days", "1"])
        let store = try SQLiteStore(path: database)
        let first = try await store.candidate(CandidateID(1))
        let ukPeople = try await store.candidates(CandidateQuery(region: .uk), page: PageRequest(limit: 500)).total
        let openJobs = try await store.jobs(JobQuery(status: .open), page: PageRequest(limit: 500)).total
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

        // MUT
        try await RapportBinary.run(["export", "resume", "--db", database, "--candidate", "1", "--to", path("one.json")])
        try await RapportBinary.run(["export", "candidates", "--db", database, "--region", "UK", "--to", path("uk.csv")])
        try await RapportBinary.run(["export", "jobs", "--db", database, "--public-url", "https://jobs.example.com", "--to", path("jobs.jsonld")])

        // validate
        let resume = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path("one.json")))) as? [String: Any])
        #expect((resume["basics"] as? [String: Any])?["email"] as? String == first.profile.email)
        let rows = try String(contentsOfFile: path("uk.csv"), encoding: .utf8).split(separator: "\r\n", omittingEmptySubsequences: true)
        #expect(rows.first?.hasPrefix("ID,Name,Email") == true)
        #expect(ukPeople > 0 && rows.count == ukPeople + 1)
        let feed = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path("jobs.jsonld")))) as? [String: Any])
        let postings = try #require(feed["@graph"] as? [[String: Any]])
        #expect(openJobs > 0 && postings.count == openJobs)
        #expect((postings.first?["url"] as? String)?.hasPrefix("https://jobs.example.com/careers/jobs/") == true)

        // An existing file is never overwritten; a person not held, a desk or skill not known, are refused.
        let before = try Data(contentsOf: URL(fileURLWithPath: path("uk.csv")))
        #expect(try await RapportBinary.status(["export", "candidates", "--db", database, "--to", path("uk.csv")]) == 64)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path("uk.csv"))) == before)
        #expect(try await RapportBinary.status(["export", "resume", "--db", database, "--candidate", "9999", "--to", path("none.json")]) == 1)
        #expect(!FileManager.default.fileExists(atPath: path("none.json")))
        #expect(try await RapportBinary.status(["export", "candidates", "--db", database, "--region", "AU"]) == 64)
        #expect(try await RapportBinary.status(["export", "candidates", "--db", database, "--skill", "Basket Weaving"]) == 1)
        #expect(try await RapportBinary.status(["export", "jobs", "--db", path("missing.sqlite")]) == 1)
        #expect(!FileManager.default.fileExists(atPath: path("missing.sqlite")))
    }
}
