import Foundation
import RapportCore
import RapportFormats
import RapportMatch

/// A person as a JSON Resume document (schema v1.2.1): what the firm holds about their career, in the words the
/// importer reads back, so exporting a person and importing the file gives the same record.
public struct ResumeExport: Sendable {
    let taxonomy: Taxonomy

    public init(taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
    }

    /// The person's résumé, with the old system's `notes` and their ids in other systems (Rapport's extensions, which
    /// the importer reads back).
    public func document(_ profile: CandidateProfile, notes: [NoteDraft] = [], externalIDs: [ExternalID] = []) -> JSONValue {
        var basics: [String: JSONValue] = ["name": .string(profile.name), "email": .string(profile.email)]
        if !profile.headline.isEmpty { basics["label"] = .string(profile.headline) }
        if let phone = profile.phone { basics["phone"] = .string(phone) }
        if !profile.summary.isEmpty { basics["summary"] = .string(profile.summary) }
        var location: [String: JSONValue] = ["countryCode": .string(profile.location.country)]
        if let city = profile.location.city { location["city"] = .string(city) }
        basics["location"] = .object(location)
        if !profile.links.isEmpty {
            basics["profiles"] = .array(profile.links.map { link in
                var entry: [String: JSONValue] = ["url": .string(link)]
                if let network = Self.network(of: link) { entry["network"] = .string(network) }
                return .object(entry)
            })
        }
        var document: [String: JSONValue] = [
            "$schema": .string("https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"),
            "basics": .object(basics),
        ]
        document["work"] = .array(profile.work.map { job in
            var entry: [String: JSONValue] = ["name": .string(job.employer)]
            if !job.title.isEmpty { entry["position"] = .string(job.title) }
            if let place = job.location { entry["location"] = .string(place) }
            if let start = job.start { entry["startDate"] = .string(start.description) }
            // No end date is how JSON Resume says a job goes on.
            if let end = job.end { entry["endDate"] = .string(end.description) }
            if !job.summary.isEmpty { entry["summary"] = .string(job.summary) }
            if !job.highlights.isEmpty { entry["highlights"] = .array(job.highlights.map(JSONValue.string)) }
            return .object(entry)
        })
        document["education"] = .array(profile.education.map { course in
            var entry: [String: JSONValue] = ["institution": .string(course.institution)]
            if !course.area.isEmpty { entry["area"] = .string(course.area) }
            if !course.studyType.isEmpty { entry["studyType"] = .string(course.studyType) }
            if let start = course.start { entry["startDate"] = .string(start.description) }
            if let end = course.end { entry["endDate"] = .string(end.description) }
            return .object(entry)
        })
        document["certificates"] = .array(profile.certifications.map { certificate in
            var entry: [String: JSONValue] = ["name": .string(certificate.name)]
            if !certificate.issuer.isEmpty { entry["issuer"] = .string(certificate.issuer) }
            if let date = certificate.date { entry["date"] = .string(date.description) }
            if let url = certificate.url { entry["url"] = .string(url) }
            return .object(entry)
        })
        document["languages"] = .array(profile.languages.map { language in
            var entry: [String: JSONValue] = ["language": .string(language.language)]
            if let fluency = language.fluency { entry["fluency"] = .string(Self.fluency(fluency)) }
            return .object(entry)
        })
        // Skills the taxonomy knows with their level; names it does not know as they were written.
        document["skills"] = .array(profile.skills.map { skill in
            .object(["name": .string(taxonomy.name(skill.skillID)), "level": .string(Self.level(skill.level))])
        } + profile.unresolvedSkills.map { .object(["name": .string($0)]) })
        if !notes.isEmpty {
            document["notes"] = .array(notes.map { note in
                var entry: [String: JSONValue] = ["text": .string(note.text)]
                if !note.author.isEmpty { entry["author"] = .string(note.author) }
                if let written = note.writtenAt { entry["date"] = .string(written.formatted(.iso8601)) }
                return .object(entry)
            })
        }
        if !externalIDs.isEmpty {
            document["externalIDs"] = .object(Dictionary(externalIDs.map { ($0.source, JSONValue.string($0.value)) }) { first, _ in first })
        }
        return .object(document)
    }

    /// The document as a file's bytes: pretty-printed, keys sorted, slashes left alone.
    public func data(_ profile: CandidateProfile, notes: [NoteDraft] = [], externalIDs: [ExternalID] = []) throws -> Data {
        try Self.data(document(profile, notes: notes, externalIDs: externalIDs))
    }

    /// A JSON Resume document as a file: indented, keys sorted, slashes left alone.
    public static func data(_ document: JSONValue) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document)
    }

    /// Levels in the words `ResumeConversion.level` reads back as the same number.
    static func level(_ level: Int) -> String {
        switch level {
        case 5: "Expert"
        case 4: "Advanced"
        case 3: "Intermediate"
        case 2: "Beginner"
        default: "Aware"
        }
    }

    /// Fluency in the words `ResumeConversion.fluency` reads back as the same step.
    static func fluency(_ fluency: SpokenLanguage.Fluency) -> String {
        switch fluency {
        case .native: "Native speaker"
        case .fullProfessional: "Full professional proficiency"
        case .professionalWorking: "Professional working proficiency"
        case .limitedWorking: "Limited proficiency"
        case .elementary: "Elementary proficiency"
        }
    }

    static func network(of link: String) -> String? {
        guard let host = URL(string: link)?.host?.lowercased() else { return nil }
        let networks = ["linkedin.com": "LinkedIn", "github.com": "GitHub", "gitlab.com": "GitLab", "stackoverflow.com": "Stack Overflow",
                        "twitter.com": "Twitter", "x.com": "X", "mastodon.social": "Mastodon"]
        return networks.first { host == $0.key || host.hasSuffix("." + $0.key) }?.value
    }
}
