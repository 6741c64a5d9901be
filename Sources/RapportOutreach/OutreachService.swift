import Foundation
import Logging
import RapportCore
import RapportMatch

/// A message a recruiter wants to send or log.
public struct OutreachRequest: Sendable {
    public var candidateID: CandidateID
    public var kind: OutreachKind
    public var channel: OutreachChannel
    public var jobIDs: [JobID]
    /// The recruiter's own words, after the greeting of an e-mail; the summary of a logged contact.
    public var note: String?
    public var subject: String?
    /// A written reason to send below the fit threshold.
    public var overrideReason: String?
    /// When a logged contact happened; e-mails go now (or after quiet hours).
    public var occurredAt: Date?
    /// The reply this message answers: its e-mail is threaded under it.
    public var replyID: ReplyID?
    /// For a survey: the moment it asks about.
    public var surveyTrigger: SurveyTrigger?

    public init(
        candidateID: CandidateID, kind: OutreachKind, channel: OutreachChannel = .email, jobIDs: [JobID] = [], note: String? = nil,
        subject: String? = nil, overrideReason: String? = nil, occurredAt: Date? = nil, replyID: ReplyID? = nil,
        surveyTrigger: SurveyTrigger? = nil
    ) {
        self.surveyTrigger = surveyTrigger
        self.candidateID = candidateID
        self.kind = kind
        self.channel = channel
        self.jobIDs = jobIDs
        self.note = note
        self.subject = subject
        self.overrideReason = overrideReason
        self.occurredAt = occurredAt
        self.replyID = replyID
    }
}

/// One job of a composed opportunity: the score, eligibility and the story behind them.
public struct JobAssessment: Sendable {
    public var job: Job
    public var clientName: String
    public var fit: FitExplanation
}

/// What a recruiter sees before anything is queued: the policy's verdict and the message as the candidate would get it.
public struct OutreachPreview: Sendable {
    public var verdict: ContactVerdict
    public var jobs: [JobAssessment]
    /// The composed message; links carry placeholder tokens until it is queued.
    public var content: MessageContent
}

/// The policy refused the message; nothing was stored.
public struct OutreachRefused: Error, Sendable {
    public var verdict: ContactVerdict
}

/// Composing, checking, queueing and logging messages to candidates.
///
/// Every message goes through the firm-wide contact policy here, at composition, and again in `DeliveryService` when it
/// is sent, so whatever changed in between (an opt-out, another recruiter's pitch) is honoured.
public struct OutreachService: Sendable {
    public private(set) var records: FirmRecords
    public let matching: MatchService
    /// The settings given at start, before any an admin changed since (see `settings`).
    let startSettings: OutreachSettings
    /// The firm's adjustable settings, shared by every copy of the service so a change applies at once everywhere.
    let adjustable: AdjustableSettings
    let composer: MessageComposer
    let classifier = ReplyClassifier()
    let makeTokens: @Sendable () -> OutreachTokens
    let makeMessageID: @Sendable () -> String
    let logger: Logger

    public init(
        records: FirmRecords, matching: MatchService, settings: OutreachSettings, logger: Logger = Logger(label: "rapport.outreach"),
        makeTokens: (@Sendable () -> OutreachTokens)? = nil, makeMessageID: (@Sendable () -> String)? = nil
    ) {
        self.records = records
        self.matching = matching
        self.startSettings = settings
        self.adjustable = AdjustableSettings(FirmSettings(settings))
        self.composer = MessageComposer(settings: settings)
        self.logger = logger
        self.makeTokens = makeTokens ?? {
            var generator = SystemRandomNumberGenerator()
            return OutreachTokens.random(using: &generator)
        }
        let domain = settings.mailDomain
        self.makeMessageID = makeMessageID ?? { "\(UUID().uuidString.lowercased())@\(domain)" }
    }

    var store: any RapportStore { records.store }
    var now: Date { records.now() }

    /// The settings in force: those given at start, with the fit threshold, reply SLA and redeployment weeks as an admin
    /// last set them.
    public var settings: OutreachSettings {
        var settings = startSettings
        adjustable.current.apply(to: &settings)
        return settings
    }

    /// Changes the firm's adjustable settings: kept in the database, in force at once.
    public func change(_ firm: FirmSettings) async throws {
        try firm.validate()
        try await store.saveFirmSettings(firm.values)
        adjustable.set(firm)
    }

    /// Puts into force the settings an admin saved, if any; they win over those given at start.
    public func loadSavedSettings() async throws {
        let saved = try await store.firmSettings()
        guard !saved.isEmpty else { return }
        adjustable.set(FirmSettings(settings, saved: saved))
    }

    // MARK: Composing and sending

    public func preview(_ request: OutreachRequest, by recruiter: User) async throws -> OutreachPreview {
        let prepared = try await prepare(request, by: recruiter)
        let placeholder = OutreachTokens(unsubscribe: "preview", feedback: "preview", preferences: "preview", reply: "preview")
        let content = await compose(request, prepared, recruiter: prepared.sender, tokens: placeholder,
                                    surveyToken: request.surveyTrigger == nil ? nil : "preview")
        return OutreachPreview(verdict: prepared.verdict, jobs: prepared.jobs, content: content)
    }

    /// Queues an e-mail (or logs a contact) the policy allows; throws `OutreachRefused` with the verdict otherwise.
    public func send(_ request: OutreachRequest, by recruiter: User) async throws -> (Outreach, ContactVerdict) {
        let prepared = try await prepare(request, by: recruiter)
        guard let sendAt = prepared.verdict.sendAt else { throw OutreachRefused(verdict: prepared.verdict) }
        let verdict = prepared.verdict
        let pitched = prepared.jobs.map { OutreachJob(jobID: $0.job.id, fit: $0.fit.score) }
        let override = verdict.overridden ? verdict.overrideReason : nil
        if request.channel.isSentByRapport {
            let recruiter = prepared.sender
            let tokens = makeTokens()
            let messageID = makeMessageID()
            // A fresh random token of its own, so answering the survey needs nothing from the message's other links.
            let survey = request.surveyTrigger.map {
                SurveyDraft(token: makeTokens().reply, trigger: $0, practiceID: prepared.candidate.profile.homePracticeID)
            }
            let content = await compose(request, prepared, recruiter: recruiter, tokens: tokens, surveyToken: survey?.token)
            let draft = OutreachDraft(
                candidateID: request.candidateID, recruiterID: recruiter.id, kind: request.kind, channel: .email, jobs: pitched,
                content: content, sendAfter: sendAt, overrideReason: override, isAutomated: request.kind == .survey, messageID: messageID,
                tokens: tokens, survey: survey)
            let envelope = self.envelope(content, candidate: prepared.candidate.profile, recruiter: recruiter, tokens: tokens,
                                         inReplyTo: prepared.answering?.messageID)
            let outreach = try await store.createOutreach(draft, envelope: envelope, at: now)
            logger.info("outreach queued", metadata: ["outreach": "\(outreach.id)", "kind": "\(request.kind.rawValue)"])
            if request.kind == .opportunity { try await reportOverlap(outreach, history: prepared.history, candidate: prepared.candidate) }
            return (outreach, verdict)
        }
        let summary = request.note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let subject = request.subject?.trimmingCharacters(in: .whitespacesAndNewlines)
        let content = MessageContent(subject: subject.flatMap { $0.isEmpty ? nil : $0 } ?? "\(request.channel.rawValue): \(request.kind.rawValue)",
                                     text: summary)
        let draft = OutreachDraft(
            candidateID: request.candidateID, recruiterID: recruiter.id, kind: request.kind, channel: request.channel, jobs: pitched,
            content: content, sendAfter: request.occurredAt ?? now, overrideReason: override)
        let outreach = try await store.createOutreach(draft, envelope: nil, at: now)
        if request.kind == .opportunity { try await reportOverlap(outreach, history: prepared.history, candidate: prepared.candidate) }
        return (outreach, verdict)
    }

    struct Prepared {
        var candidate: Candidate
        var jobs: [JobAssessment]
        var verdict: ContactVerdict
        var answering: Reply?
        /// Job pitches the candidate has had (or has queued), from every recruiter.
        var history: [PitchRecord]
        /// Whose name an e-mail goes out under, whose signature it carries and to whom its replies are threaded.
        var sender: User
    }

    private func prepare(_ request: OutreachRequest, by recruiter: User) async throws -> Prepared {
        try validate(request)
        let candidate = try await store.candidate(request.candidateID)
        var jobs: [JobAssessment] = []
        var missing: [ValidationIssue] = []
        for (index, jobID) in request.jobIDs.enumerated() {
            do {
                let job = try await store.job(jobID)
                let client = try await store.client(job.details.clientID)
                jobs.append(JobAssessment(job: job, clientName: client.details.name,
                                          fit: matching.fit(candidate.profile, for: job.details, clientIndustry: client.details.industry)))
            } catch RapportError.notFound {
                missing.append(.missing("jobIDs[\(index)]", "no job has id \(jobID)"))
            }
        }
        if !missing.isEmpty { throw RapportError.invalid(missing) }
        var answering: Reply?
        if let replyID = request.replyID {
            let reply = try await replyForAnswer(replyID)
            guard reply.candidateID == request.candidateID else {
                throw RapportError.invalid(field: "replyID", "must be a reply from the same candidate")
            }
            answering = reply
        }
        let history = try await store.pitchHistory(candidate: request.candidateID, includingQueued: true)
        let address = try await store.addressStatus(candidate.profile.email)
        let submissions = jobs.isEmpty ? [] : try await store.submissions(candidate: request.candidateID)
        let pitched = jobs.map { PitchedJob(jobID: $0.job.id, fit: $0.fit.score, eligibility: $0.fit.ineligibility) }
        let names = Dictionary(jobs.map { ($0.job.id, "\($0.job.details.title) at \($0.clientName)") }) { first, _ in first }
        var verdict = settings.policy.verdict(
            kind: request.kind, candidate: candidate.profile, jobs: pitched, override: request.overrideReason, history: history,
            submissions: submissions, channel: request.channel.isSentByRapport ? .email : nil,
            address: request.channel.isSentByRapport ? address?.suppression : nil, jobNames: names, now: now)
        if !request.channel.isSentByRapport, case .held = verdict.decision {
            // A logged call has already happened: quiet hours govern what Rapport sends, not what a recruiter records.
            verdict.decision = .allowed(at: request.occurredAt ?? now)
        }
        return Prepared(candidate: candidate, jobs: jobs, verdict: verdict, answering: answering, history: history,
                        sender: await sender(for: candidate, actor: recruiter))
    }

    /// A recruiter writes in their own name. An admin, or anyone outside every practice, writes for the firm: the e-mail
    /// goes out under the name of the recruiter who owns the relationship (when active), and their replies go to them.
    private func sender(for candidate: Candidate, actor: User) async -> User {
        guard actor.details.role == .admin || actor.details.practiceIDs.isEmpty, let ownerID = candidate.profile.ownerID, ownerID != actor.id,
              let owner = try? await store.user(ownerID), owner.details.active
        else { return actor }
        return owner
    }

    private func replyForAnswer(_ id: ReplyID) async throws -> Reply {
        do {
            return try await store.reply(id)
        } catch RapportError.notFound {
            throw RapportError.invalid(field: "replyID", "no reply has id \(id)")
        }
    }

    private func validate(_ request: OutreachRequest) throws {
        var validator = Validator()
        if let note = request.note { validator.text("note", note, required: false, maxLength: 5000) }
        if let subject = request.subject { validator.text("subject", subject, required: false, maxLength: 200) }
        if let reason = request.overrideReason { validator.text("overrideReason", reason, required: false, maxLength: 1000) }
        if request.jobIDs.count > 10 { validator.fail("jobIDs", "must list at most 10 jobs") }
        if request.kind == .survey, request.channel.isSentByRapport, request.surveyTrigger == nil {
            validator.fail("surveyTrigger", "is required for a survey: discovery, submission_outcome, placement_start or assignment_end")
        }
        if request.kind != .survey, request.surveyTrigger != nil { validator.fail("surveyTrigger", "goes only with a survey") }
        if request.channel.isSentByRapport {
            if request.occurredAt != nil { validator.fail("occurredAt", "is only for logged contacts; an e-mail goes when it is sent") }
        } else {
            if request.occurredAt == nil { validator.fail("occurredAt", "is required for a logged \(request.channel.rawValue) contact") }
            if let occurredAt = request.occurredAt, occurredAt > now.addingTimeInterval(300) {
                validator.fail("occurredAt", "must not be in the future")
            }
            if (request.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                validator.fail("note", "is required for a logged contact: say what was discussed")
            }
        }
        try validator.check()
    }

    /// The practice the message speaks for: the candidate's home practice, else the recruiter's first.
    private func practiceName(_ prepared: Prepared, recruiter: User) async -> String? {
        guard let practiceID = prepared.candidate.profile.homePracticeID ?? recruiter.details.practiceIDs.first else { return nil }
        return try? await store.practice(practiceID).details.name
    }

    private func compose(
        _ request: OutreachRequest, _ prepared: Prepared, recruiter: User, tokens: OutreachTokens, surveyToken: String?
    ) async -> MessageContent {
        let presented = prepared.jobs.map { assessment in
            PresentedJob(job: assessment.job, clientName: assessment.clientName, fit: assessment.fit.score,
                         whyItFits: assessment.fit.forCandidate)
        }
        var subject = request.subject
        if subject?.trimmingCharacters(in: .whitespaces).isEmpty ?? true, let answering = prepared.answering {
            subject = answering.subject.lowercased().hasPrefix("re:") ? answering.subject : "Re: \(answering.subject)"
        }
        return composer.compose(Composition(
            kind: request.kind, candidate: prepared.candidate.profile, recruiter: recruiter,
            practiceName: await practiceName(prepared, recruiter: recruiter),
            jobs: presented, note: request.note, subject: subject, links: MessageLinks(tokens: tokens, settings: settings),
            surveyURL: surveyToken.map { settings.surveyURL(token: $0) }))
    }

    /// The headers every e-mail to a candidate carries: RFC 8058 one-click unsubscribe (https and mailto), and a Reply-To
    /// whose token threads the answer even when a mail client drops In-Reply-To.
    func envelope(
        _ content: MessageContent, candidate: CandidateProfile, recruiter: User, tokens: OutreachTokens, inReplyTo: String?
    ) -> MailEnvelope {
        let unsubscribe = "<\(settings.unsubscribeURL(token: tokens.unsubscribe))>, <mailto:\(settings.unsubscribeAddress(token: tokens.unsubscribe))?subject=unsubscribe>"
        return MailEnvelope(
            fromName: "\(recruiter.details.name) at \(settings.firmName)", fromEmail: settings.sendingAddress, toName: candidate.name,
            toEmail: candidate.email, replyTo: settings.replyAddress(token: tokens.reply), content: content,
            headers: [
                MailHeader("List-Unsubscribe", unsubscribe),
                MailHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
            ],
            inReplyTo: inReplyTo, date: now)
    }

    // MARK: Reading

    public func outreach(_ id: OutreachID) async throws -> Outreach { try await store.outreach(id) }

    public func cancel(_ id: OutreachID) async throws -> Outreach { try await store.cancelOutreach(id, at: now) }
}

extension OutreachService {
    /// The same service writing through records that also tell `observer` (the match index) about every change.
    public func observed(by observer: any RecordObserver) -> OutreachService {
        var copy = self
        copy.records = records.observed(by: observer)
        return copy
    }
}
