import Foundation

public typealias OutreachID = Identifier<Outreach>
public typealias ReplyID = Identifier<Reply>
public typealias ObligationID = Identifier<FollowUpObligation>

/// How a message reached the candidate: e-mail goes through the outbox; everything else is logged by the recruiter.
public enum OutreachChannel: String, CaseIterable, Codable, Sendable {
    case email
    case phone
    case linkedin
    case meeting
    case sms

    /// Whether Rapport sends it, rather than a recruiter recording what they did.
    public var isSentByRapport: Bool { self == .email }
}

/// Where a message stands.
public enum OutreachStatus: String, CaseIterable, Codable, Sendable {
    /// In the outbox, to go at `sendAfter` (later when inside the candidate's quiet hours).
    case queued
    /// Being handed to the mail server; counts as a pitch so another message cannot slip past the limit meanwhile.
    case sending
    /// Accepted by the mail server.
    case sent
    /// Recorded by hand: a call, a LinkedIn message, a meeting, a text.
    case logged
    /// Stopped by the contact policy at send time (an opt-out or another recruiter's pitch in between).
    case blocked
    /// The mail server refused it for good, or retries ran out.
    case failed
    /// Withdrawn by a recruiter before it went.
    case cancelled

    /// Whether the candidate received it (or it is being handed over now): what pitch limits count.
    public var reachedCandidate: Bool { self == .sending || self == .sent || self == .logged }
}

/// One job an opportunity presents, as recorded with the message.
public struct OutreachJob: Hashable, Sendable {
    public var jobID: JobID
    /// The fit when the message was composed.
    public var fit: Int

    public init(jobID: JobID, fit: Int) {
        self.jobID = jobID
        self.fit = fit
    }
}

/// The readable content of a message, as the candidate sees it.
public struct MessageContent: Hashable, Sendable {
    public var subject: String
    public var text: String
    public var html: String?

    public init(subject: String, text: String, html: String? = nil) {
        self.subject = subject
        self.text = text
        self.html = html
    }
}

/// Everything needed to store a new message: composed, checked by the policy, ready to queue or log.
public struct OutreachDraft: Sendable {
    public var candidateID: CandidateID
    public var recruiterID: UserID
    public var kind: OutreachKind
    public var channel: OutreachChannel
    public var jobs: [OutreachJob]
    public var content: MessageContent
    /// When an e-mail may go (after quiet hours), or when a logged contact happened.
    public var sendAfter: Date
    public var overrideReason: String?
    /// Written by Rapport on its own (a scheduled survey), not by a person: it answers no reply.
    public var isAutomated: Bool
    /// Fixed when queued, so a retry after a crash carries the same Message-ID and receivers can drop the duplicate.
    public var messageID: String?
    /// Secret tokens for the candidate's links.
    public var tokens: OutreachTokens?
    /// The survey a survey message asks the candidate to answer, created with it.
    public var survey: SurveyDraft?

    public init(
        candidateID: CandidateID, recruiterID: UserID, kind: OutreachKind, channel: OutreachChannel, jobs: [OutreachJob] = [],
        content: MessageContent, sendAfter: Date, overrideReason: String? = nil, isAutomated: Bool = false, messageID: String? = nil,
        tokens: OutreachTokens? = nil, survey: SurveyDraft? = nil
    ) {
        self.survey = survey
        self.candidateID = candidateID
        self.recruiterID = recruiterID
        self.kind = kind
        self.channel = channel
        self.jobs = jobs
        self.content = content
        self.sendAfter = sendAfter
        self.overrideReason = overrideReason
        self.isAutomated = isAutomated
        self.messageID = messageID
        self.tokens = tokens
    }
}

/// The secrets behind a message's links: unsubscribe (reusable, idempotent), relevance feedback (single use),
/// preferences, and the reply-to token that threads a reply sent to a plus-address.
public struct OutreachTokens: Hashable, Sendable {
    public var unsubscribe: String
    public var feedback: String
    public var preferences: String
    public var reply: String

    public init(unsubscribe: String, feedback: String, preferences: String, reply: String) {
        self.unsubscribe = unsubscribe
        self.feedback = feedback
        self.preferences = preferences
        self.reply = reply
    }

    /// Fresh random tokens of 128 bits each, URL-safe.
    public static func random<G: RandomNumberGenerator>(using generator: inout G) -> OutreachTokens {
        OutreachTokens(unsubscribe: token(&generator), feedback: token(&generator), preferences: token(&generator), reply: token(&generator))
    }

    static func token<G: RandomNumberGenerator>(_ generator: inout G) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        // 25 characters of a 36-letter alphabet: 129 bits.
        return String((0..<25).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}

/// What a token in a link is for.
public enum TokenPurpose: String, CaseIterable, Codable, Sendable {
    case unsubscribe
    case feedback
    case preferences
    case reply
}

/// A stored message to a candidate, sent or logged.
public struct Outreach: Equatable, Sendable, Identifiable {
    public var id: OutreachID
    public var candidateID: CandidateID
    public var recruiterID: UserID
    public var kind: OutreachKind
    public var channel: OutreachChannel
    public var status: OutreachStatus
    public var jobs: [OutreachJob]
    public var content: MessageContent
    public var createdAt: Date
    public var sendAfter: Date
    /// When the server accepted it, or when a logged contact happened.
    public var sentAt: Date?
    public var overrideReason: String?
    public var isAutomated: Bool
    public var messageID: String?
    /// Delivery attempts so far.
    public var attempts: Int
    /// The last delivery error, or the policy codes that blocked it at send time.
    public var lastError: String?
    /// The candidate's answer to "was this relevant?", once given.
    public var feedback: RelevanceFeedback?

    public init(
        id: OutreachID, candidateID: CandidateID, recruiterID: UserID, kind: OutreachKind, channel: OutreachChannel,
        status: OutreachStatus, jobs: [OutreachJob], content: MessageContent, createdAt: Date, sendAfter: Date, sentAt: Date?,
        overrideReason: String?, isAutomated: Bool, messageID: String?, attempts: Int, lastError: String?, feedback: RelevanceFeedback?
    ) {
        self.id = id
        self.candidateID = candidateID
        self.recruiterID = recruiterID
        self.kind = kind
        self.channel = channel
        self.status = status
        self.jobs = jobs
        self.content = content
        self.createdAt = createdAt
        self.sendAfter = sendAfter
        self.sentAt = sentAt
        self.overrideReason = overrideReason
        self.isAutomated = isAutomated
        self.messageID = messageID
        self.attempts = attempts
        self.lastError = lastError
        self.feedback = feedback
    }

    /// As the contact policy counts it.
    public var pitchRecord: PitchRecord? {
        guard kind.isJobPitch, status.reachedCandidate else { return nil }
        return PitchRecord(jobIDs: jobs.map(\.jobID), recruiterID: recruiterID, sentAt: sentAt ?? sendAfter)
    }
}

/// The candidate's one-click answer to "was this relevant to you?".
public struct RelevanceFeedback: Hashable, Sendable {
    public var relevant: Bool
    public var at: Date

    public init(relevant: Bool, at: Date) {
        self.relevant = relevant
        self.at = at
    }
}

/// Why an address may not be written to.
public enum AddressSuppression: String, CaseIterable, Codable, Sendable {
    /// The candidate unsubscribed: honoured at once and for good.
    case unsubscribed
    /// The mail server refused the address permanently.
    case undeliverable
}

/// The state of an address as delivery sees it.
public struct AddressStatus: Equatable, Sendable {
    public var email: String
    public var suppression: AddressSuppression
    public var reason: String
    public var at: Date

    public init(email: String, suppression: AddressSuppression, reason: String, at: Date) {
        self.email = email
        self.suppression = suppression
        self.reason = reason
        self.at = at
    }
}
