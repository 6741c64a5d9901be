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
            return CandidatePage.unsubscribe(token: token).response
        }
        // RFC 8058: a POST with `List-Unsubscribe=One-Click` (from the mail client, or the button above) suppresses at once.
        router.post("unsubscribe/{token}") { request, context in
            let token = try token(context)
            var request = request
            _ = try? await request.collectBody(upTo: 16 * 1024)
            guard let email = try await outreach.unsubscribe(token: token) else { return CandidatePage.unknownLink }
            return CandidatePage.message(
                title: "Unsubscribed", heading: "You are unsubscribed",
                "Nobody at the firm will e-mail \(email) again. If that was a mistake, reply to any of our messages and tell us.").response
        }
        for (path, relevant) in [("relevant", true), ("not-relevant", false)] {
            // A GET only asks: mail scanners that fetch every link must not answer for the person.
            router.get("feedback/{token}/\(path)") { _, context in
                let token = try token(context)
                guard try await outreach.records.store.outreach(token: token, purpose: .feedback) != nil else { return CandidatePage.unknownLink }
                return CandidatePage.feedback(token: token, relevant: relevant).response
            }
            router.post("feedback/{token}/\(path)") { request, context in
                let token = try token(context)
                var request = request
                _ = try? await request.collectBody(upTo: 16 * 1024)
                let thanks = relevant ? "Good to know it was relevant." : "Sorry it missed. We use every answer to send fewer, better messages."
                switch try await outreach.feedback(token: token, relevant: relevant) {
                case .recorded:
                    return CandidatePage.message(title: "Thank you", heading: "Thank you", thanks).response
                case .changed:
                    return CandidatePage.message(title: "Thank you", heading: "Answer changed", thanks, "This replaces your earlier answer.").response
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
                    return CandidatePage.message(
                        title: "Thank you", heading: "Thank you",
                        "Your answer reached your recruiter and their practice lead. "
                            + (nps <= 6 ? "Someone will get in touch to put things right." : "It helps us keep doing what works.")).response
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

/// A page for a candidate following a link in an e-mail: no sign-in, works without JavaScript, rendered from the
/// `link-*` templates like every other page (so every value is escaped there).
struct CandidatePage: Sendable {
    struct Choice: Sendable {
        var value: Int
        var required: Bool
    }

    var layout: Layout
    var template: String
    var heading = ""
    var paragraphs: [String] = []
    var token = ""
    var problems: [String] = []
    var saved = false
    var pitchLimit = 0
    var quietStart = ""
    var quietEnd = ""
    var doNotContact = false
    var scores: [Choice] = []
    var understood: [Choice] = []
    var relevant = false

    /// A heading and a few sentences.
    static func message(title: String, heading: String, _ paragraphs: String...) -> CandidatePage {
        CandidatePage(layout: Layout(title: title), template: "link-message", heading: heading, paragraphs: paragraphs)
    }

    static let unknownLink = message(
        title: "Link not recognised", heading: "We don't recognise this link",
        "It may have been copied incompletely. Reply to any of our messages and we will help.").response(status: .notFound)

    /// The unsubscribe confirmation: a GET only shows it, the button's POST unsubscribes.
    static func unsubscribe(token: String) -> CandidatePage {
        CandidatePage(layout: Layout(title: "Unsubscribe"), template: "link-unsubscribe", token: token)
    }

    /// The relevance question for one answer: a GET shows it, the button's POST records it.
    static func feedback(token: String, relevant: Bool) -> CandidatePage {
        CandidatePage(layout: Layout(title: "Was this relevant?"), template: "link-feedback",
                      heading: relevant ? "Tell us this message was relevant" : "Tell us this message was not relevant", token: token,
                      relevant: relevant)
    }

    var response: Response { response(status: .ok) }

    func response(status: HTTPResponse.Status) -> Response {
        var response = WebViews.shipped.response(self, template: template, status: status)
        response.headers[.referrerPolicy] = "no-referrer"
        return response
    }

    static func preferences(_ preferences: ContactPreferences, token: String, saved: Bool, problems: [String] = []) -> CandidatePage {
        CandidatePage(layout: Layout(title: "Your contact preferences"), template: "link-preferences", token: token, problems: problems,
                      saved: saved, pitchLimit: preferences.maxJobPitchesPer30Days, quietStart: preferences.quietHours.start,
                      quietEnd: preferences.quietHours.end, doNotContact: preferences.doNotContact)
    }

    /// The page for a survey link that can no longer be answered, or nil while it can.
    static func closedSurvey(_ state: Survey.LinkState) -> Response? {
        switch state {
        case .open:
            return nil
        case .answered:
            return message(title: "Already answered", heading: "You have already answered this survey",
                           "Each survey takes one answer, and yours is in. Thank you.").response(status: .gone)
        case .expired:
            return message(title: "Survey closed", heading: "This survey has closed",
                           "Survey links stay open for 30 days. If you would still like to tell us something, reply to any of our messages.")
                .response(status: .gone)
        }
    }

    static func survey(token: String, problems: [String]) -> CandidatePage {
        CandidatePage(layout: Layout(title: "How did we do?"), template: "link-survey", token: token, problems: problems,
                      scores: (0...10).map { Choice(value: $0, required: true) }, understood: (1...5).map { Choice(value: $0, required: false) })
    }
}
