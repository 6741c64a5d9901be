/// One rate seen in the market: a job's advertised pay (the middle of its band) or a placement's pay rate.
public struct PayObservation: Hashable, Sendable {
    public enum Source: String, Codable, Sendable {
        case job
        case placement
    }

    public var skillIDs: [SkillID]
    public var region: Region
    /// The calendar month it was seen in.
    public var month: YearMonth
    public var pay: Money
    public var source: Source

    public init(skillIDs: [SkillID], region: Region, month: YearMonth, pay: Money, source: Source) {
        self.skillIDs = skillIDs
        self.region = region
        self.month = month
        self.pay = pay
        self.source = source
    }
}

/// A calendar month, written `2026-10`.
public struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1900...2200).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    public init(_ date: LocalDate) {
        year = date.year
        month = date.month
    }

    /// Reads `YYYY-MM`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 7, parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1])
        else { return nil }
        self.init(year: year, month: month)
    }

    public var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
}

/// Pay for one skill in one region and month, per unit and currency: how many rates, and their quartiles.
public struct PayBand: Equatable, Sendable {
    public var skillID: SkillID
    public var region: Region
    public var month: YearMonth
    public var unit: PayUnit
    public var currency: Currency
    public var count: Int
    public var lowerQuartile: Money
    public var median: Money
    public var upperQuartile: Money

    /// Fewer rates than this say too little for a median to be shown.
    public static let minimumForMedian = 3
    /// Fewer rates than this say too little for the middle half (the quartiles) to be shown.
    public static let minimumForQuartiles = 5

    public var showsMedian: Bool { count >= Self.minimumForMedian }
    public var showsQuartiles: Bool { count >= Self.minimumForQuartiles }
}

/// Open jobs asking for a skill against available people who have it.
public struct SkillBalance: Equatable, Sendable {
    public var skillID: SkillID
    /// Open jobs that require it.
    public var demand: Int
    /// Available candidates (active, or passive) who have it at level 3 or above.
    public var supply: Int

    public init(skillID: SkillID, demand: Int, supply: Int) {
        self.skillID = skillID
        self.demand = demand
        self.supply = supply
    }

    /// Jobs per available person; nil when nobody has it.
    public var demandPerPerson: Double? { supply == 0 ? nil : Double(demand) / Double(supply) }
}

/// Market figures from the firm's own jobs, placements and candidates.
public enum MarketInsights {
    /// The pay bands of every skill × region × month × unit × currency seen; a rate is never converted, so each region
    /// reads in its own currency and hourly, daily and yearly pay never mix.
    public static func payBands(_ observations: [PayObservation]) -> [PayBand] {
        struct Key: Hashable {
            var skill: SkillID
            var region: Region
            var month: YearMonth
            var unit: PayUnit
            var currency: Currency
        }
        var groups: [Key: [Int64]] = [:]
        for observation in observations {
            for skill in Set(observation.skillIDs) {
                let key = Key(skill: skill, region: observation.region, month: observation.month, unit: observation.pay.unit,
                              currency: observation.pay.currency)
                groups[key, default: []].append(observation.pay.minorUnits)
            }
        }
        return groups.map { key, amounts in
            let sorted = amounts.sorted()
            func money(_ quantile: Double) -> Money {
                Money(minorUnits: Self.quantile(sorted, quantile), currency: key.currency, unit: key.unit)
            }
            return PayBand(skillID: key.skill, region: key.region, month: key.month, unit: key.unit, currency: key.currency,
                           count: sorted.count, lowerQuartile: money(0.25), median: money(0.5), upperQuartile: money(0.75))
        }.sorted { ($0.skillID, $0.region.rawValue, $0.month, $0.unit.rawValue) < ($1.skillID, $1.region.rawValue, $1.month, $1.unit.rawValue) }
    }

    /// The same figures over the whole period rather than month by month: one band per skill × region × unit × currency,
    /// dated by the last month any rate was seen.
    public static func periodPayBands(_ observations: [PayObservation]) -> [PayBand] {
        guard let latest = observations.map(\.month).max() else { return [] }
        return payBands(observations.map { observation in
            var pooled = observation
            pooled.month = latest
            return pooled
        })
    }

    /// Linear interpolation between closest ranks (the common "type 7" definition), rounded to a minor unit.
    static func quantile(_ sorted: [Int64], _ probability: Double) -> Int64 {
        guard sorted.count > 1 else { return sorted.first ?? 0 }
        let position = probability * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let fraction = position - Double(lower)
        let upper = min(lower + 1, sorted.count - 1)
        return Int64((Double(sorted[lower]) + fraction * Double(sorted[upper] - sorted[lower])).rounded())
    }

    /// Demand and supply per skill, busiest first.
    public static func balance(openJobs: [[SkillID]], availableSkills: [[CandidateSkill]]) -> [SkillBalance] {
        var demand: [SkillID: Int] = [:]
        var supply: [SkillID: Int] = [:]
        for skills in openJobs {
            for skill in Set(skills) { demand[skill, default: 0] += 1 }
        }
        for skills in availableSkills {
            for skill in Set(skills.filter { $0.level >= 3 }.map(\.skillID)) { supply[skill, default: 0] += 1 }
        }
        return Set(demand.keys).union(supply.keys).map {
            SkillBalance(skillID: $0, demand: demand[$0] ?? 0, supply: supply[$0] ?? 0)
        }.sorted { ($0.demand, $1.skillID) > ($1.demand, $0.skillID) }
    }
}
