import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportCore
import RapportMatch
import RapportSQLite
import RapportWeb
import Testing

/// A browser's worth of state for the router tests: the cookies the server set, sent back on every request.
final class CookieJar: @unchecked Sendable {
    private let lock = NSLock()
    private var cookies: [String: String] = [:]

    func take(_ headers: HTTPFields) {
        lock.withLock {
            for field in headers where field.name == .setCookie {
                let pair = field.value.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1)
                guard pair.count == 2 else { continue }
                if pair[1].isEmpty { cookies[String(pair[0])] = nil } else { cookies[String(pair[0])] = String(pair[1]) }
            }
        }
    }

    var header: String { lock.withLock { cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") } }
}

struct WebClient: Sendable {
    let client: any TestClientProtocol
    let jar = CookieJar()

    func get(_ uri: String) async throws -> APIResponse {
        try await send(.get, uri, form: nil)
    }

    func post(_ uri: String, form: [String: String]) async throws -> APIResponse {
        try await send(.post, uri, form: form)
    }

    /// Posts `fields` and one file as `multipart/form-data`, as a browser sends a form with a file input.
    func upload(_ uri: String, fields: [String: String], file: (field: String, name: String, data: Data)) async throws -> APIResponse {
        let boundary = "----RapportTest\(UUID().uuidString)"
        var body = ByteBuffer()
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\n"
                         + "Content-Type: application/octet-stream\r\n\r\n")
        body.writeBytes(file.data)
        body.writeString("\r\n--\(boundary)--\r\n")
        var headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]
        if !jar.header.isEmpty { headers[.cookie] = jar.header }
        let response = try await client.executeRequest(uri: uri, method: .post, headers: headers, body: body)
        jar.take(response.headers)
        return APIResponse(status: response.status, headers: response.headers, text: String(buffer: response.body))
    }

    private func send(_ method: HTTPRequest.Method, _ uri: String, form: [String: String]?) async throws -> APIResponse {
        var headers: HTTPFields = [:]
        if !jar.header.isEmpty { headers[.cookie] = jar.header }
        var body: ByteBuffer?
        if let form {
            headers[.contentType] = "application/x-www-form-urlencoded"
            var components = URLComponents()
            components.queryItems = form.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
            body = ByteBuffer(string: (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B"))
        }
        let response = try await client.executeRequest(uri: uri, method: method, headers: headers, body: body)
        jar.take(response.headers)
        return APIResponse(status: response.status, headers: response.headers, text: String(buffer: response.body))
    }

    /// The CSRF token of the first form on a page.
    static func csrf(_ page: APIResponse) -> String? {
        guard let range = page.text.range(of: #"name="csrf" value="([^"]+)""#, options: .regularExpression) else { return nil }
        return String(page.text[range].split(separator: "\"")[3])
    }

    /// Signs in through the form; returns the response to the POST.
    func signIn(_ email: String, _ password: String) async throws -> APIResponse {
        let form = try await get("/sign-in")
        return try await post("/sign-in", form: ["csrf": Self.csrf(form) ?? "", "email": email, "password": password])
    }
}

@Suite("The recruiter web app: sign-in, sessions, CSRF, headers, escaping")
struct WebAppTests {
    static let password = "correct horse battery staple"

    struct Firm {
        let store: SQLiteStore
        let records: FirmRecords
        let matching: MatchService
        let recruiter: User

        init() async throws {
            store = try SQLiteStore.inMemory()
            let records = FirmRecords(store: store, now: { APIHarness.clock })
            self.records = records
            let practice = try await store.createPractice(PracticeDetails(name: "Cloud & DevOps"))
            recruiter = try await store.createUser(UserDetails(email: "rob@rapport.test", name: "Rob Recruiter", role: .recruiter, region: .uk,
                                                               practiceIDs: [practice.id]))
            try await store.setPasswordHash(PasswordHasher(cost: 4).hash(WebAppTests.password), for: recruiter.id)
            matching = MatchService(store: store, today: { records.today })
            try await matching.load()
        }

        func run(_ body: @escaping @Sendable (WebClient) async throws -> Void) async throws {
            let app = Application(router: buildRouter(records: records, matching: matching, web: WebOptions(passwordCost: 4)))
            try await app.test(.router) { client in try await body(WebClient(client: client)) }
        }
    }

    @Test("signing in sets a Secure, HttpOnly, SameSite session cookie and opens Today; pages carry the security headers")
    func signIn() async throws {
        let firm = try await Firm()
        try await firm.run { web in
            let start = try await web.get("/")
            #expect(start.status == .seeOther && start.headers[.location] == "/sign-in")
            let refused = try await web.signIn("rob@rapport.test", "wrong password here")
            #expect(refused.status == .unauthorized)
            #expect(refused.text.contains("do not match an active account"))
            let signedIn = try await web.signIn("rob@rapport.test", Self.password)
            #expect(signedIn.status == .seeOther && signedIn.headers[.location] == "/today")
            let cookie = try #require(signedIn.headers[values: .setCookie].first { $0.hasPrefix("rapport_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("Secure") && cookie.contains("SameSite=Lax"))
            let today = try await web.get("/today")
            #expect(today.status == .ok)
            #expect(today.text.contains("<h1>Today, Rob</h1>"))
            #expect(today.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
            #expect(today.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
            #expect(today.headers[.xContentTypeOptions] == "nosniff")
            #expect(today.headers[.cacheControl] == "no-store")
            #expect(!today.text.contains("style=\""), "inline styles would be blocked by the CSP")
            let css = try await web.get("/static/rapport.css")
            #expect(css.status == .ok && css.text.contains("--accent"))
        }
    }

    @Test("a form without the right CSRF token is refused: sign-in and sign-out; signing out ends the session")
    func csrf() async throws {
        let firm = try await Firm()
        try await firm.run { web in
            _ = try await web.get("/sign-in")
            let forged = try await web.post("/sign-in", form: ["csrf": "forged", "email": "rob@rapport.test", "password": Self.password])
            #expect(forged.status == .forbidden)
            #expect(try await web.get("/today").status == .seeOther)
            _ = try await web.signIn("rob@rapport.test", Self.password)
            let today = try await web.get("/today")
            let noToken = try await web.post("/sign-out", form: [:])
            #expect(noToken.status == .forbidden)
            // Every form that changes something checks the token: composing and answering too.
            #expect(try await web.post("/candidates/1/compose", form: ["job": "1", "csrf": "forged"]).status == .forbidden)
            #expect(try await web.post("/candidates/1/answer", form: ["obligationID": "1", "note": "hi"]).status == .forbidden)
            #expect(try await web.get("/today").status == .ok)
            let out = try await web.post("/sign-out", form: ["csrf": WebClient.csrf(today) ?? ""])
            #expect(out.status == .seeOther && out.headers[.location] == "/sign-in")
            let after = try await web.get("/today")
            #expect(after.status == .seeOther && after.headers[.location] == "/sign-in")
        }
    }

    @Test("five failures lock an address for 15 minutes, even with the right password")
    func throttling() async throws {
        let firm = try await Firm()
        try await firm.run { web in
            for _ in 0..<SignInService.perAccount {
                #expect(try await web.signIn("ROB@rapport.test", "not the password at all").status == .unauthorized)
            }
            let locked = try await web.signIn("rob@rapport.test", Self.password)
            #expect(locked.status == .tooManyRequests)
            #expect(locked.text.contains("Too many failed attempts"))
        }
    }

    @Test("every byte of a long password counts, beyond Bcrypt's 72")
    func longPasswords() async throws {
        let hasher = PasswordHasher(cost: 4)
        let long = String(repeating: "a", count: 80) + "1"
        let hash = hasher.hash(long)
        #expect(hasher.verify(long, hash: hash))
        #expect(!hasher.verify(String(repeating: "a", count: 80) + "2", hash: hash))
        #expect(!hasher.verify(String(repeating: "a", count: 72), hash: hash))
        #expect(PasswordHasher.problem("short") == "must be at least 12 characters")
        #expect(PasswordHasher.problem(String(repeating: "x", count: 2000)) == "must be at most 1024 bytes")
        #expect(PasswordHasher.problem("a perfectly fine passphrase") == nil)
    }

    @Test("a candidate's name is escaped on every page; an unknown candidate is a 404 page, not JSON")
    func escaping() async throws {
        let firm = try await Firm()
        let hostile = CandidateProfile(
            name: "<script>alert(1)</script>", email: "x@example.com", location: Location(city: "London", country: "GB"),
            timeZone: "Europe/London", region: .uk, headline: "\"><img src=x onerror=alert(2)>",
            consents: [ConsentRecord(purpose: .dataProcessing, recordedAt: APIHarness.clock.addingTimeInterval(-86_400), method: "web form",
                                     legalBasis: .legitimateInterests)],
            ownerID: firm.recruiter.id)
        let candidate = try await firm.records.createCandidate(hostile)
        try await firm.run { web in
            _ = try await web.signIn("rob@rapport.test", Self.password)
            for page in ["/candidates", "/candidates/\(candidate.id)", "/candidates?name=%3Cscript%3E"] {
                let response = try await web.get(page)
                #expect(response.status == .ok, "\(page)")
                #expect(!response.text.contains("<script>alert(1)"), "\(page)")
                #expect(!response.text.contains("<img src=x"), "\(page)")
                #expect(response.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(page)")
            }
            #expect(try await web.get("/candidates/\(candidate.id)").text.contains("No skills recorded yet"))
            let missing = try await web.get("/candidates/999999")
            #expect(missing.status == .notFound)
            #expect(missing.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(missing.text.contains("Not found") && !missing.text.contains("RapportError"))
        }
    }

    @Test("a deactivated user's session no longer signs them in")
    func deactivation() async throws {
        let firm = try await Firm()
        try await firm.run { web in
            _ = try await web.signIn("rob@rapport.test", Self.password)
            #expect(try await web.get("/today").status == .ok)
            var details = firm.recruiter.details
            details.active = false
            _ = try await firm.store.updateUser(firm.recruiter.id, expectedVersion: firm.recruiter.version, details)
            #expect(try await web.get("/today").status == .seeOther)
            #expect(try await web.signIn("rob@rapport.test", Self.password).status == .unauthorized)
        }
    }

    @Test("scorecards and market pages render their charts as accessible SVG, without script, and refuse strangers")
    func insightPages() async throws {
        let firm = try await Firm()
        try await firm.run { web in
            #expect(try await web.get("/scorecards").status == .seeOther)
            _ = try await web.signIn("rob@rapport.test", Self.password)
            let scorecards = try await web.get("/scorecards?period=2026-Q4")
            #expect(scorecards.status == .ok)
            #expect(scorecards.text.contains("<option value=\"2026-Q4\" selected>"))
            #expect(scorecards.text.contains("role=\"img\""))
            #expect(scorecards.text.contains("Rob Recruiter"))
            #expect(scorecards.text.contains("not enough data (0 of 15 answers)"))
            #expect(scorecards.text.contains("never ranked"))
            let bad = try await web.get("/scorecards?period=2026-13")
            #expect(bad.status == .ok, "an unreadable period falls back to the current month")
            let practice = try await web.get("/practices")
            #expect(practice.status == .ok && practice.text.contains("<h1>Cloud &amp; DevOps</h1>") && practice.text.contains("Rob Recruiter"))
            #expect(try await web.get("/practices/999").status == .notFound)
            let market = try await web.get("/insights")
            #expect(market.status == .ok)
            #expect(market.text.contains("Demand against supply"))
            for page in [scorecards, market] {
                #expect(!page.text.contains("<script"))
                #expect(!page.text.contains("style=\""))
            }
        }
    }

    @Test("the job page shortlists a match and moves them along the board; a move the pipeline refuses is a 422 page")
    func jobBoard() async throws {
        let firm = try await Firm()
        let skill = try await firm.store.createSkill(SkillDraft(name: "Kubernetes", category: "devops"))
        let client = try await firm.store.createClient(ClientDetails(name: "Harbour Bank", industry: "fintech", region: .uk))
        let job = try await firm.records.createJob(JobDetails(
            title: "Platform Engineer", clientID: client.id, location: Location(city: "London", country: "GB"), region: .uk, remotePolicy: .hybrid,
            employmentType: .contract, pay: PayRange(minimum: Money(major: 550, .gbp, per: .day), maximum: Money(major: 700, .gbp, per: .day)),
            requiredSkills: [JobSkill(skillID: skill.id, minimumLevel: 3, minimumYears: 2, importance: .must, weight: 8)], seniority: .senior,
            durationWeeks: 26, practiceID: firm.recruiter.details.practiceIDs.first))
        let candidate = try await firm.records.createCandidate(CandidateProfile(
            name: "Mere Tane", email: "mere@example.com", location: Location(city: "London", country: "GB"), timeZone: "Europe/London",
            region: .uk, skills: [CandidateSkill(skillID: skill.id, level: 4, years: 6, lastUsed: 2026)],
            consents: [ConsentRecord(purpose: .dataProcessing, recordedAt: APIHarness.clock.addingTimeInterval(-86_400), method: "web form",
                                     legalBasis: .legitimateInterests)], ownerID: firm.recruiter.id))
        try await firm.matching.load()
        try await firm.run { web in
            _ = try await web.signIn("rob@rapport.test", Self.password)
            #expect(try await web.get("/jobs").text.contains("Platform Engineer"))
            let page = try await web.get("/jobs/\(job.id)")
            #expect(page.status == .ok && page.text.contains("Mere Tane"))
            let csrf = WebClient.csrf(page) ?? ""
            let shortlisted = try await web.post("/jobs/\(job.id)/shortlist", form: ["csrf": csrf, "candidateID": "\(candidate.id)"])
            #expect(shortlisted.status == .seeOther)
            let submission = try #require(try await firm.store.submissions(job: job.id).first)
            let moved = try await web.post("/jobs/\(job.id)/moves", form: [
                "csrf": csrf, "submissionID": "\(submission.id)", "version": "1", "to": "presented",
            ])
            #expect(moved.status == .seeOther)
            #expect(try await firm.store.submission(submission.id).stage == .presented)
            let refused = try await web.post("/jobs/\(job.id)/moves", form: [
                "csrf": csrf, "submissionID": "\(submission.id)", "version": "2", "to": "candidate_declined",
            ])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("If they declined, why: is required for a move to candidate_declined"))
            let board = try await web.get("/jobs/\(job.id)")
            #expect(board.text.contains("<h3>presented</h3>"))
            // A discovery conversation from the candidate page: logged, goals and cadence updated.
            let discovered = try await web.post("/candidates/\(candidate.id)/discovery", form: [
                "csrf": csrf, "channel": "phone", "notes": "Wants to lead a platform team next year", "targetRoles": "Platform Lead, SRE Lead",
                "cadenceDays": "45",
            ])
            #expect(discovered.status == .seeOther)
            #expect(try await firm.store.candidate(candidate.id).profile.goals.targetRoles == ["Platform Lead", "SRE Lead"])
            #expect(try await firm.store.touchSchedule(candidate.id)?.cadenceDays == 45)
            #expect(try await web.get("/candidates/\(candidate.id)?discovered=1").text.contains("Discovery conversation recorded"))
        }
    }

    @Test("admin pages are for admins only; an admin adds a colleague who can then sign in, and switching them off ends that")
    func admin() async throws {
        let firm = try await Firm()
        let admin = try await firm.store.createUser(UserDetails(email: "ada@rapport.test", name: "Ada Admin", role: .admin, region: .uk))
        try await firm.store.setPasswordHash(PasswordHasher(cost: 4).hash(Self.password), for: admin.id)
        try await firm.run { web in
            _ = try await web.signIn("rob@rapport.test", Self.password)
            let refused = try await web.get("/admin")
            #expect(refused.status == .forbidden && refused.text.contains("Not allowed"))
            #expect(!(try await web.get("/today")).text.contains("href=\"/admin\""))
        }
        try await firm.run { web in
            _ = try await web.signIn("ada@rapport.test", Self.password)
            let page = try await web.get("/admin")
            #expect(page.status == .ok && page.text.contains("Rob Recruiter"))
            let csrf = WebClient.csrf(page) ?? ""
            let short = try await web.post("/admin/users", form: ["csrf": csrf, "name": "Cara Colleague", "email": "cara@rapport.test",
                                                                  "role": "recruiter", "region": "NZ", "password": "too short"])
            #expect(short.status == .unprocessableContent)
            #expect(short.text.contains("<p class=\"problem\" role=\"alert\">Password: "))
            #expect(short.text.contains("value=\"Cara Colleague\"") && short.text.contains("value=\"cara@rapport.test\""), "the form as sent")
            #expect(short.text.contains("<option value=\"NZ\" selected>NZ</option>"))
            #expect(try await firm.store.user(email: "cara@rapport.test") == nil, "a refused password leaves no account behind")
            let added = try await web.post("/admin/users", form: ["csrf": csrf, "name": "Cara Colleague", "email": "cara2@rapport.test",
                                                                  "role": "recruiter", "region": "NZ", "password": "a long enough passphrase"])
            #expect(added.status == .seeOther)
            let cara = try #require(try await firm.store.user(email: "cara2@rapport.test"))
            #expect(cara.details.region == .nz && cara.details.active)
            // Practices: add one, give it a lead.
            #expect(try await web.post("/admin/practices", form: ["csrf": csrf, "name": "Data & AI"]).status == .seeOther)
            let data = try #require(try await firm.store.practices(page: PageRequest()).items.first { $0.details.name == "Data & AI" })
            let led = try await web.post("/admin/practices/\(data.id)/lead", form: ["csrf": csrf, "version": "\(data.version)",
                                                                                   "leadID": "\(admin.id)"])
            #expect(led.status == .seeOther)
            #expect(try await firm.store.practice(data.id).details.leadID == admin.id)
            // Settings: checked, kept, and in force at once.
            let bad = try await web.post("/admin/settings", form: ["csrf": csrf, "threshold": "120", "slaBusinessDays": "2", "redeploymentWeeks": "x"])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("Weeks before an assignment ends that redeployment opens: must be a whole number"))
            #expect(bad.text.contains("name=\"threshold\" min=\"0\" max=\"100\" value=\"120\""), "the value as typed")
            let taken = try await web.post("/admin/users", form: ["csrf": csrf, "name": "Rob Again", "email": "rob@rapport.test",
                                                                  "role": "recruiter", "region": "UK"])
            #expect(taken.status == .conflict && taken.text.contains("<p class=\"problem\" role=\"alert\">E-mail: "))
            let saved = try await web.post("/admin/settings", form: ["csrf": csrf, "threshold": "70", "slaBusinessDays": "2", "redeploymentWeeks": "8"])
            #expect(saved.status == .seeOther)
            #expect(try await firm.store.firmSettings() == ["fit_threshold": 70, "sla_business_days": 2, "redeployment_weeks": 8])
            #expect(try await web.get("/admin").text.contains("name=\"threshold\" min=\"0\" max=\"100\" value=\"70\""))
            let off = try await web.post("/admin/users/\(cara.id)/active", form: ["csrf": csrf, "version": "\(cara.version)"])
            #expect(off.status == .seeOther)
            #expect(try await firm.store.user(cara.id).details.active == false)
        }
        try await firm.run { web in
            let refused = try await web.signIn("cara2@rapport.test", "a long enough passphrase")
            #expect(refused.status == .unauthorized)
        }
    }
}
