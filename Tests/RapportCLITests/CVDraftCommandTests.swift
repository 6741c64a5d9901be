import Foundation
import RapportCore
import RapportSQLite
import Testing

@Suite("rapport cv-draft and import --attach")
struct CVDraftCommandTests {
    private static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../RapportImportTests/Fixtures/cv").standardized

    @Test("a CV becomes a draft to correct; the corrected draft is stored with the CV kept; what is no CV, or no one person, stores nothing")
    func draftAndAttach() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-cv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("firm.sqlite").path
        try await RapportBinary.run(["migrate", "--db", database])
        try await RapportBinary.run(["user", "create", "--db", database, "--email", "admin@rapport.test", "--name", "Ada Admin"])
        let cv = Self.fixtures.appendingPathComponent("ana-lima.md").path
        let draft = folder.appendingPathComponent("draft.json").path

        // MUT: the draft, corrected as a recruiter would (the desk's phone format aside, a better headline), then stored.
        try await RapportBinary.run(["cv-draft", "--db", database, cv, "--to", draft])
        var resume = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: draft))) as? [String: Any])
        var basics = try #require(resume["basics"] as? [String: Any])
        #expect(basics["email"] as? String == "ana.lima@example.com")
        #expect((resume["skills"] as? [[String: Any]])?.contains { $0["name"] as? String == "Kubernetes" } == true)
        basics["label"] = "Principal Platform Engineer"
        resume["basics"] = basics
        try JSONSerialization.data(withJSONObject: resume).write(to: URL(fileURLWithPath: draft))
        let refusals = [
            ["import", draft, "--attach", Self.fixtures.appendingPathComponent("bomb.docx").path],
            ["import", folder.path, "--attach", cv],
            ["import", draft, "--attach", cv, "--format", "csv"],
        ]
        for arguments in refusals {
            #expect(try await RapportBinary.status(arguments + ["--db", database, "--as", "admin@rapport.test"]) != 0, "\(arguments)")
        }
        let store = try SQLiteStore(path: database)
        #expect(try await store.candidates(CandidateQuery(), page: PageRequest(limit: 10)).total == 0)
        try await RapportBinary.run(["import", draft, "--attach", cv, "--db", database, "--as", "admin@rapport.test"])

        // validate
        let held = try #require(try await store.candidates(CandidateQuery(), page: PageRequest(limit: 10)).items.first)
        #expect(held.profile.headline == "Principal Platform Engineer")
        let files = try await store.attachments(candidate: held.id)
        #expect(files.map(\.fileName) == ["ana-lima.md"])
        #expect(try await store.attachmentContent(try #require(files.first).id) == Data(contentsOf: URL(fileURLWithPath: cv)))
        #expect(try await RapportBinary.status(["cv-draft", "--db", database, Self.fixtures.appendingPathComponent("bomb.docx").path]) == 1)
    }
}
