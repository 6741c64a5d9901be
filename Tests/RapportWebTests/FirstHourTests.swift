import Foundation
import Hummingbird
import HummingbirdTesting
import RapportCore
import RapportMatch
import RapportOutreach
import RapportSQLite
import RapportWeb
import Testing

/// Time that moves only when a test moves it.
final class MovableClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date) { current = start }

    var now: Date { lock.withLock { current } }

    func set(_ instant: Date) { lock.withLock { current = instant } }
}

/// A small firm for the defects a new user meets in the first hour: a recruiter who signs in, skills with spaces and
/// shared prefixes in their names, a platform job and a Java job, and people who fit them.
struct FirstHourFirm {
    let store: SQLiteStore
    let clock = MovableClock(APIHarness.clock)
    let records: FirmRecords
    let matching: MatchService
    let outreach: OutreachService
    let recruiter: User
    let practice: Practice
    let client: Client
    let kubernetes: Skill
    let java: Skill
    let springBoot: Skill
    let javaScript: Skill
    let platformJob: Job
    let javaJob: Job

    init() async throws {
        store = try SQLiteStore.inMemory()
        let clock = clock
        let records = FirmRecords(store: store, now: { clock.now })
        self.records = records
        practice = try await store.createPractice(PracticeDetails(name: "Cloud & DevOps"))
        recruiter = try await store.createUser(UserDetails(email: "rob@rapport.test", name: "Rob Recruiter", role: .recruiter, region: .uk,
                                                           practiceIDs: [practice.id]))
        try await store.setPasswordHash(PasswordHasher(cost: 4).hash(WebAppTests.password), for: recruiter.id)
        kubernetes = try await store.createSkill(SkillDraft(name: "Kubernetes", aliases: ["k8s"], category: "devops", practiceID: practice.id))
        java = try await store.createSkill(SkillDraft(name: "Java", category: "language", practiceID: practice.id))
        springBoot = try await store.createSkill(SkillDraft(name: "Spring Boot", category: "framework", practiceID: practice.id))
        javaScript = try await store.createSkill(SkillDraft(name: "JavaScript", aliases: ["js"], category: "language"))
        client = try await store.createClient(ClientDetails(name: "Harbour Bank", industry: "fintech", region: .uk))
        platformJob = try await records.createJob(Self.job("Platform Engineer", client: client.id, practice: practice.id, skills: [kubernetes.id]))
        javaJob = try await records.createJob(Self.job("Java Developer", client: client.id, practice: practice.id, skills: [java.id, springBoot.id]))
        matching = MatchService(store: store, today: { records.today })
        try await matching.load()
        outreach = OutreachService(records: records.observed(by: matching), matching: matching, settings: OutreachSettings())
    }

    static func job(_ title: String, client: ClientID, practice: PracticeID, skills: [SkillID]) -> JobDetails {
        JobDetails(
            title: title, clientID: client, location: Location(city: "London", country: "GB"), region: .uk, remotePolicy: .hybrid,
            employmentType: .contract, pay: PayRange(minimum: Money(major: 550, .gbp, per: .day), maximum: Money(major: 700, .gbp, per: .day)),
            requiredSkills: skills.map { JobSkill(skillID: $0, minimumLevel: 3, minimumYears: 2, importance: .must, weight: 8) },
            seniority: .senior, durationWeeks: 26, practiceID: practice)
    }

    /// Another open job, known to matching at once.
    func addJob(_ title: String, skills: [Skill]) async throws -> Job {
        try await records.observed(by: matching).createJob(Self.job(title, client: client.id, practice: practice.id, skills: skills.map(\.id)))
    }

    /// Moves a new submission of `candidate` for `job` through `stages`, as the recruiter.
    @discardableResult
    func walk(_ candidate: Candidate, _ job: Job, _ stages: [SubmissionStage], reason: DeclineReason = .remote) async throws -> Submission {
        var submission = try await outreach.shortlist(candidate: candidate.id, job: job.id, note: "", by: recruiter)
        for stage in stages {
            submission = try await outreach.move(submission.id, SubmissionMoveRequest(
                to: stage, version: submission.version, reason: stage == .candidateDeclined ? reason : nil), by: recruiter).submission
        }
        return submission
    }

    /// Sends a pitch of `jobs` to `candidate` as the recruiter.
    func pitch(_ candidate: Candidate, _ jobs: [Job]) async throws {
        _ = try await outreach.send(OutreachRequest(candidateID: candidate.id, kind: .opportunity, jobIDs: jobs.map(\.id)), by: recruiter)
    }

    /// A London contractor with `skills` at level 5, eight years each, used this year.
    func candidate(_ name: String, skills: [Skill]) async throws -> Candidate {
        try await records.observed(by: matching).createCandidate(CandidateProfile(
            name: name, email: "\(name.lowercased().replacingOccurrences(of: " ", with: "."))@example.com",
            location: Location(city: "London", country: "GB"), timeZone: "Europe/London", region: .uk,
            workAuthorisations: [WorkAuthorisation(region: .uk, status: .citizen)],
            skills: skills.map { CandidateSkill(skillID: $0.id, level: 5, years: 8, lastUsed: 2026) },
            goals: CareerGoals(employmentTypes: [.contract], minimumPay: Money(major: 500, .gbp, per: .day)),
            consents: [ConsentRecord(purpose: .dataProcessing, recordedAt: APIHarness.clock.addingTimeInterval(-86_400 * 30), method: "web form",
                                     legalBasis: .legitimateInterests)],
            ownerID: recruiter.id, homePracticeID: practice.id))
    }

    /// Runs `body` signed in as the recruiter.
    func run(_ body: @escaping @Sendable (WebClient) async throws -> Void) async throws {
        let app = Application(router: buildRouter(records: records, matching: matching, web: WebOptions(passwordCost: 4)))
        try await app.test(.router) { client in
            let web = WebClient(client: client)
            let signedIn = try await web.signIn("rob@rapport.test", WebAppTests.password)
            #expect(signedIn.status == .seeOther)
            try await body(web)
        }
    }

    /// `pairs` as a browser puts a GET form in the address: `+` for a space, every other reserved byte as `%XX`.
    static func browserQuery(_ pairs: [(String, String)]) -> String {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~ ")
        return pairs.map { name, value in
            let escaped = value.addingPercentEncoding(withAllowedCharacters: allowed)!.replacingOccurrences(of: " ", with: "+")
            return "\(name)=\(escaped)"
        }.joined(separator: "&")
    }

    /// `text` as Mustache escapes it in a page.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }
}

@Suite("Issue 12: the recruiter's own words survive every form and search")
struct OwnWordsTests {
    static let note = "Kia ora Zoë, as you said in March: C++ & Rust, 100% remote +1\r\nAnd a second line — ŵith ñon-ASCII."

    @Test("a search with a space in a skill or a name finds what was typed")
    func searchWithSpaces() async throws {
        let firm = try await FirstHourFirm()
        _ = try await firm.candidate("Mere Tane", skills: [firm.java, firm.springBoot])
        _ = try await firm.candidate("Aroha Ngata", skills: [firm.kubernetes])
        try await firm.run { web in
            let bySkill = try await web.get("/candidates?" + FirstHourFirm.browserQuery([("skill", "Spring Boot")]))
            #expect(bySkill.status == .ok)
            #expect(!bySkill.text.contains("No skill called"), "the + stayed a plus")
            #expect(bySkill.text.contains("Mere Tane") && !bySkill.text.contains("Aroha Ngata"))
            let byName = try await web.get("/candidates?" + FirstHourFirm.browserQuery([("name", "Mere Tane")]))
            #expect(byName.status == .ok)
            #expect(byName.text.contains("Mere Tane") && !byName.text.contains("Aroha Ngata"))
        }
    }

    @Test("the recruiter's words come back whole after Check and preview, and go out whole when sent")
    func composeRoundTrip() async throws {
        let firm = try await FirstHourFirm()
        let mere = try await firm.candidate("Mere Tane", skills: [firm.kubernetes])
        try await firm.run { web in
            let query = FirstHourFirm.browserQuery([("job", "\(firm.platformJob.id)"), ("note", Self.note), ("overrideReason", "")])
            let preview = try await web.get("/candidates/\(mere.id)/compose?" + query)
            #expect(preview.status == .ok)
            let shown = FirstHourFirm.escaped(Self.note)
            #expect(preview.text.contains(">\(shown)</textarea>"), "the text area")
            #expect(preview.text.contains("name=\"note\" value=\"\(shown)\""), "the hidden field that is sent")
            #expect(preview.text.contains(FirstHourFirm.escaped("C++ & Rust, 100% remote +1")), "the preview")
            let sent = try await web.post("/candidates/\(mere.id)/compose",
                                          form: ["csrf": WebClient.csrf(preview) ?? "", "job": "\(firm.platformJob.id)", "note": Self.note])
            #expect(sent.status == .seeOther)
            let outreach = try #require(try await firm.store.outreach(candidate: mere.id, limit: 5).first)
            #expect(outreach.content.text.contains(Self.note))
        }
    }

    @Test("an override reason with spaces and symbols is kept as written")
    func overrideReason() async throws {
        let firm = try await FirstHourFirm()
        let mere = try await firm.candidate("Mere Tane", skills: [firm.kubernetes])
        let reason = "She asked on Friday to move into Java & Spring Boot (50%+ of her time)."
        try await firm.run { web in
            let query = FirstHourFirm.browserQuery([("job", "\(firm.javaJob.id)"), ("note", ""), ("overrideReason", reason)])
            let preview = try await web.get("/candidates/\(mere.id)/compose?" + query)
            #expect(preview.status == .ok)
            #expect(preview.text.contains("name=\"overrideReason\" value=\"\(FirstHourFirm.escaped(reason))\""))
            let sent = try await web.post("/candidates/\(mere.id)/compose",
                                          form: ["csrf": WebClient.csrf(preview) ?? "", "job": "\(firm.javaJob.id)", "overrideReason": reason])
            #expect(sent.status == .seeOther)
            let outreach = try #require(try await firm.store.outreach(candidate: mere.id, limit: 5).first)
            #expect(outreach.overrideReason == reason)
        }
    }
}

@Suite("Issue 12: search means every filter it shows")
struct SearchFilterTests {
    @Test("several skills mean all of them, given as repeated fields or by commas, on the page and in the API")
    func allSkills() async throws {
        let firm = try await FirstHourFirm()
        _ = try await firm.candidate("Both Skills", skills: [firm.java, firm.kubernetes])
        _ = try await firm.candidate("Java Only", skills: [firm.java])
        _ = try await firm.candidate("Kube Only", skills: [firm.kubernetes])
        try await firm.run { web in
            for query in ["skill=Java&skill=Kubernetes&region=UK", "skill=Java%2C+k8s&region=UK"] {
                let page = try await web.get("/candidates?" + query)
                #expect(page.status == .ok)
                #expect(page.text.contains("1 found"), "\(query)")
                #expect(page.text.contains("Both Skills") && !page.text.contains("Java Only") && !page.text.contains("Kube Only"), "\(query)")
                // Every filter in force is shown, each with a link to the search without it.
                #expect(page.text.contains("skill: Java <a href=\"/candidates?skill=Kubernetes&amp;region=UK\""), "\(query)")
                #expect(page.text.contains("skill: Kubernetes <a href=\"/candidates?skill=Java&amp;region=UK\""), "\(query)")
                #expect(page.text.contains("region: UK <a href=\"/candidates?skill=Java&amp;skill=Kubernetes\""), "\(query)")
                // The chosen skills ride along as hidden fields when another is added.
                #expect(page.text.contains("<input type=\"hidden\" name=\"skill\" value=\"Kubernetes\">"), "\(query)")
            }
        }
        let token = try await APIToken.issue(for: firm.recruiter, label: "test", store: firm.store, now: APIHarness.clock)
        try await firm.run { web in
            let list = try await web.client.executeRequest(
                uri: "/api/v1/candidates?skill=Java&skill=Kubernetes&region=UK", method: .get, headers: [.authorization: "Bearer \(token)"],
                body: nil)
            #expect(list.status == .ok)
            let json = try JSONSerialization.jsonObject(with: Data(String(buffer: list.body).utf8)) as? [String: Any]
            #expect(json?["total"] as? Int == 1)
        }
    }

    @Test("a skill typed in part is suggested from the taxonomy: in the box as you type, and when nothing matched")
    func suggestions() async throws {
        let firm = try await FirstHourFirm()
        try await firm.run { web in
            let page = try await web.get("/candidates")
            #expect(page.text.contains("<input type=\"text\" id=\"skill\" name=\"skill\" list=\"skill-names\""))
            #expect(page.text.contains("<option value=\"Java\">") && page.text.contains("<option value=\"JavaScript\">"))
            let partial = try await web.get("/candidates?skill=Jav")
            #expect(partial.status == .ok)
            #expect(partial.text.contains("No skill called “Jav” is in the taxonomy; did you mean Java, JavaScript?"))
            #expect(partial.text.contains("0 found"))
        }
    }
}

@Suite("Issue 12: the app suggests only what its own gate allows")
struct SuggestionTests {
    @Test("the candidate page offers a pitch only where the gate would allow one, and shows the state of the rest")
    func candidatePage() async throws {
        let firm = try await FirstHourFirm()
        let mere = try await firm.candidate("Mere Tane", skills: [firm.kubernetes])
        let interviewing = try await firm.addJob("SRE", skills: [firm.kubernetes])
        let declined = try await firm.addJob("Cloud Engineer", skills: [firm.kubernetes])
        let pitched = try await firm.addJob("DevOps Engineer", skills: [firm.kubernetes])
        try await firm.walk(mere, interviewing, [.presented, .candidateInterested, .submitted, .interview])
        try await firm.walk(mere, declined, [.presented, .candidateDeclined], reason: .remote)
        try await firm.pitch(mere, [pitched])
        try await firm.run { web in
            let page = try await web.get("/candidates/\(mere.id)")
            #expect(page.status == .ok)
            let section = try #require(page.text.range(of: "id=\"opportunities\"").map { String(page.text[$0.lowerBound...]) })
            #expect(section.contains("<a href=\"/candidates/\(mere.id)/compose?job=\(firm.platformJob.id)\">Pitch this</a>"))
            for job in [interviewing, declined, pitched] {
                #expect(!section.contains("compose?job=\(job.id)\""), "no pitch offered for \(job.details.title)")
                #expect(section.contains("<a href=\"/jobs/\(job.id)\">Open its pipeline</a>"), "\(job.details.title) shown with its state")
            }
            #expect(section.contains("SRE at Harbour Bank: already put to them: interview since"))
            #expect(section.contains("Cloud Engineer at Harbour Bank: they declined it on") && section.contains("(it was not remote)"))
            #expect(section.contains("DevOps Engineer at Harbour Bank was already pitched to this person"))
            #expect(!section.contains("Java Developer"), "a job below the threshold is no suggestion")
        }
    }

    @Test("compose offers only openings the gate would let go; one already with them shows its state instead of a box to tick")
    func composeChoices() async throws {
        let firm = try await FirstHourFirm()
        let mere = try await firm.candidate("Mere Tane", skills: [firm.kubernetes])
        let sre = try await firm.addJob("SRE", skills: [firm.kubernetes])
        try await firm.walk(mere, firm.platformJob, [.presented, .candidateInterested, .submitted, .interview])
        try await firm.run { web in
            let page = try await web.get("/candidates/\(mere.id)/compose")
            #expect(page.status == .ok)
            #expect(page.text.contains("<input type=\"checkbox\" name=\"job\" value=\"\(sre.id)\"> SRE at Harbour Bank — fit"))
            #expect(!page.text.contains("name=\"job\" value=\"\(firm.platformJob.id)\""), "no box to tick for a job at interview")
            #expect(page.text.contains("Platform Engineer at Harbour Bank — fit 85: not offered. Platform Engineer at Harbour Bank: already put to them"))
            #expect(!page.text.contains("Java Developer"), "below the threshold, not offered")
        }
    }

    @Test("when the person's own limit is reached, no pitch is offered at all and the page says why")
    func limitReached() async throws {
        let firm = try await FirstHourFirm()
        let created = try await firm.candidate("Mere Tane", skills: [firm.kubernetes])
        var profile = created.profile
        profile.contactPreferences.maxJobPitchesPer30Days = 1
        let mere = try await firm.records.updateCandidate(created.id, expectedVersion: created.version, profile)
        let other = try await firm.addJob("SRE", skills: [firm.kubernetes])
        try await firm.pitch(mere, [other])
        try await firm.run { web in
            let page = try await web.get("/candidates/\(mere.id)")
            #expect(page.status == .ok)
            #expect(page.text.contains("No pitch can go to them now: 1 job pitch in the last 30 days: the limit they set is 1"))
            #expect(!page.text.contains("Pitch this"))
        }
    }

    @Test("who fits a job shows each person's state: shortlist and pitch only for a new pair, never a second submission")
    func whoFits() async throws {
        let firm = try await FirstHourFirm()
        let fresh = try await firm.candidate("Fresh Face", skills: [firm.kubernetes])
        let placed = try await firm.candidate("Placed Person", skills: [firm.kubernetes])
        let pitched = try await firm.candidate("Pitched Person", skills: [firm.kubernetes])
        try await firm.walk(placed, firm.platformJob, [.presented, .candidateDeclined], reason: .pay)
        try await firm.pitch(pitched, [firm.platformJob])
        try await firm.run { web in
            let page = try await web.get("/jobs/\(firm.platformJob.id)")
            #expect(page.status == .ok)
            let section = try #require(page.text.range(of: "id=\"matches\"").map { String(page.text[$0.lowerBound...]) })
            // Each person's part of the list runs from their name to the next person's fit.
            func entry(_ name: String) -> String {
                guard let start = section.range(of: ">\(name)</a> — fit ") else { return "" }
                let rest = section[start.upperBound...]
                return String(rest[..<(rest.range(of: "</a> — fit ")?.lowerBound ?? rest.endIndex)])
            }
            #expect(entry("Fresh Face").contains("name=\"candidateID\" value=\"\(fresh.id)\">") && entry("Fresh Face").contains("Shortlist</button>"))
            #expect(entry("Fresh Face").contains("compose?job=\(firm.platformJob.id)\">Pitch it to them"))
            #expect(!entry("Placed Person").contains("Shortlist</button>") && !entry("Placed Person").contains("Pitch it"))
            #expect(entry("Placed Person").contains("Ended: declined by the candidate on"))
            #expect(!entry("Pitched Person").contains("Pitch it"))
            #expect(entry("Pitched Person").contains("was already pitched to this person"))
            #expect(entry("Pitched Person").contains("Shortlist</button>"), "pitched but not yet in the pipeline: shortlisting is the next step")
        }
    }

    @Test("Today's new strong matches leave out pairs already pitched or in the pipeline")
    func todayMatches() async throws {
        let firm = try await FirstHourFirm()
        _ = try await firm.candidate("Fresh Face", skills: [firm.kubernetes])
        let pitched = try await firm.candidate("Pitched Person", skills: [firm.kubernetes])
        try await firm.pitch(pitched, [firm.platformJob])
        try await firm.run { web in
            let today = try await web.get("/today")
            #expect(today.status == .ok)
            #expect(today.text.contains("Fresh Face"))
            #expect(!today.text.contains("Pitched Person"))
        }
    }
}

@Suite("Issue 12: no duplicate submissions from the job page")
struct ReopenTests {
    @Test("Shortlist on an ended pair is refused without a reason; Reopen with one opens a second submission, once")
    func reopenFromJobPage() async throws {
        let firm = try await FirstHourFirm()
        let mere = try await firm.candidate("Mere Tane", skills: [firm.kubernetes])
        try await firm.walk(mere, firm.platformJob, [.presented, .candidateDeclined], reason: .pay)
        try await firm.run { web in
            let page = try await web.get("/jobs/\(firm.platformJob.id)")
            #expect(page.text.contains("Shortlist them again") && page.text.contains("name=\"reopenReason\""))
            let csrf = WebClient.csrf(page) ?? ""
            let refused = try await web.post("/jobs/\(firm.platformJob.id)/shortlist", form: ["csrf": csrf, "candidateID": "\(mere.id)"])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("<p class=\"problem\" role=\"alert\">Not shortlisted. Why it is worth another try: is required"))
            #expect(refused.text.contains("<h1>Platform Engineer</h1>"), "the job page, not a bare error")
            #expect(try await firm.store.submissions(candidate: mere.id).count == 1)
            let reopened = try await web.post("/jobs/\(firm.platformJob.id)/shortlist",
                                              form: ["csrf": csrf, "candidateID": "\(mere.id)", "reopenReason": "They asked again after the rate went up."])
            #expect(reopened.status == .seeOther)
            let again = try await web.post("/jobs/\(firm.platformJob.id)/shortlist",
                                           form: ["csrf": csrf, "candidateID": "\(mere.id)", "reopenReason": "They asked again after the rate went up."])
            #expect(again.status == .conflict)
            let submissions = try await firm.store.submissions(candidate: mere.id)
            #expect(submissions.count == 2)
            #expect(submissions.filter(\.stage.isActive).count == 1)
        }
    }
}

@Suite("Issue 12: what the candidate is told in the portal")
struct PortalRecordTests {
    /// Signs `candidate` into the portal through an e-mailed link and returns their page.
    static func portal(_ web: WebClient, _ firm: FirstHourFirm, _ candidate: Candidate) async throws -> APIResponse {
        let path = try #require(try await PortalTests.link(web, firm.store, email: candidate.profile.email))
        let page = try await web.get(path)
        _ = try await web.post(path, form: ["csrf": WebClient.csrf(page) ?? ""])
        return try await web.get("/portal/me")
    }

    @Test("what we hold lists skills as skills, and says when nothing is recorded of what they want to learn")
    func holdsWhatIsTrue() async throws {
        let firm = try await FirstHourFirm()
        let mere = try await firm.candidate("Mere Tane", skills: [firm.kubernetes, firm.java])
        let app = Application(router: buildRouter(records: firm.records, matching: firm.matching, web: WebOptions(passwordCost: 4)))
        try await app.test(.router) { client in
            let me = try await Self.portal(WebClient(client: client), firm, mere)
            #expect(me.status == .ok)
            let held = try #require(me.text.range(of: "id=\"profile\"").map { String(me.text[$0.lowerBound...]) })
            #expect(held.contains("<dt>Skills you want to learn</dt><dd>nothing recorded</dd>"))
            let skills = try #require(held.range(of: "<dt>Your skills</dt>").map { String(held[$0.upperBound...]) })
            #expect(skills.hasPrefix("<dd><ul class=\"plain\"><li>Kubernetes — level 5 of 5</li><li>Java — level 5 of 5</li></ul></dd>"))
        }
    }

    @Test("preferences that fail come back in the portal as typed, each problem in words; a 'no' without a reason is asked again")
    func failedPreferences() async throws {
        let firm = try await FirstHourFirm()
        let mere = try await firm.candidate("Mere Tane", skills: [firm.kubernetes])
        try await firm.walk(mere, firm.platformJob, [.presented])
        let app = Application(router: buildRouter(records: firm.records, matching: firm.matching, web: WebOptions(passwordCost: 4)))
        try await app.test(.router) { client in
            let web = WebClient(client: client)
            let me = try await Self.portal(web, firm, mere)
            let csrf = WebClient.csrf(me) ?? ""
            let failed = try await web.post("/portal/preferences", form: [
                "csrf": csrf, "maxJobPitchesPer30Days": "40", "quietStart": "25:00", "quietEnd": "08:00", "channel": "phone",
            ])
            #expect(failed.status == .unprocessableContent)
            #expect(failed.text.contains("Hello, Mere Tane"), "the whole portal page")
            #expect(failed.text.contains("<p class=\"problem\" role=\"alert\">Messages about roles per 30 days: must be a whole number from 0 to 30</p>"))
            #expect(failed.text.contains("<p class=\"problem\" role=\"alert\">Quiet hours start: must be a time written HH:MM</p>"))
            #expect(failed.text.contains("name=\"maxJobPitchesPer30Days\" min=\"0\" max=\"30\" value=\"40\""))
            #expect(failed.text.contains("value=\"25:00\""))
            #expect(try await firm.store.candidate(mere.id).profile.contactPreferences.maxJobPitchesPer30Days == 4)
            let submission = try #require(try await firm.store.submissions(candidate: mere.id).first)
            let noReason = try await web.post("/portal/openings/\(submission.id)", form: ["csrf": csrf, "answer": "no"])
            #expect(noReason.status == .unprocessableContent)
            #expect(noReason.text.contains("<p class=\"problem\" role=\"alert\">Why not: tell us why not, so we send fewer roles like it</p>"))
            #expect(try await firm.store.submission(submission.id).stage == .presented)
        }
    }

    @Test("a person makes undisclosed pay a deal-breaker in the portal: the box stays ticked, and a job without pay is no longer theirs")
    func disclosedPayInPortal() async throws {
        let firm = try await FirstHourFirm()
        let mere = try await firm.candidate("Mere Tane", skills: [firm.kubernetes])
        var details = FirstHourFirm.job("Platform role, pay not stated", client: firm.client.id, practice: firm.practice.id, skills: [firm.kubernetes.id])
        details.pay = nil
        let silent = try await firm.records.observed(by: firm.matching).createJob(details)
        #expect(try await firm.matching.fit(candidate: mere.id, job: silent.id).ineligibility.isEmpty)
        let app = Application(router: buildRouter(records: firm.records, matching: firm.matching, web: WebOptions(passwordCost: 4)))
        try await app.test(.router) { client in
            let web = WebClient(client: client)
            let me = try await Self.portal(web, firm, mere)
            #expect(me.text.contains("<input type=\"checkbox\" name=\"requiresDisclosedPay\"> Only tell me about roles that state their pay"))
            let saved = try await web.post("/portal/preferences", form: [
                "csrf": WebClient.csrf(me) ?? "", "maxJobPitchesPer30Days": "4", "quietStart": "21:00", "quietEnd": "08:00",
                "channel": "email", "requiresDisclosedPay": "on", "workingHours": "full_time",
            ])
            #expect(saved.status == .seeOther)
            let again = try await web.get("/portal/me")
            #expect(again.text.contains("<option value=\"full_time\" selected>Full-time only</option>"))
            #expect(again.text.contains("<input type=\"checkbox\" name=\"requiresDisclosedPay\" checked> Only tell me about roles that state their pay"))
        }
        #expect(try await firm.store.candidate(mere.id).profile.goals.requiresDisclosedPay)
        #expect(try await firm.store.candidate(mere.id).profile.goals.workingHours == .fullTime)
        let fit = try await firm.matching.fit(candidate: mere.id, job: silent.id)
        #expect(fit.ineligibility.map(\.code) == ["pay_not_disclosed"])
    }

    @Test("a 'no' for its pay becomes a soft signal: roles that pay no more rank lower for them, and both voices say why")
    func declineBecomesFeedback() async throws {
        let firm = try await FirstHourFirm()
        let mere = try await firm.candidate("Mere Tane", skills: [firm.kubernetes])
        let alike = try await firm.addJob("Kubernetes Engineer", skills: [firm.kubernetes])
        let before = try await firm.matching.fit(candidate: mere.id, job: alike.id)
        #expect(before.feedbackFactor == 1)
        try await firm.walk(mere, firm.platformJob, [.presented])
        let app = Application(router: buildRouter(records: firm.records, matching: firm.matching, web: WebOptions(passwordCost: 4)))
        try await app.test(.router) { client in
            let web = WebClient(client: client)
            let me = try await Self.portal(web, firm, mere)
            let submission = try #require(try await firm.store.submissions(candidate: mere.id).first)
            let answered = try await web.post("/portal/openings/\(submission.id)", form: ["csrf": WebClient.csrf(me) ?? "", "answer": "no", "reason": "pay"])
            #expect(answered.status == .seeOther)
        }
        let feedback = try await firm.store.candidate(mere.id).profile.feedback
        #expect(feedback.map(\.reason) == [.pay])
        #expect(feedback.first?.jobID == firm.platformJob.id)
        let after = try await firm.matching.fit(candidate: mere.id, job: alike.id)
        #expect(after.feedbackFactor == 0.85)
        #expect(after.score < before.score)
        #expect(after.forCandidate.contains("You told us the pay of Platform Engineer was too low, and this role pays no more."))
        #expect(after.forRecruiter.contains { $0.hasPrefix("Their feedback: Turned down Platform Engineer on ") })
        // The index's own copy of the person has the signal too, so the job's list ranks them by it.
        let listed = try await firm.matching.matches(for: alike.id, limit: 5, includeIneligible: true).first { $0.candidateID == mere.id }
        #expect(listed?.fit.feedbackFactor == 0.85)
    }

    @Test("their market pools six months of rates, says how many, and shows no figure resting on too few")
    func market() async throws {
        let firm = try await FirstHourFirm()
        let mere = try await firm.candidate("Mere Tane", skills: [firm.kubernetes, firm.javaScript])
        // Kubernetes day rates (each job's middle): 625 (the platform job), then 400, 500, 600, 700, 800.
        for (index, middle) in [400, 500, 600, 700, 800].enumerated() {
            var details = FirstHourFirm.job("Kubernetes role \(index)", client: firm.client.id, practice: firm.practice.id, skills: [firm.kubernetes.id])
            details.pay = PayRange(minimum: Money(major: Int64(middle - 50), .gbp, per: .day), maximum: Money(major: Int64(middle + 50), .gbp, per: .day))
            _ = try await firm.records.createJob(details)
        }
        // One JavaScript rate only.
        _ = try await firm.records.createJob(
            FirstHourFirm.job("Front-end", client: firm.client.id, practice: firm.practice.id, skills: [firm.javaScript.id]))
        let app = Application(router: buildRouter(records: firm.records, matching: firm.matching, web: WebOptions(passwordCost: 4)))
        try await app.test(.router) { client in
            let me = try await Self.portal(WebClient(client: client), firm, mere)
            #expect(me.status == .ok)
            // Type 7 over 400, 500, 600, 625, 700, 800: 525, 612.50, 681.25.
            #expect(me.text.contains("<tr><td>Kubernetes</td><td>GBP 612.50 a day</td><td>GBP 525 a day to GBP 681.25 a day</td><td>6</td></tr>"))
            #expect(!me.text.contains("<td>JavaScript</td>"), "one rate is too few to show")
        }
    }

    @Test("every role put to them is listed with its state: by e-mail, by a call, and in the pipeline")
    func rolesPutToThem() async throws {
        let firm = try await FirstHourFirm()
        let mere = try await firm.candidate("Mere Tane", skills: [firm.kubernetes])
        let emailed = try await firm.addJob("SRE", skills: [firm.kubernetes])
        let called = try await firm.addJob("Cloud Engineer", skills: [firm.kubernetes])
        try await firm.pitch(mere, [emailed])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-portal-\(UUID().uuidString)")
        _ = try await DeliveryService(outreach: firm.outreach, transport: try MailFolderTransport(directory: folder)).deliverDue()
        _ = try await firm.outreach.send(OutreachRequest(
            candidateID: mere.id, kind: .opportunity, channel: .phone, jobIDs: [called.id], note: "Talked it through.",
            occurredAt: APIHarness.clock.addingTimeInterval(-600)), by: firm.recruiter)
        try await firm.walk(mere, firm.platformJob, [.presented])
        let app = Application(router: buildRouter(records: firm.records, matching: firm.matching, web: WebOptions(passwordCost: 4)))
        try await app.test(.router) { client in
            let me = try await Self.portal(WebClient(client: client), firm, mere)
            #expect(me.status == .ok)
            #expect(!me.text.contains("None yet"))
            #expect(me.text.contains("<h3>SRE at Harbour Bank</h3>") && me.text.contains("We e-mailed you about it on"))
            #expect(me.text.contains("<h3>Cloud Engineer at Harbour Bank</h3>") && me.text.contains("Your recruiter told you about it on"))
            #expect(me.text.contains("<h3>Platform Engineer at Harbour Bank</h3>") && me.text.contains("Waiting for your answer"))
            #expect(me.text.components(separatedBy: "<article class=\"card\">").count == 4, "each role once")
        }
    }
}

@Suite("Issue 12: pages that keep their frame and speak in words")
struct PageFrameTests {
    @Test("an unknown page address while signed in is the HTML 404 with navigation; the API's stays JSON; 403 keeps the navigation")
    func unknownAndForbidden() async throws {
        let firm = try await FirstHourFirm()
        try await firm.run { web in
            for path in ["/clients/new", "/candidates/704/edit", "/jobs/1/nothing"] {
                let page = try await web.get(path)
                #expect(page.status == .notFound, "\(path)")
                #expect(page.headers[.contentType]?.hasPrefix("text/html") == true, "\(path)")
                #expect(page.text.contains("<a href=\"/today\""), "\(path): the navigation is there")
            }
            let api = try await web.get("/api/v1/nothing")
            #expect(api.status == .notFound)
            #expect(api.headers[.contentType]?.hasPrefix("application/json") == true)
            let admin = try await web.get("/admin")
            #expect(admin.status == .forbidden)
            #expect(admin.text.contains("<a href=\"/today\"") && admin.text.contains("Your role does not allow this."))
        }
    }

    @Test("a form body over 64 KiB is a 413 page, not a 500", arguments: ["/sign-in", "/portal/link"])
    func oversizedForm(path: String) async throws {
        let firm = try await FirstHourFirm()
        let app = Application(router: buildRouter(records: firm.records, matching: firm.matching, web: WebOptions(passwordCost: 4)))
        try await app.test(.router) { client in
            let body = ByteBuffer(string: "email=" + String(repeating: "a", count: 70 * 1024))
            let response = try await client.executeRequest(
                uri: path, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: body)
            #expect(response.status == .contentTooLarge)
            #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
        }
    }

    @Test("the board asks for the next stage instead of defaulting to the current one; a finished card has no move form")
    func board() async throws {
        let firm = try await FirstHourFirm()
        let mere = try await firm.candidate("Mere Tane", skills: [firm.kubernetes])
        let aroha = try await firm.candidate("Aroha Ngata", skills: [firm.kubernetes])
        let interviewing = try await firm.walk(mere, firm.platformJob, [.presented, .candidateInterested, .submitted, .interview])
        let declined = try await firm.walk(aroha, firm.platformJob, [.presented, .candidateDeclined])
        try await firm.run { web in
            let page = try await web.get("/jobs/\(firm.platformJob.id)")
            #expect(page.status == .ok)
            let select = try #require(page.text.range(of: "<select id=\"to-\(interviewing.id)\"").map { String(page.text[$0.lowerBound...].prefix(600)) })
            #expect(select.contains("required><option value=\"\" disabled selected>Choose the next stage</option>"))
            #expect(select.contains("<option value=\"interview\">another interview round</option>"))
            #expect(!page.text.contains("id=\"to-\(declined.id)\""), "no move form on a finished card")
            #expect(page.text.contains("Final: no further moves."))
            #expect(page.text.contains("<h3>declined by the candidate</h3>"))
        }
    }

    @Test("closed sets read as words on pages: contract-to-hire, on site, practice lead")
    func words() async throws {
        let firm = try await FirstHourFirm()
        var details = FirstHourFirm.job("Data Engineer", client: firm.client.id, practice: firm.practice.id, skills: [firm.java.id])
        details.employmentType = .contractToHire
        details.remotePolicy = .onsite
        let job = try await firm.records.createJob(details)
        try await firm.run { web in
            let page = try await web.get("/jobs/\(job.id)")
            #expect(page.status == .ok)
            #expect(page.text.contains("on site · contract-to-hire · senior"))
            #expect(!page.text.contains("contract_to_hire"))
        }
    }
}

@Suite("Issue 12: compose and answer say what they do")
struct ComposeAndAnswerTests {
    @Test("five openings ticked are put to the gate, which says three is the most; none ticked is said, not ignored")
    func openingsCount() async throws {
        let firm = try await FirstHourFirm()
        let mere = try await firm.candidate("Mere Tane", skills: [firm.kubernetes])
        var jobs = [firm.platformJob]
        for title in ["SRE", "Cloud Engineer", "DevOps Engineer", "Kubernetes Engineer"] {
            jobs.append(try await firm.addJob(title, skills: [firm.kubernetes]))
        }
        let ticked = jobs
        try await firm.run { web in
            let five = try await web.get("/candidates/\(mere.id)/compose?" + FirstHourFirm.browserQuery(ticked.map { ("job", "\($0.id)") } + [("note", "")]))
            #expect(five.status == .ok)
            #expect(five.text.contains("The gate says: blocked"))
            #expect(five.text.contains("An opportunity presents at most 3 jobs; this one has 5."))
            #expect(five.text.contains("<button type=\"submit\" disabled>Send</button>"))
            let none = try await web.get("/candidates/\(mere.id)/compose?note=&overrideReason=")
            #expect(none.status == .ok)
            #expect(none.text.contains("Tick at least one opening to check and preview a pitch."))
            let first = try await web.get("/candidates/\(mere.id)/compose")
            #expect(!first.text.contains("Tick at least one opening"), "not before the form was used")
        }
    }

    @Test("the reply they are waiting about is shown above the answer box")
    func replyAboveAnswer() async throws {
        let firm = try await FirstHourFirm()
        let mere = try await firm.candidate("Mere Tane", skills: [firm.kubernetes])
        _ = try await firm.outreach.log(LoggedReply(
            candidateID: mere.id, channel: .phone, text: "Is the platform role open to a four-day week?",
            receivedAt: APIHarness.clock.addingTimeInterval(-3_600)), by: firm.recruiter)
        try await firm.run { web in
            let page = try await web.get("/candidates/\(mere.id)")
            #expect(page.status == .ok)
            let question = try #require(page.text.range(of: "<blockquote class=\"reply\">Is the platform role open to a four-day week?</blockquote>"))
            let box = try #require(page.text.range(of: "name=\"note\" rows=\"3\" required"))
            #expect(question.lowerBound < box.lowerBound)
            #expect(page.text.contains("They wrote by phone on"))
        }
    }
}

@Suite("Issue 12: how to reach a person is on their page and on the call list")
struct ReachTests {
    @Test("the candidate page shows e-mail, phone, profile links, work rights and how they want to work")
    func contactDetails() async throws {
        let firm = try await FirstHourFirm()
        let created = try await firm.candidate("Mere Tane", skills: [firm.kubernetes])
        var profile = created.profile
        profile.phone = "+44 (20) 7946-0958"
        profile.links = ["https://github.com/meretane"]
        profile.remotePreference = .remoteOnly
        let mere = try await firm.records.updateCandidate(created.id, expectedVersion: created.version, profile)
        try await firm.run { web in
            let page = try await web.get("/candidates/\(mere.id)")
            #expect(page.status == .ok)
            #expect(page.text.contains("<a href=\"mailto:mere.tane@example.com\">mere.tane@example.com</a>"))
            #expect(page.text.contains("<a href=\"tel:+442079460958\">+44 (20) 7946-0958</a>"))
            #expect(page.text.contains("<a href=\"https://github.com/meretane\" rel=\"noopener noreferrer\">"))
            #expect(page.text.contains("<dt>Work rights</dt><dd>UK: citizen</dd>"))
            #expect(page.text.contains("<dt>Works</dt><dd>remote only</dd>"))
        }
    }

    @Test("Due a touch lists each person's number and address, and says when the list is cut instead of stopping silently")
    func callList() async throws {
        let firm = try await FirstHourFirm()
        let longAgo = APIHarness.clock.addingTimeInterval(-60 * 86_400)
        for index in 0..<51 {
            let person = try await firm.candidate("Person \(index)", skills: [firm.kubernetes])
            var profile = person.profile
            profile.phone = "+44 20 7946 \(1000 + index)"
            _ = try await firm.records.updateCandidate(person.id, expectedVersion: person.version, profile)
            _ = try await firm.store.setTouchCadence(person.id, days: 30, at: longAgo)
        }
        try await firm.run { web in
            let today = try await web.get("/today")
            #expect(today.status == .ok)
            let section = try #require(today.text.range(of: "id=\"touches\"").map { String(today.text[$0.lowerBound...]) })
            #expect(section.contains("<a href=\"tel:+442079461000\">+44 20 7946 1000</a>"))
            #expect(section.contains("<a href=\"mailto:person.0@example.com\">"))
            #expect(section.contains("Showing the first 50; more are due."))
        }
    }
}

@Suite("Issue 12: scorecards open where there is something to see")
struct ScorecardOpeningTests {
    @Test("with no period asked, the page opens on the last month in which anyone has a score, and draws no point for a month with too few answers")
    func opensOnData() async throws {
        let firm = try await FirstHourFirm()
        // Fifteen people answer in October; one in November, the current month.
        firm.clock.set(APIHarness.clock.addingTimeInterval(-30 * 86_400))
        for number in 0..<16 {
            if number == 15 { firm.clock.set(APIHarness.clock) }
            let person = try await firm.candidate("Asked Person \(number)", skills: [firm.kubernetes])
            let (survey, _) = try await firm.outreach.sendSurvey(to: person.id, trigger: .discovery, by: firm.recruiter)
            let token = String(try #require(survey.content.text.firstMatch(of: /survey\/([a-z0-9]+)/)?.1))
            guard case .recorded = try await firm.outreach.answerSurvey(token: token, SurveyAnswer(nps: number == 15 ? 0 : 9)) else {
                Issue.record("survey \(number) was not answered")
                return
            }
        }
        try await firm.run { web in
            let page = try await web.get("/scorecards")
            #expect(page.status == .ok)
            #expect(page.text.contains("<option value=\"2026-10\" selected>"), "October has 15 answers; November only one")
            #expect(!page.text.contains("not enough data (15 of 15"))
            // The data table under the NPS chart: October's 100, and no figure for November's single answer.
            let table = try #require(page.text.range(of: "Candidate NPS by month").map { String(page.text[$0.lowerBound...]) })
                .replacingOccurrences(of: "\n", with: "")
            #expect(table.contains("<th scope=\"row\">2026-10</th><td>100</td>"))
            #expect(table.contains("<th scope=\"row\">2026-11</th><td>No data</td>"))
            let asked = try await web.get("/scorecards?period=2026-11")
            #expect(asked.text.contains("<option value=\"2026-11\" selected>"), "a period asked for is kept")
        }
    }
}

@Suite("Issue 12: a failed form comes back filled in, with each problem next to its field, in words")
struct FailedFormTests {
    @Test("a discovery conversation with an empty note and a cadence of 400 days comes back as typed, saying what to fix")
    func discovery() async throws {
        let firm = try await FirstHourFirm()
        let mere = try await firm.candidate("Mere Tane", skills: [firm.kubernetes])
        try await firm.run { web in
            let page = try await web.get("/candidates/\(mere.id)")
            let failed = try await web.post("/candidates/\(mere.id)/discovery", form: [
                "csrf": WebClient.csrf(page) ?? "", "channel": "meeting", "notes": "   ", "targetRoles": "Platform Engineer, SRE & Ops",
                "cadenceDays": "400",
            ])
            #expect(failed.status == .unprocessableContent)
            #expect(failed.text.contains("<h1>Mere Tane</h1>") && failed.text.contains("<a href=\"/today\""), "the whole page, with navigation")
            #expect(failed.text.contains("<details open>"))
            #expect(failed.text.contains("<p class=\"problem field-problem\" id=\"cadence-problem\">How often to keep in touch: must be from 7 to 365 days</p>"))
            #expect(failed.text.contains("<p class=\"problem field-problem\" id=\"notes-problem\">What you learnt: must not be empty</p>"))
            #expect(failed.text.contains("value=\"Platform Engineer, SRE &amp; Ops\""), "what was typed is kept")
            #expect(failed.text.contains("name=\"cadenceDays\" min=\"7\" max=\"365\" value=\"400\""))
            #expect(failed.text.contains("<option value=\"meeting\" selected>meeting</option>"))
            #expect(!failed.text.contains("cadenceDays must"), "fields are named in words")
            #expect(try await firm.store.touchSchedule(mere.id)?.cadenceDays != 400)
            let words = try await web.post("/candidates/\(mere.id)/discovery", form: [
                "csrf": WebClient.csrf(page) ?? "", "channel": "phone", "notes": "Wants platform work", "cadenceDays": "every month",
            ])
            #expect(words.status == .unprocessableContent)
            #expect(words.text.contains("How often to keep in touch: must be a number of days, from 7 to 365 (got &quot;every month&quot;)"))
        }
    }

    @Test("an answer of only spaces comes back with the text as typed and the problem next to it")
    func answer() async throws {
        let firm = try await FirstHourFirm()
        let mere = try await firm.candidate("Mere Tane", skills: [firm.kubernetes])
        _ = try await firm.outreach.log(LoggedReply(candidateID: mere.id, channel: .phone, text: "Any news?",
                                                    receivedAt: APIHarness.clock.addingTimeInterval(-600)), by: firm.recruiter)
        let obligation = try #require(try await firm.store.obligations(candidate: mere.id).first)
        try await firm.run { web in
            let page = try await web.get("/candidates/\(mere.id)")
            let failed = try await web.post("/candidates/\(mere.id)/answer", form: [
                "csrf": WebClient.csrf(page) ?? "", "obligationID": "\(obligation.id)", "note": "  \n ", "how": "phone",
            ])
            #expect(failed.status == .unprocessableContent)
            #expect(failed.text.contains("role=\"alert\">Your answer: must say what you told them</p>"))
            #expect(failed.text.contains("<input type=\"radio\" name=\"how\" value=\"phone\" checked>"))
            #expect(try await firm.store.obligation(obligation.id).status == .open)
        }
    }

    @Test("a placement with a bad date and no pay comes back on its card, as typed, saying what to fix")
    func boardMove() async throws {
        let firm = try await FirstHourFirm()
        let mere = try await firm.candidate("Mere Tane", skills: [firm.kubernetes])
        let offer = try await firm.walk(mere, firm.platformJob, [.presented, .candidateInterested, .submitted, .interview, .offer])
        try await firm.run { web in
            let page = try await web.get("/jobs/\(firm.platformJob.id)")
            let failed = try await web.post("/jobs/\(firm.platformJob.id)/moves", form: [
                "csrf": WebClient.csrf(page) ?? "", "submissionID": "\(offer.id)", "version": "\(offer.version)", "to": "placed",
                "start": "2026-13-01", "end": "", "payRate": "", "billRate": "750", "currency": "GBP", "unit": "day",
            ])
            #expect(failed.status == .unprocessableContent)
            #expect(failed.text.contains("<h1>Platform Engineer</h1>") && failed.text.contains("<a href=\"/today\""))
            #expect(failed.text.contains("<p class=\"problem\" role=\"alert\">Start: must be a date, YYYY-MM-DD Pay: must be an amount such as 650</p>"))
            #expect(failed.text.contains("<option value=\"placed\" selected>placed</option>"))
            #expect(failed.text.contains("name=\"start\" value=\"2026-13-01\"") && failed.text.contains("name=\"billRate\" value=\"750\""))
            #expect(try await firm.store.submission(offer.id).stage == .offer)
        }
    }
}
