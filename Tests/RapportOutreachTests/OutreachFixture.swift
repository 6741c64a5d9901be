import Foundation
import RapportCore
import RapportMatch
import RapportOutreach
import RapportSQLite
import Synchronization
import Testing

/// Time that only moves when a test moves it.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date) {
        current = Mutex(start)
    }

    var now: Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    func set(_ instant: Date) {
        current.withLock { $0 = instant }
    }
}

/// A small firm on an in-memory store: a practice with a lead and two recruiters, a job that fits the fixture's candidates
/// well and one that does not, an outreach service on a test clock, and a mail folder.
struct OutreachFixture {
    /// Tuesday 24 November 2026, 11:00 UTC: daytime in London.
    static let start = Date(timeIntervalSince1970: 1_795_518_000)

    let store: SQLiteStore
    let clock: TestClock
    let records: FirmRecords
    let matching: MatchService
    let service: OutreachService
    let practice: Practice
    let lead: User
    let recruiter: User
    let colleague: User
    let kubernetes: Skill
    let terraform: Skill
    let java: Skill
    let client: Client
    let job: Job
    let secondJob: Job
    let thirdJob: Job
    let javaJob: Job
    let folder: URL

    init(settings: OutreachSettings = OutreachSettings(mailDomain: "rapport.test")) async throws {
        store = try SQLiteStore.inMemory()
        let clock = TestClock(Self.start)
        self.clock = clock
        let base = FirmRecords(store: store, now: { clock.now })
        lead = try await store.createUser(UserDetails(email: "lena@rapport.test", name: "Lena Lead", role: .recruiter, region: .uk))
        practice = try await store.createPractice(PracticeDetails(name: "Cloud & DevOps", leadID: lead.id))
        _ = try await store.updateUser(lead.id, expectedVersion: 1, UserDetails(
            email: lead.details.email, name: lead.details.name, role: .practiceLead, region: .uk, practiceIDs: [practice.id]))
        recruiter = try await store.createUser(UserDetails(email: "rob@rapport.test", name: "Rob Recruiter", role: .recruiter, region: .uk,
                                                           practiceIDs: [practice.id]))
        colleague = try await store.createUser(UserDetails(email: "cara@rapport.test", name: "Cara Colleague", role: .recruiter,
                                                           region: .uk, practiceIDs: [practice.id]))
        kubernetes = try await store.createSkill(SkillDraft(name: "Kubernetes", aliases: ["k8s"], category: "devops", practiceID: practice.id))
        terraform = try await store.createSkill(SkillDraft(name: "Terraform", category: "devops", practiceID: practice.id))
        java = try await store.createSkill(SkillDraft(name: "Java", category: "language"))
        client = try await store.createClient(ClientDetails(name: "Harbour Bank", industry: "fintech", region: .uk))
        job = try await base.createJob(Self.platformJob(client: client.id, practice: practice.id, title: "Platform Engineer",
                                                        skills: [kubernetes.id, terraform.id]))
        secondJob = try await base.createJob(Self.platformJob(client: client.id, practice: practice.id, title: "Cloud Engineer",
                                                              skills: [kubernetes.id, terraform.id]))
        thirdJob = try await base.createJob(Self.platformJob(client: client.id, practice: practice.id, title: "SRE",
                                                             skills: [kubernetes.id, terraform.id]))
        javaJob = try await base.createJob(Self.platformJob(client: client.id, practice: practice.id, title: "Java Developer",
                                                            skills: [java.id]))
        matching = MatchService(store: store, today: { base.today })
        try await matching.load()
        records = base.observed(by: matching)
        let ids = Mutex(0)
        service = OutreachService(records: records, matching: matching, settings: settings,
                                  makeMessageID: { "m\(ids.withLock { value in value += 1; return value })@rapport.test" })
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-mail-\(UUID().uuidString)")
    }

    static func platformJob(client: ClientID, practice: PracticeID, title: String, skills: [SkillID]) -> JobDetails {
        JobDetails(
            title: title, clientID: client, location: Location(city: "London", country: "GB"), region: .uk, remotePolicy: .hybrid,
            employmentType: .contract,
            pay: PayRange(minimum: Money(major: 550, .gbp, per: .day), maximum: Money(major: 700, .gbp, per: .day)),
            requiredSkills: skills.map { JobSkill(skillID: $0, minimumLevel: 3, minimumYears: 2, importance: .must, weight: 8) },
            seniority: .senior, durationWeeks: 26, practiceID: practice)
    }

    /// A candidate the platform jobs fit well; `zone` and `region` place them, `limit` is their pitches per 30 days.
    func candidate(
        _ name: String = "Mere Tane", email: String? = nil, region: Region = .uk, city: String = "London", country: String = "GB",
        zone: String = "Europe/London", limit: Int = 4, marketingConsent: Bool = true, owner: UserID? = nil
    ) async throws -> Candidate {
        var consents = [ConsentRecord(purpose: .dataProcessing, recordedAt: Self.start.addingTimeInterval(-86_400 * 30),
                                      method: "web form", legalBasis: .legitimateInterests)]
        if marketingConsent {
            consents.append(ConsentRecord(purpose: .directMarketing, recordedAt: Self.start.addingTimeInterval(-86_400 * 30),
                                          method: "web form", legalBasis: .consent))
        }
        let profile = CandidateProfile(
            name: name, email: email ?? "\(name.lowercased().replacingOccurrences(of: " ", with: "."))@example.com",
            location: Location(city: city, country: country), timeZone: zone, region: region,
            workAuthorisations: [WorkAuthorisation(region: .uk, status: .citizen)],
            skills: [
                CandidateSkill(skillID: kubernetes.id, level: 5, years: 8, lastUsed: 2026),
                CandidateSkill(skillID: terraform.id, level: 4, years: 6, lastUsed: 2026, wantsToGrow: true),
            ],
            goals: CareerGoals(targetRoles: ["Platform Engineer"], seniority: .senior, employmentTypes: [.contract],
                               minimumPay: Money(major: 500, .gbp, per: .day)),
            availability: Availability(status: .active),
            contactPreferences: ContactPreferences(maxJobPitchesPer30Days: limit), consents: consents,
            ownerID: owner ?? recruiter.id, homePracticeID: practice.id)
        return try await records.createCandidate(profile)
    }

    func pitch(_ candidate: Candidate, _ jobs: [Job], by user: User? = nil, override: String? = nil) async throws -> (Outreach, ContactVerdict) {
        try await service.send(OutreachRequest(candidateID: candidate.id, kind: .opportunity, jobIDs: jobs.map(\.id), overrideReason: override),
                               by: user ?? recruiter)
    }

    func delivery(_ transport: (any MailTransport)? = nil) throws -> DeliveryService {
        DeliveryService(outreach: service, transport: try transport ?? MailFolderTransport(directory: folder))
    }

    /// The .eml files delivered so far, by name.
    func deliveredFiles() throws -> [String] {
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".eml") }.sorted()
    }

    /// The codes a refused message was refused with.
    func refusal(_ body: () async throws -> Void) async throws -> [String] {
        do {
            try await body()
        } catch let refused as OutreachRefused {
            return refused.verdict.codes
        }
        Issue.record("the message was not refused")
        return []
    }
}

/// Counts deliveries and answers as told; can pretend the worker crashes after the server accepted.
final class ScriptedTransport: MailTransport {
    private let state = Mutex<(delivered: [String], script: [TransportResult])>(([], []))

    init(_ script: [TransportResult] = []) {
        state.withLock { $0.script = script }
    }

    var description: String { "scripted" }

    var delivered: [String] { state.withLock { $0.delivered } }

    func deliver(_ message: [UInt8], from sender: String, to recipient: String, messageID: String) async -> TransportResult {
        state.withLock { state in
            state.delivered.append(messageID)
            return state.script.isEmpty ? .accepted("250 ok") : state.script.removeFirst()
        }
    }
}
