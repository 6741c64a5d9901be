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
            let file = ImportFile(name: name, data: Data(body.readableBytesView), isJSONLines: lines)
            guard let attachmentID = try request.integer(ImportParameters.attachment).map({ AttachmentID($0) }) else {
                return try await importer.run(file, format: format ?? (csv ? .csv : nil), options: options)
            }
            // A CV is kept with one person: the body must hold exactly one résumé that can be stored, checked first.
            let attachment: Attachment
            do {
                attachment = try await records.store.attachment(attachmentID)
            } catch RapportError.notFound {
                throw RapportError.invalid([.missing("attachment", "names no CV read with POST /api/v1/cv-drafts")])
            }
            guard attachment.candidateID == nil else {
                throw APIError(status: .conflict, code: "in_use", message: "attachment \(attachmentID) is already kept with candidate "
                               + "\(attachment.candidateID!)", field: "attachment")
            }
            do {
                return try await importer.runKeeping(attachment.fileName, with: file, format: format, options: options) { id in
                    _ = try await records.store.attach(attachmentID, to: id)
                }
            } catch is NotOnePerson {
                throw RapportError.invalid([ValidationIssue(field: "attachment", message: "keeps a CV with one person: the body must be one "
                                                            + "JSON Resume document that can be stored (see a dry run without it)")])
            }
        }
        group.post("cv-drafts") { request, context in
            let user = try context.requireUser()
            let fileName = try request.parameter(ImportParameters.fileName).map(\.trimmed).flatMap { $0.isEmpty ? nil : $0 } ?? "cv"
            var request = request
            let body = try await request.collectBody(upTo: Attachment.maximumBytes)
            let data = Data(body.readableBytesView)
            guard !data.isEmpty else { throw APIError.badRequest("the request body is empty; send the CV file's bytes", code: "empty_body") }
            do {
                let (attachment, draft) = try await CVIntake(records: records, tools: matching.textTools).take(data, fileName: fileName, by: user.id)
                return EditedResponse(status: .created, response: CVDraftDocument(attachment: attachment, draft: draft))
            } catch let error as FormatError {
                throw RapportError.invalid([ValidationIssue(field: "body", message: error.message)])
            }
        }
    }
}
