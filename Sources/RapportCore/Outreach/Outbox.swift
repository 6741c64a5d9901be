import Foundation

public typealias OutboxID = Identifier<OutboxEntry>

/// An e-mail waiting in, or gone from, the durable outbox: to a candidate (with its outreach) or to staff (an escalation).
public struct OutboxEntry: Equatable, Sendable, Identifiable {
    public enum Status: String, CaseIterable, Codable, Sendable {
        case queued
        /// Claimed by a delivery worker until `claimedUntil`; a crashed worker's claim lapses and the entry is retried.
        case sending
        case sent
        case failed
        /// Withdrawn: the outreach was cancelled, or the policy stopped it at send time.
        case cancelled
    }

    public var id: OutboxID
    public var outreachID: OutreachID?
    /// Without angle brackets; fixed when queued, so every attempt carries the same one.
    public var messageID: String
    public var envelope: MailEnvelope
    public var status: Status
    /// Not before this instant: the end of the candidate's quiet hours, or the next retry.
    public var sendAfter: Date
    public var attempts: Int
    public var lastError: String?
    public var sentAt: Date?

    public init(
        id: OutboxID, outreachID: OutreachID?, messageID: String, envelope: MailEnvelope, status: Status, sendAfter: Date,
        attempts: Int, lastError: String?, sentAt: Date?
    ) {
        self.id = id
        self.outreachID = outreachID
        self.messageID = messageID
        self.envelope = envelope
        self.status = status
        self.sendAfter = sendAfter
        self.attempts = attempts
        self.lastError = lastError
        self.sentAt = sentAt
    }
}

/// The parts of an e-mail the outbox keeps, enough to render it the same way on every attempt.
public struct MailEnvelope: Hashable, Sendable {
    public var fromName: String
    public var fromEmail: String
    public var toName: String
    public var toEmail: String
    public var replyTo: String?
    public var content: MessageContent
    /// Extra headers in order, such as `List-Unsubscribe`.
    public var headers: [MailHeader]
    public var inReplyTo: String?
    /// When the message is dated: the time it was queued.
    public var date: Date

    public init(
        fromName: String, fromEmail: String, toName: String, toEmail: String, replyTo: String? = nil, content: MessageContent,
        headers: [MailHeader] = [], inReplyTo: String? = nil, date: Date
    ) {
        self.fromName = fromName
        self.fromEmail = fromEmail
        self.toName = toName
        self.toEmail = toEmail
        self.replyTo = replyTo
        self.content = content
        self.headers = headers
        self.inReplyTo = inReplyTo
        self.date = date
    }
}

/// One header field.
public struct MailHeader: Hashable, Sendable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// What the store found when a delivery worker asked to send an entry.
public enum SendingCheck: Sendable {
    /// The candidate, their pitch history, their submissions and their address state, read in the same transaction that
    /// reserves the entry.
    case outreach(Outreach, candidate: Candidate, history: [PitchRecord], submissions: [Submission], address: AddressStatus?)
    /// A message to staff: nothing to check.
    case notice
}

/// What the delivery worker decided, applied in that transaction.
public enum SendingDecision: Sendable {
    /// Reserve it: the entry is `sending` until `claimedUntil`, the outreach counts as a pitch.
    case send(claimedUntil: Date)
    /// The candidate's quiet hours (their zone may have changed): wait.
    case hold(until: Date)
    /// The policy now refuses it: never sent.
    case block(codes: [String])
}

/// What `beginSending` did.
public enum SendingStart: Sendable {
    /// Reserved: hand it to the transport now.
    case send(OutboxEntry)
    case held(until: Date)
    case blocked(codes: [String])
    /// Gone, not yet due, or being sent by another worker.
    case notDue
}

/// How a delivery attempt ended.
public enum DeliveryOutcome: Sendable {
    case accepted(serverReply: String)
    /// Try again at `retryAt`.
    case transientFailure(String, retryAt: Date)
    /// The server refused it for good; with `addressRejected` the address is marked undeliverable.
    case permanentFailure(String, addressRejected: Bool)
}
