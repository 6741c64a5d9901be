import Foundation
import RapportCore
import RapportMatch
import RapportOutreach

/// A candidate to shortlist for a job.
public struct ShortlistDocument: Decodable, Sendable {
    public var candidateID: CandidateID
    public var jobID: JobID
    public var note: String?
    public var reopenReason: String?

    public static let schema = Schema.object("""
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
public struct MoveDocument: Decodable, Sendable {
    public var to: SubmissionStage
    public var version: Int
    public var reason: DeclineReason?
    public var note: String?
    public var at: Date?
    public var placement: PlacementTermsDocument?

    public var request: SubmissionMoveRequest {
        SubmissionMoveRequest(to: to, version: version, reason: reason, note: note ?? "", at: at, placement: placement?.terms)
    }

    public static let schema = Schema.object("""
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

    public static let termsSchema = Schema.object("The assignment: required for a move to placed.", [
        required("start", .date),
        optional("end", .date.described("The last day; leave out for a permanent hire.")),
        optional("billRate", .ref("Money")),
        required("payRate", .ref("Money")),
    ])
}

/// The assignment a move to placed records.
public struct PlacementTermsDocument: Decodable, Sendable {
    public var start: LocalDate
    public var end: LocalDate?
    public var billRate: MoneyDocument?
    public var payRate: MoneyDocument

    public var terms: PlacementTerms {
        PlacementTerms(start: start, end: end, billRate: billRate?.money, payRate: payRate.money)
    }
}

public struct SubmissionDocument: Encodable, Sendable {
    public struct Event: Encodable, Sendable {
        public var from: String?
        public var to: String
        public var at: Date
        public var by: UserID
        public var reason: String?
        public var note: String
    }

    public var id: SubmissionID
    public var candidateID: CandidateID
    public var jobID: JobID
    public var stage: String
    public var active: Bool
    public var next: [String]
    public var presented: Bool
    public var createdAt: Date
    public var createdBy: UserID
    public var version: Int
    public var history: [Event]

    public init(_ submission: Submission) {
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

public struct SubmissionListDocument: Encodable, Sendable {
    public var items: [SubmissionDocument]
    /// Openings put to the candidate (or, for a job, candidates it was put to), whatever happened after.
    public var presented: Int
    public var placed: Int

    public init(items: [SubmissionDocument], presented: Int, placed: Int) {
        self.items = items
        self.presented = presented
        self.placed = placed
    }
}

public struct MoveResultDocument: Encodable, Sendable {
    public var submission: SubmissionDocument
    public var placement: PlacementDocument?
    public var obligation: ObligationDocument?
    public var suggestedChange: String?

    public init(submission: SubmissionDocument, placement: PlacementDocument? = nil, obligation: ObligationDocument? = nil, suggestedChange: String? = nil) {
        self.submission = submission
        self.placement = placement
        self.obligation = obligation
        self.suggestedChange = suggestedChange
    }
}

public struct PlacementDocument: Encodable, Sendable {
    public var id: PlacementID
    public var submissionID: SubmissionID
    public var candidateID: CandidateID
    public var jobID: JobID
    public var recruiterID: UserID
    public var start: LocalDate
    public var end: LocalDate?
    public var endedEarlyOn: LocalDate?
    public var billRate: MoneyDocument?
    public var payRate: MoneyDocument
    public var running: Bool

    public init(_ placement: Placement, today: LocalDate) {
        id = placement.id
        submissionID = placement.submissionID
        candidateID = placement.candidateID
        jobID = placement.jobID
        recruiterID = placement.recruiterID
        start = placement.terms.start
        end = placement.terms.end
        endedEarlyOn = placement.endedEarlyOn
        billRate = placement.terms.billRate.map(MoneyDocument.init)
        payRate = MoneyDocument(placement.terms.payRate)
        running = placement.isRunning(on: today)
    }
}

public struct PlacementListDocument: Encodable, Sendable {
    public var items: [PlacementDocument]

    public init(items: [PlacementDocument]) {
        self.items = items
    }
}

public struct EndEarlyDocument: Decodable, Sendable {
    public var on: LocalDate
    public var note: String?

    public static let schema = Schema.object("End an assignment before its planned end.", [
        required("on", .date.described("The last day worked.")),
        optional("note", .string(maxLength: 2000)),
    ])
}

public struct TaskDocument: Encodable, Sendable {
    public struct Opening: Encodable, Sendable {
        public var jobID: JobID
        public var title: String
        public var clientID: ClientID
        public var fit: Int
        public var summary: [String]
    }

    public var id: RelationshipTaskID
    public var kind: String
    public var placementID: PlacementID
    public var candidateID: CandidateID
    public var ownerID: UserID
    public var due: LocalDate
    public var status: String
    public var closedAt: Date?
    public var closedBy: UserID?
    public var note: String
    /// For a redeployment task: the open jobs that fit the consultant now, best first.
    public var openings: [Opening]?

    public init(_ task: RelationshipTask, openings: [JobMatch]? = nil) {
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

public struct TaskListDocument: Encodable, Sendable {
    public var items: [TaskDocument]

    public init(items: [TaskDocument]) {
        self.items = items
    }
}

public struct CloseTaskDocument: Decodable, Sendable {
    public var status: RelationshipTask.Status
    public var note: String?

    public static let schema = Schema.object("Close a task: done, with what happened, or cancelled, with why.", [
        required("status", Schema.string().oneOf(["done", "cancelled"])),
        optional("note", .string("Required when cancelling.", maxLength: 2000)),
    ])
}

public struct ScheduledSurveyListDocument: Encodable, Sendable {
    public struct Item: Encodable, Sendable {
        public var id: ScheduledSurveyID
        public var trigger: String
        public var recruiterID: UserID
        public var dueAt: Date
        public var status: String
        public var outreachID: OutreachID?
        public var note: String
    }

    public var items: [Item]

    public init(_ surveys: [ScheduledSurvey]) {
        items = surveys.map {
            Item(id: $0.id, trigger: $0.trigger.rawValue, recruiterID: $0.recruiterID, dueAt: $0.dueAt, status: $0.status.rawValue,
                 outreachID: $0.outreachID, note: $0.note)
        }
    }
}

public struct HandoverDocument: Decodable, Sendable {
    public var practiceID: PracticeID
    public var ownerID: UserID?
    public var note: String

    public static let schema = Schema.object("Hand the candidate to another practice; the note is kept on their timeline.", [
        required("practiceID", .integer(minimum: 1)),
        optional("ownerID", .integer("An active member of that practice; left out, the member with the fewest people in their care.",
                                     minimum: 1)),
        required("note", .string("Why they are better looked after there.", maxLength: 2000).nonBlank),
    ])
}

public struct OverlapListDocument: Encodable, Sendable {
    public struct Item: Encodable, Sendable {
        public var candidateID: CandidateID
        public var earlierPracticeID: PracticeID
        public var earlierRecruiterID: UserID
        public var earlierAt: Date
        public var laterPracticeID: PracticeID
        public var laterRecruiterID: UserID
        public var laterOutreachID: OutreachID?
        public var at: Date
    }

    public var items: [Item]

    public init(_ overlaps: [PitchOverlap]) {
        items = overlaps.map {
            Item(candidateID: $0.candidateID, earlierPracticeID: $0.earlierPracticeID, earlierRecruiterID: $0.earlierRecruiterID,
                 earlierAt: $0.earlierAt, laterPracticeID: $0.laterPracticeID, laterRecruiterID: $0.laterRecruiterID,
                 laterOutreachID: $0.laterOutreachID, at: $0.at)
        }
    }
}
