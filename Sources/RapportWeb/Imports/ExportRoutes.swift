import Foundation
import Hummingbird
import RapportAPI
import RapportCore
import RapportImport
import RapportMatch

/// The export files as downloads; `FirmExport` makes them, for the API, the web app and `rapport export` alike.
enum Exports {
    static func resume(_ id: CandidateID, records: FirmRecords, taxonomy: Taxonomy) async throws -> Response {
        let (data, name) = try await FirmExport(store: records.store, taxonomy: taxonomy).resume(id)
        return download(data, type: "application/json", name: name)
    }

    static func candidatesCSV(_ query: CandidateQuery, records: FirmRecords, taxonomy: Taxonomy) async throws -> Response {
        let data = try await FirmExport(store: records.store, taxonomy: taxonomy).candidatesCSV(query)
        return download(data, type: "text/csv; charset=utf-8", name: "candidates.csv")
    }

    static func download(_ data: Data, type: String, name: String) -> Response {
        Response(status: .ok, headers: [
            .contentType: type, .contentDisposition: "attachment; filename=\"\(name)\"", .cacheControl: "no-store",
            .init("X-Content-Type-Options")!: "nosniff",
        ], body: .init(byteBuffer: ByteBuffer(bytes: data)))
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
