import Foundation
import RapportCore
import RapportSQLite

/// Every store implementation the contract runs against. PostgreSQL joins this list when it exists.
enum StoreKind: String, CaseIterable, CustomTestStringConvertibleKind {
    case sqliteMemory = "SQLite in memory"
    case sqliteFile = "SQLite file (WAL)"

    func make() throws -> any RapportStore {
        switch self {
        case .sqliteMemory:
            return try SQLiteStore.inMemory()
        case .sqliteFile:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-contract-\(UUID().uuidString).sqlite").path
            return try SQLiteStore(path: path)
        }
    }
}

protocol CustomTestStringConvertibleKind: CustomStringConvertible, RawRepresentable where RawValue == String {}

extension CustomTestStringConvertibleKind {
    var description: String { rawValue }
}

let now = Date(timeIntervalSince1970: 1_795_000_000.123456)

/// The smallest firm the contract tests need: two practices, a recruiter, three skills and a client.
struct Fixture {
    let store: any RapportStore
    let java: Practice
    let cloud: Practice
    let recruiter: User
    let kotlin: Skill
    let kubernetes: Skill
    let terraform: Skill
    let client: Client

    init(_ kind: StoreKind) async throws {
        store = try kind.make()
        java = try await store.createPractice(PracticeDetails(name: "Java & JVM"))
        cloud = try await store.createPractice(PracticeDetails(name: "Cloud & DevOps"))
        recruiter = try await store.createUser(UserDetails(email: "rita@rapport.test", name: "Rita Recruiter", role: .recruiter,
                                                           region: .uk, practiceIDs: [cloud.id, java.id]))
        kotlin = try await store.createSkill(SkillDraft(name: "Kotlin", aliases: ["kt"], category: "language", practiceID: java.id))
        kubernetes = try await store.createSkill(SkillDraft(name: "Kubernetes", aliases: ["k8s", "kube"], category: "devops", practiceID: cloud.id))
        terraform = try await store.createSkill(SkillDraft(name: "Terraform", aliases: [], category: "devops", practiceID: cloud.id))
        client = try await store.createClient(ClientDetails(name: "Harbour Bank", industry: "fintech", region: .uk))
    }

    func profile(_ name: String = "Priya Shah", email: String = "priya@example.com", region: Region = .uk,
                 skills: [Skill]? = nil, availability: Availability = Availability(status: .active)) -> CandidateProfile {
        var profile = CandidateProfile(name: name, email: email, location: Location(city: "Leeds", country: "GB"),
                                       timeZone: "Europe/London", region: region)
        profile.skills = (skills ?? [kubernetes, terraform]).enumerated().map { index, skill in
            CandidateSkill(skillID: skill.id, level: 3 + index % 3, years: 4.5, lastUsed: 2026, wantsToGrow: index == 0)
        }
        profile.goals = CareerGoals(targetRoles: ["Platform Engineer"], seniority: .senior, employmentTypes: [.contract, .permanent],
                                    minimumPay: Money(major: 600, .gbp, per: .day), industriesAvoided: ["gambling"],
                                    clientsAvoided: [client.id], earliestStart: LocalDate("2027-01-04"))
        profile.interests = Interests(skillsToLearn: [kotlin.id], domains: ["climate"])
        profile.availability = availability
        profile.contactPreferences = ContactPreferences(channels: [.email, .phone], maxJobPitchesPer30Days: 2,
                                                        quietHours: QuietHours(start: "21:00", end: "07:30"))
        profile.consents = [ConsentRecord(purpose: .dataProcessing, recordedAt: now.addingTimeInterval(-86_400),
                                          method: "web form", legalBasis: .legitimateInterests)]
        profile.workAuthorisations = [WorkAuthorisation(region: .uk, status: .visa, expires: LocalDate("2028-06-30"))]
        profile.links = ["https://github.example.com/priya"]
        profile.ownerID = recruiter.id
        profile.homePracticeID = cloud.id
        profile.phone = "+44 7700 900123"
        return profile
    }

    func job(title: String = "Platform Engineer") -> JobDetails {
        JobDetails(
            title: title, description: "Run the platform.", clientID: client.id, location: Location(city: "London", country: "GB"),
            region: .uk, remotePolicy: .hybrid, employmentType: .contract,
            pay: PayRange(minimum: Money(major: 550, .gbp, per: .day), maximum: Money(major: 700, .gbp, per: .day)),
            requiredSkills: [JobSkill(skillID: kubernetes.id, minimumLevel: 4, minimumYears: 3, importance: .must, weight: 8),
                             JobSkill(skillID: terraform.id, minimumLevel: 2, minimumYears: 0, importance: .nice, weight: 3)],
            seniority: .senior, startDate: LocalDate("2027-01-11"), durationWeeks: 26, openings: 2, practiceID: cloud.id,
            ownerIDs: [recruiter.id])
    }
}

/// The domain error a call threw, or nil.
func rapportError(_ body: () async throws -> Void) async -> RapportError? {
    do {
        try await body()
        return nil
    } catch let error as RapportError {
        return error
    } catch {
        return nil
    }
}
