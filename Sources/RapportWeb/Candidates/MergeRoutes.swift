import Foundation
import Hummingbird
import RapportAPI
import RapportCore
import RapportFormats

/// `GET /api/v1/candidates/{id}/likely-duplicates` and `POST /api/v1/candidates/{id}/merge`: finding and merging
/// two records of one person, as the web app's side-by-side page does.
enum CandidateMergeRoutes {
    static func register(on group: RouterGroup<RapportRequestContext>, records: FirmRecords) {
        let store = records.store
        group.get("candidates/{id}/likely-duplicates") { _, context in
            let candidate = try await CandidateRoutes.held(CandidateID(try context.id()), store: store)
            let found = try await store.likelyDuplicates(keys: IdentityKeys.keys(for: candidate.profile), excluding: candidate.id)
            return LikelyDuplicateListDocument(found)
        }
        group.post("candidates/{id}/merge") { request, context in
            let user = try context.requireUser()
            let body = try await RequestBody.decode(CandidateMergeDocument.self, from: request, schema: CandidateMergeDocument.schema)
            let keptID = CandidateID(try context.id())
            guard body.absorbedID != keptID.rawValue else {
                throw APIError.unprocessable([ValidationIssue(field: "absorbedID", message: "is the record kept; name the other record of this person")])
            }
            let kept = try await CandidateRoutes.held(keptID, store: store)
            let absorbed: Candidate
            do {
                absorbed = try await store.candidate(CandidateID(body.absorbedID))
            } catch RapportError.notFound {
                throw APIError.unprocessable([ValidationIssue(field: "absorbedID", message: "names no candidate held (got \(body.absorbedID))")])
            }
            // What the caller compared must be what is merged.
            for (record, version) in [(kept, body.keptVersion), (absorbed, body.absorbedVersion)] where record.version != version {
                throw RapportError.staleVersion(entity: "candidate", id: String(record.id.rawValue), expected: version, actual: record.version)
            }
            let merge = CandidateMerge(kept: kept, absorbed: absorbed, choices: body.picked)
            return CandidateDocument(try await records.mergeCandidates(merge, by: user.id))
        }
    }
}
