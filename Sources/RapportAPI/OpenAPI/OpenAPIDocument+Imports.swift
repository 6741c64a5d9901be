import Foundation
import RapportCore
import RapportFormats
import RapportImport

/// The import, merge and export routes as the document describes them.
extension OpenAPIDocument {
    static let importComponents: [String: Schema] = [
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
    static let importRequestBody: JSONValue = .object(["required": .bool(true), "content": .object([
        // Any JSON: a document, or a list of them; whatever is not a record it reads is reported as rejected.
        "application/json": .object(["schema": .object(["description": .string("A résumé or posting, or a list of them.")])]),
        "application/ld+json": .object(["schema": .object(["description": .string("A JobPosting, or a list of them.")])]),
        "application/x-ndjson": .object(["schema": .object(["type": .string("string"), "description": .string("One JSON document per line.")])]),
        "text/html": .object(["schema": .object(["type": .string("string"), "description": .string("A careers page with JobPosting JSON-LD.")])]),
        "text/csv": .object(["schema": .object(["type": .string("string"), "description": .string("A CSV export of people, with a header row.")])]),
    ])])

    static var importPaths: [String: JSONValue] {
        var operation = operation(
            "Import people from JSON Resume, or jobs from schema.org JobPosting JSON-LD or the JSON Resume job schema (admins): "
                + "one document or a list as application/json or application/ld+json, one per line as application/x-ndjson, a "
                + "careers page as text/html, or a CSV export of people as text/csv, up to 32 MiB. Stored whole in one transaction, "
                + "or not at all.",
            tag: "imports", parameters: ImportParameters.all.map(parameter),
            responses: ["200": response("The report; committed says whether anything was stored.",
                                                        schema: schemaRef("ImportReport"))]
                + errors("400", "401", "403", "409", "413", "415", "422"))
        // The body may come in five media types, which `operation` (one type) cannot say.
        if case .object(var fields) = operation {
            fields["requestBody"] = importRequestBody
            operation = .object(fields)
        }
        return ["/api/v1/imports": .object(["post": operation])]
    }

    /// A CV in, a draft person out: the body is the file's bytes, in any media type.
    static var cvDraftPaths: [String: JSONValue] {
        let draft: JSONValue = .object([
            "type": .string("object"), "additionalProperties": .bool(false),
            "required": .array(["attachmentID", "fileName", "kind", "draft", "skills"].map(JSONValue.string)),
            "properties": .object([
                "attachmentID": render(.integer("The CV as kept; a file no person is stored with is removed after a day.", minimum: 1)),
                "fileName": render(.string()),
                "kind": render(.enumeration(AttachmentKind.self, "What the bytes are, whatever the name says.")),
                "draft": .object(["type": .string("object"), "description": .string(
                    "The draft as a JSON Resume document: name, e-mail, phone, links, place, headline, work and education where the "
                        + "headings allow, and the skills found.")]),
                "skills": render(.array(.object(nil, [required("name", .string()), required("evidence", .string("The words that show it."))]),
                                        "The taxonomy's skills the text names.")),
            ]),
        ])
        var operation = operation(
            "Read a CV (.docx, .pdf, .txt or .md, at most \(Attachment.maximumBytes >> 20) MiB; the kind from its bytes) into a draft "
                + "person for a recruiter to review and correct: the file is kept for nobody yet, and the corrected draft is stored, "
                + "with the file, by POST /api/v1/imports?attachment=ID.",
            tag: "imports", parameters: [parameter(ImportParameters.fileName)],
            responses: ["201": response("The draft and the file's id.", schema: draft)] + errors("400", "401", "413", "422"))
        if case .object(var fields) = operation {
            fields["requestBody"] = .object(["required": .bool(true), "content": .object([
                "application/octet-stream": .object(["schema": .object(["type": .string("string"), "format": .string("binary"),
                                                                     "description": .string("The file's bytes; an empty body is refused (400).")])]),
            ])])
            operation = .object(fields)
        }
        return ["/api/v1/cv-drafts": .object(["post": operation])]
    }

    static var mergePaths: [String: JSONValue] {
        [
            "/api/v1/candidates/{id}/likely-duplicates": .object([
                "parameters": .array([idParameter]),
                "get": operation(
                    "Other people held who may be this one: the same phone number, or the same name and profile link.", tag: "candidates",
                    responses: ["200": response("The people, each with why.", schema: schemaRef("LikelyDuplicates"))]
                        + errors("401", "404")),
            ]),
            "/api/v1/candidates/{id}/merge": .object([
                "parameters": .array([idParameter]),
                "post": operation(
                    "Merge another record of this person into this one, once a person has compared them; the other record's replies, "
                        + "pipeline, notes and files move here, and its id answers 404 merged.", tag: "candidates",
                    body: schemaRef("CandidateMerge"),
                    responses: ["200": response("The record kept, merged.", schema: schemaRef("Candidate"))]
                        + errors("400", "401", "404", "409", "413", "422")),
            ]),
        ]
    }

    static let mergeComponents: [String: Schema] = [
        "CandidateMerge": CandidateMergeDocument.schema,
        "LikelyDuplicates": LikelyDuplicateListDocument.schema,
    ]

    static var exportPaths: [String: JSONValue] {
        [
            "/api/v1/candidates/{id}/resume": .object([
                "get": operation(
                    "A person as a JSON Resume document (v1.2.1): their career, languages and skills with levels, in the words the "
                        + "importer reads back, so importing it gives the same record.",
                    tag: "exports", parameters: [idParameter],
                    responses: ["200": response("The JSON Resume document.", schema: .object(["type": .string("object")]))]
                        + errors("401", "404")),
            ]),
            "/api/v1/exports/candidates.csv": .object([
                "get": operation(
                    "The people matching the list's filters as CSV (at most \(FirmExport.maximumRows)), in columns rapport import reads back; "
                        + "a cell a spreadsheet would run as a formula starts with an apostrophe.",
                    tag: "exports", parameters: CandidateParameters.filters.map(parameter),
                    responses: ["200": .object(["description": .string("CSV, one person per row."),
                                                "content": .object(["text/csv": .object(["schema": .object(["type": .string("string")])])])])]
                        + errors("401", "404", "422")),
            ]),
        ]
    }
}
