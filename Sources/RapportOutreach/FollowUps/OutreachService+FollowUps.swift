import Foundation
import Logging
import RapportCore

extension OutreachService {
    /// A user's open obligations, overdue first.
    public func obligations(of user: UserID, limit: Int = 200) async throws -> [FollowUpObligation] {
        try await store.obligations(owner: user, openOnly: true, limit: limit)
    }

    /// Every open obligation in the firm: the replies nobody has answered yet, overdue first.
    public func unanswered(limit: Int = 500) async throws -> [FollowUpObligation] {
        try await store.obligations(owner: nil, openOnly: true, limit: limit)
    }

    /// Fulfils an obligation with a message or logged contact that answered it; anything else is refused.
    public func fulfil(_ id: ObligationID, by outreach: OutreachID, actor: User) async throws -> FollowUpObligation {
        do {
            _ = try await store.outreach(outreach)
        } catch RapportError.notFound {
            throw RapportError.invalid([.missing("outreachID", "no outreach has id \(outreach)")])
        }
        return try await store.fulfilObligation(id, by: outreach, actor: actor.id, at: now)
    }

    /// Hands an obligation to another active recruiter; the deadline stays, because the candidate is still waiting.
    public func reassign(_ id: ObligationID, to userID: UserID, note: String, actor: User) async throws -> FollowUpObligation {
        var validator = Validator()
        validator.text("note", note, required: false, maxLength: 1000)
        try validator.check()
        let user: User
        do {
            user = try await store.user(userID)
        } catch RapportError.notFound {
            throw RapportError.invalid([.missing("userID", "no user has id \(userID)")])
        }
        guard user.details.active else { throw RapportError.invalid(field: "userID", "\(user.details.name) is not an active user") }
        return try await store.reassignObligation(id, to: userID, actor: actor.id, note: note, at: now)
    }

    /// Escalates every overdue obligation not yet escalated to the lead of the candidate's practice (or, without one, of the
    /// owner's first practice), recording it and queueing an e-mail to the lead. Returns how many were escalated.
    @discardableResult
    public func escalateOverdue(limit: Int = 200) async throws -> Int {
        let at = now
        var escalated = 0
        for obligation in try await store.overdueObligations(now: at, limit: limit) {
            let candidate = try await store.candidate(obligation.candidateID)
            let owner = try await store.user(obligation.ownerID)
            let lead = try await practiceLead(candidate: candidate, owner: owner)
            let notice = lead.map { lead in
                (envelope: escalationNotice(obligation, candidate: candidate, owner: owner, lead: lead, at: at), messageID: makeMessageID())
            }
            if try await store.escalateObligation(obligation.id, to: lead?.id, notice: notice, at: at) {
                escalated += 1
                logger.notice("obligation escalated", metadata: [
                    "obligation": "\(obligation.id)", "owner": "\(owner.id)", "lead": "\(lead.map { "\($0.id)" } ?? "none")",
                ])
            }
        }
        return escalated
    }

    private func practiceLead(candidate: Candidate, owner: User) async throws -> User? {
        let practices = [candidate.profile.homePracticeID].compactMap { $0 } + owner.details.practiceIDs
        for practiceID in practices {
            guard let practice = try? await store.practice(practiceID), let leadID = practice.details.leadID,
                  let lead = try? await store.user(leadID), lead.details.active
            else { continue }
            return lead
        }
        return nil
    }

    private func escalationNotice(_ obligation: FollowUpObligation, candidate: Candidate, owner: User, lead: User, at: Date) -> MailEnvelope {
        let zone = TimeZone(identifier: lead.details.region.defaultTimeZoneIdentifier) ?? .gmt
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = zone
        formatter.dateFormat = "EEE d MMM yyyy HH:mm zzz"
        let text = """
            Hi \(MessageComposer.firstName(lead.details.name)),

            \(candidate.profile.name) replied on \(formatter.string(from: obligation.openedAt)) and is still waiting for an answer.
            \(owner.details.name) owns the follow-up; it was due \(formatter.string(from: obligation.dueAt)).

            Please make sure someone answers today; their reply and the answer box are on their page:
            \(settings.publicURL)/candidates/\(candidate.id)#waiting

            Rapport
            """
        return MailEnvelope(
            fromName: "Rapport", fromEmail: settings.noticeSender, toName: lead.details.name, toEmail: lead.details.email,
            content: MessageContent(subject: "Overdue reply: \(candidate.profile.name) is waiting for \(owner.details.name)", text: text),
            headers: [MailHeader("Auto-Submitted", "auto-generated")], date: at)
    }
}
