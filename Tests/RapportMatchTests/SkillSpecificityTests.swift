import RapportCore
import Testing

@testable import RapportMatch

@Suite("How much a shared skill says")
struct SkillSpecificityTests {
    static let standard = Taxonomy(version: 1, skills: StandardTaxonomy.skills { _ in nil })

    @Test("the standard taxonomy's generic skills are the everyday tools, formats and methods, and nothing specific")
    func standardGeneric() {
        let names = Set(Self.standard.genericSkills.map(Self.standard.name))
        #expect(names.isSuperset(of: ["Git", "GitHub", "Slack", "Jira", "Confluence", "Microsoft Office", "Microsoft Excel", "JSON", "Agile"]))
        for specific in ["Kubernetes", "Rust", "Apache Kafka", "GitHub Actions", "GitLab CI", "React", "SQL", "Linux"] {
            #expect(!names.contains(specific), "\(specific) is specific")
        }
    }

    @Test("generic skills count a fifth; rarity halves a skill four in ten list, and needs a population to count")
    func formula() throws {
        let git = try #require(Self.standard.named("Git")).id
        let python = try #require(Self.standard.named("Python")).id
        let rust = try #require(Self.standard.named("Rust")).id
        let prior = SkillSpecificity(taxonomy: Self.standard)
        #expect(prior.weight(git) == 0.2)
        #expect(prior.weight(python) == 1)
        // 300 people and 100 jobs: Python for 40% of people and 40% of jobs, Rust for 10% and 10%, Git everywhere.
        let counted = SkillSpecificity(taxonomy: Self.standard, people: 300, peopleWith: [python: 120, rust: 30, git: 300],
                                       jobs: 100, jobsWith: [python: 40, rust: 10, git: 100])
        #expect(counted.weight(python) == 0.5)
        #expect(counted.weight(rust) == 0.875)
        #expect(abs(counted.weight(git) - 0.1) < 1e-9, "generic and everywhere: the floor")
        #expect(counted.prior(python) == 1, "the part stored in the reverse index does not move")
        let small = SkillSpecificity(taxonomy: Self.standard, people: 150, peopleWith: [python: 150], jobs: 40, jobsWith: [python: 40])
        #expect(small.weight(python) == 1, "fewer than 200 people and jobs say too little")
    }

    @Test("a job's rare skill outweighs its generic ones: missing Git costs little, missing Rust much")
    func fit() throws {
        let git = try #require(Self.standard.named("Git")).id
        let slack = try #require(Self.standard.named("Slack")).id
        let rust = try #require(Self.standard.named("Rust")).id
        let today = LocalDate(year: 2026, month: 11, day: 28)!
        let job = JobDetails(
            title: "Systems Engineer", clientID: ClientID(1), location: Location(city: "Austin", country: "US"), region: .us,
            remotePolicy: .remote, employmentType: .permanent, pay: nil,
            requiredSkills: [JobSkill(skillID: rust), JobSkill(skillID: git), JobSkill(skillID: slack)], seniority: .senior)
        func person(_ skills: [SkillID]) -> CandidateProfile {
            CandidateProfile(name: "Sam Lee", email: "sam@example.test", location: Location(city: "Austin", country: "US"),
                             timeZone: "America/Chicago", region: .us,
                             skills: skills.map { CandidateSkill(skillID: $0, level: 5, years: 8, lastUsed: 2026) })
        }
        let scorer = FitScorer(taxonomy: Self.standard)
        let rustOnly = scorer.evaluate(person([rust]), for: job, clientIndustry: nil, today: today)
        let toolsOnly = scorer.evaluate(person([git, slack]), for: job, clientIndustry: nil, today: today)
        // Rust is 1 of 1.4 weighted units: 40 × 1/1.4 ≈ 28.6 must-have points; Git and Slack 0.4 of 1.4 ≈ 11.4.
        #expect(abs((rustOnly.components.first { $0.kind == .mustHave }?.points ?? 0) - 40 / 1.4) < 0.01)
        #expect(abs((toolsOnly.components.first { $0.kind == .mustHave }?.points ?? 0) - 16 / 1.4) < 0.01)
        #expect(rustOnly.score > toolsOnly.score + 20)
        #expect(rustOnly.forRecruiter.contains("Counts little: Git, Slack, which nearly everyone lists."))
    }
}
