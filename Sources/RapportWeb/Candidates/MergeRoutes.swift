import Foundation
import Hummingbird
import RapportAPI
import RapportCore
import RapportFormats

/// The people a candidate may be: `{"items": [{"id", "name", "reason"}]}`.
struct LikelyDuplicateListDocument: ResponseEncodable, Sendable {
    struct Item: Encodable, Sendable {
        var id: CandidateID
        var name: String
        var reason: String
    }

    var items: [Item]

    init(_ found: [LikelyDuplicate]) {
        items = found.map { Item(id: $0.candidateID, name: $0.name, reason: $0.reason) }
    }
}

/// Two records of one person made one, as the caller decided after comparing them: the record in the path is kept,
/// `absorbedID` goes. Both versions are those the caller compared, so a record changed since is not merged unseen.
struct CandidateMergeDocument: Decodable, Sendable {
    var absorbedID: Int64
    var keptVersion: Int
    var absorbedVersion: Int
    var choices: [String: String]?

    static let schema = Schema.object("Merge another record of the same person into this one.", [
        required("absorbedID", .integer("The record merged into this one and then gone; its id keeps answering 404 merged.", minimum: 1)),
        required("keptVersion", .integer("The version of this record you compared.", minimum: 1)),
        required("absorbedVersion", .integer("The version of the absorbed record you compared.", minimum: 1)),
        optional("choices", .object("Which record each field's value is taken from; a field not named keeps this record's. Everything else "
                                    + "both records know is united, and the stricter contact wish wins.",
                                    CandidateMerge.Field.allCases.map { optional($0.rawValue, .enumeration(CandidateMerge.Side.self)) })),
    ])

    var picked: [CandidateMerge.Field: CandidateMerge.Side] {
        var picked: [CandidateMerge.Field: CandidateMerge.Side] = [:]
        for (field, side) in choices ?? [:] {
            if let field = CandidateMerge.Field(rawValue: field), let side = CandidateMerge.Side(rawValue: side) { picked[field] = side }
        }
        return picked
    }
}

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

    static var paths: [String: JSONValue] {
        [
            "/api/v1/candidates/{id}/likely-duplicates": .object([
                "parameters": .array([OpenAPIDocument.idParameter]),
                "get": OpenAPIDocument.operation(
                    "Other people held who may be this one: the same phone number, or the same name and profile link.", tag: "candidates",
                    responses: ["200": OpenAPIDocument.response("The people, each with why.", schema: OpenAPIDocument.schemaRef("LikelyDuplicates"))]
                        + OpenAPIDocument.errors("401", "404")),
            ]),
            "/api/v1/candidates/{id}/merge": .object([
                "parameters": .array([OpenAPIDocument.idParameter]),
                "post": OpenAPIDocument.operation(
                    "Merge another record of this person into this one, once a person has compared them; the other record's replies, "
                        + "pipeline, notes and files move here, and its id answers 404 merged.", tag: "candidates",
                    body: OpenAPIDocument.schemaRef("CandidateMerge"),
                    responses: ["200": OpenAPIDocument.response("The record kept, merged.", schema: OpenAPIDocument.schemaRef("Candidate"))]
                        + OpenAPIDocument.errors("400", "401", "404", "409", "413", "422")),
            ]),
        ]
    }

    static let components: [String: Schema] = [
        "CandidateMerge": CandidateMergeDocument.schema,
        "LikelyDuplicates": .object("Other people held who may be this one.", [
            required("items", .array(.object(nil, [
                required("id", .integer("The candidate already held.", minimum: 1)),
                required("name", .string()),
                required("reason", .string("the same phone number, or the same name and profile link.")),
            ]))),
        ]),
    ]
}
