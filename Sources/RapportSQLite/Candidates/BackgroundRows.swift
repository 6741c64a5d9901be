import Foundation
import RapportCore

/// A candidate's work history, education, certifications, languages and unresolved skill names as stored inside the details document:
/// storage's own shape, so renaming a Core or API field never changes how stored rows read. Left out of the
/// document when all four are empty, which is every demo candidate.
struct BackgroundRow: Decodable {
    struct Work: Decodable {
        var employer: String
        var title: String
        var location: String?
        var start: String?
        var end: String?
        var summary: String
        var highlights: [String]
    }

    struct Course: Decodable {
        var institution: String
        var studyType: String
        var area: String
        var start: String?
        var end: String?
    }

    struct Certificate: Decodable {
        var name: String
        var issuer: String
        var date: String?
        var url: String?
    }

    struct Language: Decodable {
        var language: String
        var fluency: String?
    }

    var work: [Work]
    var education: [Course]
    var certifications: [Certificate]
    var languages: [Language]
    var unresolvedSkills: [String]?

    /// Writes the parts into `profile`.
    func apply(to profile: inout CandidateProfile) {
        profile.work = work.map {
            WorkExperience(employer: $0.employer, title: $0.title, location: $0.location, start: $0.start.flatMap(CareerMonth.init),
                           end: $0.end.flatMap(CareerMonth.init), summary: $0.summary, highlights: $0.highlights)
        }
        profile.education = education.map {
            Education(institution: $0.institution, studyType: $0.studyType, area: $0.area, start: $0.start.flatMap(CareerMonth.init),
                      end: $0.end.flatMap(CareerMonth.init))
        }
        profile.certifications = certifications.map {
            Certification(name: $0.name, issuer: $0.issuer, date: $0.date.flatMap(CareerMonth.init), url: $0.url)
        }
        profile.unresolvedSkills = unresolvedSkills ?? []
        profile.languages = languages.map { SpokenLanguage(language: $0.language, fluency: $0.fluency.flatMap(SpokenLanguage.Fluency.init)) }
    }
}
