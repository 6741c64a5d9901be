import Foundation
import RapportCore

/// Builds the firm's openings: each from an archetype, at a client, paid in the client's region's currency.
struct JobFactory {
    private var random: DemoRandom
    private let today: LocalDate
    private let midnight: Double
    private let clients: [Client]
    private let owners: [[[UserID]]]
    private let archetypes: WeightedTable<Int>

    init(seed: UInt64, today: LocalDate, midnight: Double, clients: [Client], owners: [[[UserID]]]) {
        random = DemoRandom(seed: seed, stream: 2, index: 0)
        self.today = today
        self.midnight = midnight
        self.clients = clients
        self.owners = owners
        archetypes = WeightedTable(DemoArchetypes.all.enumerated().map { ($0.offset, $0.element.weight) })
    }

    mutating func make(count: Int) -> [Job] {
        (0..<count).map { index in
            // Every client gets at least one opening; the rest go to clients at random.
            let client = index < clients.count ? clients[index] : random.pick(clients)
            return job(id: JobID(Int64(index + 1)), client: client)
        }
    }

    private mutating func job(id: JobID, client: Client) -> Job {
        let archetype = DemoArchetypes.all[archetypes.sample(&random)]
        let region = client.details.region
        let profile = RegionProfile.of(region)
        let city = region == .hk ? hongKongOffice() : profile.cities.sample(&random).location
        let seniority = CareerStage.all[random.int(CareerStage.rank(archetype.seniorities.lowerBound)...CareerStage.rank(archetype.seniorities.upperBound))]
        let rank = CareerStage.rank(seniority)
        let title = CareerStage.titlePrefix[rank] + random.pick(archetype.titles)
        let employment = employmentType(in: region)
        let remote = remotePolicy(in: region)
        let status = self.status()
        let pay = payRange(profile, employment: employment, rank: rank, archetype: archetype)
        let skills = requiredSkills(archetype, rank: rank)
        let weeks: Int? = switch employment {
        case .permanent: nil
        case .contract: random.pick([12, 13, 16, 24, 26, 39, 52])
        case .contractToHire: random.pick([12, 13, 26])
        }

        // Live openings are recent; filled and closed ones are older and started after they were posted.
        let ageDays = status == .open || status == .onHold ? random.int(1...90) : random.int(60...330)
        let createdAt = Date(timeIntervalSince1970: midnight - Double(ageDays * 86_400) + Double(random.int(7 * 3600...19 * 3600)))
        let updatedAt = createdAt.addingTimeInterval(Double(random.below(max(1, ageDays - 1) * 86_400)))
        let start: LocalDate = switch status {
        case .open: today.adding(days: random.int(-7...60))
        case .onHold: today.adding(days: random.int(14...120))
        case .filled, .closed: today.adding(days: -ageDays + random.int(21...60))
        }

        let details = JobDetails(
            title: title,
            description: description(title: title, archetype: archetype, client: client.details, city: city.city ?? city.country, remote: remote, employment: employment, weeks: weeks, skills: skills),
            clientID: client.id, location: city, region: region, remotePolicy: remote,
            // The demo's remote jobs are remote within their own country, as remote jobs were before scopes existed.
            remoteScope: remote == .remote ? .countries([city.country]) : nil, employmentType: employment, pay: pay,
            requiredSkills: skills, seniority: seniority, startDate: start, durationWeeks: weeks,
            openings: random.percent(70) ? 1 : (random.percent(65) ? 2 : 3), status: status,
            practiceID: archetype.practice.id, ownerIDs: jobOwners(archetype.practice, region)
        )
        return Job(id: id, version: 1, createdAt: createdAt, updatedAt: updatedAt, details: details)
    }

    /// Most Hong Kong offices are on the island; some are in the Science Park or Kowloon East.
    private mutating func hongKongOffice() -> Location {
        let roll = random.below(10)
        return Location(city: roll < 8 ? "Hong Kong" : (roll == 8 ? "Kowloon" : "Sha Tin"), country: "HK")
    }

    private mutating func employmentType(in region: Region) -> EmploymentType {
        // Contracting is strongest in the UK and New Zealand; Hong Kong and the US hire mostly permanent staff.
        let (contract, toHire) = switch region {
        case .uk: (50, 10)
        case .us: (30, 15)
        case .nz: (45, 5)
        case .hk: (35, 5)
        }
        let roll = random.below(100)
        return roll < contract ? .contract : (roll < contract + toHire ? .contractToHire : .permanent)
    }

    private mutating func remotePolicy(in region: Region) -> RemotePolicy {
        let roll = random.below(100)
        if region == .hk { return roll < 45 ? .onsite : (roll < 92 ? .hybrid : .remote) }
        return roll < 20 ? .onsite : (roll < 75 ? .hybrid : .remote)
    }

    private mutating func status() -> JobStatus {
        let roll = random.below(100)
        return roll < 72 ? .open : (roll < 82 ? .onHold : (roll < 94 ? .filled : .closed))
    }

    private mutating func payRange(_ profile: RegionProfile, employment: EmploymentType, rank: Int, archetype: Archetype) -> PayRange {
        let yearly = employment == .permanent
        let band = yearly ? profile.salary : profile.rate
        let step = yearly ? profile.salaryStep : profile.rateStep
        let factor = CareerStage.payPercent[rank] * Int64(archetype.payPercent)
        let low = PayMath.round(band.lowerBound * factor * Int64(random.int(95...105)) / 1_000_000, step: step)
        let high = max(low + step, PayMath.round(band.upperBound * factor * Int64(random.int(95...105)) / 1_000_000, step: step))
        let unit: PayUnit = yearly ? .year : profile.rateUnit
        let currency = profile.region.currency
        return PayRange(minimum: Money(major: low, currency, per: unit), maximum: Money(major: high, currency, per: unit))
    }

    /// The archetype's core skills are musts; a few of its stack are nice-to-haves; 3 to 10 in all.
    private mutating func requiredSkills(_ archetype: Archetype, rank: Int) -> [JobSkill] {
        var result: [JobSkill] = []
        let mustCount = min(archetype.core.count, random.int(2...4) + (rank >= 2 ? 1 : 0))
        for name in archetype.core.prefix(mustCount) {
            let level = min(5, [2, 3, 3, 4, 4][rank] + random.int(0...1))
            let years = Double([0, 2, 4, 5, 6][rank] + random.int(0...2))
            result.append(JobSkill(skillID: DemoTaxonomy.id(name), minimumLevel: level, minimumYears: years, importance: .must, weight: random.int(6...10)))
        }
        let niceCount = random.int(max(1, 3 - result.count)...min(5, 10 - result.count))
        var (stack, homeCount) = archetype.homeFirstStack
        for _ in 0..<niceCount where !stack.isEmpty {
            // As with candidates, most nice-to-haves come from the job's own desk.
            let home = homeCount > 0 && random.percent(70)
            let index = random.below(home ? homeCount : stack.count)
            if index < homeCount { homeCount -= 1 }
            let name = stack.remove(at: index)
            result.append(JobSkill(skillID: DemoTaxonomy.id(name), minimumLevel: random.int(2...3), minimumYears: Double(random.int(0...2)), importance: .nice, weight: random.int(1...5)))
        }
        return result
    }

    private mutating func jobOwners(_ practice: DemoPractice, _ region: Region) -> [UserID] {
        let candidates = owners[practice.rawValue - 1][DemoContext.regionIndex(region)]
        let first = random.pick(candidates)
        guard candidates.count > 1, random.percent(35) else { return [first] }
        let second = random.pick(candidates.filter { $0 != first })
        return [first, second]
    }

    private mutating func description(
        title: String, archetype: Archetype, client: ClientDetails, city: String, remote: RemotePolicy,
        employment: EmploymentType, weeks: Int?, skills: [JobSkill]
    ) -> String {
        let names = skills.prefix(3).map { DemoTaxonomy.entries[Int($0.skillID.rawValue) - 1].name }
        let stack = names.count == 3 ? "\(names[0]), \(names[1]) and \(names[2])" : names.joined(separator: " and ")
        let whereText = switch remote {
        case .onsite: "The role is based in the \(city) office five days a week."
        case .hybrid: "Hybrid: two or three days a week in the \(city) office, the rest from home."
        case .remote: "Fully remote within \(client.region == .us || client.region == .uk ? "the " : "")\(client.region.name), with a team day in \(city) once a quarter."
        }
        let terms = switch employment {
        case .permanent: "This is a permanent position with pension, health cover and a learning budget."
        case .contract: "This is a \(weeks ?? 26)-week contract with a good chance of extension."
        case .contractToHire: "This starts as a \(weeks ?? 13)-week contract with a permanent offer in view."
        }
        return "\(client.name), \(Grammar.article(client.industry)) \(client.industry) organisation, is looking for \(Grammar.article(title)) \(title). "
            + "You will \(archetype.duty). The team works with \(stack). \(whereText) \(terms)"
    }
}

enum PayMath {
    /// Rounds to the nearest `step`, never below one step, because advertised pay is quoted in round numbers.
    static func round(_ amount: Int64, step: Int64) -> Int64 {
        max(step, (amount + step / 2) / step * step)
    }
}

enum Grammar {
    /// "an" before a vowel sound, including initialisms read letter by letter (an SAP, an ML, an SRE).
    static func article(_ phrase: String) -> String {
        let vowelSound = ["a", "e", "i", "o", "u", "A", "E", "I", "O", "U", "ML ", "SAP", "SDET", "SRE"]
        return vowelSound.contains(where: phrase.hasPrefix) ? "an" : "a"
    }
}
