import Foundation
import Hummingbird
import RapportAPI
import RapportCore
import RapportFormats

/// The six routes every resource shares — list, create, read, replace (PUT), merge-patch (PATCH), delete — written
/// once; each resource supplies its schema and how to reach its store.
struct ResourceRoutes<Document: VersionedDocument & ResponseEncodable>: Sendable {
    typealias Context = RapportRequestContext

    /// Plural path segment, such as `candidates`.
    let name: String
    let schema: Schema
    let list: @Sendable (Request, PageRequest) async throws -> Page<Document>
    let read: @Sendable (Int64) async throws -> Document
    let create: @Sendable (Document, Request, Context) async throws -> Document
    let update: @Sendable (Int64, Int, Document, Request, Context) async throws -> Document
    let delete: @Sendable (Int64, Context) async throws -> Void

    func register(on group: RouterGroup<Context>) {
        let patchSchema = schema.mergePatch(components: OpenAPIDocument.components)
        group.get(RouterPath(name)) { request, _ in
            ListDocument(try await list(request, try request.pageRequest()))
        }
        group.post(RouterPath(name)) { request, context in
            let document = try await RequestBody.decode(Document.self, from: request, schema: schema)
            return EditedResponse(status: .created, response: try await create(document, request, context))
        }
        group.get(RouterPath("\(name)/{id}")) { _, context in
            try await read(try context.id())
        }
        group.put(RouterPath("\(name)/{id}")) { request, context in
            let id = try context.id()
            let document = try await RequestBody.decode(Document.self, from: request, schema: schema)
            return try await update(id, try Self.version(of: document), document, request, context)
        }
        group.patch(RouterPath("\(name)/{id}")) { request, context in
            let id = try context.id()
            let (_, patch) = try await RequestBody.json(request)
            guard case .object(let members) = patch else {
                throw APIError.badRequest("a merge patch must be a JSON object", code: "malformed_json")
            }
            guard let version = members["version"], version != .null else {
                throw APIError.unprocessable([ValidationIssue(field: "version", message: "is required: send the version you last read")])
            }
            try RequestBody.check(patch, against: patchSchema)
            let current = try JSONDecoder().decode(JSONValue.self, from: try APIDates.encoder.encode(try await read(id)))
            var merged = current.merged(with: patch)
            if case .object(var fields) = merged {
                fields["version"] = version
                merged = .object(fields)
            }
            let document = try RequestBody.decode(Document.self, from: merged, schema: schema)
            return try await update(id, try Self.version(of: document), document, request, context)
        }
        group.delete(RouterPath("\(name)/{id}")) { _, context in
            try await delete(try context.id(), context)
            return Response(status: .noContent)
        }
    }

    static func version(of document: Document) throws -> Int {
        guard let version = document.version else {
            throw APIError.unprocessable([ValidationIssue(field: "version", message: "is required: send the version you last read")])
        }
        return version
    }
}

extension RapportRequestContext {
    /// The `{id}` path parameter, or a 404 when it is not a positive integer (no such record can exist).
    func id(_ name: String = "id") throws -> Int64 {
        let text = parameters.get(name) ?? ""
        guard let id = Int64(text), id > 0 else {
            throw APIError(status: .notFound, code: "not_found", message: "no record has id \"\(text.prefix(40))\"")
        }
        return id
    }
}
