import Foundation
import Hummingbird
import RapportCore
import RapportImport
import RapportMatch
import RapportOutreach

/// The import page, for admins: upload a file, read its dry-run report, and store it only on confirming. What is
/// stored is the very file the report was about, kept between the two steps.
struct ImportPage: Sendable {
    struct Option: Sendable {
        var value: String
        var label: String
        var selected = false
    }

    /// One record of the report.
    struct Row: Sendable {
        var record: Int
        var outcome: String
        var who: String
        var href: String?
        var issues: [String]
    }

    var layout: Layout
    var formats: [Option]
    var desks: [Option]
    var problem: String?
    /// The report, once a file was read.
    var hasReport = false
    var fileName = ""
    var summary = ""
    var notes: [String] = []
    var stopped: String?
    var rows: [Row] = []
    /// Records not listed, past the first `listed`.
    var more = 0
    var hasMore = false
    /// The token of the upload that may be stored, when the dry run found something to store.
    var confirmToken: String?
    var stored = false

    static let listed = 500

    init(context: RapportRequestContext, problem: String? = nil) {
        layout = Layout(title: "Import", context: context, section: "imports")
        formats = [Option(value: "", label: "The one the file looks like", selected: true)]
            + [("json-resume", "People: JSON Resume (.json, .jsonl)"), ("csv", "People: CSV export"),
               ("schema-org-job", "Jobs: schema.org JobPosting (.jsonld, a careers page)"), ("json-resume-job", "Jobs: JSON Resume job")]
            .map { Option(value: $0.0, label: $0.1) }
        desks = Region.allCases.map { Option(value: $0.rawValue, label: $0.rawValue) }
        self.problem = problem
    }

    /// The page showing `report`; `token` is offered for confirmation when the dry run would store something.
    init(context: RapportRequestContext, report: ImportReport, fileName: String, token: String?) {
        self.init(context: context)
        hasReport = true
        self.fileName = fileName
        stored = report.committed && !report.dryRun
        let counts = ImportReport.Outcome.allCases.map { "\(report.count($0)) \($0.rawValue)" }.joined(separator: ", ")
        summary = stored ? "Stored: \(counts)." : report.stopped == nil ? "Nothing stored yet. Would be: \(counts)." : "Nothing stored: \(counts)."
        notes = report.notes
        stopped = report.stopped
        rows = report.records.prefix(Self.listed).map { record in
            let who = [record.name, record.email.map { "<\($0)>" }, record.client.map { "at \($0)" }].compactMap { $0 }.joined(separator: " ")
            let href = record.candidateID.map { "/candidates/\($0)" } ?? record.jobID.map { "/jobs/\($0)" }
            var issues = record.issues.map { "\($0.severity)\($0.field.isEmpty ? "" : " " + $0.field): \($0.message)" }
            if !record.unresolvedSkills.isEmpty { issues.append("skills not in the taxonomy: " + record.unresolvedSkills.joined(separator: ", ")) }
            return Row(record: record.record, outcome: record.outcome.rawValue, who: who.isEmpty ? "–" : who, href: stored ? href : nil,
                       issues: issues)
        }
        more = max(0, report.records.count - Self.listed)
        hasMore = more > 0
        let storable = report.count(.created) + report.count(.updated) > 0
        confirmToken = report.stopped == nil && storable && !stored ? token : nil
    }
}

extension WebRoutes {
    func registerImports(on pages: RouterGroup<RapportRequestContext>) {
        pages.get("imports") { _, context -> Response in
            _ = try Self.admin(context)
            return views.response(ImportPage(context: context), template: "import")
        }
        pages.post("imports") { request, context -> Response in
            let user = try Self.admin(context)
            guard let session = context.session else { throw WebRedirect(location: "/sign-in") }
            let upload = try await MultipartUpload.read(request, limit: ImportRoutes.maximumBytes + (1 << 20))
            guard let token = upload.fields["csrf"], SessionManager.constantTimeEqual(token, session.csrfToken) else { throw HTTPError(.forbidden) }
            guard let file = upload.files["file"], !file.fileName.isEmpty, !file.data.isEmpty else {
                return views.response(ImportPage(context: context, problem: "Choose a file to import."), template: "import",
                                      status: .unprocessableContent)
            }
            let format = upload.fields["format"].flatMap { ImportFormat(rawValue: $0) }
            let region = upload.fields["region"].flatMap { Region(rawValue: $0) }
            let mapping = upload.files["mapping"].flatMap { $0.data.isEmpty ? nil : $0.data }
            let store = outreach.records.store
            let now = outreach.records.now()
            _ = try await store.deletePendingImports(before: now.addingTimeInterval(-86_400))
            let pending = PendingImport(token: Self.randomToken(), fileName: file.fileName, format: format?.rawValue, region: region,
                                        commitValid: upload.fields["commitValid"] != nil, mapping: mapping, content: file.data,
                                        uploadedBy: user.id, uploadedAt: now)
            let report = try await run(pending, dryRun: true)
            if report.count(.created) + report.count(.updated) > 0 && report.stopped == nil { try await store.savePendingImport(pending) }
            return views.response(ImportPage(context: context, report: report, fileName: file.fileName, token: pending.token), template: "import")
        }
        pages.post("imports/{token}") { request, context -> Response in
            let user = try Self.admin(context)
            _ = try await Self.checkedForm(request, context: context)
            let token = context.parameters.get("token") ?? ""
            let store = outreach.records.store
            guard let pending = try await store.pendingImport(token: token), pending.uploadedBy == user.id else {
                return views.response(ImportPage(context: context, problem: "That upload is no longer waiting: it was stored already, or "
                                                 + "left for more than a day. Upload the file again."),
                                      template: "import", status: .notFound)
            }
            let report = try await run(pending, dryRun: false)
            try await store.deletePendingImport(token: token)
            return views.response(ImportPage(context: context, report: report, fileName: pending.fileName, token: nil), template: "import")
        }
    }

    /// Imports a waiting upload as `rapport import` would, through the records the match index follows.
    private func run(_ pending: PendingImport, dryRun: Bool) async throws -> ImportReport {
        let importer = FirmImporter(records: outreach.records, taxonomy: outreach.matching.taxonomy)
        return try await importer.run(ImportFile(name: pending.fileName, data: pending.content), format: pending.format.flatMap { ImportFormat(rawValue: $0) },
                                      mapping: pending.mapping,
                                      options: ImportOptions(dryRun: dryRun, commitValid: pending.commitValid, region: pending.region,
                                                             runBy: pending.uploadedBy))
    }

    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<24).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }
}
