import Foundation
import RapportCore
import RapportSQLite
import Testing

@Suite("SQLite store")
struct SQLiteStoreTests {
    func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("rapport-\(UUID().uuidString).sqlite").path
    }

    @Test("opening a file applies every migration once, and reopening applies none again")
    func migrations() async throws {
        let path = temporaryPath()
        let first = try SQLiteStore(path: path)
        #expect(try await first.appliedMigrations() == SQLiteStore.knownMigrations)
        let second = try SQLiteStore(path: path)
        #expect(try await second.appliedMigrations() == SQLiteStore.knownMigrations)
    }

    @Test("the file is in WAL mode with foreign keys on")
    func pragmas() async throws {
        let store = try SQLiteStore(path: temporaryPath())
        #expect(try await store.pragma("journal_mode") == "wal")
        #expect(try await store.pragma("foreign_keys") == "1")
        #expect(try await store.pragma("busy_timeout") == "5000")
        #expect(await store.isReachable())
    }

    @Test("a bulk load writes every candidate with its skills and refuses a database that holds data")
    func bulkLoad() async throws {
        let store = try SQLiteStore.inMemory()
        let practice = Practice(id: PracticeID(1), version: 1, details: PracticeDetails(name: "Cloud"))
        let user = User(id: UserID(1), version: 1, details: UserDetails(email: "a@rapport.test", name: "A", role: .admin, region: .us))
        let skill = Skill(id: SkillID(1), name: "Go", aliases: ["golang"], category: "language", practiceID: practice.id)
        let firm = FirmDataset(practices: [practice], users: [user], skills: [skill], clients: [], jobs: [])
        let made = Date(timeIntervalSince1970: 1_790_000_000)
        let candidate: @Sendable (Int) -> Candidate = { index in
            Candidate(id: CandidateID(Int64(index + 1)), version: 1, createdAt: made, updatedAt: made, profile: CandidateProfile(
                name: "Person \(index)", email: "p\(index)@example.com", location: Location(city: "Reno", country: "US"),
                timeZone: "America/Los_Angeles", region: .us, skills: [CandidateSkill(skillID: skill.id, level: 3, years: 2)]))
        }
        let reported = ProgressLog()
        try await store.bulkLoad(firm, candidateCount: 45_000, candidate: candidate, progress: { reported.append($0) })
        let page = try await store.candidates(CandidateQuery(skillIDs: [skill.id]), page: PageRequest(limit: 2))
        #expect(page.total == 45_000)
        #expect(try await store.candidate(CandidateID(45_000)) == candidate(44_999))
        #expect(reported.values.last == 45_000)
        #expect(try await store.isEmpty() == false)
        await #expect(throws: RapportError.self) {
            try await store.bulkLoad(firm, candidateCount: 1, candidate: candidate)
        }
        // The indexes dropped for the load are back: e-mail uniqueness holds again.
        let duplicate = await #expect(throws: RapportError.self) {
            _ = try await store.createCandidate(candidate(7).profile, at: made)
        }
        #expect(duplicate == .duplicate(field: "email", message: "belongs to another candidate"))
        #expect(try await store.pragma("foreign_keys") == "1")
    }

    @Test("a bulk load whose data points at missing records fails")
    func bulkLoadChecksReferences() async throws {
        let store = try SQLiteStore.inMemory()
        let made = Date(timeIntervalSince1970: 1_790_000_000)
        let dataset = FirmDataset(practices: [], users: [], skills: [], clients: [], jobs: [])
        await #expect(throws: RapportError.self) {
            try await store.bulkLoad(dataset, candidateCount: 3) { index in
                var profile = CandidateProfile(name: "P", email: "p\(index)@example.com", location: Location(city: "Reno", country: "US"),
                                               timeZone: "America/Los_Angeles", region: .us)
                profile.ownerID = UserID(99)
                return Candidate(id: CandidateID(Int64(index + 1)), version: 1, createdAt: made, updatedAt: made, profile: profile)
            }
        }
    }
}

final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var reported: [Int] = []

    func append(_ value: Int) { lock.withLock { reported.append(value) } }
    var values: [Int] { lock.withLock { reported } }
}
