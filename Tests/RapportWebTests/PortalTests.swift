import Foundation
import Hummingbird
import HummingbirdTesting
import RapportCore
import RapportFormats
import RapportMatch
import RapportOutreach
import RapportSQLite
import RapportWeb
import Testing

@Suite("The candidate portal: links, sessions, erasure")
struct PortalTests {
    static func profile(_ email: String, phone: String? = nil) -> CandidateProfile {
        CandidateProfile(
            name: "Mere Tane", email: email, phone: phone, location: Location(city: "London", country: "GB"), timeZone: "Europe/London",
            region: .uk, consents: [ConsentRecord(purpose: .dataProcessing, recordedAt: APIHarness.clock.addingTimeInterval(-86_400),
                                                  method: "web form", legalBasis: .legitimateInterests)])
    }

    /// Asks for a link for `email` and returns its path, read from the queued e-mail.
    static func link(_ web: WebClient, _ store: SQLiteStore, email: String) async throws -> String? {
        let form = try await web.get("/portal")
        _ = try await web.post("/portal/link", form: ["csrf": WebClient.csrf(form) ?? "", "email": email])
        for id in try await store.dueOutbox(now: APIHarness.clock.addingTimeInterval(60), limit: 50) {
            let text = try await store.outboxEntry(id).envelope.content.text
            if let range = text.range(of: #"/portal/sign-in/[A-Za-z0-9_-]+"#, options: .regularExpression) {
                return String(text[range])
            }
        }
        return nil
    }

    @Test("a link signs in once; asking too often sends nothing more; deleting needs DELETE typed, and an erased person re-imported is do-not-contact")
    func linkAndErasure() async throws {
        let store = try SQLiteStore.inMemory()
        let records = FirmRecords(store: store, now: { APIHarness.clock })
        let candidate = try await records.createCandidate(Self.profile("mere@example.com", phone: "+44 20 7946 0000"))
        let matching = MatchService(store: store, today: { records.today })
        try await matching.load()
        let recruiter = try await store.createUser(UserDetails(email: "rob@rapport.test", name: "Rob Recruiter", role: .recruiter, region: .uk))
        _ = try await OutreachService(records: records, matching: matching, settings: OutreachSettings())
            .sendSurvey(to: candidate.id, trigger: .discovery, by: recruiter)
        let app = Application(router: buildRouter(records: records, matching: matching, web: WebOptions(passwordCost: 4)))
        try await app.test(.router) { client in
            let web = WebClient(client: client)
            let path = try #require(try await Self.link(web, store, email: "mere@example.com"))
            #expect(try await web.get("/portal/me").status == .seeOther, "no session yet")
            let page = try await web.get(path)
            #expect(page.status == .ok && page.headers[values: .init("Referrer-Policy")!].contains("no-referrer"))
            let signedIn = try await web.post(path, form: ["csrf": WebClient.csrf(page) ?? ""])
            #expect(signedIn.status == .seeOther && signedIn.headers[.location] == "/portal/me")
            let me = try await web.get("/portal/me")
            #expect(me.status == .ok && me.text.contains("Hello, Mere Tane"))
            #expect(me.text.contains("After your discovery") && me.text.contains("Waiting for your answer"))
            #expect(me.text.contains("<a href=\"/survey/"))
            // The link is spent.
            let again = try await web.get(path)
            #expect(try await web.post(path, form: ["csrf": WebClient.csrf(again) ?? ""]).status == .gone)
            // Deleting needs the word typed.
            let csrf = WebClient.csrf(me) ?? ""
            #expect(try await web.post("/portal/delete", form: ["csrf": csrf, "confirm": "yes"]).status == .unprocessableContent)
            #expect(try await store.candidate(email: "mere@example.com") != nil)
            let deleted = try await web.post("/portal/delete", form: ["csrf": csrf, "confirm": "DELETE"])
            #expect(deleted.status == .ok && deleted.text.contains("Your data is deleted"))
            #expect(try await store.candidate(email: "mere@example.com") == nil)
            await #expect(throws: RapportError.notFound(entity: "candidate", id: "\(candidate.id)")) { _ = try await store.candidate(candidate.id) }
            #expect(try await web.get("/portal/me").status == .seeOther, "the session ended with the person")
        }
        // Imported again later, by e-mail or by phone: marked do-not-contact.
        let back = try await records.createCandidate(Self.profile("MERE@example.com"))
        #expect(back.profile.contactPreferences.doNotContact)
        let byPhone = try await records.createCandidate(Self.profile("other@example.com", phone: "+44 (20) 7946-0000"))
        #expect(byPhone.profile.contactPreferences.doNotContact)
        let stranger = try await records.createCandidate(Self.profile("someone@example.com"))
        #expect(!stranger.profile.contactPreferences.doNotContact)
    }

    @Test("my data holds everything: the career as JSON Resume, the whole record, messages with their text, surveys, imports and files")
    func myData() async throws {
        let store = try SQLiteStore.inMemory()
        let records = FirmRecords(store: store, now: { APIHarness.clock })
        var profile = Self.profile("mere@example.com")
        profile.work = [WorkExperience(employer: "Tui Telecom", title: "Data Engineer", start: CareerMonth("2019-04"), highlights: ["Pipelines"])]
        profile.goals.targetRoles = ["Data Lead"]
        let candidate = try await records.createCandidate(profile)
        let matching = MatchService(store: store, today: { records.today })
        try await matching.load()
        let recruiter = try await store.createUser(UserDetails(email: "rob@rapport.test", name: "Rob Recruiter", role: .recruiter, region: .uk))
        _ = try await OutreachService(records: records, matching: matching, settings: OutreachSettings())
            .sendSurvey(to: candidate.id, trigger: .discovery, by: recruiter)
        _ = try await store.saveAttachment(Data("my cv".utf8), fileName: "Mere CV.txt", kind: .text, candidate: candidate.id, by: recruiter.id,
                                           at: APIHarness.clock)
        let app = Application(router: buildRouter(records: records, matching: matching, web: WebOptions(passwordCost: 4)))
        try await app.test(.router) { client in
            let web = WebClient(client: client)
            #expect(try await web.get("/portal/data.json").status == .seeOther, "only for the person, signed in")
            let path = try #require(try await Self.link(web, store, email: "mere@example.com"))
            let page = try await web.get(path)
            _ = try await web.post(path, form: ["csrf": WebClient.csrf(page) ?? ""])
            let download = try await web.get("/portal/data.json")
            #expect(download.status == .ok && download.headers[.contentDisposition] == "attachment; filename=\"my-data.json\"")
            let data = try JSONValue.parse(Data(download.text.utf8))
            #expect(data["resume"]?["basics"]?["email"] == .string("mere@example.com"))
            #expect(data["resume"]?["work"] == .array([.object(["name": .string("Tui Telecom"), "position": .string("Data Engineer"),
                                                                 "startDate": .string("2019-04"), "highlights": .array([.string("Pipelines")])])]))
            #expect(data["record"]?["goals"]?["targetRoles"] == .array([.string("Data Lead")]))
            #expect(data["record"]?["consents"] != nil && data["record"]?["contactPreferences"] != nil)
            guard case .array(let messages)? = data["messages"], case .object(let first)? = messages.first else {
                Issue.record("the survey e-mail should be among the messages")
                return
            }
            #expect(first["text"].map { if case .string(let text) = $0 { !text.isEmpty } else { false } } == true)
            #expect(data["files"] == .array([.object(["name": .string("Mere CV.txt"), "kind": .string("text"), "size": .integer(5),
                                                       "sha256": data["files"]?.firstSHA ?? .null, "uploadedAt": .string("2026-11-18T11:06:40Z"),
                                                       "contentBase64": .string(Data("my cv".utf8).base64EncodedString())])]))
        }
    }

    @Test("an unknown address gets the same answer and no e-mail; a fourth request in an hour sends nothing")
    func throttledLinks() async throws {
        let store = try SQLiteStore.inMemory()
        let records = FirmRecords(store: store, now: { APIHarness.clock })
        _ = try await records.createCandidate(Self.profile("mere@example.com"))
        let matching = MatchService(store: store, today: { records.today })
        try await matching.load()
        let app = Application(router: buildRouter(records: records, matching: matching, web: WebOptions(passwordCost: 4)))
        try await app.test(.router) { client in
            let web = WebClient(client: client)
            // Each page's form carries the token of the cookie it set.
            let form = try await web.get("/portal")
            let unknown = try await web.post("/portal/link", form: ["csrf": WebClient.csrf(form) ?? "", "email": "nobody@example.com"])
            let known = try await web.post("/portal/link", form: ["csrf": WebClient.csrf(unknown) ?? "", "email": "mere@example.com"])
            #expect(unknown.status == .ok && known.status == .ok, "\(known.status) \(known.text.prefix(600))")
            #expect(unknown.text.contains("If that address is one we hold") && known.text.contains("If that address is one we hold"))
            var last = known
            for _ in 0..<3 { last = try await web.post("/portal/link", form: ["csrf": WebClient.csrf(last) ?? "", "email": "mere@example.com"]) }
            #expect(last.status == .ok && last.text.contains("If that address is one we hold"))
            #expect(try await store.dueOutbox(now: APIHarness.clock.addingTimeInterval(60), limit: 50).count == 3)
            // A day on, the sweep forgets the requests and the links.
            #expect(try await store.signInFailures(key: "portal:mere@example.com", since: .distantPast) == 4)
            _ = try await store.deleteExpiredSessions(now: APIHarness.clock.addingTimeInterval(2 * 86_400))
            #expect(try await store.signInFailures(key: "portal:mere@example.com", since: .distantPast) == 0)
        }
    }

    @Test("the survey page takes one answer: eleven scores to choose from, a thank-you, then a page that says it is answered")
    func surveyPage() async throws {
        let store = try SQLiteStore.inMemory()
        let records = FirmRecords(store: store, now: { APIHarness.clock })
        let candidate = try await records.createCandidate(Self.profile("mere@example.com"))
        let matching = MatchService(store: store, today: { records.today })
        try await matching.load()
        let recruiter = try await store.createUser(UserDetails(email: "rob@rapport.test", name: "Rob Recruiter", role: .recruiter, region: .uk))
        let service = OutreachService(records: records, matching: matching, settings: OutreachSettings())
        _ = try await service.sendSurvey(to: candidate.id, trigger: .placementStart, by: recruiter)
        let survey = try #require(try await store.surveys(candidate: candidate.id).first)
        let token = try #require(try await store.surveyToken(survey.id))
        let app = Application(router: buildRouter(records: records, matching: matching, outreach: service, web: WebOptions(passwordCost: 4)))
        try await app.test(.router) { client in
            let web = WebClient(client: client)
            let page = try await web.get("/survey/\(token)")
            #expect(page.status == .ok && page.text.components(separatedBy: "name=\"nps\"").count == 12)
            #expect(page.headers[values: .init("Referrer-Policy")!].contains("no-referrer"))
            let missing = try await web.post("/survey/\(token)", form: ["comment": "no score"])
            #expect(missing.status == .unprocessableContent && missing.text.contains("Choose how likely you are to recommend us"))
            let answered = try await web.post("/survey/\(token)", form: ["nps": "9", "understood": "5", "comment": "<b>Great</b>"])
            #expect(answered.status == .ok && answered.text.contains("Your answer reached your recruiter"))
            let again = try await web.get("/survey/\(token)")
            #expect(again.status == .gone && again.text.contains("You have already answered this survey"))
            #expect(try await store.survey(token: token)?.answer == SurveyAnswer(nps: 9, understood: 5, comment: "<b>Great</b>"))
            #expect(try await web.get("/survey/nothing-here").status == .notFound)
        }
    }
}

private extension JSONValue {
    /// The first file's digest, which the test cannot know in advance.
    var firstSHA: JSONValue? {
        guard case .array(let files) = self, case .object(let first)? = files.first else { return nil }
        return first["sha256"]
    }
}
