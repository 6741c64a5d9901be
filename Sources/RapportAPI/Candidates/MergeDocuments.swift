import Foundation
import RapportCore
import RapportFormats

/// The people a candidate may be: `{"items": [{"id", "name", "reason"}]}`.
public struct LikelyDuplicateListDocument: Encodable, Sendable {
    public struct Item: Encodable, Sendable {
        public var id: CandidateID
        public var name: String
        public var reason: String
    }

    public var items: [Item]

    public init(_ found: [LikelyDuplicate]) {
        items = found.map { Item(id: $0.candidateID, name: $0.name, reason: $0.reason) }
    }

    public static let schema = Schema.object("Other people held who may be this one.", [
        required("items", .array(.object(nil, [
            required("id", .integer("The candidate already held.", minimum: 1)),
            required("name", .string()),
            required("reason", .string("the same phone number, or the same name and profile link.")),
        ]))),
    ])
}

/// Two records of one person made one, as the caller decided after comparing them: the record in the path is kept,
/// `absorbedID` goes. Both versions are those the caller compared, so a record changed since is not merged unseen.
public struct CandidateMergeDocument: Decodable, Sendable {
    public var absorbedID: Int64
    public var keptVersion: Int
    public var absorbedVersion: Int
    public var choices: [String: String]?

    public static let schema = Schema.object("Merge another record of the same person into this one.", [
        required("absorbedID", .integer("The record merged into this one and then gone; its id keeps answering 404 merged.", minimum: 1)),
        required("keptVersion", .integer("The version of this record you compared.", minimum: 1)),
        required("absorbedVersion", .integer("The version of the absorbed record you compared.", minimum: 1)),
        optional("choices", .object("Which record each field's value is taken from; a field not named keeps this record's. Everything else "
                                    + "both records know is united, and the stricter contact wish wins.",
                                    CandidateMerge.Field.allCases.map { optional($0.rawValue, .enumeration(CandidateMerge.Side.self)) })),
    ])

    public var picked: [CandidateMerge.Field: CandidateMerge.Side] {
        var picked: [CandidateMerge.Field: CandidateMerge.Side] = [:]
        for (field, side) in choices ?? [:] {
            if let field = CandidateMerge.Field(rawValue: field), let side = CandidateMerge.Side(rawValue: side) { picked[field] = side }
        }
        return picked
    }
}
