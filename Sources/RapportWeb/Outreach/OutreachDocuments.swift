import Foundation
import Hummingbird
import RapportAPI
import RapportCore
import RapportMatch
import RapportOutreach

/// A message to compose, preview, send or log.
struct OutreachRequestDocument: Decodable, Sendable {
    var candidateID: CandidateID
    var kind: OutreachKind
    var channel: OutreachChannel?
    var jobIDs: [JobID]?
    var note: String?
    var subject: String?
    var overrideReason: String?
    var occurredAt: Date?
    var replyID: ReplyID?

    var request: OutreachRequest {
        OutreachRequest(candidateID: candidateID, kind: kind, channel: channel ?? .email, jobIDs: jobIDs ?? [], note: note, subject: subject,
                        overrideReason: overrideReason, occurredAt: occurredAt, replyID: replyID)
    }

    static let schema = Schema.object("A message to a candidate: an e-mail Rapport sends, or a contact a recruiter logs.", [
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
struct VerdictDocument: Encodable, Sendable {
    struct Violation: Encodable, Sendable {
        var code: String
        var message: String
        var overridable: Bool
    }

    var decision: String
    var sendAt: Date?
    var heldReason: String?
    var violations: [Violation]
    var overridden: Bool
    var overrideReason: String?
    var explanation: [String]

    init(_ verdict: ContactVerdict) {
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
struct AssessedJobDocument: Encodable, Sendable {
    var id: JobID
    var title: String
    var client: String
    var fit: Int
    var eligible: Bool
    var forCandidate: [String]

    init(_ assessment: JobAssessment) {
        id = assessment.job.id
        title = assessment.job.details.title
        client = assessment.clientName
        fit = assessment.fit.score
        eligible = assessment.fit.isEligible
        forCandidate = assessment.fit.forCandidate
    }
}

struct MessageDocument: Encodable, Sendable {
    var subject: String
    var text: String
    var html: String?

    init(_ content: MessageContent) {
        subject = content.subject
        text = content.text
        html = content.html
    }
}

struct PreviewDocument: ResponseEncodable, Sendable {
    var verdict: VerdictDocument
    var jobs: [AssessedJobDocument]
    var message: MessageDocument
}

/// A stored message and where it stands.
struct OutreachDocument: ResponseEncodable, Sendable {
    struct Job: Encodable, Sendable {
        var id: JobID
        var fit: Int
    }

    struct Feedback: Encodable, Sendable {
        var relevant: Bool
        var at: Date
    }

    var id: OutreachID
    var candidateID: CandidateID
    var recruiterID: UserID
    var kind: String
    var channel: String
    var status: String
    var jobs: [Job]
    var message: MessageDocument
    var createdAt: Date
    var sendAfter: Date
    var sentAt: Date?
    var overrideReason: String?
    var automated: Bool
    var messageID: String?
    var attempts: Int
    var lastError: String?
    var feedback: Feedback?
    var verdict: VerdictDocument?

    init(_ outreach: Outreach, verdict: ContactVerdict? = nil) {
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

struct OutreachListDocument: ResponseEncodable, Sendable {
    var items: [OutreachDocument]
}

/// The answer when the policy refuses a message: 422 with every reason.
struct PolicyBlockedDocument: Encodable, Sendable {
    struct Content: Encodable, Sendable {
        var code: String
        var message: String
    }

    var error: Content
    var verdict: VerdictDocument

    static func response(_ refused: OutreachRefused) throws -> Response {
        let verdict = VerdictDocument(refused.verdict)
        let first = verdict.violations.first?.message ?? "the contact policy refuses this message"
        let more = verdict.violations.count > 1 ? " (and \(verdict.violations.count - 1) more)" : ""
        let body = PolicyBlockedDocument(error: Content(code: "policy_blocked", message: first + more), verdict: verdict)
        return Response(status: .unprocessableContent, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: try APIDates.encoder.encode(body))))
    }
}

extension Schema {
    /// The same schema with its own description.
    func described(_ text: String) -> Schema {
        var copy = self
        copy.description = text
        return copy
    }
}

extension Schema {
    /// The same string schema limited to these values.
    func oneOf(_ values: [String]) -> Schema {
        var copy = self
        copy.values = values
        return copy
    }
}
