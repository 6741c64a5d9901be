import Foundation
import RapportCore
import RapportMatch
import RapportOutreach

/// The candidate search: name, skills (all of them), region and availability, with every filter in force shown and
/// removable, and the results a page at a time.
struct CandidatesPage: Sendable {
    struct Row: Sendable {
        var href: String
        var name: String
        var headline: String
        var place: String
        var availability: String
    }

    struct Option: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    /// A filter in force, with the search as it would be without it.
    struct Filter: Sendable {
        var label: String
        var removeHref: String
    }

    var layout: Layout
    var name: String
    /// The skills already chosen, kept by the form as hidden fields while another is typed.
    var skills: [String]
    var skillNames: [String]
    var regions: [Option]
    var availabilities: [Option]
    var filters: [Filter]
    var hasSkills: Bool
    var hasFilters: Bool
    var rows: [Row]
    var total: Int
    var problem: String?
    var next: String?
    /// The same people as a CSV download.
    var csvHref: String?

    /// The query a search asks for, the skills' names as the taxonomy spells them, and what could not be understood.
    static func query(_ request: SearchRequest, taxonomy: Taxonomy) -> (query: CandidateQuery, chosen: [String], problems: [String]) {
        var query = CandidateQuery(region: request.region, availability: request.availability.map { [$0] } ?? [],
                                   name: request.name.isEmpty ? nil : request.name)
        var problems: [String] = []
        var chosen: [String] = []
        for text in request.skills {
            if let skill = taxonomy.named(text) {
                if !query.skillIDs.contains(skill.id) {
                    query.skillIDs.append(skill.id)
                    chosen.append(skill.name)
                }
            } else {
                let close = taxonomy.suggestions(prefix: text, limit: 5).map(\.name)
                problems.append("No skill called “\(text)” is in the taxonomy"
                                + (close.isEmpty ? "." : "; did you mean \(close.joined(separator: ", "))?"))
            }
        }
        return (query, chosen, problems)
    }

    static func load(_ request: SearchRequest, context: RapportRequestContext, outreach: OutreachService) async throws -> CandidatesPage {
        let taxonomy = outreach.matching.taxonomy
        let (query, chosen, problems) = Self.query(request, taxonomy: taxonomy)
        let page = problems.isEmpty
            ? try await outreach.records.store.candidates(query, page: PageRequest(limit: 25, after: request.after))
            : Page(items: [], total: 0, nextAfter: nil)
        var resolved = request
        resolved.skills = chosen + request.skills.filter { taxonomy.named($0) == nil }
        resolved.after = nil
        return CandidatesPage(
            layout: Layout(title: "Candidates", context: context, section: "candidates"), name: request.name, skills: resolved.skills,
            skillNames: taxonomy.skills.map(\.name).sorted { $0.lowercased() < $1.lowercased() },
            regions: Region.allCases.map { Option(value: $0.rawValue, label: $0.rawValue, selected: $0 == request.region) },
            availabilities: Availability.Status.allCases.map { Option(value: $0.rawValue, label: $0.phrase, selected: $0 == request.availability) },
            filters: resolved.filters, hasSkills: !resolved.skills.isEmpty, hasFilters: !resolved.filters.isEmpty, rows: page.items.map { candidate in
                Row(href: "/candidates/\(candidate.id)", name: candidate.profile.name, headline: candidate.profile.headline,
                    place: "\(candidate.profile.location.city ?? candidate.profile.location.country), \(candidate.profile.region.rawValue)",
                    availability: candidate.profile.availability.status.phrase)
            },
            total: page.total, problem: problems.isEmpty ? nil : problems.joined(separator: " "),
            next: page.nextAfter.map { after in "/candidates?" + FormFields.encode(resolved.queryItems + [("after", String(after))]) },
            csvHref: problems.isEmpty && page.total > 0 ? "/candidates.csv?" + FormFields.encode(resolved.queryItems) : nil)
    }
}

/// What the search form asked for.
struct SearchRequest: Sendable {
    var name = ""
    /// Every skill asked for, each must be held: repeated `skill` fields, each of which may list several by commas.
    var skills: [String] = []
    var region: Region?
    var availability: Availability.Status?
    var after: Int64?

    init(_ form: FormFields) {
        name = String((form["name"] ?? "").trimmingCharacters(in: .whitespaces).prefix(100))
        var skills: [String] = []
        for field in form.all("skill") {
            for part in field.split(separator: ",") {
                let text = String(part.trimmingCharacters(in: .whitespaces).prefix(100))
                if !text.isEmpty, !skills.contains(where: { $0.lowercased() == text.lowercased() }) { skills.append(text) }
            }
        }
        self.skills = Array(skills.prefix(10))
        region = form["region"].flatMap(Region.init(rawValue:))
        availability = form["availability"].flatMap(Availability.Status.init(rawValue:))
        after = form["after"].flatMap(Int64.init)
    }

    var queryItems: [(name: String, value: String)] {
        var items: [(name: String, value: String)] = []
        if !name.isEmpty { items.append(("name", name)) }
        items += skills.map { ("skill", $0) }
        if let region { items.append(("region", region.rawValue)) }
        if let availability { items.append(("availability", availability.rawValue)) }
        return items
    }

    /// Each filter in force, with a link to the same search without it.
    var filters: [CandidatesPage.Filter] {
        func without(_ change: (inout SearchRequest) -> Void) -> String {
            var other = self
            change(&other)
            let query = FormFields.encode(other.queryItems)
            return query.isEmpty ? "/candidates" : "/candidates?" + query
        }
        var filters: [CandidatesPage.Filter] = []
        if !name.isEmpty { filters.append(.init(label: "name contains “\(name)”", removeHref: without { $0.name = "" })) }
        for skill in skills {
            filters.append(.init(label: "skill: \(skill)", removeHref: without { $0.skills.removeAll { $0 == skill } }))
        }
        if let region { filters.append(.init(label: "region: \(region.rawValue)", removeHref: without { $0.region = nil })) }
        if let availability {
            filters.append(.init(label: "availability: \(availability.phrase)", removeHref: without { $0.availability = nil }))
        }
        return filters
    }
}

/// One person: who they are, what they can do and want, how to reach them, what happened, and what fits them now.
struct CandidateProfilePage: Sendable {
    /// Work history, education, certifications and languages, as the page lists them.
    struct Duplicate: Sendable {
        var href: String
        var name: String
        var reason: String
        /// The two side by side, this one kept.
        var compare: String
    }

    struct File: Sendable {
        var href: String
        var name: String
        var about: String

        init(_ attachment: Attachment, candidate: CandidateID, dates: DateText) {
            href = "/candidates/\(candidate)/attachments/\(attachment.id)"
            name = attachment.fileName
            let size = attachment.size >= 1 << 20 ? String(format: "%.1f MiB", Double(attachment.size) / 1_048_576)
                : "\(max(1, attachment.size / 1024)) KiB"
            about = "\(attachment.kind.rawValue.uppercased()), \(size), added \(dates.instant(attachment.uploadedAt))"
        }
    }

    struct Career: Sendable {
        struct Work: Sendable {
            var title: String
            var employer: String
            var when: String
            var location: String?
            var summary: String
            var highlights: [String]
            var hasHighlights: Bool
        }

        var work: [Work]
        var education: [String]
        var certifications: [String]
        var languages: String?
        var hasEducation: Bool
        var hasCertifications: Bool

        init?(_ profile: CandidateProfile) {
            guard !(profile.work.isEmpty && profile.education.isEmpty && profile.certifications.isEmpty && profile.languages.isEmpty)
            else { return nil }
            work = profile.work.map {
                Work(title: $0.title.isEmpty ? "Role not given" : $0.title, employer: $0.employer,
                     when: CareerMonth.span($0.start, $0.end) ?? "dates not given", location: $0.location, summary: $0.summary,
                     highlights: $0.highlights, hasHighlights: !$0.highlights.isEmpty)
            }
            education = profile.education.map { course in
                let subject = [course.studyType, course.area].filter { !$0.isEmpty }.joined(separator: ", ")
                return [subject, course.institution, CareerMonth.span(course.start, course.end, ongoing: "in progress")]
                    .compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: " · ")
            }
            certifications = profile.certifications.map { certificate in
                [certificate.name, certificate.issuer, certificate.date?.phrase].compactMap { $0?.isEmpty == false ? $0 : nil }
                    .joined(separator: " · ")
            }
            languages = profile.languages.isEmpty ? nil : profile.languages.map { spoken in
                spoken.fluency.map { "\(spoken.language) (\($0.phrase))" } ?? spoken.language
            }.joined(separator: ", ")
            hasEducation = !education.isEmpty
            hasCertifications = !certifications.isEmpty
        }
    }

    struct Skill: Sendable {
        var name: String
        var level: Int
        var years: String
        var lastUsed: String
        var growing: Bool
    }

    struct Event: Sendable {
        var when: String
        var kind: String
        var summary: String
    }

    /// An opening that fits and that they are eligible for: a pitch when the gate would let it go, else where it stands.
    struct Opportunity: Sendable {
        var jobID: Int64
        var title: String
        var fit: Int
        var reasons: [String]
        var pitchable: Bool
        /// Why it cannot be pitched: put to them already, or further along (the pipeline is the place to act).
        var state: String?
    }

    struct Stage: Sendable {
        var job: String
        var stage: String
        var moved: String
    }

    var layout: Layout
    var id: Int64
    var name: String
    var headline: String
    var summary: String
    var place: String
    var email: String
    var phone: String?
    /// The phone number as a `tel:` link: digits and a leading plus only.
    var phoneHref: String?
    var links: [String]
    var workRights: String
    var remote: String
    var availability: String
    var owner: String
    var practice: String
    var skills: [Skill]
    var hasSkills: Bool
    var targetRoles: String
    var seniority: String
    var employmentTypes: String
    var minimumPay: String
    var learning: String
    var channels: String
    var pitchLimit: Int
    var quietHours: String
    var doNotContact: Bool
    /// Where the record came from, when an import created or changed it: "created from people.jsonl, record 3, by …".
    var imports: [String]
    /// "bullhorn C-1042": the person's ids in the systems the firm imports from.
    var externalIDs: [String]
    /// Files kept with them, such as the CV they were added from, each a download.
    var files: [File]
    /// Others held who may be the same person (same phone, or same name and profile link).
    var duplicates: [Duplicate]
    var career: Career?
    var timeline: [Event]
    var opportunities: [Opportunity]
    /// What stops every pitch to them now (the limit they set, an opt-out); nil when a pitch may go.
    var pitchBlocked: String?
    var pipeline: [Stage]
    /// Replies and endings this person is waiting to hear about, each with a form to answer.
    var waiting: [AnswerForm]
    var discovery: DiscoveryForm
    var csrf: String
    /// What the last action did, shown once after the redirect.
    var notice: String?

    /// The page; `discovery` and `answer` bring back a form that failed, filled in as it was sent, with what was wrong.
    static func load(
        _ id: CandidateID, notice: String? = nil, discovery: DiscoveryForm = DiscoveryForm(), answer: AnswerForm.Failed? = nil,
        context: RapportRequestContext, outreach: OutreachService
    ) async throws -> CandidateProfilePage {
        let store = outreach.records.store
        let candidate = try await store.candidate(id)
        let profile = candidate.profile
        let taxonomy = outreach.matching.taxonomy
        let dates = DateText(context.user)
        let skillName = { (skill: SkillID) in taxonomy.skill(skill)?.name ?? "skill \(skill)" }
        var timeline: [Event] = []
        for entry in try await outreach.timeline(for: id, limit: 200).suffix(40).reversed() {
            timeline.append(Event(when: dates.instant(entry.at), kind: entry.kind.rawValue.replacingOccurrences(of: "_", with: " "),
                                  summary: entry.summary))
        }
        var pipeline: [Stage] = []
        for submission in try await store.submissions(candidate: id) {
            let title = (try? await store.job(submission.jobID))?.details.title ?? "Job \(submission.jobID)"
            pipeline.append(Stage(job: title, stage: submission.stage.phrase, moved: dates.instant(submission.lastMovedAt)))
        }
        let (opportunities, pitchBlocked) = try await Self.opportunities(for: id, outreach: outreach)
        let now = outreach.records.now()
        var waiting: [AnswerForm] = []
        for obligation in try await store.obligations(candidate: id) where obligation.status == .open {
            var form = AnswerForm(
                obligationID: obligation.id.rawValue,
                what: obligation.reason == .tellCandidate ? "Tell them how their submission ended" : "They replied and are waiting",
                due: "due \(dates.instant(obligation.dueAt))", late: obligation.isOverdue(at: now))
            if let answer, answer.obligationID == obligation.id.rawValue {
                form.note = answer.note
                form.byPhone = answer.byPhone
                form.problem = answer.problem
            }
            if let replyID = obligation.replyID, let reply = try? await store.reply(replyID) {
                let how = reply.channel.isSentByRapport ? "by e-mail" : "by \(reply.channel.rawValue)"
                form.asked = "They wrote \(how) on \(dates.instant(reply.receivedAt))" + (reply.subject.isEmpty ? ":" : ", “\(reply.subject)”:")
                form.question = reply.text
            } else if let submissionID = obligation.submissionID, let submission = try? await store.submission(submissionID) {
                let title = (try? await store.job(submission.jobID))?.details.title ?? "job \(submission.jobID)"
                form.asked = "Their submission for \(title) ended: \(submission.stage.phrase) on \(dates.instant(submission.lastMovedAt))."
            }
            waiting.append(form)
        }
        let imports = await dates.imports(try await store.importHistory(candidate: id), store: store)
        let owner = await profile.ownerID.asyncMap { try? await store.user($0).details.name } ?? nil
        let practice = await profile.homePracticeID.asyncMap { try? await store.practice($0).details.name } ?? nil
        return CandidateProfilePage(
            layout: Layout(title: profile.name, context: context, section: "candidates"), id: id.rawValue, name: profile.name,
            headline: profile.headline, summary: profile.summary, place: "\(profile.location.phrase) (\(profile.timeZone))",
            email: profile.email, phone: profile.phone, phoneHref: profile.phone.map(Self.telephoneLink), links: profile.links,
            workRights: profile.workAuthorisations.isEmpty ? "none recorded" : profile.workAuthorisations.map(\.phrase).joined(separator: "; "),
            remote: profile.remotePreference.phrase + (profile.openToRelocation ? ", open to relocating" : ""),
            availability: profile.availability.status.phrase
                + (profile.availability.until.map { " until \($0)" } ?? ""),
            owner: owner ?? "nobody", practice: practice ?? "none",
            skills: profile.skills.map {
                Skill(name: skillName($0.skillID), level: $0.level, years: String(format: "%.0f", $0.years),
                      lastUsed: $0.lastUsed.map(String.init) ?? "–", growing: $0.wantsToGrow)
            },
            hasSkills: !profile.skills.isEmpty,
            targetRoles: profile.goals.targetRoles.isEmpty ? "none recorded" : profile.goals.targetRoles.joined(separator: ", "),
            seniority: profile.goals.seniority?.phrase ?? "any",
            employmentTypes: profile.goals.employmentTypes.isEmpty ? "any" : profile.goals.employmentTypes.map(\.phrase).joined(separator: ", "),
            minimumPay: (profile.goals.minimumPay.map(MoneyText.format) ?? "not given")
                + (profile.goals.requiresDisclosedPay ? "; only roles that state their pay" : ""),
            learning: profile.interests.skillsToLearn.isEmpty ? "nothing recorded" : profile.interests.skillsToLearn.map(skillName).joined(separator: ", "),
            channels: profile.contactPreferences.channels.isEmpty ? "any"
                : profile.contactPreferences.channels.map(\.phrase).joined(separator: ", "),
            pitchLimit: profile.contactPreferences.maxJobPitchesPer30Days,
            quietHours: "\(profile.contactPreferences.quietHours.start)–\(profile.contactPreferences.quietHours.end)",
            doNotContact: profile.contactPreferences.doNotContact, imports: imports,
            externalIDs: try await store.externalIDs(candidate: id).map(\.description),
            files: try await store.attachments(candidate: id).map { File($0, candidate: id, dates: dates) },
            duplicates: try await store.likelyDuplicates(keys: IdentityKeys.keys(for: profile), excluding: id).map {
                Duplicate(href: "/candidates/\($0.candidateID)", name: $0.name, reason: $0.reason, compare: "/candidates/\(id)/same/\($0.candidateID)")
            }, career: Career(profile), timeline: timeline, opportunities: opportunities, pitchBlocked: pitchBlocked, pipeline: pipeline,
            waiting: waiting, discovery: discovery, csrf: context.session?.csrfToken ?? "", notice: notice)
    }
}

extension CandidateProfilePage {
    /// "tel:+442079460958" from "+44 (20) 7946-0958".
    static func telephoneLink(_ phone: String) -> String {
        "tel:" + phone.filter { $0.isNumber || $0 == "+" }
    }

    /// The best openings the gate would let a pitch of go, and those they already know of with where they stand; jobs
    /// below the threshold or that they are ruled out of are not suggested. Also what stops every pitch now, if anything.
    static func opportunities(for id: CandidateID, outreach: OutreachService, limit: Int = 5) async throws -> ([Opportunity], String?) {
        let matched = try await outreach.matching.opportunities(for: id, limit: 15)
        let names = try await JobNames.of(matched.map { ($0.jobID, $0.title, $0.clientID) }, store: outreach.records.store)
        let checks = try await outreach.pitchChecks(
            candidate: id, jobs: matched.map { PitchedJob(jobID: $0.jobID, fit: $0.fit.score, eligibility: $0.fit.ineligibility) }, names: names)
        let opportunities = zip(matched, checks).filter { $0.1.fits }.prefix(limit).map { match, check in
            Opportunity(jobID: match.jobID.rawValue, title: names[match.jobID] ?? match.title, fit: match.fit.score,
                        reasons: Array(match.fit.forRecruiter.prefix(4)), pitchable: check.mayPitch,
                        state: check.jobState.isEmpty ? nil : check.jobState.joined(separator: " "))
        }
        let blocked = checks.first?.personState ?? []
        return (Array(opportunities), blocked.isEmpty ? nil : blocked.joined(separator: " "))
    }
}

/// Jobs named as a recruiter says them: "Platform Engineer at Harbour Bank".
enum JobNames {
    static func of(_ jobs: [(id: JobID, title: String, client: ClientID)], store: any RapportStore) async throws -> [JobID: String] {
        var clients: [ClientID: String] = [:]
        var names: [JobID: String] = [:]
        for job in jobs {
            if clients[job.client] == nil {
                clients[job.client] = (try? await store.client(job.client))?.details.name ?? "client \(job.client)"
            }
            names[job.id] = "\(job.title) at \(clients[job.client] ?? "")"
        }
        return names
    }
}

/// Money as a person reads it: "GBP 650 a day".
enum MoneyText {
    static func format(_ money: Money) -> String {
        let perMajor = money.currency.minorUnitsPerMajor
        let whole = String(money.minorUnits / perMajor)
        var grouped = ""
        for (index, digit) in whole.reversed().enumerated() {
            if index > 0, index % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        let cents = money.minorUnits % perMajor
        let amount = String(grouped.reversed()) + (cents == 0 ? "" : String(format: ".%02lld", cents))
        return "\(money.currency.rawValue) \(amount) \(money.unit.perPhrase)"
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
