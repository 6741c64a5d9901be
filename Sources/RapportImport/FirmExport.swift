import Foundation
import RapportCore
import RapportFormats
import RapportMatch

/// Taking data out, the same files through the API, the web app and `rapport export`: a person as JSON Resume, any
/// filtered list of people as CSV that `rapport import` reads back, and the open jobs as a schema.org JobPosting feed.
public struct FirmExport: Sendable {
    /// The most people one CSV export holds, which the API's document states and the export keeps to.
    public static let maximumRows = 50_000

    public let store: any RapportStore
    public let taxonomy: Taxonomy

    public init(store: any RapportStore, taxonomy: Taxonomy) {
        self.store = store
        self.taxonomy = taxonomy
    }

    /// The person as a JSON Resume document, with Rapport's own sections, and a file name for it.
    public func resume(_ id: CandidateID) async throws -> (data: Data, fileName: String) {
        let candidate = try await store.candidate(id)
        let notes = try await store.notes(candidate: id).map(\.note)
        let data = try ResumeExport(taxonomy: taxonomy).data(candidate.profile, notes: notes, externalIDs: try await store.externalIDs(candidate: id))
        return (data, "\(Self.slug(candidate.profile.name)).resume.json")
    }

    /// The people matching `query`, in id order, at most `maximumRows` of them.
    public func candidatesCSV(_ query: CandidateQuery) async throws -> Data {
        let added = ISO8601DateFormatter()
        var text = CSVWriter.row(["ID", "Name", "Email", "Phone", "City", "Country", "Desk", "Headline", "Availability", "Skills", "Links",
                                  "Added"])
        var after: Int64?
        var rows = 0
        repeat {
            let page = try await store.candidates(query, page: PageRequest(limit: PageRequest.maximumLimit, after: after))
            for candidate in page.items where rows < Self.maximumRows {
                let profile = candidate.profile
                text += CSVWriter.row([
                    candidate.id.description, profile.name, profile.email, profile.phone ?? "", profile.location.city ?? "",
                    profile.location.country, profile.region.rawValue, profile.headline, profile.availability.status.rawValue,
                    profile.skills.map { taxonomy.name($0.skillID) }.joined(separator: "; "), profile.links.joined(separator: " "),
                    added.string(from: candidate.createdAt),
                ])
                rows += 1
            }
            after = rows < Self.maximumRows ? page.nextAfter : nil
        } while after != nil
        return Data(text.utf8)
    }

    /// Every open job, newest first, with its client's industry.
    public func openJobs() async throws -> [(Job, String?)] {
        var jobs: [Job] = []
        var after: Int64?
        repeat {
            let page = try await store.jobs(JobQuery(status: .open), page: PageRequest(limit: PageRequest.maximumLimit, after: after))
            jobs += page.items
            after = page.nextAfter
        } while after != nil
        var industries: [ClientID: String?] = [:]
        var result: [(Job, String?)] = []
        for job in jobs.sorted(by: { $0.createdAt > $1.createdAt }) {
            if industries[job.details.clientID] == nil {
                industries[job.details.clientID] = .some(try? await store.client(job.details.clientID).details.industry)
            }
            result.append((job, industries[job.details.clientID] ?? nil))
        }
        return result
    }

    /// The open jobs as one JSON-LD document of schema.org JobPostings, as the careers pages publish them.
    public func jobsFeed(firmName: String, publicURL: String) async throws -> Data {
        let exporter = JobPostingExport(taxonomy: taxonomy, firmName: firmName, publicURL: publicURL)
        return try JobPostingExport.data(exporter.feed(try await openJobs()))
    }

    /// "Ana Lima" → "ana-lima", for file names.
    public static func slug(_ name: String) -> String {
        let words = name.lowercased().folding(options: .diacriticInsensitive, locale: nil)
            .split(whereSeparator: { !$0.isLetter && !$0.isNumber }).filter { $0.allSatisfy(\.isASCII) }
        return words.isEmpty ? "candidate" : words.prefix(6).joined(separator: "-")
    }
}
