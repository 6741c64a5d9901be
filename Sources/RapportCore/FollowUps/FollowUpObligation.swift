import Foundation

/// The duty to get back to a candidate: owned by a recruiter, due after the SLA, fulfilled only by a human answer (a
/// message or a logged call or meeting with that candidate after it opened), escalated when overdue.
public struct FollowUpObligation: Equatable, Sendable, Identifiable {
    public enum Status: String, CaseIterable, Codable, Sendable {
        case open
        case fulfilled
    }

    /// Why the candidate is owed an answer.
    public enum Reason: String, CaseIterable, Codable, Sendable {
        /// They replied (or answered a survey as a detractor): `replyID` says which reply.
        case reply
        /// Their submission ended on the client's side or was withdrawn after they heard of it: `submissionID` says which.
        case tellCandidate = "tell_candidate"
    }

    public var id: ObligationID
    public var reason: Reason
    /// The reply to answer; nil for an obligation to tell the candidate about a submission.
    public var replyID: ReplyID?
    /// The submission whose ending the candidate must hear about; nil for a reply.
    public var submissionID: SubmissionID?
    public var candidateID: CandidateID
    public var ownerID: UserID
    public var openedAt: Date
    public var dueAt: Date
    public var status: Status
    public var fulfilledAt: Date?
    /// The message or logged contact that answered the reply.
    public var fulfilledBy: OutreachID?
    public var escalatedAt: Date?
    /// The practice lead told about it; nil when escalated with no lead to tell.
    public var escalatedTo: UserID?

    public init(
        id: ObligationID, reason: Reason = .reply, replyID: ReplyID?, submissionID: SubmissionID? = nil, candidateID: CandidateID,
        ownerID: UserID, openedAt: Date, dueAt: Date, status: Status, fulfilledAt: Date? = nil, fulfilledBy: OutreachID? = nil,
        escalatedAt: Date? = nil, escalatedTo: UserID? = nil
    ) {
        self.id = id
        self.reason = reason
        self.replyID = replyID
        self.submissionID = submissionID
        self.candidateID = candidateID
        self.ownerID = ownerID
        self.openedAt = openedAt
        self.dueAt = dueAt
        self.status = status
        self.fulfilledAt = fulfilledAt
        self.fulfilledBy = fulfilledBy
        self.escalatedAt = escalatedAt
        self.escalatedTo = escalatedTo
    }

    public func isOverdue(at now: Date) -> Bool {
        status == .open && dueAt <= now
    }

    /// Answered before the deadline.
    public var metSLA: Bool {
        guard let fulfilledAt else { return false }
        return fulfilledAt <= dueAt
    }
}

/// An obligation to open with a reply.
public struct ObligationDraft: Equatable, Sendable {
    public var ownerID: UserID
    public var dueAt: Date

    public init(ownerID: UserID, dueAt: Date) {
        self.ownerID = ownerID
        self.dueAt = dueAt
    }
}

/// Something that happened to an obligation, kept as its history.
public struct ObligationEvent: Equatable, Sendable {
    public enum Kind: String, CaseIterable, Codable, Sendable {
        case opened
        case reassigned
        case escalated
        case fulfilled
    }

    public var kind: Kind
    public var at: Date
    /// Who did it; nil when Rapport did (escalation).
    public var actorID: UserID?
    /// The user it now concerns: the new owner, or the lead told.
    public var subjectID: UserID?
    public var note: String

    public init(kind: Kind, at: Date, actorID: UserID?, subjectID: UserID?, note: String) {
        self.kind = kind
        self.at = at
        self.actorID = actorID
        self.subjectID = subjectID
        self.note = note
    }
}

/// How long a recruiter has to answer a reply: a number of business days in the recruiter's region.
///
/// The deadline keeps the local clock time of the reply and moves it forward by that many working days of the region's
/// calendar, so a reply at 15:00 on a Friday is due at 15:00 on Monday (Tuesday when Monday is a holiday). A reply that
/// arrives on a weekend or holiday starts the clock at 00:00 of the next working day. Local clock arithmetic keeps the
/// deadline right across daylight-saving changes.
public struct ResponseSLA: Sendable {
    public var businessDays: Int

    public init(businessDays: Int = 1) {
        precondition(businessDays >= 0, "an SLA is a number of business days, zero or more")
        self.businessDays = businessDays
    }

    /// When a reply received at `receivedAt` must be answered by, in `calendar`'s region and `timeZone`.
    public func dueDate(for receivedAt: Date, calendar: BusinessCalendar, timeZone: TimeZone) -> Date {
        var clock = Calendar(identifier: .gregorian)
        clock.timeZone = timeZone
        let parts = clock.dateComponents([.hour, .minute, .second, .nanosecond], from: receivedAt)
        var date = LocalDate(receivedAt, in: timeZone)
        var time = parts
        if !calendar.isBusinessDay(date) {
            while !calendar.isBusinessDay(date) { date = date.adding(days: 1) }
            time = DateComponents(hour: 0, minute: 0, second: 0, nanosecond: 0)
        }
        let due = calendar.adding(businessDays: businessDays, to: date)
        let wanted = DateComponents(
            year: due.year, month: due.month, day: due.day, hour: time.hour, minute: time.minute, second: time.second,
            nanosecond: time.nanosecond)
        // A time that does not exist that day (inside a spring-forward gap) resolves to the first instant after the gap.
        if let exact = clock.date(from: wanted), LocalDate(exact, in: timeZone) == due { return exact }
        let midnight = clock.date(from: DateComponents(year: due.year, month: due.month, day: due.day)) ?? receivedAt
        return clock.nextDate(after: midnight, matching: DateComponents(hour: time.hour, minute: time.minute, second: time.second),
                              matchingPolicy: .nextTime) ?? midnight
    }
}
