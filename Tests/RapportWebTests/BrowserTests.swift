import Foundation
import Hummingbird
import HummingbirdTesting
import RapportCore
import RapportMatch
import RapportOutreach
import RapportSQLite
import RapportWeb
import Testing

/// The web app in a real browser: headless Chromium driven by selenium (`scripts/browser/flows.py`), against the real
/// server listening on a port. `.ci/run` installs chromium, chromium-driver and selenium. Screenshots of the main pages
/// are saved in `test-artifacts/browser/`.
@Suite("The web app in headless Chromium")
struct BrowserTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("""
        a recruiter signs in, finds a candidate by skill, composes a pitch the gate blocks and one it allows, answers a reply \
        and sees the follow-up close; a script-tag name never opens a dialog on any page
        """)
    func recruiterFlow() async throws {
        // setup: a recruiter with a password, a candidate who fits a search, and one whose name is a script.
        let store = try SQLiteStore.inMemory()
        let records = FirmRecords(store: store)
        let practice = try await store.createPractice(PracticeDetails(name: "Cloud & DevOps"))
        let recruiter = try await store.createUser(UserDetails(email: "rob@rapport.test", name: "Rob Recruiter", role: .recruiter,
                                                               region: .uk, practiceIDs: [practice.id]))
        try await store.setPasswordHash(PasswordHasher(cost: 4).hash(WebAppTests.password), for: recruiter.id)
        let kubernetes = try await store.createSkill(SkillDraft(name: "Kubernetes", aliases: ["k8s"], category: "devops", practiceID: practice.id))
        let consent = [ConsentRecord(purpose: .dataProcessing, recordedAt: Date().addingTimeInterval(-86_400), method: "web form",
                                     legalBasis: .legitimateInterests)]
        let mere = try await records.createCandidate(CandidateProfile(
            name: "Mere Tane", email: "mere@example.com", location: Location(city: "Auckland", country: "NZ"), timeZone: "Pacific/Auckland",
            region: .nz, headline: "Platform engineer", skills: [CandidateSkill(skillID: kubernetes.id, level: 4, years: 5, lastUsed: 2026)],
            consents: consent, ownerID: recruiter.id))
        let hostile = try await records.createCandidate(CandidateProfile(
            name: "<script>alert(1)</script>", email: "x@example.com", location: Location(city: "London", country: "GB"),
            timeZone: "Europe/London", region: .uk, headline: "<img src=x onerror=alert(2)>", consents: consent, ownerID: recruiter.id))
        let java = try await store.createSkill(SkillDraft(name: "Java", category: "language"))
        let client = try await store.createClient(ClientDetails(name: "Harbour Bank", industry: "fintech", region: .nz))
        func job(_ title: String, _ skill: SkillID) -> JobDetails {
            JobDetails(title: title, clientID: client.id, location: Location(city: "Auckland", country: "NZ"), region: .nz, remotePolicy: .remote,
                       employmentType: .contract,
                       pay: PayRange(minimum: Money(major: 900, .nzd, per: .day), maximum: Money(major: 1_200, .nzd, per: .day)),
                       requiredSkills: [JobSkill(skillID: skill, minimumLevel: 4, minimumYears: 3, importance: .must, weight: 8)],
                       seniority: .senior, durationWeeks: 26, practiceID: practice.id)
        }
        let good = try await records.createJob(job("Platform Engineer", kubernetes.id))
        let poor = try await records.createJob(job("Java Developer", java.id))
        let matching = MatchService(store: store, today: { records.today })
        try await matching.load()
        // Mere rang back about an earlier message: she is waiting for Rob.
        let service = OutreachService(records: records.observed(by: matching), matching: matching, settings: OutreachSettings())
        _ = try await service.log(LoggedReply(candidateID: mere.id, channel: .phone, text: "Could you call me about remote platform roles?",
                                              receivedAt: Date().addingTimeInterval(-3_600)), by: recruiter)
        let app = Application(router: buildRouter(records: records, matching: matching, web: WebOptions(passwordCost: 4)),
                              configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        let shots = Self.repository.appendingPathComponent("test-artifacts/browser").path

        // MUT
        let report = try await app.test(.live) { client in
            try await Self.runFlows(base: "http://127.0.0.1:\(client.port ?? 0)", hostile: hostile.id, shots: shots,
                                    compose: [mere.id.rawValue, good.id.rawValue, poor.id.rawValue])
        }

        // validate
        #expect(report.errors.isEmpty, "\(report.errors.joined(separator: "\n"))")
        #expect(report.steps.first == "redirected to /sign-in")
        #expect(report.steps.contains("after sign-in at /today"))
        #expect(report.heading == "Today, Rob")
        #expect(report.steps.contains("search found 1"))
        #expect(report.candidate == "Mere Tane")
        #expect(report.hostileHeading == "<script>alert(1)</script>", "shown as text")
        #expect(report.dialogs == 0, "a dialog opened: a name was not escaped")
        #expect(report.blockedDecision == "The gate says: blocked")
        #expect(report.blockedReasons?.contains("below the firm's threshold") == true, "\(report.blockedReasons ?? "")")
        #expect(report.sendDisabled == true)
        #expect(report.allowedDecision == "The gate says: allowed" || report.allowedDecision == "The gate says: held")
        #expect(report.sentNotice?.hasPrefix("Queued") == true)
        #expect(report.answeredNotice == "Answered: the follow-up is closed.")
        #expect(report.waitingAfter?.contains("Nobody here is waiting for an answer.") == true)
        #expect(try await store.obligations(candidate: mere.id).allSatisfy { $0.status == .fulfilled })
        #expect(try await store.outreach(candidate: mere.id, limit: 10).contains { $0.kind == .opportunity && $0.jobs.map(\.jobID) == [good.id] })
        #expect(report.steps.contains("after sign-out at /sign-in"))
        #expect(report.steps.contains("today after sign-out at /sign-in"))
        #expect(report.console.isEmpty, "browser console errors (CSP violations show here): \(report.console)")
        for page in ["sign-in", "today", "candidates", "candidate", "compose-blocked", "compose-allowed", "answered", "hostile-candidate",
                     "scorecards", "insights"] {
            #expect(FileManager.default.fileExists(atPath: "\(shots)/\(page).png"), "no screenshot of \(page)")
        }
    }

    struct Report: Decodable {
        var steps: [String]
        var dialogs: Int
        var errors: [String]
        var heading: String?
        var candidate: String?
        var hostileHeading: String?
        var console: [String]
        var blockedDecision: String?
        var blockedReasons: String?
        var sendDisabled: Bool?
        var allowedDecision: String?
        var sentNotice: String?
        var answeredNotice: String?
        var waitingAfter: String?
    }

    /// Runs the selenium script and decodes what it printed; a missing browser or selenium fails with how to install them.
    static func runFlows(base: String, hostile: CandidateID, shots: String, compose: [Int64]) async throws -> Report {
        let script = repository.appendingPathComponent("scripts/browser/flows.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, base, "rob@rapport.test", WebAppTests.password, String(hostile.rawValue), shots] + compose.map(String.init)
        // Files, not pipes, and a termination handler, not a blocking wait: the server answering the browser runs on the
        // same few threads as this test, and must never wait behind it.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let outURL = folder.appendingPathComponent("out.json")
        let errURL = folder.appendingPathComponent("err.txt")
        for url in [outURL, errURL] { try Data().write(to: url) }
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        await withCheckedContinuation { (finished: CheckedContinuation<Void, Never>) in
            process.terminationHandler = { _ in finished.resume() }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                finished.resume()
            }
        }
        let data = (try? Data(contentsOf: outURL)) ?? Data()
        let problems = (try? Data(contentsOf: errURL)) ?? Data()
        guard process.terminationStatus == 0, let report = try? JSONDecoder().decode(Report.self, from: data) else {
            throw BrowserUnavailable(message: """
                the browser flows did not run (exit \(process.terminationStatus)); install chromium, chromium-driver and selenium \
                (.ci/run does): \(String(decoding: problems, as: UTF8.self).suffix(2000)) \(String(decoding: data, as: UTF8.self).prefix(500))
                """)
        }
        return report
    }

    struct BrowserUnavailable: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
