import Foundation
import Hummingbird
import RapportAPI
import RapportCore
import RapportFormats
import RapportImport
import RapportMatch

/// Taking data out: a person as JSON Resume, and any filtered list of people as CSV. The API and the web app serve
/// the same files.
enum Exports {
    static func resume(_ id: CandidateID, records: FirmRecords, taxonomy: Taxonomy) async throws -> Response {
        let candidate = try await records.store.candidate(id)
        let notes = try await records.store.notes(candidate: id).map(\.note)
        let data = try ResumeExport(taxonomy: taxonomy).data(candidate.profile, notes: notes,
                                                             externalIDs: try await records.store.externalIDs(candidate: id))
        return download(data, type: "application/json", name: "\(slug(candidate.profile.name)).resume.json")
    }

    /// The people matching `query`, in id order, as CSV that `rapport import` reads back.
    static func candidatesCSV(_ query: CandidateQuery, records: FirmRecords, taxonomy: Taxonomy) async throws -> Response {
        var text = CSVWriter.row(["ID", "Name", "Email", "Phone", "City", "Country", "Desk", "Headline", "Availability", "Skills", "Links",
                                  "Added"])
        var after: Int64?
        var rows = 0
        repeat {
            let page = try await records.store.candidates(query, page: PageRequest(limit: PageRequest.maximumLimit, after: after))
            for candidate in page.items where rows < CandidateExport.maximumRows {
                let profile = candidate.profile
                text += CSVWriter.row([
                    candidate.id.description, profile.name, profile.email, profile.phone ?? "", profile.location.city ?? "",
                    profile.location.country, profile.region.rawValue, profile.headline, profile.availability.status.rawValue,
                    profile.skills.map { taxonomy.name($0.skillID) }.joined(separator: "; "), profile.links.joined(separator: " "),
                    ISO8601DateFormatter().string(from: candidate.createdAt),
                ])
                rows += 1
            }
            after = rows < CandidateExport.maximumRows ? page.nextAfter : nil
        } while after != nil
        return download(Data(text.utf8), type: "text/csv; charset=utf-8", name: "candidates.csv")
    }

    static func download(_ data: Data, type: String, name: String) -> Response {
        Response(status: .ok, headers: [
            .contentType: type, .contentDisposition: "attachment; filename=\"\(name)\"", .cacheControl: "no-store",
            .init("X-Content-Type-Options")!: "nosniff",
        ], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// "Ana Lima" → "ana-lima", for file names.
    static func slug(_ name: String) -> String {
        let words = name.lowercased().folding(options: .diacriticInsensitive, locale: nil)
            .split(whereSeparator: { !$0.isLetter && !$0.isNumber }).filter { $0.allSatisfy(\.isASCII) }
        return words.isEmpty ? "candidate" : words.prefix(6).joined(separator: "-")
    }
}

/// `GET /api/v1/candidates/{id}/resume` and `GET /api/v1/exports/candidates.csv`.
enum ExportRoutes {
    static func register(on group: RouterGroup<RapportRequestContext>, records: FirmRecords, matching: MatchService) {
        group.get("candidates/{id}/resume") { _, context in
            _ = try context.requireUser()
            guard let id = context.parameters.get("id", as: Int64.self), id > 0 else {
                throw RapportError.notFound(entity: "candidate", id: context.parameters.get("id") ?? "")
            }
            return try await Exports.resume(CandidateID(id), records: records, taxonomy: matching.taxonomy)
        }
        group.get("exports/candidates.csv") { request, context in
            _ = try context.requireUser()
            let query = try await CandidateRoutes.query(from: request, store: records.store)
            return try await Exports.candidatesCSV(query, records: records, taxonomy: matching.taxonomy)
        }
    }
}
