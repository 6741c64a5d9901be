import RapportCore
import Testing

@Suite("Seniority both ways")
struct SeniorityFitTests {
    static let today = LocalDate(year: 2026, month: 12, day: 7)!

    static func person(wants: Seniority? = nil, headline: String = "", work: [WorkExperience] = [], skillYears: Double = 0) -> CandidateProfile {
        CandidateProfile(name: "Ana Lima", email: "ana@example.test", location: Location(city: "Leeds", country: "GB"),
                         timeZone: "Europe/London", region: .uk, headline: headline,
                         skills: skillYears > 0 ? [CandidateSkill(skillID: SkillID(1), level: 4, years: skillYears)] : [],
                         work: work, goals: CareerGoals(seniority: wants))
    }

    @Test("titles name their level; the highest named wins; none is nil",
          arguments: [("Senior Software Engineer", Seniority.senior), ("Sr. Data Engineer", .senior), ("Staff Engineer", .lead),
                      ("Principal Architect", .principal), ("Graduate Developer", .junior), ("Engineer II", .mid),
                      ("Senior Engineering Manager", .lead)])
    func named(_ title: String, _ level: Seniority) {
        #expect(Seniority.named(in: title) == level)
    }

    @Test("a title without a level names none")
    func unnamed() {
        #expect(Seniority.named(in: "Frontend Engineer") == nil)
        #expect(Seniority.named(in: "") == nil)
    }

    @Test("far below what a person wants costs most; a stretch upwards less; their own level nothing")
    func factors() throws {
        let principal = Self.person(wants: .principal)
        let junior = try #require(SeniorityFit(principal, job: .junior, today: Self.today))
        #expect(junior.stepsBelow == 4 && junior.factor == 0.35)
        #expect(junior.forRecruiter == "Seniority: a junior role, 4 levels below the principal level they want; the score is × 0.35.")
        #expect(junior.forCandidate == "It is a junior role, well below the principal level you want.")
        #expect(SeniorityFit(principal, job: .lead, today: Self.today)?.factor == 0.9)
        #expect(SeniorityFit(principal, job: .lead, today: Self.today)?.forCandidate == nil, "one level is not worth telling them")
        let same = try #require(SeniorityFit(principal, job: .principal, today: Self.today))
        #expect(same.factor == 1 && same.forRecruiter == nil)
        let stretch = try #require(SeniorityFit(Self.person(wants: .junior), job: .lead, today: Self.today))
        #expect(stretch.factor == 0.55)
        #expect(stretch.forCandidate == "It is a lead role, well above the junior level you want.")
    }

    @Test("without a wish, the latest title or headline says the level, then the years of work, then the longest-used skill")
    func inferred() throws {
        let titled = Self.person(work: [WorkExperience(employer: "Xero", title: "Principal Engineer", start: CareerMonth("2019"))])
        #expect(SeniorityFit(titled, job: .junior, today: Self.today).map { ($0.person, $0.source) } ?? (.mid, .years) == (.principal, .title))
        let headline = Self.person(headline: "Senior iOS developer")
        #expect(SeniorityFit(headline, job: .junior, today: Self.today)?.person == .senior)
        let seventeenYears = Self.person(work: [WorkExperience(employer: "Trade Me", title: "Engineer", start: CareerMonth("2009-04"))])
        let fit = try #require(SeniorityFit(seventeenYears, job: .junior, today: Self.today))
        #expect(fit.person == .lead && fit.source == .years && fit.factor == 0.45)
        #expect(fit.forCandidate == "It is a junior role, well below your experience.")
        #expect(SeniorityFit(Self.person(skillYears: 7), job: .senior, today: Self.today)?.person == .senior)
        #expect(SeniorityFit(Self.person(), job: .senior, today: Self.today) == nil, "nothing says: no factor")
    }
}
