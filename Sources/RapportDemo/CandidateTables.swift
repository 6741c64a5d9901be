import RapportCore

/// Look-up tables for candidate generation, built once so that making a candidate formats nothing and
/// allocates little beyond the strings and arrays it returns.
final class CandidateTables: Sendable {
    let profiles: [RegionProfile]
    /// Indexes into `employmentChoices`, weighted per region.
    let employment: [WeightedTable<Int>]
    let employmentChoices: [[EmploymentType]]
    let seniority: WeightedTable<Int>
    let remote: [WeightedTable<RemotePreference>]
    /// Full "given family" names per region (`names[region][given * familyCount + family]`), built once because
    /// most are longer than the 15 bytes Swift keeps inline and would otherwise cost an allocation each.
    let fullNames: [[String]]
    /// "00"…"99" and "000"…"999", for the varying digits of fictional phone numbers.
    let twoDigits: [String]
    let threeDigits: [String]
    /// Skills anyone in IT may list, whatever their desk.
    let general: [SkillID]
    let skillCount: Int
    /// The practice number of each skill (index id - 1), 0 for skills of no practice.
    let skillPractice: [Int]
    let citizen: [[WorkAuthorisation]]
    let resident: [[WorkAuthorisation]]
    let sponsorship: [[WorkAuthorisation]]
    let channels: [[ContactChannel]]
    let lateQuietHours = QuietHours(start: "21:00", end: "07:30")
    let consentMethods = ["web form", "e-mail reply", "phone call", "CV upload", "LinkedIn message", "referral introduction"]
    let wantedIndustries = DemoClients.industries
    /// Industries people refuse; some are never a client industry, as in real life.
    let avoidedIndustries = ["defence", "gambling", "crypto", "tobacco", "government", "retail", "insurance", "media"]

    init() {
        let order = DemoContext.regionOrder
        profiles = order.map(RegionProfile.of)
        employmentChoices = [
            [.permanent], [.contract], [.contract, .contractToHire], [.permanent, .contractToHire],
            [.contract, .permanent], [.contractToHire, .permanent, .contract],
        ]
        employment = order.map { region in
            switch region {
            case .uk: WeightedTable([(0, 30), (1, 30), (2, 15), (3, 8), (4, 12), (5, 5)])
            case .nz: WeightedTable([(0, 40), (1, 22), (2, 10), (3, 10), (4, 13), (5, 5)])
            case .us: WeightedTable([(0, 50), (1, 12), (2, 10), (3, 15), (4, 8), (5, 5)])
            case .hk: WeightedTable([(0, 60), (1, 15), (2, 5), (3, 10), (4, 7), (5, 3)])
            }
        }
        seniority = WeightedTable([(0, 15), (1, 30), (2, 32), (3, 15), (4, 8)])
        remote = order.map { region in
            region == .hk
                ? WeightedTable([(.remoteOnly, 5), (.hybrid, 45), (.onsite, 30), (.flexible, 20)])
                : WeightedTable([(.remoteOnly, 20), (.hybrid, 40), (.onsite, 10), (.flexible, 30)])
        }
        fullNames = order.map { region in
            let (given, family) = CandidateTables.nameParts(region)
            return given.flatMap { first in family.map { first.text + " " + $0.text } }
        }
        twoDigits = (0..<100).map { CandidateTables.padded($0, width: 2) }
        threeDigits = (0..<1000).map { CandidateTables.padded($0, width: 3) }
        general = ["Git", "REST APIs", "Agile", "Jira", "Linux", "SQL", "Docker", "Test-Driven Development", "Scrum", "Confluence", "CI/CD"]
            .map(DemoTaxonomy.id)
        skillCount = DemoTaxonomy.entries.count
        skillPractice = DemoTaxonomy.entries.map { $0.practice?.rawValue ?? 0 }
        precondition(skillCount < 256, "SkillBits holds at most 255 skill ids")
        citizen = order.map { [WorkAuthorisation(region: $0, status: .citizen)] }
        resident = order.map { [WorkAuthorisation(region: $0, status: .permanentResident)] }
        sponsorship = order.map { [WorkAuthorisation(region: $0, status: .requiresSponsorship)] }
        channels = [[.email], [.email, .phone], [.email, .linkedin], [.email, .sms], [.phone, .email], [.linkedin, .email], [.email, .phone, .sms]]
    }
}

extension CandidateTables {
    /// Given names and family names for "given family" names; in Hong Kong, English first names.
    static func nameParts(_ region: Region) -> (given: [NamePart], family: [NamePart]) {
        switch region {
        case .us: (DemoNames.usGiven, DemoNames.usFamily)
        case .uk: (DemoNames.ukGiven, DemoNames.ukFamily)
        case .nz: (DemoNames.nzGiven, DemoNames.nzFamily)
        case .hk: (DemoNames.hkEnglish, DemoNames.hkFamily)
        }
    }

    static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// A set of skill ids small enough to live on the stack: the taxonomy has fewer than 256 skills.
struct SkillBits {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    /// Adds `id`; false when it was already there.
    @inline(__always)
    mutating func insert(_ id: SkillID) -> Bool {
        let bit = Int(id.rawValue)
        let mask = UInt64(1) << UInt64(bit & 63)
        switch bit >> 6 {
        case 0: if words.0 & mask != 0 { return false }; words.0 |= mask
        case 1: if words.1 & mask != 0 { return false }; words.1 |= mask
        case 2: if words.2 & mask != 0 { return false }; words.2 |= mask
        default: if words.3 & mask != 0 { return false }; words.3 |= mask
        }
        return true
    }
}
