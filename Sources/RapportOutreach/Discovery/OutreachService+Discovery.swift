import Foundation
import RapportCore

/// A discovery conversation: about the person, not a job.
public struct DiscoveryRecord: Sendable {
    public var candidateID: CandidateID
    /// How it happened: a call, a meeting, a LinkedIn or text conversation (never an e-mail Rapport sends).
    public var channel: OutreachChannel
    public var occurredAt: Date
    public var notes: String
    /// Skills the recruiter verified; each replaces what the profile says of that skill, others stay.
    public var verifiedSkills: [CandidateSkill]
    public var goals: CareerGoals?
    public var interests: Interests?
    /// How often they want to hear from us, in days.
    public var cadenceDays: Int?

    public init(
        candidateID: CandidateID, channel: OutreachChannel, occurredAt: Date, notes: String, verifiedSkills: [CandidateSkill] = [],
        goals: CareerGoals? = nil, interests: Interests? = nil, cadenceDays: Int? = nil
    ) {
        self.candidateID = candidateID
        self.channel = channel
        self.occurredAt = occurredAt
        self.notes = notes
        self.verifiedSkills = verifiedSkills
        self.goals = goals
        self.interests = interests
        self.cadenceDays = cadenceDays
    }

    /// What was learnt, written onto the profile.
    func apply(to profile: inout CandidateProfile) {
        for skill in verifiedSkills {
            if let index = profile.skills.firstIndex(where: { $0.skillID == skill.skillID }) {
                profile.skills[index] = skill
            } else {
                profile.skills.append(skill)
            }
        }
        if let goals { profile.goals = goals }
        if let interests { profile.interests = interests }
    }
}

/// Where a relationship stands: discovery before the first pitch, and when to be in touch next.
public struct RelationshipSummary: Equatable, Sendable {
    public var firstDiscoveryAt: Date?
    public var firstPitchAt: Date?
    public var touch: TouchSchedule?

    /// Nil until there is a pitch; then whether a discovery conversation came first.
    public var discoveryBeforeFirstPitch: Bool? {
        guard let firstPitchAt else { return nil }
        return firstDiscoveryAt.map { $0 <= firstPitchAt } ?? false
    }
}

extension OutreachService {
    /// Records a discovery conversation: logged as a contact (the contact policy's rules on who may be contacted apply),
    /// the profile updated with what was learnt, and the keep-in-touch cadence set.
    public func recordDiscovery(_ record: DiscoveryRecord, by user: User) async throws -> (Outreach, Candidate, TouchSchedule?) {
        var validator = Validator()
        if record.channel.isSentByRapport {
            validator.fail("channel", "must be how the conversation happened: phone, meeting, linkedin or sms")
        }
        validator.text("notes", record.notes, maxLength: 10_000)
        if let days = record.cadenceDays, !(7...365).contains(days) { validator.fail("cadenceDays", "must be from 7 to 365 days") }
        try validator.check()
        let candidate = try await store.candidate(record.candidateID)
        var profile = candidate.profile
        record.apply(to: &profile)
        // Check the profile before logging anything, so a bad skill or goal leaves nothing half-written.
        try profile.validate(today: records.today)
        let (outreach, _) = try await send(OutreachRequest(
            candidateID: record.candidateID, kind: .discovery, channel: record.channel, note: record.notes,
            subject: "Discovery conversation", occurredAt: record.occurredAt), by: user)
        try await updateProfile(candidate.id) { record.apply(to: &$0) }
        let updated = try await store.candidate(candidate.id)
        var touch = try await store.touchSchedule(candidate.id)
        if let days = record.cadenceDays { touch = try await store.setTouchCadence(candidate.id, days: days, at: now) }
        // Ask how the conversation felt the next day, not while the call is still ringing in their ears.
        try await store.scheduleSurveys([
            SurveyPlan(candidateID: candidate.id, recruiterID: user.id, trigger: .discovery, dueAt: max(record.occurredAt, now).addingTimeInterval(86_400)),
        ], at: now)
        return (outreach, updated, touch)
    }

    public func relationship(of candidateID: CandidateID) async throws -> RelationshipSummary {
        // Someone unknown, or deleted, has no relationship to summarise: not found, as the API document says.
        _ = try await store.candidate(candidateID)
        // Queued messages count: they are on their way, and the recruiter has already chosen to pitch.
        let history = try await store.outreach(candidate: candidateID, limit: 10_000)
            .filter { $0.status.reachedCandidate || $0.status == .queued }
        return RelationshipSummary(
            firstDiscoveryAt: history.filter { $0.kind == .discovery }.map { $0.sentAt ?? $0.sendAfter }.min(),
            firstPitchAt: history.filter { $0.kind == .opportunity }.map { $0.sentAt ?? $0.sendAfter }.min(),
            touch: try await store.touchSchedule(candidateID))
    }
}
