import Foundation
import RapportText

/// What the text of a CV shows where it can be told without guessing much: contact points anywhere in it, the name
/// and headline at the top, and under headings such as "Experience" and "Education" the entries that carry a date
/// range, with the lines that follow them. A draft for a recruiter to correct, never stored as it is.
public struct CVOutline: Equatable, Sendable {
    /// An entry under a heading: the line with its dates (the dates taken out), the line above it when that line
    /// names the role or the place, and the lines after it up to the next entry.
    public struct Entry: Equatable, Sendable {
        /// "Senior Engineer, Acme Ltd" or "Acme Ltd — Senior Engineer" as written, dates removed.
        public var heading: String
        public var start: ResumeDate?
        public var end: ResumeDate?
        public var ongoing: Bool
        public var lines: [String]
    }

    public var name: String?
    public var headline: String?
    public var email: String?
    public var phone: String?
    public var links: [String] = []
    public var experience: [Entry] = []
    public var education: [Entry] = []
    /// The text under a "Skills" heading, for the skill extractor.
    public var skillsText: String?

    public static func read(_ text: String) -> CVOutline {
        var outline = CVOutline()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "\t", with: " ").trimmedSpaces
        }
        outline.email = text.firstMatch(of: /[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}/).map { String($0.output) }
        outline.phone = Self.phone(in: lines)
        var links: [String] = []
        for match in text.matches(of: /(https?:\/\/|www\.|linkedin\.com\/|github\.com\/)[^\s<>()"',;|]+/) {
            var link = String(match.output.0).trimmingCharacters(in: CharacterSet(charactersIn: ".)"))
            if !link.hasPrefix("http") { link = "https://" + link }
            if !links.contains(link) { links.append(link) }
        }
        outline.links = Array(links.prefix(10))
        // The name is the first line that reads as one; the headline the next short line that is not contact details.
        let top = lines.prefix(8).filter { !$0.isEmpty }
        if let index = top.firstIndex(where: Self.readsAsName) {
            outline.name = top[index].replacingOccurrences(of: "#", with: "").trimmedSpaces
            outline.headline = top.dropFirst(index + 1).first { line in
                line.count <= 100 && !line.contains("@") && !line.contains("http") && line.filter(\.isNumber).count < 6
                    && Self.section(of: line) == nil
            }.map { $0.replacingOccurrences(of: "#", with: "").trimmedSpaces }
        }
        var current: Section?
        var skills: [String] = []
        var pending: [String] = []
        /// Lines that turned out to describe the entry before: they join its lines.
        func flush(_ lines: [String]) {
            guard !lines.isEmpty else { return }
            if current == .experience, !outline.experience.isEmpty {
                outline.experience[outline.experience.count - 1].lines += lines.map(Self.withoutBullet)
            } else if current == .education, !outline.education.isEmpty {
                outline.education[outline.education.count - 1].lines += lines.map(Self.withoutBullet)
            }
        }
        for line in lines {
            if let section = Self.section(of: line) {
                flush(pending)
                current = section
                pending = []
                continue
            }
            guard let section = current, !line.isEmpty else { continue }
            switch section {
            case .skills:
                skills.append(Self.withoutBullet(line))
            case .experience, .education:
                if let (start, end, ongoing, rest) = Self.period(in: line) {
                    // "Acme Ltd — Engineer" on one line and "Jan 2020 – Present" on the next: both name the entry.
                    var heading = rest
                    var above = pending
                    if let last = above.last, !Self.isBullet(last), last.count <= 120 {
                        heading = heading.isEmpty ? last : last + ", " + heading
                        above.removeLast()
                    }
                    flush(above)
                    let entry = Entry(heading: heading, start: start, end: end, ongoing: ongoing, lines: [])
                    if section == .experience { outline.experience.append(entry) } else { outline.education.append(entry) }
                    pending = []
                } else if Self.isBullet(line) {
                    flush(pending + [line])
                    pending = []
                } else {
                    pending.append(line)
                }
            case .other:
                break
            }
        }
        flush(pending)
        outline.skillsText = skills.isEmpty ? nil : skills.joined(separator: "\n")
        return outline
    }

    // MARK: Sections

    enum Section: Equatable {
        case experience, education, skills, other
    }

    /// A heading line: a short line naming a section, in any case, with Markdown's "#" or a trailing colon.
    static func section(of line: String) -> Section? {
        let words = line.lowercased().replacingOccurrences(of: "#", with: "").trimmingCharacters(in: CharacterSet(charactersIn: " :*_"))
        guard !words.isEmpty, words.count <= 40 else { return nil }
        let table: [(Section, [String])] = [
            (.experience, ["experience", "work experience", "professional experience", "employment", "employment history", "work history",
                           "career history", "career", "relevant experience"]),
            (.education, ["education", "education and training", "qualifications", "academic background"]),
            (.skills, ["skills", "technical skills", "key skills", "core skills", "technologies", "tech stack", "skills and tools",
                       "tools and technologies"]),
            (.other, ["summary", "profile", "about", "about me", "projects", "certifications", "certificates", "languages", "interests",
                      "hobbies", "references", "awards", "publications", "volunteering", "contact", "personal details"]),
        ]
        return table.first { $0.1.contains(words) }?.0
    }

    private static func readsAsName(_ line: String) -> Bool {
        let text = line.replacingOccurrences(of: "#", with: "").trimmedSpaces
        let words = text.split(separator: " ")
        return (2...4).contains(words.count) && text.count <= 60 && section(of: text) == nil
            && text.allSatisfy { $0.isLetter || " .'-".contains($0) }
            && words.allSatisfy { $0.first?.isUppercase ?? false }
    }

    private static func isBullet(_ line: String) -> Bool {
        line.hasPrefix("•") || line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("– ") || line.hasPrefix("▪")
    }

    private static func withoutBullet(_ line: String) -> String {
        isBullet(line) ? String(line.dropFirst()).trimmedSpaces : line
    }

    /// A phone number: a line's run of 8 to 15 digits with spaces, dashes, dots and brackets, perhaps after "+".
    private static func phone(in lines: [String]) -> String? {
        for line in lines.prefix(30) where !line.contains("@") || line.contains("|") {
            for match in line.matches(of: /\+?\(?\d[\d\s\-().]{6,}\d/) {
                let text = String(match.output).trimmedSpaces
                let digits = text.filter(\.isNumber).count
                // Not a year range ("2019 - 2023") or a date.
                if (8...15).contains(digits), period(in: text) == nil { return text }
            }
        }
        return nil
    }

    // MARK: Dates

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// A date range in a line — "Jan 2020 – Present", "03/2017 - 12/2019", "2015–2018", "March 2019 to date" — with
    /// the line's other words.
    static func period(in line: String) -> (ResumeDate?, ResumeDate?, Bool, String)? {
        guard let match = line.firstMatch(of: range) else { return nil }
        let start = Self.date(String(match.output.1).lowercased())
        let last = String(match.output.2).lowercased()
        let ongoing = ["present", "current", "now", "today", "date", "ongoing"].contains(last)
        guard let start else { return nil }
        let stop = ongoing ? nil : Self.date(last)
        if !ongoing && stop == nil { return nil }
        let before = line[..<match.range.lowerBound]
        let after = line[match.range.upperBound...]
        let rest = (before + " " + after).trimmingCharacters(in: CharacterSet(charactersIn: " ,|()–—-·•:"))
        return (start, stop, ongoing, rest.replacingOccurrences(of: "  ", with: " "))
    }

    /// The pattern of a date range, compiled once: compiling it for every line of a CV took a third of reading one
    /// (measured with perf on the fuzz target).
    nonisolated(unsafe) private static let range: Regex<(Substring, Substring, Substring)> = {
        let month = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{4}"
        let date = "(\(month)|\\d{1,2}/\\d{4}|\\d{4}-\\d{2}|\\d{4})"
        let finish = "(present|current|now|today|date|ongoing|\(month)|\\d{1,2}/\\d{4}|\\d{4}-\\d{2}|\\d{4})"
        return try! Regex(date + "\\s*(?:–|—|-|to|until|till)\\s*" + finish, as: (Substring, Substring, Substring).self).ignoresCase()
    }()

    /// "Mar 2019", "March 2019", "03/2019", "2019-03", "2019".
    static func date(_ text: String) -> ResumeDate? {
        let parts = text.split(whereSeparator: { " ./-".contains($0) }).map(String.init)
        if parts.count == 1, let year = Int(parts[0]), (1950...2100).contains(year) { return ResumeDate(year: year) }
        guard parts.count == 2 else { return nil }
        if let index = months.firstIndex(where: { parts[0].hasPrefix($0) }), let year = Int(parts[1]) { return ResumeDate(year: year, month: index + 1) }
        if let month = Int(parts[0]), let year = Int(parts[1]), parts[1].count == 4, (1...12).contains(month) { return ResumeDate(year: year, month: month) }
        if let year = Int(parts[0]), let month = Int(parts[1]), parts[0].count == 4, (1...12).contains(month) { return ResumeDate(year: year, month: month) }
        return nil
    }
}
