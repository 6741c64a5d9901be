import RapportCore
import Testing

@Suite("Professions from titles and skill mix")
struct RoleFamilyTests {
    static let titled: [(String, RoleFamily?)] = [
        ("Senior Software Engineer", .softwareEngineering),
        ("Staff Frontend Engineer (React)", .softwareEngineering),
        ("Full-Stack TypeScript Developer", .softwareEngineering),
        ("iOS Engineer", .softwareEngineering),
        ("Engineering Manager, Payments", .softwareEngineering),
        ("Data Engineer", .data),
        ("Senior Machine Learning Engineer", .data),
        ("Analytics Engineer", .data),
        ("Power BI Developer", .data),
        ("Database Administrator", .data),
        ("Site Reliability Engineer", .infrastructure),
        ("DevOps Engineer", .infrastructure),
        ("Cloud Architect", .infrastructure),
        ("Network Engineer", .infrastructure),
        ("Cloud Security Engineer", .security),
        ("Penetration Tester", .security),
        ("QA Automation Engineer", .qualityAssurance),
        ("SDET", .qualityAssurance),
        ("Software Engineer in Test", .qualityAssurance),
        ("Product Designer", .design),
        ("Senior UX Researcher", .design),
        ("Technical Product Manager", .product),
        ("Product Owner", .product),
        ("Scrum Master", .delivery),
        ("Technical Business Analyst", .delivery),
        ("Salesforce Developer", .businessApplications),
        ("SAP FICO Consultant", .businessApplications),
        ("IT Support Technician", .support),
        ("Service Desk Analyst", .support),
        ("Growth Marketer", .marketing),
        ("Head of Growth", .marketing),
        ("Account Executive, Enterprise", .sales),
        ("Technical Recruiter", .people),
        ("Mechanical Engineer", .hardware),
        ("Electrical Engineer — Power Systems", .hardware),
        ("Financial Analyst", .finance),
        ("Consultant", nil),
        ("Office Manager", nil),
        ("", nil),
    ]

    @Test("a title names its profession; the first rule that matches decides", arguments: titled)
    func title(_ title: String, _ family: RoleFamily?) {
        #expect(RoleFamilies.job(title: title, skillCategories: []) == family)
    }

    @Test("a generic title takes the profession of the skill mix; a specific one keeps its own")
    func genericTitles() {
        let infrastructure = ["devops", "cloud", "devops", "language"]
        #expect(RoleFamilies.job(title: "Founding Engineer", skillCategories: ["language", "framework", "framework", "tool"]) == .softwareEngineering)
        #expect(RoleFamilies.job(title: "Senior Engineer", skillCategories: infrastructure) == .infrastructure)
        #expect(RoleFamilies.job(title: "Engineer", skillCategories: []) == .softwareEngineering)
        #expect(RoleFamilies.job(title: "Consultant", skillCategories: ["erp", "erp", "tool"]) == .businessApplications)
        #expect(RoleFamilies.job(title: "Backend Engineer", skillCategories: infrastructure) == .softwareEngineering)
        // No title worth the name: the skills decide, when enough of them agree.
        #expect(RoleFamilies.job(title: "Rockstar ninja", skillCategories: ["data", "data", "language"]) == .data)
        #expect(RoleFamilies.job(title: "Rockstar ninja", skillCategories: ["data", "language"]) == nil, "a tie says nothing")
        #expect(RoleFamilies.job(title: "Rockstar ninja", skillCategories: ["data", "tool", "tool"]) == nil, "one skill says nothing")
    }

    @Test("a person's professions gather their wanted roles, headline and latest titles, and skill mix")
    func person() {
        let families = RoleFamilies.person(titles: ["Product Manager", "Senior Java Engineer", ""], skillCategories: ["language", "framework"])
        #expect(families.families == [.softwareEngineering, .product])
        #expect(RoleFamilies.person(titles: ["Team lead"], skillCategories: []).isEmpty)
    }

    @Test("neighbours reach both ways; other professions do not")
    func neighbours() {
        let engineer: RoleFamilySet = [.softwareEngineering]
        #expect(!Professions(job: .infrastructure, candidate: engineer).isOtherProfession)
        #expect(!Professions(job: .softwareEngineering, candidate: [.infrastructure]).isOtherProfession)
        #expect(Professions(job: .marketing, candidate: engineer).isOtherProfession)
        #expect(Professions(job: .security, candidate: engineer).isOtherProfession)
        #expect(!Professions(job: .security, candidate: [.softwareEngineering, .infrastructure]).isOtherProfession)
        #expect(!Professions(job: nil, candidate: engineer).isOtherProfession)
        #expect(!Professions(job: .marketing, candidate: []).isOtherProfession)
        for family in RoleFamily.allCases {
            let alone: RoleFamilySet = [family]
            #expect(alone.families == [family])
            #expect(alone.withNeighbours.families == RoleFamily.allCases.filter { $0 == family || family.neighbours.contains($0) })
            for neighbour in family.neighbours.families {
                #expect(neighbour.neighbours.contains(family), "\(family) lists \(neighbour), which does not list it back")
            }
        }
    }
}
