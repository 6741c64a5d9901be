import Foundation
import RapportCore

/// A candidate's work history, education, certifications and languages as the API reads and writes them. Months are
/// "YYYY-MM" or "YYYY"; text fields left out are empty.
public struct WorkDocument: Codable, Sendable {
    public var employer: String
    public var title: String?
    public var location: String?
    public var start: CareerMonthText?
    public var end: CareerMonthText?
    public var summary: String?
    public var highlights: [String]?

    public init(_ work: WorkExperience) {
        employer = work.employer
        title = work.title
        location = work.location
        start = work.start.map(CareerMonthText.init)
        end = work.end.map(CareerMonthText.init)
        summary = work.summary
        highlights = work.highlights
    }

    public var work: WorkExperience {
        WorkExperience(employer: employer, title: title ?? "", location: location, start: start?.month, end: end?.month,
                       summary: summary ?? "", highlights: highlights ?? [])
    }
}

public struct EducationDocument: Codable, Sendable {
    public var institution: String
    public var studyType: String?
    public var area: String?
    public var start: CareerMonthText?
    public var end: CareerMonthText?

    public init(_ education: Education) {
        institution = education.institution
        studyType = education.studyType
        area = education.area
        start = education.start.map(CareerMonthText.init)
        end = education.end.map(CareerMonthText.init)
    }

    public var education: Education {
        Education(institution: institution, studyType: studyType ?? "", area: area ?? "", start: start?.month, end: end?.month)
    }
}

public struct CertificationDocument: Codable, Sendable {
    public var name: String
    public var issuer: String?
    public var date: CareerMonthText?
    public var url: String?

    public init(_ certification: Certification) {
        name = certification.name
        issuer = certification.issuer
        date = certification.date.map(CareerMonthText.init)
        url = certification.url
    }

    public var certification: Certification {
        Certification(name: name, issuer: issuer ?? "", date: date?.month, url: url)
    }
}

public struct LanguageDocument: Codable, Sendable {
    public var language: String
    public var fluency: SpokenLanguage.Fluency?

    public init(_ spoken: SpokenLanguage) {
        language = spoken.language
        fluency = spoken.fluency
    }

    public var spoken: SpokenLanguage { SpokenLanguage(language: language, fluency: fluency) }
}

/// A career month in JSON: a string "2019-03" or "2019"; anything else fails decoding with the value named.
public struct CareerMonthText: Codable, Sendable {
    public var month: CareerMonth

    public init(_ month: CareerMonth) { self.month = month }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let month = CareerMonth(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "must be a month YYYY-MM or a year YYYY (got \"\(text)\")")
        }
        self.month = month
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(month.description)
    }
}

extension CandidateDocument {
    public static let careerMonth = Schema.string("A month YYYY-MM, or a year YYYY when that is all that is known (a day given is dropped).",
                                           pattern: "^(19[0-9]{2}|2[01][0-9]{2}|2200)(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$")

    public static let backgroundComponents: [String: Schema] = [
        "WorkExperience": .object("A job the person held; leave end out while it goes on.", [
            required("employer", .string(maxLength: 200).nonBlank),
            optional("title", .string(maxLength: 200)),
            optional("location", .string(maxLength: 200)),
            optional("start", careerMonth),
            optional("end", careerMonth),
            optional("summary", .string(maxLength: 5_000)),
            optional("highlights", .array(.string(maxLength: 1_000).nonBlank, maxItems: 30)),
        ]),
        "Education": .object("A course of study.", [
            required("institution", .string(maxLength: 200).nonBlank),
            optional("studyType", .string("The qualification: BSc, Master of Engineering.", maxLength: 200)),
            optional("area", .string("The subject: Computer Science.", maxLength: 200)),
            optional("start", careerMonth),
            optional("end", careerMonth),
        ]),
        "Certification": .object("A certificate the person holds.", [
            required("name", .string(maxLength: 200).nonBlank),
            optional("issuer", .string(maxLength: 200)),
            optional("date", careerMonth),
            optional("url", .string(format: "uri", maxLength: 500)),
        ]),
        "SpokenLanguage": .object("A language the person speaks.", [
            required("language", .string("English name of the language.", maxLength: 100).nonBlank),
            optional("fluency", .enumeration(SpokenLanguage.Fluency.self)),
        ]),
    ]
}
