import Foundation
import Testing

@Suite("rapport eval ranking")
struct EvalCommandTests {
    private static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../eval/example-gold.json").standardized.path

    @Test("the example runs; an unmet gate exits 2; a file that is no gold set, or bad options, fail before anything runs")
    func gates() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-eval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try await RapportBinary.status(["eval", "ranking", "--gold", Self.example]) == 0)
        #expect(try await RapportBinary.status(["eval", "ranking", "--gold", Self.example, "--json", "--maximum-never-show", "0"]) == 0)
        #expect(try await RapportBinary.status(["eval", "ranking", "--gold", Self.example, "--minimum-ndcg", "2"]) == 64)
        // The new graduate's best role judged never-show: it reaches her top 10, so a gate of none fails.
        var gold = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.example))) as? [String: Any])
        gold["judgements"] = [["person": "maya-new-grad", "job": "web-developer", "grade": 0, "neverShow": true]]
        let strict = folder.appendingPathComponent("strict.json")
        try JSONSerialization.data(withJSONObject: gold).write(to: strict)
        #expect(try await RapportBinary.status(["eval", "ranking", "--gold", strict.path, "--maximum-never-show", "1"]) == 0)
        #expect(try await RapportBinary.status(["eval", "ranking", "--gold", strict.path, "--maximum-never-show", "0"]) == 2)
        let bad = folder.appendingPathComponent("bad.json")
        try Data(#"{"sources": [], "jobs": [], "people": []}"#.utf8).write(to: bad)
        #expect(try await RapportBinary.status(["eval", "ranking", "--gold", bad.path]) == 1)
        #expect(try await RapportBinary.status(["eval", "ranking", "--gold", folder.appendingPathComponent("missing.json").path]) == 1)
    }
}
