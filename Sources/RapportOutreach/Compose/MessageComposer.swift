import Foundation
import Mustache
import RapportCore

/// One opening as an opportunity presents it, with why it fits in the candidate's own terms.
public struct PresentedJob: Sendable {
    public var job: Job
    public var clientName: String
    public var fit: Int
    /// From the match explanation, written to the candidate ("Why we think this fits your goals: …").
    public var whyItFits: [String]

    public init(job: Job, clientName: String, fit: Int, whyItFits: [String]) {
        self.job = job
        self.clientName = clientName
        self.fit = fit
        self.whyItFits = whyItFits
    }
}

/// The links every e-mail carries.
public struct MessageLinks: Sendable {
    public var relevant: String
    public var notRelevant: String
    public var preferences: String
    public var unsubscribe: String

    public init(relevant: String, notRelevant: String, preferences: String, unsubscribe: String) {
        self.relevant = relevant
        self.notRelevant = notRelevant
        self.preferences = preferences
        self.unsubscribe = unsubscribe
    }

    /// The links of a stored message's tokens.
    public init(tokens: OutreachTokens, settings: OutreachSettings) {
        self.init(
            relevant: settings.feedbackURL(token: tokens.feedback, relevant: true),
            notRelevant: settings.feedbackURL(token: tokens.feedback, relevant: false),
            preferences: settings.preferencesURL(token: tokens.preferences),
            unsubscribe: settings.unsubscribeURL(token: tokens.unsubscribe))
    }
}

/// What a message is composed from.
public struct Composition: Sendable {
    public var kind: OutreachKind
    public var candidate: CandidateProfile
    public var recruiter: User
    public var practiceName: String?
    public var jobs: [PresentedJob]
    /// The recruiter's own words, placed after the greeting.
    public var note: String?
    /// Replaces the template's subject.
    public var subject: String?
    public var links: MessageLinks?
    /// For a close-the-loop answer to "not now": when they asked to hear from us again.
    public var until: LocalDate?
    /// For a survey: where to answer it.
    public var surveyURL: String?

    public init(
        kind: OutreachKind, candidate: CandidateProfile, recruiter: User, practiceName: String? = nil, jobs: [PresentedJob] = [],
        note: String? = nil, subject: String? = nil, links: MessageLinks? = nil, until: LocalDate? = nil, surveyURL: String? = nil
    ) {
        self.until = until
        self.surveyURL = surveyURL
        self.kind = kind
        self.candidate = candidate
        self.recruiter = recruiter
        self.practiceName = practiceName
        self.jobs = jobs
        self.note = note
        self.subject = subject
        self.links = links
    }
}

/// Turns a composition into the subject, text and HTML the candidate receives, from the firm's Mustache templates.
public struct MessageComposer: Sendable {
    private let library: MustacheLibrary
    private let firmName: String
    private let postalAddress: String

    public init(settings: OutreachSettings) {
        var library = MustacheLibrary()
        for (name, source) in MessageTemplates.all {
            // The templates are part of the code: a template that does not parse is a programming error.
            let text = name.hasPrefix("subject.") ? "{{% CONTENT_TYPE: TEXT}}" + source : source
            do {
                try library.register(text, named: name)
            } catch {
                preconditionFailure("message template \(name) does not parse: \(error)")
            }
        }
        self.library = library
        firmName = settings.firmName
        postalAddress = settings.postalAddress
    }

    public func compose(_ composition: Composition) -> MessageContent {
        let values = self.values(composition)
        let kind = composition.kind.rawValue
        let subject = composition.subject.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
            ?? render("subject.\(kind)", values)
        var withSubject = values
        withSubject["subject"] = subject
        return MessageContent(
            subject: subject.trimmingCharacters(in: .whitespacesAndNewlines),
            text: Self.tidy(render("text.\(kind)", withSubject)),
            html: render("html.\(kind)", withSubject))
    }

    private func render(_ template: String, _ values: [String: Any]) -> String {
        library.render(values, withTemplate: template) ?? ""
    }

    private func values(_ composition: Composition) -> [String: Any] {
        let candidate = composition.candidate
        var values: [String: Any] = [
            "firstName": Self.firstName(candidate.name),
            "recruiterName": composition.recruiter.details.name,
            "recruiterEmail": composition.recruiter.details.email,
            "firmName": firmName,
            "postalAddress": postalAddress,
            "count": composition.jobs.count,
            "single": composition.jobs.count == 1,
            "jobs": composition.jobs.map(Self.jobValues),
        ]
        if let practice = composition.practiceName { values["practiceName"] = practice }
        if let opening = Self.opening(composition) { values["opening"] = opening }
        if let until = composition.until { values["until"] = Self.monthAndYear(until) }
        if let surveyURL = composition.surveyURL { values["surveyURL"] = surveyURL }
        if let title = composition.jobs.first?.job.details.title { values["title"] = title }
        if let note = composition.note?.trimmingCharacters(in: .whitespacesAndNewlines), !note.isEmpty { values["note"] = note }
        if let links = composition.links {
            values["links"] = [
                "relevant": links.relevant, "notRelevant": links.notRelevant, "preferences": links.preferences,
                "unsubscribe": links.unsubscribe,
            ]
        }
        return values
    }

    private static func jobValues(_ presented: PresentedJob) -> [String: Any] {
        let details = presented.job.details
        let place: String = switch details.remotePolicy {
        case .remote: details.remoteScope.map { "Remote \($0.phrase)" } ?? "Remote (\(details.location.country))"
        case .hybrid: "\(details.location.city ?? details.location.country), hybrid"
        case .onsite: "\(details.location.city ?? details.location.country), on site"
        }
        let employment: String = switch details.employmentType {
        case .contract: details.durationWeeks.map { "Contract, \($0) weeks" } ?? "Contract"
        case .contractToHire: "Contract to hire"
        case .permanent: "Permanent"
        }
        let range = details.pay.map { "\($0.minimum.formatted) to \($0.maximum.formatted)" } ?? "pay not disclosed yet"
        return [
            "title": details.title, "client": presented.clientName, "place": place, "employment": employment, "pay": range,
            "why": presented.whyItFits,
        ]
    }

    /// The first line of a pitch, in the person's own terms where we know them: "You told us you're looking for contract
    /// Platform Engineer work, so Platform Engineer at Harbour Bank made me think of you." Nil when their goals are unknown.
    static func opening(_ composition: Composition) -> String? {
        guard let first = composition.jobs.first else { return nil }
        let goals = composition.candidate.goals
        let roles = goals.targetRoles.prefix(2).joined(separator: " or ")
        let kinds = goals.employmentTypes.map(\.phrase).joined(separator: " or ")
        let wanted = [kinds, roles].filter { !$0.isEmpty }.joined(separator: " ")
        guard !wanted.isEmpty else { return nil }
        let which = composition.jobs.count == 1
            ? "\(first.job.details.title) at \(first.clientName)" : "these \(composition.jobs.count) roles"
        return "You told us you're looking for \(wanted) work, so \(which) made me think of you."
    }

    /// "June 2027", the same on every machine.
    static func monthAndYear(_ date: LocalDate) -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
                      "December"]
        return "\(months[date.month - 1]) \(date.year)"
    }

    static func firstName(_ name: String) -> String {
        name.split(separator: " ").first.map(String.init) ?? name
    }

    /// Section tags leave blank lines behind; keep at most one blank line in a row and none at the ends.
    static func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.last == " " ? Substring(line.replacing(/\s+$/, with: "")) : line
            if trimmed.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(trimmed)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}
