import Foundation
import RapportCore
import Testing

/// A London contractor and a London contract job that fit each other, to break one deal-breaker at a time.
private enum Fixture {
    static let today = LocalDate(year: 2026, month: 11, day: 28)!
    static let recorded = Date(timeIntervalSince1970: 1_780_000_000)

    static var candidate: CandidateProfile {
        CandidateProfile(
            name: "Priya Shah", email: "priya@example.test", location: Location(city: "London", country: "GB"),
            timeZone: "Europe/London", region: .uk, remotePreference: .hybrid,
            workAuthorisations: [WorkAuthorisation(region: .uk, status: .citizen)],
            goals: CareerGoals(employmentTypes: [.contract], minimumPay: Money(major: 600, .gbp, per: .day)),
            availability: Availability(status: .active),
            consents: [ConsentRecord(purpose: .dataProcessing, recordedAt: recorded, method: "form", legalBasis: .legitimateInterests)]
        )
    }

    static var job: JobDetails {
        JobDetails(
            title: "Platform Engineer", clientID: ClientID(7), location: Location(city: "London", country: "GB"), region: .uk,
            remotePolicy: .hybrid, employmentType: .contract,
            pay: PayRange(minimum: Money(major: 550, .gbp, per: .day), maximum: Money(major: 700, .gbp, per: .day)),
            requiredSkills: [JobSkill(skillID: SkillID(1))], seniority: .senior, startDate: LocalDate(year: 2027, month: 1, day: 4)
        )
    }

    static func reasons(_ candidate: CandidateProfile = candidate, _ job: JobDetails = job, industry: String? = "Banking") -> [String] {
        EligibilityRules().reasons(candidate, for: job, clientIndustry: industry, today: today, professions: professions(candidate, job),
                                   flags: PostingFlag.detect(job, onlyGenericSkills: false)).map(\.code)
    }

    /// Professions from the titles alone, as the match index derives them without a taxonomy.
    static func professions(_ candidate: CandidateProfile, _ job: JobDetails) -> Professions {
        Professions(job: RoleFamilies.job(title: job.title, skillCategories: []),
                    candidate: RoleFamilies.person(titles: RoleFamilies.titles(of: candidate), skillCategories: []))
    }
}

@Suite("Eligibility")
struct EligibilityTests {
    @Test("a candidate whose every wish the job meets is eligible")
    func eligible() {
        #expect(Fixture.reasons() == [])
        #expect(EligibilityRules().isEligible(Fixture.candidate, for: Fixture.job, clientIndustry: "Banking", today: Fixture.today))
    }

    static let dealBreakers = [
        "employment_type", "pay_below_minimum", "remote_only", "location", "no_right_to_work", "not_looking", "on_assignment",
        "starts_too_early", "client_avoided", "industry_avoided", "do_not_contact", "opted_out", "consent_missing", "job_not_open",
        "remote_country", "time_zone_overlap", "pay_not_disclosed", "other_profession", "incomplete_posting", "working_hours",
        "piecework", "unpaid",
    ]

    @Test("each deal-breaker makes the candidate ineligible with its own reason", arguments: dealBreakers)
    func dealBreaker(code: String) {
        var candidate = Fixture.candidate
        var job = Fixture.job
        switch code {
        case "employment_type": candidate.goals.employmentTypes = [.permanent]
        case "pay_below_minimum": candidate.goals.minimumPay = Money(major: 800, .gbp, per: .day)
        case "remote_only": candidate.remotePreference = .remoteOnly
        case "location": candidate.location = Location(city: "Manchester", country: "GB")
        case "no_right_to_work": candidate.workAuthorisations = [WorkAuthorisation(region: .uk, status: .requiresSponsorship)]
        case "not_looking": candidate.availability = Availability(status: .notLooking, until: LocalDate(year: 2027, month: 3, day: 1))
        case "on_assignment": candidate.availability = Availability(status: .onAssignment, until: LocalDate(year: 2027, month: 6, day: 30))
        case "starts_too_early": candidate.goals.earliestStart = LocalDate(year: 2027, month: 4, day: 1)
        case "client_avoided": candidate.goals.clientsAvoided = [ClientID(7)]
        case "industry_avoided": candidate.goals.industriesAvoided = ["banking"]
        case "do_not_contact": candidate.contactPreferences.doNotContact = true
        case "opted_out":
            candidate.consents.append(ConsentRecord(purpose: .directMarketing, recordedAt: Fixture.recorded, method: "form",
                                                    legalBasis: .consent, withdrawnAt: Fixture.recorded))
        case "consent_missing": candidate.consents = []
        case "job_not_open": job.status = .onHold
        case "other_profession": candidate.goals.targetRoles = ["Growth Marketer"]
        case "incomplete_posting": job.title = "URGENT HIRING!!"
        case "working_hours":
            job.description = "A part-time role, 20 hours per week."
            candidate.goals.workingHours = .fullTime
        case "piecework":
            job.description = "Paid per ticket closed."
            candidate.goals.workingHours = .fullTime
        case "unpaid": job.description = "An equity-only role for the right person."
        case "pay_not_disclosed":
            job.pay = nil
            candidate.goals.requiresDisclosedPay = true
        case "remote_country":
            job.remotePolicy = .remote
            job.remoteScope = .countries(["US", "CA"])
        case "time_zone_overlap":
            job.remotePolicy = .remote
            job.remoteScope = .timeZones(["America/Los_Angeles"], overlapHours: 2)
        default: Issue.record("no fixture for \(code)")
        }
        #expect(Fixture.reasons(candidate, job) == [code])
        #expect(!EligibilityRules().isEligible(candidate, for: job, clientIndustry: "Banking", today: Fixture.today,
                                               professions: Fixture.professions(candidate, job),
                                               flags: PostingFlag.detect(job, onlyGenericSkills: false)))
    }

    @Test("pay compares across currencies and units with the dated rates table")
    func payAcrossCurrencies() {
        var candidate = Fixture.candidate
        // NZD 1,300 a day is about GBP 590 at 0.78/1.72: the job's GBP 700 clears it; NZD 1,700 (≈ GBP 771) does not.
        candidate.goals.minimumPay = Money(major: 1_300, .nzd, per: .day)
        #expect(Fixture.reasons(candidate) == [])
        candidate.goals.minimumPay = Money(major: 1_700, .nzd, per: .day)
        #expect(Fixture.reasons(candidate) == ["pay_below_minimum"])
        // GBP 700 a day × 220 days = GBP 154,000 a year.
        candidate.goals.minimumPay = Money(major: 150_000, .gbp, per: .year)
        #expect(Fixture.reasons(candidate) == [])
        candidate.goals.minimumPay = Money(major: 160_000, .gbp, per: .year)
        #expect(Fixture.reasons(candidate) == ["pay_below_minimum"])
    }

    @Test("pay the client has not disclosed is never below anyone's minimum")
    func undisclosedPay() throws {
        var job = Fixture.job
        job.pay = nil
        var candidate = Fixture.candidate
        candidate.goals.minimumPay = Money(major: 5_000, .gbp, per: .day)
        #expect(Fixture.reasons(candidate, job) == [])
        try job.validate(today: Fixture.today)
    }

    @Test("another profession is refused in both voices; a neighbouring one and an unknown one pass")
    func professions() throws {
        var candidate = Fixture.candidate
        candidate.goals.targetRoles = ["Senior TypeScript Engineer"]
        candidate.headline = "Full-stack engineer, React and Node"
        var job = Fixture.job
        job.title = "Mechanical Design Engineer"
        let reasons = EligibilityRules().reasons(candidate, for: job, clientIndustry: nil, today: Fixture.today,
                                                 professions: Fixture.professions(candidate, job))
        let reason = try #require(reasons.first)
        #expect(reasons.count == 1)
        #expect(reason.forRecruiter == "Works in software engineering; the role is in hardware and mechanical engineering, another profession.")
        #expect(reason.forCandidate == "It is a role in hardware and mechanical engineering, and you work in software engineering.")
        // Platform work neighbours software engineering; a title that names no profession passes.
        job.title = "Platform Engineer"
        #expect(Fixture.reasons(candidate, job) == [])
        job.title = "Consultant"
        #expect(Fixture.reasons(candidate, job) == [])
        // Someone whose titles say nothing is in no known profession, so nothing is refused on it.
        candidate.goals.targetRoles = []
        candidate.headline = ""
        job.title = "Growth Marketing Manager"
        #expect(Fixture.reasons(candidate, job) == [])
    }

    @Test("a person may make undisclosed pay a deal-breaker of their own; stated pay passes it, and both voices say why")
    func disclosedPayRequired() throws {
        var candidate = Fixture.candidate
        candidate.goals.requiresDisclosedPay = true
        #expect(Fixture.reasons(candidate) == [])
        var job = Fixture.job
        job.pay = nil
        let reasons = EligibilityRules().reasons(candidate, for: job, clientIndustry: nil, today: Fixture.today)
        let reason = try #require(reasons.first)
        #expect(reasons.count == 1)
        #expect(reason.code == "pay_not_disclosed")
        #expect(reason.forRecruiter.contains("pay is not disclosed"))
        #expect(reason.forCandidate.contains("pay is not disclosed"))
    }

    @Test("a person whose city nobody knows is in no city: an on-site job elsewhere-or-anywhere rules them out unless they relocate")
    func unknownCity() {
        var candidate = Fixture.candidate
        candidate.location = Location(city: nil, country: "GB")
        var job = Fixture.job
        #expect(Fixture.reasons(candidate, job) == ["location"])
        job.location = Location(city: nil, country: "GB")
        #expect(Fixture.reasons(candidate, job) == ["location"])
        candidate.openToRelocation = true
        #expect(Fixture.reasons(candidate, job) == [])
    }

    @Test("weekly and monthly pay convert through working days and twelve months, in the added currencies")
    func weeksAndMonths() throws {
        let rates = ExchangeRates.standard
        // A week is five of the 220 working days: GBP 3,000 a week is GBP 132,000 a year.
        #expect(rates.convert(Money(major: 3_000, .gbp, per: .week), to: .gbp, per: .year) == Money(major: 132_000, .gbp, per: .year))
        #expect(rates.convert(Money(major: 10_000, .eur, per: .month), to: .eur, per: .year) == Money(major: 120_000, .eur, per: .year))
        // EUR 0.92 and INR 84.5 to the dollar: EUR 9,200 is USD 10,000 is INR 845,000.
        #expect(rates.convert(Money(major: 9_200, .eur, per: .month), to: .inr, per: .month) == Money(major: 845_000, .inr, per: .month))
        for currency in Currency.allCases { #expect(rates.perUSD[currency] != nil, "no rate for \(currency)") }
        // A job paying CHF per month clears a candidate's yearly GBP minimum when converted, and fails a higher one.
        var job = Fixture.job
        job.pay = PayRange(minimum: Money(major: 9_000, .chf, per: .month), maximum: Money(major: 11_000, .chf, per: .month))
        try job.validate(today: Fixture.today)
        var candidate = Fixture.candidate
        candidate.goals.minimumPay = Money(major: 110_000, .gbp, per: .year)
        #expect(Fixture.reasons(candidate, job) == [])
        candidate.goals.minimumPay = Money(major: 130_000, .gbp, per: .year)
        #expect(Fixture.reasons(candidate, job) == ["pay_below_minimum"])
    }

    @Test("remote jobs suit remote-only people anywhere they may work; relocation opens other cities")
    func remoteAndRelocation() {
        var candidate = Fixture.candidate
        var job = Fixture.job
        candidate.remotePreference = .remoteOnly
        candidate.location = Location(city: "Leeds", country: "GB")
        job.remotePolicy = .remote
        #expect(Fixture.reasons(candidate, job) == [])
        candidate.remotePreference = .onsite
        job.remotePolicy = .onsite
        #expect(Fixture.reasons(candidate, job) == ["location"])
        candidate.openToRelocation = true
        #expect(Fixture.reasons(candidate, job) == [])
    }

    @Test("a remote job from anywhere asks for no work rights; from some countries, that the person lives in one, unless contractors abroad are engaged")
    func remoteScopes() {
        // A Melbourne engineer looked after by the NZ desk, with no work rights recorded; a London job.
        var candidate = Fixture.candidate
        candidate.location = Location(city: "Melbourne", country: "AU")
        candidate.timeZone = "Australia/Melbourne"
        candidate.region = .nz
        candidate.workAuthorisations = []
        var job = Fixture.job
        job.remotePolicy = .remote
        // Remote with no scope stated is remote within the job's country, which employs locally.
        #expect(Fixture.reasons(candidate, job) == ["no_right_to_work"])
        job.remoteScope = .anywhere
        #expect(Fixture.reasons(candidate, job) == [])
        job.remoteScope = .countries(["GB", "IE"])
        #expect(Fixture.reasons(candidate, job) == ["remote_country"])
        job.remoteScope = .countries(["GB", "IE"], contractorsAbroad: true)
        #expect(Fixture.reasons(candidate, job) == [])
        job.remoteScope = .countries(["GB", "AU"])
        #expect(Fixture.reasons(candidate, job) == [])
        // A recorded right in the job's country counts wherever the person lives now.
        job.remoteScope = nil
        candidate.workAuthorisations = [WorkAuthorisation(region: .uk, status: .citizen)]
        #expect(Fixture.reasons(candidate, job) == [])
    }

    @Test("a remote job within time zones asks for hours of overlap, with daylight saving as it is that day, wherever the person lives")
    func timeZoneOverlap() throws {
        var candidate = Fixture.candidate
        var job = Fixture.job
        job.remotePolicy = .remote
        // New York's 09:00-17:00 in December is 14:00-22:00 UTC; London's is 09:00-17:00 UTC: three hours shared.
        job.remoteScope = .timeZones(["America/New_York"], overlapHours: 4)
        let reasons = EligibilityRules().reasons(candidate, for: job, clientIndustry: nil, today: Fixture.today)
        #expect(reasons.map(\.code) == ["time_zone_overlap"])
        #expect(reasons.first?.forRecruiter == "Their working day shares 3 hours with America/New_York; the job asks for 4.")
        #expect(reasons.first?.forCandidate == "It needs 4 hours of your working day shared with the team's, and your time zone shares 3 hours.")
        job.remoteScope = .timeZones(["America/New_York"], overlapHours: 3)
        #expect(Fixture.reasons(candidate, job) == [])
        // The best of the zones listed counts; no work rights are asked, so a person outside every desk qualifies too.
        job.remoteScope = .timeZones(["America/Los_Angeles", "Europe/Berlin"], overlapHours: 6)
        candidate.location = Location(city: "Lisbon", country: "PT")
        candidate.timeZone = "Europe/Lisbon"
        candidate.workAuthorisations = []
        #expect(Fixture.reasons(candidate, job) == [])
        // Auckland's working day is Berlin's night: nothing shared, said so. Los Angeles's afternoon is Auckland's morning.
        candidate.timeZone = "Pacific/Auckland"
        job.remoteScope = .timeZones(["Europe/Berlin"], overlapHours: 2)
        let night = try #require(EligibilityRules().reasons(candidate, for: job, clientIndustry: nil, today: Fixture.today).first)
        #expect(night.forRecruiter == "Their working day shares no hours with Europe/Berlin; the job asks for 2.")
        job.remoteScope = .timeZones(["Europe/Berlin", "America/Los_Angeles"], overlapHours: 5)
        #expect(Fixture.reasons(candidate, job) == [])
        // Half-hour zones: Kolkata (UTC+5:30) and London share two and a half hours in winter, three and a half in summer.
        #expect(WorkingDay.overlapHours("Asia/Kolkata", "Europe/London", on: Fixture.today) == 2.5)
        #expect(WorkingDay.overlapHours("Asia/Kolkata", "Europe/London", on: LocalDate(year: 2027, month: 7, day: 1)!) == 3.5)
        #expect(WorkingDay.overlapHours("Mars/Olympus_Mons", "Europe/London", on: Fixture.today) == 0)
    }

    @Test("people outside the four desks' countries are matched by the same rules: work rights where they live, none recorded elsewhere")
    func outsideTheDesks() throws {
        // A Sydney job looked after by the NZ desk, and a person in Sydney on the NZ desk's books.
        var job = Fixture.job
        job.location = Location(city: "Sydney", country: "AU")
        job.region = .nz
        job.pay = nil
        var candidate = Fixture.candidate
        candidate.location = Location(city: "Sydney", country: "AU")
        candidate.timeZone = "Australia/Sydney"
        candidate.region = .nz
        candidate.workAuthorisations = []
        candidate.consents = []
        #expect(Fixture.reasons(candidate, job) == [])
        // An Aucklander open to moving has no right to work in Australia on record, and is told so by name.
        candidate.location = Location(city: "Auckland", country: "NZ")
        candidate.openToRelocation = true
        let reason = try #require(EligibilityRules().reasons(candidate, for: job, clientIndustry: nil, today: Fixture.today).first)
        #expect(reason == .noRightToWork(country: "AU"))
        #expect(reason.forRecruiter == "No right to work in Australia on record.")
        #expect(reason.forCandidate == "We have no record of your right to work in Australia.")
        // The desk is not where someone lives: an NZ-desk person in Melbourne has no NZ right assumed.
        job.location = Location(city: "Auckland", country: "NZ")
        candidate.location = Location(city: "Melbourne", country: "AU")
        #expect(Fixture.reasons(candidate, job) == ["no_right_to_work"])
        candidate.workAuthorisations = [WorkAuthorisation(region: .nz, status: .citizen)]
        #expect(Fixture.reasons(candidate, job) == [])
    }

    @Test("the codes the document lists are the codes the rules give, each once")
    func codes() {
        #expect(IneligibilityReason.codes.count == Self.dealBreakers.count)
        #expect(Set(IneligibilityReason.codes) == Set(Self.dealBreakers))
    }

    @Test("Hong Kong needs recorded direct-marketing consent; the US needs none")
    func regionalConsent() {
        var candidate = Fixture.candidate
        var job = Fixture.job
        candidate.consents = []
        candidate.region = .hk
        candidate.workAuthorisations = [WorkAuthorisation(region: .hk, status: .permanentResident)]
        candidate.location = Location(city: "Hong Kong", country: "HK")
        candidate.goals.minimumPay = nil
        job.region = .hk
        job.location = candidate.location
        #expect(Fixture.reasons(candidate, job) == ["consent_missing"])
        candidate.consents = [ConsentRecord(purpose: .directMarketing, recordedAt: Fixture.recorded, method: "portal", legalBasis: .consent)]
        #expect(Fixture.reasons(candidate, job) == [])
        candidate.consents = []
        candidate.region = .us
        candidate.workAuthorisations = [WorkAuthorisation(region: .us, status: .citizen)]
        candidate.location = Location(city: "Austin", country: "US")
        job.region = .us
        job.location = candidate.location
        #expect(Fixture.reasons(candidate, job) == [])
    }

    @Test("an assignment ending before the job starts, or a break already over, does not block")
    func timingThatFits() {
        var candidate = Fixture.candidate
        candidate.availability = Availability(status: .onAssignment, until: LocalDate(year: 2026, month: 12, day: 31))
        #expect(Fixture.reasons(candidate) == [])
        candidate.availability = Availability(status: .notLooking, until: LocalDate(year: 2026, month: 11, day: 1))
        #expect(Fixture.reasons(candidate) == [])
    }

    @Test("every reason reads in both voices")
    func voices() {
        var candidate = Fixture.candidate
        candidate.goals.minimumPay = Money(major: 800, .gbp, per: .day)
        let reason = EligibilityRules().reasons(candidate, for: Fixture.job, clientIndustry: nil, today: Fixture.today)[0]
        #expect(reason.forRecruiter == "Minimum is GBP 800/day; the job pays at most GBP 700/day (≈ GBP 700/day).")
        #expect(reason.forCandidate == "It pays less than your minimum of GBP 800/day.")
    }

    @Test("a rates table missing a currency names the field")
    func ratesValidation() {
        var rates = ExchangeRates.standard
        rates.perUSD[.hkd] = nil
        rates.perUSD[.nzd] = -1
        #expect(throws: RapportError.invalid([
            ValidationIssue(field: "rates.perUSD.NZD", message: "must be a positive number"),
            ValidationIssue(field: "rates.perUSD.HKD", message: "is missing; give units of HKD per US dollar"),
        ])) { try rates.validate() }
    }
}
