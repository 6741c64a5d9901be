import RapportCore
import Testing

@Suite("Routing people and jobs to practices")
struct PracticeRoutingTests {
    let java = PracticeID(1)
    let cloud = PracticeID(2)
    let data = PracticeID(3)
    var practiceOf: [SkillID: PracticeID] {
        [SkillID(10): java, SkillID(11): java, SkillID(20): cloud, SkillID(21): cloud, SkillID(30): data]
    }

    @Test("current skills outweigh stronger ones long unused")
    func recencyWins() throws {
        let skills = [
            CandidateSkill(skillID: SkillID(10), level: 5, years: 12, lastUsed: 2015),  // 5 × 0.25 = 1.25
            CandidateSkill(skillID: SkillID(20), level: 3, years: 3, lastUsed: 2026),   // 3 × 1 = 3
            CandidateSkill(skillID: SkillID(99), level: 5, years: 3, lastUsed: 2026),   // no practice
        ]
        let choice = try #require(PracticeRouting().homePractice(for: skills, practiceOf: practiceOf, currentYear: 2026))
        #expect(choice.practiceID == cloud)
        #expect(choice.weights.map(\.points) == [3, 1.25])
    }

    @Test("several skills of one practice add up")
    func addsUp() throws {
        let skills = [
            CandidateSkill(skillID: SkillID(10), level: 3, years: 4, lastUsed: 2025),  // 3
            CandidateSkill(skillID: SkillID(11), level: 3, years: 4, lastUsed: 2023),  // 2.25
            CandidateSkill(skillID: SkillID(30), level: 5, years: 4, lastUsed: 2026),  // 5
        ]
        #expect(PracticeRouting().homePractice(for: skills, practiceOf: practiceOf, currentYear: 2026)?.practiceID == java)
    }

    @Test("no skill in any practice, no home practice; a tie goes to the lower id")
    func edges() {
        #expect(PracticeRouting().homePractice(for: [CandidateSkill(skillID: SkillID(99), level: 5, years: 1)], practiceOf: practiceOf,
                                               currentYear: 2026) == nil)
        let tie = [CandidateSkill(skillID: SkillID(30), level: 2, years: 1, lastUsed: 2026),
                   CandidateSkill(skillID: SkillID(20), level: 2, years: 1, lastUsed: 2026)]
        #expect(PracticeRouting().homePractice(for: tie, practiceOf: practiceOf, currentYear: 2026)?.practiceID == cloud)
    }

    @Test("a job goes to the practice of its must-have skills")
    func jobs() {
        let required = [
            JobSkill(skillID: SkillID(10), minimumLevel: 3, minimumYears: 2, importance: .nice, weight: 8),  // java 8
            JobSkill(skillID: SkillID(20), minimumLevel: 3, minimumYears: 2, importance: .must, weight: 5),  // cloud 10
        ]
        #expect(PracticeRouting().practice(for: required, practiceOf: practiceOf)?.practiceID == cloud)
    }

    @Test("a new person goes to the active member of the practice with the fewest people")
    func owners() {
        func user(_ id: Int64, _ role: Role, _ practices: [PracticeID], active: Bool = true) -> User {
            User(id: UserID(id), version: 1, details: UserDetails(email: "u\(id)@rapport.test", name: "U\(id)", role: role, region: .uk,
                                                                  practiceIDs: practices, active: active))
        }
        let staff = [
            user(1, .admin, [cloud]), user(2, .recruiter, [cloud]), user(3, .practiceLead, [cloud]), user(4, .recruiter, [cloud], active: false),
            user(5, .recruiter, [java]),
        ]
        let routing = PracticeRouting()
        #expect(routing.owner(in: cloud, staff: staff, load: [UserID(2): 40, UserID(3): 12, UserID(4): 0]) == UserID(3))
        #expect(routing.owner(in: cloud, staff: staff, load: [UserID(2): 5, UserID(3): 5]) == UserID(2))
        #expect(routing.owner(in: data, staff: staff, load: [:]) == nil)
    }
}
