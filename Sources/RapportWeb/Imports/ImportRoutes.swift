import Foundation
import Hummingbird
import RapportAPI
import RapportCore
import RapportFormats
import RapportImport
import RapportMatch
import RapportText

extension ImportReport: ResponseEncodable {}

/// `POST /api/v1/imports`: people from JSON Resume and jobs from postings, as `rapport import` brings them in, for admins.
enum ImportRoutes {
    /// Imports are bigger than other bodies: 32 MiB, about ten thousand résumés as JSON Lines.
    static let maximumBytes = 32 << 20

    static func register(on group: RouterGroup<RapportRequestContext>, records: FirmRecords, matching: MatchService) {
        group.post("imports") { request, context in
            try context.requireAdmin("import people and jobs")
            let format = try request.value(ImportParameters.format, as: ImportFormat.self)
            let source = try request.parameter(ImportParameters.source).map(\.trimmed).flatMap { $0.isEmpty ? nil : $0 }
            let options = ImportOptions(dryRun: try request.boolean(ImportParameters.dryRun),
                                        commitValid: try request.boolean(ImportParameters.commitValid),
                                        region: try request.value(ImportParameters.region, as: Region.self),
                                        runBy: try context.requireUser().id, idSource: source)
            let mediaType = request.headers[.contentType]?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            let lines = mediaType == "application/x-ndjson" || mediaType == "application/jsonl"
            let page = mediaType == "text/html"
            let csv = mediaType == "text/csv"
            guard lines || page || csv || mediaType == "application/json" || mediaType == "application/ld+json" else {
                throw APIError.unsupportedMediaType("send application/json or application/ld+json (one document or a list), "
                                                    + "application/x-ndjson (one per line), text/html (a careers page with JSON-LD) "
                                                    + "or text/csv (people)")
            }
            // A format named must be one the body's media type can carry.
            if let format, let mediaType, !(format == .csv ? csv : page ? format == .schemaOrgJob : !csv) {
                throw APIError.unsupportedMediaType("\(format.rawValue) is not read from \(mediaType): send "
                                                    + (format == .csv ? "text/csv" : "application/json, application/ld+json or application/x-ndjson"
                                                       + (format == .schemaOrgJob ? " or text/html" : "")))
            }
            var request = request
            let body = try await request.collectBody(upTo: maximumBytes)
            guard body.readableBytes > 0 else {
                throw APIError.badRequest("the request body is empty; send résumés or job postings", code: "malformed_json")
            }
            let name = try request.parameter(ImportParameters.name).map(\.trimmed).flatMap { $0.isEmpty ? nil : $0 }
                ?? (lines ? "upload.jsonl" : page ? "upload.html" : csv ? "upload.csv" : "upload.json")
            let importer = FirmImporter(records: records, taxonomy: matching.textTools.taxonomy)
            return try await importer.run(ImportFile(name: name, data: Data(body.readableBytesView), isJSONLines: lines),
                                          format: format ?? (csv ? .csv : nil), options: options)
        }
    }
}

extension ImportRoutes {
    static let components: [String: Schema] = [
        "ImportReport": .object("What an import did, or would do on a dry run, record by record.", [
            required("format", .enumeration(ImportFormat.self)),
            required("dryRun", .boolean()),
            required("committed", .boolean("True when the valid records were stored.")),
            optional("stopped", .string("Why nothing was stored, when records were refused and commitValid was not given.")),
            required("notes", .array(.string(), "What was decided about the file: a CSV's encoding, delimiter and columns.")),
            required("records", .array(.object(nil, [
                required("file", .string()),
                required("record", .integer("The line (JSON Lines), entry (a list) or row (CSV, the header is row 1), from 1.", minimum: 1)),
                required("outcome", .enumeration(ImportReport.Outcome.self)),
                optional("candidateID", .integer(minimum: 1)),
                optional("jobID", .integer(minimum: 1)),
                optional("name", .string("The person's name, or the job's title.")),
                optional("email", .string()),
                optional("client", .string("The client a job is for.")),
                required("issues", .array(.object(nil, [
                    required("field", .string("A JSON pointer into the record, a CSV column, or a Rapport field.")),
                    required("message", .string()),
                    required("severity", .string("warning (kept or left out) or error (record refused).")),
                ]))),
                required("unresolvedSkills", .array(.string(), "Skill names the taxonomy does not know: kept on the person, left out of a job.")),
                required("likelyDuplicates", .array(.object(nil, [
                    required("candidateID", .integer(minimum: 1)),
                    required("name", .string()),
                    required("reason", .string("the same phone number, the same name and profile link, or both.")),
                ]), "People already held whom this person may be; reported, never merged.")),
            ]))),
        ]),
    ]

    /// The media types the import reads, each with the shape of its body.
    static let requestBody: JSONValue = .object(["required": .bool(true), "content": .object([
        // Any JSON: a document, or a list of them; whatever is not a record it reads is reported as rejected.
        "application/json": .object(["schema": .object(["description": .string("A résumé or posting, or a list of them.")])]),
        "application/ld+json": .object(["schema": .object(["description": .string("A JobPosting, or a list of them.")])]),
        "application/x-ndjson": .object(["schema": .object(["type": .string("string"), "description": .string("One JSON document per line.")])]),
        "text/html": .object(["schema": .object(["type": .string("string"), "description": .string("A careers page with JobPosting JSON-LD.")])]),
        "text/csv": .object(["schema": .object(["type": .string("string"), "description": .string("A CSV export of people, with a header row.")])]),
    ])])

    static var paths: [String: JSONValue] {
        var operation = OpenAPIDocument.operation(
            "Import people from JSON Resume, or jobs from schema.org JobPosting JSON-LD or the JSON Resume job schema (admins): "
                + "one document or a list as application/json or application/ld+json, one per line as application/x-ndjson, a "
                + "careers page as text/html, or a CSV export of people as text/csv, up to 32 MiB. Stored whole in one transaction, "
                + "or not at all.",
            tag: "imports", parameters: ImportParameters.all.map(OpenAPIDocument.parameter),
            responses: ["200": OpenAPIDocument.response("The report; committed says whether anything was stored.",
                                                        schema: OpenAPIDocument.schemaRef("ImportReport"))]
                + OpenAPIDocument.errors("400", "401", "403", "413", "415", "422"))
        // The body may come in five media types, which `operation` (one type) cannot say.
        if case .object(var fields) = operation {
            fields["requestBody"] = requestBody
            operation = .object(fields)
        }
        return ["/api/v1/imports": .object(["post": operation])]
    }
}
