import Foundation
import RapportCore
import RapportMatch
import RapportOutreach

/// A message to compose, preview, send or log.
public struct OutreachRequestDocument: Decodable, Sendable {
    public var candidateID: CandidateID
    public var kind: OutreachKind
    public var channel: OutreachChannel?
    public var jobIDs: [JobID]?
    public var note: String?
    public var subject: String?
    public var overrideReason: String?
    public var occurredAt: Date?
    public var replyID: ReplyID?

    public var request: OutreachRequest {
        OutreachRequest(candidateID: candidateID, kind: kind, channel: channel ?? .email, jobIDs: jobIDs ?? [], note: note, subject: subject,
                        overrideReason: overrideReason, occurredAt: occurredAt, replyID: replyID)
    }

    public static let schema = Schema.object("A message to a candidate: an e-mail Rapport sends, or a contact a recruiter logs.", [
        required("candidateID", .integer(minimum: 1)),
        required("kind", .enumeration(OutreachKind.self, "Only an opportunity presents jobs and counts as a job pitch.")),
        optional("channel", .enumeration(OutreachChannel.self, "email (default) is sent through the outbox; the others are logged.")),
        optional("jobIDs", .array(.integer(minimum: 1), "The openings an opportunity presents (one to three).", maxItems: 10)),
        optional("note", .string("Your own words after the greeting; for a logged contact, what was discussed.", maxLength: 5000)),
        optional("subject", .string("Replaces the template's subject.", maxLength: 200)),
        optional("overrideReason", .string("Why to send below the fit threshold (at least 20 characters); counted against relevance.",
                                           maxLength: 1000)),
        optional("occurredAt", .dateTime.described("When a logged contact happened; required for logged channels.")),
        optional("replyID", .integer("The reply this message answers; the e-mail is threaded under it.", minimum: 1)),
    ])
}

/// The contact policy's verdict as the recruiter reads it.
public struct VerdictDocument: Encodable, Sendable {
    public struct Violation: Encodable, Sendable {
        public var code: String
        public var message: String
        public var overridable: Bool
    }

    public var decision: String
    public var sendAt: Date?
    public var heldReason: String?
    public var violations: [Violation]
    public var overridden: Bool
    public var overrideReason: String?
    public var explanation: [String]

    public init(_ verdict: ContactVerdict) {
        switch verdict.decision {
        case .allowed: decision = "allowed"
        case .held(_, let reason):
            decision = "held"
            heldReason = reason.code
        case .blocked: decision = "blocked"
        }
        sendAt = verdict.sendAt
        violations = verdict.violations.map {
            Violation(code: $0.code, message: $0.forRecruiter(in: verdict.timeZone), overridable: $0.isOverridable)
        }
        overridden = verdict.overridden
        overrideReason = verdict.overrideReason
        explanation = verdict.explanation
    }
}

/// A job of a composed opportunity.
public struct AssessedJobDocument: Encodable, Sendable {
    public var id: JobID
    public var title: String
    public var client: String
    public var fit: Int
    public var eligible: Bool
    public var forCandidate: [String]

    public init(_ assessment: JobAssessment) {
        id = assessment.job.id
        title = assessment.job.details.title
        client = assessment.clientName
        fit = assessment.fit.score
        eligible = assessment.fit.isEligible
        forCandidate = assessment.fit.forCandidate
    }
}

public struct MessageDocument: Encodable, Sendable {
    public var subject: String
    public var text: String
    public var html: String?

    public init(_ content: MessageContent) {
        subject = content.subject
        text = content.text
        html = content.html
    }
}

public struct PreviewDocument: Encodable, Sendable {
    public var verdict: VerdictDocument
    public var jobs: [AssessedJobDocument]
    public var message: MessageDocument

    public init(verdict: VerdictDocument, jobs: [AssessedJobDocument], message: MessageDocument) {
        self.verdict = verdict
        self.jobs = jobs
        self.message = message
    }
}

/// A stored message and where it stands.
public struct OutreachDocument: Encodable, Sendable {
    public struct Job: Encodable, Sendable {
        public var id: JobID
        public var fit: Int
    }

    public struct Feedback: Encodable, Sendable {
        public var relevant: Bool
        public var at: Date
    }

    public var id: OutreachID
    public var candidateID: CandidateID
    public var recruiterID: UserID
    public var kind: String
    public var channel: String
    public var status: String
    public var jobs: [Job]
    public var message: MessageDocument
    public var createdAt: Date
    public var sendAfter: Date
    public var sentAt: Date?
    public var overrideReason: String?
    public var automated: Bool
    public var messageID: String?
    public var attempts: Int
    public var lastError: String?
    public var feedback: Feedback?
    public var verdict: VerdictDocument?

    public init(_ outreach: Outreach, verdict: ContactVerdict? = nil) {
        id = outreach.id
        candidateID = outreach.candidateID
        recruiterID = outreach.recruiterID
        kind = outreach.kind.rawValue
        channel = outreach.channel.rawValue
        status = outreach.status.rawValue
        jobs = outreach.jobs.map { Job(id: $0.jobID, fit: $0.fit) }
        message = MessageDocument(outreach.content)
        createdAt = outreach.createdAt
        sendAfter = outreach.sendAfter
        sentAt = outreach.sentAt
        overrideReason = outreach.overrideReason
        automated = outreach.isAutomated
        messageID = outreach.messageID
        attempts = outreach.attempts
        lastError = outreach.lastError
        feedback = outreach.feedback.map { Feedback(relevant: $0.relevant, at: $0.at) }
        self.verdict = verdict.map(VerdictDocument.init)
    }
}

public struct OutreachListDocument: Encodable, Sendable {
    public var items: [OutreachDocument]

    public init(items: [OutreachDocument]) {
        self.items = items
    }
}

/// The answer when the policy refuses a message: 422 with every reason.
public struct PolicyBlockedDocument: Encodable, Sendable {
    public struct Content: Encodable, Sendable {
        public var code: String
        public var message: String
    }

    public var error: Content
    public var verdict: VerdictDocument

    public init(_ refused: OutreachRefused) {
        verdict = VerdictDocument(refused.verdict)
        let first = verdict.violations.first?.message ?? "the contact policy refuses this message"
        let more = verdict.violations.count > 1 ? " (and \(verdict.violations.count - 1) more)" : ""
        error = Content(code: "policy_blocked", message: first + more)
    }
}

extension Schema {
    /// The same schema with its own description.
    public func described(_ text: String) -> Schema {
        var copy = self
        copy.description = text
        return copy
    }
}

extension Schema {
    /// The same string schema limited to these values.
    public func oneOf(_ values: [String]) -> Schema {
        var copy = self
        copy.values = values
        return copy
    }
}
