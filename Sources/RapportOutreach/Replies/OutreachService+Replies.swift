import Foundation
import Logging
import RapportCore
import RapportMail

/// What became of an inbound e-mail.
public enum InboundResult: Sendable {
    /// Stored and classified; `obligation` is the follow-up it opened (none for an unsubscribe).
    case stored(Reply, obligation: FollowUpObligation?)
    /// The same Message-ID arrived before: nothing changed.
    case duplicate(Reply)
    /// Sent to an unsubscribe address: the address is suppressed.
    case unsubscribed(email: String)
    /// Not from anyone Rapport knows, and threaded to nothing: kept out of the database.
    case ignored(reason: String)
}

/// A reply a recruiter records by hand (a phone call back, a LinkedIn message).
public struct LoggedReply: Sendable {
    public var candidateID: CandidateID
    public var outreachID: OutreachID?
    public var channel: OutreachChannel
    public var text: String
    public var receivedAt: Date

    public init(candidateID: CandidateID, outreachID: OutreachID? = nil, channel: OutreachChannel, text: String, receivedAt: Date) {
        self.candidateID = candidateID
        self.outreachID = outreachID
        self.channel = channel
        self.text = text
        self.receivedAt = receivedAt
    }
}

extension OutreachService {
    // MARK: Inbound

    /// Threads, classifies and stores a raw RFC 5322 reply, opening its follow-up obligation.
    ///
    /// Threading tries, in order: In-Reply-To and References against the Message-IDs Rapport sent, the reply token in a
    /// `replies+TOKEN@` recipient, then the sender's address among candidates (threaded to their latest message).
    public func receive(raw: Data) async throws -> InboundResult {
        let message: InboundMessage
        do {
            message = try InboundMessage.parse(raw)
        } catch let error as MailParseError {
            throw RapportError.invalid(field: "message", error.description)
        }
        if let token = Self.token(in: message.recipients, prefix: "unsubscribe+") {
            if let email = try await unsubscribe(token: token, method: "e-mail to the unsubscribe address") { return .unsubscribed(email: email) }
            return .ignored(reason: "the unsubscribe address carries an unknown token")
        }
        if let messageID = message.messageID, let existing = try await store.reply(messageID: messageID) {
            return .duplicate(existing)
        }
        let threaded = try await thread(message)
        let sender: Candidate
        if let outreach = threaded {
            sender = try await store.candidate(outreach.candidateID)
        } else if let found = try await store.candidate(email: message.from.address) {
            sender = found
        } else {
            return .ignored(reason: "the sender is not a known candidate and the message answers nothing Rapport sent")
        }
        var thread = threaded
        if thread == nil { thread = try await store.outreach(candidate: sender.id, limit: 1).first }
        let text = message.replyText.trimmingCharacters(in: .whitespacesAndNewlines)
        let (reply, obligation) = try await record(
            candidate: sender, outreach: thread, channel: .email, subject: message.subject, text: text,
            receivedAt: min(message.date ?? now, now), messageID: message.messageID, loggedBy: nil)
        return .stored(reply, obligation: obligation)
    }

    /// Records a reply received outside e-mail.
    public func log(_ logged: LoggedReply, by user: User) async throws -> (Reply, FollowUpObligation?) {
        var validator = Validator()
        validator.text("text", logged.text, maxLength: 20_000)
        if logged.receivedAt > now.addingTimeInterval(300) { validator.fail("receivedAt", "must not be in the future") }
        try validator.check()
        let candidate = try await store.candidate(logged.candidateID)
        var thread: Outreach?
        if let outreachID = logged.outreachID {
            do {
                thread = try await store.outreach(outreachID)
            } catch RapportError.notFound {
                throw RapportError.invalid([.missing("outreachID", "no outreach has id \(outreachID)")])
            }
            guard thread?.candidateID == candidate.id else {
                throw RapportError.invalid(field: "outreachID", "must be a message to the same candidate")
            }
        }
        return try await record(candidate: candidate, outreach: thread, channel: logged.channel, subject: "", text: logged.text,
                               receivedAt: logged.receivedAt, messageID: nil, loggedBy: user.id)
    }

    private func thread(_ message: InboundMessage) async throws -> Outreach? {
        let ids = message.inReplyTo + message.references.reversed()
        if let outreach = try await store.outreach(messageIDs: ids) { return outreach }
        if let token = Self.token(in: message.recipients, prefix: "replies+") {
            return try await store.outreach(token: token, purpose: .reply)
        }
        return nil
    }

    static func token(in recipients: [MailAddress], prefix: String) -> String? {
        for recipient in recipients {
            let local = recipient.address.split(separator: "@").first.map(String.init) ?? ""
            if local.lowercased().hasPrefix(prefix) { return String(local.dropFirst(prefix.count)).lowercased() }
        }
        return nil
    }

    /// Classifies and stores a reply, honours an unsubscribe at once, records a dated "not now", and opens the obligation.
    private func record(
        candidate: Candidate, outreach: Outreach?, channel: OutreachChannel, subject: String, text: String, receivedAt: Date,
        messageID: String?, loggedBy: UserID?
    ) async throws -> (Reply, FollowUpObligation?) {
        let zone = TimeZone(identifier: candidate.profile.timeZone) ?? .gmt
        let classification = classifier.classify(text, today: LocalDate(receivedAt, in: zone))
        let owner = try await obligationOwner(outreach: outreach, candidate: candidate, loggedBy: loggedBy)
        var obligation: ObligationDraft?
        if classification.intent != .unsubscribe, let owner {
            obligation = ObligationDraft(ownerID: owner.id, dueAt: dueDate(receivedAt, for: owner))
        }
        var reply = try await store.createReply(ReplyDraft(
            candidateID: candidate.id, outreachID: outreach?.id, channel: channel, receivedAt: receivedAt, subject: subject,
            text: text, messageID: messageID, classification: classification, loggedBy: loggedBy, obligation: obligation), at: now)
        reply = try await applyAutomaticChanges(reply)
        logger.info("reply stored", metadata: ["reply": "\(reply.id)", "intent": "\(classification.intent.code)"])
        return (reply, try await store.obligation(reply: reply.id))
    }

    /// The conversation's recruiter: who sent the message answered, else the candidate's owner, else whoever logged it.
    private func obligationOwner(outreach: Outreach?, candidate: Candidate, loggedBy: UserID?) async throws -> User? {
        for id in [outreach?.recruiterID, candidate.profile.ownerID, loggedBy].compactMap({ $0 }) {
            if let user = try? await store.user(id), user.details.active { return user }
        }
        return nil
    }

    func dueDate(_ receivedAt: Date, for owner: User) -> Date {
        let region = owner.details.region
        return settings.sla.dueDate(
            for: receivedAt, calendar: region.businessCalendar(holidays: settings.holidays),
            timeZone: TimeZone(identifier: region.defaultTimeZoneIdentifier) ?? .gmt)
    }

    /// An unsubscribe and a dated "not now" are the candidate's own word: applied without waiting for anyone.
    private func applyAutomaticChanges(_ reply: Reply) async throws -> Reply {
        var reply = reply
        for (index, change) in reply.classification.suggestedChanges.enumerated() where !change.needsConfirmation {
            switch change {
            case .suppressContact:
                let candidate = try await store.candidate(reply.candidateID)
                _ = try await suppress(candidate, reason: "asked to stop in reply \(reply.id)", method: "reply")
            case .setAvailability(let availability):
                try await updateProfile(reply.candidateID) { $0.availability = availability }
            case .reviewPreference, .addReferral:
                continue
            }
            reply.settledChanges.append(index)
        }
        return reply.settledChanges.isEmpty ? reply : try await store.updateReply(reply)
    }

    // MARK: Corrections and suggestions

    /// The recruiter's reading of a reply replaces the rules'; an unsubscribe or dated "not now" then applies at once.
    public func correct(_ id: ReplyID, to intent: ReplyIntent) async throws -> Reply {
        var reply = try await store.reply(id)
        reply.classification = reply.classification.corrected(to: intent)
        reply.settledChanges = []
        reply = try await store.updateReply(reply)
        return try await applyAutomaticChanges(reply)
    }

    /// Applies a suggested change the recruiter confirmed, with the values they chose; or dismisses it.
    public func settle(_ id: ReplyID, suggestion index: Int, apply: Bool, values: PreferenceChange, by user: User) async throws -> Reply {
        var reply = try await store.reply(id)
        let changes = reply.classification.suggestedChanges
        guard changes.indices.contains(index) else {
            throw RapportError.invalid([.missing("index", "this reply has \(changes.count) suggested \(changes.count == 1 ? "change" : "changes"), numbered from 0")])
        }
        guard !reply.settledChanges.contains(index) else {
            throw RapportError.inUse(entity: "suggestion", message: "was already applied or dismissed")
        }
        if apply {
            switch changes[index] {
            case .suppressContact, .setAvailability:
                break
            case .reviewPreference(let reason, _):
                try await updateProfile(reply.candidateID) { try values.apply(for: reason, to: &$0) }
            case .addReferral(let email, let name):
                reply.referralID = try await addReferral(from: reply.candidateID, email: values.email ?? email,
                                                         name: values.name ?? name, owner: user)
            }
        }
        reply.settledChanges.append(index)
        return try await store.updateReply(reply)
    }

    /// A new candidate linked to the referrer, owned by the recruiter; an address Rapport already knows links that person.
    private func addReferral(from referrerID: CandidateID, email: String?, name: String?, owner: User) async throws -> CandidateID {
        guard let email = email?.trimmingCharacters(in: .whitespaces), !email.isEmpty else {
            throw RapportError.invalid(field: "email", "the reply gives no address for the person referred; give it")
        }
        if let existing = try await store.candidate(email: email) { return existing.id }
        let referrer = try await store.candidate(referrerID)
        let profile = CandidateProfile(
            name: name?.trimmingCharacters(in: .whitespaces).isEmpty == false ? name! : email, email: email,
            location: referrer.profile.location, timeZone: referrer.profile.timeZone, region: referrer.profile.region,
            headline: "Referred by \(referrer.profile.name)", ownerID: owner.id, homePracticeID: referrer.profile.homePracticeID,
            source: CandidateSource(kind: .referral, referrerID: referrerID))
        return try await records.createCandidate(profile).id
    }

    /// Reads, changes and saves the candidate, retrying when someone saved in between.
    public func updateProfile(_ id: CandidateID, _ change: (inout CandidateProfile) throws -> Void) async throws {
        for attempt in 1...3 {
            let candidate = try await store.candidate(id)
            var profile = candidate.profile
            try change(&profile)
            guard profile != candidate.profile else { return }
            do {
                _ = try await records.updateCandidate(id, expectedVersion: candidate.version, profile)
                return
            } catch RapportError.staleVersion where attempt < 3 {
                continue
            }
        }
    }

    // MARK: Unsubscribe, feedback, preferences

    /// Honours an unsubscribe link or address at once; returns the address, or nil for an unknown token. Idempotent.
    public func unsubscribe(token: String, method: String = "one-click unsubscribe") async throws -> String? {
        guard let outreach = try await store.outreach(token: token, purpose: .unsubscribe) else { return nil }
        let candidate = try await store.candidate(outreach.candidateID)
        return try await suppress(candidate, reason: "\(method) from outreach \(outreach.id)", method: method)
    }

    /// Suppresses the address first (what delivery checks), then records the withdrawn marketing consent on the profile.
    private func suppress(_ candidate: Candidate, reason: String, method: String) async throws -> String {
        let at = now
        try await store.suppress(email: candidate.profile.email, .unsubscribed, reason: reason, at: at)
        try await updateProfile(candidate.id) { profile in
            var withdrew = false
            for index in profile.consents.indices
            where profile.consents[index].purpose == .directMarketing && profile.consents[index].withdrawnAt == nil {
                profile.consents[index].withdrawnAt = at
                withdrew = true
            }
            if !withdrew && !profile.consents.contains(where: { $0.purpose == .directMarketing }) {
                profile.consents.append(ConsentRecord(purpose: .directMarketing, recordedAt: at, method: method, legalBasis: .consent,
                                                      withdrawnAt: at))
            }
        }
        return candidate.profile.email
    }

    public func feedback(token: String, relevant: Bool) async throws -> FeedbackResult {
        try await store.recordFeedback(token: token, relevant: relevant, at: now)
    }

    /// The candidate behind a preferences link.
    public func preferences(token: String) async throws -> Candidate? {
        guard let outreach = try await store.outreach(token: token, purpose: .preferences) else { return nil }
        return try await store.candidate(outreach.candidateID)
    }

    /// Saves what the candidate chose on their preferences page.
    public func updatePreferences(token: String, _ preferences: ContactPreferences) async throws -> Candidate? {
        guard let candidate = try await self.preferences(token: token) else { return nil }
        try await updateProfile(candidate.id) { $0.contactPreferences = preferences }
        return try await store.candidate(candidate.id)
    }
}

/// Values a recruiter confirms with a suggested preference change.
public struct PreferenceChange: Sendable {
    public var minimumPay: Money?
    public var employmentTypes: [EmploymentType]?
    public var remotePreference: RemotePreference?
    public var openToRelocation: Bool?
    /// For a referral.
    public var email: String?
    public var name: String?

    public init(
        minimumPay: Money? = nil, employmentTypes: [EmploymentType]? = nil, remotePreference: RemotePreference? = nil,
        openToRelocation: Bool? = nil, email: String? = nil, name: String? = nil
    ) {
        self.minimumPay = minimumPay
        self.employmentTypes = employmentTypes
        self.remotePreference = remotePreference
        self.openToRelocation = openToRelocation
        self.email = email
        self.name = name
    }

    /// The change for the reason given: a reason with one sensible outcome has a default; the others need a value.
    func apply(for reason: DeclineReason, to profile: inout CandidateProfile) throws {
        switch reason {
        case .pay:
            guard let minimumPay else { throw RapportError.invalid(field: "minimumPay", "give the new minimum pay to apply this change") }
            profile.goals.minimumPay = minimumPay
        case .employmentType:
            guard let employmentTypes, !employmentTypes.isEmpty else {
                throw RapportError.invalid(field: "employmentTypes", "give the employment types they want to apply this change")
            }
            profile.goals.employmentTypes = employmentTypes
        case .remote:
            profile.remotePreference = remotePreference ?? .remoteOnly
        case .location:
            guard remotePreference != nil || openToRelocation != nil else {
                throw RapportError.invalid(field: "remotePreference", "give remotePreference or openToRelocation to apply this change")
            }
            if let remotePreference { profile.remotePreference = remotePreference }
            if let openToRelocation { profile.openToRelocation = openToRelocation }
        case .happyWhereIAm:
            profile.availability = Availability(status: .passive)
        case .skills, .seniority, .company, .other:
            // Nothing to set automatically: applying records that the recruiter read it and updated the profile.
            break
        }
    }
}

extension OutreachService {
    /// A close-the-loop answer, pre-filled for a decline ("thanks anyway, let's stay in touch"), written as the recruiter who
    /// owns the conversation; nil for other intents.
    public func suggestedAnswer(to reply: Reply) async throws -> MessageContent? {
        var until: LocalDate?
        switch reply.classification.intent {
        case .notInterested: break
        case .notNow(let date): until = date
        default: return nil
        }
        let candidate = try await store.candidate(reply.candidateID)
        let outreach = try await reply.outreachID.asyncMap { try await store.outreach($0) }
        let writerID = outreach?.recruiterID ?? candidate.profile.ownerID ?? reply.loggedBy
        guard let writerID, let writer = try? await store.user(writerID) else { return nil }
        let subject = reply.subject.isEmpty ? nil : (reply.subject.lowercased().hasPrefix("re:") ? reply.subject : "Re: \(reply.subject)")
        return composer.compose(Composition(kind: .closeTheLoop, candidate: candidate.profile, recruiter: writer, subject: subject,
                                            until: until))
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
