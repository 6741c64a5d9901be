import Foundation
import RapportCore
import Testing

/// A London candidate who may hear about work, a well-fitting job and a quiet Saturday noon to break one rule at a time.
private enum Fixture {
    /// Saturday 28 November 2026, 12:00 in London (GMT).
    static let now = instant("2026-11-28T12:00:00Z")
    static let recorded = instant("2026-01-05T09:00:00Z")
    static let alice = UserID(1)
    static let bob = UserID(2)

    static var candidate: CandidateProfile {
        CandidateProfile(
            name: "Priya Shah", email: "priya@example.test", location: Location(city: "London", country: "GB"),
            timeZone: "Europe/London", region: .uk,
            consents: [ConsentRecord(purpose: .dataProcessing, recordedAt: recorded, method: "form", legalBasis: .legitimateInterests)]
        )
    }

    static var hongKongCandidate: CandidateProfile {
        var candidate = candidate
        candidate.location = Location(city: "Hong Kong", country: "HK")
        candidate.timeZone = "Asia/Hong_Kong"
        candidate.region = .hk
        candidate.consents = []
        return candidate
    }

    static let job = PitchedJob(jobID: JobID(12), fit: 75)

    static func verdict(
        _ candidate: CandidateProfile = candidate, kind: OutreachKind = .opportunity, jobs: [PitchedJob] = [job],
        override: String? = nil, history: [PitchRecord] = [], undeliverable: Bool = false, at now: Date = now
    ) -> ContactVerdict {
        ContactPolicy().verdict(
            kind: kind, candidate: candidate, jobs: jobs, override: override, history: history, address: undeliverable ? .undeliverable : nil,
            now: now
        )
    }

    static func pitch(_ jobs: Int64..., by recruiter: UserID = alice, daysAgo: Double, from now: Date = now) -> PitchRecord {
        PitchRecord(jobIDs: jobs.map { JobID($0) }, recruiterID: recruiter, sentAt: now.addingTimeInterval(-daysAgo * 86_400))
    }

    static func instant(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    static func quiet(_ start: String, _ end: String, in zone: String) -> CandidateProfile {
        var candidate = candidate
        candidate.timeZone = zone
        candidate.contactPreferences.quietHours = QuietHours(start: start, end: end)
        return candidate
    }
}

@Suite("Contact policy: the relevance gate")
struct ContactPolicyGateTests {
    @Test("an eligible, well-fitting opportunity outside quiet hours may be sent now")
    func allowed() {
        let verdict = Fixture.verdict()
        #expect(verdict.decision == .allowed(at: Fixture.now))
        #expect(!verdict.overridden)
        #expect(verdict.explanation == ["May be sent now."])
    }

    @Test("each rule blocks an opportunity on its own, with its own code", arguments: [
        "do_not_contact", "opted_out", "consent_missing", "undeliverable", "no_jobs", "too_many_jobs", "job_listed_twice",
        "ineligible", "below_threshold", "already_pitched", "pitch_limit_reached",
    ])
    func eachRuleBlocks(code: String) {
        var candidate = Fixture.candidate
        var jobs = [Fixture.job]
        var history: [PitchRecord] = []
        var undeliverable = false
        switch code {
        case "do_not_contact": candidate.contactPreferences.doNotContact = true
        case "opted_out":
            candidate.consents.append(ConsentRecord(
                purpose: .directMarketing, recordedAt: Fixture.recorded, method: "form", legalBasis: .consent, withdrawnAt: Fixture.now
            ))
        case "consent_missing": candidate.consents = []
        case "undeliverable": undeliverable = true
        case "no_jobs": jobs = []
        case "too_many_jobs": jobs = (20...23).map { PitchedJob(jobID: JobID($0), fit: 80) }
        case "job_listed_twice": jobs = [Fixture.job, Fixture.job]
        case "ineligible": jobs = [PitchedJob(jobID: JobID(12), fit: 75, eligibility: [.clientAvoided(ClientID(7))])]
        case "below_threshold": jobs = [PitchedJob(jobID: JobID(12), fit: 59)]
        case "already_pitched": history = [Fixture.pitch(12, daysAgo: 200)]
        case "pitch_limit_reached":
            candidate.contactPreferences.maxJobPitchesPer30Days = 1
            history = [Fixture.pitch(30, daysAgo: 1)]
        default: Issue.record("no case for \(code)")
        }
        let verdict = Fixture.verdict(candidate, jobs: jobs, history: history, undeliverable: undeliverable)
        #expect(verdict.codes == [code])
        #expect(verdict.isBlocked && verdict.sendAt == nil)
        #expect(verdict.explanation.count == 1 && !verdict.explanation[0].isEmpty)
    }

    @Test("a fit exactly at the threshold passes; one point below is blocked with the score in the reason")
    func thresholdBoundary() {
        #expect(!Fixture.verdict(jobs: [PitchedJob(jobID: JobID(12), fit: 60)]).isBlocked)
        let verdict = Fixture.verdict(jobs: [PitchedJob(jobID: JobID(12), fit: 59)])
        #expect(verdict.violations == [.belowThreshold(job: JobID(12), fit: 59, threshold: 60)])
        #expect(verdict.explanation == ["Job 12 fits 59 of 100, below the firm's threshold of 60."])
    }

    @Test("the threshold is a firm setting")
    func thresholdSetting() {
        let policy = ContactPolicy(threshold: 80)
        let verdict = policy.verdict(kind: .opportunity, candidate: Fixture.candidate, jobs: [Fixture.job], now: Fixture.now)
        #expect(verdict.codes == ["below_threshold"])
    }

    @Test("a candidate-wide reason is reported once, not again for each job")
    func contactReasonNotRepeated() {
        var candidate = Fixture.candidate
        candidate.contactPreferences.doNotContact = true
        let job = PitchedJob(jobID: JobID(12), fit: 75, eligibility: [.doNotContact, .industryAvoided("Gambling")])
        #expect(Fixture.verdict(candidate, jobs: [job]).codes == ["do_not_contact", "ineligible"])
    }

    @Test("an opportunity presents one to three jobs")
    func jobCount() {
        let three = (20...22).map { PitchedJob(jobID: JobID($0), fit: 80) }
        #expect(!Fixture.verdict(jobs: three).isBlocked)
        let four = Fixture.verdict(jobs: three + [PitchedJob(jobID: JobID(23), fit: 80)])
        #expect(four.violations == [.tooManyJobs(count: 4, maximum: 3)])
        #expect(four.explanation == ["An opportunity presents at most 3 jobs; this one has 4."])
    }
}

@Suite("Contact policy: overrides")
struct ContactPolicyOverrideTests {
    static let reason = "Asked me for exactly this role on our call."

    @Test("a written reason of at least 20 characters lifts the fit threshold, and the verdict says it was overridden")
    func overrideAccepted() {
        let verdict = Fixture.verdict(jobs: [PitchedJob(jobID: JobID(12), fit: 41)], override: "  " + Self.reason + "\n")
        #expect(verdict.decision == .allowed(at: Fixture.now))
        #expect(verdict.overridden)
        #expect(verdict.lifted == [.belowThreshold(job: JobID(12), fit: 41, threshold: 60)])
        #expect(verdict.overrideReason == Self.reason)
        #expect(verdict.explanation.last == "Goes below the fit threshold on the recruiter's override: \"\(Self.reason)\".")
    }

    @Test("exactly 20 characters is enough; 19, or 20 padded with spaces, is refused")
    func overrideLength() {
        let low = [PitchedJob(jobID: JobID(12), fit: 50)]
        #expect(Fixture.verdict(jobs: low, override: String(repeating: "x", count: 20)).overridden)
        for short in [String(repeating: "x", count: 19), "   " + String(repeating: "x", count: 17) + "   "] {
            let verdict = Fixture.verdict(jobs: low, override: short)
            #expect(verdict.codes == ["below_threshold", "override_too_short"])
            #expect(!verdict.overridden)
        }
        let verdict = Fixture.verdict(jobs: low, override: "Because.")
        #expect(verdict.explanation.last == "An override needs a written reason of at least 20 characters; this one has 8.")
    }

    @Test("an override lifts nothing but the threshold", arguments: [
        "ineligible", "do_not_contact", "already_pitched", "pitch_limit_reached", "consent_missing",
    ])
    func overrideRefusedForOtherRules(code: String) {
        var candidate = Fixture.candidate
        var job = PitchedJob(jobID: JobID(12), fit: 45)
        var history: [PitchRecord] = []
        switch code {
        case "ineligible": job.eligibility = [.payBelowMinimum(
            jobMaximum: Money(major: 500, .gbp, per: .day), converted: Money(major: 500, .gbp, per: .day),
            minimum: Money(major: 600, .gbp, per: .day)
        )]
        case "do_not_contact": candidate.contactPreferences.doNotContact = true
        case "already_pitched": history = [Fixture.pitch(12, by: Fixture.bob, daysAgo: 90)]
        case "pitch_limit_reached": history = (1...4).map { Fixture.pitch(Int64(40 + $0), daysAgo: Double($0)) }
        case "consent_missing": candidate.consents = []
        default: Issue.record("no case for \(code)")
        }
        let verdict = Fixture.verdict(candidate, jobs: [job], override: Self.reason, history: history)
        #expect(verdict.isBlocked)
        #expect(Set(verdict.codes) == [code, "below_threshold"])
        #expect(!verdict.overridden && verdict.lifted.isEmpty)
    }

    @Test("an override on an opportunity that needs none records nothing against the recruiter")
    func overrideUnneeded() {
        let verdict = Fixture.verdict(override: Self.reason)
        #expect(verdict.decision == .allowed(at: Fixture.now))
        #expect(!verdict.overridden && verdict.overrideReason == nil)
    }
}

@Suite("Contact policy: limits and duplicates")
struct ContactPolicyLimitTests {
    @Test("a fifth pitch within 30 days is blocked, whoever sends it, and says when the next one is possible")
    func fifthPitch() {
        let history = [
            Fixture.pitch(31, by: UserID(1), daysAgo: 29), Fixture.pitch(32, by: UserID(2), daysAgo: 20),
            Fixture.pitch(33, by: UserID(3), daysAgo: 10), Fixture.pitch(34, by: UserID(4), daysAgo: 1),
        ]
        let verdict = Fixture.verdict(history: history)
        let oldestExpires = Fixture.instant("2026-11-29T12:00:00Z")
        #expect(verdict.violations == [.pitchLimitReached(count: 4, limit: 4, nextPossible: oldestExpires)])
        #expect(verdict.explanation == ["4 job pitches in the last 30 days: the limit they set is 4; next possible 29 Nov 2026."])
        // The same four pitches from one recruiter count the same.
        let fromOne = history.map { PitchRecord(jobIDs: $0.jobIDs, recruiterID: Fixture.alice, sentAt: $0.sentAt) }
        #expect(Fixture.verdict(history: fromOne).codes == ["pitch_limit_reached"])
        // The policy allows the pitch once the oldest has left the window.
        #expect(!Fixture.verdict(history: history, at: oldestExpires).isBlocked)
    }

    @Test("a pitch sent exactly 30 days ago no longer counts; one second later it still does")
    func windowBoundary() {
        let recent = (1...3).map { Fixture.pitch(Int64(40 + $0), daysAgo: Double($0)) }
        let exactly = Fixture.pitch(50, daysAgo: 30)
        #expect(!Fixture.verdict(history: recent + [exactly]).isBlocked)
        let inside = PitchRecord(jobIDs: [JobID(50)], recruiterID: Fixture.bob, sentAt: exactly.sentAt.addingTimeInterval(1))
        let verdict = Fixture.verdict(history: recent + [inside])
        #expect(verdict.violations == [.pitchLimitReached(count: 4, limit: 4, nextPossible: Fixture.now.addingTimeInterval(1))])
    }

    @Test("the limit is the candidate's own: two a month, or none at all")
    func candidatesOwnLimit() {
        var candidate = Fixture.candidate
        candidate.contactPreferences.maxJobPitchesPer30Days = 2
        let history = [Fixture.pitch(41, daysAgo: 25), Fixture.pitch(42, daysAgo: 5), Fixture.pitch(43, daysAgo: 2)]
        // Three counted against a limit of two: the two oldest must leave before there is room.
        let verdict = Fixture.verdict(candidate, history: history)
        #expect(verdict.violations == [.pitchLimitReached(count: 3, limit: 2, nextPossible: history[1].sentAt.addingTimeInterval(30 * 86_400))])
        candidate.contactPreferences.maxJobPitchesPer30Days = 0
        let none = Fixture.verdict(candidate)
        #expect(none.violations == [.pitchLimitReached(count: 0, limit: 0, nextPossible: nil)])
        #expect(none.explanation == ["0 job pitches in the last 30 days: the limit they set is 0."])
    }

    @Test("messages that present no job neither need one nor count against the pitch limit", arguments: [
        OutreachKind.discovery, .checkIn, .closeTheLoop, .survey,
    ])
    func nonPitchKinds(kind: OutreachKind) {
        let history = (1...4).map { Fixture.pitch(Int64(40 + $0), daysAgo: Double($0)) }
        #expect(Fixture.verdict(kind: kind, jobs: [], history: history).decision == .allowed(at: Fixture.now))
        // A job slipped into a check-in would be a pitch that dodges the gate.
        let withJob = Fixture.verdict(kind: kind, jobs: [Fixture.job])
        #expect(withJob.violations == [.jobsNotAllowed(kind)])
    }

    @Test("the same job is never pitched twice to the same person, even by a different recruiter")
    func sameJobTwice() {
        let earlier = PitchRecord(jobIDs: [JobID(7), JobID(12)], recruiterID: Fixture.alice, sentAt: Fixture.instant("2026-11-03T10:00:00Z"))
        let verdict = Fixture.verdict(jobs: [Fixture.job, PitchedJob(jobID: JobID(13), fit: 90)], history: [earlier])
        #expect(verdict.violations == [.alreadyPitched(job: JobID(12), by: Fixture.alice, on: earlier.sentAt)])
        #expect(verdict.explanation == ["Job 12 was already pitched to this person (or is queued to go) on 3 Nov 2026."])
        let yearAgo = Fixture.pitch(12, by: Fixture.bob, daysAgo: 400)
        #expect(Fixture.verdict(history: [yearAgo]).codes == ["already_pitched"])
    }
}

@Suite("Contact policy: quiet hours")
struct ContactPolicyQuietHoursTests {
    @Test("an evening message in 20:00–08:00 waits until 08:00 the next morning, local time")
    func eveningWraps() {
        let verdict = Fixture.verdict(at: Fixture.instant("2026-11-28T21:30:00Z"))
        let morning = Fixture.instant("2026-11-29T08:00:00Z")
        #expect(verdict.decision == .held(until: morning, reason: .quietHours(start: "20:00", end: "08:00")))
        #expect(verdict.sendAt == morning && !verdict.isBlocked)
        #expect(verdict.explanation == [
            "Inside the candidate's quiet hours (20:00–08:00, Europe/London); it will go at 08:00 on 29 Nov 2026.",
        ])
    }

    @Test("after midnight it waits until 08:00 the same day; at 08:00 and just before 20:00 it goes at once")
    func morningAndEdges() {
        #expect(Fixture.verdict(at: Fixture.instant("2026-11-28T07:59:30Z")).sendAt == Fixture.instant("2026-11-28T08:00:00Z"))
        #expect(Fixture.verdict(at: Fixture.instant("2026-11-28T00:00:00Z")).sendAt == Fixture.instant("2026-11-28T08:00:00Z"))
        for open in ["2026-11-28T08:00:00Z", "2026-11-28T19:59:59Z"] {
            let now = Fixture.instant(open)
            #expect(Fixture.verdict(at: now).decision == .allowed(at: now))
        }
        #expect(Fixture.verdict(at: Fixture.instant("2026-11-28T20:00:00Z")).sendAt == Fixture.instant("2026-11-29T08:00:00Z"))
    }

    @Test("a window that does not wrap midnight (13:00–14:00) holds only inside it")
    func lunchWindow() {
        let candidate = Fixture.quiet("13:00", "14:00", in: "Europe/London")
        #expect(Fixture.verdict(candidate, at: Fixture.instant("2026-11-28T13:30:00Z")).sendAt == Fixture.instant("2026-11-28T14:00:00Z"))
        for open in ["2026-11-28T12:59:00Z", "2026-11-28T14:00:00Z", "2026-11-28T23:00:00Z"] {
            #expect(!Fixture.verdict(candidate, at: Fixture.instant(open)).isHeld)
        }
    }

    @Test("the same start and end means no quiet hours")
    func noQuietHours() {
        let now = Fixture.instant("2026-11-28T03:00:00Z")
        #expect(Fixture.verdict(Fixture.quiet("00:00", "00:00", in: "Europe/London"), at: now).decision == .allowed(at: now))
    }

    /// 23:00 local on the evening before each change, and 08:00 local the morning after, as UTC instants.
    @Test("the night of a daylight-saving change still ends at 08:00 on the local clock", arguments: [
        ("Europe/London", "2026-03-28T23:00:00Z", "2026-03-29T07:00:00Z"),  // GMT → BST: a short night
        ("Europe/London", "2026-10-24T22:00:00Z", "2026-10-25T08:00:00Z"),  // BST → GMT: a long night
        ("America/New_York", "2026-03-08T04:00:00Z", "2026-03-08T12:00:00Z"),  // EST → EDT
        ("America/New_York", "2026-11-01T03:00:00Z", "2026-11-01T13:00:00Z"),  // EDT → EST
        ("Pacific/Auckland", "2026-04-04T10:00:00Z", "2026-04-04T20:00:00Z"),  // NZDT → NZST
        ("Pacific/Auckland", "2026-09-26T11:00:00Z", "2026-09-26T19:00:00Z"),  // NZST → NZDT
        ("Asia/Hong_Kong", "2026-03-08T15:00:00Z", "2026-03-09T00:00:00Z"),  // no daylight saving
    ])
    func daylightSaving(zone: String, evening: String, morning: String) {
        let verdict = Fixture.verdict(Fixture.quiet("20:00", "08:00", in: zone), at: Fixture.instant(evening))
        #expect(verdict.decision == .held(until: Fixture.instant(morning), reason: .quietHours(start: "20:00", end: "08:00")))
    }

    @Test("an end time the clocks skip resolves to the first instant after the gap", arguments: [
        ("Europe/London", "01:30", "2026-03-29T00:30:00Z", "2026-03-29T01:00:00Z"),  // 01:30 GMT does not exist: 02:00 BST
        ("America/New_York", "02:30", "2026-03-08T05:00:00Z", "2026-03-08T07:00:00Z"),  // 02:30 EST does not exist: 03:00 EDT
        ("Pacific/Auckland", "02:30", "2026-09-26T12:00:00Z", "2026-09-26T14:00:00Z"),  // 02:30 NZST does not exist: 03:00 NZDT
    ])
    func springForwardGap(zone: String, end: String, now: String, expected: String) {
        let verdict = Fixture.verdict(Fixture.quiet("22:00", end, in: zone), at: Fixture.instant(now))
        #expect(verdict.sendAt == Fixture.instant(expected))
    }

    @Test("an end time the clocks repeat is the next one to come")
    func fallBackRepeat() {
        let candidate = Fixture.quiet("20:00", "01:30", in: "America/New_York")
        // 01:15 EDT, then 01:15 EST an hour later: each waits for the 01:30 that follows it.
        #expect(Fixture.verdict(candidate, at: Fixture.instant("2026-11-01T05:15:00Z")).sendAt == Fixture.instant("2026-11-01T05:30:00Z"))
        #expect(Fixture.verdict(candidate, at: Fixture.instant("2026-11-01T06:15:00Z")).sendAt == Fixture.instant("2026-11-01T06:30:00Z"))
    }

    @Test("quiet hours hold every kind of message, not only pitches")
    func everyKind() {
        let night = Fixture.instant("2026-11-28T23:00:00Z")
        #expect(Fixture.verdict(kind: .survey, jobs: [], at: night).sendAt == Fixture.instant("2026-11-29T08:00:00Z"))
    }
}

@Suite("Contact policy: privacy and the send-time re-check")
struct ContactPolicyPrivacyTests {
    @Test("in Hong Kong a job pitch needs recorded direct-marketing consent")
    func hongKongConsent() {
        let withoutConsent = Fixture.verdict(Fixture.hongKongCandidate, at: Fixture.instant("2026-11-28T04:00:00Z"))
        #expect(withoutConsent.violations == [.contact(.consentMissing(region: .hk, purpose: .directMarketing))])
        #expect(withoutConsent.explanation == ["Hong Kong requires recorded direct-marketing consent, and there is none."])
        var consenting = Fixture.hongKongCandidate
        consenting.consents = [ConsentRecord(purpose: .directMarketing, recordedAt: Fixture.recorded, method: "web form", legalBasis: .consent)]
        #expect(!Fixture.verdict(consenting, at: Fixture.instant("2026-11-28T04:00:00Z")).isBlocked)
    }

    @Test("direct-marketing consent governs pitches only: a discovery conversation in Hong Kong needs none")
    func hongKongDiscovery() {
        let now = Fixture.instant("2026-11-28T04:00:00Z")
        #expect(Fixture.verdict(Fixture.hongKongCandidate, kind: .discovery, jobs: [], at: now).decision == .allowed(at: now))
    }

    @Test("do-not-contact, an opt-out and an undeliverable address stop every kind of message", arguments: OutreachKind.allCases)
    func stopsEveryKind(kind: OutreachKind) {
        let jobs = kind.isJobPitch ? [Fixture.job] : []
        var dnc = Fixture.candidate
        dnc.contactPreferences.doNotContact = true
        #expect(Fixture.verdict(dnc, kind: kind, jobs: jobs).codes == ["do_not_contact"])
        var optedOut = Fixture.candidate
        optedOut.consents.append(ConsentRecord(
            purpose: .directMarketing, recordedAt: Fixture.recorded, method: "form", legalBasis: .consent, withdrawnAt: Fixture.now
        ))
        #expect(Fixture.verdict(optedOut, kind: kind, jobs: jobs).codes == ["opted_out"])
        #expect(Fixture.verdict(kind: kind, jobs: jobs, undeliverable: true).codes == ["undeliverable"])
    }

    @Test("a message held overnight is checked again when it is sent: an opt-out in between blocks it")
    func recheckAtSend() {
        let composedAt = Fixture.instant("2026-11-28T21:00:00Z")
        let composed = Fixture.verdict(at: composedAt)
        guard case .held(let until, _) = composed.decision else {
            Issue.record("expected the message to wait for the morning, got \(composed.decision)")
            return
        }
        #expect(Fixture.verdict(at: until).decision == .allowed(at: until))
        var optedOut = Fixture.candidate
        optedOut.consents.append(ConsentRecord(
            purpose: .directMarketing, recordedAt: Fixture.recorded, method: "unsubscribe link", legalBasis: .consent,
            withdrawnAt: composedAt.addingTimeInterval(600)
        ))
        #expect(Fixture.verdict(optedOut, at: until).codes == ["opted_out"])
    }

    @Test("another recruiter's pitch of the same job between compose and send blocks the second one")
    func recheckAfterAnotherPitch() {
        #expect(!Fixture.verdict().isBlocked)
        let sendAt = Fixture.now.addingTimeInterval(3600)
        let meanwhile = PitchRecord(jobIDs: [JobID(12)], recruiterID: Fixture.bob, sentAt: Fixture.now.addingTimeInterval(1800))
        #expect(Fixture.verdict(history: [meanwhile], at: sendAt).codes == ["already_pitched"])
    }

    @Test("an unknown time zone falls back to the region's, so quiet hours still apply")
    func unknownTimeZone() {
        let candidate = Fixture.quiet("20:00", "08:00", in: "Mars/Olympus_Mons")
        #expect(Fixture.verdict(candidate, at: Fixture.instant("2026-11-28T21:30:00Z")).sendAt == Fixture.instant("2026-11-29T08:00:00Z"))
    }
}

extension ContactVerdict {
    fileprivate var isHeld: Bool {
        if case .held = decision { return true }
        return false
    }
}

/// A submission of job 12 for the fixture's candidate that went through `stages` after the shortlist, a day apart,
/// ending on 2 November 2026.
private func submission(through stages: [SubmissionStage], reason: DeclineReason? = nil) -> Submission {
    let end = Fixture.instant("2026-11-02T10:00:00Z")
    let start = end.addingTimeInterval(-Double(stages.count) * 86_400)
    var submission = Submission.shortlisted(id: SubmissionID(5), candidateID: CandidateID(1), jobID: JobID(12), by: Fixture.alice, at: start)
    for (offset, stage) in stages.enumerated() {
        let change = SubmissionChange(
            to: stage, by: Fixture.alice, at: start.addingTimeInterval(Double(offset + 1) * 86_400),
            reason: stage == .candidateDeclined ? (reason ?? .other) : nil)
        submission = try! submission.advanced(change).submission
    }
    return submission
}

@Suite("Contact policy: the pipeline")
struct ContactPolicyPipelineTests {
    static let paths: [[SubmissionStage]] = [
        [.presented], [.presented, .candidateInterested], [.presented, .candidateInterested, .submitted],
        [.presented, .candidateInterested, .submitted, .interview], [.presented, .candidateInterested, .submitted, .interview, .offer],
        [.presented, .candidateInterested, .submitted, .interview, .offer, .placed], [.presented, .candidateDeclined],
        [.presented, .candidateInterested, .submitted, .clientRejected], [.presented, .withdrawn],
    ]

    @Test("a job put to the person, at any later stage or ended there, is never pitched to them again", arguments: paths)
    func blockedOncePresented(path: [SubmissionStage]) {
        let put = submission(through: path)
        let verdict = ContactPolicy().verdict(
            kind: .opportunity, candidate: Fixture.candidate, jobs: [Fixture.job], submissions: [put], now: Fixture.now)
        #expect(verdict.violations == [.inPipeline(job: JobID(12), stage: path.last!, reason: put.history.last?.reason, since: put.lastMovedAt)])
        #expect(verdict.codes == ["in_pipeline"])
    }

    @Test("on the shortlist, or withdrawn from it unheard, the pitch is the natural next step", arguments: [
        [SubmissionStage](), [.withdrawn],
    ])
    func shortlistAllowsPitch(path: [SubmissionStage]) {
        let verdict = ContactPolicy().verdict(
            kind: .opportunity, candidate: Fixture.candidate, jobs: [Fixture.job], submissions: [submission(through: path)],
            now: Fixture.now)
        #expect(verdict.decision == .allowed(at: Fixture.now))
    }

    @Test("a decline is told in both voices, with the job's name and the person's reason")
    func declineInBothVoices() {
        let declined = submission(through: [.presented, .candidateDeclined], reason: .remote)
        let names = [JobID(12): "Data Engineer at Acme"]
        let verdict = ContactPolicy().verdict(
            kind: .opportunity, candidate: Fixture.candidate, jobs: [Fixture.job], submissions: [declined], jobNames: names, now: Fixture.now)
        #expect(verdict.explanation == ["Data Engineer at Acme: they declined it on 2 Nov 2026 (it was not remote); never pitch it again."])
        #expect(verdict.violations.map { $0.forCandidate(in: verdict.timeZone, jobNames: names) } == [
            "The role Data Engineer at Acme: you turned it down on 2 Nov 2026 (it was not remote), so we will not send it again."
        ])
    }

    @Test("a reopened shortlist does not wash out an earlier presentation of the same job")
    func earlierPresentationCounts() {
        let interview = submission(through: [.presented, .candidateInterested, .submitted, .interview])
        var reopened = Submission.shortlisted(
            id: SubmissionID(6), candidateID: CandidateID(1), jobID: JobID(12), by: Fixture.bob, at: Fixture.instant("2026-11-20T10:00:00Z"))
        reopened.history[0].note = "back on the list"
        let verdict = ContactPolicy().verdict(
            kind: .opportunity, candidate: Fixture.candidate, jobs: [Fixture.job], submissions: [interview, reopened], now: Fixture.now)
        #expect(verdict.codes == ["in_pipeline"])
        #expect(verdict.explanation == ["Job 12: already put to them: interview since 2 Nov 2026. Move it on in the pipeline instead."])
    }

    @Test("a job already pitched is reported once, as pitched, not again as in the pipeline")
    func pitchedAndPresentedOnce() {
        let presented = submission(through: [.presented])
        let verdict = ContactPolicy().verdict(
            kind: .opportunity, candidate: Fixture.candidate, jobs: [Fixture.job], history: [Fixture.pitch(12, daysAgo: 40)],
            submissions: [presented], now: Fixture.now)
        #expect(verdict.codes == ["already_pitched"])
    }

    @Test("the gate names jobs by title and client where it knows them, in every reason")
    func namesJobs() {
        let names = [JobID(12): "Platform Engineer at Kiwibank"]
        let low = ContactPolicy().verdict(
            kind: .opportunity, candidate: Fixture.candidate, jobs: [PitchedJob(jobID: JobID(12), fit: 40)], jobNames: names, now: Fixture.now)
        #expect(low.explanation == ["Platform Engineer at Kiwibank fits 40 of 100, below the firm's threshold of 60."])
        let pitched = ContactPolicy().verdict(
            kind: .opportunity, candidate: Fixture.candidate, jobs: [Fixture.job], history: [Fixture.pitch(12, daysAgo: 3)], jobNames: names,
            now: Fixture.now)
        #expect(pitched.explanation == ["Platform Engineer at Kiwibank was already pitched to this person (or is queued to go) on 25 Nov 2026."])
    }
}
