import Foundation

/// An opening at a client, and the skills it needs.
public struct Job: Equatable, Sendable, Identifiable {
    public var id: JobID
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date
    public var details: JobDetails

    public init(id: JobID, version: Int, createdAt: Date, updatedAt: Date, details: JobDetails) {
        self.id = id
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.details = details
    }
}

/// Where a job is in its life.
public enum JobStatus: String, CaseIterable, Codable, Sendable {
    case open
    case onHold = "on_hold"
    case filled
    case closed
}

/// Whether a job can be done away from the client's office.
public enum RemotePolicy: String, CaseIterable, Codable, Sendable {
    case onsite
    case hybrid
    case remote
}

/// A skill a job asks for: how well, for how long, whether it is a must, and how much it counts.
public struct JobSkill: Hashable, Sendable {
    public enum Importance: String, CaseIterable, Codable, Sendable {
        case must
        case nice
    }

    public var skillID: SkillID
    public var minimumLevel: Int
    public var minimumYears: Double
    public var importance: Importance
    /// Relative weight, 1 to 10.
    public var weight: Int

    public init(skillID: SkillID, minimumLevel: Int = 3, minimumYears: Double = 0, importance: Importance = .must, weight: Int = 5) {
        self.skillID = skillID
        self.minimumLevel = minimumLevel
        self.minimumYears = minimumYears
        self.importance = importance
        self.weight = weight
    }
}

/// The editable part of a job.
public struct JobDetails: Equatable, Sendable {
    public var title: String
    public var description: String
    public var clientID: ClientID
    public var location: Location
    public var region: Region
    public var remotePolicy: RemotePolicy
    /// Where a remote job can be done from; nil when the job is not remote or the posting did not say.
    public var remoteScope: RemoteScope?
    public var employmentType: EmploymentType
    /// Nil when the client has not disclosed the pay: many real postings say nothing or "competitive".
    public var pay: PayRange?
    public var requiredSkills: [JobSkill]
    public var seniority: Seniority
    public var startDate: LocalDate?
    /// Length of a contract in weeks; nil for permanent roles.
    public var durationWeeks: Int?
    public var openings: Int
    public var status: JobStatus
    public var practiceID: PracticeID?
    public var ownerIDs: [UserID]

    public init(
        title: String, description: String = "", clientID: ClientID, location: Location, region: Region,
        remotePolicy: RemotePolicy, remoteScope: RemoteScope? = nil, employmentType: EmploymentType, pay: PayRange?,
        requiredSkills: [JobSkill], seniority: Seniority, startDate: LocalDate? = nil, durationWeeks: Int? = nil,
        openings: Int = 1, status: JobStatus = .open, practiceID: PracticeID? = nil, ownerIDs: [UserID] = []
    ) {
        self.title = title
        self.description = description
        self.clientID = clientID
        self.location = location
        self.region = region
        self.remotePolicy = remotePolicy
        self.remoteScope = remoteScope
        self.employmentType = employmentType
        self.pay = pay
        self.requiredSkills = requiredSkills
        self.seniority = seniority
        self.startDate = startDate
        self.durationWeeks = durationWeeks
        self.openings = openings
        self.status = status
        self.practiceID = practiceID
        self.ownerIDs = ownerIDs
    }

    public func validate(today: LocalDate) throws(RapportError) {
        var validator = Validator()
        validator.text("title", title, maxLength: 200)
        validator.text("description", description, required: false, maxLength: 50_000)
        validator.nested("location") { location.validate(&$0) }
        if let remoteScope {
            if remotePolicy == .remote {
                validator.nested("remoteScope") { remoteScope.validate(&$0) }
            } else {
                validator.fail("remoteScope", "is only allowed when remotePolicy is remote")
            }
        }
        if let pay { validator.nested("pay") { pay.validate(&$0) } }
        if requiredSkills.isEmpty { validator.fail("requiredSkills", "must name at least one skill") }
        if requiredSkills.count > 40 { validator.fail("requiredSkills", "must have at most 40 entries") }
        var seen: Set<SkillID> = []
        for (index, skill) in requiredSkills.enumerated() {
            if !seen.insert(skill.skillID).inserted {
                validator.fail("requiredSkills[\(index)].skillID", "repeats skill \(skill.skillID); list each skill once")
            }
            validator.nested("requiredSkills[\(index)]") { item in
                item.range("minimumLevel", skill.minimumLevel, 1...5, "must be a level from 1 to 5")
                if !skill.minimumYears.isFinite || skill.minimumYears < 0 || skill.minimumYears > 40 {
                    item.fail("minimumYears", "must be a number of years from 0 to 40")
                }
                item.range("weight", skill.weight, 1...10, "must be a weight from 1 to 10")
            }
        }
        if let startDate, startDate < today.adding(days: -366) || startDate > today.adding(days: 2 * 366) {
            validator.fail("startDate", "must be within a year before and two years after today (\(today))")
        }
        if let durationWeeks { validator.range("durationWeeks", durationWeeks, 1...260, "must be from 1 to 260 weeks") }
        if employmentType == .permanent && durationWeeks != nil {
            validator.fail("durationWeeks", "is only allowed for contract and contract_to_hire jobs")
        }
        validator.range("openings", openings, 1...500, "must be from 1 to 500")
        if ownerIDs.count > 20 { validator.fail("ownerIDs", "must have at most 20 entries") }
        if Set(ownerIDs).count != ownerIDs.count { validator.fail("ownerIDs", "must not repeat a user") }
        try validator.check()
    }
}

extension JobDetails {
    /// The currency and unit a placement in this job is paid in: the band's, or, when the pay was not disclosed, the
    /// region's currency by the year for a permanent role and by the day for a contract.
    public var placementPayTerms: (currency: Currency, unit: PayUnit) {
        pay.map { ($0.minimum.currency, $0.minimum.unit) } ?? (region.currency, employmentType == .permanent ? .year : .day)
    }
}
