import Foundation
import RapportCore

/// What the gate would say, now, to pitching one job on its own to one candidate, and where the job stands for them in
/// the pipeline: what a page suggests next is exactly what the gate would let through.
public struct PitchCheck: Sendable {
    public var jobID: JobID
    /// The verdict for an e-mail presenting only this job, with the candidate's history, pipeline and address as now.
    public var verdict: ContactVerdict
    /// The submission that speaks for the pair: an open one, else the latest finished one; nil when there is none.
    public var submission: Submission?

    /// Whether the gate would let a pitch of this job go (now or after quiet hours).
    public var mayPitch: Bool { !verdict.isBlocked }

    /// Whether a new submission may be opened: there is none for the pair, open or finished (a finished one is reopened).
    public var mayShortlist: Bool { submission == nil }

    /// Whether the job is worth suggesting at all: the person is eligible and it fits at or above the threshold. A job
    /// they already know of still is, with its state instead of a pitch.
    public var fits: Bool {
        !verdict.violations.contains { violation in
            switch violation {
            case .belowThreshold, .ineligible: true
            default: false
            }
        }
    }

    /// What stops a pitch of this job in particular (pitched on …, at stage …, declined because …), in the recruiter's words.
    public var jobState: [String] {
        verdict.violations.filter { $0.job == jobID }.map { $0.forRecruiter(in: verdict.timeZone, jobNames: verdict.jobNames) }
    }

    /// What stops any pitch to the person now (the pitch limit they set, an opt-out), in the recruiter's words.
    public var personState: [String] {
        verdict.violations.filter { $0.job == nil }.map { $0.forRecruiter(in: verdict.timeZone, jobNames: verdict.jobNames) }
    }
}

extension OutreachService {
    /// The gate's verdict on pitching each of `jobs` on its own to the candidate, with the pitch history (queued pitches
    /// included), the submissions and the address state the compose step reads, so a page never offers a pitch the gate
    /// then refuses. `names` names the jobs in the explanation ("Data Engineer at Acme").
    public func pitchChecks(candidate candidateID: CandidateID, jobs: [PitchedJob], names: [JobID: String]) async throws -> [PitchCheck] {
        guard !jobs.isEmpty else { return [] }
        let candidate = try await store.candidate(candidateID)
        let history = try await store.pitchHistory(candidate: candidateID, includingQueued: true)
        let submissions = try await store.submissions(candidate: candidateID)
        let address = try await store.addressStatus(candidate.profile.email)
        let policy = settings.policy
        let now = self.now
        return jobs.map { job in
            let verdict = policy.verdict(
                kind: .opportunity, candidate: candidate.profile, jobs: [job], history: history, submissions: submissions,
                channel: .email, address: address?.suppression, jobNames: names.filter { $0.key == job.jobID }, now: now)
            return PitchCheck(jobID: job.jobID, verdict: verdict, submission: submissions.standing(for: job.jobID))
        }
    }
}
