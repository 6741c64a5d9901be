import Foundation
import RapportCore

/// How a simulated recruiter works.
enum RecruiterBehaviour: Sendable {
    /// Pitches every open job to everyone; answers late or not at all.
    case commodity
    /// Pitches only what fits, answers within hours.
    case relationship
    /// Pitches what fits but often forgets to answer.
    case forgetful
}

struct SimulatedRecruiter: Sendable {
    var user: User
    var behaviour: RecruiterBehaviour
    var timeZone: TimeZone
    var calendar: BusinessCalendar

    /// 09:00 to 17:00 on the recruiter's business days, in their region's time.
    func isWorking(at instant: Date) -> Bool {
        let date = LocalDate(instant, in: timeZone)
        guard calendar.isBusinessDay(date) else { return false }
        var clock = Calendar(identifier: .gregorian)
        clock.timeZone = timeZone
        return (9..<17).contains(clock.component(.hour, from: instant))
    }

    /// The first working hour at or after `instant`.
    func nextWorkingInstant(after instant: Date) -> Date {
        var candidate = instant
        for _ in 0..<(24 * 10) where !isWorking(at: candidate) {
            candidate = candidate.addingTimeInterval(3600)
        }
        return candidate
    }

    /// How long until they answer a reply, or nil when they never do.
    func answerDelay(_ random: inout DemoRandom) -> TimeInterval? {
        switch behaviour {
        case .relationship:
            random.percent(95) ? Double(random.int(1...5)) * 3600 : Double(random.int(30...60)) * 3600
        case .forgetful:
            random.percent(55) ? Double(random.int(2...20)) * 3600 : (random.percent(50) ? Double(random.int(40...80)) * 3600 : nil)
        case .commodity:
            random.percent(40) ? Double(random.int(4...30)) * 3600 : (random.percent(40) ? Double(random.int(40...90)) * 3600 : nil)
        }
    }
}

/// A candidate as the simulation needs them: where their clock is and how often they may be pitched.
struct SimulatedCandidate: Sendable {
    var id: CandidateID
    var name: String
    var email: String
    var practiceID: PracticeID?
    var timeZone: TimeZone
    var quietHours: QuietHours
    var limit: Int

    func isQuiet(at instant: Date) -> Bool {
        quietHours.contains(instant, timeZone: timeZone)
    }
}

/// The firm being simulated, and what is waiting to happen in it.
struct SimulatedFirm: Sendable {
    struct PendingReply: Sendable {
        var at: Date
        var candidateID: CandidateID
        var messageID: String
        var subject: String
        var text: String
    }

    struct PendingAnswer: Sendable {
        var at: Date
        var reply: Reply
        var recruiter: SimulatedRecruiter
    }

    var recruiters: [SimulatedRecruiter]
    var candidates: [CandidateID: SimulatedCandidate]
    var candidatesByPractice: [PracticeID: [CandidateID]]
    var openJobsByPractice: [PracticeID: [JobID]]
    var discovered: Set<CandidateID> = []
    var pendingReplies: [PendingReply] = []
    var pendingAnswers: [PendingAnswer] = []

    func pool(for recruiter: SimulatedRecruiter) -> [CandidateID] {
        recruiter.user.details.practiceIDs.flatMap { candidatesByPractice[$0] ?? [] }
    }

    func openJobs(for recruiter: SimulatedRecruiter) -> [JobID] {
        recruiter.user.details.practiceIDs.flatMap { openJobsByPractice[$0] ?? [] }
    }

    static func load(store: any RapportStore, options: SimulationOptions, threshold: Int) async throws -> SimulatedFirm {
        let users = try await FirmRecords(store: store).allUsers()
        var random = DemoRandom(seed: options.seed, stream: 93, index: 0)
        let staff = users.filter { $0.details.active && $0.details.role != .admin && !$0.details.practiceIDs.isEmpty }
            .sorted { $0.id < $1.id }
        var order = staff.indices.map { ($0, random.next()) }.sorted { $0.1 < $1.1 }.map(\.0)
        let commodityCount = Int((Double(staff.count) * options.commodityShare).rounded())
        let forgetfulCount = Int((Double(staff.count - commodityCount) * options.forgetfulShare).rounded())
        var behaviours = Array(repeating: RecruiterBehaviour.relationship, count: staff.count)
        for (rank, index) in order.enumerated() {
            if rank < commodityCount { behaviours[index] = .commodity } else if rank < commodityCount + forgetfulCount { behaviours[index] = .forgetful }
        }
        order.removeAll()
        let recruiters = staff.enumerated().map { index, user in
            SimulatedRecruiter(
                user: user, behaviour: behaviours[index],
                timeZone: TimeZone(identifier: user.details.region.defaultTimeZoneIdentifier) ?? .gmt,
                calendar: user.details.region.businessCalendar())
        }

        var candidates: [CandidateID: SimulatedCandidate] = [:]
        var byPractice: [PracticeID: [CandidateID]] = [:]
        var last: CandidateID?
        while true {
            let batch = try await store.candidates(after: last, limit: 2000)
            guard let final = batch.last else { break }
            for candidate in batch {
                let profile = candidate.profile
                candidates[candidate.id] = SimulatedCandidate(
                    id: candidate.id, name: profile.name, email: profile.email, practiceID: profile.homePracticeID,
                    timeZone: TimeZone(identifier: profile.timeZone) ?? .gmt, quietHours: profile.contactPreferences.quietHours,
                    limit: profile.contactPreferences.maxJobPitchesPer30Days)
                if let practice = profile.homePracticeID { byPractice[practice, default: []].append(candidate.id) }
            }
            last = final.id
        }
        var jobs: [PracticeID: [JobID]] = [:]
        var query = JobQuery()
        query.status = .open
        var cursor: Int64?
        repeat {
            let page = try await store.jobs(query, page: PageRequest(limit: PageRequest.maximumLimit, after: cursor))
            for job in page.items {
                if let practice = job.details.practiceID { jobs[practice, default: []].append(job.id) }
            }
            cursor = page.nextAfter
        } while cursor != nil
        return SimulatedFirm(recruiters: recruiters, candidates: candidates, candidatesByPractice: byPractice, openJobsByPractice: jobs)
    }
}

/// What candidates write back, at realistic rates: a good fit earns more replies and more interest.
enum SimulatedReply {
    static func pick(for outreach: Outreach, threshold: Int, random: inout DemoRandom) -> String? {
        let chance: Int
        switch outreach.kind {
        case .opportunity:
            let fit = outreach.jobs.map(\.fit).min() ?? 0
            chance = fit >= 75 ? 30 : fit >= threshold ? 20 : 6
        case .discovery:
            chance = 30
        default:
            return nil
        }
        guard random.percent(chance) else { return nil }
        let fit = outreach.jobs.map(\.fit).min() ?? threshold
        let table = fit >= threshold || outreach.kind == .discovery ? warm : cold
        return random.pick(table)
    }

    private static let warm = [
        "Yes, I'm interested. Could we have a call this week?",
        "Sounds good, I'd like to hear more.",
        "Yes please, send me more details.",
        "Thanks, but the pay is too low for me.",
        "Not interested, I'm happy where I am.",
        "Not right now, maybe get back to me in March.",
        "Is this role remote? And what is the team like?",
        "Not for me, but my friend Sam Lee sam.lee@example.org might be interested.",
        "Thanks, but it's too far to commute.",
        "Interested! When could I talk to the hiring manager?",
        "Please stop emailing me.",
    ]

    private static let cold = [
        "Not interested. I don't work with that stack.",
        "Please remove me from your list.",
        "No thanks.",
        "Unsubscribe",
        "This isn't relevant to my skills at all.",
        "Not interested, I'm happy where I am.",
    ]

    /// The reply as an MTA would hand it over: raw RFC 5322, threaded by In-Reply-To.
    static func raw(from candidate: SimulatedCandidate, text: String, inReplyTo: String, subject: String, at: Date, id: String) -> Data {
        raw(name: candidate.name, email: candidate.email, timeZone: candidate.timeZone, text: text, inReplyTo: inReplyTo, subject: subject,
            at: at, id: id)
    }

    static func raw(name: String, email: String, timeZone: TimeZone, text: String, inReplyTo: String, subject: String, at: Date, id: String) -> Data {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "EEE, d MMM yyyy HH:mm:ss Z"
        let message = """
            From: \(name) <\(email)>\r
            To: replies@rapport.example\r
            Subject: Re: \(subject)\r
            Date: \(formatter.string(from: at))\r
            Message-ID: <\(id)>\r
            In-Reply-To: <\(inReplyTo)>\r
            References: <\(inReplyTo)>\r
            MIME-Version: 1.0\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            \(text)\r
            \r
            On an earlier day, someone wrote:\r
            > the original message\r

            """
        return Data(message.utf8)
    }
}
