import Foundation

/// A candidate's answer, received by e-mail or logged by a recruiter, with what the rules (or the recruiter) read in it.
public struct Reply: Equatable, Sendable, Identifiable {
    public var id: ReplyID
    public var candidateID: CandidateID
    /// The message it answers, when threading found one.
    public var outreachID: OutreachID?
    public var channel: OutreachChannel
    public var receivedAt: Date
    public var subject: String
    /// What the candidate wrote, quoted history removed.
    public var text: String
    /// The inbound Message-ID, so a redelivered e-mail is stored once.
    public var messageID: String?
    public var classification: ReplyClassification
    /// The staff member who logged it by hand.
    public var loggedBy: UserID?
    /// Indexes into `classification.suggestedChanges` already applied or dismissed.
    public var settledChanges: [Int]
    /// The candidate created from a referral in this reply.
    public var referralID: CandidateID?

    public init(
        id: ReplyID, candidateID: CandidateID, outreachID: OutreachID?, channel: OutreachChannel, receivedAt: Date, subject: String,
        text: String, messageID: String?, classification: ReplyClassification, loggedBy: UserID?, settledChanges: [Int] = [],
        referralID: CandidateID? = nil
    ) {
        self.id = id
        self.candidateID = candidateID
        self.outreachID = outreachID
        self.channel = channel
        self.receivedAt = receivedAt
        self.subject = subject
        self.text = text
        self.messageID = messageID
        self.classification = classification
        self.loggedBy = loggedBy
        self.settledChanges = settledChanges
        self.referralID = referralID
    }
}

/// A reply to store, with the obligation it opens.
public struct ReplyDraft: Sendable {
    public var candidateID: CandidateID
    public var outreachID: OutreachID?
    public var channel: OutreachChannel
    public var receivedAt: Date
    public var subject: String
    public var text: String
    public var messageID: String?
    public var classification: ReplyClassification
    public var loggedBy: UserID?
    /// The obligation to open: nil for an unsubscribe, which must not be answered.
    public var obligation: ObligationDraft?

    public init(
        candidateID: CandidateID, outreachID: OutreachID?, channel: OutreachChannel, receivedAt: Date, subject: String, text: String,
        messageID: String?, classification: ReplyClassification, loggedBy: UserID?, obligation: ObligationDraft?
    ) {
        self.candidateID = candidateID
        self.outreachID = outreachID
        self.channel = channel
        self.receivedAt = receivedAt
        self.subject = subject
        self.text = text
        self.messageID = messageID
        self.classification = classification
        self.loggedBy = loggedBy
        self.obligation = obligation
    }
}
