import Foundation
import Hummingbird
import RapportCore
import RapportOutreach

/// The pages behind the links in every e-mail: unsubscribe (RFC 8058 one-click), relevance feedback and contact
/// preferences. No login and no cookies: the token in the link is the key.
enum CandidateLinkRoutes {
    static func register(on router: Router<RapportRequestContext>, outreach: OutreachService) {
        // A GET only shows the confirmation: mail scanners fetch links, and must not unsubscribe anyone.
        router.get("unsubscribe/{token}") { _, context in
            let token = try token(context)
            guard try await outreach.records.store.outreach(token: token, purpose: .unsubscribe) != nil else { return CandidatePage.unknownLink }
            return CandidatePage(title: "Unsubscribe", body: """
                <h1>Stop hearing from us?</h1>
                <p>Press the button and nobody at the firm will e-mail you again. Nothing changes until you do.</p>
                <form method="post" action="/unsubscribe/\(CandidatePage.escape(token))">
                <input type="hidden" name="List-Unsubscribe" value="One-Click">
                <button type="submit">Unsubscribe</button>
                </form>
                """).response
        }
        // RFC 8058: a POST with `List-Unsubscribe=One-Click` (from the mail client, or the button above) suppresses at once.
        router.post("unsubscribe/{token}") { request, context in
            let token = try token(context)
            var request = request
            _ = try? await request.collectBody(upTo: 16 * 1024)
            guard let email = try await outreach.unsubscribe(token: token) else { return CandidatePage.unknownLink }
            return CandidatePage(title: "Unsubscribed", body: """
                <h1>You are unsubscribed</h1>
                <p>Nobody at the firm will e-mail \(CandidatePage.escape(email)) again. If that was a mistake, reply to any of our \
                messages and tell us.</p>
                """).response
        }
        for (path, relevant) in [("relevant", true), ("not-relevant", false)] {
            router.get("feedback/{token}/\(path)") { _, context in
                switch try await outreach.feedback(token: try token(context), relevant: relevant) {
                case .recorded:
                    return CandidatePage(title: "Thank you", body: """
                        <h1>Thank you</h1>
                        <p>\(relevant ? "Good to know it was relevant." : "Sorry it missed. We use every answer to send fewer, better messages.")</p>
                        """).response
                case .alreadyGiven(let earlier):
                    return CandidatePage(title: "Already answered", body: """
                        <h1>You already told us</h1>
                        <p>You marked this message as \(earlier.relevant ? "relevant" : "not relevant"). Thank you.</p>
                        """).response
                case .unknownToken:
                    return CandidatePage.unknownLink
                }
            }
        }
        router.get("preferences/{token}") { _, context in
            let token = try token(context)
            guard let candidate = try await outreach.preferences(token: token) else { return CandidatePage.unknownLink }
            return CandidatePage.preferences(candidate.profile.contactPreferences, token: token, saved: false).response
        }
        router.post("preferences/{token}") { request, context in
            let token = try token(context)
            var request = request
            let buffer = try await request.collectBody(upTo: 16 * 1024)
            let form = FormFields(String(buffer: buffer))
            guard let candidate = try await outreach.preferences(token: token) else { return CandidatePage.unknownLink }
            var preferences = candidate.profile.contactPreferences
            var problems: [String] = []
            if let text = form["maxJobPitchesPer30Days"] {
                if let value = Int(text), (0...30).contains(value) { preferences.maxJobPitchesPer30Days = value } else {
                    problems.append("Job messages per 30 days must be a whole number from 0 to 30.")
                }
            }
            for (field, label) in [("quietStart", "Quiet hours start"), ("quietEnd", "Quiet hours end")] {
                guard let text = form[field] else { continue }
                if QuietHours.minutes(text) == nil {
                    problems.append("\(label) must be a time written HH:MM, such as 20:00.")
                } else if field == "quietStart" {
                    preferences.quietHours.start = text
                } else {
                    preferences.quietHours.end = text
                }
            }
            preferences.doNotContact = form["doNotContact"] == "on"
            guard problems.isEmpty else {
                return CandidatePage.preferences(candidate.profile.contactPreferences, token: token, saved: false, problems: problems)
                    .response(status: .unprocessableContent)
            }
            let updated = try await outreach.updatePreferences(token: token, preferences)
            return CandidatePage.preferences(updated?.profile.contactPreferences ?? preferences, token: token, saved: true).response
        }
    }

    /// The survey form, and its answer: once per link, and not after it expires.
    static func registerSurvey(on router: Router<RapportRequestContext>, outreach: OutreachService) {
        router.get("survey/{token}") { _, context in
            let token = try token(context)
            guard let survey = try await outreach.records.store.survey(token: token) else { return CandidatePage.unknownLink }
            if let closed = CandidatePage.closedSurvey(survey.linkState(at: outreach.records.now())) { return closed }
            return CandidatePage.survey(token: token, problems: []).response
        }
        router.post("survey/{token}") { request, context in
            let token = try token(context)
            var request = request
            let form = FormFields(String(buffer: try await request.collectBody(upTo: 16 * 1024)))
            var problems: [String] = []
            let nps = form["nps"].flatMap(Int.init)
            if nps == nil { problems.append("Choose how likely you are to recommend us, from 0 to 10.") }
            let understood = form["understood"].flatMap { $0.isEmpty ? nil : Int($0) }
            let comment = form["comment"] ?? ""
            guard let nps, problems.isEmpty else {
                return CandidatePage.survey(token: token, problems: problems).response(status: .unprocessableContent)
            }
            do {
                switch try await outreach.answerSurvey(token: token, SurveyAnswer(nps: nps, understood: understood, comment: comment)) {
                case .recorded:
                    return CandidatePage(title: "Thank you", body: """
                        <h1>Thank you</h1>
                        <p>Your answer reached your recruiter and their practice lead. \
                        \(nps <= 6 ? "Someone will get in touch to put things right." : "It helps us keep doing what works.")</p>
                        """).response
                case .refused(_, let state):
                    return CandidatePage.closedSurvey(state) ?? CandidatePage.unknownLink
                case .unknownToken:
                    return CandidatePage.unknownLink
                }
            } catch RapportError.invalid(let issues) {
                return CandidatePage.survey(token: token, problems: issues.map { "\($0.field) \($0.message)." })
                    .response(status: .unprocessableContent)
            }
        }
    }

    private static func token(_ context: RapportRequestContext) throws -> String {
        let token = context.parameters.get("token") ?? ""
        guard (1...64).contains(token.count), token.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw HTTPError(.notFound)
        }
        return token.lowercased()
    }
}

/// `application/x-www-form-urlencoded` fields.
struct FormFields {
    private var values: [String: [String]] = [:]

    init(_ body: String) {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
            }
            values[decode(parts[0]), default: []].append(parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    /// The first value given for `key`.
    subscript(_ key: String) -> String? { values[key]?.first }

    /// Every value given for `key`, in order (checkboxes sharing a name).
    func all(_ key: String) -> [String] { values[key] ?? [] }
}

/// A plain, accessible page for a candidate following a link; works without JavaScript.
struct CandidatePage {
    var title: String
    var body: String

    static let unknownLink = CandidatePage(title: "Link not recognised", body: """
        <h1>We don't recognise this link</h1>
        <p>It may have been copied incompletely. Reply to any of our messages and we will help.</p>
        """).response(status: .notFound)

    var response: Response { response(status: .ok) }

    func response(status: HTTPResponse.Status) -> Response {
        let html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Self.escape(title)) · Rapport</title>
            <link rel="stylesheet" href="/static/rapport.css"></head>
            <body class="portal"><main>
            \(body)
            </main></body></html>
            """
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func preferences(_ preferences: ContactPreferences, token: String, saved: Bool, problems: [String] = []) -> CandidatePage {
        let notes = problems.map { "<p class=\"problem\" role=\"alert\">\(escape($0))</p>" }.joined()
            + (saved ? "<p class=\"saved\" role=\"status\">Saved. Everyone at the firm will respect it from now on.</p>" : "")
        return CandidatePage(title: "Your contact preferences", body: """
            <h1>How we contact you</h1>
            \(notes)
            <form method="post" action="/preferences/\(escape(token))">
            <label for="max">Messages about roles, at most, per 30 days (across everyone at the firm)</label>
            <input type="number" id="max" name="maxJobPitchesPer30Days" min="0" max="30" value="\(preferences.maxJobPitchesPer30Days)">
            <label for="qs">Quiet hours start (your local time, HH:MM)</label>
            <input type="text" id="qs" name="quietStart" value="\(escape(preferences.quietHours.start))" pattern="[0-2][0-9]:[0-5][0-9]">
            <label for="qe">Quiet hours end</label>
            <input type="text" id="qe" name="quietEnd" value="\(escape(preferences.quietHours.end))" pattern="[0-2][0-9]:[0-5][0-9]">
            <label><input type="checkbox" name="doNotContact"\(preferences.doNotContact ? " checked" : "")> Do not contact me at all</label>
            <p><button type="submit">Save</button></p>
            </form>
            """)
    }

    /// The page for a survey link that can no longer be answered, or nil while it can.
    static func closedSurvey(_ state: Survey.LinkState) -> Response? {
        switch state {
        case .open:
            return nil
        case .answered:
            return CandidatePage(title: "Already answered", body: """
                <h1>You have already answered this survey</h1>
                <p>Each survey takes one answer, and yours is in. Thank you.</p>
                """).response(status: .gone)
        case .expired:
            return CandidatePage(title: "Survey closed", body: """
                <h1>This survey has closed</h1>
                <p>Survey links stay open for 30 days. If you would still like to tell us something, reply to any of our messages.</p>
                """).response(status: .gone)
        }
    }

    static func survey(token: String, problems: [String]) -> CandidatePage {
        let notes = problems.map { "<p class=\"problem\" role=\"alert\">\(escape($0))</p>" }.joined()
        let scores = (0...10).map { "<label class=\"choice\"><input type=\"radio\" name=\"nps\" value=\"\($0)\" required> \($0)</label>" }
            .joined()
        let understood = (1...5).map { "<label class=\"choice\"><input type=\"radio\" name=\"understood\" value=\"\($0)\"> \($0)</label>" }
            .joined()
        return CandidatePage(title: "How did we do?", body: """
            <h1>How did we do?</h1>
            \(notes)
            <form method="post" action="/survey/\(escape(token))">
            <fieldset><legend>How likely are you to recommend us to a friend or colleague? (0 = not at all, 10 = extremely)</legend>
            \(scores)</fieldset>
            <fieldset><legend>My recruiter understood my goals (1 = not at all, 5 = completely; optional)</legend>
            \(understood)</fieldset>
            <label for="comment">Anything you would like to tell us (optional)</label>
            <textarea id="comment" name="comment" rows="4" cols="40" maxlength="2000"></textarea>
            <p><button type="submit">Send</button></p>
            </form>
            """)
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
