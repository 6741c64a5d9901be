import Foundation
import RapportCore
import RapportFormats
import RapportMatch
import RapportText

/// Turns a JSON Resume into a candidate profile: what the résumé states is taken, what it does not stays unknown
/// or at Rapport's defaults, and every guess is said as a warning at the field it came from.
struct ResumeConversion: Sendable {
    let normalizer: SkillNormalizer
    let extractor: SkillExtractor
    /// The desk that looks after people whose country is not one of the four regions'.
    let desk: Region?
    let today: LocalDate
    let timeZones: CountryTimeZones

    /// The old system's notes, each cut to the longest Rapport keeps with a warning.
    func notes(_ notes: [JSONResume.Note], issues: inout [FormatIssue]) -> [NoteDraft] {
        notes.enumerated().map { index, note in
            if note.text.count > NoteDraft.maximumLength {
                issues.append(FormatIssue(field: "/notes/\(index)/text", "is longer than \(NoteDraft.maximumLength) characters; cut to that"))
            }
            return NoteDraft(author: String((note.author ?? "").prefix(200)), writtenAt: note.date,
                             text: String(note.text.prefix(NoteDraft.maximumLength)))
        }
    }

    /// The profile, or nil when the résumé lacks what a person needs (a name, an e-mail address, a place); the
    /// reasons are in `issues` as errors.
    func profile(from resume: JSONResume, issues: inout [FormatIssue]) -> CandidateProfile? {
        func warn(_ field: String, _ message: String) { issues.append(FormatIssue(field: field, message)) }
        func refuse(_ field: String, _ message: String) { issues.append(FormatIssue(field: field, message, severity: .error)) }
        let basics = resume.basics
        let name = basics.name
        if name == nil { refuse("/basics/name", "is missing; a person needs a name") }
        let email = basics.email
        if let email, !EmailAddress.isValid(email) {
            refuse("/basics/email", "must be an e-mail address such as name@example.com (found \"\(email)\")")
        } else if email == nil {
            refuse("/basics/email", "is missing; it is how Rapport tells people apart and reaches them")
        }
        guard let (location, region) = place(basics.location, issues: &issues), let name, let email, EmailAddress.isValid(email) else {
            return nil
        }
        let zone = timeZone(location, state: basics.location?.region, region: region, issues: &issues)
        var profile = CandidateProfile(name: String(name.prefix(200)), email: email, location: location, timeZone: zone, region: region)
        if name.count > 200 { warn("/basics/name", "is longer than 200 characters; cut to 200") }
        if let phone = basics.phone {
            let digits = phone.filter(\.isNumber)
            if phone.allSatisfy({ $0.isNumber || " +-().".contains($0) }) && (6...15).contains(digits.count) {
                profile.phone = phone
            } else {
                warn("/basics/phone", "is not a phone number of 6 to 15 digits (\"\(phone)\"); left out")
            }
        }
        var links: [String] = []
        for link in [basics.url].compactMap({ $0 }) + basics.profiles.compactMap(\.url) where !links.contains(link) && link.count <= 500 {
            links.append(link)
        }
        if links.count > 10 { warn("/basics/profiles", "has more than 10 links; the first 10 kept") }
        profile.links = Array(links.prefix(10))
        profile.headline = clipped(basics.label, 200, at: "/basics/label", issues: &issues)
        profile.summary = clipped(basics.summary, 10_000, at: "/basics/summary", issues: &issues)
        profile.work = work(resume.work, issues: &issues)
        profile.education = education(resume.education, issues: &issues)
        profile.certifications = resume.certificates.enumerated().compactMap { index, certificate in
            guard let name = certificate.name else {
                warn("/certificates/\(index)/name", "is missing; the certificate is left out")
                return nil
            }
            return Certification(name: String(name.prefix(200)), issuer: String((certificate.issuer ?? "").prefix(200)),
                                 date: month(certificate.date, notAfterToday: true, at: "/certificates/\(index)/date", issues: &issues),
                                 url: certificate.url)
        }
        profile.languages = languages(resume.languages, issues: &issues)
        (profile.skills, profile.unresolvedSkills) = skills(resume, work: profile.work, issues: &issues)
        return profile
    }

    // MARK: Place

    /// Where the person lives, and the desk that looks after them.
    private func place(_ given: JSONResume.Location?, issues: inout [FormatIssue]) -> (Location, Region)? {
        let city = given?.city.map { String($0.prefix(100)) }
        var country: String?
        if let written = given?.countryCode {
            // A code where the schema wants one; a country's name ("United States", "UK") as exports write it.
            guard let code = CountryNames.code(written) else {
                issues.append(FormatIssue(field: "/basics/location/countryCode",
                                          "must be an ISO 3166-1 alpha-2 country code such as US, GB or IN, or a country's name "
                                          + "(found \"\(written)\")", severity: .error))
                return nil
            }
            if code != written.uppercased() {
                issues.append(FormatIssue(field: "/basics/location/countryCode", "\"\(written)\" is not an ISO 3166 code; read as \(code)"))
            }
            country = code
        }
        let home = country.flatMap(Region.init(country:))
        guard let region = desk ?? home else {
            let field = "/basics/location/countryCode"
            if let country {
                issues.append(FormatIssue(field: field, "is \(country): no desk of ours is there; say which looks after them (--region)",
                                          severity: .error))
            } else {
                issues.append(FormatIssue(field: field, "is missing; give the country, or the desk that looks after them (--region)",
                                          severity: .error))
            }
            return nil
        }
        guard let country else {
            let assumed = region.country
            issues.append(FormatIssue(field: "/basics/location/countryCode", "is missing; assumed \(assumed), the \(region.rawValue) desk's country"))
            return (Location(city: city, country: assumed), region)
        }
        return (Location(city: city, country: country), region)
    }

    private func timeZone(_ location: Location, state: String?, region: Region, issues: inout [FormatIssue]) -> String {
        if let zone = timeZones.zone(country: location.country, city: location.city, state: state) { return zone }
        let zone = Region(country: location.country) == region || timeZones.zones[location.country] == nil
            ? region.defaultTimeZoneIdentifier : timeZones.zones[location.country]![0]
        issues.append(FormatIssue(field: "/basics/location", "gives no time zone; assumed \(zone) (quiet hours follow it, so check it)"))
        return zone
    }

    // MARK: Career

    private func work(_ entries: [JSONResume.Work], issues: inout [FormatIssue]) -> [WorkExperience] {
        entries.enumerated().compactMap { index, entry in
            let at = "/work/\(index)"
            guard let employer = entry.name else {
                issues.append(FormatIssue(field: at + "/name", "is missing; a job without its employer is left out"))
                return nil
            }
            let (start, end) = period(entry.start, entry.end, endMayBeFuture: false, at: at, issues: &issues)
            var highlights = entry.highlights.map { String($0.prefix(1_000)) }
            if highlights.count > 30 {
                issues.append(FormatIssue(field: at + "/highlights", "has more than 30 entries; the first 30 kept"))
                highlights = Array(highlights.prefix(30))
            }
            return WorkExperience(employer: String(employer.prefix(200)), title: String((entry.position ?? "").prefix(200)),
                                  location: entry.location.map { String($0.prefix(200)) }, start: start, end: end,
                                  summary: clipped(entry.summary, 5_000, at: at + "/summary", issues: &issues), highlights: highlights)
        }.prefix(50).map { $0 }
    }

    private func education(_ entries: [JSONResume.Education], issues: inout [FormatIssue]) -> [Education] {
        entries.enumerated().compactMap { index, entry in
            let at = "/education/\(index)"
            guard let institution = entry.institution else {
                issues.append(FormatIssue(field: at + "/institution", "is missing; the course is left out"))
                return nil
            }
            // A course may end in the future: that is when it will.
            let (start, end) = period(entry.start, entry.end, endMayBeFuture: true, at: at, issues: &issues)
            return Education(institution: String(institution.prefix(200)), studyType: String((entry.studyType ?? "").prefix(200)),
                             area: String((entry.area ?? "").prefix(200)), start: start, end: end)
        }.prefix(20).map { $0 }
    }

    /// An entry's start and end months; an end before the start is reported and left out.
    private func period(_ start: ResumeDate?, _ end: ResumeDate?, endMayBeFuture: Bool, at entry: String,
                        issues: inout [FormatIssue]) -> (CareerMonth?, CareerMonth?) {
        let start = month(start, notAfterToday: true, at: entry + "/startDate", issues: &issues)
        let end = month(end, notAfterToday: !endMayBeFuture, at: entry + "/endDate", issues: &issues)
        if let start, let end, end < start {
            issues.append(FormatIssue(field: entry + "/endDate", "is before the start (\(start)); left out"))
            return (start, nil)
        }
        return (start, end)
    }

    private func month(_ date: ResumeDate?, notAfterToday: Bool, at field: String, issues: inout [FormatIssue]) -> CareerMonth? {
        guard let date, let month = CareerMonth(date.description) else { return nil }
        if notAfterToday, let latest = CareerMonth(year: today.year, month: today.month), month > latest {
            issues.append(FormatIssue(field: field, "is in the future (\(month)); left out"))
            return nil
        }
        return month
    }

    private func languages(_ entries: [JSONResume.Language], issues: inout [FormatIssue]) -> [SpokenLanguage] {
        var seen: Set<String> = []
        return entries.enumerated().compactMap { index, entry in
            guard let language = entry.language.map({ String($0.prefix(100)) }), seen.insert(language.lowercased()).inserted else { return nil }
            var fluency: SpokenLanguage.Fluency?
            if let text = entry.fluency {
                fluency = Self.fluency(text)
                if fluency == nil {
                    issues.append(FormatIssue(field: "/languages/\(index)/fluency", "\"\(text)\" is not a fluency Rapport knows; left unknown"))
                }
            }
            return SpokenLanguage(language: language, fluency: fluency)
        }.prefix(20).map { $0 }
    }

    /// Fluency as résumés write it, onto the working-proficiency scale.
    static func fluency(_ text: String) -> SpokenLanguage.Fluency? {
        let lowered = text.lowercased()
        let scale: [(SpokenLanguage.Fluency, [String])] = [
            (.native, ["native", "mother tongue", "bilingual", "first language"]),
            (.fullProfessional, ["full professional", "fluent", "c2", "c1"]),
            (.professionalWorking, ["professional working", "professional", "proficient", "advanced", "working", "b2"]),
            (.limitedWorking, ["limited", "intermediate", "conversational", "b1"]),
            (.elementary, ["elementary", "basic", "beginner", "a1", "a2"]),
        ]
        return scale.first { _, words in words.contains { lowered.containsBytes(of: $0) } }?.0
    }

    private func clipped(_ text: String?, _ limit: Int, at field: String, issues: inout [FormatIssue]) -> String {
        guard let text else { return "" }
        if text.count > limit { issues.append(FormatIssue(field: field, "is longer than \(limit) characters; cut to \(limit)")) }
        return String(text.prefix(limit))
    }

    // MARK: Skills

    /// Skills from `skills[].name` and their keywords, and from the jobs' titles, summaries and highlights; years and
    /// last use from the jobs that mention each skill. Names the taxonomy does not know are returned as written.
    private func skills(_ resume: JSONResume, work: [WorkExperience], issues: inout [FormatIssue]) -> ([CandidateSkill], [String]) {
        var levels: [SkillID: Int] = [:]
        var order: [SkillID] = []
        var unresolved: [String] = []
        var unresolvedSeen: Set<String> = []
        func note(_ text: String, level: Int) {
            switch normalizer.resolve(text) {
            case .resolved(let id, _, _):
                if levels[id] == nil { order.append(id) }
                levels[id] = max(levels[id] ?? 0, level)
            case .unresolved:
                if unresolvedSeen.insert(text.lowercased()).inserted { unresolved.append(String(text.prefix(100))) }
            case nil:
                break
            }
        }
        for skill in resume.skills {
            let stated = skill.level.flatMap(Self.level)
            let level = stated ?? 3
            if let text = skill.level, stated == nil {
                issues.append(FormatIssue(field: skill.pointer + "/level", "\"\(text)\" is not a level Rapport knows; recorded as 3 of 5"))
            }
            // A group name such as "Web Development" that is no skill itself is not kept when its keywords are.
            if let name = skill.name, !(skill.keywords.count > 0 && normalizer.resolve(name)?.skillID == nil) { note(name, level: level) }
            for keyword in skill.keywords { note(keyword, level: level) }
        }
        // Evidence from the jobs: months with each skill, and the last year it was used.
        var months: [SkillID: Int] = [:]
        var lastUsed: [SkillID: Int] = [:]
        let now = CareerMonth(year: today.year, month: today.month)!
        for job in work {
            let text = ([job.title, job.summary] + job.highlights).joined(separator: "\n")
            let found = Set(extractor.extract(from: text).map(\.skillID))
            let span = job.start.map { Self.months(from: $0, to: job.end ?? now) } ?? 0
            let year = (job.end ?? (job.start == nil ? nil : now))?.year
            for id in found {
                if levels[id] == nil {
                    order.append(id)
                    levels[id] = 3
                }
                months[id, default: 0] += span
                if let year { lastUsed[id] = max(lastUsed[id] ?? 0, year) }
            }
        }
        let skills = order.prefix(CandidateProfile.maxSkills).map { id in
            CandidateSkill(skillID: id, level: levels[id] ?? 3, years: min(60, (Double(months[id] ?? 0) / 6).rounded() / 2),
                           lastUsed: lastUsed[id])
        }
        let derived = skills.filter { months[$0.skillID] != nil }.count
        if derived > 0 {
            issues.append(FormatIssue(field: "/work", "years and last use of \(derived) skill\(derived == 1 ? "" : "s") worked out from the jobs that mention them"))
        }
        if order.count > CandidateProfile.maxSkills {
            issues.append(FormatIssue(field: "/skills", "names more than \(CandidateProfile.maxSkills) skills; the first \(CandidateProfile.maxSkills) kept"))
        }
        return (skills, Array(unresolved.prefix(200)))
    }

    static func months(from start: CareerMonth, to end: CareerMonth) -> Int {
        max(0, (end.year - start.year) * 12 + (end.month ?? 6) - (start.month ?? 6) + 1)
    }

    /// A level as résumés write it, on Rapport's 1 to 5.
    static func level(_ text: String) -> Int? {
        let lowered = text.lowercased()
        let scale: [(Int, [String])] = [
            (5, ["expert", "master", "guru"]), (4, ["advanced", "proficient", "senior", "strong"]),
            (3, ["intermediate", "competent", "working", "mid"]), (2, ["beginner", "basic", "novice", "junior", "familiar"]),
            (1, ["aware", "learning"]),
        ]
        if let digit = Int(lowered.prefix(1)), (1...5).contains(digit), lowered.count == 1 || lowered.hasPrefix("\(digit)/5") { return digit }
        return scale.first { _, words in words.contains { lowered.containsBytes(of: $0) } }?.0
    }
}
