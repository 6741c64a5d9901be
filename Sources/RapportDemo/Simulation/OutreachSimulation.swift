import Foundation
import Logging
import RapportCore
import RapportMatch
import RapportOutreach
import Synchronization

/// How the simulated month behaves.
public struct SimulationOptions: Sendable {
    public var days: Int
    public var seed: UInt64
    /// Midnight UTC on a Monday, so weeks line up.
    public var start: Date
    /// Recruiters who try to pitch every open job in their practice to everyone in it.
    public var commodityShare: Double = 0.35
    /// Of the others, recruiters who often forget to answer.
    public var forgetfulShare: Double = 0.3
    /// Pitches a commodity recruiter tries each working hour.
    public var commodityAttemptsPerHour: Int = 12

    public init(days: Int = 30, seed: UInt64 = 7, start: Date) {
        self.days = days
        self.seed = seed
        self.start = start
    }

    /// The Monday at or before `date`, at 00:00 UTC.
    public static func monday(onOrBefore date: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let day = calendar.startOfDay(for: date)
        let weekday = calendar.component(.weekday, from: day)  // 1 = Sunday
        return calendar.date(byAdding: .day, value: -((weekday + 5) % 7), to: day) ?? day
    }
}

/// Replays a month on the demo firm through the real services: recruiters compose and send through `OutreachService`,
/// the `DeliveryService` drains the outbox hour by hour, candidates reply as raw e-mail through the inbound path, and
/// recruiters answer, or forget to. Then it measures what candidates actually received.
public struct OutreachSimulation: Sendable {
    public let store: any RapportStore
    public let options: SimulationOptions
    public let settings: OutreachSettings

    public init(store: any RapportStore, options: SimulationOptions, settings: OutreachSettings = OutreachSettings()) {
        self.store = store
        self.options = options
        self.settings = settings
    }

    public func run(progress: @escaping @Sendable (String) -> Void = { _ in }) async throws -> SimulationReport {
        let clock = SimulationClock(options.start)
        var logger = Logger(label: "rapport.simulate")
        logger.logLevel = .warning
        let base = FirmRecords(store: store, now: { clock.now })
        let matching = MatchService(store: store, today: { base.today })
        progress("building the match index")
        try await matching.load()
        let records = base.observed(by: matching)
        let counter = Mutex(0)
        let service = OutreachService(
            records: records, matching: matching, settings: settings, logger: logger,
            makeMessageID: { "sim-\(counter.withLock { value in value += 1; return value })@\(settings.mailDomain)" })
        let transport = RecordingTransport(clock: clock)
        let delivery = DeliveryService(outreach: service, transport: transport, logger: logger)
        var world = try await SimulatedFirm.load(store: store, options: options, threshold: settings.threshold)
        progress("simulating \(options.days) days: \(world.recruiters.count) recruiters, \(world.candidates.count) candidates")

        var log = SimulationLog()
        var random = DemoRandom(seed: options.seed, stream: 92, index: 0)
        for hour in 0..<(options.days * 24) {
            let now = options.start.addingTimeInterval(Double(hour) * 3600)
            clock.advance(to: now)
            for recruiter in world.recruiters where recruiter.isWorking(at: now) {
                try await act(recruiter, world: &world, service: service, matching: matching, log: &log, random: &random, now: now)
            }
            try await replyAndAnswer(world: &world, service: service, log: &log, random: &random, now: now)
            try await drain(delivery, transport: transport, world: &world, log: &log, random: &random)
            try await service.escalateOverdue()
            if hour % 24 == 23 { progress("day \(hour / 24 + 1): \(log.deliveredPitches.count) pitches delivered, \(log.attempts.count) attempted") }
        }
        clock.advance(to: options.start.addingTimeInterval(Double(options.days) * 86_400))
        try await drain(delivery, transport: transport, world: &world, log: &log, random: &random)
        return try await report(world: world, log: log, end: clock.now)
    }

    // MARK: Recruiters

    private func act(
        _ recruiter: SimulatedRecruiter, world: inout SimulatedFirm, service: OutreachService, matching: MatchService,
        log: inout SimulationLog, random: inout DemoRandom, now: Date
    ) async throws {
        let pool = world.pool(for: recruiter)
        guard !pool.isEmpty else { return }
        if recruiter.behaviour == .commodity {
            let jobs = world.openJobs(for: recruiter)
            guard !jobs.isEmpty else { return }
            for _ in 0..<options.commodityAttemptsPerHour {
                let candidate = random.pick(pool)
                let job = random.pick(jobs)
                try await attempt(OutreachRequest(candidateID: candidate, kind: .opportunity, jobIDs: [job]), by: recruiter, world: world,
                                  service: service, log: &log, now: now)
            }
            return
        }
        // A relationship recruiter: a few considered pitches from the candidate's own best matches, and discovery calls.
        if random.percent(45) {
            let candidate = random.pick(pool)
            let best = try await matching.opportunities(for: candidate, limit: 3)
            let fitting = best.filter { $0.fit.score >= settings.threshold }.prefix(random.percent(30) ? 2 : 1).map(\.jobID)
            if !fitting.isEmpty {
                try await attempt(OutreachRequest(candidateID: candidate, kind: .opportunity, jobIDs: Array(fitting)), by: recruiter,
                                  world: world, service: service, log: &log, now: now)
            } else if let near = best.first, random.percent(10) {
                try await attempt(OutreachRequest(
                    candidateID: candidate, kind: .opportunity, jobIDs: [near.jobID],
                    overrideReason: "They told me on our last call they want to move into exactly this kind of team."),
                    by: recruiter, world: world, service: service, log: &log, now: now)
            }
        }
        if random.percent(15) {
            let candidate = random.pick(pool)
            if !world.discovered.contains(candidate) {
                world.discovered.insert(candidate)
                _ = try? await service.send(OutreachRequest(candidateID: candidate, kind: .discovery), by: recruiter.user)
            }
        }
    }

    private func attempt(
        _ request: OutreachRequest, by recruiter: SimulatedRecruiter, world: SimulatedFirm, service: OutreachService,
        log: inout SimulationLog, now: Date
    ) async throws {
        guard let candidate = world.candidates[request.candidateID] else { return }
        var attempt = SimulationLog.Attempt(candidateID: request.candidateID, at: now, duringQuietHours: candidate.isQuiet(at: now))
        do {
            let (_, verdict) = try await service.send(request, by: recruiter.user)
            if case .held = verdict.decision { attempt.held = true }
            if verdict.overridden { log.overrides += 1 }
        } catch let refused as OutreachRefused {
            attempt.blockedCodes = refused.verdict.codes
        }
        log.attempts.append(attempt)
    }

    // MARK: Candidates and answers

    private func replyAndAnswer(
        world: inout SimulatedFirm, service: OutreachService, log: inout SimulationLog, random: inout DemoRandom, now: Date
    ) async throws {
        while let next = world.pendingReplies.first, next.at <= now {
            world.pendingReplies.removeFirst()
            guard let candidate = world.candidates[next.candidateID] else { continue }
            let raw = SimulatedReply.raw(from: candidate, text: next.text, inReplyTo: next.messageID, subject: next.subject, at: next.at,
                                         id: "reply-\(log.replies)@candidates.example")
            if case .stored(let reply, let obligation) = try await service.receive(raw: raw) {
                log.replies += 1
                log.intents[reply.classification.intent.code, default: 0] += 1
                if let obligation, let owner = world.recruiters.first(where: { $0.user.id == obligation.ownerID }) {
                    if let delay = owner.answerDelay(&random) {
                        world.pendingAnswers.append(.init(at: owner.nextWorkingInstant(after: now.addingTimeInterval(delay)),
                                                          reply: reply, recruiter: owner))
                    }
                }
            }
        }
        world.pendingAnswers.sort { $0.at < $1.at }
        while let next = world.pendingAnswers.first, next.at <= now {
            world.pendingAnswers.removeFirst()
            let kind: OutreachKind = switch next.reply.classification.intent {
            case .notInterested, .notNow: .closeTheLoop
            default: .checkIn
            }
            let note = kind == .closeTheLoop ? nil : "Thanks for getting back to me. Could we talk this week? Happy to answer anything."
            let request = OutreachRequest(candidateID: next.reply.candidateID, kind: kind, note: note, replyID: next.reply.id)
            do {
                _ = try await service.send(request, by: next.recruiter.user)
            } catch is OutreachRefused {
                // They cannot be e-mailed (they opted out since): the recruiter rings instead, if anything is allowed.
                _ = try? await service.send(OutreachRequest(candidateID: next.reply.candidateID, kind: kind, channel: .phone,
                                                            note: "Called back about their reply.", occurredAt: now),
                                            by: next.recruiter.user)
            }
        }
    }

    private func drain(
        _ delivery: DeliveryService, transport: RecordingTransport, world: inout SimulatedFirm, log: inout SimulationLog,
        random: inout DemoRandom
    ) async throws {
        while true {
            let report = try await delivery.deliverDue()
            log.blockedAtSend += report.blocked
            if report.touched < DeliveryService.batchSize { break }
        }
        for sent in transport.take() {
            guard let outreach = try await store.outreach(messageIDs: [sent.messageID]) else {
                log.escalationEmails += 1
                continue
            }
            guard let candidate = world.candidates[outreach.candidateID] else { continue }
            if candidate.isQuiet(at: sent.at) { log.deliveredDuringQuietHours += 1 }
            if outreach.kind == .opportunity {
                log.deliveredPitches.append(.init(candidateID: outreach.candidateID, at: sent.at, fits: outreach.jobs.map(\.fit),
                                                  overridden: outreach.overrideReason != nil))
            } else {
                log.otherDelivered += 1
            }
            if let reply = SimulatedReply.pick(for: outreach, threshold: settings.threshold, random: &random) {
                world.pendingReplies.append(.init(at: sent.at.addingTimeInterval(Double(random.int(1...36)) * 3600),
                                                  candidateID: outreach.candidateID, messageID: sent.messageID,
                                                  subject: outreach.content.subject, text: reply))
            }
        }
        world.pendingReplies.sort { $0.at < $1.at }
    }

    // MARK: Report

    private func report(world: SimulatedFirm, log: SimulationLog, end: Date) async throws -> SimulationReport {
        let week: TimeInterval = 7 * 86_400
        let weeks = max(1, options.days / 7)
        func weekIndex(_ at: Date) -> Int? {
            let index = Int(at.timeIntervalSince(options.start) / week)
            return index < weeks ? index : nil
        }
        struct Key: Hashable { var candidate: CandidateID; var week: Int }
        var attempted: [Key: Int] = [:]
        var delivered: [Key: Int] = [:]
        for attempt in log.attempts {
            if let week = weekIndex(attempt.at) { attempted[Key(candidate: attempt.candidateID, week: week), default: 0] += 1 }
        }
        for pitch in log.deliveredPitches {
            if let week = weekIndex(pitch.at) { delivered[Key(candidate: pitch.candidateID, week: week), default: 0] += 1 }
        }
        let keys = Array(attempted.keys)
        var worstExcess = 0
        for (candidateID, pitches) in Dictionary(grouping: log.deliveredPitches, by: \.candidateID) {
            let times = pitches.map(\.at).sorted()
            let limit = world.candidates[candidateID]?.limit ?? ContactPreferences.defaultMaxJobPitches
            var first = 0
            for (index, time) in times.enumerated() {
                while times[first] <= time.addingTimeInterval(-ContactPolicy.window) { first += 1 }
                worstExcess = max(worstExcess, index - first + 1 - limit)
            }
        }
        let below = log.deliveredPitches.filter { !$0.overridden && $0.fits.contains { $0 < settings.threshold } }.count
        var blocked: [String: Int] = [:]
        for attempt in log.attempts {
            for code in Set(attempt.blockedCodes) { blocked[code, default: 0] += 1 }
        }
        if log.blockedAtSend > 0 { blocked["blocked_at_send_time", default: 0] += log.blockedAtSend }
        let obligations = try await store.obligations(owner: nil, openOnly: false, limit: 1_000_000)
        let within = obligations.filter(\.metSLA).count
        let late = obligations.filter { $0.status == .fulfilled && !$0.metSLA }.count
        let open = obligations.filter { $0.status == .open }
        let commodity = world.recruiters.filter { $0.behaviour == .commodity }.count
        return SimulationReport(
            days: options.days, seed: options.seed, start: options.start, candidates: world.candidates.count,
            recruiters: world.recruiters.count, commodityRecruiters: commodity,
            forgetfulRecruiters: world.recruiters.filter { $0.behaviour == .forgetful }.count,
            pitchesAttempted: log.attempts.count, pitchesDelivered: log.deliveredPitches.count, pitchesBlocked: blocked,
            attemptedPerCandidateWeek: .init(keys.map { attempted[$0] ?? 0 }),
            deliveredPerCandidateWeek: .init(keys.map { delivered[$0] ?? 0 }), candidateWeeks: keys.count,
            worstRolling30DayExcess: max(0, worstExcess),
            deliveredBelowThresholdWithoutOverride: below,
            belowThresholdShare: log.deliveredPitches.isEmpty ? 0 : Double(below) / Double(log.deliveredPitches.count),
            overrides: log.overrides,
            attemptedDuringQuietHours: log.attempts.filter(\.duringQuietHours).count,
            heldForQuietHours: log.attempts.filter(\.held).count,
            deliveredDuringQuietHours: log.deliveredDuringQuietHours,
            otherMessagesDelivered: log.otherDelivered, replies: log.replies, repliesByIntent: log.intents,
            unsubscribes: log.intents["unsubscribe"] ?? 0, obligations: obligations.count, answeredWithinSLA: within, answeredLate: late,
            stillOpen: open.count, overdue: late + open.filter { $0.dueAt <= end }.count,
            escalations: obligations.filter { $0.escalatedAt != nil }.count, escalationEmails: log.escalationEmails,
            withinSLAShare: obligations.isEmpty ? 0 : (Double(within) / Double(obligations.count) * 1000).rounded() / 1000)
    }
}

/// What happened, as the simulation saw it.
struct SimulationLog {
    struct Attempt {
        var candidateID: CandidateID
        var at: Date
        var duringQuietHours: Bool
        var held = false
        var blockedCodes: [String] = []
    }

    struct Delivered {
        var candidateID: CandidateID
        var at: Date
        var fits: [Int]
        var overridden: Bool
    }

    var attempts: [Attempt] = []
    var deliveredPitches: [Delivered] = []
    var otherDelivered = 0
    var deliveredDuringQuietHours = 0
    var blockedAtSend = 0
    var overrides = 0
    var replies = 0
    var intents: [String: Int] = [:]
    var escalationEmails = 0
}

/// Accepts every message at the simulated time it was handed over.
final class RecordingTransport: MailTransport {
    struct Sent {
        var messageID: String
        var at: Date
    }

    private let clock: SimulationClock
    private let sent = Mutex<[Sent]>([])

    init(clock: SimulationClock) {
        self.clock = clock
    }

    var description: String { "simulation" }

    func deliver(_ message: [UInt8], from sender: String, to recipient: String, messageID: String) async -> TransportResult {
        let at = clock.now
        sent.withLock { $0.append(Sent(messageID: messageID, at: at)) }
        return .accepted("250 accepted by the simulation")
    }

    func take() -> [Sent] {
        sent.withLock { sent in
            defer { sent.removeAll() }
            return sent
        }
    }
}
