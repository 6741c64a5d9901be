import Foundation
import RapportAPI
import RapportCore

/// A candidate's work history, education, certifications and languages as the API reads and writes them. Months are
/// "YYYY-MM" or "YYYY"; text fields left out are empty.
struct WorkDocument: Codable, Sendable {
    var employer: String
    var title: String?
    var location: String?
    var start: CareerMonthText?
    var end: CareerMonthText?
    var summary: String?
    var highlights: [String]?

    init(_ work: WorkExperience) {
        employer = work.employer
        title = work.title
        location = work.location
        start = work.start.map(CareerMonthText.init)
        end = work.end.map(CareerMonthText.init)
        summary = work.summary
        highlights = work.highlights
    }

    var work: WorkExperience {
        WorkExperience(employer: employer, title: title ?? "", location: location, start: start?.month, end: end?.month,
                       summary: summary ?? "", highlights: highlights ?? [])
    }
}

struct EducationDocument: Codable, Sendable {
    var institution: String
    var studyType: String?
    var area: String?
    var start: CareerMonthText?
    var end: CareerMonthText?

    init(_ education: Education) {
        institution = education.institution
        studyType = education.studyType
        area = education.area
        start = education.start.map(CareerMonthText.init)
        end = education.end.map(CareerMonthText.init)
    }

    var education: Education {
        Education(institution: institution, studyType: studyType ?? "", area: area ?? "", start: start?.month, end: end?.month)
    }
}

struct CertificationDocument: Codable, Sendable {
    var name: String
    var issuer: String?
    var date: CareerMonthText?
    var url: String?

    init(_ certification: Certification) {
        name = certification.name
        issuer = certification.issuer
        date = certification.date.map(CareerMonthText.init)
        url = certification.url
    }

    var certification: Certification {
        Certification(name: name, issuer: issuer ?? "", date: date?.month, url: url)
    }
}

struct LanguageDocument: Codable, Sendable {
    var language: String
    var fluency: SpokenLanguage.Fluency?

    init(_ spoken: SpokenLanguage) {
        language = spoken.language
        fluency = spoken.fluency
    }

    var spoken: SpokenLanguage { SpokenLanguage(language: language, fluency: fluency) }
}

/// A career month in JSON: a string "2019-03" or "2019"; anything else fails decoding with the value named.
struct CareerMonthText: Codable, Sendable {
    var month: CareerMonth

    init(_ month: CareerMonth) { self.month = month }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let month = CareerMonth(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "must be a month YYYY-MM or a year YYYY (got \"\(text)\")")
        }
        self.month = month
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(month.description)
    }
}

extension CandidateDocument {
    static let careerMonth = Schema.string("A month YYYY-MM, or a year YYYY when that is all that is known (a day given is dropped).",
                                           pattern: "^(19[0-9]{2}|2[01][0-9]{2}|2200)(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$")

    static let backgroundComponents: [String: Schema] = [
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
