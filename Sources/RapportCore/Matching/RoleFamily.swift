/// The profession a job belongs to or a person works in: the first thing a recruiter checks, before any skill.
///
/// Derived from titles first (a job's title, a person's target roles, headline and latest job titles), and from the
/// mix of skills when a title says nothing specific ("Engineer", "Consultant") or there is none. A job of another
/// profession is never pitched, whatever generic tools the two share; neighbouring professions (a backend engineer
/// and a platform role) are. MATCHING.md lists the words and the neighbours.
public enum RoleFamily: String, BitFlag {
    case softwareEngineering = "software_engineering"
    case data
    case infrastructure
    case security
    case qualityAssurance = "quality_assurance"
    case design
    case product
    case delivery
    case businessApplications = "business_applications"
    case support
    case marketing
    case sales
    case hardware
    case people
    case finance

    /// "software engineering", "infrastructure and cloud".
    public var phrase: String {
        switch self {
        case .softwareEngineering: "software engineering"
        case .data: "data"
        case .infrastructure: "infrastructure and cloud"
        case .security: "security"
        case .qualityAssurance: "quality assurance and testing"
        case .design: "design"
        case .product: "product management"
        case .delivery: "delivery and business analysis"
        case .businessApplications: "business applications (ERP and CRM)"
        case .support: "IT support"
        case .marketing: "marketing"
        case .sales: "sales"
        case .hardware: "hardware and mechanical engineering"
        case .people: "HR and recruiting"
        case .finance: "finance"
        }
    }

    /// Professions close enough that a person in one may take a role in the other: both ways.
    public var neighbours: RoleFamilySet {
        switch self {
        case .softwareEngineering: [.data, .infrastructure, .qualityAssurance]
        case .data: [.softwareEngineering]
        case .infrastructure: [.softwareEngineering, .security, .support]
        case .security: [.infrastructure]
        case .qualityAssurance: [.softwareEngineering]
        case .design: [.product]
        case .product: [.design, .delivery]
        case .delivery: [.product, .businessApplications]
        case .businessApplications: [.delivery]
        case .support: [.infrastructure]
        case .marketing, .sales, .hardware, .people, .finance: []
        }
    }

    public var position: UInt32 {
        switch self {
        case .softwareEngineering: 0
        case .data: 1
        case .infrastructure: 2
        case .security: 3
        case .qualityAssurance: 4
        case .design: 5
        case .product: 6
        case .delivery: 7
        case .businessApplications: 8
        case .support: 9
        case .marketing: 10
        case .sales: 11
        case .hardware: 12
        case .people: 13
        case .finance: 14
        }
    }

    /// Each profession's bit with its neighbours' bits, by position in `allCases`, so the match index's filter
    /// widens a person's set without allocating.
    fileprivate static let reach: [UInt32] = allCases.map { $0.neighbours.union([$0]).bits }
}

/// A set of professions in one word, so the match index can keep one per person and test it without allocating.
public typealias RoleFamilySet = FlagSet<RoleFamily>

extension FlagSet where Flag == RoleFamily {
    public var families: [RoleFamily] { members }

    /// The professions themselves and their neighbours.
    public var withNeighbours: RoleFamilySet {
        var widened = bits
        var rest = bits
        while rest != 0 {
            widened |= RoleFamily.reach[rest.trailingZeroBitCount]
            rest &= rest - 1
        }
        return RoleFamilySet(bits: widened)
    }
}

/// What the profession rule is given: the job's profession and the person's, each derived once by the caller (the
/// match index keeps them per person and per job). Unknown on either side passes.
public struct Professions: Hashable, Sendable {
    public var job: RoleFamily?
    public var candidate: RoleFamilySet

    public init(job: RoleFamily?, candidate: RoleFamilySet) {
        self.job = job
        self.candidate = candidate
    }

    public static let unknown = Professions(job: nil, candidate: [])

    /// The job's profession, when it is known, is none of the person's known professions nor a neighbour of one.
    public var isOtherProfession: Bool {
        guard let job, !candidate.isEmpty else { return false }
        return !candidate.withNeighbours.contains(job)
    }
}

/// Derives professions from titles and skill categories.
public enum RoleFamilies {
    /// The profession of a job: from its title; from its skills when the title names none or only a generic one.
    public static func job(title: String, skillCategories: [String]) -> RoleFamily? {
        let mix = fromSkills(skillCategories)
        guard let titled = fromTitle(title) else { return mix }
        return resolve(titled, mix: mix)
    }

    /// A person's professions: those of their target roles, headline and latest two job titles, and that of their
    /// skill mix; empty when nothing says.
    public static func person(titles: [String], skillCategories: [String]) -> RoleFamilySet {
        let mix = fromSkills(skillCategories)
        var families: RoleFamilySet = mix.map { [$0] } ?? []
        for title in titles {
            if let titled = fromTitle(title), let family = resolve(titled, mix: mix) { families.insert(family) }
        }
        return families
    }

    /// The titles that speak for a person, most telling first.
    public static func titles(of profile: CandidateProfile) -> [String] {
        profile.goals.targetRoles + [profile.headline] + profile.work.prefix(2).map(\.title)
    }

    /// A generic title ("Engineer", "Consultant") takes the profession of the skill mix when the mix has one;
    /// otherwise it is software engineering ("Engineer", "Developer") or unknown ("Consultant").
    private static func resolve(_ titled: TitleFamily, mix: RoleFamily?) -> RoleFamily? {
        switch titled {
        case .specific(let family): family
        case .generic(let fallback): mix ?? fallback
        }
    }

    enum TitleFamily: Equatable {
        case specific(RoleFamily)
        case generic(RoleFamily?)
    }

    /// The first rule whose phrase is in the title, in the order of `rules`; nil when none is.
    static func fromTitle(_ title: String) -> TitleFamily? {
        let words = title.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "#" || $0 == "+" || $0 == ".") }.map(String.init)
        guard !words.isEmpty else { return nil }
        for rule in rules where rule.phrases.contains(where: { contains(words, $0) }) {
            return rule.result
        }
        return nil
    }

    private static func contains(_ words: [String], _ phrase: [String]) -> Bool {
        guard phrase.count <= words.count else { return false }
        for start in 0...(words.count - phrase.count) where words[start] == phrase[0] {
            if phrase.count == 1 || Array(words[start..<(start + phrase.count)]) == phrase { return true }
        }
        return false
    }

    /// The profession most of the skills belong to, by taxonomy category: at least two skills and two in five of
    /// those with a profession; nil on a tie.
    static func fromSkills(_ categories: [String]) -> RoleFamily? {
        var counts: [RoleFamily: Int] = [:]
        for category in categories {
            if let family = categoryFamilies[category] { counts[family, default: 0] += 1 }
        }
        let total = counts.values.reduce(0, +)
        let ranked = counts.sorted { $0.value > $1.value }
        guard let top = ranked.first, top.value >= 2, top.value * 5 >= total * 2 else { return nil }
        if ranked.count > 1 && ranked[1].value == top.value { return nil }
        return top.key
    }

    /// Taxonomy categories that say which profession uses a skill; "tool", "platform", "practice" and the like say
    /// nothing.
    static let categoryFamilies: [String: RoleFamily] = [
        "language": .softwareEngineering, "framework": .softwareEngineering, "library": .softwareEngineering,
        "data": .data, "database": .data,
        "devops": .infrastructure, "cloud": .infrastructure, "network": .infrastructure,
        "security": .security, "testing": .qualityAssurance, "erp": .businessApplications, "crm": .businessApplications,
    ]

    private struct Rule {
        let phrases: [[String]]
        let result: TitleFamily

        init(_ family: RoleFamily, _ phrases: [String]) {
            self.phrases = phrases.map { $0.split(separator: " ").map(String.init) }
            result = .specific(family)
        }

        init(generic fallback: RoleFamily?, _ phrases: [String]) {
            self.phrases = phrases.map { $0.split(separator: " ").map(String.init) }
            result = .generic(fallback)
        }
    }

    /// In order: the first that matches decides, so "Security Engineer" is security, not software, and "Product
    /// Designer" design, not product.
    private static let rules: [Rule] = [
        Rule(.hardware, ["mechanical", "electrical engineer", "electronics", "hardware engineer", "pcb", "civil engineer",
                         "structural engineer", "manufacturing engineer", "mechatronics", "rf engineer", "cad designer"]),
        Rule(.marketing, ["marketing", "marketer", "seo", "sem", "copywriter", "content writer", "content marketing", "brand manager",
                          "social media", "growth marketer", "growth manager", "head of growth", "growth lead", "demand generation",
                          "communications manager", "pr manager"]),
        Rule(.sales, ["sales", "account executive", "business development", "account manager", "sdr", "bdr", "presales", "pre sales"]),
        Rule(.people, ["recruiter", "talent acquisition", "human resources", "hr", "people partner", "people operations", "sourcer"]),
        Rule(.finance, ["accountant", "finance", "financial analyst", "bookkeeper", "payroll", "auditor", "actuary"]),
        Rule(.design, ["designer", "ux designer", "ux researcher", "user researcher", "ux lead", "ux writer", "design lead",
                       "head of design", "illustrator"]),
        Rule(.security, ["security", "cyber", "cybersecurity", "penetration", "pentester", "soc", "infosec", "appsec", "grc",
                         "threat", "vulnerability"]),
        Rule(.qualityAssurance, ["qa", "quality assurance", "tester", "test engineer", "test analyst", "sdet", "test automation",
                                 "automation tester", "quality engineer", "engineer in test", "test lead", "test manager"]),
        Rule(.delivery, ["business analyst", "project manager", "programme manager", "program manager", "delivery manager",
                         "delivery lead", "scrum master", "agile coach", "pmo", "release manager", "business systems analyst"]),
        Rule(.product, ["product manager", "product owner", "head of product", "product lead", "product director", "vp product",
                        "cpo", "product management"]),
        Rule(.businessApplications, ["sap", "salesforce", "dynamics", "erp", "crm", "servicenow", "workday", "netsuite", "oracle ebs",
                                     "abap", "odoo"]),
        Rule(.data, ["data", "machine learning", "ml", "ai", "mlops", "analytics", "bi", "business intelligence", "scientist",
                     "dba", "database", "statistician", "etl"]),
        Rule(.infrastructure, ["devops", "sre", "site reliability", "platform engineer", "platform engineering", "cloud",
                               "infrastructure", "systems administrator", "system administrator", "sysadmin", "network",
                               "systems engineer", "linux", "kubernetes", "dev ops", "devsecops", "reliability"]),
        Rule(.support, ["support", "help desk", "helpdesk", "service desk", "desktop", "it technician", "technician",
                        "field engineer", "noc"]),
        Rule(.softwareEngineering, ["software", "frontend", "front end", "backend", "back end", "full stack", "fullstack",
                                    "mobile", "ios", "android", "web developer", "web engineer", "engineering manager",
                                    "tech lead", "technical lead", "cto", "swe", "game developer", "embedded", "firmware"]),
        Rule(generic: .softwareEngineering, ["engineer", "developer", "programmer", "architect", "coder"]),
        Rule(generic: nil, ["consultant", "specialist", "lead", "expert"]),
    ]
}
