import Foundation

/// Why a candidate may not be pitched a job: one of their own deal-breakers, a contact rule or the job itself.
///
/// Eligibility comes before any score: an ineligible candidate is never pitched, whatever the fit.
public enum IneligibilityReason: Hashable, Sendable {
    case jobNotOpen(JobStatus)
    /// The posting has no real title, or no description and only generic skills: nobody is pitched it.
    case incompletePosting
    /// The job belongs to another profession than any the person works in or neighbours one.
    case otherProfession(job: RoleFamily, candidate: [RoleFamily])
    case employmentType(job: EmploymentType, wanted: [EmploymentType])
    /// The person wants full-time work and the job is part-time, or the other way round.
    case workingHours(job: WorkingHours, wanted: WorkingHours)
    /// The job pays by the task or piece; the person wants permanent work only, or full-time hours.
    case piecework
    /// The job's top rate, converted into the candidate's currency and unit, is below their minimum.
    case payBelowMinimum(jobMaximum: Money, converted: Money, minimum: Money)
    /// The person hears only of roles that state their pay, and this job's is not disclosed.
    case payNotDisclosed
    /// The job is unpaid or pays in equity only; the person gave a minimum pay or asked for stated pay.
    case unpaid
    case remoteOnly(job: RemotePolicy)
    case location(job: Location, candidate: Location)
    /// A remote job open to people in some countries only; the person lives in another, and the client does not
    /// engage contractors abroad.
    case remoteCountry(allowed: [String], candidate: String)
    /// A remote job that asks for hours of overlap with its time zones; the person's working day shares fewer.
    case timeZoneOverlap(hours: Double, needed: Int, zones: [String])
    /// The job employs locally, in this country (ISO 3166-1 alpha-2), and the person has no right to work there.
    case noRightToWork(country: String)
    case notLooking(until: LocalDate?)
    case onAssignment(until: LocalDate?, jobStart: LocalDate)
    case startsTooEarly(jobStart: LocalDate, earliestStart: LocalDate)
    case clientAvoided(ClientID)
    case industryAvoided(String)
    case doNotContact
    case optedOut
    case consentMissing(region: Region, purpose: ConsentRecord.Purpose)

    /// A stable code for the API and for counting.
    public var code: String {
        switch self {
        case .jobNotOpen: "job_not_open"
        case .otherProfession: "other_profession"
        case .incompletePosting: "incomplete_posting"
        case .workingHours: "working_hours"
        case .piecework: "piecework"
        case .unpaid: "unpaid"
        case .employmentType: "employment_type"
        case .payBelowMinimum: "pay_below_minimum"
        case .payNotDisclosed: "pay_not_disclosed"
        case .remoteOnly: "remote_only"
        case .location: "location"
        case .remoteCountry: "remote_country"
        case .timeZoneOverlap: "time_zone_overlap"
        case .noRightToWork: "no_right_to_work"
        case .notLooking: "not_looking"
        case .onAssignment: "on_assignment"
        case .startsTooEarly: "starts_too_early"
        case .clientAvoided: "client_avoided"
        case .industryAvoided: "industry_avoided"
        case .doNotContact: "do_not_contact"
        case .optedOut: "opted_out"
        case .consentMissing: "consent_missing"
        }
    }

    /// Every code, in the order the rules run.
    public static let codes = [
        "job_not_open", "incomplete_posting", "do_not_contact", "opted_out", "consent_missing", "other_profession", "employment_type",
        "working_hours", "piecework", "pay_below_minimum", "pay_not_disclosed", "unpaid", "remote_only", "location", "remote_country",
        "time_zone_overlap", "no_right_to_work", "not_looking", "on_assignment", "starts_too_early", "client_avoided", "industry_avoided",
    ]

    /// The reason as a recruiter reads it.
    public var forRecruiter: String {
        switch self {
        case .jobNotOpen(let status):
            "The job is \(status.rawValue.replacingOccurrences(of: "_", with: " ")), not open."
        case .incompletePosting:
            "The posting has no real title, or no description and only generic skills; complete it before pitching anyone."
        case .workingHours(let job, let wanted):
            "Wants \(wanted.phrase) work; this job is \(job.phrase)."
        case .piecework:
            "Wants steady work; this job pays by the task or piece."
        case .unpaid:
            "Expects to be paid; this job is unpaid or pays in equity only."
        case .otherProfession(let job, let candidate):
            "Works in \(Self.list(candidate.map(\.phrase), conjunction: "and")); the role is in \(job.phrase), another profession."
        case .employmentType(let job, let wanted):
            "Wants \(Self.list(wanted.map(\.phrase))) work; this job is \(job.phrase)."
        case .payBelowMinimum(let jobMaximum, let converted, let minimum):
            "Minimum is \(minimum.formatted); the job pays at most \(jobMaximum.formatted) (≈ \(converted.formatted))."
        case .payNotDisclosed:
            "Only hears of roles that state their pay; this job's pay is not disclosed."
        case .remoteOnly(let job):
            "Only takes remote work; this job is \(job.rawValue)."
        case .location(let job, let candidate):
            "Lives in \(candidate.phrase), is not open to relocating, and the job is on site in \(job.phrase)."
        case .remoteCountry(let allowed, let candidate):
            "Lives in \(Country.name(candidate)); this remote job is open \(RemoteScope.countries(allowed).phrase) only."
        case .timeZoneOverlap(let hours, let needed, let zones):
            "Their working day shares \(Self.hours(hours)) with \(zones.joined(separator: " or ")); the job asks for \(needed)."
        case .noRightToWork(let country):
            "No right to work in \(Self.countryName(country)) on record."
        case .notLooking(let until):
            until.map { "Not looking until \($0)." } ?? "Not looking for a new role."
        case .onAssignment(let until, let jobStart):
            until.map { "On assignment until \($0); the job needs someone by \(jobStart)." }
                ?? "On assignment with no end date."
        case .startsTooEarly(let jobStart, let earliestStart):
            "Can start from \(earliestStart); the job starts \(jobStart)."
        case .clientAvoided:
            "Has asked not to be put forward to this client."
        case .industryAvoided(let industry):
            "Avoids the \(industry) industry."
        case .doNotContact:
            "Asked not to be contacted."
        case .optedOut:
            "Withdrew consent to job marketing."
        case .consentMissing(let region, let purpose):
            "\(region.name) requires recorded \(purpose.phrase) consent, and there is none."
        }
    }

    /// The same reason told to the candidate, in their own terms.
    public var forCandidate: String {
        switch self {
        case .jobNotOpen: "This role is no longer open."
        case .incompletePosting: "The posting for this role is incomplete."
        case .workingHours(let job, let wanted): "You asked for \(wanted.phrase) work, and this role is \(job.phrase)."
        case .piecework: "It pays by the task or piece, and you asked for steady work."
        case .unpaid: "It is unpaid or pays in equity only, and you told us what you need to be paid."
        case .otherProfession(let job, let candidate):
            "It is a role in \(job.phrase), and you work in \(Self.list(candidate.map(\.phrase), conjunction: "and"))."
        case .employmentType(let job, let wanted):
            "You told us you want \(Self.list(wanted.map(\.phrase))) work, and this role is \(job.phrase)."
        case .payBelowMinimum(_, _, let minimum):
            "It pays less than your minimum of \(minimum.formatted)."
        case .payNotDisclosed: "You asked only for roles that state their pay, and this one's pay is not disclosed."
        case .remoteOnly: "You asked for remote work only, and this role is not fully remote."
        case .location(let job, _): "It is based in \(job.phrase) and you are not looking to relocate."
        case .remoteCountry(let allowed, _): "It can only be done \(RemoteScope.countries(allowed).phrase)."
        case .timeZoneOverlap(let hours, let needed, _):
            "It needs \(needed) hours of your working day shared with the team's, and your time zone shares \(Self.hours(hours))."
        case .noRightToWork(let country): "We have no record of your right to work in \(Self.countryName(country))."
        case .notLooking(let until): until.map { "You asked for a break from roles until \($0)." } ?? "You are not looking."
        case .onAssignment(let until, _):
            until.map { "Your current assignment runs until \($0), after this role starts." } ?? "You are on assignment."
        case .startsTooEarly(_, let earliestStart): "It starts before you can (from \(earliestStart))."
        case .clientAvoided: "You asked us not to put you forward to this company."
        case .industryAvoided(let industry): "You asked to avoid the \(industry) industry."
        case .doNotContact: "You asked us not to contact you."
        case .optedOut: "You opted out of hearing about roles."
        case .consentMissing: "We need your permission before we send you roles."
        }
    }

    /// "United Kingdom" for the four desks' countries, as the desks are named; the locale's name for any other.
    private static func countryName(_ code: String) -> String {
        Region(country: code)?.name ?? Country.name(code)
    }

    /// "no hours", "1 hour", "2.5 hours".
    private static func hours(_ hours: Double) -> String {
        if hours <= 0 { return "no hours" }
        let text = hours == hours.rounded() ? String(Int(hours)) : String(format: "%.1f", hours)
        return hours == 1 ? "1 hour" : "\(text) hours"
    }

    private static func list(_ items: [String], conjunction: String = "or") -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " \(conjunction) " + items[items.count - 1]
        }
    }
}

/// The rule set that decides whether a candidate may be pitched a job, with every failing reason.
///
/// Pure: the caller passes today's date and the rates, so a decision can be replayed and tested.
public struct EligibilityRules: Sendable {
    public var rates: ExchangeRates
    /// How late after the job's start a candidate's earliest start may be (a notice period is normal).
    public var startSlackDays: Int
    /// How soon a job without a start date is assumed to start.
    public var assumedStartDays: Int

    public init(rates: ExchangeRates = .standard, startSlackDays: Int = 14, assumedStartDays: Int = 28) {
        self.rates = rates
        self.startSlackDays = startSlackDays
        self.assumedStartDays = assumedStartDays
    }

    /// Every reason the candidate may not be pitched the job; empty when they are eligible. `professions` are the
    /// job's and the person's, derived by the caller (`RoleFamilies`); unknown ones pass. `flags` are the posting's
    /// (`PostingFlag.detect`), which the caller keeps too: reading a long description for every candidate would cost.
    public func reasons(
        _ candidate: CandidateProfile, for job: JobDetails, clientIndustry: String?, today: LocalDate,
        professions: Professions = .unknown, flags: PostingFlags = []
    ) -> [IneligibilityReason] {
        var reasons: [IneligibilityReason] = []
        evaluate(candidate, job, clientIndustry: clientIndustry, today: today, professions: professions, flags: flags, stopAtFirst: false,
                 into: &reasons)
        return reasons
    }

    /// The same decision without the reasons, stopping at the first failure: the match index asks it for every
    /// candidate that could enter a top-k, so it allocates nothing when the candidate is eligible.
    public func isEligible(
        _ candidate: CandidateProfile, for job: JobDetails, clientIndustry: String?, today: LocalDate, professions: Professions = .unknown,
        flags: PostingFlags = []
    ) -> Bool {
        var reasons: [IneligibilityReason] = []
        evaluate(candidate, job, clientIndustry: clientIndustry, today: today, professions: professions, flags: flags, stopAtFirst: true,
                 into: &reasons)
        return reasons.isEmpty
    }

    /// Reasons that forbid any job pitch at all, whatever the job: do-not-contact, opt-out, missing consent.
    public func contactReasons(_ candidate: CandidateProfile, region: Region) -> [IneligibilityReason] {
        var reasons: [IneligibilityReason] = []
        checkContact(candidate, region: region, stopAtFirst: false, into: &reasons)
        return reasons
    }

    /// One pass over the rules in a fixed order, so the reasons always read in the same order.
    private func evaluate(
        _ candidate: CandidateProfile, _ job: JobDetails, clientIndustry: String?, today: LocalDate, professions: Professions,
        flags: PostingFlags, stopAtFirst: Bool, into reasons: inout [IneligibilityReason]
    ) {
        func fail(_ reason: IneligibilityReason) -> Bool {
            reasons.append(reason)
            return stopAtFirst
        }
        if job.status != .open, fail(.jobNotOpen(job.status)) { return }
        if flags.contains(.incomplete), fail(.incompletePosting) { return }
        checkContact(candidate, region: job.region, stopAtFirst: stopAtFirst, into: &reasons)
        if stopAtFirst && !reasons.isEmpty { return }
        if professions.isOtherProfession, let family = professions.job,
           fail(.otherProfession(job: family, candidate: professions.candidate.families)) { return }
        let goals = candidate.goals
        if !accepts(goals.employmentTypes, job.employmentType),
           fail(.employmentType(job: job.employmentType, wanted: goals.employmentTypes)) { return }
        let hours: WorkingHours = flags.contains(.partTime) ? .partTime : .fullTime
        if let wanted = goals.workingHours, wanted != hours, fail(.workingHours(job: hours, wanted: wanted)) { return }
        if flags.contains(.piecework), goals.employmentTypes == [.permanent] || goals.workingHours == .fullTime,
           fail(.piecework) { return }
        // Pay the client has not disclosed cannot be below anyone's minimum.
        if let minimum = goals.minimumPay, let pay = job.pay,
           let converted = rates.convert(pay.maximum, to: minimum.currency, per: minimum.unit),
           converted.minorUnits < minimum.minorUnits,
           fail(.payBelowMinimum(jobMaximum: pay.maximum, converted: converted, minimum: minimum)) { return }
        if job.pay == nil && goals.requiresDisclosedPay, fail(.payNotDisclosed) { return }
        if flags.contains(.unpaid), goals.minimumPay != nil || goals.requiresDisclosedPay, fail(.unpaid) { return }
        if job.remotePolicy != .remote {
            if candidate.remotePreference == .remoteOnly {
                if fail(.remoteOnly(job: job.remotePolicy)) { return }
            } else if !candidate.openToRelocation && !candidate.location.isSameCity(as: job.location),
                      fail(.location(job: job.location, candidate: candidate.location)) { return }
        }
        if let reason = whereFrom(candidate, job, today: today), fail(reason) { return }
        let start = max(job.startDate ?? today.adding(days: assumedStartDays), today)
        let availability = candidate.availability
        switch availability.status {
        case .active, .passive:
            break
        case .notLooking:
            if availability.until.map({ $0 > today }) ?? true, fail(.notLooking(until: availability.until)) { return }
        case .onAssignment:
            if availability.until.map({ $0 > start }) ?? true,
               fail(.onAssignment(until: availability.until, jobStart: start)) { return }
        }
        if let earliest = goals.earliestStart, earliest > start.adding(days: startSlackDays),
           fail(.startsTooEarly(jobStart: start, earliestStart: earliest)) { return }
        if goals.clientsAvoided.contains(job.clientID), fail(.clientAvoided(job.clientID)) { return }
        if let industry = clientIndustry, let avoided = goals.industriesAvoided.first(where: { $0.equalsIgnoringCase(industry) }),
           fail(.industryAvoided(avoided)) { return }
    }

    private func checkContact(
        _ candidate: CandidateProfile, region: Region, stopAtFirst: Bool, into reasons: inout [IneligibilityReason]
    ) {
        if candidate.contactPreferences.doNotContact {
            reasons.append(.doNotContact)
            if stopAtFirst { return }
        }
        var marketingRecorded = false
        var marketingActive = false
        for consent in candidate.consents where consent.purpose == .directMarketing {
            marketingRecorded = true
            marketingActive = marketingActive || consent.withdrawnAt == nil
        }
        let optedOut = marketingRecorded && !marketingActive
        if optedOut {
            reasons.append(.optedOut)
            if stopAtFirst { return }
        }
        for purpose in region.consentsRequiredForPitches {
            let recorded = candidate.consents.contains { $0.purpose == purpose && $0.withdrawnAt == nil }
            if !recorded && !(purpose == .directMarketing && optedOut) {
                reasons.append(.consentMissing(region: region, purpose: purpose))
                if stopAtFirst { return }
            }
        }
    }

    private func accepts(_ wanted: [EmploymentType], _ offered: EmploymentType) -> Bool {
        if wanted.isEmpty || wanted.contains(offered) { return true }
        // Contract-to-hire is both a contract and a route to a permanent job: whoever wants both can take it.
        return offered == .contractToHire && wanted.contains(.contract) && wanted.contains(.permanent)
    }

    /// Whether the person may do the job from where they are. Work rights are asked only where the job employs
    /// locally: on site, hybrid, or remote with no scope stated (taken as within the job's country). A remote job
    /// from anywhere asks for none; one from some countries asks that the person lives in one of them, unless the
    /// client engages contractors abroad; one within time zones asks for the hours of overlap, wherever they live.
    private func whereFrom(_ candidate: CandidateProfile, _ job: JobDetails, today: LocalDate) -> IneligibilityReason? {
        guard job.remotePolicy == .remote, let scope = job.remoteScope else {
            return mayWork(candidate, in: job.location.country) ? nil : .noRightToWork(country: job.location.country)
        }
        switch scope.area {
        case .anywhere:
            return nil
        case .countries:
            if scope.engagesContractorsAbroad || scope.countries.contains(candidate.location.country) { return nil }
            return .remoteCountry(allowed: scope.countries, candidate: candidate.location.country)
        case .timeZones:
            let needed = scope.overlapHours ?? 0
            let shared = scope.timeZones.map { WorkingDay.overlapHours(candidate.timeZone, $0, on: today) }.max() ?? 0
            return shared >= Double(needed) ? nil : .timeZoneOverlap(hours: shared, needed: needed, zones: scope.timeZones)
        }
    }

    /// A recorded authorisation for the country's desk decides: one that needs no sponsorship. With none recorded for
    /// it (and none can be for a country without a desk), the person may work in the country they live in.
    private func mayWork(_ candidate: CandidateProfile, in country: String) -> Bool {
        if let region = Region(country: country) {
            let recorded = candidate.workAuthorisations.filter { $0.region == region }
            if !recorded.isEmpty { return recorded.contains { $0.status != .requiresSponsorship } }
        }
        return candidate.location.country == country
    }
}

extension Region {
    /// Consents a region's law requires before a job pitch: Hong Kong's PDPO requires opt-in consent for direct
    /// marketing; under UK GDPR we require a recorded basis for processing the candidate's data.
    public var consentsRequiredForPitches: [ConsentRecord.Purpose] {
        switch self {
        case .hk: [.directMarketing]
        case .uk: [.dataProcessing]
        case .us, .nz: []
        }
    }
}

extension Location {
    /// Both cities known and the same; an unknown city is no city's.
    func isSameCity(as other: Location) -> Bool {
        guard let city, let otherCity = other.city else { return false }
        return city.equalsIgnoringCase(otherCity) && country.equalsIgnoringCase(other.country)
    }
}

extension EmploymentType {
    /// How a person says it: "contract-to-hire".
    public var phrase: String {
        switch self {
        case .contract: "contract"
        case .contractToHire: "contract-to-hire"
        case .permanent: "permanent"
        }
    }
}

extension ConsentRecord.Purpose {
    var phrase: String {
        switch self {
        case .dataProcessing: "data-processing"
        case .directMarketing: "direct-marketing"
        case .shareWithClients: "share-with-clients"
        }
    }
}

extension Money {
    /// "GBP 650/day", "USD 145,000/year": unambiguous across the four currencies.
    public var formatted: String {
        let major = minorUnits / currency.minorUnitsPerMajor
        let minor = minorUnits % currency.minorUnitsPerMajor
        var digits = String(major)
        var index = digits.count - 3
        while index > 0 {
            digits.insert(",", at: digits.index(digits.startIndex, offsetBy: index))
            index -= 3
        }
        let cents = minor == 0 ? "" : "." + (minor < 10 ? "0\(minor)" : "\(minor)")
        return "\(currency.rawValue) \(digits)\(cents)/\(unit.rawValue)"
    }
}

extension String {
    /// Case-insensitive equality that answers most unequal pairs from their lengths, without Foundation's
    /// locale-aware comparison (the match index asks it for thousands of candidates a query).
    func equalsIgnoringCase(_ other: String) -> Bool {
        if self == other { return true }
        if utf8.count != other.utf8.count && allSatisfy(\.isASCII) && other.allSatisfy(\.isASCII) { return false }
        return lowercased() == other.lowercased()
    }
}
