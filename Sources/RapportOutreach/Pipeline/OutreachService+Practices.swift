import Foundation
import Logging
import RapportCore

extension OutreachService {
    /// Hands a candidate to another practice with a note: their home practice changes, and so does their owner (the one
    /// named, or the member of the new practice with the fewest people in their care). Open follow-ups keep their owners
    /// and deadlines: the candidate is still waiting on those people.
    public func handOver(
        _ candidateID: CandidateID, to practiceID: PracticeID, owner ownerID: UserID?, note: String, by user: User
    ) async throws -> Candidate {
        var validator = Validator()
        validator.text("note", note, maxLength: 2000)
        try validator.check()
        let practice: Practice
        do {
            practice = try await store.practice(practiceID)
        } catch RapportError.notFound {
            throw RapportError.invalid([.missing("practiceID", "no practice has id \(practiceID)")])
        }
        let candidate = try await store.candidate(candidateID)
        guard candidate.profile.homePracticeID != practiceID else {
            throw RapportError.invalid(field: "practiceID", "\(candidate.profile.name) is already in \(practice.details.name)")
        }
        let staff = try await records.allUsers()
        let newOwner: UserID
        if let ownerID {
            guard let owner = staff.first(where: { $0.id == ownerID }), owner.details.active, owner.details.practiceIDs.contains(practiceID) else {
                throw RapportError.invalid(field: "ownerID", "must be an active member of \(practice.details.name)")
            }
            newOwner = owner.id
        } else {
            guard let chosen = PracticeRouting().owner(in: practiceID, staff: staff, load: try await store.ownerLoads()) else {
                throw RapportError.invalid(field: "practiceID", "\(practice.details.name) has no active member to look after them")
            }
            newOwner = chosen
        }
        try await updateProfile(candidateID) { profile in
            profile.homePracticeID = practiceID
            profile.ownerID = newOwner
        }
        try await store.recordHandover(PracticeHandover(
            candidateID: candidateID, fromPracticeID: candidate.profile.homePracticeID, toPracticeID: practiceID,
            fromOwnerID: candidate.profile.ownerID, toOwnerID: newOwner, by: user.id, at: now, note: note))
        logger.info("candidate handed over", metadata: ["candidate": "\(candidateID)", "practice": "\(practiceID)", "owner": "\(newOwner)"])
        return try await store.candidate(candidateID)
    }

    /// After a job pitch: when another practice pitched the same person within the window, both leads are told, once per
    /// pair of pitches, so the practices agree who leads the relationship.
    func reportOverlap(_ outreach: Outreach, history: [PitchRecord], candidate: Candidate) async throws {
        var practicesOfJob: [JobID: PracticeID?] = [:]
        func practices(_ jobs: [JobID]) async -> Set<PracticeID> {
            var found: Set<PracticeID> = []
            for job in jobs {
                if practicesOfJob[job] == nil { practicesOfJob[job] = (try? await store.job(job))?.details.practiceID }
                if let practice = practicesOfJob[job] ?? nil { found.insert(practice) }
            }
            return found
        }
        let at = outreach.sendAfter
        var earlier: [(recruiterID: UserID, at: Date, practices: Set<PracticeID>)] = []
        for pitch in history where at.timeIntervalSince(pitch.sentAt) <= PitchOverlap.window {
            earlier.append((pitch.recruiterID, pitch.sentAt, await practices(pitch.jobIDs)))
        }
        let mine = await practices(outreach.jobs.map(\.jobID))
        guard let overlap = PitchOverlap.find(candidate: candidate.id, newPitch: (outreach.id, outreach.recruiterID, at, mine), earlier: earlier)
        else { return }
        var notices: [(envelope: MailEnvelope, messageID: String)] = []
        var leads: Set<UserID> = []
        for practiceID in [overlap.earlierPracticeID, overlap.laterPracticeID] {
            guard let practice = try? await store.practice(practiceID), let leadID = practice.details.leadID, !leads.contains(leadID),
                  let lead = try? await store.user(leadID), lead.details.active else { continue }
            leads.insert(leadID)
            notices.append((await overlapNotice(overlap, candidate: candidate, lead: lead), makeMessageID()))
        }
        try await store.recordOverlap(overlap, notices: notices)
        logger.notice("two practices pitched one person", metadata: [
            "candidate": "\(candidate.id)", "earlier": "\(overlap.earlierPracticeID)", "later": "\(overlap.laterPracticeID)",
        ])
    }

    private func overlapNotice(_ overlap: PitchOverlap, candidate: Candidate, lead: User) async -> MailEnvelope {
        let day = overlap.earlierAt.formatted(.iso8601.year().month().day())
        let earlier = await practiceName(overlap.earlierPracticeID) ?? "practice \(overlap.earlierPracticeID)"
        let later = await practiceName(overlap.laterPracticeID) ?? "practice \(overlap.laterPracticeID)"
        let earlierBy = (try? await store.user(overlap.earlierRecruiterID))?.details.name ?? "user \(overlap.earlierRecruiterID)"
        let laterBy = (try? await store.user(overlap.laterRecruiterID))?.details.name ?? "user \(overlap.laterRecruiterID)"
        let text = """
            Hi \(MessageComposer.firstName(lead.details.name)),

            \(candidate.profile.name) has had job pitches from two practices within \(Int(PitchOverlap.window / 86_400)) days:
            \(earlier) (\(earlierBy), \(day)) and \(later) (\(laterBy), today).

            They see one firm. Please agree with the other lead who leads this relationship, and hand them over if needed:
            \(settings.publicURL)/candidates/\(candidate.id)#timeline

            Rapport
            """
        return MailEnvelope(
            fromName: "Rapport", fromEmail: settings.noticeSender, toName: lead.details.name, toEmail: lead.details.email,
            content: MessageContent(subject: "Two practices are pitching \(candidate.profile.name)", text: text),
            headers: [MailHeader("Auto-Submitted", "auto-generated")], date: now)
    }
}
