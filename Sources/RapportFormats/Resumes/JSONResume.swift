import Foundation
import RapportText

/// A résumé in the JSON Resume format (jsonresume.org, schema v1.0 to v1.2.1, and the older v0 names `company`,
/// `website`, `gpa` and `picture`), read leniently: what can be trusted is kept, and every field that was wrong is
/// reported at its JSON pointer, with what was expected. Only a file that is not a JSON object fails whole.
///
/// The field list follows `schema.json` of jsonresume/resume-schema (MIT); its test fixtures check this reader.
public struct JSONResume: Hashable, Sendable {
    public struct Location: Hashable, Sendable {
        public var address: String?
        public var postalCode: String?
        public var city: String?
        public var countryCode: String?
        public var region: String?
    }

    public struct Profile: Hashable, Sendable {
        public var network: String?
        public var username: String?
        public var url: String?
    }

    public struct Basics: Hashable, Sendable {
        public var name: String?
        public var label: String?
        public var email: String?
        public var phone: String?
        public var url: String?
        public var summary: String?
        public var location: Location?
        public var profiles: [Profile] = []
    }

    public struct Work: Hashable, Sendable {
        public var name: String?
        public var position: String?
        public var location: String?
        public var url: String?
        public var start: ResumeDate?
        /// Nil while it goes on ("Present") or when not given; `ongoing` tells which.
        public var end: ResumeDate?
        public var ongoing = false
        public var summary: String?
        public var highlights: [String] = []
    }

    public struct Education: Hashable, Sendable {
        public var institution: String?
        public var area: String?
        public var studyType: String?
        public var start: ResumeDate?
        public var end: ResumeDate?
        public var score: String?
    }

    public struct Certificate: Hashable, Sendable {
        public var name: String?
        public var issuer: String?
        public var date: ResumeDate?
        public var url: String?
    }

    public struct Language: Hashable, Sendable {
        public var language: String?
        public var fluency: String?
    }

    public struct Skill: Hashable, Sendable {
        public var name: String?
        public var level: String?
        public var keywords: [String] = []
        /// Where the skill was found, for the report ("/skills/2").
        public var pointer: String
    }

    /// A person's id in a system they come from.
    public struct ExternalReference: Hashable, Sendable {
        public var source: String
        public var value: String

        public init(source: String, value: String) {
            self.source = source
            self.value = value
        }
    }

    public struct Interest: Hashable, Sendable {
        public var name: String?
        public var keywords: [String] = []
    }

    public var basics = Basics()
    public var work: [Work] = []
    public var education: [Education] = []
    public var certificates: [Certificate] = []
    public var languages: [Language] = []
    public var skills: [Skill] = []
    public var interests: [Interest] = []
    /// Notes from the system the person comes from (Rapport's extension).
    public var notes: [Note] = []
    /// The person's id in each system they come from (Rapport's extension).
    public var externalIDs: [ExternalReference] = []
    /// Sections present that Rapport does not hold (awards, publications, volunteer, projects, references), with
    /// their number of entries, so a report can say what was left behind.
    public var leftOut: [String: Int] = [:]

    /// Reads one résumé; the issues say what was salvaged or dropped, field by field.
    public static func read(_ data: Data) throws(FormatError) -> (resume: JSONResume, issues: [FormatIssue]) {
        try read(JSONValue.parse(data))
    }

    public static func read(_ value: JSONValue) throws(FormatError) -> (resume: JSONResume, issues: [FormatIssue]) {
        guard case .object = value else {
            throw FormatError("must be a JSON object with a \"basics\" section, not \(value.kind)")
        }
        var reader = ResumeReader()
        let resume = reader.resume(value)
        return (resume, reader.issues)
    }
}

/// A date as résumés give it: a year, a month, or a day (kept to the month).
public struct ResumeDate: Hashable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int?

    public init?(year: Int, month: Int? = nil) {
        guard (1900...2200).contains(year), month.map({ (1...12).contains($0) }) ?? true else { return nil }
        self.year = year
        self.month = month
    }

    /// "2019", "2019-03": what Rapport's career months read.
    public var description: String {
        guard let month else { return String(year) }
        return String(year) + (month < 10 ? "-0" : "-") + String(month)
    }
}

/// Walks a résumé's JSON, collecting issues as it goes.
struct ResumeReader {
    var issues: [FormatIssue] = []

    mutating func warn(_ pointer: String, _ message: String) {
        issues.append(FormatIssue(field: pointer, message))
    }

    mutating func resume(_ value: JSONValue) -> JSONResume {
        var resume = JSONResume()
        _ = text(value["$schema"], at: "/$schema")
        if let basics = object(value["basics"], at: "/basics") { resume.basics = self.basics(basics) }
        resume.work = list(value["work"], at: "/work") { reader, item, at in reader.work(item, at: at) }
        resume.education = list(value["education"], at: "/education") { reader, item, at in reader.education(item, at: at) }
        resume.certificates = list(value["certificates"], at: "/certificates") { reader, item, at in
            JSONResume.Certificate(name: reader.text(item["name"], at: at + "/name"), issuer: reader.text(item["issuer"], at: at + "/issuer"),
                                   date: reader.date(item["date"], at: at + "/date"), url: reader.url(item["url"], at: at + "/url"))
        }
        resume.languages = list(value["languages"], at: "/languages") { reader, item, at in
            JSONResume.Language(language: reader.text(item["language"], at: at + "/language"),
                                fluency: reader.text(item["fluency"], at: at + "/fluency"))
        }
        resume.skills = skills(value["skills"])
        resume.interests = list(value["interests"], at: "/interests") { reader, item, at in
            JSONResume.Interest(name: reader.text(item["name"], at: at + "/name"), keywords: reader.texts(item["keywords"], at: at + "/keywords"))
        }
        for (section, fields) in Self.leftOutSections {
            let items = list(value[section], at: "/" + section) { reader, item, at in
                for (field, shape) in fields {
                    switch shape {
                    case .text: _ = reader.text(item[field], at: "\(at)/\(field)")
                    case .date: _ = reader.date(item[field], at: "\(at)/\(field)")
                    case .texts: _ = reader.texts(item[field], at: "\(at)/\(field)")
                    }
                }
                return true
            }
            if !items.isEmpty { resume.leftOut[section] = items.count }
        }
        resume.notes = notes(value["notes"])
        resume.externalIDs = externalIDs(value["externalIDs"])
        if let meta = object(value["meta"], at: "/meta") {
            for field in ["canonical", "version", "lastModified"] { _ = text(meta[field], at: "/meta/" + field) }
        }
        return resume
    }

    private enum Shape { case text, date, texts }

    /// Sections of the schema Rapport does not keep; their fields are still checked, so a report is complete.
    private static let leftOutSections: [(String, [(String, Shape)])] = [
        ("awards", [("title", .text), ("date", .date), ("awarder", .text), ("summary", .text)]),
        ("publications", [("name", .text), ("publisher", .text), ("releaseDate", .date), ("url", .text), ("summary", .text)]),
        ("volunteer", [("organization", .text), ("position", .text), ("url", .text), ("startDate", .date), ("endDate", .date),
                       ("summary", .text), ("highlights", .texts)]),
        ("projects", [("name", .text), ("description", .text), ("highlights", .texts), ("keywords", .texts), ("startDate", .date),
                      ("endDate", .date), ("url", .text), ("roles", .texts), ("entity", .text), ("type", .text)]),
        ("references", [("name", .text), ("reference", .text)]),
    ]

    private mutating func basics(_ value: JSONValue) -> JSONResume.Basics {
        var basics = JSONResume.Basics()
        basics.name = text(value["name"], at: "/basics/name")
        basics.label = text(value["label"], at: "/basics/label")
        _ = text(value["image"] ?? value["picture"], at: value["image"] == nil ? "/basics/picture" : "/basics/image")
        basics.email = text(value["email"], at: "/basics/email")
        basics.phone = text(value["phone"], at: "/basics/phone")
        basics.url = url(value["url"] ?? value["website"], at: value["url"] == nil ? "/basics/website" : "/basics/url")
        basics.summary = text(value["summary"], at: "/basics/summary")
        if let location = object(value["location"], at: "/basics/location") {
            let at = "/basics/location"
            basics.location = JSONResume.Location(
                address: text(location["address"], at: at + "/address"), postalCode: text(location["postalCode"], at: at + "/postalCode"),
                city: text(location["city"], at: at + "/city"), countryCode: text(location["countryCode"], at: at + "/countryCode"),
                region: text(location["region"], at: at + "/region"))
        }
        basics.profiles = list(value["profiles"], at: "/basics/profiles") { reader, item, at in
            JSONResume.Profile(network: reader.text(item["network"], at: at + "/network"),
                               username: reader.text(item["username"], at: at + "/username"), url: reader.url(item["url"], at: at + "/url"))
        }
        return basics
    }

    private mutating func work(_ item: JSONValue, at: String) -> JSONResume.Work {
        var work = JSONResume.Work()
        // v0 called the employer `company` and its site `website`.
        work.name = text(item["name"] ?? item["company"], at: at + (item["name"] == nil && item["company"] != nil ? "/company" : "/name"))
        work.position = text(item["position"], at: at + "/position")
        work.location = text(item["location"], at: at + "/location")
        work.url = url(item["url"] ?? item["website"], at: at + (item["url"] == nil && item["website"] != nil ? "/website" : "/url"))
        _ = text(item["description"], at: at + "/description")
        work.start = date(item["startDate"], at: at + "/startDate")
        (work.end, work.ongoing) = endDate(item["endDate"], at: at + "/endDate")
        work.summary = text(item["summary"], at: at + "/summary")
        work.highlights = texts(item["highlights"], at: at + "/highlights")
        return work
    }

    private mutating func education(_ item: JSONValue, at: String) -> JSONResume.Education {
        var education = JSONResume.Education()
        education.institution = text(item["institution"], at: at + "/institution")
        education.area = text(item["area"], at: at + "/area")
        education.studyType = text(item["studyType"], at: at + "/studyType")
        _ = url(item["url"], at: at + "/url")
        education.start = date(item["startDate"], at: at + "/startDate")
        education.end = endDate(item["endDate"], at: at + "/endDate").date
        education.score = text(item["score"] ?? item["gpa"], at: at + (item["score"] == nil && item["gpa"] != nil ? "/gpa" : "/score"))
        _ = texts(item["courses"], at: at + "/courses")
        return education
    }

    /// Skills as objects with a name, level and keywords; a plain string is taken as a skill's name.
    mutating func skills(_ value: JSONValue?) -> [JSONResume.Skill] {
        list(value, at: "/skills", acceptingText: true) { reader, item, at in
            if case .string(let name) = item {
                return JSONResume.Skill(name: reader.clean(name, at: at), pointer: at)
            }
            return JSONResume.Skill(name: reader.text(item["name"], at: at + "/name"), level: reader.text(item["level"], at: at + "/level"),
                                    keywords: reader.texts(item["keywords"], at: at + "/keywords"), pointer: at)
        }
    }

    // MARK: Values

    /// An object, or nil with a warning when something else stands there.
    mutating func object(_ value: JSONValue?, at pointer: String) -> JSONValue? {
        guard let value else { return nil }
        if case .object = value { return value }
        warn(pointer, "must be an object; found \(value.kind), left out")
        return nil
    }

    /// Each object in a list, read by `item`; a list of something else, or an entry that is not an object, is
    /// reported and left out. With `acceptingText`, a plain string entry is passed to `item` as it is.
    mutating func list<T>(_ value: JSONValue?, at pointer: String, acceptingText: Bool = false,
                          _ item: (inout ResumeReader, JSONValue, String) -> T?) -> [T] {
        guard let value else { return [] }
        guard case .array(let entries) = value else {
            warn(pointer, "must be a list; found \(value.kind), left out")
            return []
        }
        var items: [T] = []
        for (index, entry) in entries.enumerated() {
            let at = "\(pointer)/\(index)"
            switch entry {
            case .object: if let read = item(&self, entry, at) { items.append(read) }
            case .string where acceptingText:
                warn(at, "is text, not an object; read as the skill's name")
                if let read = item(&self, entry, at) { items.append(read) }
            default: warn(at, "must be an object; found \(entry.kind), left out")
            }
        }
        return items
    }

    /// Text, trimmed; nil when absent or blank. A number is kept as its digits with a warning; anything else is
    /// reported and left out.
    mutating func text(_ value: JSONValue?, at pointer: String) -> String? {
        switch value {
        case nil: return nil
        case .string(let text): return clean(text, at: pointer)
        case .integer(let number):
            warn(pointer, "must be text; found a number, kept as text")
            return String(number)
        case .number(let number):
            warn(pointer, "must be text; found a number, kept as text")
            return String(number)
        case .some(let other):
            warn(pointer, "must be text; found \(other.kind), left out")
            return nil
        }
    }

    /// `text` trimmed, with control characters other than line breaks and tabs taken out (and said so).
    mutating func clean(_ text: String, at pointer: String) -> String? {
        // Most text holds no control character: C0 and DEL are single bytes below 0x20 or 0x7F, and C1 begins 0xC2.
        if !text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x0A && $0 != 0x09) || $0 == 0x7F || $0 == 0xC2 }) {
            let trimmed = text.trimmed
            return trimmed.isEmpty ? nil : trimmed
        }
        var cleaned = String.UnicodeScalarView()
        var dropped = 0
        for scalar in text.unicodeScalars {
            if scalar.isControl && scalar != "\n" && scalar != "\t" {
                dropped += 1
            } else {
                cleaned.append(scalar)
            }
        }
        if dropped > 0 { warn(pointer, "had \(dropped) control character\(dropped == 1 ? "" : "s"), taken out") }
        let trimmed = String(cleaned).trimmed
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A list of texts; entries that are not text are reported and left out, blank ones dropped.
    mutating func texts(_ value: JSONValue?, at pointer: String) -> [String] {
        guard let value else { return [] }
        guard case .array(let entries) = value else {
            if case .string(let single) = value {
                warn(pointer, "must be a list of texts; found one text, kept as a list of one")
                return clean(single, at: pointer).map { [$0] } ?? []
            }
            warn(pointer, "must be a list of texts; found \(value.kind), left out")
            return []
        }
        return entries.enumerated().compactMap { index, entry in
            guard case .string(let text) = entry else {
                warn("\(pointer)/\(index)", "must be text; found \(entry.kind), left out")
                return nil
            }
            return clean(text, at: "\(pointer)/\(index)")
        }
    }

    /// An http or https address; a bare domain gets https:// with a warning, anything else is left out.
    mutating func url(_ value: JSONValue?, at pointer: String) -> String? {
        guard let text = text(value, at: pointer) else { return nil }
        let lowered = text.lowercased()
        if lowered.hasPrefix("https://") || lowered.hasPrefix("http://") {
            return URL(string: text) != nil ? text : reject(pointer, "is not a web address (\(text))")
        }
        if !text.contains(" "), text.contains("."), !text.contains("@"), let url = URL(string: "https://" + text), url.host != nil {
            warn(pointer, "has no http:// or https://; read as https://\(text)")
            return "https://" + text
        }
        return reject(pointer, "must be an http or https address; found \"\(text)\", left out")
    }

    private mutating func reject(_ pointer: String, _ message: String) -> String? {
        warn(pointer, message)
        return nil
    }

    /// A start or single date.
    mutating func date(_ value: JSONValue?, at pointer: String) -> ResumeDate? {
        guard let text = dateText(value, at: pointer) else { return nil }
        if let date = Self.isoDate(text) { return date }
        if let date = Self.writtenDate(text) {
            warn(pointer, "must be YYYY-MM-DD, YYYY-MM or YYYY; read \"\(text)\" as \(date)")
            return date
        }
        warn(pointer, "must be YYYY-MM-DD, YYYY-MM or YYYY; found \"\(text)\", left out")
        return nil
    }

    /// An end date, where "Present" (and its like) means it goes on.
    mutating func endDate(_ value: JSONValue?, at pointer: String) -> (date: ResumeDate?, ongoing: Bool) {
        if case .string(let text) = value, Self.present.contains(text.trimmedSpaces.lowercased()) {
            return (nil, true)
        }
        return (date(value, at: pointer), false)
    }

    private static let present: Set<String> = ["present", "current", "now", "today", "ongoing", "till date", "to date", "-"]

    private mutating func dateText(_ value: JSONValue?, at pointer: String) -> String? {
        if case .integer(let number) = value, (1900...2200).contains(number) {
            warn(pointer, "must be text; read the number \(number) as a year")
            return String(number)
        }
        return text(value, at: pointer)
    }

    /// The schema's own forms: YYYY-MM-DD, YYYY-MM, YYYY (a real day, when one is given).
    static func isoDate(_ text: String) -> ResumeDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              parts[0].count == 4, let year = Int(parts[0]) else { return nil }
        guard parts.count > 1 else { return ResumeDate(year: year) }
        guard parts[1].count == 2, let month = Int(parts[1]) else { return nil }
        if parts.count == 3 {
            guard parts[2].count == 2, let day = Int(parts[2]), day >= 1, day <= daysIn(month, year) else { return nil }
        }
        return ResumeDate(year: year, month: month)
    }

    private static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Forms people write instead: "March 2019", "Mar 2019", "03/2019", "2019/03", "2019-3", "2019.03".
    static func writtenDate(_ text: String) -> ResumeDate? {
        let words = text.lowercased().split(whereSeparator: { " ,./-".contains($0) }).map(String.init)
        guard words.count == 2 else { return nil }
        if let year = Int(words[1]), words[1].count == 4 {
            if let index = monthNames.firstIndex(where: { words[0].hasPrefix($0) }), words[0].count >= 3 {
                return ResumeDate(year: year, month: index + 1)
            }
            if let month = Int(words[0]), words[0].count <= 2 { return ResumeDate(year: year, month: month) }
        }
        if let year = Int(words[0]), words[0].count == 4, let month = Int(words[1]), words[1].count <= 2 {
            return ResumeDate(year: year, month: month)
        }
        return nil
    }
}
