import RapportCore

/// A city people live and work in, with its real IANA zone and how a demo phone number there starts.
struct DemoCity: Sendable {
    let location: Location
    let timeZone: String
    /// The part of a fictional number before the varying digits; nil where no range is reserved for fiction.
    let phonePrefix: String?
}

/// What the generator needs to know about each region: cities, pay bands and contact conventions.
final class RegionProfile: Sendable {
    let region: Region
    let cities: WeightedTable<DemoCity>
    /// Mid-level pay for a typical IT role (archetype pay 100 %), in major units: yearly salary and contract rate.
    let salary: ClosedRange<Int64>
    let rate: ClosedRange<Int64>
    /// Contract rates are quoted per day in the UK and Hong Kong and per hour in the US and New Zealand.
    let rateUnit: PayUnit
    /// Steps that advertised amounts are rounded to, in major units.
    let salaryStep: Int64
    let rateStep: Int64
    /// Digits appended to a city's phone prefix: 2 for US 555-01xx, 3 for UK 07700 900xxx.
    let phoneDigits: Int

    init(
        region: Region, cities: WeightedTable<DemoCity>, salary: ClosedRange<Int64>, rate: ClosedRange<Int64>, rateUnit: PayUnit,
        salaryStep: Int64, rateStep: Int64, phoneDigits: Int
    ) {
        self.region = region
        self.cities = cities
        self.salary = salary
        self.rate = rate
        self.rateUnit = rateUnit
        self.salaryStep = salaryStep
        self.rateStep = rateStep
        self.phoneDigits = phoneDigits
    }

    static func of(_ region: Region) -> RegionProfile {
        switch region {
        case .us: us
        case .uk: uk
        case .nz: nz
        case .hk: hk
        }
    }

    // Pay bands are the author's estimate of 2024–25 IT market rates in each region, not taken from a data set.
    static let us = RegionProfile(
        region: .us,
        cities: WeightedTable([
            (usCity("New York", "America/New_York", "212"), 20), (usCity("San Francisco", "America/Los_Angeles", "415"), 10),
            (usCity("Seattle", "America/Los_Angeles", "206"), 8), (usCity("Austin", "America/Chicago", "512"), 8),
            (usCity("Chicago", "America/Chicago", "312"), 8), (usCity("Boston", "America/New_York", "617"), 7),
            (usCity("Atlanta", "America/New_York", "404"), 6), (usCity("Denver", "America/Denver", "303"), 5),
            (usCity("Los Angeles", "America/Los_Angeles", "213"), 6), (usCity("Dallas", "America/Chicago", "214"), 6),
            (usCity("Washington", "America/New_York", "202"), 6), (usCity("Phoenix", "America/Phoenix", "602"), 3),
            (usCity("Raleigh", "America/New_York", "919"), 3), (usCity("Minneapolis", "America/Chicago", "612"), 3),
        ]),
        salary: 110_000...150_000, rate: 65...95, rateUnit: .hour, salaryStep: 5_000, rateStep: 5, phoneDigits: 2
    )

    static let uk = RegionProfile(
        region: .uk,
        cities: WeightedTable([
            (ukCity("London"), 40), (ukCity("Manchester"), 12), (ukCity("Edinburgh"), 8), (ukCity("Birmingham"), 7),
            (ukCity("Leeds"), 7), (ukCity("Bristol"), 7), (ukCity("Glasgow"), 6), (ukCity("Cardiff"), 4),
            (ukCity("Belfast"), 4), (ukCity("Cambridge"), 3), (ukCity("Reading"), 4), (ukCity("Newcastle upon Tyne"), 3),
            (ukCity("Nottingham"), 3),
        ]),
        salary: 55_000...75_000, rate: 425...575, rateUnit: .day, salaryStep: 2_500, rateStep: 25, phoneDigits: 3
    )

    static let nz = RegionProfile(
        region: .nz,
        cities: WeightedTable([
            (nzCity("Auckland"), 50), (nzCity("Wellington"), 25), (nzCity("Christchurch"), 14), (nzCity("Hamilton"), 5),
            (nzCity("Tauranga"), 3), (nzCity("Dunedin"), 3),
        ]),
        salary: 95_000...130_000, rate: 85...115, rateUnit: .hour, salaryStep: 5_000, rateStep: 5, phoneDigits: 0
    )

    static let hk = RegionProfile(
        region: .hk,
        cities: WeightedTable([
            (hkCity("Hong Kong"), 70), (hkCity("Kowloon"), 12), (hkCity("Sha Tin"), 8), (hkCity("Tsuen Wan"), 5),
            (hkCity("Tseung Kwan O"), 5),
        ]),
        salary: 480_000...720_000, rate: 2_600...3_600, rateUnit: .day, salaryStep: 10_000, rateStep: 100, phoneDigits: 0
    )

    /// NANP reserves 555-0100 to 555-0199 for fiction in every area code.
    private static func usCity(_ name: String, _ zone: String, _ areaCode: String) -> DemoCity {
        DemoCity(location: Location(city: name, country: "US"), timeZone: zone, phonePrefix: "+1 " + areaCode + " 555 01")
    }

    /// Ofcom reserves 07700 900000 to 900999 for drama.
    private static func ukCity(_ name: String) -> DemoCity {
        DemoCity(location: Location(city: name, country: "GB"), timeZone: "Europe/London", phonePrefix: "+44 7700 900")
    }

    // New Zealand and Hong Kong publish no fiction range we could confirm, so their candidates have no phone number.
    private static func nzCity(_ name: String) -> DemoCity {
        DemoCity(location: Location(city: name, country: "NZ"), timeZone: "Pacific/Auckland", phonePrefix: nil)
    }

    private static func hkCity(_ name: String) -> DemoCity {
        DemoCity(location: Location(city: name, country: "HK"), timeZone: "Asia/Hong_Kong", phonePrefix: nil)
    }
}

/// Demo-only facts about career stages, kept off `Seniority` itself so they cannot clash with core additions.
enum CareerStage {
    static let all: [Seniority] = [.junior, .mid, .senior, .lead, .principal]

    /// Position in `all`, without the linear search `Seniority.<` does.
    static func rank(_ seniority: Seniority) -> Int {
        switch seniority {
        case .junior: 0
        case .mid: 1
        case .senior: 2
        case .lead: 3
        case .principal: 4
        }
    }

    /// Pay relative to a mid-level band, in percent.
    static let payPercent: [Int64] = [65, 100, 125, 140, 160]

    /// How job titles and headlines name the stage; mid-level roles carry no prefix.
    static let titlePrefix = ["Junior ", "", "Senior ", "Lead ", "Principal "]

    /// How summaries name the stage, at the start of a sentence.
    static let adjective = ["Junior", "Mid-level", "Senior", "Lead", "Principal"]
}
