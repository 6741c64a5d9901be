import Foundation
import RapportText

/// What a message to a candidate is for; only an opportunity presents jobs and counts as a job pitch.
public enum OutreachKind: String, CaseIterable, Codable, Sendable {
    case discovery
    case opportunity
    case checkIn = "check_in"
    case closeTheLoop = "close_the_loop"
    case survey

    /// Whether the message presents jobs, and so counts against the candidate's pitch limit.
    public var isJobPitch: Bool { self == .opportunity }

    var phrase: String {
        switch self {
        case .discovery: "discovery message"
        case .opportunity: "opportunity"
        case .checkIn: "check-in"
        case .closeTheLoop: "close-the-loop message"
        case .survey: "survey"
        }
    }
}

/// A job pitch delivered to the candidate by anyone in the firm: the history the limits are counted on.
public struct PitchRecord: Hashable, Sendable {
    public var jobIDs: [JobID]
    public var recruiterID: UserID
    public var sentAt: Date

    public init(jobIDs: [JobID], recruiterID: UserID, sentAt: Date) {
        self.jobIDs = jobIDs
        self.recruiterID = recruiterID
        self.sentAt = sentAt
    }
}

/// One job an opportunity presents, with its fit score and the candidate's eligibility for it.
public struct PitchedJob: Hashable, Sendable {
    public var jobID: JobID
    /// Fit score 0–100 from matching.
    public var fit: Int
    /// Every reason the candidate may not be pitched this job; empty when eligible.
    public var eligibility: [IneligibilityReason]

    public init(jobID: JobID, fit: Int, eligibility: [IneligibilityReason] = []) {
        self.jobID = jobID
        self.fit = fit
        self.eligibility = eligibility
    }
}

/// One rule a message breaks, with a stable code and a sentence the recruiter can read.
public enum PolicyViolation: Hashable, Sendable {
    /// Do-not-contact, opted out or consent missing: the candidate may not receive this kind of message at all.
    case contact(IneligibilityReason)
    case undeliverable
    /// The candidate has not agreed to be contacted this way.
    case channelNotWanted(ContactChannel)
    case noJobs
    case tooManyJobs(count: Int, maximum: Int)
    case jobListedTwice(JobID)
    case jobsNotAllowed(OutreachKind)
    case ineligible(job: JobID, IneligibilityReason)
    case belowThreshold(job: JobID, fit: Int, threshold: Int)
    case overrideTooShort(length: Int, minimum: Int)
    case alreadyPitched(job: JobID, by: UserID, on: Date)
    /// The job was put to them already, by any means, and they are at `stage` for it (or it ended there): never again.
    case inPipeline(job: JobID, stage: SubmissionStage, reason: DeclineReason?, since: Date)
    /// `nextPossible` is when the oldest counted pitch leaves the window; nil when the candidate allows no pitches.
    case pitchLimitReached(count: Int, limit: Int, nextPossible: Date?)

    /// A stable code for the API and for counting.
    public var code: String {
        switch self {
        case .contact(let reason): reason.code
        case .undeliverable: "undeliverable"
        case .channelNotWanted: "channel_not_wanted"
        case .noJobs: "no_jobs"
        case .tooManyJobs: "too_many_jobs"
        case .jobListedTwice: "job_listed_twice"
        case .jobsNotAllowed: "jobs_not_allowed"
        case .ineligible: "ineligible"
        case .belowThreshold: "below_threshold"
        case .overrideTooShort: "override_too_short"
        case .alreadyPitched: "already_pitched"
        case .inPipeline: "in_pipeline"
        case .pitchLimitReached: "pitch_limit_reached"
        }
    }

    /// The one job this violation is about; nil for what holds for the whole message or the person (the pitch limit,
    /// do-not-contact, an opt-out).
    public var job: JobID? {
        switch self {
        case .jobListedTwice(let job), .ineligible(let job, _), .belowThreshold(let job, _, _), .alreadyPitched(let job, _, _),
             .inPipeline(let job, _, _, _):
            job
        case .contact, .undeliverable, .channelNotWanted, .noJobs, .tooManyJobs, .jobsNotAllowed, .overrideTooShort, .pitchLimitReached:
            nil
        }
    }

    /// Only a fit below the threshold is a judgement a recruiter may overrule; everything else is the candidate's
    /// own word, the law or the firm's promise.
    public var isOverridable: Bool {
        if case .belowThreshold = self { return true }
        return false
    }

    /// The violation as a recruiter reads it; dates are the candidate's local dates, jobs named by `jobNames`
    /// ("Data Engineer at Acme") where known.
    public func forRecruiter(in timeZone: TimeZone, jobNames: [JobID: String] = [:]) -> String {
        let name = { (job: JobID) in jobNames[job] ?? "Job \(job)" }
        return switch self {
        case .contact(let reason):
            reason.forRecruiter
        case .undeliverable:
            "The address bounced or is otherwise undeliverable; update it before writing again."
        case .channelNotWanted(let channel):
            "They have not agreed to be contacted by \(channel.rawValue); use a channel in their contact preferences."
        case .noJobs:
            "An opportunity presents at least one job."
        case .tooManyJobs(let count, let maximum):
            "An opportunity presents at most \(maximum) jobs; this one has \(count)."
        case .jobListedTwice(let job):
            "\(name(job)) is listed twice."
        case .jobsNotAllowed(let kind):
            "A \(kind.phrase) presents no jobs; send an opportunity to present one."
        case .ineligible(let job, let reason):
            "\(name(job)): \(reason.forRecruiter)"
        case .belowThreshold(let job, let fit, let threshold):
            "\(name(job)) fits \(fit) of 100, below the firm's threshold of \(threshold)."
        case .overrideTooShort(let length, let minimum):
            "An override needs a written reason of at least \(minimum) characters; this one has \(length)."
        case .alreadyPitched(let job, _, let sentAt):
            "\(name(job)) was already pitched to this person (or is queued to go) on \(PolicyText.day(sentAt, timeZone))."
        case .inPipeline(let job, let stage, let reason, let since):
            "\(name(job)): " + PolicyText.standing(stage, reason: reason, since: since, timeZone, candidateVoice: false)
        case .pitchLimitReached(let count, let limit, let nextPossible):
            "\(count) job \(count == 1 ? "pitch" : "pitches") in the last 30 days: the limit they set is \(limit)"
                + (nextPossible.map { "; next possible \(PolicyText.day($0, timeZone))." } ?? ".")
        }
    }

    /// The same rule told to the candidate (on their page of roles, or when they ask why they heard nothing).
    public func forCandidate(in timeZone: TimeZone, jobNames: [JobID: String] = [:]) -> String {
        let name = { (job: JobID) in jobNames[job].map { "The role \($0)" } ?? "This role" }
        return switch self {
        case .contact(let reason):
            reason.forCandidate
        case .undeliverable:
            "Our e-mails to you bounced, so we will not write until your address is fixed."
        case .channelNotWanted(let channel):
            "You asked not to be contacted by \(channel.rawValue)."
        case .noJobs, .tooManyJobs, .jobListedTwice, .jobsNotAllowed, .overrideTooShort:
            "We did not send this message: it was not put together properly."
        case .ineligible(let job, let reason):
            "\(name(job)): \(reason.forCandidate)"
        case .belowThreshold(let job, _, _):
            "\(name(job)) does not fit you well enough for us to send it."
        case .alreadyPitched(let job, _, let sentAt):
            "\(name(job)) was already sent to you on \(PolicyText.day(sentAt, timeZone)); we never send a role twice."
        case .inPipeline(let job, let stage, let reason, let since):
            "\(name(job)): " + PolicyText.standing(stage, reason: reason, since: since, timeZone, candidateVoice: true)
        case .pitchLimitReached(_, let limit, _):
            "You asked to hear about at most \(limit) \(limit == 1 ? "role" : "roles") in 30 days, and you have."
        }
    }
}

/// Why a message that may go is waiting.
public enum HoldReason: Hashable, Sendable {
    /// Inside the candidate's quiet hours, written as they set them.
    case quietHours(start: String, end: String)

    public var code: String {
        switch self {
        case .quietHours: "quiet_hours"
        }
    }
}

/// The policy's answer for one message: send now, wait until a time, or do not send, always with readable reasons.
public struct ContactVerdict: Equatable, Sendable {
    public enum Decision: Equatable, Sendable {
        case allowed(at: Date)
        case held(until: Date, reason: HoldReason)
        case blocked([PolicyViolation])
    }

    public var decision: Decision
    /// Violations a recruiter's written reason lifted; the caller records them against the recruiter's relevance.
    public var lifted: [PolicyViolation]
    /// The written reason, when it lifted something.
    public var overrideReason: String?
    /// The candidate's time zone, in which dates and times are told.
    public var timeZone: TimeZone
    /// How the explanation names each job ("Data Engineer at Acme").
    public var jobNames: [JobID: String]

    public init(
        decision: Decision, lifted: [PolicyViolation] = [], overrideReason: String? = nil, timeZone: TimeZone,
        jobNames: [JobID: String] = [:]
    ) {
        self.decision = decision
        self.lifted = lifted
        self.overrideReason = overrideReason
        self.timeZone = timeZone
        self.jobNames = jobNames
    }

    /// Whether the message goes (now or later) only because of an override.
    public var overridden: Bool { !lifted.isEmpty }

    public var isBlocked: Bool {
        if case .blocked = decision { return true }
        return false
    }

    /// When the message may go: now, or at the end of the hold; nil when blocked.
    public var sendAt: Date? {
        switch decision {
        case .allowed(let at): at
        case .held(let until, _): until
        case .blocked: nil
        }
    }

    public var violations: [PolicyViolation] {
        if case .blocked(let violations) = decision { return violations }
        return []
    }

    /// Codes of everything that blocked the message, in the order the rules run.
    public var codes: [String] { violations.map(\.code) }

    /// The decision as the recruiter reads it, one sentence a line.
    public var explanation: [String] {
        var lines: [String]
        switch decision {
        case .allowed:
            lines = ["May be sent now."]
        case .held(let until, .quietHours(let start, let end)):
            lines = [
                "Inside the candidate's quiet hours (\(start)–\(end), \(timeZone.identifier)); it will go at "
                    + "\(PolicyText.time(until, timeZone)) on \(PolicyText.day(until, timeZone)).",
            ]
        case .blocked(let violations):
            lines = violations.map { $0.forRecruiter(in: timeZone, jobNames: jobNames) }
        }
        if overridden, let overrideReason {
            lines.append("Goes below the fit threshold on the recruiter's override: \"\(overrideReason)\".")
        }
        return lines
    }
}

/// The firm-wide contact policy: the relevance gate, the candidate's limits and the law, as one pure decision.
///
/// It is checked when a message is composed and again when it is sent, with the history and the candidate as they are
/// at that moment, so an opt-out or another recruiter's pitch in between is honoured.
public struct ContactPolicy: Sendable {
    /// The fit every job in an opportunity must reach (a firm setting, 0–100).
    public var threshold: Int
    /// The fewest characters, ignoring surrounding spaces, an override's written reason may have.
    public var minimumOverrideReason: Int
    public var maximumJobsPerOpportunity: Int
    public var rules: EligibilityRules

    /// The rolling window pitches are counted in, fixed because candidates set their limit "per 30 days": 30 days of
    /// elapsed time, so a daylight-saving change neither lengthens nor shortens it.
    public static let window: TimeInterval = 30 * 86_400

    public init(
        threshold: Int = 60, minimumOverrideReason: Int = 20, maximumJobsPerOpportunity: Int = 3, rules: EligibilityRules = EligibilityRules()
    ) {
        self.threshold = threshold
        self.minimumOverrideReason = minimumOverrideReason
        self.maximumJobsPerOpportunity = maximumJobsPerOpportunity
        self.rules = rules
    }

    /// Decides whether a message may go to the candidate at `now`, listing every rule it breaks.
    ///
    /// - Parameters:
    ///   - jobs: the jobs an opportunity presents, with fit and eligibility; empty for every other kind.
    ///   - override: the recruiter's written reason for sending below the threshold, if any.
    ///   - history: job pitches delivered to the candidate by anyone in the firm.
    ///   - submissions: the candidate's submissions, open and finished: a job already put to them (pitched, called,
    ///     or further along) is never pitched again.
    ///   - channel: how Rapport would reach them; checked against the channels they accept (an empty list accepts any).
    ///     Nil for a contact that already happened and is only being recorded.
    ///   - address: how delivery knows the address: unsubscribed (honoured even before the profile records the opt-out)
    ///     or undeliverable (hard-bounced or reported invalid).
    ///   - jobNames: how the verdict names each job ("Data Engineer at Acme"); "Job 17" where left out.
    public func verdict(
        kind: OutreachKind, candidate: CandidateProfile, jobs: [PitchedJob] = [], override: String? = nil,
        history: [PitchRecord] = [], submissions: [Submission] = [], channel: ContactChannel? = nil,
        address: AddressSuppression? = nil, jobNames: [JobID: String] = [:], now: Date
    ) -> ContactVerdict {
        let timeZone = TimeZone(identifier: candidate.timeZone)
            ?? TimeZone(identifier: candidate.region.defaultTimeZoneIdentifier) ?? .gmt
        var violations = contactViolations(kind: kind, candidate: candidate)
        let accepted = candidate.contactPreferences.channels
        if let channel, !accepted.isEmpty, !accepted.contains(channel) { violations.append(.channelNotWanted(channel)) }
        switch address {
        case .unsubscribed where !violations.contains(.contact(.optedOut)): violations.append(.contact(.optedOut))
        case .undeliverable: violations.append(.undeliverable)
        default: break
        }

        var belowThreshold: [PolicyViolation] = []
        if kind.isJobPitch {
            violations += jobViolations(jobs, already: violations, belowThreshold: &belowThreshold)
            violations += historyViolations(jobs, candidate: candidate, history: history, now: now)
            violations += pipelineViolations(jobs, submissions: submissions, already: violations)
        } else if !jobs.isEmpty {
            violations.append(.jobsNotAllowed(kind))
        }

        // The override lifts only the threshold, and only when nothing else stands in the way: an override that would
        // still leave the message blocked is not recorded against the recruiter.
        var lifted: [PolicyViolation] = []
        let reason = override?.trimmed
        if !belowThreshold.isEmpty {
            if let reason, reason.count >= minimumOverrideReason, violations.isEmpty {
                lifted = belowThreshold
            } else {
                violations += belowThreshold
                if let reason, reason.count < minimumOverrideReason {
                    violations.append(.overrideTooShort(length: reason.count, minimum: minimumOverrideReason))
                }
            }
        }
        if !violations.isEmpty {
            return ContactVerdict(decision: .blocked(violations), timeZone: timeZone, jobNames: jobNames)
        }

        let quiet = candidate.contactPreferences.quietHours
        let sendAt = quiet.nextAllowed(after: now, timeZone: timeZone)
        let decision: ContactVerdict.Decision = sendAt > now
            ? .held(until: sendAt, reason: .quietHours(start: quiet.start, end: quiet.end))
            : .allowed(at: now)
        return ContactVerdict(
            decision: decision, lifted: lifted, overrideReason: lifted.isEmpty ? nil : reason, timeZone: timeZone, jobNames: jobNames)
    }

    /// Do-not-contact, opt-out and consent, from the eligibility rules so the two never disagree.
    ///
    /// Hong Kong's direct-marketing consent governs job pitches only: a discovery conversation, a check-in, a
    /// close-the-loop note or a survey markets nothing. Do-not-contact, an opt-out and a missing basis for holding the
    /// data (UK) stop every kind of message.
    private func contactViolations(kind: OutreachKind, candidate: CandidateProfile) -> [PolicyViolation] {
        rules.contactReasons(candidate, region: candidate.region).compactMap { reason in
            if !kind.isJobPitch, case .consentMissing(_, .directMarketing) = reason { return nil }
            return .contact(reason)
        }
    }

    /// The shape of the opportunity, then each job's eligibility and fit. Reasons already reported for the candidate as a
    /// whole (do-not-contact) are not repeated per job.
    private func jobViolations(
        _ jobs: [PitchedJob], already: [PolicyViolation], belowThreshold: inout [PolicyViolation]
    ) -> [PolicyViolation] {
        var violations: [PolicyViolation] = []
        if jobs.isEmpty { violations.append(.noJobs) }
        if jobs.count > maximumJobsPerOpportunity {
            violations.append(.tooManyJobs(count: jobs.count, maximum: maximumJobsPerOpportunity))
        }
        var seen: Set<JobID> = []
        for job in jobs {
            guard seen.insert(job.jobID).inserted else {
                violations.append(.jobListedTwice(job.jobID))
                continue
            }
            for reason in job.eligibility where !already.contains(.contact(reason)) {
                violations.append(.ineligible(job: job.jobID, reason))
            }
            if job.fit < threshold {
                belowThreshold.append(.belowThreshold(job: job.jobID, fit: job.fit, threshold: threshold))
            }
        }
        return violations
    }

    /// Never the same job twice, whoever sent it and however long ago; at most the candidate's limit of pitches in
    /// the rolling window, across all recruiters.
    private func historyViolations(
        _ jobs: [PitchedJob], candidate: CandidateProfile, history: [PitchRecord], now: Date
    ) -> [PolicyViolation] {
        var violations: [PolicyViolation] = []
        let delivered = history.sorted { $0.sentAt < $1.sentAt }
        var reported: Set<JobID> = []
        for job in jobs where !reported.contains(job.jobID) {
            if let first = delivered.first(where: { $0.jobIDs.contains(job.jobID) }) {
                reported.insert(job.jobID)
                violations.append(.alreadyPitched(job: job.jobID, by: first.recruiterID, on: first.sentAt))
            }
        }
        // A pitch counts while it was sent less than `window` ago; it stops counting at exactly `window`.
        let cutoff = now.addingTimeInterval(-Self.window)
        let counted = delivered.filter { $0.sentAt > cutoff }
        let limit = candidate.contactPreferences.maxJobPitchesPer30Days
        if counted.count >= limit {
            // Sending becomes possible once enough of the oldest counted pitches have left the window to go under it.
            let freeing = counted.count - limit
            let nextPossible = limit > 0 ? counted[freeing].sentAt.addingTimeInterval(Self.window) : nil
            violations.append(.pitchLimitReached(count: counted.count, limit: limit, nextPossible: nextPossible))
        }
        return violations
    }
}

extension ContactPolicy {
    /// Where a job already stands for the candidate in the pipeline decides whether it may be pitched: from the
    /// shortlist a pitch is the natural next step, and so after a withdrawal from the shortlist (they never heard of
    /// it); once the job was put to them (by e-mail or a logged call) or any later stage, never again. An open
    /// submission speaks before finished ones; among equals the latest move.
    func pipelineViolations(_ jobs: [PitchedJob], submissions: [Submission], already: [PolicyViolation]) -> [PolicyViolation] {
        var violations: [PolicyViolation] = []
        var reported: Set<JobID> = Set(already.compactMap { if case .alreadyPitched(let job, _, _) = $0 { job } else { nil } })
        let put = submissions.filter { $0.stage.isPastPresentation || $0.reachedPresentation }
        for job in jobs where !reported.contains(job.jobID) {
            guard let standing = put.standing(for: job.jobID) else { continue }
            reported.insert(job.jobID)
            let reason = standing.history.last { $0.to == .candidateDeclined }?.reason
            violations.append(.inPipeline(job: job.jobID, stage: standing.stage, reason: reason, since: standing.lastMovedAt))
        }
        return violations
    }
}

/// Dates and times told in the candidate's zone, spelt the same way on every machine: "3 Nov 2026", "08:00".
enum PolicyText {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func day(_ instant: Date, _ timeZone: TimeZone) -> String {
        let date = LocalDate(instant, in: timeZone)
        return "\(date.day) \(months[date.month - 1]) \(date.year)"
    }

    /// Where a person stands for a job they were already put to, in the recruiter's or their own words.
    static func standing(_ stage: SubmissionStage, reason: DeclineReason?, since: Date, _ timeZone: TimeZone, candidateVoice: Bool) -> String {
        let day = Self.day(since, timeZone)
        if candidateVoice {
            return switch stage {
            case .candidateDeclined: "you turned it down on \(day)" + (reason.map { " (\($0.phrase))" } ?? "") + ", so we will not send it again."
            case .clientRejected: "the client said no on \(day), so we will not send it again."
            case .placed: "you were placed in it on \(day)."
            case .withdrawn: "it was put to you and then closed on \(day)."
            default: "it is already with you (\(stage.phrase) since \(day)); your recruiter will keep you posted."
            }
        }
        return switch stage {
        case .candidateDeclined: "they declined it on \(day)" + (reason.map { " (\($0.phrase))" } ?? "") + "; never pitch it again."
        case .clientRejected: "the client rejected them on \(day); never pitch it again."
        case .placed: "they were placed in it on \(day)."
        case .withdrawn: "it was put to them and withdrawn on \(day); never pitch it again."
        default: "already put to them: \(stage.phrase) since \(day). Move it on in the pipeline instead."
        }
    }

    static func time(_ instant: Date, _ timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }
}
