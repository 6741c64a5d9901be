import Foundation
import RapportCore
import RapportDemo
import RapportMatch
import RapportOutreach
import RapportSQLite
import Testing

@Suite("Six months of demo history")
struct HistoryTests {
    static let end = Date(timeIntervalSince1970: 1_795_518_000)

    static func firm(candidates: Int, seed: UInt64) async throws -> SQLiteStore {
        let generator = DemoGenerator(seed: seed, candidateCount: candidates, today: LocalDate(end, in: .gmt))
        let store = try SQLiteStore.inMemory()
        try await store.bulkLoad(generator.firm(), candidateCount: candidates, candidate: { generator.candidate(at: $0) }, progress: { _ in })
        return store
    }

    @Test("the history fills every part of the relationship loop, and stays inside the contact policy")
    func fillsTheLoop() async throws {
        let store = try await Self.firm(candidates: 500, seed: 42)
        // MUT
        let summary = try await DemoHistory(store: store, seed: 42, end: Self.end, days: 90).run()
        // validate: every kind of record exists.
        #expect(summary.discoveries > 0 && summary.pitches > 0 && summary.replies > 0 && summary.submissions > 0)
        #expect(summary.placements > 0 && summary.surveysAnswered > 0 && summary.surveysAnswered <= summary.surveysSent)
        #expect(summary.answeredLate > 0, "some replies are answered late")
        // Nothing is dated after the demo's today, and no pitch reached anyone beyond their 30-day limit.
        let service = OutreachService(records: FirmRecords(store: store, now: { Self.end }),
                                      matching: .init(store: store, today: { LocalDate(Self.end, in: .gmt) }), settings: OutreachSettings())
        let report = try await service.scorecards(period: ScorecardPeriod.current(at: Self.end.addingTimeInterval(-40 * 86_400)))
        #expect(report.firm.relevance.pitches > 0)
        #expect(report.firm.nps.responses > 0)
        #expect(report.firm.responsiveness.judged > 0)
        var last: CandidateID?
        while true {
            let batch = try await store.candidates(after: last, limit: 500)
            guard let final = batch.last else { break }
            for candidate in batch {
                let pitches = try await store.pitchHistory(candidate: candidate.id, includingQueued: false).map(\.sentAt).sorted()
                #expect(pitches.allSatisfy { $0 <= Self.end })
                for (index, sent) in pitches.enumerated() {
                    let window = pitches[index...].prefix { $0.timeIntervalSince(sent) < 30 * 86_400 }
                    #expect(window.count <= candidate.profile.contactPreferences.maxJobPitchesPer30Days)
                }
            }
            last = final.id
        }
    }

    @Test("the same seed gives the same history, but never the same link tokens: those come from the system's secure random source")
    func deterministic() async throws {
        var summaries: [HistorySummary] = []
        var links: [Set<String>] = []
        for _ in 0..<2 {
            let store = try await Self.firm(candidates: 200, seed: 5)
            summaries.append(try await DemoHistory(store: store, seed: 5, end: Self.end, days: 30).run())
            var found: Set<String> = []
            for id in 1...200 {
                for message in try await store.outreach(candidate: CandidateID(Int64(id)), limit: 50) {
                    for prefix in ["/unsubscribe/", "/feedback/", "/survey/"] {
                        guard let start = message.content.text.range(of: prefix) else { continue }
                        found.insert(String(message.content.text[start.upperBound...].prefix(25)))
                    }
                }
            }
            links.append(found)
        }
        #expect(summaries[0] == summaries[1])
        #expect(summaries[0].pitches + summaries[0].discoveries > 0)
        #expect(links[0].count > 10 && links[1].count == links[0].count)
        #expect(links[0].isDisjoint(with: links[1]), "two runs with one seed must not share a link token")
    }
}
