import Foundation
import RapportCore
import RapportFormats
import RapportMatch

/// An open job as schema.org `JobPosting` JSON-LD, with the properties Google's job search requires (title,
/// description, datePosted, hiringOrganization, jobLocation) and those it recommends where Rapport knows them
/// (employmentType, baseSalary, identifier, TELECOMMUTE with applicantLocationRequirements for remote roles). The
/// hiring organisation is the firm, as staffing firms post: the client is described by its industry, never named.
/// The jobs importer reads the document back as the same job.
public struct JobPostingExport: Sendable {
    let taxonomy: Taxonomy
    let firmName: String
    /// The firm's public address, for the posting's own URL.
    let publicURL: String

    public init(taxonomy: Taxonomy, firmName: String, publicURL: String) {
        self.taxonomy = taxonomy
        self.firmName = firmName
        self.publicURL = publicURL
    }

    public func posting(_ job: Job, clientIndustry: String?) -> JSONValue {
        let details = job.details
        var posting: [String: JSONValue] = [
            "@context": .string("https://schema.org/"),
            "@type": .string("JobPosting"),
            "title": .string(details.title),
            "description": .string(description(details, clientIndustry: clientIndustry)),
            "datePosted": .string(Self.day(job.createdAt)),
            "identifier": .object(["@type": .string("PropertyValue"), "name": .string(firmName), "value": .string(job.id.description)]),
            "url": .string("\(publicURL)/careers/jobs/\(job.id)"),
            "hiringOrganization": .object(["@type": .string("Organization"), "name": .string(firmName), "sameAs": .string(publicURL)]),
            "employmentType": .array(Self.employment(details.employmentType).map(JSONValue.string)),
            "totalJobOpenings": .integer(Int64(details.openings)),
            "skills": .array(details.requiredSkills.filter { $0.importance == .must }.map { .string(taxonomy.name($0.skillID)) }),
        ]
        if let industry = clientIndustry, industry != "not stated" { posting["industry"] = .string(industry) }
        var address: [String: JSONValue] = ["@type": .string("PostalAddress"), "addressCountry": .string(details.location.country)]
        if let city = details.location.city { address["addressLocality"] = .string(city) }
        posting["jobLocation"] = .object(["@type": .string("Place"), "address": .object(address)])
        if details.remotePolicy == .remote {
            posting["jobLocationType"] = .string("TELECOMMUTE")
            // Remote from these countries: who may apply. Anywhere, or within time zones, sets no requirement.
            if let scope = details.remoteScope, scope.area == .countries {
                posting["applicantLocationRequirements"] = .array(scope.countries.map { code in
                    JSONValue.object(["@type": .string("Country"), "name": .string(code)])
                })
            }
        }
        if let pay = details.pay {
            func amount(_ money: Money) -> JSONValue {
                let major = Double(money.minorUnits) / Double(money.currency.minorUnitsPerMajor)
                return major == major.rounded() ? .integer(Int64(major)) : .number(major)
            }
            posting["baseSalary"] = .object([
                "@type": .string("MonetaryAmount"), "currency": .string(pay.minimum.currency.rawValue),
                "value": .object(["@type": .string("QuantitativeValue"), "minValue": amount(pay.minimum), "maxValue": amount(pay.maximum),
                                  "unitText": .string(pay.minimum.unit.rawValue.uppercased())]),
            ])
        }
        if let start = details.startDate { posting["jobStartDate"] = .string(start.description) }
        return .object(posting)
    }

    /// Many jobs as one JSON-LD document, a `@graph` the jobs importer reads as a file of postings.
    public func feed(_ jobs: [(Job, String?)]) -> JSONValue {
        .object(["@context": .string("https://schema.org/"), "@graph": .array(jobs.map { posting($0.0, clientIndustry: $0.1) })])
    }

    /// The job's description; a job without one is described in words (Google refuses a posting without one).
    private func description(_ details: JobDetails, clientIndustry: String?) -> String {
        guard details.description.isEmpty else { return details.description }
        var about = "A \(details.seniority.rawValue) \(details.title) role"
        if let industry = clientIndustry, industry != "not stated" { about += " with a client in \(industry)" }
        return about + ", \(details.remotePolicy.rawValue)."
    }

    static func employment(_ type: EmploymentType) -> [String] {
        switch type {
        case .permanent: ["FULL_TIME"]
        case .contract: ["CONTRACTOR"]
        case .contractToHire: ["CONTRACTOR", "FULL_TIME"]
        }
    }

    static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }

    /// The document as bytes for a file or a page: keys sorted, slashes left alone, and "</" written "<\/" so it can
    /// stand inside a `<script>` element without ending it.
    public static func data(_ value: JSONValue, pretty: Bool = true) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: try encoder.encode(value), as: UTF8.self).replacingOccurrences(of: "</", with: "<\\/")
        return Data(text.utf8)
    }
}
