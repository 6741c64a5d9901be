import Foundation
import RapportCore
import RapportOutreach
import RapportSQLite
import Testing

/// Scorecards computed from a history recorded through the outreach service into the SQLite store, checked against
/// figures worked out by hand.
///
/// The history (`december(_:)`) is one recruiter's, Rob's, with a little of November before it. Every instant is UTC,
/// which is London time in November and December, always in the daytime so quiet hours never hold a message.
/// 1 December 2026 is a Tuesday.
@Suite("Scorecards from stored history")
struct ScorecardStoreTests {
    static let november = ScorecardPeriod("2026-11")!
    static let december = ScorecardPeriod("2026-12")!

    /// What the history recorded that a hand calculation needs from the store: the fit of every job pitched, which
    /// matching works out.
    struct History {
        /// The fit of each job in each of December's 20 pitches: 21 numbers, since Gus's first message carries two jobs.
        var decemberFits: [Int]
        /// The fit of the one job pitched in November.
        var novemberFits: [Int]
    }

    // MARK: The history

    /// Rob's history.
    ///
    /// November (the month before; must never show in December's card):
    /// - Wed 25 Nov 10:00: Pat is pitched the Platform Engineer job (no discovery), marks it not relevant, and answers a
    ///   survey with 0 ("understood" 1).
    /// - Thu 26 Nov 10:00: Pat phones back with a question, due Fri 27 Nov 10:00; Rob rings back Mon 30 Nov 10:00 (late).
    ///
    /// December:
    /// - Tue 1 Dec 09:00: discovery calls with Ana, Ben and Eli (Rob) and Cole (Cara, a colleague: counts for Rob too).
    /// - Tue 1 Dec 10:00: e-mailed pitches to Ana, Ben, Cole, Dana, Eli (job A), Fay (the Java job, below the threshold,
    ///   on an override), Gus (jobs A and B in one message) and Pat (B); all delivered. 10:30: a pitch of A to Hana by
    ///   phone, logged.
    /// - Wed 2 Dec 10:00: B to Ana, Ben, Cole, Dana; A to Fay; C to Gus and Pat. Thu 3 Dec 10:00: C to Ana, Ben, Cole,
    ///   Dana. That makes 8 + 1 + 7 + 4 = 20 pitches, 19 of them e-mails.
    /// - Thu 3 Dec 11:00: a discovery call with Dana, after her first pitch. 12:00: Eli unsubscribes (2 days after his
    ///   only pitch).
    /// - Fri 4 Dec: feedback on 12 pitches: relevant for Ana A, B, C, Ben A, B, Cole A, B, Gus A+B, Pat B (9); not
    ///   relevant for Ben C, Dana A, Fay Java (3).
    /// - Mon 7 Dec 10:00: 18 surveys; Tue 8 Dec 09:00: 16 answered (9 promoters, 4 passives, 3 detractors).
    /// - Replies, each due one UK business day later: Ana Tue 8 Dec 10:00 (answered 12:00, 2 h), Cole Tue 8 Dec 10:00
    ///   (answered Thu 10 Dec 10:00, 48 h, late), Ben Tue 8 Dec 11:00 (answered 15:00, 4 h), Dana Wed 9 Dec 10:00
    ///   (never answered), Fay Mon 14 Dec 09:00 (still inside her deadline at the card's time).
    /// - Wed 9 Dec 14:00: three submissions, each presented then placed: Ben for B (1 Sep – 4 Dec, recorded late), Ben for
    ///   C (21 Dec – 19 Mar) and Ana for A (14 Dec – 11 Jun).
    /// - The clock ends at Mon 14 Dec 12:00: the card's `asOf`.
    static func december(_ firm: OutreachFixture) async throws -> History {
        let rob = firm.recruiter
        let (a, b, c, java) = (firm.job, firm.secondJob, firm.thirdJob, firm.javaJob)
        let delivery = try firm.delivery(ScriptedTransport())

        // November.
        firm.clock.set(t("2026-11-25T10:00:00Z"))
        let pat = try await firm.candidate("Pat Previous")
        let patA = try await firm.pitch(pat, [a]).0
        #expect(try await delivery.deliverDue().sent == 1)
        try await feedback(firm, patA, relevant: false)
        let patSurvey = try await firm.service.sendSurvey(to: pat.id, trigger: .discovery, by: rob).0
        #expect(try await delivery.deliverDue().sent == 1)
        try await answer(firm, patSurvey, SurveyAnswer(nps: 0, understood: 1))
        firm.clock.set(t("2026-11-26T10:00:00Z"))
        let patReply = try await reply(firm, pat, to: patA, "Is the Platform Engineer role remote?")
        #expect(patReply.dueAt == t("2026-11-27T10:00:00Z"))
        firm.clock.set(t("2026-11-30T10:00:00Z"))
        try await call(firm, pat, by: rob, "Rang back: two days a week in the office.")

        // December: discovery first, for some.
        firm.clock.set(t("2026-12-01T09:00:00Z"))
        let ana = try await firm.candidate("Ana Discovered")
        let ben = try await firm.candidate("Ben Discovered")
        let cole = try await firm.candidate("Cole Discovered")
        let dana = try await firm.candidate("Dana Later")
        let eli = try await firm.candidate("Eli Optout")
        let fay = try await firm.candidate("Fay Override")
        let gus = try await firm.candidate("Gus Twojobs")
        let hana = try await firm.candidate("Hana Phone")
        for (person, user) in [(ana, rob), (ben, rob), (cole, firm.colleague), (eli, rob)] {
            try await discovery(firm, person, by: user)
        }

        // Three rounds of pitches.
        firm.clock.set(t("2026-12-01T10:00:00Z"))
        let anaA = try await firm.pitch(ana, [a]).0
        let benA = try await firm.pitch(ben, [a]).0
        let coleA = try await firm.pitch(cole, [a]).0
        let danaA = try await firm.pitch(dana, [a]).0
        let eliA = try await firm.pitch(eli, [a]).0
        let fayJava = try await firm.pitch(fay, [java], override: "Told me they want to move into Java work.").0
        #expect(fayJava.overrideReason != nil)
        let gusAB = try await firm.pitch(gus, [a, b]).0
        let patB = try await firm.pitch(pat, [b]).0
        #expect(try await delivery.deliverDue().sent == 8)
        firm.clock.set(t("2026-12-01T10:30:00Z"))
        let hanaCall = try await firm.service.send(OutreachRequest(
            candidateID: hana.id, kind: .opportunity, channel: .phone, jobIDs: [a.id], note: "Rang her about the platform role.",
            occurredAt: firm.clock.now), by: rob).0
        #expect(hanaCall.status == .logged)

        firm.clock.set(t("2026-12-02T10:00:00Z"))
        let anaB = try await firm.pitch(ana, [b]).0
        let benB = try await firm.pitch(ben, [b]).0
        let coleB = try await firm.pitch(cole, [b]).0
        let danaB = try await firm.pitch(dana, [b]).0
        let fayA = try await firm.pitch(fay, [a]).0
        let gusC = try await firm.pitch(gus, [c]).0
        let patC = try await firm.pitch(pat, [c]).0
        #expect(try await delivery.deliverDue().sent == 7)

        firm.clock.set(t("2026-12-03T10:00:00Z"))
        let anaC = try await firm.pitch(ana, [c]).0
        let benC = try await firm.pitch(ben, [c]).0
        let coleC = try await firm.pitch(cole, [c]).0
        let danaC = try await firm.pitch(dana, [c]).0
        #expect(try await delivery.deliverDue().sent == 4)

        firm.clock.set(t("2026-12-03T11:00:00Z"))
        try await discovery(firm, dana, by: rob)
        firm.clock.set(t("2026-12-03T12:00:00Z"))
        let unsubscribe = try #require(eliA.content.text.firstMatch(of: /unsubscribe\/([a-z0-9]+)/)?.1)
        #expect(try await firm.service.unsubscribe(token: String(unsubscribe)) == eli.profile.email)

        // Feedback on 12 of the 20 pitches: 9 relevant, 3 not.
        firm.clock.set(t("2026-12-04T09:00:00Z"))
        for pitch in [anaA, anaB, anaC, benA, benB, coleA, coleB, gusAB, patB] { try await feedback(firm, pitch, relevant: true) }
        for pitch in [benC, danaA, fayJava] { try await feedback(firm, pitch, relevant: false) }

        // Surveys: 18 sent, 16 answered.
        firm.clock.set(t("2026-12-07T10:00:00Z"))
        var surveys: [Outreach] = []
        for number in 1...18 {
            let person = try await firm.candidate("Survey Person \(number)")
            surveys.append(try await firm.service.sendSurvey(to: person.id, trigger: .discovery, by: rob).0)
        }
        #expect(try await delivery.deliverDue().sent == 18)
        firm.clock.set(t("2026-12-08T09:00:00Z"))
        let answers = [
            // Nine promoters.
            SurveyAnswer(nps: 10, understood: 5), SurveyAnswer(nps: 10, understood: 5), SurveyAnswer(nps: 10, understood: 4),
            SurveyAnswer(nps: 10, understood: 4), SurveyAnswer(nps: 9, understood: 3), SurveyAnswer(nps: 9), SurveyAnswer(nps: 9),
            SurveyAnswer(nps: 9), SurveyAnswer(nps: 9),
            // Four passives.
            SurveyAnswer(nps: 8, understood: 5), SurveyAnswer(nps: 8), SurveyAnswer(nps: 7, understood: 4), SurveyAnswer(nps: 7),
            // Three detractors.
            SurveyAnswer(nps: 6, understood: 1), SurveyAnswer(nps: 3), SurveyAnswer(nps: 0),
        ]
        for (survey, given) in zip(surveys, answers) { try await answer(firm, survey, given) }

        // Replies and answers.
        firm.clock.set(t("2026-12-08T10:00:00Z"))
        let anaReply = try await reply(firm, ana, to: anaC, "Which team would I join?")
        let coleReply = try await reply(firm, cole, to: coleC, "Is the SRE role on call at weekends?")
        #expect(anaReply.dueAt == t("2026-12-09T10:00:00Z") && coleReply.dueAt == t("2026-12-09T10:00:00Z"))
        #expect(anaReply.ownerID == rob.id && coleReply.ownerID == rob.id)
        firm.clock.set(t("2026-12-08T11:00:00Z"))
        let benReply = try await reply(firm, ben, to: benC, "What is the day rate for the SRE role?")
        #expect(benReply.dueAt == t("2026-12-09T11:00:00Z"))
        firm.clock.set(t("2026-12-08T12:00:00Z"))
        try await call(firm, ana, by: rob, "Told her about the platform team.")
        firm.clock.set(t("2026-12-08T15:00:00Z"))
        try await call(firm, ben, by: rob, "Gave him the day rate.")
        firm.clock.set(t("2026-12-09T10:00:00Z"))
        let danaReply = try await reply(firm, dana, to: danaC, "Can we talk about the Cloud Engineer role?")
        #expect(danaReply.dueAt == t("2026-12-10T10:00:00Z"))

        // Submissions, presented and placed.
        firm.clock.set(t("2026-12-09T14:00:00Z"))
        let anaSubmission = try await firm.service.shortlist(candidate: ana.id, job: a.id, note: "Strong Kubernetes", by: rob)
        let benFirst = try await firm.service.shortlist(candidate: ben.id, job: b.id, note: "", by: rob)
        let benSecond = try await firm.service.shortlist(candidate: ben.id, job: c.id, note: "", by: rob)
        let stages: [SubmissionStage] = [.presented, .candidateInterested, .submitted, .interview, .offer, .placed]
        try await PipelineTests.walk(firm, benFirst, stages, placement: terms("2026-09-01", "2026-12-04"))
        try await PipelineTests.walk(firm, benSecond, stages, placement: terms("2026-12-21", "2027-03-19"))
        try await PipelineTests.walk(firm, anaSubmission, stages, placement: terms("2026-12-14", "2027-06-11"))

        firm.clock.set(t("2026-12-10T10:00:00Z"))
        try await call(firm, cole, by: rob, "Explained the on-call rota.")

        firm.clock.set(t("2026-12-14T09:00:00Z"))
        let fayReply = try await reply(firm, fay, to: fayA, "Is the Platform Engineer role still open?")
        #expect(fayReply.dueAt == t("2026-12-15T09:00:00Z"))
        firm.clock.set(t("2026-12-14T12:00:00Z"))

        let december = [anaA, benA, coleA, danaA, eliA, fayJava, gusAB, patB, hanaCall, anaB, benB, coleB, danaB, fayA, gusC, patC,
                        anaC, benC, coleC, danaC]
        #expect(december.count == 20)
        return History(decemberFits: december.flatMap { $0.jobs.map(\.fit) }, novemberFits: patA.jobs.map(\.fit))
    }

    // MARK: Tests

    @Test("every figure of a recruiter's December card, from the stored history, matches the hand calculation")
    func everyFigure() async throws {
        let firm = try await OutreachFixture()
        let history = try await Self.december(firm)
        // MUT
        let card = try await firm.service.scorecard(recruiter: firm.recruiter.id, period: Self.december)

        // validate
        #expect(card.subject == .recruiter(firm.recruiter.id))
        #expect(card.period == Self.december)
        #expect(card.asOf == Self.t("2026-12-14T12:00:00Z"))

        // NPS: 16 answers in December (Pat's November 0 is out): 9 promoters, 3 detractors: 100 × 6 / 16 = 37.5, which
        // rounds away from zero to 38. 18 sent in December, 16 of them answered: 16/18. "Understood" was given 8 times:
        // 5 + 5 + 4 + 4 + 3 + 5 + 4 + 1 = 31, 31 / 8 = 3.875.
        #expect(card.nps.responses == 16)
        #expect(card.nps.promoters == 9)
        #expect(card.nps.detractors == 3)
        #expect(card.nps.score == 38)
        #expect(card.nps.sent == 18)
        #expect(card.nps.answeredOfSent == 16)
        #expect(Self.close(card.nps.responseRate, 16.0 / 18.0))
        #expect(Self.close(card.nps.understoodAverage, 3.875))

        // Responsiveness: Ana (2 h) and Ben (4 h) in time, Cole late (48 h), Dana past her deadline unanswered: 4 judged,
        // 2 within, share 0.5; Fay's is still inside her deadline: pending. Median of 2, 4 and 48 hours is 4. Overdue now:
        // Dana's alone (Pat's November reply was answered).
        #expect(card.responsiveness.judged == 4)
        #expect(card.responsiveness.withinSLA == 2)
        #expect(card.responsiveness.pending == 1)
        #expect(Self.close(card.responsiveness.shareWithinSLA, 0.5))
        #expect(Self.close(card.responsiveness.medianHoursToAnswer, 4))
        #expect(card.responsiveness.overdueNow == 1)

        // Relevance: 20 pitches (19 e-mails and Hana's call; Pat's November pitch is out), 21 jobs between them; 12 gave
        // feedback, 9 relevant; Eli opted out after his; Fay's went on an override.
        #expect(card.relevance.pitches == 20)
        #expect(history.decemberFits.count == 21)
        #expect(Self.close(card.relevance.averageFit, Double(history.decemberFits.reduce(0, +)) / 21))
        #expect(card.relevance.feedbackAnswers == 12)
        #expect(card.relevance.markedRelevant == 9)
        #expect(Self.close(card.relevance.shareRelevant, 0.75))
        #expect(card.relevance.optOuts == 1)
        #expect(card.relevance.gateOverrides == 1)

        // Relationship: 8 people first pitched in December (Ana, Ben, Cole, Dana, Eli, Fay, Gus, Hana; Pat was first
        // pitched in November); Ana, Ben, Cole (by Cara) and Eli were discovered first, Dana only afterwards: 4 / 8.
        // Three submissions presented in December; one placement started by 14 December (Ana's, that day): 3 per placement.
        // Ben's first assignment ended 4 December and his next starts 21 December, within 30 days: redeployed.
        #expect(card.relationship.firstPitches == 8)
        #expect(card.relationship.discoveredFirst == 4)
        #expect(Self.close(card.relationship.discoveryBeforeFirstPitch, 0.5))
        #expect(card.relationship.presentations == 3)
        #expect(Self.close(card.relationship.openingsPresentedPerPlacement, 3))
        #expect(card.relationship.assignmentsEnded == 1)
        #expect(card.relationship.redeployed == 1)
        #expect(Self.close(card.relationship.redeploymentRate, 1))

        // Outcomes: Ana's placement started; Ben's first assignment was completed as planned.
        #expect(card.outcomes.placements == 1)
        #expect(card.outcomes.completedAssignments == 1)

        // Activity: 19 pitch e-mails (surveys are automated and do not count); logged: discovery with Ana, Ben, Eli and
        // Dana, the call pitching Hana, and the calls answering Ana, Ben and Cole = 8 (Cole's discovery is Cara's); 3
        // submissions.
        #expect(card.activity == ActivityCounts(emailsSent: 19, contactsLogged: 8, submissionsCreated: 3))

        // Quality, every part with data:
        //   NPS (38 + 100) / 2 = 69; responsiveness 100 × 0.5 = 50;
        //   relevance 100 × 0.75 = 75 (12 feedback answers ≥ 10), less 5 × (1 override + 1 opt-out) × 100 / 20 = 50: 25;
        //   relationship 100 × 0.5 = 50.
        //   0.40 × 69 + 0.25 × 50 + 0.25 × 25 + 0.10 × 50 = 27.6 + 12.5 + 6.25 + 5 = 51.35, rounded: 51.
        guard case .scored(let value, let components, let weights) = card.quality else {
            Issue.record("no quality score: \(card.quality)")
            return
        }
        #expect(value == 51)
        #expect(card.quality.value == 51)
        #expect(Set(components.keys) == Set(QualityScore.Component.allCases))
        #expect(Self.close(components[.nps], 69))
        #expect(Self.close(components[.responsiveness], 50))
        #expect(Self.close(components[.relevance], 25))
        #expect(Self.close(components[.relationship], 50))
        #expect(Self.close(weights[.nps], 0.40) && Self.close(weights[.responsiveness], 0.25))
        #expect(Self.close(weights[.relevance], 0.25) && Self.close(weights[.relationship], 0.10))
    }

    @Test("November's items count in November and the quarter, never in December")
    func previousMonth() async throws {
        let firm = try await OutreachFixture()
        let history = try await Self.december(firm)
        // MUT
        let november = try await firm.service.scorecard(recruiter: firm.recruiter.id, period: Self.november)
        let quarter = try await firm.service.scorecard(recruiter: firm.recruiter.id, period: try #require(ScorecardPeriod("2026-Q4")))

        // validate: November holds Pat alone. One survey, answered 0 with "understood" 1.
        #expect(november.nps.responses == 1 && november.nps.promoters == 0 && november.nps.detractors == 1)
        #expect(november.nps.score == -100)
        #expect(november.nps.sent == 1 && november.nps.answeredOfSent == 1 && Self.close(november.nps.responseRate, 1))
        #expect(Self.close(november.nps.understoodAverage, 1))
        // Pat's reply: received Thu 26 Nov 10:00, due Fri 10:00, answered Mon 30 Nov 10:00: 96 hours, late.
        #expect(november.responsiveness.judged == 1 && november.responsiveness.withinSLA == 0 && november.responsiveness.pending == 0)
        #expect(Self.close(november.responsiveness.shareWithinSLA, 0))
        #expect(Self.close(november.responsiveness.medianHoursToAnswer, 96))
        // Open and overdue now, whatever the period: Dana's December reply.
        #expect(november.responsiveness.overdueNow == 1)
        #expect(november.relevance.pitches == 1 && november.relevance.feedbackAnswers == 1 && november.relevance.markedRelevant == 0)
        #expect(Self.close(november.relevance.averageFit, Double(try #require(history.novemberFits.first))))
        #expect(Self.close(november.relevance.shareRelevant, 0))
        #expect(november.relevance.optOuts == 0 && november.relevance.gateOverrides == 0)
        #expect(november.relationship.firstPitches == 1 && november.relationship.discoveredFirst == 0)
        #expect(Self.close(november.relationship.discoveryBeforeFirstPitch, 0))
        // Every submission was presented in December; no placement started or ended in November.
        #expect(november.relationship.presentations == 0 && november.relationship.openingsPresentedPerPlacement == nil)
        #expect(november.relationship.assignmentsEnded == 0 && november.relationship.redeploymentRate == nil)
        #expect(november.outcomes.placements == 0 && november.outcomes.completedAssignments == 0)
        // One pitch e-mail (the survey is automated), the call back on 30 November.
        #expect(november.activity == ActivityCounts(emailsSent: 1, contactsLogged: 1, submissionsCreated: 0))
        #expect(november.quality == .notEnoughData(responses: 1, needed: 15))

        // The quarter holds both months: 17 answers (9 promoters, 4 detractors: 100 × 5 / 17 = 29.4, so 29), 19 surveys
        // sent and 17 answered; 5 replies judged (Pat's too), 2 in time; 21 pitches, 13 feedback answers (9 relevant);
        // 9 first pitches, 4 discovered first. Ben's first placement started 1 September, in Q3: one placement started.
        #expect(quarter.nps.responses == 17 && quarter.nps.detractors == 4 && quarter.nps.score == 29)
        #expect(quarter.nps.sent == 19 && quarter.nps.answeredOfSent == 17)
        #expect(quarter.responsiveness.judged == 5 && quarter.responsiveness.withinSLA == 2)
        #expect(quarter.relevance.pitches == 21 && quarter.relevance.feedbackAnswers == 13 && quarter.relevance.markedRelevant == 9)
        #expect(quarter.relationship.firstPitches == 9 && quarter.relationship.discoveredFirst == 4)
        #expect(quarter.outcomes.placements == 1 && quarter.relationship.presentations == 3)
        #expect(quarter.activity == ActivityCounts(emailsSent: 20, contactsLogged: 9, submissionsCreated: 3))
        // (29 + 100) / 2 = 64.5; 100 × 2/5 = 40; 100 × 9/13 − 5 × 2 × 100 / 21 = 69.231 − 47.619 = 21.612; 100 × 4/9 = 44.444.
        // 0.4 × 64.5 + 0.25 × 40 + 0.25 × 21.612 + 0.1 × 44.444 = 25.8 + 10 + 5.403 + 4.444 = 45.647: 46.
        #expect(quarter.quality.value == 46)

        // December excludes every one of them: the full check is `everyFigure`; here the counts November would change.
        let december = try await firm.service.scorecard(recruiter: firm.recruiter.id, period: Self.december)
        #expect(december.nps.responses == 16 && december.nps.sent == 19 - 1 && december.nps.detractors == 3)
        #expect(december.responsiveness.judged == 4 && december.relevance.pitches == 20 && december.relevance.feedbackAnswers == 12)
        #expect(december.relationship.firstPitches == 8)
        #expect(december.activity.emailsSent == 19 && december.activity.contactsLogged == 8)
    }

    @Test("14 survey answers give no score; the 15th gives one, and a half rounds up")
    func notEnoughData() async throws {
        let firm = try await OutreachFixture()
        var surveys: [Outreach] = []
        for number in 1...15 {
            let person = try await firm.candidate("Asked Person \(number)")
            surveys.append(try await firm.service.sendSurvey(to: person.id, trigger: .discovery, by: firm.recruiter).0)
        }
        for survey in surveys.prefix(14) { try await Self.answer(firm, survey, SurveyAnswer(nps: 9)) }
        // MUT
        let fourteen = try await firm.service.scorecard(recruiter: firm.recruiter.id, period: Self.november)
        // validate: 14 promoters make an NPS of 100, but too few answers to score.
        #expect(fourteen.nps.responses == 14 && fourteen.nps.score == 100)
        #expect(fourteen.quality == .notEnoughData(responses: 14, needed: 15))
        #expect(fourteen.quality.value == nil)

        try await Self.answer(firm, surveys[14], SurveyAnswer(nps: 0))
        let fifteen = try await firm.service.scorecard(recruiter: firm.recruiter.id, period: Self.november)
        // 14 promoters and a detractor: 100 × 13 / 15 = 86.7, so 87; the part is (87 + 100) / 2 = 93.5. Nothing else has
        // data (no replies, no pitches), so NPS carries the whole weight and 93.5 rounds up to 94.
        #expect(fifteen.nps.responses == 15 && fifteen.nps.score == 87)
        #expect(fifteen.quality == .scored(94, components: [.nps: 93.5], weights: [.nps: 1]))
    }

    @Test("a colleague's activity changes neither the recruiter's card nor the ranking, which follows quality alone")
    func colleagueActivity() async throws {
        let firm = try await OutreachFixture()
        _ = try await Self.december(firm)
        let (rob, cara, lena) = (firm.recruiter.id, firm.colleague.id, firm.lead.id)
        let delivery = try firm.delivery(ScriptedTransport())
        let first = try await firm.service.scorecards(period: Self.december)
        // Rob is scored (51); Cara and Lena are not, so they follow by id: Lena (created first), then Cara.
        #expect(first.recruiters.map(\.card.subject) == [.recruiter(rob), .recruiter(lena), .recruiter(cara)])
        #expect(first.recruiters.map(\.name) == ["Rob Recruiter", "Lena Lead", "Cara Colleague"])

        // Cara's own candidates answer 15 surveys, all 8: NPS 0, so her score is (0 + 100) / 2 = 50, NPS being her only
        // part with data. One below Rob's 51.
        var people: [Candidate] = []
        for number in 1...15 {
            let person = try await firm.candidate("Cara Contact \(number)", owner: cara)
            people.append(person)
            let survey = try await firm.service.sendSurvey(to: person.id, trigger: .discovery, by: firm.colleague).0
            try await Self.answer(firm, survey, SurveyAnswer(nps: 8))
        }
        #expect(try await delivery.deliverDue().sent == 15)
        let scored = try await firm.service.scorecards(period: Self.december)
        #expect(scored.recruiters.map(\.card.subject) == [.recruiter(rob), .recruiter(cara), .recruiter(lena)])
        let caraBefore = try #require(scored.recruiters.first { $0.card.subject == .recruiter(cara) }?.card)
        #expect(caraBefore.quality.value == 50)
        // Her only logged contact so far: Cole's discovery call.
        #expect(caraBefore.activity == ActivityCounts(emailsSent: 0, contactsLogged: 1, submissionsCreated: 0))

        // MUT: Cara gets very busy with her own people: 25 check-in e-mails and 30 logged calls, far more than Rob's 19 and 8.
        for index in 0..<25 {
            _ = try await firm.service.send(OutreachRequest(candidateID: people[index % 15].id, kind: .checkIn,
                                                            note: "Checking in on how things are going."), by: firm.colleague)
        }
        #expect(try await delivery.deliverDue().sent == 25)
        for index in 0..<30 { try await Self.call(firm, people[index % 15], by: firm.colleague, "Caught up on the phone.") }
        let busy = try await firm.service.scorecards(period: Self.december)

        // validate
        #expect(busy.recruiters.map(\.card.subject) == [.recruiter(rob), .recruiter(cara), .recruiter(lena)])
        let caraAfter = try #require(busy.recruiters.first { $0.card.subject == .recruiter(cara) }?.card)
        #expect(caraAfter.activity == ActivityCounts(emailsSent: 25, contactsLogged: 31, submissionsCreated: 0))
        #expect(caraAfter.quality == caraBefore.quality)
        // Rob's card is the same to the last figure, through all three reports and alone.
        let robCards = [first, scored, busy].compactMap { report in report.recruiters.first { $0.card.subject == .recruiter(rob) }?.card }
        #expect(robCards.count == 3)
        #expect(robCards.allSatisfy { $0 == robCards[0] })
        #expect(robCards[0].quality.value == 51)
        #expect(try await firm.service.scorecard(recruiter: rob, period: Self.december) == robCards[0])
        // The practice and the firm add everyone up: 16 + 15 answers; Rob's 20 pitches; e-mails 19 + 25.
        #expect(busy.practices.count == 1 && busy.practices.first?.name == "Cloud & DevOps")
        #expect(busy.firm.nps.responses == 31 && busy.firm.relevance.pitches == 20)
        #expect(busy.firm.activity.emailsSent == 44 && busy.practices.first?.card.activity.emailsSent == 44)
        // Asking for the practice gives the same three recruiters; an unknown practice is refused.
        let practice = try await firm.service.scorecards(period: Self.december, practice: firm.practice.id)
        #expect(practice.recruiters.map(\.card.subject) == busy.recruiters.map(\.card.subject))
        await #expect(throws: RapportError.self) { _ = try await firm.service.scorecards(period: Self.december, practice: PracticeID(999)) }
    }

    @Test("an answer given in December to a survey sent in November counts in December's NPS, as documented")
    func answerAfterMonthEnd() async throws {
        let firm = try await OutreachFixture()
        firm.clock.set(Self.t("2026-11-30T15:00:00Z"))
        let person = try await firm.candidate("Late Answerer")
        let survey = try await firm.service.sendSurvey(to: person.id, trigger: .discovery, by: firm.recruiter).0
        firm.clock.set(Self.t("2026-12-01T10:00:00Z"))
        try await Self.answer(firm, survey, SurveyAnswer(nps: 10, understood: 5))
        // MUT
        let november = try await firm.service.scorecard(recruiter: firm.recruiter.id, period: Self.november)
        let december = try await firm.service.scorecard(recruiter: firm.recruiter.id, period: Self.december)
        // validate: November sent it and it was answered (response rate 1), but the answer was given in December.
        #expect(november.nps.sent == 1 && november.nps.answeredOfSent == 1 && november.nps.responses == 0)
        #expect(december.nps.sent == 0)
        // Answers count in the period they were given, whenever their survey was sent.
        #expect(december.nps.responses == 1)
        #expect(december.nps.promoters == 1 && december.nps.score == 100)
    }

    // MARK: Helpers

    /// An instant written in ISO 8601; the strings are this file's own, so a typo stops the run.
    static func t(_ text: String) -> Date {
        guard let date = try? Date(text, strategy: .iso8601) else { preconditionFailure("not an ISO 8601 instant: \(text)") }
        return date
    }

    static func close(_ value: Double?, _ expected: Double) -> Bool {
        guard let value else { return false }
        return abs(value - expected) < 1e-9
    }

    static func terms(_ start: String, _ end: String) -> PlacementTerms {
        PlacementTerms(start: LocalDate(start)!, end: LocalDate(end)!, billRate: Money(major: 750, .gbp, per: .day),
                       payRate: Money(major: 600, .gbp, per: .day))
    }

    /// Records the candidate's relevance feedback through the link in the pitch.
    static func feedback(_ firm: OutreachFixture, _ pitch: Outreach, relevant: Bool) async throws {
        let token = try #require(pitch.content.text.firstMatch(of: /feedback\/([a-z0-9]+)\/relevant/)?.1)
        #expect(try await firm.store.recordFeedback(token: String(token), relevant: relevant, at: firm.clock.now) == .recorded(pitch.id))
    }

    static func answer(_ firm: OutreachFixture, _ survey: Outreach, _ answer: SurveyAnswer) async throws {
        guard case .recorded = try await firm.service.answerSurvey(token: try SurveyTests.token(survey), answer) else {
            Issue.record("survey \(survey.id) was not answered")
            return
        }
    }

    static func discovery(_ firm: OutreachFixture, _ candidate: Candidate, by user: User) async throws {
        _ = try await firm.service.recordDiscovery(DiscoveryRecord(
            candidateID: candidate.id, channel: .phone, occurredAt: firm.clock.now, notes: "Talked through what they want next."), by: user)
    }

    /// A reply the candidate gave by phone, now; returns the obligation it opened.
    static func reply(_ firm: OutreachFixture, _ candidate: Candidate, to outreach: Outreach, _ text: String) async throws -> FollowUpObligation {
        let (_, obligation) = try await firm.service.log(LoggedReply(candidateID: candidate.id, outreachID: outreach.id, channel: .phone,
                                                                     text: text, receivedAt: firm.clock.now), by: firm.recruiter)
        return try #require(obligation)
    }

    /// A phone call logged now: a human answer to whatever the candidate is owed.
    static func call(_ firm: OutreachFixture, _ candidate: Candidate, by user: User, _ note: String) async throws {
        _ = try await firm.service.send(OutreachRequest(candidateID: candidate.id, kind: .checkIn, channel: .phone, note: note,
                                                        occurredAt: firm.clock.now), by: user)
    }
}
