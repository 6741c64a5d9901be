import Foundation
import RapportCore
import Testing

@testable import RapportMatch

/// A small taxonomy with the relations the tests lean on: Spring Boot implies Spring implies Java; React ~ Vue.
private enum Skills {
    static let java = SkillID(1), spring = SkillID(2), springBoot = SkillID(3), react = SkillID(4), vue = SkillID(5)
    static let kubernetes = SkillID(6), terraform = SkillID(7), kafka = SkillID(8)

    static let taxonomy = Taxonomy(version: 1, skills: [
        Skill(id: java, name: "Java", category: "language"),
        Skill(id: spring, name: "Spring", category: "framework", implies: [java]),
        Skill(id: springBoot, name: "Spring Boot", category: "framework", implies: [spring]),
        Skill(id: react, name: "React", category: "framework", related: [vue]),
        Skill(id: vue, name: "Vue.js", category: "framework"),
        Skill(id: kubernetes, name: "Kubernetes", category: "devops"),
        Skill(id: terraform, name: "Terraform", category: "devops"),
        Skill(id: kafka, name: "Apache Kafka", category: "data"),
    ])
}

private let today = LocalDate(year: 2026, month: 11, day: 28)!

private func candidate(_ skills: [CandidateSkill], goals: CareerGoals = CareerGoals()) -> CandidateProfile {
    CandidateProfile(
        name: "Sam Lee", email: "sam@example.test", location: Location(city: "Austin", country: "US"), timeZone: "America/Chicago",
        region: .us, workAuthorisations: [WorkAuthorisation(region: .us, status: .citizen)], skills: skills, goals: goals,
        availability: Availability(status: .active)
    )
}

private func job(_ skills: [JobSkill], title: String = "Backend Engineer") -> JobDetails {
    JobDetails(
        title: title, clientID: ClientID(1), location: Location(city: "Austin", country: "US"), region: .us, remotePolicy: .remote,
        employmentType: .permanent,
        pay: PayRange(minimum: Money(major: 150_000, .usd, per: .year), maximum: Money(major: 180_000, .usd, per: .year)),
        requiredSkills: skills, seniority: .senior
    )
}

private func score(_ profile: CandidateProfile, _ details: JobDetails) -> FitExplanation {
    FitScorer(taxonomy: Skills.taxonomy).evaluate(profile, for: details, clientIndustry: "Fintech", today: today)
}

@Suite("Fit score")
struct FitScorerTests {
    @Test("a candidate meeting every requirement in full scores the skill points in full")
    func fullMatch() {
        let fit = score(
            candidate([CandidateSkill(skillID: Skills.java, level: 5, years: 8, lastUsed: 2026)]),
            job([JobSkill(skillID: Skills.java, minimumLevel: 4, minimumYears: 5)])
        )
        #expect(fit.points(.mustHave) == 40)
        #expect(fit.points(.niceToHave) == 15)
        #expect(fit.points(.recency) == 10)
        #expect(fit.requirements.map(\.status) == [.met])
        #expect(fit.isEligible)
    }

    @Test("level and years below the minimum earn partial credit, and say so")
    func shortfall() {
        let fit = score(
            candidate([CandidateSkill(skillID: Skills.java, level: 2, years: 1, lastUsed: 2026)]),
            job([JobSkill(skillID: Skills.java, minimumLevel: 4, minimumYears: 4)])
        )
        // level 2/4 = 0.5, years 1/4 = 0.25: 0.5 × (0.75 + 0.25 × 0.25) = 0.40625 of 40 points.
        #expect(abs(fit.points(.mustHave) - 16.25) < 0.001)
        #expect(fit.requirements.first?.status == .partial)
        #expect(fit.forRecruiter.contains("Partly: Java at level 2 of 4 asked, 1 of 4 years asked."))
    }

    @Test("a skill reached through an implying skill or a related one earns its documented share")
    func relations() {
        let implied = score(
            candidate([CandidateSkill(skillID: Skills.springBoot, level: 4, years: 5, lastUsed: 2026)]),
            job([JobSkill(skillID: Skills.spring, minimumLevel: 4, minimumYears: 2)])
        )
        #expect(abs(implied.requirements[0].credit - 0.7) < 1e-9)
        #expect(implied.requirements[0].relation == .implied)
        #expect(implied.forRecruiter.contains { $0.contains("Spring through Spring Boot (implied") })
        let related = score(
            candidate([CandidateSkill(skillID: Skills.vue, level: 4, years: 5, lastUsed: 2026)]),
            job([JobSkill(skillID: Skills.react, minimumLevel: 4, minimumYears: 2)])
        )
        #expect(abs(related.requirements[0].credit - 0.4) < 1e-9)
        #expect(related.forCandidate.contains { $0.contains("your Vue.js is close to it") })
    }

    @Test("missing skills are named for both sides")
    func missing() {
        let fit = score(
            candidate([CandidateSkill(skillID: Skills.java, level: 4, years: 5, lastUsed: 2026)]),
            job([JobSkill(skillID: Skills.java), JobSkill(skillID: Skills.kubernetes, minimumYears: 2),
                 JobSkill(skillID: Skills.terraform, importance: .nice)])
        )
        #expect(fit.forRecruiter.contains("Missing: Kubernetes (must-have), Terraform (nice-to-have)."))
        #expect(fit.forCandidate.last == "What is missing: the client needs Kubernetes (2+ years), which is not on your profile; "
            + "the client would like Terraform, which is not on your profile.")
    }

    @Test("stale skills lose recency points")
    func recency() {
        let fresh = score(candidate([CandidateSkill(skillID: Skills.java, level: 5, years: 8, lastUsed: 2026)]),
                          job([JobSkill(skillID: Skills.java)]))
        let stale = score(candidate([CandidateSkill(skillID: Skills.java, level: 5, years: 8, lastUsed: 2019)]),
                          job([JobSkill(skillID: Skills.java)]))
        #expect(fresh.points(.recency) == 10)
        #expect(stale.points(.recency) == 2.5)
        #expect(stale.components.first { $0.kind == .recency }?.detail == "Not used lately: Java (last used 2019).")
    }

    @Test("goals, interests and pay headroom come from the candidate's own words")
    func ownWords() {
        var profile = candidate([CandidateSkill(skillID: Skills.kafka, level: 3, years: 2, lastUsed: 2026, wantsToGrow: true)],
                                goals: CareerGoals(targetRoles: ["Backend Engineer"], seniority: .senior,
                                                   employmentTypes: [.permanent], minimumPay: Money(major: 140_000, .usd, per: .year)))
        profile.interests = Interests(skillsToLearn: [Skills.kubernetes], domains: ["fintech"])
        let fit = score(profile, job([JobSkill(skillID: Skills.kafka), JobSkill(skillID: Skills.kubernetes, importance: .nice)]))
        #expect(fit.points(.goals) == 15)
        #expect(fit.points(.interests) == 10)
        #expect(fit.points(.payHeadroom) == 10)
        #expect(fit.forCandidate.first?.hasPrefix("Why we think this fits your goals: it is the kind of role you are after") == true)
    }

    @Test("a principal who wants principal roles is not offered a junior one at a near-perfect fit")
    func seniorityBothWays() {
        let skills = [CandidateSkill(skillID: Skills.react, level: 5, years: 17, lastUsed: 2026)]
        let principal = candidate(skills, goals: CareerGoals(targetRoles: ["Frontend Engineer"], seniority: .principal))
        var junior = job([JobSkill(skillID: Skills.react)], title: "Junior Frontend Engineer")
        junior.seniority = .junior
        var lead = junior
        lead.title = "Principal Frontend Engineer"
        lead.seniority = .principal
        let offered = score(principal, junior)
        let right = score(principal, lead)
        #expect(right.score >= 85)
        #expect(offered.seniorityFactor == 0.35)
        #expect(offered.score <= 35)
        #expect(offered.forRecruiter.contains("Seniority: a junior role, 4 levels below the principal level they want; the score is × 0.35."))
        #expect(offered.forCandidate.contains("It is a junior role, well below the principal level you want."))
    }

    @Test("undisclosed pay scores neutral headroom, is no reason to refuse, and both voices say it is not disclosed")
    func undisclosedPay() {
        let profile = candidate([CandidateSkill(skillID: Skills.kafka, level: 3, years: 2, lastUsed: 2026)],
                                goals: CareerGoals(minimumPay: Money(major: 400_000, .usd, per: .year)))
        var details = job([JobSkill(skillID: Skills.kafka)])
        details.pay = nil
        let fit = score(profile, details)
        #expect(fit.ineligibility.isEmpty)
        #expect(fit.points(.payHeadroom) == 7)
        #expect(fit.components.first { $0.kind == .payHeadroom }?.detail == "Pay not disclosed.")
        #expect(fit.forRecruiter.contains("Pay not disclosed: the client has not said what it pays."))
        #expect(fit.forCandidate.contains("Pay not disclosed: the client has not said what it pays."))
    }

    @Test("adding a met must-have never lowers the score", arguments: 0..<200)
    func addingAMetMustHaveNeverLowers(seed: Int) {
        var random = SplitMix(seed: UInt64(seed))
        let ids = (1...8).map { SkillID(Int64($0)) }
        func randomSkill(_ id: SkillID) -> CandidateSkill {
            CandidateSkill(skillID: id, level: random.int(1...5), years: Double(random.int(0...10)),
                           lastUsed: random.bool() ? nil : random.int(2015...2026), wantsToGrow: random.bool())
        }
        let have = ids.filter { _ in random.bool() }
        let profile = candidate(have.map(randomSkill))
        let required = ids.filter { _ in random.int(0...2) == 0 }.map {
            JobSkill(skillID: $0, minimumLevel: random.int(1...5), minimumYears: Double(random.int(0...5)),
                     importance: random.bool() ? .must : .nice, weight: random.int(1...10))
        }
        let base = job(required)
        let before = score(profile, base).score
        // The job adds a must-have the candidate meets in full…
        guard let extra = ids.first(where: { id in !required.contains { $0.skillID == id } }) else { return }
        var withMet = profile
        let wanted = profile.skills.first { $0.skillID == extra }?.wantsToGrow ?? false
        withMet.skills.removeAll { $0.skillID == extra }
        withMet.skills.append(CandidateSkill(skillID: extra, level: 5, years: 10, lastUsed: today.year, wantsToGrow: wanted))
        var bigger = base
        bigger.requiredSkills.append(JobSkill(skillID: extra, minimumLevel: random.int(1...5), minimumYears: Double(random.int(0...5)),
                                              importance: .must, weight: random.int(1...10)))
        let scoreBefore = score(withMet, base).score
        #expect(score(withMet, bigger).score >= scoreBefore)
        // …and a candidate who gains a skill that meets a must-have in full never drops.
        if let target = base.requiredSkills.first(where: { $0.importance == .must }) {
            var gained = profile
            let wanted = profile.skills.first { $0.skillID == target.skillID }?.wantsToGrow ?? false
            gained.skills.removeAll { $0.skillID == target.skillID }
            gained.skills.append(CandidateSkill(skillID: target.skillID, level: 5, years: 10, lastUsed: today.year, wantsToGrow: wanted))
            #expect(score(gained, base).score >= before)
        }
    }
}

/// A seeded generator for property tests.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed &+ 0x9E37_79B9_7F4A_7C15
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func bool() -> Bool {
        next() & 1 == 1
    }
}
