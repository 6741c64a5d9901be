import Foundation
import Logging
import RapportCore
import RapportMail
import RapportMatch
import ServiceLifecycle

/// Figures from one pass over the outbox.
public struct DeliveryReport: Sendable, Equatable {
    public var sent = 0
    public var held = 0
    public var blocked = 0
    public var retrying = 0
    public var failed = 0

    public init() {}

    public var touched: Int { sent + held + blocked + retrying + failed }
}

/// Drains the durable outbox, escalates overdue obligations, sends planned surveys and clears expired sign-ins, as a
/// ServiceLifecycle service.
///
/// Delivery is at least once: an entry is reserved (`sending`, with a lease) in the same transaction that re-checks the
/// contact policy, handed to the transport, then marked sent. A crash between the server's acceptance and the mark leaves
/// the lease to lapse and the message to be sent again with the same Message-ID, which receivers use to drop duplicates.
public struct DeliveryService: Service {
    public let outreach: OutreachService
    public let transport: any MailTransport
    /// Time between passes when the outbox is empty.
    public let interval: Duration
    let logger: Logger

    public init(outreach: OutreachService, transport: any MailTransport, interval: Duration = .seconds(5),
                logger: Logger = Logger(label: "rapport.delivery")) {
        self.outreach = outreach
        self.transport = transport
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        logger.info("delivery started", metadata: ["transport": "\(transport.description)"])
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let report = try await deliverDue()
                    try await outreach.escalateOverdue()
                    try await outreach.sendDueSurveys()
                    try await outreach.store.deleteExpiredSessions(now: outreach.now)
                    // A full batch means more is waiting: go again without sleeping.
                    if report.touched >= Self.batchSize { continue }
                } catch is CancellationError {
                    return
                } catch {
                    logger.error("delivery pass failed", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
        logger.info("delivery stopped")
    }

    public static let batchSize = 50

    /// One pass: every entry due now is checked against the policy and sent, held, blocked or scheduled for retry.
    public func deliverDue() async throws -> DeliveryReport {
        var report = DeliveryReport()
        let store = outreach.store
        for id in try await store.dueOutbox(now: outreach.now, limit: Self.batchSize) {
            try Task.checkCancellation()
            let entry: OutboxEntry
            switch try await store.beginSending(id, now: outreach.now, decide: try await decision(for: id)) {
            case .send(let reserved): entry = reserved
            case .held: report.held += 1; continue
            case .blocked: report.blocked += 1; continue
            case .notDue: continue
            }
            switch try await deliver(entry) {
            case .accepted: report.sent += 1
            case .transientFailure: report.retrying += 1
            case .permanentFailure: report.failed += 1
            }
        }
        return report
    }

    /// The policy check for the entry's outreach, with fit and eligibility worked out now (a job may have closed, the
    /// candidate may have moved); the contact rules run inside the store's transaction on the candidate as stored then.
    private func decision(for id: OutboxID) async throws -> @Sendable (SendingCheck) -> SendingDecision {
        let entry = try await outreach.store.outboxEntry(id)
        var jobs: [PitchedJob] = []
        if let outreachID = entry.outreachID {
            let message = try await outreach.store.outreach(outreachID)
            for job in message.jobs {
                if let fit = try? await outreach.matching.fit(candidate: message.candidateID, job: job.jobID) {
                    jobs.append(PitchedJob(jobID: job.jobID, fit: fit.score, eligibility: fit.ineligibility))
                } else {
                    jobs.append(PitchedJob(jobID: job.jobID, fit: 0, eligibility: [.jobNotOpen(.closed)]))
                }
            }
        }
        let policy = outreach.settings.policy
        let lease = outreach.settings.sendingLease
        let now = outreach.now
        return { [jobs] check in
            switch check {
            case .notice:
                return .send(claimedUntil: now.addingTimeInterval(lease))
            case .outreach(let message, let candidate, let history, let submissions, let address):
                let verdict = policy.verdict(
                    kind: message.kind, candidate: candidate.profile, jobs: jobs, override: message.overrideReason, history: history,
                    submissions: submissions, channel: .email, address: address?.suppression, now: now)
                switch verdict.decision {
                case .allowed: return .send(claimedUntil: now.addingTimeInterval(lease))
                case .held(let until, _): return .hold(until: until)
                case .blocked: return .block(codes: verdict.codes)
                }
            }
        }
    }

    private func deliver(_ entry: OutboxEntry) async throws -> DeliveryOutcome {
        let outcome: DeliveryOutcome
        do {
            let message = try Self.render(entry)
            switch await transport.deliver(message, from: entry.envelope.fromEmail, to: entry.envelope.toEmail, messageID: entry.messageID) {
            case .accepted(let reply):
                outcome = .accepted(serverReply: reply)
            case .transient(let reason) where entry.attempts < outreach.settings.maximumAttempts:
                outcome = .transientFailure(reason, retryAt: outreach.now.addingTimeInterval(Self.backoff(afterAttempt: entry.attempts)))
            case .transient(let reason):
                outcome = .permanentFailure("gave up after \(entry.attempts) attempts: \(reason)", addressRejected: false)
            case .permanent(let reason, let addressRejected):
                outcome = .permanentFailure(reason, addressRejected: addressRejected)
            }
        } catch {
            outcome = .permanentFailure("could not render the message: \(error)", addressRejected: false)
        }
        try await outreach.store.finishSending(entry.id, outcome: outcome, at: outreach.now)
        // Only the kind of outcome: a server's reply can name the recipient, and logs never carry contact details.
        let result = switch outcome {
        case .accepted: "accepted"
        case .transientFailure: "retry"
        case .permanentFailure: "failed"
        }
        logger.info("delivery attempt", metadata: [
            "outbox": "\(entry.id)", "messageID": "\(entry.messageID)", "attempt": "\(entry.attempts)", "outcome": "\(result)",
        ])
        return outcome
    }

    /// One minute after the first failure, doubling to at most six hours.
    static func backoff(afterAttempt attempt: Int) -> TimeInterval {
        min(60 * pow(2, Double(max(0, attempt - 1))), 6 * 3600)
    }

    /// The entry as RFC 5322 bytes, the same on every attempt.
    static func render(_ entry: OutboxEntry) throws -> [UInt8] {
        let envelope = entry.envelope
        let message = OutboundMessage(
            from: MailAddress(name: envelope.fromName, address: envelope.fromEmail),
            to: [MailAddress(name: envelope.toName, address: envelope.toEmail)],
            replyTo: envelope.replyTo.map { [MailAddress(address: $0)] } ?? [],
            subject: envelope.content.subject, messageID: entry.messageID, inReplyTo: envelope.inReplyTo,
            references: envelope.inReplyTo.map { [$0] } ?? [], date: envelope.date, text: envelope.content.text,
            html: envelope.content.html,
            extraHeaders: try envelope.headers.map { try OutboundMessage.ExtraHeader(name: $0.name, value: $0.value) })
        return try message.rendered()
    }
}
