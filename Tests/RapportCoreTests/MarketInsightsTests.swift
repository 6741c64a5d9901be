import RapportCore
import Testing

@Suite("Market insights: pay bands and demand against supply")
struct MarketInsightsTests {
    static let october = YearMonth("2026-10")!

    static func pay(_ major: Int64, _ currency: Currency = .gbp, _ unit: PayUnit = .day) -> Money {
        Money(major: major, currency, per: unit)
    }

    @Test("quartiles interpolate between ranks, per skill, region and month")
    func quartiles() throws {
        // Day rates 400, 500, 600, 700 for Kubernetes in the UK: lower quartile 475, median 550, upper 625.
        let rates: [Int64] = [700, 400, 600, 500]
        let observations = rates.map {
            PayObservation(skillIDs: [SkillID(1)], region: .uk, month: Self.october, pay: Self.pay($0), source: .job)
        }
        let bands = MarketInsights.payBands(observations)
        let band = try #require(bands.first)
        #expect(bands.count == 1)
        #expect(band.count == 4)
        #expect(band.lowerQuartile == Self.pay(475))
        #expect(band.median == Self.pay(550))
        #expect(band.upperQuartile == Self.pay(625))
    }

    @Test("regions, currencies and units are never mixed, and a rate counts once per skill it needs")
    func separation() {
        let observations = [
            PayObservation(skillIDs: [SkillID(1), SkillID(2), SkillID(1)], region: .uk, month: Self.october, pay: Self.pay(500), source: .job),
            PayObservation(skillIDs: [SkillID(1)], region: .uk, month: Self.october, pay: Self.pay(90_000, .gbp, .year), source: .placement),
            PayObservation(skillIDs: [SkillID(1)], region: .hk, month: Self.october, pay: Self.pay(6_000, .hkd), source: .job),
            PayObservation(skillIDs: [SkillID(1)], region: .uk, month: YearMonth("2026-11")!, pay: Self.pay(520), source: .job),
        ]
        let bands = MarketInsights.payBands(observations)
        #expect(bands.count == 5)
        #expect(bands.filter { $0.skillID == SkillID(1) }.map(\.count) == [1, 1, 1, 1])
        #expect(bands.contains { $0.region == .hk && $0.median == Self.pay(6_000, .hkd) })
        #expect(bands.contains { $0.skillID == SkillID(2) && $0.median == Self.pay(500) })
    }

    @Test("a single rate is its own quartiles")
    func single() {
        let band = MarketInsights.payBands([
            PayObservation(skillIDs: [SkillID(1)], region: .nz, month: Self.october, pay: Self.pay(950, .nzd), source: .job),
        ])
        #expect(band.first?.lowerQuartile == Self.pay(950, .nzd) && band.first?.upperQuartile == Self.pay(950, .nzd))
    }

    @Test("over the period, the rates of every month are pooled: six rates over three months give real quartiles, not the last month's one rate")
    func period() throws {
        let months = ["2026-08", "2026-08", "2026-09", "2026-09", "2026-10", "2026-10"].map { YearMonth($0)! }
        let rates: [Int64] = [400, 450, 500, 550, 600, 800]
        var observations = zip(months, rates).map {
            PayObservation(skillIDs: [SkillID(1)], region: .uk, month: $0, pay: Self.pay($1), source: .job)
        }
        observations.append(PayObservation(skillIDs: [SkillID(1)], region: .uk, month: YearMonth("2026-09")!, pay: Self.pay(45, .gbp, .hour),
                                           source: .placement))
        let bands = MarketInsights.periodPayBands(observations)
        let daily = try #require(bands.first { $0.unit == .day })
        #expect(bands.count == 2)
        #expect(daily.count == 6 && daily.month == YearMonth("2026-10")!)
        // Type 7 over 400, 450, 500, 550, 600, 800: positions 1.25, 2.5 and 3.75.
        #expect(daily.lowerQuartile.minorUnits == 46_250)
        #expect(daily.median == Self.pay(525))
        #expect(daily.upperQuartile.minorUnits == 58_750)
        #expect(daily.showsMedian && daily.showsQuartiles)
        let hourly = try #require(bands.first { $0.unit == .hour })
        #expect(hourly.count == 1 && !hourly.showsMedian && !hourly.showsQuartiles, "one rate says too little to show")
        #expect(MarketInsights.periodPayBands([]).isEmpty)
    }

    @Test("demand counts open jobs, supply counts available people at level 3 or above")
    func balance() {
        let jobs = [[SkillID(1), SkillID(2)], [SkillID(1)], [SkillID(1), SkillID(1)]]
        let people = [
            [CandidateSkill(skillID: SkillID(1), level: 4, years: 3), CandidateSkill(skillID: SkillID(3), level: 5, years: 9)],
            [CandidateSkill(skillID: SkillID(1), level: 2, years: 1)],
        ]
        let balance = MarketInsights.balance(openJobs: jobs, availableSkills: people)
        #expect(balance.map(\.skillID) == [SkillID(1), SkillID(2), SkillID(3)])
        #expect(balance[0] == SkillBalance(skillID: SkillID(1), demand: 3, supply: 1))
        #expect(balance[0].demandPerPerson == 3)
        #expect(balance[1].demandPerPerson == nil)
        #expect(balance[2].demand == 0 && balance[2].supply == 1)
    }

    @Test("months read only as YYYY-MM", arguments: ["2026-10", "2026-1", "2026-13", "Oct 2026", "2026-10-01", ""])
    func months(text: String) {
        #expect((YearMonth(text) != nil) == (text == "2026-10"))
    }
}
