import Foundation
import RapportCore

/// One thing that happened between the firm and a candidate.
public struct TimelineEntry: Equatable, Sendable {
    public enum Kind: String, Sendable {
        /// A message the firm sent or queued (e-mail), with its status.
        case message
        /// A call, meeting, LinkedIn message or text a recruiter logged.
        case contact
        case reply
        case surveySent = "survey_sent"
        case surveyAnswered = "survey_answered"
        case followUpDue = "follow_up_due"
        case followUpAnswered = "follow_up_answered"
        case followUpEscalated = "follow_up_escalated"
        /// A submission moved: shortlisted, presented, interested, submitted, interviewed, offered, placed or ended.
        case pipeline
        case placementStarted = "placement_started"
        case placementEnded = "placement_ended"
        /// Handed to another practice, with the note why.
        case handover
        /// A note from the system the firm moved off, with its author and date as that system had them.
        case note
    }

    public var at: Date
    public var kind: Kind
    /// One line a recruiter reads: "Opportunity e-mail (sent): Platform Engineer: why I thought of you".
    public var summary: String
    public var outreachID: OutreachID?
    public var replyID: ReplyID?
    public var surveyID: SurveyID?
    public var obligationID: ObligationID?
    public var submissionID: SubmissionID? = nil
    public var placementID: PlacementID? = nil
    public var userID: UserID?
}

extension OutreachService {
    /// Everything between the firm and the candidate, oldest first: messages and logged contacts, replies, follow-ups,
    /// surveys, pipeline moves, placements, and the notes an import brought from the firm's old system.
    public func timeline(for candidateID: CandidateID, limit: Int = 500) async throws -> [TimelineEntry] {
        _ = try await store.candidate(candidateID)
        var entries: [TimelineEntry] = []
        for outreach in try await store.outreach(candidate: candidateID, limit: limit).reversed() {
            let logged = !outreach.channel.isSentByRapport
            let kind = outreach.kind.rawValue.replacingOccurrences(of: "_", with: " ")
            let how = logged ? outreach.channel.rawValue : "e-mail"
            entries.append(TimelineEntry(
                at: outreach.sentAt ?? outreach.sendAfter, kind: logged ? .contact : .message,
                // A logged contact reads by what was said; an e-mail by its subject.
                summary: "\(kind.prefix(1).uppercased() + kind.dropFirst()) \(how) (\(outreach.status.rawValue)): "
                    + (logged && !outreach.content.text.isEmpty ? Self.excerpt(outreach.content.text) : outreach.content.subject),
                outreachID: outreach.id, userID: outreach.recruiterID))
        }
        for reply in try await store.replies(candidate: candidateID).reversed() {
            let intent = reply.classification.intent.code.replacingOccurrences(of: "_", with: " ")
            entries.append(TimelineEntry(
                at: reply.receivedAt, kind: .reply, summary: "Reply by \(reply.channel.rawValue), read as \(intent): \(Self.excerpt(reply.text))",
                outreachID: reply.outreachID, replyID: reply.id, userID: reply.loggedBy))
            guard let obligation = try await store.obligation(reply: reply.id) else { continue }
            entries.append(TimelineEntry(at: obligation.dueAt, kind: .followUpDue, summary: "Follow-up due",
                                         replyID: reply.id, obligationID: obligation.id, userID: obligation.ownerID))
            if let fulfilledAt = obligation.fulfilledAt {
                entries.append(TimelineEntry(at: fulfilledAt, kind: .followUpAnswered,
                                             summary: obligation.metSLA ? "Answered within the SLA" : "Answered late",
                                             outreachID: obligation.fulfilledBy, replyID: reply.id, obligationID: obligation.id,
                                             userID: obligation.ownerID))
            }
            if let escalatedAt = obligation.escalatedAt {
                entries.append(TimelineEntry(at: escalatedAt, kind: .followUpEscalated, summary: "Overdue: escalated to the practice lead",
                                             replyID: reply.id, obligationID: obligation.id, userID: obligation.escalatedTo))
            }
        }
        for submission in try await store.submissions(candidate: candidateID).reversed() {
            let title = (try? await store.job(submission.jobID).details.title) ?? "job \(submission.jobID)"
            for event in submission.history {
                let stage = event.to.phrase
                let why = event.reason.map { " (\($0.phrase))" } ?? ""
                let note = event.note.isEmpty ? "" : ": \(Self.excerpt(event.note))"
                entries.append(TimelineEntry(at: event.at, kind: .pipeline, summary: "\(title): \(stage)\(why)\(note)",
                                             submissionID: submission.id, userID: event.by))
            }
        }
        for obligation in try await store.obligations(candidate: candidateID) where obligation.reason == .tellCandidate {
            entries.append(TimelineEntry(at: obligation.dueAt, kind: .followUpDue, summary: "Due: tell them how the submission ended",
                                         obligationID: obligation.id, submissionID: obligation.submissionID, userID: obligation.ownerID))
            if let fulfilledAt = obligation.fulfilledAt {
                entries.append(TimelineEntry(at: fulfilledAt, kind: .followUpAnswered,
                                             summary: obligation.metSLA ? "Told within the SLA" : "Told late", outreachID: obligation.fulfilledBy,
                                             obligationID: obligation.id, submissionID: obligation.submissionID, userID: obligation.ownerID))
            }
        }
        for handover in try await store.handovers(candidate: candidateID) {
            let from = await practiceName(handover.fromPracticeID) ?? "no practice"
            let to = await practiceName(handover.toPracticeID) ?? "practice \(handover.toPracticeID)"
            entries.append(TimelineEntry(at: handover.at, kind: .handover, summary: "Handed from \(from) to \(to): \(Self.excerpt(handover.note))",
                                         userID: handover.by))
        }
        for note in try await store.notes(candidate: candidateID) {
            let author = note.note.author.isEmpty ? "Note" : "Note by \(note.note.author)"
            let when = note.note.writtenAt == nil ? ", undated" : ""
            let text = note.note.text.split(whereSeparator: \.isNewline).joined(separator: " ")
            entries.append(TimelineEntry(at: note.note.writtenAt ?? note.storedAt, kind: .note,
                                         summary: "\(author) (from \(note.fileName ?? "an import")\(when)): "
                                            + (text.count > 1_000 ? String(text.prefix(999)) + "…" : text)))
        }
        let today = records.today
        for placement in try await store.placements(candidate: candidateID).reversed() {
            let title = (try? await store.job(placement.jobID).details.title) ?? "job \(placement.jobID)"
            let until = placement.terms.end.map { " until \($0)" } ?? " (permanent)"
            entries.append(TimelineEntry(at: placement.terms.start.middayUTC, kind: .placementStarted,
                                         summary: "Started as \(title)\(until)", placementID: placement.id, userID: placement.recruiterID))
            if let last = placement.lastDay, last <= today {
                let how = placement.endedEarlyOn == nil ? "Assignment completed" : "Assignment ended early"
                entries.append(TimelineEntry(at: last.middayUTC, kind: .placementEnded, summary: "\(how): \(title)",
                                             placementID: placement.id, userID: placement.recruiterID))
            }
        }
        for survey in try await store.surveys(candidate: candidateID).reversed() {
            let trigger = survey.trigger.rawValue.replacingOccurrences(of: "_", with: " ")
            entries.append(TimelineEntry(at: survey.sentAt, kind: .surveySent, summary: "Survey sent (\(trigger))",
                                         outreachID: survey.outreachID, surveyID: survey.id, userID: survey.recruiterID))
            if let answeredAt = survey.answeredAt, let answer = survey.answer {
                let comment = answer.comment.isEmpty ? "" : ": \(Self.excerpt(answer.comment))"
                entries.append(TimelineEntry(at: answeredAt, kind: .surveyAnswered,
                                             summary: "Survey answered: \(answer.nps)/10 (\(answer.category.rawValue))\(comment)",
                                             surveyID: survey.id, userID: survey.recruiterID))
            }
        }
        // Stable for equal instants: a survey answered the moment it was sent still follows its sending.
        return entries.enumerated().sorted { $0.element.at != $1.element.at ? $0.element.at < $1.element.at : $0.offset < $1.offset }
            .map(\.element)
    }

    func practiceName(_ id: PracticeID?) async -> String? {
        guard let id else { return nil }
        return (try? await store.practice(id))?.details.name
    }

    static func excerpt(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return line.count > 120 ? String(line.prefix(119)) + "…" : line
    }
}
