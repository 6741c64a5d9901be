import Foundation
import RapportCore
import RapportDemo
import RapportOutreach
import RapportSQLite
import Testing

@Suite("The outreach simulation on the demo firm")
struct SimulationTests {
    @Test("commodity recruiters try far more than candidates receive, and no rule is broken")
    func policyHolds() async throws {
        // setup: a small demo firm in memory, and a week that starts on a Monday.
        let start = SimulationOptions.monday(onOrBefore: Date(timeIntervalSince1970: 1_795_518_000))
        let generator = DemoGenerator(seed: 3, candidateCount: 400, today: LocalDate(start, in: .gmt))
        let store = try SQLiteStore.inMemory()
        try await store.bulkLoad(generator.firm(), candidateCount: 400, candidate: { generator.candidate(at: $0) }, progress: { _ in })
        var options = SimulationOptions(days: 5, seed: 11, start: start)
        options.commodityAttemptsPerHour = 4
        // MUT
        let report = try await OutreachSimulation(store: store, options: options).run()
        // validate
        #expect(report.violations.isEmpty, "\(report.violations)")
        #expect(report.commodityRecruiters > 0)
        #expect(report.pitchesDelivered > 0)
        #expect(report.pitchesAttempted > report.pitchesDelivered * 5)
        #expect(report.attemptedPerCandidateWeek.max > report.deliveredPerCandidateWeek.max)
        #expect(report.deliveredPerCandidateWeek.max <= ContactPreferences.defaultMaxJobPitches)
        #expect((report.pitchesBlocked["below_threshold"] ?? 0) > 0)
        #expect(report.deliveredBelowThresholdWithoutOverride == 0)
        #expect(report.deliveredDuringQuietHours == 0)
        #expect(report.replies > 0)
        #expect(report.obligations == report.replies - report.unsubscribes)
        #expect(report.answeredWithinSLA + report.answeredLate + report.stillOpen == report.obligations)
    }

    @Test("the same seed gives the same month")
    func deterministic() async throws {
        let start = SimulationOptions.monday(onOrBefore: Date(timeIntervalSince1970: 1_795_518_000))
        var reports: [SimulationReport] = []
        for _ in 0..<2 {
            let generator = DemoGenerator(seed: 5, candidateCount: 150, today: LocalDate(start, in: .gmt))
            let store = try SQLiteStore.inMemory()
            try await store.bulkLoad(generator.firm(), candidateCount: 150, candidate: { generator.candidate(at: $0) }, progress: { _ in })
            var options = SimulationOptions(days: 2, seed: 9, start: start)
            options.commodityAttemptsPerHour = 3
            reports.append(try await OutreachSimulation(store: store, options: options).run())
        }
        #expect(reports[0] == reports[1])
    }
}
