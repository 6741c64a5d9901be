import Foundation
import RapportCore
import Testing

@Suite("Submission pipeline: one candidate × one job, every move recorded")
struct SubmissionPipelineTests {
    static let recruiter = UserID(7)
    static let lead = UserID(8)
    static let start = Date(timeIntervalSince1970: 1_795_000_000)

    /// The transition table exactly as the product design states it, written out independently of the code.
    static let design: [SubmissionStage: [SubmissionStage]] = [
        .shortlisted: [.presented, .withdrawn],
        .presented: [.candidateInterested, .candidateDeclined, .withdrawn],
        .candidateInterested: [.submitted, .candidateDeclined, .withdrawn],
        .submitted: [.interview, .clientRejected, .candidateDeclined, .withdrawn],
        .interview: [.interview, .offer, .clientRejected, .candidateDeclined, .withdrawn],
        .offer: [.placed, .candidateDeclined, .clientRejected, .withdrawn],
        .placed: [],
        .candidateDeclined: [],
        .clientRejected: [],
        .withdrawn: [],
    ]

    /// A path of allowed moves from the shortlist to each stage.
    static let pathTo: [SubmissionStage: [SubmissionStage]] = [
        .shortlisted: [],
        .presented: [.presented],
        .candidateInterested: [.presented, .candidateInterested],
        .submitted: [.presented, .candidateInterested, .submitted],
        .interview: [.presented, .candidateInterested, .submitted, .interview],
        .offer: [.presented, .candidateInterested, .submitted, .interview, .offer],
        .placed: [.presented, .candidateInterested, .submitted, .interview, .offer, .placed],
        .candidateDeclined: [.presented, .candidateDeclined],
        .clientRejected: [.presented, .candidateInterested, .submitted, .clientRejected],
        .withdrawn: [.withdrawn],
    ]

    static func minutes(_ count: Int) -> Date { start.addingTimeInterval(Double(count) * 60) }

    static func fresh(_ id: Int64 = 1) -> Submission {
        .shortlisted(id: SubmissionID(id), candidateID: CandidateID(100 + id), jobID: JobID(200), by: recruiter, at: start)
    }

    /// A change to `stage` one minute after the submission's last move, with a reason when the stage needs one.
    static func change(to stage: SubmissionStage, after submission: Submission, by: UserID = recruiter) -> SubmissionChange {
        SubmissionChange(
            to: stage, by: by, at: submission.lastMovedAt.addingTimeInterval(60),
            reason: stage == .candidateDeclined ? .pay : nil)
    }

    /// A submission moved along `pathTo[stage]`.
    static func at(_ stage: SubmissionStage, id: Int64 = 1) throws -> Submission {
        var submission = fresh(id)
        for next in try #require(pathTo[stage]) {
            submission = try submission.advanced(change(to: next, after: submission)).submission
        }
        try #require(submission.stage == stage)
        return submission
    }

    /// The issues a refused move reports; empty when the move was accepted.
    static func issues(_ submission: Submission, _ change: SubmissionChange) -> [ValidationIssue] {
        do {
            _ = try submission.advanced(change)
            return []
        } catch {
            guard case .invalid(let issues) = error else { return [ValidationIssue(field: "?", message: "\(error)")] }
            return issues
        }
    }

    // MARK: The stages and the table

    @Test("stages are stored under the design's snake_case names, in pipeline order")
    func rawValues() {
        #expect(SubmissionStage.allCases.map(\.rawValue) == [
            "shortlisted", "presented", "candidate_interested", "submitted", "interview", "offer", "placed",
            "candidate_declined", "client_rejected", "withdrawn",
        ])
    }

    @Test("the code's transition table is the design's, stage by stage", arguments: SubmissionStage.allCases)
    func tableMatchesDesign(stage: SubmissionStage) throws {
        #expect(stage.next == (try #require(Self.design[stage])))
    }

    @Test("a few moves the design spells out, checked by hand")
    func explicitExpectations() {
        #expect(SubmissionStage.shortlisted.next == [.presented, .withdrawn])
        #expect(SubmissionStage.offer.next == [.placed, .candidateDeclined, .clientRejected, .withdrawn])
        #expect(SubmissionStage.interview.allows(.interview))
        #expect(!SubmissionStage.shortlisted.allows(.submitted), "nobody is sent to a client before they said yes")
        #expect(!SubmissionStage.shortlisted.allows(.candidateDeclined), "a candidate cannot decline an opening never put to them")
        #expect(!SubmissionStage.presented.allows(.clientRejected), "a client cannot reject a profile it never received")
        #expect(!SubmissionStage.offer.allows(.interview))
    }

    @Test("placed, candidate declined, client rejected and withdrawn are final; the rest are active")
    func terminalAndActive() {
        let final: Set<SubmissionStage> = [.placed, .candidateDeclined, .clientRejected, .withdrawn]
        #expect(Set(SubmissionStage.allCases.filter(\.isTerminal)) == final)
        #expect(Set(SubmissionStage.allCases.filter(\.isActive)) == Set(SubmissionStage.allCases).subtracting(final))
    }

    // MARK: Moving a submission

    @Test("a submission created on the shortlist records its creation as the first event")
    func creation() {
        let submission = Self.fresh()
        #expect(submission.stage == .shortlisted)
        #expect(submission.version == 1)
        #expect(submission.history == [SubmissionEvent(from: nil, to: .shortlisted, at: Self.start, by: Self.recruiter)])
        #expect(!submission.reachedPresentation)
    }

    @Test("the happy path runs through every stage to a placement, recording who moved it and when")
    func happyPath() throws {
        var submission = Self.fresh()
        let path: [SubmissionStage] = [.presented, .candidateInterested, .submitted, .interview, .offer, .placed]
        var presentations = 0
        for (index, stage) in path.enumerated() {
            let by = index.isMultiple(of: 2) ? Self.recruiter : Self.lead
            let previous = submission.stage
            let advance = try submission.advanced(
                SubmissionChange(to: stage, by: by, at: Self.minutes(index + 1), note: "step \(index + 1)"))
            #expect(advance.event == SubmissionEvent(
                from: previous, to: stage, at: Self.minutes(index + 1), by: by, note: "step \(index + 1)"))
            #expect(advance.submission.history.last == advance.event)
            #expect(!advance.opensObligationToTellCandidate)
            #expect(advance.suggestedChange == nil)
            if advance.countsAsPresentation { presentations += 1 }
            #expect(advance.countsAsPresentation == (stage == .presented))
            submission = advance.submission
        }
        #expect(presentations == 1)
        #expect(submission.stage == .placed)
        #expect(submission.version == 1 + path.count)
        #expect(submission.history.map(\.to) == [.shortlisted] + path)
        #expect(submission.history.map(\.from) == [nil, .shortlisted, .presented, .candidateInterested, .submitted, .interview, .offer])
        #expect(submission.history.map(\.by) == [Self.recruiter, Self.recruiter, Self.lead, Self.recruiter, Self.lead, Self.recruiter, Self.lead])
        #expect(submission.history.map(\.at) == [Self.start] + (1...6).map(Self.minutes))
        #expect(submission.reachedPresentation)
        #expect(submission.createdAt == Self.start && submission.createdBy == Self.recruiter)
    }

    @Test("every move is allowed exactly when the design's table allows it",
          arguments: SubmissionStage.allCases, SubmissionStage.allCases)
    func everyPair(from: SubmissionStage, to: SubmissionStage) throws {
        let submission = try Self.at(from)
        let allowed = try #require(Self.design[from]).contains(to)
        let found = Self.issues(submission, Self.change(to: to, after: submission))
        if allowed {
            #expect(found.isEmpty, "\(from.rawValue) → \(to.rawValue) should be allowed")
        } else {
            #expect(found.map(\.field) == ["to"], "\(from.rawValue) → \(to.rawValue) should be refused")
            #expect(found.first?.message.hasPrefix("cannot move from \(from.rawValue) to \(to.rawValue)") == true)
        }
    }

    @Test("a refused move names the stages that are allowed")
    func refusalListsAllowed() throws {
        let offer = try Self.at(.offer)
        let found = Self.issues(offer, SubmissionChange(to: .shortlisted, by: Self.recruiter, at: Self.minutes(60)))
        #expect(found == [ValidationIssue(
            field: "to", message: "cannot move from offer to shortlisted; allowed: placed, candidate_declined, client_rejected, withdrawn")])
    }

    @Test("a final stage refuses every move, saying it is final",
          arguments: [SubmissionStage.placed, .candidateDeclined, .clientRejected, .withdrawn])
    func terminalRefuses(stage: SubmissionStage) throws {
        let submission = try Self.at(stage)
        for target in SubmissionStage.allCases {
            let found = Self.issues(submission, Self.change(to: target, after: submission))
            #expect(found.map(\.field) == ["to"])
            #expect(found.first?.message.contains("\(stage.rawValue) is final; allowed: none") == true)
        }
    }

    @Test("another interview round is allowed, each round recorded, before an offer")
    func interviewRounds() throws {
        var submission = try Self.at(.interview)
        for _ in 1...2 {
            let advance = try submission.advanced(Self.change(to: .interview, after: submission))
            #expect(advance.event.from == .interview && advance.event.to == .interview)
            submission = advance.submission
        }
        submission = try submission.advanced(Self.change(to: .offer, after: submission)).submission
        #expect(submission.history.filter { $0.to == .interview }.count == 3)
        #expect(submission.stage == .offer)
        #expect(submission.version == 8)
    }

    // MARK: Declines and their reasons

    @Test("a candidate's no without a reason is refused", arguments: [SubmissionStage.presented, .candidateInterested, .submitted, .interview, .offer])
    func declineNeedsReason(stage: SubmissionStage) throws {
        let submission = try Self.at(stage)
        let found = Self.issues(submission, SubmissionChange(to: .candidateDeclined, by: Self.recruiter, at: Self.minutes(60)))
        #expect(found.map(\.field) == ["reason"])
        #expect(found.first?.message.contains("happy_where_i_am") == true, "the message lists the reasons to choose from")
    }

    @Test("a candidate's no with a reason is recorded and asks the recruiter to review that preference",
          arguments: DeclineReason.allCases)
    func declineSuggestsPreference(reason: DeclineReason) throws {
        let submission = try Self.at(.presented)
        let advance = try submission.advanced(
            SubmissionChange(to: .candidateDeclined, by: Self.recruiter, at: Self.minutes(60), reason: reason, note: "said no on the phone"))
        #expect(advance.submission.stage == .candidateDeclined)
        #expect(advance.event.reason == reason)
        #expect(advance.suggestedChange == .reviewPreference(reason, suggestion: reason.suggestion))
        #expect(advance.suggestedChange?.needsConfirmation == true)
        #expect(!advance.opensObligationToTellCandidate, "the candidate ended it themselves")
    }

    @Test("the pay reason suggests raising minimum pay, in the words recruiters see")
    func paySuggestionText() throws {
        let advance = try Self.at(.offer).advanced(
            SubmissionChange(to: .candidateDeclined, by: Self.recruiter, at: Self.minutes(60), reason: .pay))
        #expect(advance.suggestedChange == .reviewPreference(.pay, suggestion: "Raise minimum pay: the offered pay was too low"))
    }

    @Test("a reason on any move other than a decline is refused",
          arguments: [(SubmissionStage.shortlisted, SubmissionStage.presented), (.presented, .candidateInterested),
                      (.submitted, .clientRejected), (.offer, .placed), (.interview, .withdrawn)])
    func reasonOnlyForDecline(from: SubmissionStage, to: SubmissionStage) throws {
        let submission = try Self.at(from)
        let found = Self.issues(submission, SubmissionChange(to: to, by: Self.recruiter, at: Self.minutes(60), reason: .location))
        #expect(found.map(\.field) == ["reason"])
        #expect(found.first?.message == "is only allowed for a move to candidate_declined (got location for a move to \(to.rawValue))")
    }

    // MARK: Consequences

    @Test("a client rejection, or a withdrawal after presentation, opens the duty to tell the candidate; no other move does")
    func obligationToTell() throws {
        for (from, targets) in Self.design {
            for to in targets {
                let submission = try Self.at(from)
                let advance = try submission.advanced(Self.change(to: to, after: submission))
                let expected = to == .clientRejected || (to == .withdrawn && from != .shortlisted)
                #expect(advance.opensObligationToTellCandidate == expected, "\(from.rawValue) → \(to.rawValue)")
            }
        }
    }

    @Test("withdrawing someone from the shortlist tells nobody: they never heard of the job")
    func shortlistWithdrawalIsSilent() throws {
        let advance = try Self.fresh().advanced(SubmissionChange(to: .withdrawn, by: Self.recruiter, at: Self.minutes(1)))
        #expect(advance.submission.stage == .withdrawn)
        #expect(!advance.opensObligationToTellCandidate)
        #expect(!advance.countsAsPresentation)
    }

    @Test("a client rejection after interview opens the obligation")
    func clientRejectionAfterInterview() throws {
        let advance = try Self.at(.interview).advanced(
            SubmissionChange(to: .clientRejected, by: Self.lead, at: Self.minutes(60), note: "went with an internal hire"))
        #expect(advance.opensObligationToTellCandidate)
        #expect(advance.event.by == Self.lead && advance.event.note == "went with an internal hire")
    }

    // MARK: Time, notes and several problems at once

    @Test("a move dated before the last one is refused; one at the same instant is accepted")
    func timeGoesForward() throws {
        let submission = try Self.at(.submitted)
        let last = submission.lastMovedAt
        let found = Self.issues(submission, SubmissionChange(to: .interview, by: Self.recruiter, at: last.addingTimeInterval(-1)))
        #expect(found.map(\.field) == ["at"])
        #expect(Self.issues(submission, SubmissionChange(to: .interview, by: Self.recruiter, at: last)).isEmpty)
    }

    @Test("a note may be empty or up to 2000 characters, not longer")
    func noteLength() throws {
        let submission = try Self.at(.presented)
        let move = { (note: String) in SubmissionChange(to: .candidateInterested, by: Self.recruiter, at: Self.minutes(60), note: note) }
        #expect(Self.issues(submission, move("")).isEmpty)
        #expect(Self.issues(submission, move(String(repeating: "a", count: 2000))).isEmpty)
        #expect(Self.issues(submission, move(String(repeating: "a", count: 2001))).map(\.field) == ["note"])
    }

    @Test("every problem with one request is reported together, and the submission is untouched")
    func severalProblems() throws {
        let submission = try Self.at(.offer)
        let change = SubmissionChange(
            to: .shortlisted, by: Self.recruiter, at: Self.start.addingTimeInterval(-60), reason: .pay,
            note: String(repeating: "x", count: 2001))
        #expect(Self.issues(submission, change).map(\.field) == ["to", "reason", "at", "note"])
        #expect(submission.stage == .offer && submission.version == 6)
    }

    // MARK: Scorecard counts

    @Test("five submissions, three presented and one placed, make three openings presented per placement")
    func counts() throws {
        let placed = try Self.at(.placed, id: 1)
        let rejected = try Self.at(.clientRejected, id: 2)
        let declined = try Self.at(.candidateDeclined, id: 3)
        let withdrawnFromShortlist = try Self.at(.withdrawn, id: 4)
        let waiting = Self.fresh(5)
        let olderCopyOfPlaced = try Self.at(.offer, id: 1)
        let counts = PipelineCounts([placed, rejected, declined, withdrawnFromShortlist, waiting, olderCopyOfPlaced])
        #expect(counts == PipelineCounts(presented: 3, placed: 1, clientRejected: 1, candidateDeclined: 1, withdrawn: 1))
        #expect(counts.openingsPresentedPerPlacement == 3.0)
    }

    @Test("a withdrawal after presentation still counts the opening as presented")
    func withdrawnAfterPresentation() throws {
        var submission = try Self.at(.candidateInterested)
        submission = try submission.advanced(Self.change(to: .withdrawn, after: submission)).submission
        #expect(submission.reachedPresentation)
        #expect(PipelineCounts([submission]) == PipelineCounts(presented: 1, withdrawn: 1))
    }

    @Test("with no placements there is no ratio")
    func noPlacements() throws {
        let counts = PipelineCounts([try Self.at(.presented), Self.fresh(2)])
        #expect(counts.presented == 1)
        #expect(counts.openingsPresentedPerPlacement == nil)
        #expect(PipelineCounts([]).openingsPresentedPerPlacement == nil)
    }
}
