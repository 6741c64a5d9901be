import Foundation
import RapportCore
import Testing

@Suite("Scorecards: quality figures per period, a score that needs enough answers, and activity kept apart")
struct ScorecardTests {
    static let october = ScorecardPeriod("2026-10")!
    static let recruiter = ScorecardSubject.recruiter(UserID(1))

    /// An instant written `2026-10-05 09:00`, in UTC.
    static func at(_ text: String) -> Date {
        try! Date(text.replacingOccurrences(of: " ", with: "T") + ":00Z", strategy: .iso8601)
    }

    static func day(_ text: String) -> LocalDate { LocalDate(text)! }

    static func isClose(_ value: Double?, _ expected: Double) -> Bool {
        guard let value else { return false }
        return abs(value - expected) < 1e-9
    }

    /// Answered surveys, one per score, sent and answered on the given day.
    static func answers(_ scores: [Int], on day: String = "2026-10-10", understood: [Int?] = []) -> [SurveyFact] {
        scores.enumerated().map { index, score in
            SurveyFact(sentAt: at("\(day) 09:00"), answeredAt: at("\(day) 18:00"), nps: score,
                       understood: index < understood.count ? understood[index] : nil)
        }
    }

    // MARK: - The October fixture, every figure worked out by hand

    static let octoberAsOf = at("2026-11-02 12:00")

    /// October 2026, seen on 2 November at noon.
    static var octoberFacts: ScorecardFacts {
        // Surveys. 20 answered in October: 11 promoters, 4 passives, 5 detractors -> 55% - 25% = NPS 30.
        // 16 of them say how well they were understood: ten 5s, four 4s, two 2s -> 70 / 16 = 4.375.
        let scores = [10, 10, 10, 10, 9, 9, 9, 9, 9, 9, 9, 8, 8, 7, 7, 6, 5, 3, 0, 0]
        let understood: [Int?] = [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 2, 2]
        var surveys = scores.enumerated().map { index, score in
            // The first two were sent in September: they count as October answers, not as October sends.
            SurveyFact(sentAt: at(index < 2 ? "2026-09-28 09:00" : "2026-10-03 09:00"), answeredAt: at("2026-10-\(10 + index % 15) 12:00"),
                       nps: score, understood: index < understood.count ? understood[index] : nil)
        }
        surveys += [
            // Sent in October, unanswered (4).
            SurveyFact(sentAt: at("2026-10-04 09:00")), SurveyFact(sentAt: at("2026-10-05 09:00")),
            SurveyFact(sentAt: at("2026-10-06 09:00")), SurveyFact(sentAt: at("2026-10-07 09:00")),
            // Sent in October, answered 1 November: answered for the rate, but a November answer for NPS.
            SurveyFact(sentAt: at("2026-10-30 09:00"), answeredAt: at("2026-11-01 10:00"), nps: 0, understood: 1),
            // Sent in October, answered after asOf: still unanswered as of the card.
            SurveyFact(sentAt: at("2026-10-31 09:00"), answeredAt: at("2026-11-05 10:00"), nps: 0),
            // September: ignored.
            SurveyFact(sentAt: at("2026-09-01 09:00"), answeredAt: at("2026-09-02 09:00"), nps: 0, understood: 1),
        ]
        // Sent in October: 18 + 4 + 1 + 1 = 24; of those answered by asOf: 18 + 1 = 19.

        // Replies received in October (hours to answer in brackets):
        let replies = [
            ReplyFact(receivedAt: at("2026-10-01 09:00"), dueAt: at("2026-10-02 09:00"), answeredAt: at("2026-10-01 15:00")),  // in SLA (6)
            ReplyFact(receivedAt: at("2026-10-05 09:00"), dueAt: at("2026-10-06 09:00"), answeredAt: at("2026-10-06 09:00")),  // at due: in SLA (24)
            ReplyFact(receivedAt: at("2026-10-07 10:00"), dueAt: at("2026-10-08 10:00"), answeredAt: at("2026-10-09 12:00")),  // late (50)
            ReplyFact(receivedAt: at("2026-10-10 09:00"), dueAt: at("2026-10-11 09:00"), answeredAt: at("2026-10-12 09:00")),  // late (48)
            ReplyFact(receivedAt: at("2026-10-12 09:00"), dueAt: at("2026-10-13 09:00")),  // never answered: missed
            ReplyFact(receivedAt: at("2026-10-15 09:00"), dueAt: at("2026-10-16 09:00"), answeredAt: at("2026-10-15 13:00")),  // in SLA (4)
            ReplyFact(receivedAt: at("2026-10-20 08:00"), dueAt: at("2026-10-21 08:00"), answeredAt: at("2026-10-20 10:00")),  // in SLA (2)
            ReplyFact(receivedAt: at("2026-10-22 09:00"), dueAt: at("2026-10-23 09:00"), answeredAt: at("2026-10-22 17:00")),  // in SLA (8)
            ReplyFact(receivedAt: at("2026-10-26 09:00"), dueAt: at("2026-10-27 09:00"), answeredAt: at("2026-10-27 07:00")),  // in SLA (22)
            // Answered only after asOf: missed as of the card, and no time to answer yet.
            ReplyFact(receivedAt: at("2026-10-29 09:00"), dueAt: at("2026-10-30 09:00"), answeredAt: at("2026-11-04 09:00")),
            // Still inside its deadline at asOf: not judged.
            ReplyFact(receivedAt: at("2026-10-31 20:00"), dueAt: at("2026-11-03 09:00")),
            // September: ignored.
            ReplyFact(receivedAt: at("2026-09-30 22:00"), dueAt: at("2026-10-01 22:00")),
        ]
        // Judged 10, within SLA 6 -> 0.6. Answered: 2, 4, 6, 8, 22, 24, 48, 50 -> median (8 + 22) / 2 = 15 hours.

        // Open obligations: September and 1 November are overdue, one due exactly at asOf is overdue, 3 November is not -> 3.
        let openDue = [at("2026-09-10 09:00"), at("2026-11-01 09:00"), octoberAsOf, at("2026-11-03 09:00")]

        // Pitches in October: 25. Jobs: 28, fits summing to 140 + 90 + 40 + 150 + 100 + 20 + 19 × 60 = 1680 -> average 60.
        // Feedback from 5 (3 relevant -> 0.6); 1 override, 1 opt-out.
        var pitches = [
            PitchFact(sentAt: at("2026-10-02 10:00"), candidateID: CandidateID(1), fits: [80, 60], relevant: true),
            PitchFact(sentAt: at("2026-10-03 10:00"), candidateID: CandidateID(2), fits: [90], relevant: true),
            PitchFact(sentAt: at("2026-10-06 10:00"), candidateID: CandidateID(3), fits: [40], relevant: false, overridden: true),
            PitchFact(sentAt: at("2026-10-09 10:00"), candidateID: CandidateID(4), fits: [70, 50, 30]),
            PitchFact(sentAt: at("2026-10-14 10:00"), candidateID: CandidateID(6), fits: [100], relevant: true),
            PitchFact(sentAt: at("2026-10-21 10:00"), candidateID: CandidateID(5), fits: [20], relevant: false, optedOutAfter: true),
        ]
        pitches += (0..<19).map { PitchFact(sentAt: at("2026-10-\(10 + $0) 11:00"), candidateID: CandidateID(100 + Int64($0)), fits: [60]) }
        pitches += [
            // Outside October: ignored, or they would move every relevance figure.
            PitchFact(sentAt: at("2026-09-30 23:59"), candidateID: CandidateID(7), fits: [0], relevant: false, overridden: true, optedOutAfter: true),
            PitchFact(sentAt: at("2026-11-01 09:00"), candidateID: CandidateID(8), fits: [0], relevant: false, overridden: true),
        ]

        // First pitches in October: candidates 1, 2, 3, 4 and 6; discovery at or before it for 1, 2 (same instant) and 6 -> 3 / 5.
        // Candidate 5 was first pitched in September (by someone else in the subject), so the October pitch is not their first.
        let firstPitches = [
            FirstPitchFact(candidateID: CandidateID(1), firstPitchAt: at("2026-10-02 10:00"), firstDiscoveryAt: at("2026-09-20 10:00")),
            FirstPitchFact(candidateID: CandidateID(2), firstPitchAt: at("2026-10-03 10:00"), firstDiscoveryAt: at("2026-10-03 10:00")),
            FirstPitchFact(candidateID: CandidateID(3), firstPitchAt: at("2026-10-06 10:00"), firstDiscoveryAt: at("2026-10-08 10:00")),
            FirstPitchFact(candidateID: CandidateID(4), firstPitchAt: at("2026-10-09 10:00")),
            FirstPitchFact(candidateID: CandidateID(5), firstPitchAt: at("2026-09-12 10:00")),
            FirstPitchFact(candidateID: CandidateID(5), firstPitchAt: at("2026-10-21 10:00")),
            FirstPitchFact(candidateID: CandidateID(6), firstPitchAt: at("2026-10-14 10:00"), firstDiscoveryAt: at("2026-10-01 10:00")),
        ]

        // Presented in October: 5.
        let presentations = ["2026-09-29 10:00", "2026-10-03 10:00", "2026-10-10 10:00", "2026-10-17 10:00", "2026-10-24 10:00",
                             "2026-10-31 23:00", "2026-11-01 10:00"].map(at)

        // Started in October: 2 (5 presentations / 2 = 2.5 per placement).
        // Ended in October: 5; completed 4 (one cut short); redeployed 3 (next start within 30 days, before the end, or on day 30).
        let placements = [
            PlacementFact(candidateID: CandidateID(1), start: day("2026-10-05")),
            PlacementFact(candidateID: CandidateID(2), start: day("2026-10-19"), end: day("2027-04-30")),
            PlacementFact(candidateID: CandidateID(7), start: day("2026-04-01"), end: day("2026-10-10"), nextStart: day("2026-10-25")),
            PlacementFact(candidateID: CandidateID(8), start: day("2026-06-01"), end: day("2026-10-15"), endedEarly: true),
            PlacementFact(candidateID: CandidateID(9), start: day("2026-01-05"), end: day("2026-10-31"), nextStart: day("2026-12-05")),
            PlacementFact(candidateID: CandidateID(10), start: day("2026-03-01"), end: day("2026-10-20"), nextStart: day("2026-10-01")),
            PlacementFact(candidateID: CandidateID(13), start: day("2026-02-01"), end: day("2026-10-03"), nextStart: day("2026-11-02")),
            PlacementFact(candidateID: CandidateID(11), start: day("2026-09-28"), end: day("2026-09-30"), nextStart: day("2026-10-02")),
            PlacementFact(candidateID: CandidateID(12), start: day("2026-11-02")),
        ]

        return ScorecardFacts(
            surveys: surveys, replies: replies, openObligationDueDates: openDue, pitches: pitches, firstPitches: firstPitches,
            presentations: presentations, placements: placements,
            activity: ActivityCounts(emailsSent: 340, contactsLogged: 55, submissionsCreated: 12)
        )
    }

    @Test("every figure of a month, worked out by hand")
    func octoberCard() {
        // MUT
        let card = Scorecard(subject: Self.recruiter, period: Self.october, facts: Self.octoberFacts, asOf: Self.octoberAsOf)

        // validate
        #expect(card.subject == Self.recruiter && card.period == Self.october && card.asOf == Self.octoberAsOf)

        #expect(card.nps.responses == 20)
        #expect(card.nps.promoters == 11)
        #expect(card.nps.detractors == 5)
        #expect(card.nps.score == 30)
        #expect(card.nps.sent == 24)
        #expect(card.nps.answeredOfSent == 19)
        #expect(Self.isClose(card.nps.responseRate, 19.0 / 24.0))
        #expect(Self.isClose(card.nps.understoodAverage, 4.375))

        #expect(card.responsiveness.judged == 10)
        #expect(card.responsiveness.withinSLA == 6)
        #expect(card.responsiveness.pending == 1)
        #expect(Self.isClose(card.responsiveness.shareWithinSLA, 0.6))
        #expect(Self.isClose(card.responsiveness.medianHoursToAnswer, 15))
        #expect(card.responsiveness.overdueNow == 3)

        #expect(card.relevance.pitches == 25)
        #expect(Self.isClose(card.relevance.averageFit, 60))
        #expect(card.relevance.feedbackAnswers == 5)
        #expect(card.relevance.markedRelevant == 3)
        #expect(Self.isClose(card.relevance.shareRelevant, 0.6))
        #expect(card.relevance.optOuts == 1)
        #expect(card.relevance.gateOverrides == 1)

        #expect(card.relationship.firstPitches == 5)
        #expect(card.relationship.discoveredFirst == 3)
        #expect(Self.isClose(card.relationship.discoveryBeforeFirstPitch, 0.6))
        #expect(card.relationship.presentations == 5)
        #expect(Self.isClose(card.relationship.openingsPresentedPerPlacement, 2.5))
        #expect(card.relationship.assignmentsEnded == 5)
        #expect(card.relationship.redeployed == 3)
        #expect(Self.isClose(card.relationship.redeploymentRate, 0.6))

        #expect(card.outcomes.placements == 2)
        #expect(card.outcomes.completedAssignments == 4)

        #expect(card.activity == ActivityCounts(emailsSent: 340, contactsLogged: 55, submissionsCreated: 12))

        // Quality, all four parts present:
        //   NPS            (30 + 100) / 2                       = 65  × 0.40 = 26
        //   responsiveness 100 × 0.6                            = 60  × 0.25 = 15
        //   relevance      5 feedback answers < 10, so fit 60;
        //                  penalty 5 × (1 + 1) × 100 / 25 = 40  = 20  × 0.25 =  5
        //   relationship   100 × 0.6                            = 60  × 0.10 =  6
        //   score = 26 + 15 + 5 + 6 = 52
        #expect(card.quality.value == 52)
        guard case .scored(_, let components, let weights) = card.quality else {
            Issue.record("expected a score, got \(card.quality)")
            return
        }
        #expect(Self.isClose(components[.nps], 65))
        #expect(Self.isClose(components[.responsiveness], 60))
        #expect(Self.isClose(components[.relevance], 20))
        #expect(Self.isClose(components[.relationship], 60))
        #expect(Self.isClose(weights[.nps], 0.40) && Self.isClose(weights[.responsiveness], 0.25))
        #expect(Self.isClose(weights[.relevance], 0.25) && Self.isClose(weights[.relationship], 0.10))
    }

    // MARK: - Periods

    @Test("items just outside a month are ignored, at both ends")
    func monthBoundaries() {
        // setup: one item of each kind on each side of each boundary of October.
        let facts = Self.boundaryFacts

        // MUT
        let card = Scorecard(subject: Self.recruiter, period: Self.october, facts: facts, asOf: Self.at("2027-02-01 00:00"))

        // validate: only the 1 October items count.
        #expect(card.nps.responses == 1 && card.nps.sent == 1 && card.nps.score == 100)
        #expect(card.responsiveness.judged == 1)
        #expect(card.relevance.pitches == 1)
        #expect(card.relationship.firstPitches == 1 && card.relationship.presentations == 1)
        #expect(card.outcomes.placements == 1 && card.outcomes.completedAssignments == 1)
    }

    @Test("a quarter takes its three months and nothing either side")
    func quarterBoundaries() {
        // MUT
        let card = Scorecard(subject: Self.recruiter, period: ScorecardPeriod("2026-Q4")!, facts: Self.boundaryFacts,
                             asOf: Self.at("2027-02-01 00:00"))

        // validate: 1 October, 15 November and 31 December count; 30 September and 1 January do not.
        #expect(card.nps.responses == 3 && card.nps.sent == 3)
        #expect(card.responsiveness.judged == 3)
        #expect(card.relevance.pitches == 3)
        #expect(card.relationship.firstPitches == 3 && card.relationship.presentations == 3)
        #expect(card.outcomes.placements == 3 && card.outcomes.completedAssignments == 3)
    }

    /// One of everything at 30 Sep 23:59, 1 Oct 00:00, 15 Nov 12:00, 31 Dec 23:59 and 1 Jan 00:00.
    static var boundaryFacts: ScorecardFacts {
        let instants = ["2026-09-30 23:59", "2026-10-01 00:00", "2026-11-15 12:00", "2026-12-31 23:59", "2027-01-01 00:00"].map(at)
        let days = ["2026-09-30", "2026-10-01", "2026-11-15", "2026-12-31", "2027-01-01"].map(day)
        return ScorecardFacts(
            surveys: instants.map { SurveyFact(sentAt: $0, answeredAt: $0, nps: 10) },
            replies: instants.map { ReplyFact(receivedAt: $0, dueAt: $0.addingTimeInterval(3_600), answeredAt: $0) },
            pitches: instants.enumerated().map { PitchFact(sentAt: $1, candidateID: CandidateID(Int64($0)), fits: [50]) },
            firstPitches: instants.enumerated().map { FirstPitchFact(candidateID: CandidateID(Int64($0)), firstPitchAt: $1) },
            presentations: instants,
            placements: days.enumerated().map { PlacementFact(candidateID: CandidateID(Int64($0)), start: $1, end: $1) }
        )
    }

    @Test("periods read only as YYYY-MM or YYYY-Qn", arguments: [
        ("2026-10", "2026-10"), ("2026-01", "2026-01"), ("2026-Q4", "2026-Q4"), ("2026-Q1", "2026-Q1"),
        ("2026-13", nil), ("2026-00", nil), ("2026-Q5", nil), ("2026-Q0", nil), ("2026-q4", nil), ("2026-Q04", nil),
        ("abc", nil), ("", nil), ("2026-10-01", nil), ("26-Q4", nil), ("1899-Q4", nil), ("2026-Qx", nil),
    ] as [(String, String?)])
    func parsing(text: String, expected: String?) {
        #expect(ScorecardPeriod(text)?.description == expected)
    }

    @Test("a typed period that does not read is a validation error on its field")
    func validating() throws {
        #expect(throws: RapportError.invalid(field: "period", "must be a month such as 2026-10 or a quarter such as 2026-Q4 (got \"2026-Q5\")")) {
            try ScorecardPeriod(validating: "2026-Q5")
        }
        #expect(try ScorecardPeriod(validating: "2026-Q4") == .quarter(year: 2026, quarter: 4))
    }

    @Test("quarters run from midnight UTC on their first day to midnight after their last")
    func quarterIntervals() throws {
        let q4 = try #require(ScorecardPeriod("2026-Q4"))
        #expect(q4.interval.start == Self.at("2026-10-01 00:00"))
        #expect(q4.interval.end == Self.at("2027-01-01 00:00"))
        let q1 = try #require(ScorecardPeriod("2024-Q1"))
        #expect(q1.interval.start == Self.at("2024-01-01 00:00"))
        #expect(q1.interval.end == Self.at("2024-04-01 00:00"))
        #expect(q1.interval.duration == 91 * 86_400)  // 31 + 29 + 31: a leap year
        #expect(ScorecardPeriod("2026-Q2")!.interval.start == Self.at("2026-04-01 00:00"))
        #expect(ScorecardPeriod("2026-Q3")!.interval.end == Self.at("2026-10-01 00:00"))

        #expect(!q4.contains(Self.day("2026-09-30")))
        #expect(q4.contains(Self.day("2026-10-01")))
        #expect(q4.contains(Self.day("2026-12-31")))
        #expect(!q4.contains(Self.day("2027-01-01")))
        #expect(q4.contains(Self.at("2026-12-31 23:59")))
        #expect(!q4.contains(Self.at("2027-01-01 00:00")))
    }

    @Test("months: intervals, the current month, and the period before")
    func months() {
        let february = ScorecardPeriod("2024-02")!
        #expect(february.interval.start == Self.at("2024-02-01 00:00"))
        #expect(february.interval.end == Self.at("2024-03-01 00:00"))
        #expect(Self.october.interval.end == Self.at("2026-11-01 00:00"))

        #expect(ScorecardPeriod.current(at: Self.at("2026-10-31 23:59")) == Self.october)
        #expect(ScorecardPeriod.current(at: Self.at("2026-11-01 00:00")).description == "2026-11")

        #expect(Self.october.previous?.description == "2026-09")
        #expect(ScorecardPeriod("2026-01")!.previous?.description == "2025-12")
        #expect(ScorecardPeriod("2026-Q1")!.previous?.description == "2025-Q4")
        #expect(ScorecardPeriod("2026-Q4")!.previous?.description == "2026-Q3")
        #expect(ScorecardPeriod("1900-01")!.previous == nil)
        #expect(ScorecardPeriod(year: 2026, quarter: 5) == nil)
    }

    // MARK: - The score

    @Test("14 answers give no score; the 15th gives one")
    func minimumSample() {
        let fourteen = ScorecardFacts(surveys: Self.answers(Array(repeating: 10, count: 14)))
        let fifteen = ScorecardFacts(surveys: Self.answers(Array(repeating: 10, count: 15)))

        let notYet = Scorecard(subject: Self.recruiter, period: Self.october, facts: fourteen, asOf: Self.octoberAsOf)
        let scored = Scorecard(subject: Self.recruiter, period: Self.october, facts: fifteen, asOf: Self.octoberAsOf)

        #expect(QualityScore.minimumResponses == 15)
        #expect(notYet.quality == .notEnoughData(responses: 14, needed: 15))
        #expect(notYet.quality.value == nil)
        #expect(notYet.nps.score == 100)  // the figure itself is still shown
        // Only NPS has data: (100 + 100) / 2 = 100 with all the weight.
        #expect(scored.quality == .scored(100, components: [.nps: 100], weights: [.nps: 1]))
    }

    @Test("activity never moves the score or the ranking")
    func activityIsNotScored() {
        // setup
        var quiet = Self.octoberFacts
        quiet.activity = ActivityCounts()
        var busy = Self.octoberFacts
        busy.activity = ActivityCounts(emailsSent: 10_000, contactsLogged: 10_000, submissionsCreated: 10_000)
        let strong = ScorecardFacts(surveys: Self.answers(Array(repeating: 9, count: 15)))

        // MUT
        let quietCard = Scorecard(subject: .recruiter(UserID(1)), period: Self.october, facts: quiet, asOf: Self.octoberAsOf)
        let busyCard = Scorecard(subject: .recruiter(UserID(1)), period: Self.october, facts: busy, asOf: Self.octoberAsOf)
        let strongQuiet = Scorecard(subject: .recruiter(UserID(2)), period: Self.october, facts: strong, asOf: Self.octoberAsOf)

        // validate
        #expect(quietCard.quality == busyCard.quality)
        #expect(quietCard.quality.value == 52)
        #expect(Scorecard.ranked([busyCard, strongQuiet]).map(\.subject) == [.recruiter(UserID(2)), .recruiter(UserID(1))])
        #expect(Scorecard.ranked([quietCard, strongQuiet]).map(\.subject) == [.recruiter(UserID(2)), .recruiter(UserID(1))])
    }

    @Test("ranking: best score first, unscored last, ties by subject")
    func ranking() {
        // setup
        func card(_ subject: ScorecardSubject, _ facts: ScorecardFacts) -> Scorecard {
            Scorecard(subject: subject, period: Self.october, facts: facts, asOf: Self.octoberAsOf)
        }
        let fifteenNines = ScorecardFacts(surveys: Self.answers(Array(repeating: 9, count: 15)))  // 100
        let few = ScorecardFacts(surveys: Self.answers([10, 10]))  // no score
        var fewButBusy = few
        fewButBusy.activity = ActivityCounts(emailsSent: 9_999)
        let cards = [
            card(.practice(PracticeID(1)), few),
            card(.recruiter(UserID(4)), Self.octoberFacts),  // 52
            card(.recruiter(UserID(3)), fewButBusy),
            card(.recruiter(UserID(1)), Self.octoberFacts),  // 52
            card(.firm, fifteenNines),  // 100
        ]

        // MUT
        let ranked = Scorecard.ranked(cards)

        // validate
        #expect(ranked.map(\.subject) == [.firm, .recruiter(UserID(1)), .recruiter(UserID(4)), .recruiter(UserID(3)), .practice(PracticeID(1))])
        #expect(Scorecard.ranked(cards.reversed()).map(\.subject) == ranked.map(\.subject))
    }

    @Test("a reply still inside its deadline is not judged; an overdue unanswered one is missed")
    func pendingAndMissed() {
        let asOf = Self.at("2026-10-20 12:00")
        let waiting = ReplyFact(receivedAt: Self.at("2026-10-20 09:00"), dueAt: Self.at("2026-10-21 09:00"))
        let overdue = ReplyFact(receivedAt: Self.at("2026-10-18 09:00"), dueAt: Self.at("2026-10-19 09:00"))
        let answeredEarly = ReplyFact(receivedAt: Self.at("2026-10-20 08:00"), dueAt: Self.at("2026-10-21 08:00"),
                                      answeredAt: Self.at("2026-10-20 11:00"))

        let onlyWaiting = Scorecard(subject: Self.recruiter, period: Self.october, facts: ScorecardFacts(replies: [waiting]), asOf: asOf)
        #expect(onlyWaiting.responsiveness.judged == 0)
        #expect(onlyWaiting.responsiveness.pending == 1)
        #expect(onlyWaiting.responsiveness.shareWithinSLA == nil)
        #expect(onlyWaiting.responsiveness.medianHoursToAnswer == nil)

        let mixed = Scorecard(subject: Self.recruiter, period: Self.october,
                              facts: ScorecardFacts(replies: [waiting, overdue, answeredEarly]), asOf: asOf)
        #expect(mixed.responsiveness.judged == 2)
        #expect(mixed.responsiveness.withinSLA == 1)
        #expect(mixed.responsiveness.shareWithinSLA == 0.5)
        #expect(mixed.responsiveness.medianHoursToAnswer == 3)

        // A day later the waiting one has passed its deadline unanswered: missed.
        let later = Scorecard(subject: Self.recruiter, period: Self.october, facts: ScorecardFacts(replies: [waiting]),
                              asOf: Self.at("2026-10-21 09:00"))
        #expect(later.responsiveness.judged == 1 && later.responsiveness.withinSLA == 0)
        #expect(later.responsiveness.shareWithinSLA == 0)
    }

    @Test("parts without data are left out and the other weights scaled up")
    func renormalisation() {
        // setup: 15 answers, 9 promoters, 3 passives, 3 detractors -> 60% - 20% = NPS 40 -> part 70.
        // Relationship: 3 of 4 newly pitched candidates had discovery first -> 75. No replies, no pitches.
        let firstPitches = (1...4).map { index in
            FirstPitchFact(candidateID: CandidateID(Int64(index)), firstPitchAt: Self.at("2026-10-1\(index) 10:00"),
                           firstDiscoveryAt: index == 4 ? nil : Self.at("2026-10-0\(index) 10:00"))
        }
        let facts = ScorecardFacts(surveys: Self.answers([10, 10, 10, 10, 9, 9, 9, 9, 9, 8, 8, 7, 6, 3, 0]), firstPitches: firstPitches)

        // MUT
        let card = Scorecard(subject: Self.recruiter, period: Self.october, facts: facts, asOf: Self.octoberAsOf)

        // validate: weights 0.40 and 0.10 become 0.8 and 0.2; 0.8 × 70 + 0.2 × 75 = 56 + 15 = 71.
        #expect(card.nps.score == 40)
        guard case .scored(let value, let components, let weights) = card.quality else {
            Issue.record("expected a score, got \(card.quality)")
            return
        }
        #expect(value == 71)
        #expect(Set(components.keys) == [.nps, .relationship])
        #expect(Self.isClose(components[.relationship], 75))
        #expect(Self.isClose(weights[.nps], 0.8) && Self.isClose(weights[.relationship], 0.2))
        #expect(weights[.responsiveness] == nil && weights[.relevance] == nil)
    }

    @Test("with 10 or more feedback answers relevance uses the relevant share, less the override penalty")
    func relevanceFromFeedback() {
        // setup: 40 pitches of fit 30. 12 gave feedback, 9 relevant -> 75. 2 overrides: 5 × 2 × 100 / 40 = 25 -> 50.
        let pitches: [PitchFact] = (0..<40).map { (index: Int) -> PitchFact in
            let feedback: Bool? = index < 12 ? index < 9 : nil
            return PitchFact(sentAt: Self.at("2026-10-05 09:00"), candidateID: CandidateID(Int64(index)), fits: [30],
                             relevant: feedback, overridden: index >= 38)
        }
        let facts = ScorecardFacts(surveys: Self.answers(Array(repeating: 8, count: 15)), pitches: pitches)

        // MUT
        let card = Scorecard(subject: Self.recruiter, period: Self.october, facts: facts, asOf: Self.octoberAsOf)

        // validate: NPS 0 -> 50 (weight 0.4 / 0.65), relevance 50 (0.25 / 0.65): every part 50 -> 50.
        guard case .scored(let value, let components, let weights) = card.quality else {
            Issue.record("expected a score, got \(card.quality)")
            return
        }
        #expect(Self.isClose(components[.relevance], 50))
        #expect(Self.isClose(weights[.relevance], 0.25 / 0.65))
        #expect(value == 50)

        // With 9 answers the fit (30) is used instead: 30 - 25 = 5. Score 0.4/0.65 × 50 + 0.25/0.65 × 5 = 32.69… -> 33.
        var fewer = facts
        fewer.pitches[9].relevant = nil
        fewer.pitches[10].relevant = nil
        fewer.pitches[11].relevant = nil
        let fitCard = Scorecard(subject: Self.recruiter, period: Self.october, facts: fewer, asOf: Self.octoberAsOf)
        #expect(fitCard.relevance.feedbackAnswers == 9)
        #expect(fitCard.quality.value == 33)
    }

    @Test("the relevance penalty never takes a part below 0")
    func relevanceClamped() {
        // Two pitches, both forced through the gate, fit 90: penalty 5 × 2 × 100 / 2 = 500 -> 0.
        let pitches = (0..<2).map {
            PitchFact(sentAt: Self.at("2026-10-05 09:00"), candidateID: CandidateID(Int64($0)), fits: [90], overridden: true)
        }
        let facts = ScorecardFacts(surveys: Self.answers(Array(repeating: 10, count: 15)), pitches: pitches)
        let card = Scorecard(subject: Self.recruiter, period: Self.october, facts: facts, asOf: Self.octoberAsOf)
        guard case .scored(let value, let components, _) = card.quality else {
            Issue.record("expected a score, got \(card.quality)")
            return
        }
        #expect(components[.relevance] == 0)
        // 100 × 0.4/0.65 + 0 = 61.5… -> 62.
        #expect(value == 62)
    }

    @Test("NPS and the score round half away from zero")
    func rounding() {
        // 16 answers, 3 promoters, 1 detractor: 100 × 2 / 16 = 12.5 -> 13; the part is 56.5, the score 57.
        let up = ScorecardFacts(surveys: Self.answers([10, 9, 9, 0] + Array(repeating: 7, count: 12)))
        let upCard = Scorecard(subject: Self.recruiter, period: Self.october, facts: up, asOf: Self.octoberAsOf)
        #expect(upCard.nps.score == 13)
        #expect(upCard.quality.value == 57)

        // 1 promoter, 3 detractors of 16: -12.5 -> -13; the part is 43.5, the score 44.
        let down = ScorecardFacts(surveys: Self.answers([10, 0, 5, 6] + Array(repeating: 8, count: 12)))
        let downCard = Scorecard(subject: Self.recruiter, period: Self.october, facts: down, asOf: Self.octoberAsOf)
        #expect(downCard.nps.score == -13)
        #expect(downCard.quality.value == 44)

        // 10 promoters, 5 detractors of 15: 33.3… -> 33; the part 66.5 -> 67.
        let third = ScorecardFacts(surveys: Self.answers(Array(repeating: 9, count: 10) + Array(repeating: 4, count: 5)))
        #expect(Scorecard(subject: Self.recruiter, period: Self.october, facts: third, asOf: Self.octoberAsOf).quality.value == 67)
    }

    @Test("with nothing in the period every ratio is nil, never zero")
    func empty() {
        let card = Scorecard(subject: .firm, period: Self.october, facts: ScorecardFacts(), asOf: Self.octoberAsOf)
        #expect(card.nps.score == nil && card.nps.responseRate == nil && card.nps.understoodAverage == nil)
        #expect(card.responsiveness.shareWithinSLA == nil && card.responsiveness.medianHoursToAnswer == nil)
        #expect(card.relevance.averageFit == nil && card.relevance.shareRelevant == nil)
        #expect(card.relationship.discoveryBeforeFirstPitch == nil && card.relationship.openingsPresentedPerPlacement == nil)
        #expect(card.relationship.redeploymentRate == nil)
        #expect(card.quality == .notEnoughData(responses: 0, needed: 15))
    }

    @Test("an assignment ends once its last day is over, and a placement starts on its first day")
    func assignmentDays() {
        let facts = ScorecardFacts(placements: [
            PlacementFact(candidateID: CandidateID(1), start: Self.day("2026-10-20")),
            PlacementFact(candidateID: CandidateID(2), start: Self.day("2026-10-21")),
            PlacementFact(candidateID: CandidateID(3), start: Self.day("2026-01-05"), end: Self.day("2026-10-19")),
            PlacementFact(candidateID: CandidateID(4), start: Self.day("2026-01-05"), end: Self.day("2026-10-20")),
        ])
        let card = Scorecard(subject: Self.recruiter, period: Self.october, facts: facts, asOf: Self.at("2026-10-20 12:00"))
        #expect(card.outcomes.placements == 1)
        #expect(card.outcomes.completedAssignments == 1)
        #expect(card.relationship.assignmentsEnded == 1)
    }
}
