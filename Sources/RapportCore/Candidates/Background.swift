import Foundation

/// A month in someone's career as résumés give it: "2019-03", or only "2019" when that is all they said.
public struct CareerMonth: Hashable, Comparable, Sendable, LosslessStringConvertible {
    public var year: Int
    /// 1 to 12; nil when only the year is known.
    public var month: Int?

    public init?(year: Int, month: Int? = nil) {
        guard (1900...2200).contains(year), month.map({ (1...12).contains($0) }) ?? true else { return nil }
        self.year = year
        self.month = month
    }

    /// Reads "2019", "2019-03" or "2019-03-15" (the day is dropped).
    public init?(_ description: String) {
        let parts = description.split(separator: "-", omittingEmptySubsequences: false)
        // Digits only: Int() would also read "+1" as a month.
        guard parts.allSatisfy({ $0.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }) else { return nil }
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]) else { return nil }
        if parts.count == 1 {
            self.init(year: year)
            return
        }
        guard parts[1].count == 2, let month = Int(parts[1]) else { return nil }
        if parts.count == 3 {
            guard parts[2].count == 2, let day = Int(parts[2]), LocalDate(year: year, month: month, day: day) != nil else { return nil }
        }
        self.init(year: year, month: month)
    }

    public var description: String {
        guard let month else { return String(year) }
        return String(year) + (month < 10 ? "-0" : "-") + String(month)
    }

    /// A year alone sorts before its months.
    public static func < (lhs: CareerMonth, rhs: CareerMonth) -> Bool {
        (lhs.year, lhs.month ?? 0) < (rhs.year, rhs.month ?? 0)
    }
}

extension CareerMonth {
    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "Apr 2021", or "2021" when only the year is known.
    public var phrase: String {
        month.map { "\(Self.monthNames[$0 - 1]) \(year)" } ?? String(year)
    }

    /// A span in words: "Apr 2021 – now", "2016 – Mar 2021", "until 2015", or nil when neither end is known.
    public static func span(_ start: CareerMonth?, _ end: CareerMonth?, ongoing: String = "now") -> String? {
        switch (start, end) {
        case let (start?, end?): "\(start.phrase) – \(end.phrase)"
        case let (start?, nil): "\(start.phrase) – \(ongoing)"
        case let (nil, end?): "until \(end.phrase)"
        case (nil, nil): nil
        }
    }
}

extension SpokenLanguage.Fluency {
    /// "full professional", "native".
    public var phrase: String {
        switch self {
        case .elementary: "elementary"
        case .limitedWorking: "limited working"
        case .professionalWorking: "professional working"
        case .fullProfessional: "full professional"
        case .native: "native"
        }
    }
}

/// A job the person held.
public struct WorkExperience: Hashable, Sendable {
    public var employer: String
    public var title: String
    public var location: String?
    public var start: CareerMonth?
    /// Nil while it goes on, or when the résumé did not say.
    public var end: CareerMonth?
    public var summary: String
    public var highlights: [String]

    public init(employer: String, title: String, location: String? = nil, start: CareerMonth? = nil, end: CareerMonth? = nil,
                summary: String = "", highlights: [String] = []) {
        self.employer = employer
        self.title = title
        self.location = location
        self.start = start
        self.end = end
        self.summary = summary
        self.highlights = highlights
    }
}

/// A course of study.
public struct Education: Hashable, Sendable {
    public var institution: String
    /// The qualification: "BSc", "Master of Engineering".
    public var studyType: String
    /// The subject: "Computer Science".
    public var area: String
    public var start: CareerMonth?
    public var end: CareerMonth?

    public init(institution: String, studyType: String = "", area: String = "", start: CareerMonth? = nil, end: CareerMonth? = nil) {
        self.institution = institution
        self.studyType = studyType
        self.area = area
        self.start = start
        self.end = end
    }
}

/// A certificate the person holds ("AWS Certified Solutions Architect – Associate").
public struct Certification: Hashable, Sendable {
    public var name: String
    public var issuer: String
    public var date: CareerMonth?
    public var url: String?

    public init(name: String, issuer: String = "", date: CareerMonth? = nil, url: String? = nil) {
        self.name = name
        self.issuer = issuer
        self.date = date
        self.url = url
    }
}

/// A language the person speaks, and how well.
public struct SpokenLanguage: Hashable, Sendable {
    /// The scale recruiters and LinkedIn use (after the US Interagency Language Roundtable).
    public enum Fluency: String, CaseIterable, Codable, Sendable {
        case elementary
        case limitedWorking = "limited_working"
        case professionalWorking = "professional_working"
        case fullProfessional = "full_professional"
        case native
    }

    /// The language's English name: "English", "Te reo Māori", "Cantonese".
    public var language: String
    /// Nil when nobody said.
    public var fluency: Fluency?

    public init(language: String, fluency: Fluency? = nil) {
        self.language = language
        self.fluency = fluency
    }
}

extension CandidateProfile {
    func validateBackground(_ validator: inout Validator, today: LocalDate) {
        let latest = CareerMonth(year: today.year, month: today.month)!
        func period(_ validator: inout Validator, _ start: CareerMonth?, _ end: CareerMonth?) {
            if let start, start > latest { validator.fail("start", "must not be after this month (\(latest))") }
            if let end, end > latest { validator.fail("end", "must not be after this month (\(latest)); leave it out while it goes on") }
            if let start, let end, end < start { validator.fail("end", "must not be before start (\(start))") }
        }
        validator.list("unresolvedSkills", unresolvedSkills, maxCount: 200, maxLength: 100)
        if work.count > 50 { validator.fail("work", "must have at most 50 entries") }
        for (index, job) in work.enumerated() {
            validator.nested("work[\(index)]") { item in
                item.text("employer", job.employer, maxLength: 200)
                item.text("title", job.title, required: false, maxLength: 200)
                item.optionalText("location", job.location, maxLength: 200)
                period(&item, job.start, job.end)
                item.text("summary", job.summary, required: false, maxLength: 5_000)
                item.list("highlights", job.highlights, maxCount: 30, maxLength: 1_000)
            }
        }
        if education.count > 20 { validator.fail("education", "must have at most 20 entries") }
        for (index, course) in education.enumerated() {
            validator.nested("education[\(index)]") { item in
                item.text("institution", course.institution, maxLength: 200)
                item.text("studyType", course.studyType, required: false, maxLength: 200)
                item.text("area", course.area, required: false, maxLength: 200)
                if let start = course.start, start > latest { item.fail("start", "must not be after this month (\(latest))") }
                if let start = course.start, let end = course.end, end < start { item.fail("end", "must not be before start (\(start))") }
            }
        }
        if certifications.count > 50 { validator.fail("certifications", "must have at most 50 entries") }
        for (index, certificate) in certifications.enumerated() {
            validator.nested("certifications[\(index)]") { item in
                item.text("name", certificate.name, maxLength: 200)
                item.text("issuer", certificate.issuer, required: false, maxLength: 200)
                if let date = certificate.date, date > latest { item.fail("date", "must not be after this month (\(latest))") }
                if let url = certificate.url, !(url.hasPrefix("https://") || url.hasPrefix("http://")) || url.count > 500 {
                    item.fail("url", "must be an http or https URL of at most 500 characters")
                }
            }
        }
        if languages.count > 20 { validator.fail("languages", "must have at most 20 entries") }
        var seen: Set<String> = []
        for (index, spoken) in languages.enumerated() {
            validator.nested("languages[\(index)]") { item in item.text("language", spoken.language, maxLength: 100) }
            if !seen.insert(spoken.language.lowercased()).inserted {
                validator.fail("languages[\(index)].language", "repeats \(spoken.language); list each language once")
            }
        }
    }
}
