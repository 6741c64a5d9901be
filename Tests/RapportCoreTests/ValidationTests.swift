import Foundation
import RapportCore
import Testing

/// A valid profile that each test breaks in one way.
func sampleProfile() -> CandidateProfile {
    CandidateProfile(
        name: "Aroha Ngata", email: "aroha@example.com", location: Location(city: "Wellington", country: "NZ"),
        timeZone: "Pacific/Auckland", region: .nz,
        skills: [CandidateSkill(skillID: SkillID(1), level: 4, years: 6, lastUsed: 2026, wantsToGrow: true)],
        goals: CareerGoals(employmentTypes: [.contract], minimumPay: Money(major: 900, .nzd, per: .day)))
}

let today = LocalDate("2026-11-28")!

func issues(_ body: () throws -> Void) -> [ValidationIssue] {
    do {
        try body()
        return []
    } catch {
        guard case .invalid(let issues) = error as? RapportError else { return [] }
        return issues
    }
}

@Suite("Candidate validation")
struct CandidateValidationTests {
    @Test("a complete, sensible profile is valid")
    func valid() {
        #expect(issues { try sampleProfile().validate(today: today) }.isEmpty)
    }

    @Test("a skill level outside 1–5 is named by its path")
    func level() {
        var profile = sampleProfile()
        profile.skills[0].level = 6
        let found = issues { try profile.validate(today: today) }
        #expect(found.map(\.field) == ["skills[0].level"])
        #expect(found.first?.message.contains("1") == true)
    }

    @Test("negative years, a future last-used year and a repeated skill are each reported")
    func severalProblems() {
        var profile = sampleProfile()
        profile.skills[0].years = -1
        profile.skills[0].lastUsed = 2031
        profile.skills.append(profile.skills[0])
        let fields = Set(issues { try profile.validate(today: today) }.map(\.field))
        #expect(fields.isSuperset(of: ["skills[0].years", "skills[0].lastUsed", "skills[1].skillID"]))
    }

    @Test("malformed e-mail addresses are refused", arguments: [
        "", "a@b", "a b@example.com", "@example.com", "a@@example.com", "a@-x.com", "a\u{0}b@example.com", "a\u{200B}b@example.com",
        "a@exam\u{7}ple.com",
    ])
    func email(address: String) {
        var profile = sampleProfile()
        profile.email = address
        #expect(issues { try profile.validate(today: today) }.map(\.field) == ["email"])
    }

    @Test("an unknown time zone is refused")
    func timeZone() {
        var profile = sampleProfile()
        profile.timeZone = "Mars/Olympus_Mons"
        #expect(issues { try profile.validate(today: today) }.map(\.field) == ["timeZone"])
    }

    @Test("not looking needs an until date; active must not have one")
    func availability() {
        var profile = sampleProfile()
        profile.availability = Availability(status: .notLooking)
        #expect(issues { try profile.validate(today: today) }.map(\.field) == ["availability.until"])
        profile.availability = Availability(status: .active, until: today)
        #expect(issues { try profile.validate(today: today) }.map(\.field) == ["availability.until"])
    }

    @Test("a referral names its referrer")
    func referral() {
        var profile = sampleProfile()
        profile.source = CandidateSource(kind: .referral)
        #expect(issues { try profile.validate(today: today) }.map(\.field) == ["source.referrerID"])
    }

    @Test("quiet hours must be HH:MM and the pitch limit 0–30")
    func contactPreferences() {
        var profile = sampleProfile()
        profile.contactPreferences.quietHours = QuietHours(start: "25:00", end: "8am")
        profile.contactPreferences.maxJobPitchesPer30Days = 31
        let fields = Set(issues { try profile.validate(today: today) }.map(\.field))
        #expect(fields == ["contactPreferences.quietHours.start", "contactPreferences.quietHours.end",
                           "contactPreferences.maxJobPitchesPer30Days"])
    }

    @Test("an industry cannot be both wanted and avoided")
    func industries() {
        var profile = sampleProfile()
        profile.goals.industriesWanted = ["Fintech"]
        profile.goals.industriesAvoided = ["fintech"]
        #expect(issues { try profile.validate(today: today) }.map(\.field) == ["goals.industriesAvoided"])
    }

    @Test("career months read as résumés write them, and nothing else", arguments: [
        ("2019", "2019"), ("2019-03", "2019-03"), ("2019-03-15", "2019-03"), ("2019-3", nil), ("2019-13", nil),
        ("2019-02-30", nil), ("Present", nil), ("19", nil), ("", nil), ("2019-03-15T00:00:00Z", nil),
    ] as [(String, String?)])
    func careerMonths(text: String, read: String?) {
        #expect(CareerMonth(text)?.description == read)
    }

    @Test("a year alone sorts before its months")
    func careerMonthOrder() throws {
        #expect(try #require(CareerMonth("2019")) < #require(CareerMonth("2019-01")))
        #expect(try #require(CareerMonth("2019-12")) < #require(CareerMonth("2020")))
    }

    @Test("work history, education, certifications and languages are checked field by field")
    func background() {
        var profile = sampleProfile()
        profile.work = [
            WorkExperience(employer: "Xero", title: "Engineer", start: CareerMonth("2022-05"), end: CareerMonth("2021")),
            WorkExperience(employer: " ", title: "", start: CareerMonth("2030")),
        ]
        profile.education = [Education(institution: "VUW", start: CareerMonth("2015"), end: CareerMonth("2012"))]
        profile.certifications = [Certification(name: "CKA", url: "ftp://example.com/cert")]
        profile.languages = [SpokenLanguage(language: "English", fluency: .native), SpokenLanguage(language: "english")]
        #expect(issues { try profile.validate(today: today) }.map(\.field) == [
            "work[0].end", "work[1].employer", "work[1].start", "education[0].end", "certifications[0].url", "languages[1].language",
        ])
    }

    @Test("over-long text is refused with the limit")
    func lengths() {
        var profile = sampleProfile()
        profile.name = String(repeating: "x", count: 201)
        let found = issues { try profile.validate(today: today) }
        #expect(found.map(\.field) == ["name"])
        #expect(found.first?.message.contains("200") == true)
    }
}

@Suite("Job validation")
struct JobValidationTests {
    func job() -> JobDetails {
        JobDetails(
            title: "Platform Engineer", clientID: ClientID(1), location: Location(city: "London", country: "GB"), region: .uk,
            remotePolicy: .hybrid, employmentType: .contract,
            pay: PayRange(minimum: Money(major: 550, .gbp, per: .day), maximum: Money(major: 700, .gbp, per: .day)),
            requiredSkills: [JobSkill(skillID: SkillID(3))], seniority: .senior, durationWeeks: 26)
    }

    @Test("a sensible job is valid")
    func valid() {
        #expect(issues { try job().validate(today: today) }.isEmpty)
    }

    @Test("minimum pay above maximum is refused")
    func payOrder() {
        var details = job()
        details.pay?.minimum.minorUnits = 80_000
        #expect(issues { try details.validate(today: today) }.map(\.field) == ["pay.minimum"])
    }

    @Test("both ends of a pay range share a currency")
    func payCurrency() {
        var details = job()
        details.pay?.maximum.currency = .usd
        #expect(issues { try details.validate(today: today) }.map(\.field) == ["pay.maximum.currency"])
    }

    @Test("a remote scope states its places, as its area needs them, with codes and zones that exist", arguments: [
        (RemoteScope.anywhere, [String]()),
        (.countries(["GB", "IE", "NZ"], contractorsAbroad: true), []),
        (.timeZones(["America/New_York", "Europe/London"], overlapHours: 4), []),
        (.countries([]), ["remoteScope.countries"]),
        (.countries(["GB", "XX", "uk"]), ["remoteScope.countries[1]", "remoteScope.countries[2]"]),
        (.countries(["GB", "GB"]), ["remoteScope.countries"]),
        (RemoteScope(area: .timeZones, timeZones: ["Europe/London"]), ["remoteScope.overlapHours"]),
        (.timeZones(["Mars/Olympus"], overlapHours: 13), ["remoteScope.timeZones[0]", "remoteScope.overlapHours"]),
        (RemoteScope(area: .anywhere, countries: ["GB"], overlapHours: 2), ["remoteScope.countries", "remoteScope.overlapHours"]),
    ])
    func remoteScope(scope: RemoteScope, fields: [String]) {
        var details = job()
        details.remotePolicy = .remote
        details.remoteScope = scope
        #expect(issues { try details.validate(today: today) }.map(\.field) == fields)
    }

    @Test("only a remote job has a remote scope, and a job's country must be a real one")
    func remoteScopeNeedsRemote() {
        var details = job()
        details.remoteScope = .anywhere
        details.location.country = "ZZ"
        let found = issues { try details.validate(today: today) }
        #expect(found.map(\.field) == ["location.country", "remoteScope"])
        #expect(found.first?.message.contains("ISO 3166-1") == true)
    }

    @Test("a remote scope reads in words")
    func remoteScopePhrase() {
        #expect(RemoteScope.anywhere.phrase == "from anywhere")
        #expect(RemoteScope.countries(["GB", "IE"], contractorsAbroad: true).phrase
            == "from United Kingdom or Ireland, contractors abroad welcome")
        #expect(RemoteScope.timeZones(["Europe/London"], overlapHours: 4).phrase == "with 4 hours' overlap with Europe/London")
    }

    @Test("a permanent job has no duration, and skills are needed")
    func permanent() {
        var details = job()
        details.employmentType = .permanent
        details.requiredSkills = []
        #expect(Set(issues { try details.validate(today: today) }.map(\.field)) == ["durationWeeks", "requiredSkills"])
    }
}

@Suite("References")
struct ReferenceTests {
    @Test("every dangling id is reported against its own field")
    func dangling() {
        var profile = sampleProfile()
        profile.ownerID = UserID(9)
        profile.goals.clientsAvoided = [ClientID(4)]
        let found = issues {
            try EntityReference.check(profile.references) { kind, ids in kind == .skill ? ids : [] }
        }
        #expect(found.map(\.field) == ["goals.clientsAvoided[0]", "ownerID"])
    }
}
