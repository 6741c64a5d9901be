import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportCore
import RapportOutreach
import RapportWeb
import Testing

// MARK: - Fixtures

/// The shared secret the inbound tests configure.
private let inboundSecret = "s3cret"

/// 2026-11-18T11:06:40Z, the harness clock: 11:06 in London (daytime), 00:06 the next day in Auckland (quiet hours).
private let londonZone = #", "timeZone": "Europe/London""#

/// A remote NZ contract job, asking for Kubernetes at level 4, that the harness candidate fits well and is eligible for.
private func wellFittingJob(_ api: APIHarness, title: String = "Platform Engineer") -> String {
    APIHarness.merge(api.jobJSON(), #", "title": "\#(title)", "region": "NZ", "location": {"city": "Wellington", "country": "NZ"}, "#
        + #""remotePolicy": "remote", "pay": {"minimum": {"minorUnits": 90000, "currency": "NZD", "unit": "day"}, "#
        + #""maximum": {"minorUnits": 120000, "currency": "NZD", "unit": "day"}}"#)
}

/// The harness candidate (Kubernetes level 4, wants to grow it, contract, NZD 950/day), on London time so the harness
/// clock is daytime for them unless `extra` says otherwise.
private func wellFittingCandidate(_ api: APIHarness, email: String = "mere@example.com", extra: String = "") -> String {
    api.candidateJSON(email: email, extra: londonZone + extra)
}

/// Eligible for the job in every way, but with none of the skills it asks for: a fit far below the threshold.
private func unskilledCandidate(_ api: APIHarness, email: String = "tama@example.com") -> String {
    wellFittingCandidate(api, email: email,
                         extra: #", "skills": [{"skillID": \#(api.terraform.id), "level": 1, "years": 1, "lastUsed": 2020}]"#)
}

private func opportunity(candidate: Int, jobs: [Int], extra: String = "") -> String {
    APIHarness.merge(#"{"candidateID": \#(candidate), "kind": "opportunity", "jobIDs": \#(jobs)}"#, extra)
}

private func violationCodes(_ response: APIResponse) -> [String] {
    ((response.json["verdict"] as? [String: Any])?["violations"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
}

private func verdict(_ response: APIResponse) -> [String: Any] {
    response.json["verdict"] as? [String: Any] ?? [:]
}

private func items(_ response: APIResponse) -> [[String: Any]] {
    response.json["items"] as? [[String: Any]] ?? []
}

/// Every field an error names: the first, and each of the details.
private func namedFields(_ response: APIResponse) -> [String] {
    [response.errorField].compactMap { $0 } + ((response.error["details"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String }
}

private func instant(_ value: Any?) -> Date? {
    guard let text = value as? String else { return nil }
    let precise = ISO8601DateFormatter()
    precise.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return precise.date(from: text) ?? ISO8601DateFormatter().date(from: text)
}

/// The letters and digits that follow `marker` in `text`: the token of a link such as `/unsubscribe/TOKEN`.
private func token(after marker: String, in text: String) -> String? {
    guard let range = text.range(of: marker) else { return nil }
    let token = text[range.upperBound...].prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
    return token.isEmpty ? nil : String(token)
}

/// The value of one header of a raw message, unfolded.
private func header(_ name: String, in raw: String) -> String? {
    let unfolded = raw.replacingOccurrences(of: "\r\n", with: "\n")
        .replacingOccurrences(of: "\n ", with: " ").replacingOccurrences(of: "\n\t", with: " ")
    let head = unfolded.components(separatedBy: "\n\n").first ?? unfolded
    for line in head.split(separator: "\n") where line.lowercased().hasPrefix(name.lowercased() + ":") {
        return line.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces)
    }
    return nil
}

/// A candidate's answer to `messageID`, as their mail client would send it.
private func rawReply(from: String = "Mere Tane <mere@example.com>", messageID: String = "reply-1@mail.example.com",
                      inReplyTo: String?, text: String) -> String {
    var lines = [
        "From: \(from)",
        "To: Rob Recruiter <rob@rapport.test>",
        "Subject: Re: Platform Engineer",
        "Date: Wed, 18 Nov 2026 11:00:00 +0000",
        "Message-ID: <\(messageID)>",
    ]
    if let inReplyTo { lines += ["In-Reply-To: <\(inReplyTo)>", "References: <\(inReplyTo)>"] }
    lines += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "", text, ""]
    return lines.joined(separator: "\r\n")
}

/// The harness's store and index behind a router with an outreach service the test holds (so it can run delivery passes
/// into a folder) and, unless told otherwise, an inbound secret.
private struct OutreachHarness: Sendable {
    let api: APIHarness
    let outreach: OutreachService
    let mailFolder: URL
    let secret: String?

    init(secret: String? = inboundSecret) async throws {
        api = try await APIHarness()
        outreach = OutreachService(records: api.records, matching: api.matching, settings: OutreachSettings())
        mailFolder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-outreach-\(UUID().uuidString)")
        self.secret = secret
    }

    func run(_ body: @escaping @Sendable (APIClient) async throws -> Void) async throws {
        defer { try? FileManager.default.removeItem(at: mailFolder) }
        let app = Application(router: buildRouter(records: api.records, matching: api.matching, outreach: outreach, inboundSecret: secret))
        let token = api.adminToken
        try await app.test(.router) { client in
            try await body(APIClient(client: client, token: token))
        }
    }

    /// One delivery pass into the mail folder.
    @discardableResult
    func deliver() async throws -> DeliveryReport {
        try await DeliveryService(outreach: outreach, transport: try MailFolderTransport(directory: mailFolder)).deliverDue()
    }

    /// The raw messages delivered so far.
    func deliveredMail() throws -> [String] {
        let files = try FileManager.default.contentsOfDirectory(at: mailFolder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "eml" }
        return try files.map { String(decoding: try Data(contentsOf: $0), as: UTF8.self) }
    }
}

private extension APIClient {
    /// A request with a body that is not JSON, headers exactly as given (no token unless one is among them).
    func raw(_ method: HTTPRequest.Method, _ uri: String, body: String, headers: HTTPFields) async throws -> APIResponse {
        let response = try await client.executeRequest(uri: uri, method: method, headers: headers, body: ByteBuffer(string: body))
        return APIResponse(status: response.status, headers: response.headers, text: String(buffer: response.body))
    }

    func inbound(_ message: String, secret: String? = inboundSecret) async throws -> APIResponse {
        var headers: HTTPFields = [.contentType: "message/rfc822"]
        if let secret { headers[.authorization] = "Bearer \(secret)" }
        return try await raw(.post, "/api/v1/inbound/email", body: message, headers: headers)
    }

    func oneClickUnsubscribe(_ token: String) async throws -> APIResponse {
        try await raw(.post, "/unsubscribe/\(token)", body: "List-Unsubscribe=One-Click",
                      headers: [.contentType: "application/x-www-form-urlencoded"])
    }

    /// Queues an opportunity the policy allows; returns the stored outreach.
    func sendOpportunity(candidate: Int, jobs: [Int], token: String?? = .none) async throws -> [String: Any] {
        let sent = try await post("/api/v1/outreach", opportunity(candidate: candidate, jobs: jobs), token: token)
        #expect(sent.status == .created, "\(sent.text)")
        return sent.json
    }
}

// MARK: - Tests

@Suite("API: outreach")
struct OutreachAPITests {
    @Test("a preview of a well-fitting opportunity is allowed, shows the whole message with footer, and stores nothing")
    func previewStoresNothing() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            // setup
            let jobID = try await client.createID("/api/v1/jobs", wellFittingJob(api))
            let candidateID = try await client.createID("/api/v1/candidates", wellFittingCandidate(api))
            // MUT
            let preview = try await client.post("/api/v1/outreach/preview", opportunity(candidate: candidateID, jobs: [jobID]))
            // validate
            #expect(preview.status == .ok, "\(preview.text)")
            #expect(verdict(preview)["decision"] as? String == "allowed")
            #expect(violationCodes(preview).isEmpty)
            let job = try #require((preview.json["jobs"] as? [[String: Any]])?.first)
            #expect(job["id"] as? Int == jobID)
            #expect((job["fit"] as? Int ?? 0) >= 60)
            let message = try #require(preview.json["message"] as? [String: Any])
            #expect((message["subject"] as? String ?? "").isEmpty == false)
            #expect((message["html"] as? String ?? "").isEmpty == false)
            let text = try #require(message["text"] as? String)
            #expect(text.contains(OutreachSettings().postalAddress))
            #expect(text.contains("/unsubscribe/"))
            let stored = try await client.get("/api/v1/outreach?candidateID=\(candidateID)")
            #expect(stored.status == .ok)
            #expect(items(stored).isEmpty)
        }
    }

    @Test("a job below the fit threshold is refused unless a written reason of at least 20 characters overrides it")
    func thresholdOverride() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            // setup
            let jobID = try await client.createID("/api/v1/jobs", wellFittingJob(api))
            let candidateID = try await client.createID("/api/v1/candidates", unskilledCandidate(api))

            // MUT: no reason
            let refused = try await client.post("/api/v1/outreach", opportunity(candidate: candidateID, jobs: [jobID]))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.errorCode == "policy_blocked")
            #expect(verdict(refused)["decision"] as? String == "blocked")
            let violations = verdict(refused)["violations"] as? [[String: Any]] ?? []
            let below = try #require(violations.first { $0["code"] as? String == "below_threshold" }, "\(refused.text)")
            #expect(below["overridable"] as? Bool == true)

            // MUT: a reason too short to count
            let short = try await client.post("/api/v1/outreach", opportunity(candidate: candidateID, jobs: [jobID],
                                                                              extra: #", "overrideReason": "Trust me!!""#))
            #expect(short.status == .unprocessableContent)
            #expect(short.errorCode == "policy_blocked")
            #expect(violationCodes(short).contains("below_threshold"))
            #expect(violationCodes(short).contains("override_too_short"))

            // MUT: a reason of 25 characters
            let reason = "Asked me about this role."
            #expect(reason.count == 25)
            let overridden = try await client.post("/api/v1/outreach", opportunity(candidate: candidateID, jobs: [jobID],
                                                                                   extra: #", "overrideReason": "\#(reason)""#))
            #expect(overridden.status == .created, "\(overridden.text)")
            #expect(overridden.json["overrideReason"] as? String == reason)
            #expect(verdict(overridden)["overridden"] as? Bool == true)
            let id = try #require(overridden.json["id"] as? Int)
            #expect(try await client.get("/api/v1/outreach/\(id)").json["overrideReason"] as? String == reason)
        }
    }

    @Test("the same job is never pitched twice to one person, even while the first message is still queued")
    func alreadyPitched() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            // setup
            let jobID = try await client.createID("/api/v1/jobs", wellFittingJob(api))
            let candidateID = try await client.createID("/api/v1/candidates", wellFittingCandidate(api))
            let first = try await client.sendOpportunity(candidate: candidateID, jobs: [jobID])
            #expect(first["status"] as? String == "queued")
            // MUT
            let again = try await client.post("/api/v1/outreach", opportunity(candidate: candidateID, jobs: [jobID]),
                                              token: api.recruiterToken)
            // validate
            #expect(again.status == .unprocessableContent)
            #expect(again.errorCode == "policy_blocked")
            #expect(violationCodes(again) == ["already_pitched"])
        }
    }

    @Test("a message composed inside the candidate's quiet hours is queued, held until 08:00 their time")
    func quietHoursHold() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            // setup: the harness candidate lives in Auckland, where the harness clock reads 00:06 on 19 Nov 2026.
            let jobID = try await client.createID("/api/v1/jobs", wellFittingJob(api))
            let candidateID = try await client.createID("/api/v1/candidates", api.candidateJSON())
            // MUT
            let sent = try await client.post("/api/v1/outreach", opportunity(candidate: candidateID, jobs: [jobID]))
            // validate: 08:00 NZDT on 19 Nov 2026 is 19:00 UTC on 18 Nov.
            let morning = Date(timeIntervalSince1970: 1_795_028_400)
            #expect(sent.status == .created, "\(sent.text)")
            #expect(verdict(sent)["decision"] as? String == "held")
            #expect(verdict(sent)["heldReason"] as? String == "quiet_hours")
            #expect(instant(verdict(sent)["sendAt"]) == morning)
            #expect(instant(sent.json["sendAfter"]) == morning)
            #expect(sent.json["status"] as? String == "queued")
        }
    }

    @Test("one-click unsubscribe: GET only asks, POST suppresses at once and idempotently, and stops mail already queued")
    func oneClickUnsubscribe() async throws {
        let harness = try await OutreachHarness()
        let api = harness.api
        try await harness.run { client in
            // setup: one opportunity delivered, carrying its unsubscribe link in List-Unsubscribe.
            let jobID = try await client.createID("/api/v1/jobs", wellFittingJob(api))
            let otherJobID = try await client.createID("/api/v1/jobs", wellFittingJob(api, title: "Site Reliability Engineer"))
            let candidateID = try await client.createID("/api/v1/candidates", wellFittingCandidate(api))
            let sent = try await client.sendOpportunity(candidate: candidateID, jobs: [jobID])
            let sentID = try #require(sent["id"] as? Int)
            #expect(try await harness.deliver().sent == 1)
            let mail = try #require(try harness.deliveredMail().first)
            let listUnsubscribe = try #require(header("List-Unsubscribe", in: mail))
            let unsubscribeToken = try #require(token(after: "/unsubscribe/", in: listUnsubscribe))
            let stored = try await client.get("/api/v1/outreach/\(sentID)")
            #expect(stored.json["status"] as? String == "sent")
            #expect(((stored.json["message"] as? [String: Any])?["text"] as? String)?.contains("/unsubscribe/\(unsubscribeToken)") == true)
            let nextPitch = opportunity(candidate: candidateID, jobs: [otherJobID])

            // MUT: a GET (a mail scanner following the link) changes nothing.
            let page = try await client.get("/unsubscribe/\(unsubscribeToken)", token: .some(nil))
            #expect(page.status == .ok)
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(page.text.contains("List-Unsubscribe"))
            let stillAllowed = try await client.post("/api/v1/outreach/preview", nextPitch)
            #expect(verdict(stillAllowed)["decision"] as? String == "allowed", "\(stillAllowed.text)")

            // A check-in queued before the candidate unsubscribes…
            let checkIn = try await client.post("/api/v1/outreach", #"{"candidateID": \#(candidateID), "kind": "check_in"}"#)
            #expect(checkIn.status == .created, "\(checkIn.text)")
            let checkInID = try #require(checkIn.json["id"] as? Int)

            // MUT: the one-click POST, without any login, twice.
            let unsubscribed = try await client.oneClickUnsubscribe(unsubscribeToken)
            #expect(unsubscribed.status == .ok)
            #expect(unsubscribed.text.contains("mere@example.com"))
            #expect(try await client.oneClickUnsubscribe(unsubscribeToken).status == .ok)

            // validate: nothing new may be composed…
            let blocked = try await client.post("/api/v1/outreach/preview", nextPitch)
            #expect(verdict(blocked)["decision"] as? String == "blocked")
            #expect(violationCodes(blocked).contains("opted_out"))
            // …and what was queued before is stopped by the next delivery pass.
            let report = try await harness.deliver()
            #expect(report.sent == 0)
            #expect(report.blocked == 1)
            #expect(try await client.get("/api/v1/outreach/\(checkInID)").json["status"] as? String == "blocked")
            #expect(try harness.deliveredMail().count == 1)

            // An unknown token is not found, whichever the method.
            #expect(try await client.get("/unsubscribe/doesnotexist0000000000000", token: .some(nil)).status == .notFound)
            #expect(try await client.oneClickUnsubscribe("doesnotexist0000000000000").status == .notFound)
        }
    }

    @Test("a feedback link asks on GET and records on POST; a later answer replaces an earlier one")
    func feedbackLinks() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            // setup
            let jobID = try await client.createID("/api/v1/jobs", wellFittingJob(api))
            let candidateID = try await client.createID("/api/v1/candidates", wellFittingCandidate(api))
            let sent = try await client.sendOpportunity(candidate: candidateID, jobs: [jobID])
            let id = try #require(sent["id"] as? Int)
            let text = try #require((sent["message"] as? [String: Any])?["text"] as? String)
            let feedbackToken = try #require(token(after: "/feedback/", in: text))
            // MUT: a mail scanner fetches the link
            let fetched = try await client.get("/feedback/\(feedbackToken)/not-relevant", token: .some(nil))
            // validate: it is asked, not answered
            #expect(fetched.status == .ok)
            #expect(fetched.text.contains("<form method=\"post\" action=\"/feedback/\(feedbackToken)/not-relevant\">"))
            #expect(try await client.get("/api/v1/outreach/\(id)").json["feedback"] == nil)
            // MUT: the person presses the button
            let answered = try await client.request(.post, "/feedback/\(feedbackToken)/not-relevant", token: .some(nil))
            #expect(answered.status == .ok && answered.text.contains("Thank you"))
            let feedback = try #require(try await client.get("/api/v1/outreach/\(id)").json["feedback"] as? [String: Any])
            #expect(feedback["relevant"] as? Bool == false)
            #expect(instant(feedback["at"]) == APIHarness.clock)
            // MUT: they change their mind
            let second = try await client.request(.post, "/feedback/\(feedbackToken)/relevant", token: .some(nil))
            #expect(second.status == .ok)
            #expect(second.text.contains("This replaces your earlier answer."))
            let changed = try await client.get("/api/v1/outreach/\(id)").json["feedback"] as? [String: Any]
            #expect(changed?["relevant"] as? Bool == true)
            #expect(try await client.request(.post, "/feedback/unknowntoken/relevant", token: .some(nil)).status == .notFound)
        }
    }

    @Test("inbound e-mail answers 503 until a secret is configured")
    func inboundNotConfigured() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let answer = try await client.inbound(rawReply(inReplyTo: nil, text: "Hello"))
            #expect(answer.status == .serviceUnavailable)
            #expect(answer.errorCode == "inbound_not_configured")
        }
    }

    @Test("an inbound reply is threaded to the message it answers, classified, and opens an obligation; a repeat is a duplicate")
    func inboundReply() async throws {
        let harness = try await OutreachHarness()
        let api = harness.api
        try await harness.run { client in
            // setup
            let jobID = try await client.createID("/api/v1/jobs", wellFittingJob(api))
            let candidateID = try await client.createID("/api/v1/candidates", wellFittingCandidate(api))
            let outreachID = try #require(try await client.sendOpportunity(candidate: candidateID, jobs: [jobID])["id"] as? Int)
            #expect(try await harness.deliver().sent == 1)
            let messageID = try #require(try await client.get("/api/v1/outreach/\(outreachID)").json["messageID"] as? String)
            let message = rawReply(inReplyTo: messageID, text: "Yes, I'm interested. Could we call on Thursday?")

            // The secret is checked before anything else.
            let wrong = try await client.inbound(message, secret: "guess")
            #expect(wrong.status == .unauthorized)
            #expect(try await client.inbound(message, secret: nil).status == .unauthorized)

            // MUT
            let stored = try await client.inbound(message)
            // validate
            #expect(stored.status == .created, "\(stored.text)")
            #expect(stored.json["status"] as? String == "stored")
            let reply = try #require(stored.json["reply"] as? [String: Any])
            #expect(reply["outreachID"] as? Int == outreachID)
            #expect(reply["candidateID"] as? Int == candidateID)
            #expect((reply["classification"] as? [String: Any])?["intent"] as? String == "interested")
            let obligation = try #require(reply["obligation"] as? [String: Any])
            #expect(obligation["status"] as? String == "open")
            let receivedAt = try #require(instant(reply["receivedAt"]))
            let dueAt = try #require(instant(obligation["dueAt"]))
            #expect(dueAt > receivedAt)

            // MUT: the MTA delivers the same message again.
            let again = try await client.inbound(message)
            #expect(again.status == .ok)
            #expect(again.json["status"] as? String == "duplicate")
            #expect((again.json["reply"] as? [String: Any])?["id"] as? Int == reply["id"] as? Int)
            let replies = try await client.get("/api/v1/replies?candidateID=\(candidateID)")
            #expect(items(replies).count == 1)

            // A stranger answering nothing is ignored, with 200 so the MTA does not retry.
            let stranger = try await client.inbound(rawReply(from: "someone@elsewhere.example", messageID: "spam-1@elsewhere.example",
                                                             inReplyTo: nil, text: "Buy cheap watches"))
            #expect(stranger.status == .ok)
            #expect(stranger.json["status"] as? String == "ignored")

            // An empty body is a bad request.
            let empty = try await client.inbound("")
            #expect(empty.status == .badRequest)
        }
    }

    @Test("the reply's obligation belongs to the recruiter who wrote, and is fulfilled by their answer")
    func obligations() async throws {
        let harness = try await OutreachHarness()
        let api = harness.api
        try await harness.run { client in
            // setup: the recruiter sends, the candidate replies.
            let jobID = try await client.createID("/api/v1/jobs", wellFittingJob(api))
            let candidateID = try await client.createID("/api/v1/candidates", wellFittingCandidate(api))
            let sent = try await client.sendOpportunity(candidate: candidateID, jobs: [jobID], token: api.recruiterToken)
            let outreachID = try #require(sent["id"] as? Int)
            #expect(sent["recruiterID"] as? Int == Int(api.recruiter.id.rawValue))
            #expect(try await harness.deliver().sent == 1)
            let messageID = try #require(try await client.get("/api/v1/outreach/\(outreachID)").json["messageID"] as? String)
            let inbound = try await client.inbound(rawReply(inReplyTo: messageID, text: "Yes, I'm interested. Could we call on Thursday?"))
            let reply = try #require(inbound.json["reply"] as? [String: Any], "\(inbound.text)")
            let replyID = try #require(reply["id"] as? Int)
            let obligationID = try #require((reply["obligation"] as? [String: Any])?["id"] as? Int)
            #expect((reply["obligation"] as? [String: Any])?["ownerID"] as? Int == Int(api.recruiter.id.rawValue))

            // validate: it is on the recruiter's list and the firm's unanswered list, not on the admin's own list.
            let mine = try await client.get("/api/v1/obligations", token: api.recruiterToken)
            #expect(mine.status == .ok)
            #expect(items(mine).compactMap { $0["id"] as? Int } == [obligationID])
            #expect(items(try await client.get("/api/v1/obligations")).isEmpty)
            let unanswered = try await client.get("/api/v1/obligations/unanswered")
            #expect(items(unanswered).compactMap { $0["id"] as? Int } == [obligationID])

            // Reassigning to nobody is refused, naming the field.
            let reassigned = try await client.post("/api/v1/obligations/\(obligationID)/reassign", #"{"userID": 999}"#)
            #expect(reassigned.status == .conflict && reassigned.errorCode == "unknown_reference")
            #expect(reassigned.errorField == "userID")

            // MUT: the recruiter answers the reply.
            let answer = try await client.post("/api/v1/outreach", #"{"candidateID": \#(candidateID), "kind": "check_in", "replyID": \#(replyID)}"#,
                                               token: api.recruiterToken)
            #expect(answer.status == .created, "\(answer.text)")
            let answerID = try #require(answer.json["id"] as? Int)

            // validate
            let obligation = try await client.get("/api/v1/obligations/\(obligationID)")
            #expect(obligation.status == .ok)
            #expect(obligation.json["status"] as? String == "fulfilled")
            #expect(obligation.json["fulfilledBy"] as? Int == answerID)
            let events = (obligation.json["events"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            #expect(events.contains("opened"))
            #expect(events.contains("fulfilled"))
            #expect(items(try await client.get("/api/v1/obligations", token: api.recruiterToken)).isEmpty)
            #expect(items(try await client.get("/api/v1/obligations/unanswered")).isEmpty)
        }
    }

    @Test("a logged reply asking to stop opens no obligation and blocks further outreach")
    func loggedUnsubscribe() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            // setup
            let jobID = try await client.createID("/api/v1/jobs", wellFittingJob(api))
            let candidateID = try await client.createID("/api/v1/candidates", wellFittingCandidate(api))
            let pitch = opportunity(candidate: candidateID, jobs: [jobID])
            #expect(verdict(try await client.post("/api/v1/outreach/preview", pitch))["decision"] as? String == "allowed")
            // MUT
            let logged = try await client.post("/api/v1/replies", #"""
                {"candidateID": \#(candidateID), "channel": "phone", "text": "Please take me off your list"}
                """#)
            // validate
            #expect(logged.status == .created, "\(logged.text)")
            #expect((logged.json["classification"] as? [String: Any])?["intent"] as? String == "unsubscribe")
            #expect(logged.json["obligation"] == nil || logged.json["obligation"] is NSNull)
            #expect(items(try await client.get("/api/v1/obligations/unanswered")).isEmpty)
            let preview = try await client.post("/api/v1/outreach/preview", pitch)
            #expect(verdict(preview)["decision"] as? String == "blocked")
            #expect(violationCodes(preview).contains("opted_out"))
            let sent = try await client.post("/api/v1/outreach", pitch)
            #expect(sent.status == .unprocessableContent)
            #expect(violationCodes(sent).contains("opted_out"))
        }
    }

    @Test("bad outreach requests name what is wrong", arguments: [
        (#"{"candidateID": CANDIDATE, "kind": "spam"}"#, 422, "kind"),
        (#"{"candidateID": CANDIDATE, "kind": "check_in", "channel": "phone", "note": "Talked about contract work."}"#, 422, "occurredAt"),
        (#"{"candidateID": CANDIDATE, "kind": "opportunity", "jobIDs": [999]}"#, 409, "jobIDs[0]"),
        (#"{"candidateID": CANDIDATE, "kind": "check_in", "urgent": true}"#, 400, "urgent"),
    ] as [(String, Int, String)])
    func badInput(body: String, status: Int, field: String) async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let candidateID = try await client.createID("/api/v1/candidates", wellFittingCandidate(api))
            let answer = try await client.post("/api/v1/outreach", body.replacingOccurrences(of: "CANDIDATE", with: "\(candidateID)"))
            #expect(answer.status.code == status, "\(answer.text)")
            #expect(namedFields(answer).contains(field), "\(answer.text)")
            if status == 400 { #expect(answer.errorCode == "unknown_field") }
            #expect(items(try await client.get("/api/v1/outreach?candidateID=\(candidateID)")).isEmpty)
        }
    }
}
