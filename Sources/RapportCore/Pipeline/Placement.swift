import Foundation

public typealias PlacementID = Identifier<Placement>

/// What a placement is agreed at: the assignment's dates and rates.
public struct PlacementTerms: Hashable, Sendable {
    /// The first day of the assignment.
    public var start: LocalDate
    /// The last day of the assignment; nil for a permanent hire.
    public var end: LocalDate?
    /// What the client pays the firm; nil for a permanent hire's fee, which is not a rate.
    public var billRate: Money?
    /// What the consultant is paid (a contract rate or a salary).
    public var payRate: Money

    public init(start: LocalDate, end: LocalDate?, billRate: Money?, payRate: Money) {
        self.start = start
        self.end = end
        self.billRate = billRate
        self.payRate = payRate
    }

    /// Every problem at once, by field: an end after the start, rates in one currency and unit, and a bill rate not
    /// below the pay rate (the firm does not place at a loss).
    public func validate() throws(RapportError) {
        var validator = Validator()
        validator.nested("payRate") { payRate.validate(&$0) }
        if payRate.minorUnits == 0 { validator.fail("payRate.minorUnits", "must be more than 0") }
        if let end, end < start {
            validator.fail("end", "must not be before start (\(start))")
        }
        if let billRate {
            validator.nested("billRate") { billRate.validate(&$0) }
            if billRate.currency != payRate.currency {
                validator.fail("billRate.currency", "must match payRate.currency (\(payRate.currency.rawValue))")
            } else if billRate.unit != payRate.unit {
                validator.fail("billRate.unit", "must match payRate.unit (\(payRate.unit.rawValue))")
            } else if billRate.minorUnits < payRate.minorUnits {
                validator.fail("billRate", "must not be less than payRate")
            }
        }
        try validator.check()
    }
}

/// A candidate placed in a job: the assignment Rapport keeps in touch through, and redeploys from before it ends.
public struct Placement: Equatable, Sendable, Identifiable {
    public var id: PlacementID
    public var submissionID: SubmissionID
    public var candidateID: CandidateID
    public var jobID: JobID
    /// The recruiter who made the placement and keeps in touch.
    public var recruiterID: UserID
    public var terms: PlacementTerms
    /// When the assignment was cut short, the day it ended; nil while it runs to its planned end.
    public var endedEarlyOn: LocalDate?
    public var createdAt: Date

    public init(
        id: PlacementID, submissionID: SubmissionID, candidateID: CandidateID, jobID: JobID, recruiterID: UserID, terms: PlacementTerms,
        endedEarlyOn: LocalDate? = nil, createdAt: Date
    ) {
        self.id = id
        self.submissionID = submissionID
        self.candidateID = candidateID
        self.jobID = jobID
        self.recruiterID = recruiterID
        self.terms = terms
        self.endedEarlyOn = endedEarlyOn
        self.createdAt = createdAt
    }

    /// The day the assignment ends or ended: cut short, or as planned; nil for a permanent hire still in post.
    public var lastDay: LocalDate? { endedEarlyOn ?? terms.end }

    /// Whether the consultant is on the assignment on `date`.
    public func isRunning(on date: LocalDate) -> Bool {
        date >= terms.start && (lastDay.map { date <= $0 } ?? true)
    }
}

public typealias RelationshipTaskID = Identifier<RelationshipTask>

/// A scheduled piece of keeping in touch after a placement: a check-in, or finding the next role before this one ends.
public struct RelationshipTask: Equatable, Sendable, Identifiable {
    public enum Kind: String, CaseIterable, Codable, Sendable {
        /// A call in the consultant's first week.
        case checkInFirstWeek = "check_in_week_1"
        /// A call after the first month.
        case checkInFirstMonth = "check_in_month_1"
        /// Weeks before the assignment ends: show the consultant their next openings.
        case redeployment
    }

    public enum Status: String, CaseIterable, Codable, Sendable {
        case open
        case done
        /// No longer needed: the assignment ended early or the consultant opted out.
        case cancelled
    }

    public var id: RelationshipTaskID
    public var kind: Kind
    public var placementID: PlacementID
    public var candidateID: CandidateID
    public var ownerID: UserID
    /// The day it comes up, in the consultant's calendar.
    public var due: LocalDate
    public var status: Status
    public var closedAt: Date?
    public var closedBy: UserID?
    public var note: String

    public init(
        id: RelationshipTaskID, kind: Kind, placementID: PlacementID, candidateID: CandidateID, ownerID: UserID, due: LocalDate,
        status: Status, closedAt: Date? = nil, closedBy: UserID? = nil, note: String = ""
    ) {
        self.id = id
        self.kind = kind
        self.placementID = placementID
        self.candidateID = candidateID
        self.ownerID = ownerID
        self.due = due
        self.status = status
        self.closedAt = closedAt
        self.closedBy = closedBy
        self.note = note
    }
}

/// When the tasks of a placement come up: check-ins a week and a month after the start, and redeployment a number of
/// weeks before the planned end (never before the start; none for a permanent hire).
public struct PlacementSchedule: Sendable {
    /// Weeks before the end a redeployment task opens; the firm's setting, 6 unless changed.
    public var redeploymentWeeks: Int

    public init(redeploymentWeeks: Int = 6) {
        precondition(redeploymentWeeks >= 0, "redeployment opens zero or more weeks before the end")
        self.redeploymentWeeks = redeploymentWeeks
    }

    /// The tasks to open for `terms`, each with its due day; a check-in falling after the end is left out.
    public func tasks(for terms: PlacementTerms) -> [(kind: RelationshipTask.Kind, due: LocalDate)] {
        var tasks: [(kind: RelationshipTask.Kind, due: LocalDate)] = []
        for (kind, days) in [(RelationshipTask.Kind.checkInFirstWeek, 7), (.checkInFirstMonth, 30)] {
            let due = terms.start.adding(days: days)
            if let end = terms.end, due > end { continue }
            tasks.append((kind, due))
        }
        if let end = terms.end {
            tasks.append((.redeployment, max(terms.start, end.adding(days: -7 * redeploymentWeeks))))
        }
        return tasks
    }

    /// When to ask the consultant how it went: a week into the assignment, and on its last day.
    public func surveys(for terms: PlacementTerms) -> [(trigger: SurveyTrigger, due: LocalDate)] {
        var surveys: [(trigger: SurveyTrigger, due: LocalDate)] = [(.placementStart, terms.start.adding(days: 7))]
        if let end = terms.end {
            if surveys[0].due > end { surveys.removeAll() }
            surveys.append((.assignmentEnd, end))
        }
        return surveys
    }
}

public typealias ScheduledSurveyID = Identifier<ScheduledSurvey>

/// A survey Rapport sends on its own when its moment comes, through the outreach pipeline (so the contact policy applies).
public struct ScheduledSurvey: Equatable, Sendable, Identifiable {
    public enum Status: String, CaseIterable, Codable, Sendable {
        case pending
        case sent
        /// Not sent, with the reason: the policy refused it, or the candidate was asked recently.
        case skipped
    }

    public var id: ScheduledSurveyID
    public var candidateID: CandidateID
    /// The recruiter the survey asks about, who it is sent as.
    public var recruiterID: UserID
    public var trigger: SurveyTrigger
    public var dueAt: Date
    public var status: Status
    public var outreachID: OutreachID?
    public var note: String

    public init(
        id: ScheduledSurveyID, candidateID: CandidateID, recruiterID: UserID, trigger: SurveyTrigger, dueAt: Date, status: Status,
        outreachID: OutreachID? = nil, note: String = ""
    ) {
        self.id = id
        self.candidateID = candidateID
        self.recruiterID = recruiterID
        self.trigger = trigger
        self.dueAt = dueAt
        self.status = status
        self.outreachID = outreachID
        self.note = note
    }
}

/// A survey to schedule.
public struct SurveyPlan: Hashable, Sendable {
    public var candidateID: CandidateID
    public var recruiterID: UserID
    public var trigger: SurveyTrigger
    public var dueAt: Date

    public init(candidateID: CandidateID, recruiterID: UserID, trigger: SurveyTrigger, dueAt: Date) {
        self.candidateID = candidateID
        self.recruiterID = recruiterID
        self.trigger = trigger
        self.dueAt = dueAt
    }
}
