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
                     "scorecards", "insights", "practice", "jobs"] {
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

    /// Runs the selenium flows and decodes what they printed.
    static func runFlows(base: String, hostile: CandidateID, shots: String, compose: [Int64]) async throws -> Report {
        try await runPython("flows.py", [base, "rob@rapport.test", WebAppTests.password, String(hostile.rawValue), shots] + compose.map(String.init))
    }

    /// Runs a script of `scripts/browser` and decodes the JSON it printed; a missing browser or selenium fails with how to
    /// install them.
    static func runPython<Output: Decodable>(_ name: String, _ arguments: [String]) async throws -> Output {
        let script = repository.appendingPathComponent("scripts/browser/\(name)").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script] + arguments
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
        guard process.terminationStatus == 0, let report = try? JSONDecoder().decode(Output.self, from: data) else {
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

    struct PortalAsk: Decodable {
        var errors: [String]
        var known: String?
        var unknown: String?
    }

    struct PortalUse: Decodable {
        /// The parts of "my data" this test reads: the record as the API shows it, and the submissions.
        struct Data: Decodable {
            struct Record: Decodable {
                struct Preferences: Decodable {
                    var maxJobPitchesPer30Days: Int
                }

                var name: String
                var email: String
                var contactPreferences: Preferences
            }

            struct Submission: Decodable {
                var job: String
                var stage: String
            }

            var record: Record
            var submissions: [Submission]
        }

        var errors: [String]
        var landedAt: String?
        var saved: String?
        var limitAfter: String?
        var answered: String?
        var status: String?
        var data: Data?
        var reused: String?
    }

    @Test("a candidate asks for a link (the same answer for an unknown address), signs in with it once, lowers their pitch limit, declines an opening with a reason and downloads their data")
    func candidatePortal() async throws {
        // setup: a candidate with an opening presented to them.
        let store = try SQLiteStore.inMemory()
        let records = FirmRecords(store: store)
        let practice = try await store.createPractice(PracticeDetails(name: "Cloud & DevOps"))
        let recruiter = try await store.createUser(UserDetails(email: "rob@rapport.test", name: "Rob Recruiter", role: .recruiter,
                                                               region: .uk, practiceIDs: [practice.id]))
        let kubernetes = try await store.createSkill(SkillDraft(name: "Kubernetes", category: "devops", practiceID: practice.id))
        let client = try await store.createClient(ClientDetails(name: "Harbour Bank", industry: "fintech", region: .uk))
        let job = try await records.createJob(JobDetails(
            title: "Platform Engineer", clientID: client.id, location: Location(city: "London", country: "GB"), region: .uk, remotePolicy: .hybrid,
            employmentType: .contract, pay: PayRange(minimum: Money(major: 550, .gbp, per: .day), maximum: Money(major: 700, .gbp, per: .day)),
            requiredSkills: [JobSkill(skillID: kubernetes.id, minimumLevel: 3, minimumYears: 2, importance: .must, weight: 8)],
            seniority: .senior, durationWeeks: 26, practiceID: practice.id))
        let mere = try await records.createCandidate(CandidateProfile(
            name: "Mere Tane", email: "mere@example.com", location: Location(city: "London", country: "GB"), timeZone: "Europe/London",
            region: .uk, skills: [CandidateSkill(skillID: kubernetes.id, level: 4, years: 5, lastUsed: 2026)],
            consents: [ConsentRecord(purpose: .dataProcessing, recordedAt: Date().addingTimeInterval(-86_400), method: "web form",
                                     legalBasis: .legitimateInterests)], ownerID: recruiter.id))
        let matching = MatchService(store: store, today: { records.today })
        try await matching.load()
        let service = OutreachService(records: records.observed(by: matching), matching: matching, settings: OutreachSettings())
        let submission = try await service.shortlist(candidate: mere.id, job: job.id, note: "", by: recruiter)
        _ = try await service.move(submission.id, SubmissionMoveRequest(to: .presented, version: 1), by: recruiter)
        let app = Application(router: buildRouter(records: records, matching: matching, outreach: service, web: WebOptions(passwordCost: 4)),
                              configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        let shots = Self.repository.appendingPathComponent("test-artifacts/browser").path

        // MUT
        let (asked, used) = try await app.test(.live) { client in
            let base = "http://127.0.0.1:\(client.port ?? 0)"
            let asked: PortalAsk = try await Self.runPython("portal.py", ["ask", base, "mere@example.com", shots])
            // The link as the e-mail carries it, pointed at this server.
            var link = ""
            for id in try await store.dueOutbox(now: Date().addingTimeInterval(60), limit: 10) {
                let text = try await store.outboxEntry(id).envelope.content.text
                if let range = text.range(of: #"/portal/sign-in/[A-Za-z0-9_-]+"#, options: .regularExpression) { link = base + text[range] }
            }
            let used: PortalUse = try await Self.runPython("portal.py", ["use", link, shots])
            return (asked, used)
        }

        // validate
        #expect(asked.errors.isEmpty, "\(asked.errors)")
        #expect(asked.known?.hasPrefix("If that address is one we hold") == true)
        #expect(asked.known == asked.unknown, "the answer must not tell who is on file")
        #expect(used.errors.isEmpty, "\(used.errors)")
        #expect(used.landedAt == "portal/me", "the token is gone from the address bar")
        #expect(used.saved?.hasPrefix("Saved") == true && used.limitAfter == "1")
        #expect(try await store.candidate(mere.id).profile.contactPreferences.maxJobPitchesPer30Days == 1)
        #expect(used.status == "You said no")
        let declined = try await store.submission(submission.id)
        #expect(declined.stage == .candidateDeclined && declined.history.last?.reason == .pay)
        #expect(used.data?.record.email == "mere@example.com" && used.data?.record.contactPreferences.maxJobPitchesPer30Days == 1)
        #expect(used.data?.submissions.first?.stage == "candidate_declined" && used.data?.submissions.first?.job == "Platform Engineer")
        #expect(used.reused == "Link already used")
        for page in ["portal-asked", "portal-link", "portal", "portal-answered"] {
            #expect(FileManager.default.fileExists(atPath: "\(shots)/\(page).png"), "no screenshot of \(page)")
        }
    }
}
