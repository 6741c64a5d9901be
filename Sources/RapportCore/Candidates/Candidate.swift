import Foundation

/// A person the firm has a relationship with, and what they have told us about themselves.
public struct Candidate: Equatable, Sendable, Identifiable {
    public var id: CandidateID
    /// Bumped on every change; an update carrying an older version is refused.
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date
    public var profile: CandidateProfile

    public init(id: CandidateID, version: Int, createdAt: Date, updatedAt: Date, profile: CandidateProfile) {
        self.id = id
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.profile = profile
    }
}

/// Everything about a candidate that people edit: who they are, what they can do and what they want.
public struct CandidateProfile: Equatable, Sendable {
    public var name: String
    public var email: String
    public var phone: String?
    public var links: [String]
    public var location: Location
    public var timeZone: String
    public var region: Region
    public var remotePreference: RemotePreference
    public var openToRelocation: Bool
    public var workAuthorisations: [WorkAuthorisation]
    public var headline: String
    public var summary: String
    public var skills: [CandidateSkill]
    /// Skill names from a résumé or an old system that the taxonomy does not know yet, kept as written for a curator
    /// rather than dropped.
    public var unresolvedSkills: [String]
    /// Jobs held, most recent first as résumés list them.
    public var work: [WorkExperience]
    public var education: [Education]
    public var certifications: [Certification]
    public var languages: [SpokenLanguage]
    public var goals: CareerGoals
    public var interests: Interests
    public var availability: Availability
    public var contactPreferences: ContactPreferences
    public var consents: [ConsentRecord]
    public var ownerID: UserID?
    public var homePracticeID: PracticeID?
    public var source: CandidateSource
    /// What they told us about roles they turned down, oldest first: soft signals for matching (`FeedbackSignal`).
    /// Recorded by the pipeline when they decline with a reason; not edited through the API.
    public var feedback: [FeedbackSignal] = []

    public init(
        name: String, email: String, phone: String? = nil, links: [String] = [], location: Location, timeZone: String,
        region: Region, remotePreference: RemotePreference = .flexible, openToRelocation: Bool = false,
        workAuthorisations: [WorkAuthorisation] = [], headline: String = "", summary: String = "",
        skills: [CandidateSkill] = [], unresolvedSkills: [String] = [], work: [WorkExperience] = [], education: [Education] = [],
        certifications: [Certification] = [], languages: [SpokenLanguage] = [], goals: CareerGoals = CareerGoals(), interests: Interests = Interests(),
        availability: Availability = Availability(status: .passive), contactPreferences: ContactPreferences = ContactPreferences(),
        consents: [ConsentRecord] = [], ownerID: UserID? = nil, homePracticeID: PracticeID? = nil,
        source: CandidateSource = CandidateSource(kind: .sourced)
    ) {
        self.name = name
        self.email = email
        self.phone = phone
        self.links = links
        self.location = location
        self.timeZone = timeZone
        self.region = region
        self.remotePreference = remotePreference
        self.openToRelocation = openToRelocation
        self.workAuthorisations = workAuthorisations
        self.headline = headline
        self.summary = summary
        self.skills = skills
        self.unresolvedSkills = unresolvedSkills
        self.work = work
        self.education = education
        self.certifications = certifications
        self.languages = languages
        self.goals = goals
        self.interests = interests
        self.availability = availability
        self.contactPreferences = contactPreferences
        self.consents = consents
        self.ownerID = ownerID
        self.homePracticeID = homePracticeID
        self.source = source
    }
}

/// Where someone lives or works from.
public struct Location: Hashable, Sendable {
    /// Nil when nobody said: such a person is in no city's results rather than wrongly in one.
    public var city: String?
    /// ISO 3166-1 alpha-2 ("US", "GB", "NZ", "IN"), any country.
    public var country: String

    /// "Leeds, GB", or "GB" when the city is not known.
    public var phrase: String { city.map { "\($0), \(country)" } ?? country }

    public init(city: String?, country: String) {
        self.city = city
        self.country = country
    }
}

/// How a candidate wants to work.
public enum RemotePreference: String, CaseIterable, Codable, Sendable {
    case remoteOnly = "remote_only"
    case hybrid
    case onsite
    case flexible
}

/// The right to work in a region.
public struct WorkAuthorisation: Hashable, Sendable {
    public enum Status: String, CaseIterable, Codable, Sendable {
        case citizen
        case permanentResident = "permanent_resident"
        case visa
        case requiresSponsorship = "requires_sponsorship"
    }

    public var region: Region
    public var status: Status
    /// When a visa runs out.
    public var expires: LocalDate?

    public init(region: Region, status: Status, expires: LocalDate? = nil) {
        self.region = region
        self.status = status
        self.expires = expires
    }
}

/// A skill as this person has it: how well, for how long, how recently, and whether they want more of it.
public struct CandidateSkill: Hashable, Sendable {
    public var skillID: SkillID
    /// 1 (aware) to 5 (expert).
    public var level: Int
    public var years: Double
    public var lastUsed: Int?
    public var wantsToGrow: Bool

    public init(skillID: SkillID, level: Int, years: Double, lastUsed: Int? = nil, wantsToGrow: Bool = false) {
        self.skillID = skillID
        self.level = level
        self.years = years
        self.lastUsed = lastUsed
        self.wantsToGrow = wantsToGrow
    }
}

/// Kinds of engagement.
public enum EmploymentType: String, CaseIterable, Codable, Sendable {
    case contract
    case contractToHire = "contract_to_hire"
    case permanent
}

/// Career stage, used for goals and for jobs.
public enum Seniority: String, CaseIterable, Codable, Sendable, Comparable {
    case junior
    case mid
    case senior
    case lead
    case principal

    public static func < (lhs: Seniority, rhs: Seniority) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// What the person wants next, in their own terms; these become deal-breakers in matching.
public struct CareerGoals: Hashable, Sendable {
    public var targetRoles: [String]
    public var seniority: Seniority?
    public var employmentTypes: [EmploymentType]
    public var minimumPay: Money?
    public var industriesWanted: [String]
    public var industriesAvoided: [String]
    public var clientsAvoided: [ClientID]
    public var earliestStart: LocalDate?
    /// The person's own deal-breaker: only roles that state their pay.
    public var requiresDisclosedPay: Bool
    /// Full-time or part-time only; nil when either will do.
    public var workingHours: WorkingHours?

    public init(
        targetRoles: [String] = [], seniority: Seniority? = nil, employmentTypes: [EmploymentType] = [],
        minimumPay: Money? = nil, industriesWanted: [String] = [], industriesAvoided: [String] = [],
        clientsAvoided: [ClientID] = [], earliestStart: LocalDate? = nil, requiresDisclosedPay: Bool = false,
        workingHours: WorkingHours? = nil
    ) {
        self.targetRoles = targetRoles
        self.seniority = seniority
        self.employmentTypes = employmentTypes
        self.minimumPay = minimumPay
        self.industriesWanted = industriesWanted
        self.industriesAvoided = industriesAvoided
        self.clientsAvoided = clientsAvoided
        self.earliestStart = earliestStart
        self.requiresDisclosedPay = requiresDisclosedPay
        self.workingHours = workingHours
    }
}

/// The hours a person wants, or a job asks for.
public enum WorkingHours: String, CaseIterable, Codable, Sendable {
    case fullTime = "full_time"
    case partTime = "part_time"

    /// "full-time".
    public var phrase: String { rawValue.replacingOccurrences(of: "_", with: "-") }
}

/// What the person is curious about, beyond what they already do.
public struct Interests: Hashable, Sendable {
    public var skillsToLearn: [SkillID]
    public var domains: [String]

    public init(skillsToLearn: [SkillID] = [], domains: [String] = []) {
        self.skillsToLearn = skillsToLearn
        self.domains = domains
    }
}

/// Whether someone is open to hearing about work, and until when they are not.
public struct Availability: Hashable, Sendable {
    public enum Status: String, CaseIterable, Codable, Sendable {
        /// Looking now.
        case active
        /// Not looking, but open to the right thing.
        case passive
        /// Asked not to hear about work until `until`.
        case notLooking = "not_looking"
        /// On an assignment that ends on `until`.
        case onAssignment = "on_assignment"

        /// The status in words, as a page says it ("not looking").
        public var phrase: String {
            switch self {
            case .active: "looking now"
            case .passive: "open to the right role"
            case .notLooking: "not looking"
            case .onAssignment: "on assignment"
            }
        }
    }

    public var status: Status
    public var until: LocalDate?

    public init(status: Status, until: LocalDate? = nil) {
        self.status = status
        self.until = until
    }
}

/// Ways of reaching someone.
public enum ContactChannel: String, CaseIterable, Codable, Sendable {
    case email
    case phone
    case sms
    case linkedin
}

/// A local-time window, such as 20:00 to 08:00, in which nobody should be contacted.
public struct QuietHours: Hashable, Sendable {
    /// Written `HH:MM`, 24-hour clock, in the candidate's time zone.
    public var start: String
    public var end: String

    public init(start: String = "20:00", end: String = "08:00") {
        self.start = start
        self.end = end
    }

    /// Minutes after midnight, or nil when the text is not a valid `HH:MM`.
    public static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard text.utf8.count == 5, parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let hours = Int(parts[0]), let minutes = Int(parts[1]), (0..<24).contains(hours), (0..<60).contains(minutes)
        else { return nil }
        return hours * 60 + minutes
    }
}

/// How, how often and when a person agrees to be contacted.
public struct ContactPreferences: Hashable, Sendable {
    public static let defaultMaxJobPitches = 4

    public var channels: [ContactChannel]
    /// Job pitches allowed per rolling 30 days, across the whole firm.
    public var maxJobPitchesPer30Days: Int
    public var quietHours: QuietHours
    public var doNotContact: Bool

    public init(
        channels: [ContactChannel] = [.email], maxJobPitchesPer30Days: Int = ContactPreferences.defaultMaxJobPitches,
        quietHours: QuietHours = QuietHours(), doNotContact: Bool = false
    ) {
        self.channels = channels
        self.maxJobPitchesPer30Days = maxJobPitchesPer30Days
        self.quietHours = quietHours
        self.doNotContact = doNotContact
    }
}

/// Why the firm may hold and use someone's data, as the privacy law of their region asks.
public enum LegalBasis: String, CaseIterable, Codable, Sendable {
    case consent
    case legitimateInterests = "legitimate_interests"
    case contract
    case legalObligation = "legal_obligation"
}

/// One recorded permission: what was agreed, when, how, and on which legal basis.
public struct ConsentRecord: Hashable, Sendable {
    public enum Purpose: String, CaseIterable, Codable, Sendable {
        case dataProcessing = "data_processing"
        case directMarketing = "direct_marketing"
        case shareWithClients = "share_with_clients"
    }

    public var purpose: Purpose
    public var recordedAt: Date
    /// How it was given: "web form", "e-mail reply", "phone call".
    public var method: String
    public var legalBasis: LegalBasis
    public var withdrawnAt: Date?

    public init(purpose: Purpose, recordedAt: Date, method: String, legalBasis: LegalBasis, withdrawnAt: Date? = nil) {
        self.purpose = purpose
        self.recordedAt = recordedAt
        self.method = method
        self.legalBasis = legalBasis
        self.withdrawnAt = withdrawnAt
    }
}

/// How the person came to the firm.
public struct CandidateSource: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Codable, Sendable {
        case sourced
        case inbound
        case referral
    }

    public var kind: Kind
    /// The candidate who referred them; required for a referral.
    public var referrerID: CandidateID?

    public init(kind: Kind, referrerID: CandidateID? = nil) {
        self.kind = kind
        self.referrerID = referrerID
    }
}
