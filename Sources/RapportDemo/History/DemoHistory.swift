import Foundation
import Logging
import RapportCore
import RapportMatch
import RapportOutreach
import Synchronization

/// What six months of history produced.
public struct HistorySummary: Sendable, Equatable {
    public var discoveries = 0
    public var pitches = 0
    public var replies = 0
    public var answered = 0
    public var answeredLate = 0
    public var leftUnanswered = 0
    public var submissions = 0
    public var placements = 0
    public var surveysSent = 0
    public var surveysAnswered = 0

    public init() {}
}

/// Six months of relationship recruiting played on a demo firm through the real services, on a simulated clock, so every
/// scorecard and insight has figures: discovery conversations, job pitches through the contact policy, candidates'
/// replies and feedback, answers on time, late or never, submissions through every stage, placements (some ended, some
/// ending soon) and survey answers.
///
/// Recruiters differ in how they work, and the differences show in their scorecards: attentive ones hold discovery
/// conversations before pitching and answer within hours; steady ones are slower; stretched ones send the most pitches
/// (the highest activity), override the gate and leave replies waiting, and candidates say so in their surveys.
public struct DemoHistory: Sendable {
    public let store: any RapportStore
    public let seed: UInt64
    /// The day the history ends: the demo's today.
    public let end: Date
    public let days: Int

    public init(store: any RapportStore, seed: UInt64, end: Date, days: Int = 182) {
        self.store = store
        self.seed = seed
        self.end = end
        self.days = days
    }

    enum Style: CaseIterable {
        case attentive, steady, stretched
    }

    struct Recruiter {
        var user: User
        var style: Style
        var timeZone: TimeZone
        var calendar: BusinessCalendar
        var book: [CandidateID]
        /// People who fit the open jobs of their practices, best first; a stretched recruiter's list reaches below the gate.
        var prospects: [(candidateID: CandidateID, jobID: JobID, fit: Int)] = []

        func isWorking(at instant: Date) -> Bool {
            guard calendar.isBusinessDay(LocalDate(instant, in: timeZone)) else { return false }
            var clock = Calendar(identifier: .gregorian)
            clock.timeZone = timeZone
            return (9..<17).contains(clock.component(.hour, from: instant))
        }

        /// Chance per working hour of a discovery conversation, and of a job pitch.
        var discoveryChance: Int { switch style { case .attentive: 9; case .steady: 6; case .stretched: 2 } }
        var pitchChance: Int { switch style { case .attentive: 16; case .steady: 20; case .stretched: 34 } }

        /// Hours until they answer a reply, or nil when they never do.
        func answerHours(_ random: inout DemoRandom) -> Int? {
            switch style {
            case .attentive: random.percent(92) ? random.int(1...6) : random.int(26...50)
            case .steady: random.percent(70) ? random.int(2...20) : random.int(26...70)
            case .stretched: random.percent(35) ? random.int(3...22) : (random.percent(60) ? random.int(30...120) : nil)
            }
        }

        /// What a candidate scores them, 0–10, and whether they felt understood, 1–5.
        func surveyAnswer(_ random: inout DemoRandom) -> (nps: Int, understood: Int) {
            switch style {
            case .attentive: random.percent(75) ? (random.int(9...10), random.int(4...5)) : (random.int(6...8), random.int(3...4))
            case .steady: random.percent(45) ? (random.int(9...10), random.int(4...5)) : (random.int(5...8), random.int(2...4))
            case .stretched: random.percent(20) ? (random.int(8...10), random.int(3...5)) : (random.int(1...7), random.int(1...3))
            }
        }
    }

    enum Event {
        case reply(candidate: CandidateID, messageID: String, subject: String, interested: Bool, unsubscribe: Bool, jobs: [JobID], recruiter: Int)
        case answer(reply: ReplyID, candidate: CandidateID, recruiter: Int, interested: Bool, jobs: [JobID], dueAt: Date)
        case advance(submission: SubmissionID, recruiter: Int)
        case tell(candidate: CandidateID, recruiter: Int)
        case survey(token: String, recruiter: Int)
        case feedback(token: String, relevant: Bool)
    }

    public func run(progress: @escaping @Sendable (String) -> Void = { _ in }) async throws -> HistorySummary {
        let start = end.addingTimeInterval(-Double(days) * 86_400)
        let clock = SimulationClock(start)
        var logger = Logger(label: "rapport.demo.history")
        logger.logLevel = .warning
        let base = FirmRecords(store: store, now: { clock.now })
        let matching = MatchService(store: store, today: { base.today })
        try await matching.load()
        let records = base.observed(by: matching)
        let counter = Mutex(UInt64(0))
        let settings = OutreachSettings()
        let service = OutreachService(
            records: records, matching: matching, settings: settings, logger: logger,
            makeMessageID: { "history-\(counter.withLock { $0 &+= 1; return $0 })@\(settings.mailDomain)" })
        let transport = RecordingTransport(clock: clock)
        let delivery = DeliveryService(outreach: service, transport: transport, logger: logger)
        var random = DemoRandom(seed: seed, stream: 96, index: 0)
        var (recruiters, joined) = try await loadRecruiters(random: &random)
        // People come into a recruiter's view over the months (a new search, a change of availability), not all on day one.
        for candidate in joined.keys.sorted() {
            joined[candidate] = max(joined[candidate] ?? start, start.addingTimeInterval(Double(random.below(days * 24)) * 3600))
        }
        try await findProspects(&recruiters, matching: matching, threshold: settings.threshold)
        // Jobs come in over the months too: each is worked from a day of its own.
        var prospectFrom: [JobID: Date] = [:]
        for jobID in Set(recruiters.flatMap { $0.prospects.map(\.jobID) }).sorted() {
            prospectFrom[jobID] = start.addingTimeInterval(Double(random.below(days * 14)) * 3600)
        }
        var summary = HistorySummary()
        var events: [(at: Date, event: Event)] = []
        var discovered: Set<CandidateID> = []
        var byUser: [UserID: Int] = [:]
        for (index, recruiter) in recruiters.enumerated() { byUser[recruiter.user.id] = index }

        func schedule(_ event: Event, at: Date) {
            let index = events.firstIndex { $0.at > at } ?? events.endIndex
            events.insert((at, event), at: index)
        }

        for hour in 0..<(days * 24) {
            let now = start.addingTimeInterval(Double(hour) * 3600)
            clock.advance(to: now)
            for index in recruiters.indices where recruiters[index].isWorking(at: now) && !recruiters[index].book.isEmpty {
                let recruiter = recruiters[index]
                // Only people already on file (and who had given their consents) by then.
                if random.percent(recruiter.discoveryChance) {
                    let candidate = random.pick(recruiter.book)
                    if (joined[candidate] ?? .distantFuture) < now, discovered.insert(candidate).inserted {
                        let record = DiscoveryRecord(
                            candidateID: candidate, channel: random.percent(70) ? .phone : .meeting, occurredAt: now,
                            notes: random.pick(Self.discoveryNotes), cadenceDays: random.pick([30, 45, 60, 90]))
                        if (try? await service.recordDiscovery(record, by: recruiter.user)) != nil { summary.discoveries += 1 }
                    }
                }
                if random.percent(recruiter.pitchChance), !recruiter.prospects.isEmpty {
                    // A recruiter works the open jobs of their practices and the people who fit them best.
                    let prospect = random.pick(recruiter.prospects)
                    guard (joined[prospect.candidateID] ?? .distantFuture) < now else { continue }
                    guard (prospectFrom[prospect.jobID] ?? .distantFuture) < now else { continue }
                    // Attentive recruiters talk to a person before pitching; stretched ones do not wait.
                    let needsDiscovery = recruiter.style == .attentive && random.percent(80)
                    if needsDiscovery, discovered.insert(prospect.candidateID).inserted {
                        let record = DiscoveryRecord(
                            candidateID: prospect.candidateID, channel: .phone, occurredAt: now, notes: random.pick(Self.discoveryNotes),
                            cadenceDays: random.pick([30, 45, 60, 90]))
                        if (try? await service.recordDiscovery(record, by: recruiter.user)) != nil {
                            summary.discoveries += 1
                            // Often the conversation turns to an opening that fits what they said, put to them there and then.
                            if prospect.fit >= settings.threshold, random.percent(50),
                               let submission = try? await service.shortlist(candidate: prospect.candidateID, job: prospect.jobID,
                                                                             note: "Came up in our discovery call", by: recruiter.user) {
                                summary.submissions += 1
                                let presented = try await service.move(submission.id, SubmissionMoveRequest(to: .presented, version: submission.version),
                                                                       by: recruiter.user)
                                schedule(.advance(submission: presented.submission.id, recruiter: index),
                                         at: now.addingTimeInterval(Double(random.int(20...70)) * 3600))
                            }
                        }
                    } else if !needsDiscovery || discovered.contains(prospect.candidateID) {
                        var request = OutreachRequest(candidateID: prospect.candidateID, kind: .opportunity, jobIDs: [prospect.jobID])
                        if prospect.fit < settings.threshold {
                            request.overrideReason = "Client is desperate and they are close enough on paper."
                        }
                        if (try? await service.send(request, by: recruiter.user)) != nil { summary.pitches += 1 }
                    }
                }
            }
            // Candidates and recruiters act on what is due.
            while let next = events.first, next.at <= now {
                events.removeFirst()
                try await handle(next.event, at: now, service: service, recruiters: recruiters, byUser: byUser, random: &random,
                                 summary: &summary, schedule: schedule)
            }
            if hour % 24 == 23 {
                _ = try await service.sendDueSurveys()
                try await service.escalateOverdue()
                try await keepInTouch(recruiters: recruiters, service: service, now: now, random: &random, summary: &summary,
                                      schedule: schedule)
            }
            // Deliver, and let candidates react to what arrived.
            while try await delivery.deliverDue().touched >= DeliveryService.batchSize {}
            for sent in transport.take() {
                guard let outreach = try await store.outreach(messageIDs: [sent.messageID]) else { continue }
                let recruiter = byUser[outreach.recruiterID] ?? 0
                switch outreach.kind {
                case .opportunity:
                    let fit = outreach.jobs.map(\.fit).min() ?? 0
                    if let token = Self.token(in: outreach.content.text, after: "/feedback/"), random.percent(35) {
                        let relevant = random.percent(fit >= 70 ? 85 : fit >= settings.threshold ? 60 : 15)
                        schedule(.feedback(token: token, relevant: relevant), at: sent.at.addingTimeInterval(Double(random.int(2...30)) * 3600))
                    }
                    if random.percent(fit >= 70 ? 42 : fit >= settings.threshold ? 28 : 8) {
                        let interested = random.percent(fit >= 70 ? 62 : fit >= settings.threshold ? 42 : 5)
                        // An irrelevant pitch costs the firm its permission to write.
                        let unsubscribe = !interested && random.percent(fit >= settings.threshold ? 3 : 40)
                        schedule(.reply(candidate: outreach.candidateID, messageID: sent.messageID, subject: outreach.content.subject,
                                        interested: interested, unsubscribe: unsubscribe, jobs: outreach.jobs.map(\.jobID), recruiter: recruiter),
                                 at: sent.at.addingTimeInterval(Double(random.int(1...40)) * 3600))
                    }
                case .survey:
                    summary.surveysSent += 1
                    if let token = Self.token(in: outreach.content.text, after: "/survey/"), random.percent(68) {
                        schedule(.survey(token: token, recruiter: recruiter), at: sent.at.addingTimeInterval(Double(random.int(1...72)) * 3600))
                    }
                default:
                    break
                }
            }
            if hour % (24 * 14) == 0 { progress("history: day \(hour / 24) of \(days)") }
        }
        clock.advance(to: end)
        while try await delivery.deliverDue().touched >= DeliveryService.batchSize {}
        _ = transport.take()
        summary.leftUnanswered = try await store.obligations(owner: nil, openOnly: true, limit: 100_000).count
        recruiters.removeAll()
        return summary
    }

    private func handle(
        _ event: Event, at now: Date, service: OutreachService, recruiters: [Recruiter], byUser: [UserID: Int], random: inout DemoRandom,
        summary: inout HistorySummary, schedule: (Event, Date) -> Void
    ) async throws {
        switch event {
        case .reply(let candidateID, let messageID, let subject, let interested, let unsubscribe, let jobs, let index):
            let candidate = try await store.candidate(candidateID)
            let text = unsubscribe ? "Please remove me from your list. This has nothing to do with what I do."
                : interested ? random.pick(Self.interested) : random.pick(Self.declines)
            let raw = SimulatedReply.raw(
                name: candidate.profile.name, email: candidate.profile.email, timeZone: TimeZone(identifier: candidate.profile.timeZone) ?? .gmt,
                text: text, inReplyTo: messageID, subject: subject, at: now, id: "history-reply-\(summary.replies)-\(candidateID)@candidates.example")
            guard case .stored(let reply, let obligation) = try await service.receive(raw: raw) else { return }
            summary.replies += 1
            guard let obligation, let hours = recruiters[index].answerHours(&random) else { return }
            let isInterested = reply.classification.intent == .interested
            schedule(.answer(reply: reply.id, candidate: candidateID, recruiter: index, interested: isInterested, jobs: jobs,
                             dueAt: obligation.dueAt), now.addingTimeInterval(Double(hours) * 3600))
        case .answer(_, let candidateID, let index, let interested, let jobs, let dueAt):
            let recruiter = recruiters[index]
            let note = interested ? "Called to talk through the role and what they want next; putting them forward." : "Called back about their reply."
            guard (try? await service.send(OutreachRequest(candidateID: candidateID, kind: interested ? .checkIn : .closeTheLoop, channel: .phone,
                                                          note: note, occurredAt: now), by: recruiter.user)) != nil else { return }
            summary.answered += 1
            if now > dueAt { summary.answeredLate += 1 }
            guard interested else { return }
            for jobID in jobs.prefix(1) {
                guard let submission = try? await service.shortlist(candidate: candidateID, job: jobID, note: "Interested after our call", by: recruiter.user)
                else { continue }
                summary.submissions += 1
                let presented = try await service.move(submission.id, SubmissionMoveRequest(to: .presented, version: submission.version), by: recruiter.user)
                schedule(.advance(submission: presented.submission.id, recruiter: index), now.addingTimeInterval(Double(random.int(20...70)) * 3600))
            }
        case .advance(let submissionID, let index):
            let recruiter = recruiters[index]
            let submission = try await store.submission(submissionID)
            var request = SubmissionMoveRequest(to: .withdrawn, version: submission.version)
            switch submission.stage {
            case .presented:
                request.to = random.percent(72) ? .candidateInterested : .candidateDeclined
            case .candidateInterested:
                request.to = .submitted
            case .submitted:
                request.to = random.percent(35) ? .clientRejected : .interview
            case .interview:
                request.to = random.percent(25) ? .clientRejected : random.percent(10) ? .candidateDeclined : .offer
            case .offer:
                request.to = random.percent(82) ? .placed : .candidateDeclined
            default:
                return
            }
            if request.to == .candidateDeclined { request.reason = random.pick([.pay, .location, .remote, .happyWhereIAm, .employmentType]) }
            if request.to == .placed {
                let job = try await store.job(submission.jobID)
                // A placement is made at an agreed rate; the demo takes one from the band, so it places only jobs with one.
                guard let pay = job.details.pay else { return }
                let span = pay.maximum.minorUnits - pay.minimum.minorUnits
                let rate = pay.minimum.minorUnits + (span > 0 ? Int64(random.below(Int(span) + 1)) : 0)
                let payRate = Money(minorUnits: max(rate, 100), currency: pay.minimum.currency, unit: pay.minimum.unit)
                let starts = LocalDate(now, in: .gmt).adding(days: random.int(7...21))
                let permanent = job.details.employmentType == .permanent
                request.placement = PlacementTerms(
                    start: starts, end: permanent ? nil : starts.adding(days: 7 * random.int(4...20)),
                    billRate: permanent ? nil : Money(minorUnits: payRate.minorUnits * Int64(random.int(118...135)) / 100, currency: payRate.currency,
                                                      unit: payRate.unit),
                    payRate: payRate)
            }
            guard let result = try? await service.move(submissionID, request, by: recruiter.user) else { return }
            if result.placement != nil { summary.placements += 1 }
            if result.obligation != nil, let hours = recruiter.answerHours(&random) {
                schedule(.tell(candidate: submission.candidateID, recruiter: index), now.addingTimeInterval(Double(hours) * 3600))
            }
            if result.submission.stage.isActive {
                let days = result.submission.stage == .interview ? random.int(3...8) : random.int(2...5)
                schedule(.advance(submission: submissionID, recruiter: index), now.addingTimeInterval(Double(days) * 86_400))
            }
        case .tell(let candidateID, let index):
            _ = try? await service.send(OutreachRequest(
                candidateID: candidateID, kind: .closeTheLoop, channel: .phone,
                note: "Let them know the client went another way, and what we will look at next.", occurredAt: now), by: recruiters[index].user)
        case .survey(let token, let index):
            let (nps, understood) = recruiters[index].surveyAnswer(&random)
            let comment = nps >= 9 ? random.pick(Self.praise) : nps <= 6 ? random.pick(Self.complaints) : ""
            guard case .recorded(let survey) = try await service.answerSurvey(token: token, SurveyAnswer(nps: nps, understood: understood, comment: comment))
            else { return }
            summary.surveysAnswered += 1
            // A detractor's answer opens a follow-up for the practice lead, who rings them.
            if nps <= 6, let obligation = try await store.obligations(candidate: survey.candidateID).last(where: { $0.status == .open }),
               let lead = byUser[obligation.ownerID], let reply = obligation.replyID, let hours = recruiters[lead].answerHours(&random) {
                schedule(.answer(reply: reply, candidate: survey.candidateID, recruiter: lead, interested: false, jobs: [], dueAt: obligation.dueAt),
                         now.addingTimeInterval(Double(hours) * 3600))
            }
        case .feedback(let token, let relevant):
            _ = try await store.recordFeedback(token: token, relevant: relevant, at: now)
        }
    }

    /// The day's check-ins and redeployments: attentive recruiters do nearly all of theirs, stretched ones few. Working a
    /// redeployment task puts the consultant's best next opening to them.
    private func keepInTouch(
        recruiters: [Recruiter], service: OutreachService, now: Date, random: inout DemoRandom, summary: inout HistorySummary,
        schedule: (Event, Date) -> Void
    ) async throws {
        let today = LocalDate(now, in: .gmt)
        for (index, recruiter) in recruiters.enumerated() {
            let chance = switch recruiter.style { case .attentive: 85; case .steady: 55; case .stretched: 15 }
            for task in try await store.relationshipTasks(owner: recruiter.user.id, dueBy: today, openOnly: true, limit: 50) where random.percent(chance) {
                switch task.kind {
                case .checkInFirstWeek, .checkInFirstMonth:
                    _ = try? await service.send(OutreachRequest(
                        candidateID: task.candidateID, kind: .checkIn, channel: .phone, note: "Checked in: settling in well, no concerns.",
                        occurredAt: now), by: recruiter.user)
                    _ = try await service.closeTask(task.id, as: .done, note: "Called them", by: recruiter.user)
                case .redeployment:
                    let view = try await service.task(task.id, openings: 3)
                    if let next = view.openings.first,
                       let submission = try? await service.shortlist(candidate: task.candidateID, job: next.jobID,
                                                                     note: "Next role before the assignment ends", by: recruiter.user) {
                        summary.submissions += 1
                        let presented = try await service.move(submission.id, SubmissionMoveRequest(to: .presented, version: submission.version),
                                                               by: recruiter.user)
                        schedule(.advance(submission: presented.submission.id, recruiter: index), now.addingTimeInterval(Double(random.int(20...70)) * 3600))
                    }
                    _ = try await service.closeTask(task.id, as: .done, note: view.openings.isEmpty ? "Nothing fits yet; keeping an eye out" : "Presented the next opening",
                                                    by: recruiter.user)
                }
            }
        }
    }

    /// Each recruiter's prospects: the best-fitting eligible people for every open job of their practices.
    private func findProspects(_ recruiters: inout [Recruiter], matching: MatchService, threshold: Int) async throws {
        var query = JobQuery()
        query.status = .open
        var jobs: [Job] = []
        var cursor: Int64?
        repeat {
            let page = try await store.jobs(query, page: PageRequest(limit: PageRequest.maximumLimit, after: cursor))
            jobs += page.items
            cursor = page.nextAfter
        } while cursor != nil
        var matches: [JobID: [CandidateMatch]] = [:]
        for job in jobs { matches[job.id] = try await matching.matches(for: job.id, limit: 40) }
        for index in recruiters.indices {
            let practices = Set(recruiters[index].user.details.practiceIDs)
            let floor = recruiters[index].style == .stretched ? threshold - 15 : threshold
            for job in jobs where job.details.practiceID.map(practices.contains) ?? false {
                for match in matches[job.id] ?? [] where match.fit.score >= floor {
                    recruiters[index].prospects.append((match.candidateID, job.id, match.fit.score))
                }
            }
        }
    }

    /// The staff with their styles and books, and when each candidate (and their consents) came on file.
    private func loadRecruiters(random: inout DemoRandom) async throws -> ([Recruiter], [CandidateID: Date]) {
        let users = try await FirmRecords(store: store).allUsers()
        let staff = users.filter { $0.details.active && $0.details.role != .admin }.sorted { $0.id < $1.id }
        var books: [UserID: [CandidateID]] = [:]
        var joined: [CandidateID: Date] = [:]
        var last: CandidateID?
        while true {
            let batch = try await store.candidates(after: last, limit: 2000)
            guard let final = batch.last else { break }
            for candidate in batch where !candidate.profile.contactPreferences.doNotContact {
                joined[candidate.id] = ([candidate.createdAt] + candidate.profile.consents.map(\.recordedAt)).max()
                if let owner = candidate.profile.ownerID { books[owner, default: []].append(candidate.id) }
            }
            last = final.id
        }
        let recruiters = staff.enumerated().map { index, user in
            // A fixed mix whatever the seed: about a third of each style.
            let style = Style.allCases[(index + Int(seed % 3)) % 3]
            return Recruiter(user: user, style: style, timeZone: TimeZone(identifier: user.details.region.defaultTimeZoneIdentifier) ?? .gmt,
                             calendar: user.details.region.businessCalendar(), book: books[user.id] ?? [])
        }
        return (recruiters, joined)
    }

    static func token(in text: String, after marker: String) -> String? {
        guard let range = text.range(of: marker) else { return nil }
        let token = text[range.upperBound...].prefix { $0.isLetter || $0.isNumber }
        return token.isEmpty ? nil : String(token)
    }

    static let discoveryNotes = [
        "Wants to move from delivery into architecture within two years; prefers product companies over consultancies.",
        "Happy in their contract until spring; interested in platform work and mentoring juniors.",
        "Looking for remote-first teams; school run means core hours matter more than pay.",
        "Wants to learn Rust and Go; open to contract-to-hire if the team is strong.",
        "Burnt out by on-call; wants a steadier role with a clear progression path.",
        "Relocating next year; wants introductions to teams in the new city first.",
    ]

    static let interested = [
        "Yes, I'm interested. Could we have a call this week?",
        "Interested! When could I talk to the hiring manager?",
        "Sounds good, I'd like to hear more.",
    ]

    static let declines = [
        "Thanks, but the pay is too low for me.",
        "Not interested, I'm happy where I am.",
        "Not right now, maybe get back to me in the new year.",
        "Is this role remote? And what is the team like?",
        "Thanks, but it's too far to commute.",
    ]

    static let praise = [
        "Felt like they actually listened to what I want next.",
        "Quick, honest and never pushy.",
        "Best recruiter I have dealt with: kept me posted all the way through.",
    ]

    static let complaints = [
        "Took days to get back to me.",
        "Kept sending roles that did not match what I said.",
        "Never heard back after the client interview.",
    ]
}
