import Foundation
import RapportCore
import RapportFormats
import RapportMatch
import RapportText

/// A person as a CV shows them, for a recruiter to correct before anything is stored: every field is text as a
/// form holds it. Saving turns the corrected draft into a JSON Resume document and imports it like any résumé, so a
/// CV person is checked, matched by e-mail and recorded exactly as an imported one.
public struct CVDraft: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        /// The employer, or the school.
        public var organisation: String
        /// The role, or the course.
        public var title: String
        /// "2019-03" or "2019"; empty when not known.
        public var start: String
        /// Empty while it goes on, or when not known.
        public var end: String
        public var highlights: [String]

        public init(organisation: String, title: String, start: String = "", end: String = "", highlights: [String] = []) {
            self.organisation = organisation
            self.title = title
            self.start = start
            self.end = end
            self.highlights = highlights
        }
    }

    /// A skill found in the CV, with the words that show it.
    public struct FoundSkill: Sendable, Equatable {
        public var name: String
        public var evidence: String

        public init(name: String, evidence: String) {
            self.name = name
            self.evidence = evidence
        }
    }

    public var name = ""
    public var email = ""
    public var phone = ""
    public var headline = ""
    public var city = ""
    /// An ISO code or a country's name.
    public var country = ""
    public var links: [String] = []
    /// Skill names as the recruiter confirms them.
    public var skills: [String] = []
    /// Where each skill was seen, shown beside the form.
    public var evidence: [FoundSkill] = []
    public var work: [Entry] = []
    public var education: [Entry] = []

    public init() {}

    /// The draft a CV's text gives: contact points, the name and headline at its top, jobs and courses under their
    /// headings with their months, and the taxonomy's skills wherever the text names them.
    public init(text: String, extractor: SkillExtractor, taxonomy: Taxonomy) {
        let outline = CVOutline.read(text)
        name = outline.name ?? ""
        email = outline.email ?? ""
        phone = outline.phone ?? ""
        headline = outline.headline ?? ""
        links = outline.links
        (city, country) = Self.place(in: text)
        work = outline.experience.prefix(30).map { entry in
            let (title, employer) = Self.roleAndPlace(entry.heading)
            return Entry(organisation: employer, title: title, start: entry.start?.description ?? "",
                         end: entry.ongoing ? "" : entry.end?.description ?? "", highlights: Array(entry.lines.prefix(30)))
        }
        education = outline.education.prefix(10).map { entry in
            let (course, school) = Self.roleAndPlace(entry.heading, roleWords: ["bsc", "msc", "ba", "ma", "phd", "bachelor", "master",
                                                                                  "diploma", "degree", "certificate", "beng", "meng"])
            return Entry(organisation: school, title: course, start: entry.start?.description ?? "",
                         end: entry.ongoing ? "" : entry.end?.description ?? "")
        }
        for found in extractor.extract(from: text) {
            let skill = taxonomy.name(found.skillID)
            guard !skills.contains(skill) else { continue }
            skills.append(skill)
            evidence.append(FoundSkill(name: skill, evidence: found.text))
        }
    }

    /// "London, UK" or "Auckland, New Zealand" among the contact details at the top: a place whose last part is a
    /// country Rapport knows.
    static func place(in text: String) -> (city: String, country: String) {
        for line in text.split(separator: "\n").prefix(10) {
            for part in line.split(whereSeparator: { "|·•".contains($0) }) {
                let pieces = part.split(separator: ",").map { $0.trimmedSpaces }
                guard (2...3).contains(pieces.count), pieces.allSatisfy({ !$0.isEmpty && $0.count <= 40 && $0.allSatisfy { $0.isLetter || " .'-".contains($0) } }),
                      let code = CountryNames.code(pieces[pieces.count - 1]) else { continue }
                return (pieces[0], code)
            }
        }
        return ("", "")
    }

    /// The draft as the JSON Resume document it is imported as.
    public var resume: JSONValue {
        func text(_ value: String) -> JSONValue? {
            let trimmed = value.trimmed
            return trimmed.isEmpty ? nil : .string(trimmed)
        }
        var basics: [String: JSONValue] = [:]
        basics["name"] = text(name)
        basics["email"] = text(email)
        basics["phone"] = text(phone)
        basics["label"] = text(headline)
        var location: [String: JSONValue] = [:]
        location["city"] = text(city)
        location["countryCode"] = text(country)
        if !location.isEmpty { basics["location"] = .object(location) }
        let profiles = links.compactMap(text).map { JSONValue.object(["url": $0]) }
        if !profiles.isEmpty { basics["profiles"] = .array(profiles) }
        var document: [String: JSONValue] = ["basics": .object(basics)]
        document["work"] = .array(work.filter { !$0.organisation.isEmpty || !$0.title.isEmpty }.map { entry in
            var job: [String: JSONValue] = [:]
            job["name"] = text(entry.organisation)
            job["position"] = text(entry.title)
            job["startDate"] = text(entry.start)
            job["endDate"] = text(entry.end) ?? (entry.start.isEmpty ? nil : .string("Present"))
            let highlights = entry.highlights.compactMap(text)
            if !highlights.isEmpty { job["highlights"] = .array(highlights) }
            return .object(job)
        })
        document["education"] = .array(education.filter { !$0.organisation.isEmpty }.map { entry in
            var course: [String: JSONValue] = [:]
            course["institution"] = text(entry.organisation)
            course["area"] = text(entry.title)
            course["startDate"] = text(entry.start)
            course["endDate"] = text(entry.end)
            return .object(course)
        })
        document["skills"] = .array(skills.compactMap(text).map { .object(["name": $0]) })
        return .object(document)
    }

    /// "Senior Engineer, Acme Ltd", "Acme Ltd — Senior Engineer", "Senior Engineer at Acme": the part with a role's
    /// words is the role, the other the place; with neither, the first part is the role.
    static func roleAndPlace(_ heading: String, roleWords: Set<String> = CVDraft.roleWords) -> (role: String, place: String) {
        let separators = [" at ", " @ ", " — ", " – ", " - ", " | ", ", "]
        guard let separator = separators.first(where: { heading.contains($0) }),
              let range = heading.range(of: separator) else { return (heading, "") }
        let first = String(heading[..<range.lowerBound]).trimmedSpaces
        let second = String(heading[range.upperBound...]).trimmedSpaces
        func isRole(_ text: String) -> Bool {
            !Set(text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)).isDisjoint(with: roleWords)
        }
        if separator.trimmedSpaces == "at" || separator == " @ " { return (first, second) }
        return isRole(second) && !isRole(first) ? (second, first) : (first, second)
    }

    static let roleWords: Set<String> = [
        "engineer", "developer", "manager", "lead", "analyst", "consultant", "architect", "designer", "scientist", "administrator",
        "intern", "director", "head", "officer", "specialist", "tester", "programmer", "contractor", "owner", "principal", "senior",
        "junior", "staff", "sre", "devops", "cto", "vp", "founder",
    ]
}

/// A CV handed in for review, the same from the web page and the API: the file read (its kind from the bytes), kept
/// for nobody yet (files nobody was stored with are cleared after a day, whenever another comes in), and the draft.
public struct CVIntake: Sendable {
    let records: FirmRecords
    let tools: SkillTextTools

    public init(records: FirmRecords, tools: SkillTextTools) {
        self.records = records
        self.tools = tools
    }

    /// The kept file and the draft read from it; a file that is no CV throws `FormatError` and keeps nothing.
    public func take(_ data: Data, fileName: String, by user: UserID) async throws -> (attachment: Attachment, draft: CVDraft) {
        let cv = try await CVFile.read(data)
        let now = records.now()
        _ = try await records.store.deleteUnattachedAttachments(before: now.addingTimeInterval(-86_400))
        let attachment = try await records.store.saveAttachment(data, fileName: fileName, kind: cv.kind, candidate: nil, by: user, at: now)
        return (attachment, CVDraft(text: cv.text, extractor: tools.extractor, taxonomy: tools.taxonomy))
    }
}
