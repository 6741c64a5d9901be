import Foundation
import RapportCore
import RapportImport
import RapportMatch
import RapportSQLite
import Testing

@Suite("Ranking evaluation")
struct RankingEvalTests {
    @Test("P@k counts the top k judged 2 or 3; NDCG@10 weighs grades by place against the best order; never-show hits are named")
    func metrics() {
        let ranked = RankingMetrics.rankedPerson("ana", top: ["a", "b", "c"], grades: ["a": 3, "b": 0, "c": 2, "d": 3], neverShow: ["b"])
        #expect(ranked.precisionAt5 == 0.4)
        #expect(ranked.precisionAt10 == 0.2)
        // DCG 7 + 0 + 3/2 = 8.5; ideal 7 + 7/log2(3) + 3/2 ≈ 12.9165.
        #expect(abs((ranked.ndcgAt10 ?? 0) - 8.5 / (8.5 + 7 / log2(3))) < 1e-9)
        #expect(ranked.neverShown == ["b"])
        let perfect = RankingMetrics.rankedPerson("ana", top: ["a", "d", "c"], grades: ["a": 3, "b": 0, "c": 2, "d": 3], neverShow: [])
        #expect(abs((perfect.ndcgAt10 ?? 0) - 1) < 1e-9)
        #expect(RankingMetrics.rankedPerson("ana", top: ["a"], grades: ["a": 0], neverShow: []).ndcgAt10 == nil)
    }

    @Test("a gold set whose judgements name unknown ids, bad grades or a pair twice is refused with each problem's place")
    func problems() throws {
        let text = """
            {"sources": [], "jobs": [{"id": "j", "posting": {}}], "people": [{"id": "p", "resume": {}}],
             "judgements": [{"person": "p", "job": "j", "grade": 3}, {"person": "q", "job": "j", "grade": 4},
                            {"person": "p", "job": "j", "grade": 1}]}
            """
        let gold = try JSONDecoder().decode(GoldSet.self, from: Data(text.utf8))
        #expect(gold.problems == [
            "judgements[1].person: no person \"q\"", "judgements[1].grade: must be 0 to 3, not 4", "judgements[2]: p × j is judged twice",
        ])
    }

    @Test("the example gold set runs through the importers and the live index: the fragment is refused, every person is ranked")
    func example() async throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("eval/example-gold.json")
        let gold = try JSONDecoder().decode(GoldSet.self, from: try Data(contentsOf: url))
        #expect(gold.problems.isEmpty)
        let store = try SQLiteStore.inMemory()
        let records = FirmRecords(store: store)
        _ = try await StandardTaxonomy.installIfEmpty(into: records)
        let user = try await records.createUser(UserDetails(email: "eval@rapport.test", name: "Eval", role: .admin, region: .us))
        let matching = MatchService(store: store, today: { records.today })
        let report = try await RankingEval(records: records, matching: matching).run(gold, by: user.id)
        #expect(report.jobs == 2)
        #expect(report.refused.count == 1)
        #expect(report.refused.first?.hasPrefix("job software-engineer-fragment: ") == true)
        #expect(report.people == 5)
        for person in report.perPerson {
            #expect(Set(person.top).isSubset(of: ["web-developer", "java-software-engineer"]))
        }
        let maya = try #require(report.perPerson.first { $0.person == "maya-new-grad" })
        #expect(maya.top.first == "web-developer", "the new graduate's stack is the web developer's")
        #expect((0...1).contains(report.ndcgAt10) && (0...1).contains(report.precisionAt5))
    }
}
