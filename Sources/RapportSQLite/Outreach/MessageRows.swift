import Foundation
import RapportCore

// The JSON columns of outreach storage, in storage's own shape: `outbox.envelope` and `reply.classification`. They
// keep the shape Core's synthesized `Codable` wrote when the columns were created (an enum case is an object with one
// key, named after the case, whose unnamed values are `_0`), so rows written by earlier versions read unchanged, and
// renaming a Core or API field never changes how stored rows read.

/// An e-mail as the outbox keeps it, enough to render it the same way on every attempt.
struct EnvelopeRow: Codable, Equatable {
    struct Content: Codable, Equatable {
        var subject: String
        var text: String
        var html: String?
    }

    struct Header: Codable, Equatable {
        var name: String
        var value: String
    }

    var fromName: String
    var fromEmail: String
    var toName: String
    var toEmail: String
    var replyTo: String?
    var content: Content
    var headers: [Header]
    var inReplyTo: String?
    /// Milliseconds since 1970.
    var date: Double

    init(_ envelope: MailEnvelope) {
        fromName = envelope.fromName
        fromEmail = envelope.fromEmail
        toName = envelope.toName
        toEmail = envelope.toEmail
        replyTo = envelope.replyTo
        content = Content(subject: envelope.content.subject, text: envelope.content.text, html: envelope.content.html)
        headers = envelope.headers.map { Header(name: $0.name, value: $0.value) }
        inReplyTo = envelope.inReplyTo
        date = envelope.date.timeIntervalSince1970 * 1000
    }

    var envelope: MailEnvelope {
        MailEnvelope(
            fromName: fromName, fromEmail: fromEmail, toName: toName, toEmail: toEmail, replyTo: replyTo,
            content: MessageContent(subject: content.subject, text: content.text, html: content.html),
            headers: headers.map { MailHeader($0.name, $0.value) }, inReplyTo: inReplyTo, date: Date(timeIntervalSince1970: date / 1000))
    }
}

/// What a reply meant, how sure the rules were, and the changes that follow from it.
struct ClassificationRow: Codable, Equatable {
    struct Empty: Codable, Equatable {}

    struct Declined: Codable, Equatable {
        var reason: String?
        enum CodingKeys: String, CodingKey { case reason = "_0" }
    }

    struct Later: Codable, Equatable {
        var until: String?
    }

    struct Referral: Codable, Equatable {
        var email: String?
        var name: String?
    }

    /// One case of the intent: exactly one member is present.
    struct Intent: Codable, Equatable {
        var interested: Empty?
        var notInterested: Declined?
        var notNow: Later?
        var referral: Referral?
        var question: Empty?
        var unsubscribe: Empty?
        var unclear: Empty?
    }

    struct Availability: Codable, Equatable {
        var status: String
        var until: String?
    }

    struct NewAvailability: Codable, Equatable {
        var availability: Availability
        enum CodingKeys: String, CodingKey { case availability = "_0" }
    }

    struct Review: Codable, Equatable {
        var reason: String
        var suggestion: String
        enum CodingKeys: String, CodingKey {
            case reason = "_0"
            case suggestion
        }
    }

    /// One suggested change: exactly one member is present.
    struct Change: Codable, Equatable {
        var suppressContact: Empty?
        var setAvailability: NewAvailability?
        var reviewPreference: Review?
        var addReferral: Referral?
    }

    var intent: Intent
    var confidence: Double
    var evidence: [String]
    var suggestedChanges: [Change]
    var isCorrected: Bool

    init(_ classification: ReplyClassification) {
        intent = Intent(classification.intent)
        confidence = classification.confidence
        evidence = classification.evidence
        suggestedChanges = classification.suggestedChanges.map(Change.init)
        isCorrected = classification.isCorrected
    }

    /// The classification; a case or value this version does not know fails the read rather than being guessed.
    func classification() throws -> ReplyClassification {
        ReplyClassification(intent: try intent.intent(), confidence: confidence, evidence: evidence,
                            suggestedChanges: try suggestedChanges.map { try $0.change() }, isCorrected: isCorrected)
    }

    fileprivate static func value<Value: RawRepresentable>(_ text: String, _ field: String) throws -> Value where Value.RawValue == String {
        guard let value = Value(rawValue: text) else { throw unreadable(field, text) }
        return value
    }

    fileprivate static func date(_ text: String?, _ field: String) throws -> LocalDate? {
        guard let text else { return nil }
        guard let date = LocalDate(text) else { throw unreadable(field, text) }
        return date
    }

    fileprivate static func unreadable(_ field: String, _ value: String) -> RapportError {
        .invalid(field: "reply.classification.\(field)", "a stored reply holds \"\(value.prefix(40))\", which this version cannot read")
    }
}

extension ClassificationRow.Intent {
    init(_ intent: ReplyIntent) {
        switch intent {
        case .interested: interested = .init()
        case .notInterested(let reason): notInterested = .init(reason: reason?.rawValue)
        case .notNow(let until): notNow = .init(until: until?.description)
        case .referral(let email, let name): referral = .init(email: email, name: name)
        case .question: question = .init()
        case .unsubscribe: unsubscribe = .init()
        case .unclear: unclear = .init()
        }
    }

    func intent() throws -> ReplyIntent {
        var cases: [ReplyIntent] = []
        if interested != nil { cases.append(.interested) }
        if let notInterested {
            cases.append(.notInterested(try notInterested.reason.map { try ClassificationRow.value($0, "intent.notInterested") }))
        }
        if let notNow { cases.append(.notNow(until: try ClassificationRow.date(notNow.until, "intent.notNow.until"))) }
        if let referral { cases.append(.referral(email: referral.email, name: referral.name)) }
        if question != nil { cases.append(.question) }
        if unsubscribe != nil { cases.append(.unsubscribe) }
        if unclear != nil { cases.append(.unclear) }
        guard cases.count == 1, let intent = cases.first else {
            throw ClassificationRow.unreadable("intent", "\(cases.count) intents")
        }
        return intent
    }
}

extension ClassificationRow.Change {
    init(_ change: SuggestedChange) {
        switch change {
        case .suppressContact: suppressContact = .init()
        case .setAvailability(let availability):
            setAvailability = .init(availability: .init(status: availability.status.rawValue, until: availability.until?.description))
        case .reviewPreference(let reason, let suggestion): reviewPreference = .init(reason: reason.rawValue, suggestion: suggestion)
        case .addReferral(let email, let name): addReferral = .init(email: email, name: name)
        }
    }

    func change() throws -> SuggestedChange {
        var cases: [SuggestedChange] = []
        if suppressContact != nil { cases.append(.suppressContact) }
        if let setAvailability {
            let availability = setAvailability.availability
            cases.append(.setAvailability(Availability(
                status: try ClassificationRow.value(availability.status, "suggestedChanges.setAvailability.status"),
                until: try ClassificationRow.date(availability.until, "suggestedChanges.setAvailability.until"))))
        }
        if let reviewPreference {
            cases.append(.reviewPreference(try ClassificationRow.value(reviewPreference.reason, "suggestedChanges.reviewPreference"),
                                           suggestion: reviewPreference.suggestion))
        }
        if let addReferral { cases.append(.addReferral(email: addReferral.email, name: addReferral.name)) }
        guard cases.count == 1, let change = cases.first else {
            throw ClassificationRow.unreadable("suggestedChanges", "\(cases.count) changes")
        }
        return change
    }
}
