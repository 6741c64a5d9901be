/// Something a person told us about a role they turned down, kept on their profile as a soft signal: a later role
/// alike in that way ranks lower for them, and the explanation says why. Never a deal-breaker: people change their
/// minds, and one "no" says less than a stated wish.
public struct FeedbackSignal: Hashable, Sendable {
    /// What the person said was wrong with the role.
    public enum Reason: String, CaseIterable, Codable, Sendable {
        case pay
        case stack
        case location
        case seniority
        case company

        /// The signal a decline's reason gives; nil for reasons that say nothing about other roles ("happy where I am").
        public init?(_ decline: DeclineReason) {
            switch decline {
            case .pay: self = .pay
            case .skills: self = .stack
            case .location, .remote: self = .location
            case .seniority: self = .seniority
            case .company: self = .company
            case .happyWhereIAm, .employmentType, .other: return nil
            }
        }
    }

    public var reason: Reason
    public var jobID: JobID
    /// The role turned down, as it was then.
    public var title: String
    public var clientID: ClientID
    public var skills: [SkillID]
    public var seniority: Seniority
    /// Its city when it was not remote.
    public var city: String?
    public var payMaximum: Money?
    public var on: LocalDate

    public init(
        reason: Reason, jobID: JobID, title: String, clientID: ClientID, skills: [SkillID], seniority: Seniority, city: String?,
        payMaximum: Money?, on: LocalDate
    ) {
        self.reason = reason
        self.jobID = jobID
        self.title = title
        self.clientID = clientID
        self.skills = skills
        self.seniority = seniority
        self.city = city
        self.payMaximum = payMaximum
        self.on = on
    }

    /// The signal a turned-down job leaves, as the job was when it was turned down.
    public init(reason: Reason, job: JobID, details: JobDetails, on: LocalDate) {
        self.init(reason: reason, jobID: job, title: details.title, clientID: details.clientID,
                  skills: details.requiredSkills.map(\.skillID), seniority: details.seniority,
                  city: details.remotePolicy == .remote ? nil : details.location.city, payMaximum: details.pay?.maximum, on: on)
    }

    /// How much one echo of it lowers a fit, and the least all of them together leave.
    public static let factor = 0.85
    public static let floor = 0.6
    /// Only the latest signals count.
    public static let counted = 20

    /// Whether `job` is like the role turned down in the way the person said: it pays no more (within 5%), asks for
    /// much the same skills (half or more of the two lists together), is on site or hybrid in the same city, is at the
    /// same level, or is at the same company.
    public func resembles(_ job: JobDetails, rates: ExchangeRates) -> Bool {
        switch reason {
        case .pay:
            guard let before = payMaximum, let offered = job.pay?.maximum,
                  let converted = rates.convert(offered, to: before.currency, per: before.unit) else { return false }
            return Double(converted.minorUnits) <= Double(before.minorUnits) * 1.05
        case .stack:
            let before = Set(skills)
            let now = Set(job.requiredSkills.map(\.skillID))
            let union = before.union(now).count
            return union > 0 && before.intersection(now).count * 2 >= union
        case .location:
            guard let city, job.remotePolicy != .remote, let jobCity = job.location.city else { return false }
            return city.equalsIgnoringCase(jobCity)
        case .seniority:
            return job.seniority == seniority
        case .company:
            return job.clientID == clientID
        }
    }

    /// The fit's multiplier for the signals `job` echoes, with the echoes: 0.85 for each, at least 0.6.
    public static func echoes(_ signals: [FeedbackSignal], of job: JobDetails, rates: ExchangeRates) -> (factor: Double, echoes: [FeedbackSignal]) {
        let echoes = signals.suffix(counted).filter { $0.resembles(job, rates: rates) }
        var factor = 1.0
        for _ in echoes { factor *= Self.factor }
        return (max(floor, factor), echoes)
    }

    /// "You told us the pay of Senior Java Developer was too low, and this role pays no more."
    public var forCandidate: String {
        switch reason {
        case .pay: "You told us the pay of \(title) was too low, and this role pays no more."
        case .stack: "You told us the stack of \(title) was not for you, and this role's is much the same."
        case .location: "You told us \(city ?? "the place") did not suit you for \(title), and this role is there too."
        case .seniority: "You told us \(title) was the wrong level for you, and this role is at the same level."
        case .company: "You told us you do not want roles at the company behind \(title)."
        }
    }

    /// "Turned down Senior Java Developer on 2026-11-02 for its pay; this role is alike."
    public var forRecruiter: String {
        let what = switch reason {
        case .pay: "its pay"
        case .stack: "its stack"
        case .location: "its location"
        case .seniority: "its level"
        case .company: "the company"
        }
        return "Turned down \(title) on \(on) for \(what); this role is alike."
    }
}
