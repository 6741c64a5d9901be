import Foundation
import RapportCore
import RapportMatch

/// The demo firm's staff, desks, taxonomy, clients and openings, ready to load in id order.
public typealias DemoFirm = FirmDataset

/// Deterministic, realistic demo data: the same seed and day always give the same firm and the same candidates.
public struct DemoGenerator: Sendable {
    public let candidateCount: Int
    private let context: DemoContext

    public init(seed: UInt64, candidateCount: Int, today: LocalDate) {
        precondition(candidateCount >= 0, "candidateCount must not be negative")
        self.candidateCount = candidateCount
        context = DemoContext(seed: seed, today: today)
    }

    /// The firm: 8 practices, 32 users, the starter taxonomy, 48 clients and 180 jobs.
    public func firm() -> DemoFirm {
        context.firm
    }

    /// Candidate `index` (id `index + 1`); it depends only on the seed, today and the index, so callers may
    /// generate ranges of candidates on several threads and still get the same data.
    public func candidate(at index: Int) -> Candidate {
        precondition(index >= 0, "candidate index must not be negative")
        return CandidateFactory(context: context).make(index: index)
    }
}

/// Everything candidates are drawn from, computed once per generator so each candidate is only table look-ups.
final class DemoContext: Sendable {
    let seed: UInt64
    let today: LocalDate
    /// Seconds since 1970 at midnight UTC on `today`; every generated instant lies before it.
    let midnight: Double
    let firm: DemoFirm
    let archetypes: [PreparedArchetype]
    let archetypeTable: WeightedTable<Int>
    let regionTable: WeightedTable<Region>
    /// Users who may own a record of a practice in a region: `owners[practice - 1][region index]`.
    let owners: [[[UserID]]]
    let clientCount: Int
    let candidateTables: CandidateTables

    init(seed: UInt64, today: LocalDate) {
        self.seed = seed
        self.today = today
        midnight = Double(today.daysSinceEpoch) * 86_400
        archetypes = DemoArchetypes.all.map(PreparedArchetype.init)
        archetypeTable = WeightedTable(DemoArchetypes.all.enumerated().map { ($0.offset, $0.element.weight) })
        regionTable = WeightedTable([(.us, 35), (.uk, 30), (.nz, 15), (.hk, 20)])
        candidateTables = CandidateTables()
        let staff = DemoStaff.users(seed: seed)
        owners = DemoStaff.owners(staff)
        let clients = DemoClients.entries.enumerated().map { index, entry in
            Client(
                id: ClientID(Int64(index + 1)), version: 1,
                details: ClientDetails(
                    name: entry.name, industry: entry.industry, region: entry.region,
                    website: DemoClients.website(entry.name), notes: entry.notes
                )
            )
        }
        clientCount = clients.count
        let practices = DemoPractice.allCases.map { practice in
            Practice(
                id: practice.id, version: 1,
                details: PracticeDetails(name: practice.name, description: practice.summary, leadID: DemoStaff.lead(of: practice, in: staff))
            )
        }
        var jobs = JobFactory(seed: seed, today: today, midnight: midnight, clients: clients, owners: owners)
        // The shipped taxonomy begins with the demo's 210 skills under the same ids, so stored demo data reads the same.
        let skills = StandardTaxonomy.skills { standard in DemoPractice.allCases.first { "\($0)" == standard.rawValue }?.id }
        firm = DemoFirm(practices: practices, users: staff, skills: skills, clients: clients, jobs: jobs.make(count: 180),
                        standardTaxonomyVersion: StandardTaxonomy.version)
    }

    /// Regions in the order of `owners` and other per-region tables.
    static let regionOrder: [Region] = [.us, .uk, .nz, .hk]

    static func regionIndex(_ region: Region) -> Int {
        switch region {
        case .us: 0
        case .uk: 1
        case .nz: 2
        case .hk: 3
        }
    }
}

/// An archetype with skill names resolved to ids and its headline and summary openings built once.
final class PreparedArchetype: Sendable {
    let archetype: Archetype
    let practice: DemoPractice
    let lowestRank: Int
    let highestRank: Int
    let experience: [String]
    let payPercent: Int64
    let core: [SkillID]
    /// Home-desk and general skills first; `homeStackCount` of them.
    let stack: [SkillID]
    let homeStackCount: Int
    /// Core skills that belong to the archetype's own desk or to none.
    let homeCoreCount: Int
    let growth: [SkillID]
    /// `headlines[rank]` holds the variants for that career stage.
    let headlines: [[String]]
    /// Every summary this archetype can have; see `DemoSummaries.build`.
    let summaries: [[String]]
    let closingCount: Int
    /// Choices for a candidate's target roles; shared arrays, so picking one allocates nothing.
    let targetRoles: [[String]]

    init(_ archetype: Archetype) {
        self.archetype = archetype
        practice = archetype.practice
        lowestRank = CareerStage.rank(archetype.seniorities.lowerBound)
        highestRank = CareerStage.rank(archetype.seniorities.upperBound)
        experience = archetype.experience
        payPercent = Int64(archetype.payPercent)
        core = archetype.core.map(DemoTaxonomy.id)
        let ordered = archetype.homeFirstStack
        stack = ordered.names.map(DemoTaxonomy.id)
        homeStackCount = ordered.homeCount
        homeCoreCount = archetype.core.filter { name in
            let owner = DemoTaxonomy.entries[Int(DemoTaxonomy.id(name).rawValue) - 1].practice
            return owner == nil || owner == archetype.practice
        }.count
        growth = archetype.growth.map(DemoTaxonomy.id)
        let title = archetype.titles[0]
        let highlights = [archetype.core.prefix(3).joined(separator: ", "), archetype.core.dropFirst().prefix(2).joined(separator: " & ")]
        headlines = CareerStage.titlePrefix.map { prefix in
            highlights.map { prefix + title + " · " + $0 }
        }
        summaries = DemoSummaries.build(archetype)
        closingCount = DemoSummaries.closings.count + archetype.growth.count
        var roles = archetype.titles.map { [$0] }
        if archetype.titles.count > 1 { roles.append([archetype.titles[0], archetype.titles[1]]) }
        targetRoles = roles
    }
}
