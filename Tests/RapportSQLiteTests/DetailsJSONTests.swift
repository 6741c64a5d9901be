import Foundation
import RapportCore
@testable import RapportSQLite
import Testing

@Suite("The details column, written by hand")
struct DetailsJSONTests {
    @Test("work, education, certifications, languages and unresolved names read back as written, whatever their text holds")
    func background() throws {
        var profile = CandidateProfile(name: "Zoë \"Z\" Ng", email: "zoe@example.com", location: Location(city: "Auckland", country: "NZ"),
                                       timeZone: "Pacific/Auckland", region: .nz)
        let awkward = "Quotes \" and \\ back\\slash, a tab\t, a line\nbreak, \u{1} and / and 東京 😀"
        profile.work = [
            WorkExperience(employer: awkward, title: "Staff Engineer", location: "Wellington", start: CareerMonth("2021-04"), end: nil,
                           summary: awkward, highlights: ["Cut p99 by 40%", awkward]),
            WorkExperience(employer: "Trade Me", title: "Engineer", start: CareerMonth("2016"), end: CareerMonth("2021-03")),
        ]
        profile.education = [Education(institution: "Victoria University", studyType: "BSc", area: awkward, start: CareerMonth("2012"),
                                       end: CareerMonth("2015-11")), Education(institution: "Night school")]
        profile.certifications = [Certification(name: "CKA", issuer: "CNCF", date: CareerMonth("2022-06"), url: "https://cncf.io/cka?x=1&y=\"2\""),
                                  Certification(name: awkward)]
        profile.languages = [SpokenLanguage(language: "English", fluency: .native), SpokenLanguage(language: "Māori")]
        profile.unresolvedSkills = ["Vercel AI SDK", awkward]

        // MUT
        let details = CandidateDetailsDocument.encode(profile)

        // validate
        #expect(try JSONSerialization.jsonObject(with: Data(details.utf8)) is [String: Any])
        let document = try JSONDecoder().decode(CandidateDetailsDocument.self, from: Data(details.utf8))
        var read = CandidateProfile(name: "", email: "", location: Location(city: nil, country: "NZ"), timeZone: "UTC", region: .nz)
        try #require(document.background).apply(to: &read)
        #expect(read.work == profile.work)
        #expect(read.education == profile.education)
        #expect(read.certifications == profile.certifications)
        #expect(read.languages == profile.languages)
        #expect(read.unresolvedSkills == profile.unresolvedSkills)
    }

    @Test("a person without any of them has no background in the column")
    func noBackground() throws {
        let profile = CandidateProfile(name: "Ana", email: "ana@example.com", location: Location(city: "Leeds", country: "GB"),
                                       timeZone: "Europe/London", region: .uk)
        let document = try JSONDecoder().decode(CandidateDetailsDocument.self, from: Data(CandidateDetailsDocument.encode(profile).utf8))
        #expect(document.background == nil)
        #expect(!CandidateDetailsDocument.encode(profile).contains("background"))
    }

    @Test("the undisclosed-pay deal-breaker and the hours wanted read back; rows written before them read as not asked")
    func disclosedPay() throws {
        var profile = CandidateProfile(name: "Ana", email: "ana@example.com", location: Location(city: "Leeds", country: "GB"),
                                       timeZone: "Europe/London", region: .uk)
        #expect(!CandidateDetailsDocument.encode(profile).contains("requiresDisclosedPay"))
        var read = profile
        read.goals.requiresDisclosedPay = true
        try JSONDecoder().decode(CandidateDetailsDocument.self, from: Data(CandidateDetailsDocument.encode(profile).utf8)).apply(to: &read)
        #expect(!read.goals.requiresDisclosedPay)

        profile.goals.requiresDisclosedPay = true
        profile.goals.workingHours = .partTime
        try JSONDecoder().decode(CandidateDetailsDocument.self, from: Data(CandidateDetailsDocument.encode(profile).utf8)).apply(to: &read)
        #expect(read.goals.requiresDisclosedPay)
        #expect(read.goals.workingHours == .partTime)

        let job = JobDetails(title: "Data \"Engineer\"", clientID: ClientID(2), location: Location(city: "Leeds", country: "GB"), region: .uk,
                             remotePolicy: .onsite, employmentType: .permanent,
                             pay: PayRange(minimum: Money(major: 50_000, .gbp, per: .year), maximum: Money(major: 60_000, .gbp, per: .year)),
                             requiredSkills: [JobSkill(skillID: SkillID(5))], seniority: .mid)
        profile.feedback = [FeedbackSignal(reason: .pay, job: JobID(4), details: job, on: LocalDate(year: 2026, month: 12, day: 1)!),
                            FeedbackSignal(reason: .company, jobID: JobID(5), title: "x", clientID: ClientID(3), skills: [], seniority: .lead,
                                           city: nil, payMaximum: nil, on: LocalDate(year: 2026, month: 12, day: 2)!)]
        try JSONDecoder().decode(CandidateDetailsDocument.self, from: Data(CandidateDetailsDocument.encode(profile).utf8)).apply(to: &read)
        #expect(read.feedback == profile.feedback)
    }
}
