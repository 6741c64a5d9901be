import Foundation
import Hummingbird
import RapportAPI
import RapportCore
import RapportMatch
import RapportOutreach

/// A candidate to shortlist for a job.
struct ShortlistDocument: Decodable, Sendable {
    var candidateID: CandidateID
    var jobID: JobID
    var note: String?
    var reopenReason: String?

    static let schema = Schema.object("""
        Put a candidate on the shortlist for an open job; they hear of it when it is presented. One open submission per \
        candidate and job; a pair whose submission ended is reopened only with a reason.
        """, [
        required("candidateID", .integer(minimum: 1)),
        required("jobID", .integer(minimum: 1)),
        optional("note", .string("Why they fit.", maxLength: Submission.maxNoteLength)),
        optional("reopenReason", .string("""
            Required, and only allowed, when the candidate's earlier submission for this job has ended: why it is worth \
            another try (at least 20 characters).
            """, maxLength: 1000)),
    ])
}

/// A move through the pipeline.
struct MoveDocument: Decodable, Sendable {
    var to: SubmissionStage
    var version: Int
    var reason: DeclineReason?
    var note: String?
    var at: Date?
    var placement: PlacementTerms?

    var request: SubmissionMoveRequest {
        SubmissionMoveRequest(to: to, version: version, reason: reason, note: note ?? "", at: at, placement: placement)
    }

    static let schema = Schema.object("""
        Move a submission one step. Allowed moves: shortlisted → presented or withdrawn; presented → candidate_interested, \
        candidate_declined or withdrawn; candidate_interested → submitted, candidate_declined or withdrawn; submitted → \
        interview, client_rejected, candidate_declined or withdrawn; interview → interview, offer, client_rejected, \
        candidate_declined or withdrawn; offer → placed, candidate_declined, client_rejected or withdrawn.
        """, [
        required("to", .enumeration(SubmissionStage.self)),
        required("version", .integer("The submission's version as you read it; a stale one is refused with 409.", minimum: 1)),
        optional("reason", .enumeration(DeclineReason.self, "The candidate's why-not: required for candidate_declined, refused otherwise.")),
        optional("note", .string(maxLength: Submission.maxNoteLength)),
        optional("at", .dateTime.described("When it happened, if earlier than now; not before the last move.")),
        optional("placement", .ref("PlacementTerms")),
    ])

    static let termsSchema = Schema.object("The assignment: required for a move to placed.", [
        required("start", .date),
        optional("end", .date.described("The last day; leave out for a permanent hire.")),
        optional("billRate", .ref("Money")),
        required("payRate", .ref("Money")),
    ])
}

extension PlacementTerms: Codable {
    enum CodingKeys: String, CodingKey { case start, end, billRate, payRate }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(start: try container.decode(LocalDate.self, forKey: .start), end: try container.decodeIfPresent(LocalDate.self, forKey: .end),
                  billRate: try container.decodeIfPresent(Money.self, forKey: .billRate), payRate: try container.decode(Money.self, forKey: .payRate))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(start, forKey: .start)
        try container.encodeIfPresent(end, forKey: .end)
        try container.encodeIfPresent(billRate, forKey: .billRate)
        try container.encode(payRate, forKey: .payRate)
    }
}

struct SubmissionDocument: ResponseEncodable, Sendable {
    struct Event: Encodable, Sendable {
        var from: String?
        var to: String
        var at: Date
        var by: UserID
        var reason: String?
        var note: String
    }

    var id: SubmissionID
    var candidateID: CandidateID
    var jobID: JobID
    var stage: String
    var active: Bool
    var next: [String]
    var presented: Bool
    var createdAt: Date
    var createdBy: UserID
    var version: Int
    var history: [Event]

    init(_ submission: Submission) {
        id = submission.id
        candidateID = submission.candidateID
        jobID = submission.jobID
        stage = submission.stage.rawValue
        active = submission.stage.isActive
        next = submission.stage.next.map(\.rawValue)
        presented = submission.reachedPresentation
        createdAt = submission.createdAt
        createdBy = submission.createdBy
        version = submission.version
        history = submission.history.map {
            Event(from: $0.from?.rawValue, to: $0.to.rawValue, at: $0.at, by: $0.by, reason: $0.reason?.rawValue, note: $0.note)
        }
    }
}

struct SubmissionListDocument: ResponseEncodable, Sendable {
    var items: [SubmissionDocument]
    /// Openings put to the candidate (or, for a job, candidates it was put to), whatever happened after.
    var presented: Int
    var placed: Int
}

struct MoveResultDocument: ResponseEncodable, Sendable {
    var submission: SubmissionDocument
    var placement: PlacementDocument?
    var obligation: ObligationDocument?
    var suggestedChange: String?
}

struct PlacementDocument: ResponseEncodable, Sendable {
    var id: PlacementID
    var submissionID: SubmissionID
    var candidateID: CandidateID
    var jobID: JobID
    var recruiterID: UserID
    var start: LocalDate
    var end: LocalDate?
    var endedEarlyOn: LocalDate?
    var billRate: Money?
    var payRate: Money
    var running: Bool

    init(_ placement: Placement, today: LocalDate) {
        id = placement.id
        submissionID = placement.submissionID
        candidateID = placement.candidateID
        jobID = placement.jobID
        recruiterID = placement.recruiterID
        start = placement.terms.start
        end = placement.terms.end
        endedEarlyOn = placement.endedEarlyOn
        billRate = placement.terms.billRate
        payRate = placement.terms.payRate
        running = placement.isRunning(on: today)
    }
}

struct PlacementListDocument: ResponseEncodable, Sendable {
    var items: [PlacementDocument]
}

struct EndEarlyDocument: Decodable, Sendable {
    var on: LocalDate
    var note: String?

    static let schema = Schema.object("End an assignment before its planned end.", [
        required("on", .date.described("The last day worked.")),
        optional("note", .string(maxLength: 2000)),
    ])
}

struct TaskDocument: ResponseEncodable, Sendable {
    struct Opening: Encodable, Sendable {
        var jobID: JobID
        var title: String
        var clientID: ClientID
        var fit: Int
        var summary: [String]
    }

    var id: RelationshipTaskID
    var kind: String
    var placementID: PlacementID
    var candidateID: CandidateID
    var ownerID: UserID
    var due: LocalDate
    var status: String
    var closedAt: Date?
    var closedBy: UserID?
    var note: String
    /// For a redeployment task: the open jobs that fit the consultant now, best first.
    var openings: [Opening]?

    init(_ task: RelationshipTask, openings: [JobMatch]? = nil) {
        id = task.id
        kind = task.kind.rawValue
        placementID = task.placementID
        candidateID = task.candidateID
        ownerID = task.ownerID
        due = task.due
        status = task.status.rawValue
        closedAt = task.closedAt
        closedBy = task.closedBy
        note = task.note
        self.openings = openings?.map {
            Opening(jobID: $0.jobID, title: $0.title, clientID: $0.clientID, fit: $0.fit.score, summary: $0.fit.forCandidate)
        }
    }
}

struct TaskListDocument: ResponseEncodable, Sendable {
    var items: [TaskDocument]
}

struct CloseTaskDocument: Decodable, Sendable {
    var status: RelationshipTask.Status
    var note: String?

    static let schema = Schema.object("Close a task: done, with what happened, or cancelled, with why.", [
        required("status", Schema.string().oneOf(["done", "cancelled"])),
        optional("note", .string("Required when cancelling.", maxLength: 2000)),
    ])
}

struct ScheduledSurveyListDocument: ResponseEncodable, Sendable {
    struct Item: Encodable, Sendable {
        var id: ScheduledSurveyID
        var trigger: String
        var recruiterID: UserID
        var dueAt: Date
        var status: String
        var outreachID: OutreachID?
        var note: String
    }

    var items: [Item]

    init(_ surveys: [ScheduledSurvey]) {
        items = surveys.map {
            Item(id: $0.id, trigger: $0.trigger.rawValue, recruiterID: $0.recruiterID, dueAt: $0.dueAt, status: $0.status.rawValue,
                 outreachID: $0.outreachID, note: $0.note)
        }
    }
}

struct HandoverDocument: Decodable, Sendable {
    var practiceID: PracticeID
    var ownerID: UserID?
    var note: String

    static let schema = Schema.object("Hand the candidate to another practice; the note is kept on their timeline.", [
        required("practiceID", .integer(minimum: 1)),
        optional("ownerID", .integer("An active member of that practice; left out, the member with the fewest people in their care.",
                                     minimum: 1)),
        required("note", .string("Why they are better looked after there.", maxLength: 2000).nonBlank),
    ])
}

struct OverlapListDocument: ResponseEncodable, Sendable {
    struct Item: Encodable, Sendable {
        var candidateID: CandidateID
        var earlierPracticeID: PracticeID
        var earlierRecruiterID: UserID
        var earlierAt: Date
        var laterPracticeID: PracticeID
        var laterRecruiterID: UserID
        var laterOutreachID: OutreachID?
        var at: Date
    }

    var items: [Item]

    init(_ overlaps: [PitchOverlap]) {
        items = overlaps.map {
            Item(candidateID: $0.candidateID, earlierPracticeID: $0.earlierPracticeID, earlierRecruiterID: $0.earlierRecruiterID,
                 earlierAt: $0.earlierAt, laterPracticeID: $0.laterPracticeID, laterRecruiterID: $0.laterRecruiterID,
                 laterOutreachID: $0.laterOutreachID, at: $0.at)
        }
    }
}
